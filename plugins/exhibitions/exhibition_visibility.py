"""Which exhibitions every reader may see, in the same query that finds them."""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def unrestricted(pages):
    """``pages`` but those under a view restriction (a password, a group, logged-in readers).

    Wagtail's ``public()`` reads the restrictions in a query of its own first; this asks the
    database in the same query: no restriction on the page or on one of its ancestors (whose
    tree path is a prefix of the page's)."""
    restricted = PageViewRestriction.objects.annotate(depth=Length("page__path")).filter(
        page__path=Substr(OuterRef("path"), 1, F("depth"))
    )
    return pages.filter(~Exists(restricted))
