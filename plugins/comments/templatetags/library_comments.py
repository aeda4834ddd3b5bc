"""``{% comments_for obj heading %}``: an object's comments, threaded, and the form to add one."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django_comments.models import CommentFlag
from django_comments_xtd import get_form, get_model
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG

from plugins.comments.registry import registration_of, url_of

register = template.Library()

FLAGS = [CommentFlag.SUGGEST_REMOVAL, LIKEDIT_FLAG, DISLIKEDIT_FLAG]
THREADS_PER_PAGE = 20  # comments shown with their replies; more on further pages
PAGE_PARAMETER = "comments"


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_for(context, obj, heading: str) -> dict:
    """Three queries whatever the number of comments: the threads, the comments of the page's
    threads with their users, their flags."""
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
        "max_thread_level": registration.max_thread_level,
        "page_path": request.get_full_path(),
    }


def comment_tree(obj, user, page_number: str | None = None) -> tuple[list[dict], Page]:
    """A page of the public comments on ``obj``: ``THREADS_PER_PAGE`` threads (a comment and
    its replies) as django-comments-xtd's tree of {comment, children, ...}, and the page."""
    comments = get_model().objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        site_id=settings.SITE_ID,
        is_public=True,
        is_removed=False,
    )
    started = comments.filter(level=0).order_by("thread_id").values_list("thread_id", flat=True)
    threads = Paginator(list(started), THREADS_PER_PAGE).get_page(page_number)
    flags = CommentFlag.objects.filter(flag__in=FLAGS).select_related("user")
    shown = (
        comments.filter(thread_id__in=list(threads))
        .select_related("user")
        .prefetch_related(Prefetch("flags", queryset=flags))
        .order_by(*xtd_settings.COMMENTS_XTD_LIST_ORDER)
    )
    tree = get_model().tree_from_queryset(shown, with_flagging=True, with_feedback=True, user=user)
    return tree, threads


@register.filter
def page_url(obj) -> str:
    """The page that shows ``obj`` and its comments."""
    return url_of(obj)


@register.filter
def site_address(site) -> str:
    """``site`` (django.contrib.sites) as the start of a full URL: HTTPS but on this machine."""
    local = site.domain.split(":")[0] in {"localhost", "127.0.0.1", "[::1]"}
    return f"{'http' if local else 'https'}://{site.domain}"
