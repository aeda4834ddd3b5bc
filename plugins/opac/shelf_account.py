"""What bookshelves add to a reader's account (plugins.readers.extensions): their shelves and
lists with counts, a form for a new list, the lists they follow with what was added lately;
all of it in the data download, and gone with the account."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from plugins.opac import shelves
from plugins.opac.shelf_models import DESCRIPTION_LENGTH, NAME_LENGTH, Shelf, ShelfEntry
from plugins.readers.extensions import AccountSection


@dataclass(frozen=True)
class AccountShelves:
    shelves: list[Shelf]  # each with ``count``
    followed: list[shelves.Followed]
    shelves_url: str
    language: str
    limits: dict


def account_shelves(reader) -> AccountShelves:
    language = get_language()
    return AccountShelves(
        shelves=shelves.readers_shelves(reader),
        followed=shelves.followed(reader),
        shelves_url=shelves.shelves_url(language),
        language=language,
        limits={"name": NAME_LENGTH, "description": DESCRIPTION_LENGTH},
    )


def shelves_data(reader) -> dict:
    """The reader's shelves with their records, and the shelves they follow (by address)."""
    entries: dict[int, list[dict]] = {}
    rows = ShelfEntry.objects.filter(shelf__owner=reader).select_related("record")
    for entry in rows.order_by("shelf_id", "added_at", "record_id"):
        entries.setdefault(entry.shelf_id, []).append(
            {
                "biblio_id": entry.record_id,
                "title": entry.record.title,
                "added_at": entry.added_at.isoformat(),
            }
        )
    owned = Shelf.objects.filter(owner=reader).order_by("created", "pk")
    return {
        "shelves": [
            {
                "kind": shelf.kind,
                "name": shelf.name,
                "description": shelf.description,
                "public": shelf.public,
                "address": shelves.shelf_url(shelf, "en"),
                "records": entries.get(shelf.pk, []),
            }
            for shelf in owned
        ],
        "following": [
            shelves.shelf_url(shelf, "en")
            for shelf in Shelf.objects.filter(follows__follower=reader).order_by("pk")
        ],
    }


SHELVES_SECTION = AccountSection(
    key="shelves",
    template="opac/account_shelves.html",
    context=account_shelves,
    personal_data=shelves_data,
    removed=lambda: _("your bookshelves and lists, and the lists you follow"),
    order=20,
)
