"""A post's comment count, kept right.

Puput counts on django-comments-xtd's ``confirmation_received``, which is sent *before* the
confirmed comment is saved (so the count stays 0), and for any model's comments (so a confirmed
review of a catalogue record would fail on ``blog_page``). Its receiver is unhooked; the count is
recomputed whenever a comment on a post is saved or deleted, from the comments readers see.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django_comments_xtd import get_model
from django_comments_xtd.signals import confirmation_received

from plugins.comments.visibility import shown_comments

PUPUT_RECEIVER = "puput_comment_posted_id"


def count_of(entry) -> int:
    """How many comments readers see on ``entry``."""
    return (
        shown_comments()
        .filter(content_type=ContentType.objects.get_for_model(entry), object_pk=str(entry.pk))
        .count()
    )


def recount(sender, instance, **kwargs) -> None:
    from plugins.blog.models import BlogEntryPage

    if instance.content_type_id != ContentType.objects.get_for_model(BlogEntryPage).pk:
        return
    entry = BlogEntryPage.objects.filter(pk=instance.object_pk).first()
    if entry is not None:
        # The page row only: not a new revision, not a re-publication.
        BlogEntryPage.objects.filter(pk=entry.pk).update(num_comments=count_of(entry))


def connect() -> None:
    """Replace Puput's counter with this module's."""
    import puput.signals  # noqa: F401  (connects Puput's receiver, whichever app is ready first)

    confirmation_received.disconnect(dispatch_uid=PUPUT_RECEIVER)
    model = get_model()
    post_save.connect(recount, sender=model, dispatch_uid="blog_comment_count_saved")
    post_delete.connect(recount, sender=model, dispatch_uid="blog_comment_count_deleted")
