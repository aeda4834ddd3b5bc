"""Where a catalogue record lives on the site: ``/<lang>/catalogue/<biblio id>/<slug>/``.

Stable: the id is Koha's biblionumber and the slug only decorates it (a wrong slug redirects
to the right one), so links in feeds, e-mails and other sites keep working when a title is
corrected in Koha.
"""

from __future__ import annotations

from django.utils.text import slugify

from plugins.opac.search.folding import fold

CATALOGUE_PATH = "catalogue"
# Up to 18 digits: every biblionumber the database's bigint holds, none that overflows it.
BIBLIO_ID = r"(?P<biblio_id>[0-9]{1,18})"  # in the catalogue page's routes
MAX_SLUG = 80


def record_slug(title: str) -> str:
    """The slug of a record titled ``title``: its folded words, in Latin letters where the
    title has them; "record" when nothing of it is left."""
    slug = slugify(fold(title), allow_unicode=True)[:MAX_SLUG].strip("-")
    return slug or "record"


def record_url(biblio_id: int, title: str, language: str) -> str:
    """The record's page in ``language`` (a site language code: en, ru, uk, ro)."""
    return f"/{language}/{CATALOGUE_PATH}/{int(biblio_id)}/{record_slug(title)}/"


def catalogue_url(language: str, route: str = "") -> str:
    """A route of the catalogue page in ``language``: ``catalogue_url("ru", "tags/")``."""
    return f"/{language}/{CATALOGUE_PATH}/{route}"
