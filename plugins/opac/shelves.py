"""Readers' bookshelves: what a reader puts on them, who may see them, who follows them.

Every reader has three fixed shelves, "want to read", "reading" and "read" (made when first
needed; a record sits on at most one of them, so putting it on one takes it off the others),
and any number of named lists. A shelf is private unless its owner makes it public; a public
shelf has an address made of an unguessable token, shows its owner's name only if they gave
one, and has feeds. A reader who is blocked (inactive) shows nothing to anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from plugins.opac.cards import RecordCard, rated_cards
from plugins.opac.jobs import later
from plugins.opac.models import CatalogueRecord
from plugins.opac.reader_input import clean_value
from plugins.opac.recommendations.stored import update_after
from plugins.opac.record_urls import CATALOGUE_PATH
from plugins.opac.shelf_models import DESCRIPTION_LENGTH, NAME_LENGTH, Shelf, ShelfEntry
from plugins.opac.shelf_models import ShelfFollow as Follow

Kind = Shelf.Kind
SHOWN_PER_SHELF = 12  # records each shelf shows on the reader's shelves page, the latest first
RECENT_PER_FOLLOWED = 3  # latest additions shown of each followed list


class ShelfRefused(ValueError):
    """Why a shelf cannot be made, renamed or used, in the reader's language."""


# -- addresses ------------------------------------------------------------------------------


def shelves_url(language: str) -> str:
    """The reader's own shelves page in ``language``."""
    return f"/{language}/{CATALOGUE_PATH}/shelves/"


def shelf_url(shelf: Shelf, language: str) -> str:
    """A shelf's page in ``language``: its token, never its owner's name."""
    return f"{shelves_url(language)}{shelf.token}/"


def display_name(reader) -> str:
    """How a shelf's owner is named to others: the name they gave, else "A reader" (never
    their username or e-mail)."""
    return reader.get_full_name().strip() or _("A reader")


# -- a reader's shelves -------------------------------------------------------------------


def fixed_shelves(reader) -> dict[str, Shelf]:
    """The reader's three fixed shelves by kind, made where missing: one query once made."""
    found = {s.kind: s for s in Shelf.objects.filter(owner=reader, kind__in=Shelf.FIXED)}
    if len(found) < len(Shelf.FIXED):
        missing = [Shelf(owner=reader, kind=kind) for kind in Shelf.FIXED if kind not in found]
        Shelf.objects.bulk_create(missing, ignore_conflicts=True)
        found = {s.kind: s for s in Shelf.objects.filter(owner=reader, kind__in=Shelf.FIXED)}
    return found


def _in_order(shelves) -> list[Shelf]:
    """Fixed shelves first (want, reading, read), then lists by name."""
    place = {kind: number for number, kind in enumerate(Shelf.FIXED)}
    return sorted(shelves, key=lambda s: (place.get(s.kind, len(place)), s.name_key, s.pk))


def readers_shelves(reader) -> list[Shelf]:
    """All the reader's shelves, each with ``count`` (its records), in order: one query. A
    fixed shelf not made yet (nothing was ever put on it) is there unsaved, without address."""
    found = list(Shelf.objects.filter(owner=reader).annotate(count=Count("entries")))
    made = {shelf.kind for shelf in found}
    for kind in Shelf.FIXED:
        if kind not in made:
            found.append(Shelf(owner=reader, kind=kind, token=""))
            found[-1].count = 0
    return _in_order(found)


@dataclass(frozen=True)
class ShelfView:
    shelf: Shelf
    count: int
    cards: list[RecordCard]  # the latest records first, at most SHOWN_PER_SHELF


def _latest_entries(shelves: QuerySet | list, per_shelf: int) -> QuerySet[ShelfEntry]:
    """The latest ``per_shelf`` entries of each shelf, with their records: one query."""
    rank = Window(RowNumber(), partition_by=[F("shelf_id")], order_by=F("added_at").desc())
    return (
        ShelfEntry.objects.filter(shelf__in=shelves)
        .annotate(rank=rank)
        .filter(rank__lte=per_shelf)
        .select_related("record")
        .order_by("shelf_id", "rank")
    )


def shelves_overview(reader, per_shelf: int = SHOWN_PER_SHELF) -> list[ShelfView]:
    """The reader's shelves with their counts and latest records as cards: three queries,
    whatever the number of shelves and records."""
    shelves = readers_shelves(reader)
    entries = list(_latest_entries([s.pk for s in shelves if s.pk], per_shelf))
    cards = rated_cards([entry.record for entry in entries])
    by_shelf: dict[int, list[RecordCard]] = {}
    for entry, card in zip(entries, cards, strict=True):
        by_shelf.setdefault(entry.shelf_id, []).append(card)
    return [ShelfView(s, s.count, by_shelf.get(s.pk, [])) for s in shelves]


def owned(reader, token: str) -> Shelf | None:
    """The reader's own shelf at this address; None for anyone else's."""
    if not reader.is_authenticated:
        return None
    return Shelf.objects.filter(owner=reader, token=token).first()


def visible(token: str, viewer) -> Shelf | None:
    """The shelf at this address if the viewer may see it: their own, or a public one of an
    active reader."""
    shelf = Shelf.objects.filter(token=token).select_related("owner").first()
    if shelf is None:
        return None
    if viewer.is_authenticated and shelf.owner_id == viewer.pk:
        return shelf
    return shelf if shelf.public and shelf.owner.is_active else None


def published(token: str) -> Shelf | None:
    """The public shelf of an active reader at this address (what feeds serve)."""
    return (
        Shelf.objects.filter(token=token, public=True, owner__is_active=True)
        .select_related("owner")
        .first()
    )


def shelf_records(shelf: Shelf) -> QuerySet[CatalogueRecord]:
    """The shelf's records, the latest added first, each with ``shelved_at``."""
    return (
        CatalogueRecord.objects.filter(shelf_entries__shelf=shelf)
        .annotate(shelved_at=F("shelf_entries__added_at"))
        .order_by("-shelved_at", "-biblio_id")
    )


# -- lists: made, renamed, described, shown or hidden, deleted ---------------------------


def clean_name(raw: str) -> str:
    name = clean_value(raw or "", NAME_LENGTH + 1)
    if not name:
        raise ShelfRefused(_("Give the list a name."))
    if len(name) > NAME_LENGTH:
        raise ShelfRefused(
            _("A list's name can have at most %(count)s characters.") % {"count": NAME_LENGTH}
        )
    return name


def clean_description(raw: str) -> str:
    description = clean_value(raw or "", DESCRIPTION_LENGTH + 1)
    if len(description) > DESCRIPTION_LENGTH:
        raise ShelfRefused(
            _("A list's description can have at most %(count)s characters.")
            % {"count": DESCRIPTION_LENGTH}
        )
    return description


def name_key(name: str) -> str:
    """What makes two list names the same for one reader: case and spacing aside."""
    return " ".join(name.casefold().split())


def _save_list(shelf: Shelf) -> Shelf:
    try:
        with transaction.atomic():
            shelf.save()
    except IntegrityError:
        raise ShelfRefused(
            _("You already have a list called “%(name)s”.") % {"name": shelf.name}
        ) from None
    return shelf


def create_list(reader, name: str, description: str = "", public: bool = False) -> Shelf:
    """A new named list of the reader's; raises ShelfRefused for a name it cannot have."""
    name, description = clean_name(name), clean_description(description)
    shelf = Shelf(owner=reader, kind=Kind.LIST, name=name, name_key=name_key(name))
    shelf.description, shelf.public = description, public
    return _save_list(shelf)


def edit(shelf: Shelf, name: str, description: str, public: bool) -> Shelf:
    """Rename and describe a list, and show or hide any shelf; fixed shelves keep their name."""
    if shelf.is_list:
        shelf.name, shelf.description = clean_name(name), clean_description(description)
        shelf.name_key = name_key(shelf.name)
    shelf.public = public
    return _save_list(shelf)


def delete_list(shelf: Shelf) -> None:
    if not shelf.is_list:
        raise ShelfRefused(_("The shelves “Want to read”, “Reading” and “Read” stay."))
    shelf.delete()


# -- records on shelves -------------------------------------------------------------------


def chosen_shelf(reader, choice: str) -> Shelf | None:
    """The shelf a form names: a fixed shelf by kind, a list by its token; None when the
    reader has no such shelf."""
    if choice in Shelf.FIXED:
        return fixed_shelves(reader)[choice]
    return Shelf.objects.filter(owner=reader, kind=Kind.LIST, token=choice).first()


def shelve(reader, record: CatalogueRecord, shelf: Shelf) -> bool:
    """Put the record on the reader's shelf; on a fixed shelf it leaves the other two. Whether
    it was not there already."""
    with transaction.atomic():
        if not shelf.is_list:
            ShelfEntry.objects.filter(
                shelf__owner=reader, shelf__kind__in=Shelf.FIXED, record=record
            ).exclude(shelf=shelf).delete()
        _entry, created = ShelfEntry.objects.get_or_create(shelf=shelf, record=record)
    if created:
        later(update_after, reader.pk, record.pk)
    return created


def unshelve(record: CatalogueRecord, shelf: Shelf) -> bool:
    """Take the record off the shelf; whether it was on it."""
    removed = ShelfEntry.objects.filter(shelf=shelf, record=record).delete()[0] > 0
    if removed:
        later(update_after, shelf.owner_id, record.pk)
    return removed


@dataclass(frozen=True)
class Shelving:
    """Where a record sits among a reader's shelves, for its page's form."""

    fixed: list[tuple[str, str, Shelf | None]]  # (kind, label, the shelf if the record is on it)
    lists: list[Shelf]  # each with ``holds``: whether the record is on it
    name_length = NAME_LENGTH  # of a list made from the record page

    @property
    def on(self) -> list[Shelf]:
        return [s for _kind, _label, s in self.fixed if s] + [s for s in self.lists if s.holds]

    @property
    def fixed_kind(self) -> str:
        return next((kind for kind, _label, s in self.fixed if s), "")

    @property
    def on_read(self) -> bool:
        return self.fixed_kind == Kind.READ


def shelving_of(reader, record: CatalogueRecord) -> Shelving | None:
    """The reader's shelves and whether the record is on each: one query; None for visitors."""
    if not reader.is_authenticated:
        return None
    holds = Exists(ShelfEntry.objects.filter(shelf=OuterRef("pk"), record=record))
    shelves = _in_order(Shelf.objects.filter(owner=reader).annotate(holds=holds))
    by_kind = {s.kind: s for s in shelves if not s.is_list and s.holds}
    fixed = [(kind, str(Kind(kind).label), by_kind.get(kind)) for kind in Shelf.FIXED]
    return Shelving(fixed, [s for s in shelves if s.is_list])


# -- following ----------------------------------------------------------------------------


def follow(reader, shelf: Shelf) -> bool:
    """Follow another reader's public shelf; whether the reader did not already."""
    if shelf.owner_id == reader.pk:
        raise ShelfRefused(_("This is your own list: it is in My account already."))
    return Follow.objects.get_or_create(follower=reader, shelf=shelf)[1]


def unfollow(reader, shelf: Shelf) -> bool:
    return Follow.objects.filter(follower=reader, shelf=shelf).delete()[0] > 0


def follows(reader, shelf: Shelf) -> bool:
    return reader.is_authenticated and Follow.objects.filter(follower=reader, shelf=shelf).exists()


@dataclass(frozen=True)
class Followed:
    shelf: Shelf
    owner_name: str
    recent: list[ShelfEntry]  # the latest additions, with their records


def followed(reader, recent: int = RECENT_PER_FOLLOWED) -> list[Followed]:
    """The public shelves of active readers that the reader follows, each with its latest
    additions: two queries. Shelves made private or of blocked readers are left out."""
    shelves = list(
        Shelf.objects.filter(follows__follower=reader, public=True, owner__is_active=True)
        .select_related("owner")
        .order_by("-follows__followed_at", "pk")
    )
    entries: dict[int, list[ShelfEntry]] = {}
    for entry in _latest_entries([s.pk for s in shelves], recent):
        entries.setdefault(entry.shelf_id, []).append(entry)
    return [Followed(s, display_name(s.owner), entries.get(s.pk, [])) for s in shelves]


# -- what the library learns --------------------------------------------------------------


def most_wanted(since: datetime, until: datetime, limit: int) -> list[tuple[CatalogueRecord, int]]:
    """The records most often put on "want to read" between ``since`` and ``until``, with how
    many times: one query."""
    rows = (
        CatalogueRecord.objects.filter(
            shelf_entries__shelf__kind=Kind.WANT,
            shelf_entries__added_at__gte=since,
            shelf_entries__added_at__lt=until,
        )
        .annotate(wanted=Count("shelf_entries"))
        .order_by("-wanted", "title", "biblio_id")[:limit]
    )
    return [(record, record.wanted) for record in rows]
