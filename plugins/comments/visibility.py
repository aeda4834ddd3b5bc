"""Which comments readers see: published ones by visitors or by readers whose account is active.

A blocked reader's comments are hidden by this query, never deleted, so unblocking brings them
back; a deleted account's comments are taken down when it goes (``plugins.comments.signals``).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from django_comments_xtd import get_model

BY_ACTIVE_READERS = Q(user__isnull=True) | Q(user__is_active=True)


def shown_comments() -> QuerySet:
    """Every comment a visitor may read, on this site."""
    return get_model().objects.filter(
        BY_ACTIVE_READERS, site_id=settings.SITE_ID, is_public=True, is_removed=False
    )
