"""What happens to comments around them: the language they are written in is kept when they are
saved; a deleted account's comments are taken down and lose its name and address."""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.utils.translation import get_language
from django_comments_xtd import get_model

from plugins.comments.models import CommentLanguage


def keep_language(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """A new comment is in the language of the page it came from (the request's)."""
    if created and not raw:
        CommentLanguage.objects.get_or_create(
            comment_id=instance.pk, defaults={"language": get_language() or "en"}
        )


def forget_author(sender, instance, **kwargs) -> None:
    """django_comments keeps a deleted user's comments (its foreign key is SET_NULL) with the
    name and address they gave: remove them from the site and forget who wrote them."""
    get_model().objects.filter(user=instance).update(
        is_removed=True, is_public=False, user_name="", user_email="", user_url="", ip_address=None
    )


def connect() -> None:
    post_save.connect(keep_language, sender=get_model(), dispatch_uid="comments-language")
    pre_delete.connect(
        forget_author, sender=settings.AUTH_USER_MODEL, dispatch_uid="comments-forget"
    )
