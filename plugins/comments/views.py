"""The one view plugins.comments adds to django-comments-xtd's: a comment's own address."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404

from plugins.comments.registry import registration_of


def comment_target(request: HttpRequest, content_type_id: int, object_pk: str):
    """Redirect to the page that shows the commented object: registered models need no
    ``get_absolute_url`` (django_comments' default redirect requires one)."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    registration = registration_of(model) if model else None
    if registration is None:
        raise Http404("this kind of object takes no comments")
    target = get_object_or_404(model, pk=object_pk)
    return HttpResponseRedirect(registration.url(target))
