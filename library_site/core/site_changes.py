"""When what the site's pages show changes, forget what was kept of them: the frames (menu,
language links, footer) and the whole pages kept for anonymous readers.

The rule is the simplest that is right: any publish, unpublish, move or deletion of a page in any
language, and any save or deletion of a site, locale, view restriction, setting, snippet, image,
document, comment, review, rating or tag, or a catalogue sync batch (the home page lists new
acquisitions), forgets everything of every site at once. Page saves include drafts: rare enough
to cost nothing.
"""

from __future__ import annotations

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django_comments.models import Comment
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from library_site.core.frame import forget_frames
from library_site.core.models import LibraryProfile, SocialAccount
from library_site.core.page_cache import forget_pages
from plugins.opac.models import Rating, SyncState, Tagging, TagTerm

SHOWN_MODELS: tuple[type[Model], ...] = (
    Page,
    Site,
    Locale,
    PageViewRestriction,
    BaseSiteSetting,
    BaseGenericSetting,
    LibraryProfile,
    SocialAccount,
    AbstractImage,
    AbstractDocument,
    Comment,  # comments and reviews
    Rating,  # readers' ratings and tags, on record pages and catalogue cards
    Tagging,
    TagTerm,
    SyncState,
)


def forget_everything(**_signal) -> None:
    forget_frames()
    forget_pages()


def _forget_after_change(sender, instance, **_signal) -> None:
    if isinstance(instance, SHOWN_MODELS) or type(instance) in get_snippet_models():
        forget_everything()


def connect() -> None:
    """Forget frames and kept pages whenever what any page shows may have changed."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_everything, dispatch_uid=f"site-changes-{id(signal)}")
    # Pages are saved and deleted as their own classes: every save is looked at.
    post_save.connect(_forget_after_change, dispatch_uid="site-changes-saved")
    post_delete.connect(_forget_after_change, dispatch_uid="site-changes-deleted")
