"""The views plugins.comments adds to django-comments-xtd's: a comment's own address, and the
form to write one, apart from the page it is about (which anonymous readers get from a cache
shared by all, so it carries no CSRF token)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django_comments_xtd import get_form
from wagtail.models import Page

from plugins.comments.registry import registration_of


def comment_target(request: HttpRequest, content_type_id: int, object_pk: str):
    """Redirect to the page that shows the commented object: registered models need no
    ``get_absolute_url`` (django_comments' default redirect requires one)."""
    target = _commented(content_type_id, object_pk)
    return HttpResponseRedirect(registration_of(type(target)).url(target))


@never_cache
def comment_form(request: HttpRequest, content_type_id: int, object_pk: str) -> HttpResponse:
    """The form alone, for the page's "Write yours" to fetch when the reader opens it."""
    target = _commented(content_type_id, object_pk)
    return render(request, "comments/form.html", _form_context(request, target))


@never_cache
def comment_form_page(request: HttpRequest, content_type_id: int, object_pk: str) -> HttpResponse:
    """The form on a page of its own: where "Write yours" leads without JavaScript."""
    target = _commented(content_type_id, object_pk)
    context = {
        **_form_context(request, target),
        "back_url": registration_of(type(target)).url(target),
    }
    return render(request, "comments/form_page.html", context)


def _form_context(request: HttpRequest, target: Model) -> dict:
    return {"form": get_form()(target), "user": request.user, "target": target}


def _commented(content_type_id: int, object_pk: str) -> Model:
    """The object of a registered model that readers may see, or 404."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or registration_of(model) is None:
        raise Http404("this kind of object takes no comments")
    target = get_object_or_404(model, pk=object_pk)
    if isinstance(target, Page) and not target.live:
        raise Http404("a draft takes no comments")
    return target
