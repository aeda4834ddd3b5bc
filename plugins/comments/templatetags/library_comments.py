"""``{% comments_for obj heading %}``: an object's comments, threaded, and the form to add one."""

from __future__ import annotations

from django import template
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet, Subquery
from django.urls import reverse
from django_comments.models import CommentFlag
from django_comments_xtd import get_form, get_model
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG

from plugins.comments.registry import registration_of, url_of
from plugins.comments.visibility import shown_comments

register = template.Library()

FLAGS = [CommentFlag.SUGGEST_REMOVAL, LIKEDIT_FLAG, DISLIKEDIT_FLAG]
THREADS_PER_PAGE = 20  # comments shown with their replies; more on further pages
PAGE_PARAMETER = "comments"


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_for(context, obj, heading: str) -> dict:
    """Two queries whatever the number of comments: a page of threads with their users and
    how many threads there are, then their flags."""
    request = context["request"]
    registration = registration_of(type(obj))
    if registration is None:
        raise template.TemplateSyntaxError(f"{type(obj).__name__} takes no comments")
    tree, threads = comment_tree(obj, request.user, request.GET.get(PAGE_PARAMETER))
    return {
        "request": request,
        "user": request.user,
        "heading": heading,
        "tree": tree,
        "threads": threads,
        "page_links": list(
            threads.paginator.get_elided_page_range(threads.number, on_each_side=2, on_ends=1)
        ),
        "page_parameter": PAGE_PARAMETER,
        "form": get_form()(obj),
        "form_url": reverse("comment-form", args=_form_args(obj)),
        "form_page_url": reverse("comment-form-page", args=_form_args(obj)),
        "max_thread_level": registration.max_thread_level,
        "page_path": request.get_full_path(),
    }


def _form_args(obj) -> tuple[int, str]:
    return ContentType.objects.get_for_model(obj).pk, str(obj.pk)


def comment_tree(obj, user, page_number: str | None = None) -> tuple[list[dict], Page]:
    """A page of the public comments on ``obj``: ``THREADS_PER_PAGE`` threads (a comment and
    its replies) as django-comments-xtd's tree of {comment, children, ...}, and the page."""
    comments = shown_comments().filter(
        content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
    )
    number = int(page_number) if (page_number or "").isdigit() and int(page_number) > 0 else 1
    shown, total = _threads(comments, number)
    if not shown and number > 1:  # past the last page: the first
        number = 1
        shown, total = _threads(comments, number)
    # The page's numbers from the count the query brought: a range costs no query.
    threads = Paginator(range(total), THREADS_PER_PAGE).page(number)
    tree = get_model().tree_from_queryset(shown, with_flagging=True, with_feedback=True, user=user)
    return tree, threads


def _threads(comments: QuerySet, number: int) -> tuple[list, int]:
    """The comments of the ``number``th page of threads, oldest thread first, each with how
    many threads there are in all: one query (and one for their flags)."""
    started = comments.filter(level=0)
    end = number * THREADS_PER_PAGE
    page = started.order_by("thread_id").values("thread_id")[end - THREADS_PER_PAGE : end]
    counted = started.order_by().values("object_pk").annotate(n=Count("pk")).values("n")
    # A blocked reader's likes and dislikes are hidden with the rest of what they did.
    flags = CommentFlag.objects.filter(flag__in=FLAGS, user__is_active=True).select_related("user")
    shown = list(
        comments.filter(thread_id__in=page)
        .annotate(threads=Subquery(counted))
        .select_related("user")
        .prefetch_related(Prefetch("flags", queryset=flags))
        .order_by(*xtd_settings.COMMENTS_XTD_LIST_ORDER)
    )
    return shown, shown[0].threads if shown else 0


@register.filter
def page_url(obj) -> str:
    """The page that shows ``obj`` and its comments."""
    return url_of(obj)


@register.filter
def site_address(site) -> str:
    """``site`` (django.contrib.sites) as the start of a full URL: HTTPS but on this machine."""
    local = site.domain.split(":")[0] in {"localhost", "127.0.0.1", "[::1]"}
    return f"{'http' if local else 'https'}://{site.domain}"
