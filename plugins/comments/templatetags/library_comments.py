"""``{% comments_for obj heading %}``: an object's comments, threaded, and the form to add one."""

from __future__ import annotations

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django_comments.models import CommentFlag
from django_comments_xtd import get_form, get_model
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG

from plugins.comments.registry import registration_of, url_of
from plugins.comments.visibility import shown_comments

register = template.Library()

FLAGS = [CommentFlag.SUGGEST_REMOVAL, LIKEDIT_FLAG, DISLIKEDIT_FLAG]


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_for(context, obj, heading: str) -> dict:
    """Three queries whatever the number of comments: the comments, their flags, their users."""
    request = context["request"]
    registration = registration_of(type(obj))
    if registration is None:
        raise template.TemplateSyntaxError(f"{type(obj).__name__} takes no comments")
    return {
        "request": request,
        "user": request.user,
        "heading": heading,
        "tree": comment_tree(obj, request.user),
        "form": get_form()(obj),
        "max_thread_level": registration.max_thread_level,
        "page_path": request.get_full_path(),
    }


def comment_tree(obj, user) -> list[dict]:
    """The public comments on ``obj`` as django-comments-xtd's tree of {comment, children, ...}."""
    # A blocked reader's likes and dislikes are hidden with the rest of what they did.
    flags = CommentFlag.objects.filter(flag__in=FLAGS, user__is_active=True).select_related("user")
    comments = (
        shown_comments()
        .filter(content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk))
        .select_related("user")
        .prefetch_related(Prefetch("flags", queryset=flags))
        .order_by(*xtd_settings.COMMENTS_XTD_LIST_ORDER)
    )
    return get_model().tree_from_queryset(
        comments, with_flagging=True, with_feedback=True, user=user
    )


@register.filter
def page_url(obj) -> str:
    """The page that shows ``obj`` and its comments."""
    return url_of(obj)


@register.filter
def site_address(site) -> str:
    """``site`` (django.contrib.sites) as the start of a full URL: HTTPS but on this machine."""
    local = site.domain.split(":")[0] in {"localhost", "127.0.0.1", "[::1]"}
    return f"{'http' if local else 'https'}://{site.domain}"
