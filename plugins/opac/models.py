"""The local catalogue: Koha's records, normalised, searchable, keyed by Koha's biblio id."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from koha_bridge.marc import NormalisedRecord


class CatalogueRecord(models.Model):
    """One bibliographic record from Koha, as the site shows it; ``SearchDocument`` is how it is
    searched (``plugins.opac.search``)."""

    biblio_id = models.PositiveBigIntegerField(_("Koha biblio id"), primary_key=True)
    flavour = models.CharField(_("MARC flavour"), max_length=10)
    title = models.CharField(_("title"), max_length=1000)
    subtitle = models.CharField(_("subtitle"), max_length=1000, blank=True)
    authors = models.JSONField(_("authors"), default=list, blank=True)
    isbns = models.JSONField(_("ISBNs"), default=list, blank=True)
    issns = models.JSONField(_("ISSNs"), default=list, blank=True)
    publisher = models.CharField(_("publisher"), max_length=500, blank=True)
    year = models.IntegerField(_("year"), null=True, blank=True, db_index=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    language = models.CharField(_("main language"), max_length=3, blank=True, db_index=True)
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    series = models.JSONField(_("series"), default=list, blank=True)
    edition = models.CharField(_("edition"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    physical_description = models.CharField(_("physical description"), max_length=500, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    cover_isbn = models.CharField(_("cover ISBN"), max_length=13, blank=True)
    notes = models.JSONField(_("notes"), default=list, blank=True)
    format = models.CharField(_("format"), max_length=20, default="book", db_index=True)
    added_on = models.DateField(
        _("catalogued on"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When the record was added to Koha's catalogue (its creation date)."),
    )
    marc = models.JSONField(_("MARC record (MARC-in-JSON)"))
    # Of the MARC-in-JSON text as synced (``koha_bridge.sync.Marc``): a re-sync skips the record
    # while Koha sends the same MARC.
    marc_digest = models.CharField(max_length=32, blank=True, editable=False)
    synced_at = models.DateTimeField(_("synced at"), auto_now=True)

    class Meta:
        verbose_name = _("catalogue record")
        verbose_name_plural = _("catalogue records")
        ordering = ["title", "biblio_id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.biblio_id})"

    @classmethod
    def from_normalised(
        cls, record: NormalisedRecord, marc: dict, added_on: str = "", marc_digest: str = ""
    ) -> CatalogueRecord:
        return cls(
            biblio_id=record.biblio_id,
            flavour=record.flavour.value,
            title=record.title[:1000],
            subtitle=record.subtitle[:1000],
            authors=[{"name": a.name, "role": a.role, "dates": a.dates} for a in record.authors],
            isbns=list(record.isbns),
            issns=list(record.issns),
            publisher=record.publisher[:500],
            year=record.year,
            languages=list(record.languages),
            language=record.languages[0][:3] if record.languages else "",
            subjects=list(record.subjects),
            series=list(record.series),
            edition=record.edition[:500],
            summary=record.summary,
            physical_description=record.physical_description[:500],
            links=[{"url": link.url, "note": link.note} for link in record.links],
            cover_isbn=record.cover_isbn,
            notes=list(record.notes),
            format=record.format,
            added_on=_date(added_on),
            marc=marc,
            marc_digest=marc_digest,
        )


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


class SearchDocument(models.Model):
    """A record as the catalogue's search reads it: its words folded (``search.folding``) into
    weighted fields, and the columns it is filtered and sorted on.

    The database's full-text index is built over these fields: SQLite FTS5 (the table
    ``opac_search_fts`` kept by triggers) or PostgreSQL's generated ``vector`` column with a GIN
    index; neither is known to the ORM (migration 0004)."""

    record = models.OneToOneField(
        CatalogueRecord,
        primary_key=True,
        db_column="biblio_id",
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    title = models.TextField(blank=True)  # title and subtitle
    authors = models.TextField(blank=True)
    subjects = models.TextField(blank=True)
    series = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    identifiers = models.TextField(blank=True)  # ISBN-13s and ISSNs, digits only
    title_key = models.CharField(max_length=200, blank=True)
    author_key = models.CharField(max_length=200, blank=True)  # the first author's, folded
    year = models.IntegerField(null=True, blank=True)
    language = models.CharField(max_length=3, blank=True)
    format = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["language"], name="opac_doc_language"),
            models.Index(fields=["format"], name="opac_doc_format"),
            models.Index(fields=["year"], name="opac_doc_year"),
            models.Index(fields=["title_key"], name="opac_doc_title_key"),
            models.Index(fields=["author_key"], name="opac_doc_author_key"),
            # A hit's filters, facets and sort keys without reading its words: what a search
            # with thousands of hits reads thousands of times.
            models.Index(
                fields=["record", "language", "format", "year", "title_key", "author_key"],
                name="opac_doc_hit",
            ),
        ]

    def __str__(self) -> str:
        return f"search document {self.record_id}"


class SearchFacet(models.Model):
    """One subject heading or author of a record, as its facet counts and filters them; or a
    series it belongs to, which recommendations look up."""

    record = models.ForeignKey(
        CatalogueRecord, db_column="biblio_id", on_delete=models.CASCADE, db_index=False
    )
    facet = models.CharField(max_length=10)  # Facet.SUBJECT, Facet.AUTHOR or "series"
    value = models.CharField(max_length=300)  # as shown, cut to what a URL may ask for

    class Meta:
        indexes = [
            # Counting: a record's values without reading the table.
            models.Index(fields=["record", "facet", "value"], name="opac_facet_record"),
            # Filtering: a value's records.
            models.Index(fields=["facet", "value", "record"], name="opac_facet_value"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}: {self.value}"


class SearchWord(models.Model):
    """A word of the catalogue's titles, authors, subjects and series, for "did you mean"."""

    word = models.CharField(max_length=100, primary_key=True)

    def __str__(self) -> str:
        return self.word


class Rating(models.Model):
    """A reader's stars for a record: one per reader per record, from 1 to 5, changeable."""

    STARS = range(1, 6)

    record = models.ForeignKey(
        CatalogueRecord,
        db_column="biblio_id",
        on_delete=models.CASCADE,
        related_name="ratings",
        verbose_name=_("record"),
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="catalogue_ratings",
        verbose_name=_("reader"),
    )
    stars = models.PositiveSmallIntegerField(
        _("stars"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rated_at = models.DateTimeField(_("rated at"), auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["reader", "record"], name="opac_rating_once"),
            models.CheckConstraint(
                condition=models.Q(stars__gte=1, stars__lte=5), name="opac_rating_stars"
            ),
        ]
        indexes = [models.Index(fields=["record", "stars"], name="opac_rating_record")]

    def __str__(self) -> str:
        return f"{self.reader_id} → {self.record_id}: {self.stars}"


class TagTerm(models.Model):
    """A tag as librarians judge it: readers' new tags wait for approval (as Koha's
    TagsModeration has them) unless the term is already approved; rejected terms never show."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a librarian")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    key = models.CharField(_("folded term"), max_length=50, unique=True, editable=False)
    term = models.CharField(_("tag"), max_length=50)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created = models.DateTimeField(_("first used"), auto_now_add=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs) -> None:
        # A term approved (or rejected) ahead by a librarian matches the tags readers give it.
        from plugins.opac.tags import tag_key

        self.key = tag_key(self.term)
        super().save(*args, **kwargs)


class Tagging(models.Model):
    """A reader's tag on a record, in the language they tagged it in."""

    record = models.ForeignKey(
        CatalogueRecord, db_column="biblio_id", on_delete=models.CASCADE, related_name="taggings"
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="catalogue_tags"
    )
    tag = models.ForeignKey(TagTerm, on_delete=models.CASCADE, related_name="taggings")
    language = models.CharField(_("language"), max_length=7)
    created = models.DateTimeField(_("tagged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("tagging")
        verbose_name_plural = _("taggings")
        constraints = [
            models.UniqueConstraint(fields=["reader", "record", "tag"], name="opac_tag_once")
        ]
        indexes = [
            models.Index(fields=["language", "tag"], name="opac_tagging_cloud"),
            models.Index(fields=["record", "language"], name="opac_tagging_record"),
        ]

    def __str__(self) -> str:
        return f"{self.tag_id} on {self.record_id}"


class SimilarRecord(models.Model):
    """ "Readers who liked this also liked": a record's nearest records by readers' ratings,
    kept by ``plugins.opac.recommendations.stored`` (never while a page is being served)."""

    record = models.ForeignKey(
        CatalogueRecord, db_column="biblio_id", on_delete=models.CASCADE, related_name="+"
    )
    similar = models.ForeignKey(
        CatalogueRecord,
        db_column="similar_biblio_id",
        on_delete=models.CASCADE,
        related_name="+",
    )
    score = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "similar"], name="opac_similar_once")
        ]
        indexes = [models.Index(fields=["record", "-score"], name="opac_similar_best")]

    def __str__(self) -> str:
        return f"{self.record_id} ~ {self.similar_id}: {self.score:.3f}"


class RatingColumn(models.Model):
    """The length of a record's column of readers' centred stars, kept by
    ``plugins.opac.recommendations.stored`` so that an update after one rating need not read
    every reader's ratings again."""

    record = models.OneToOneField(
        CatalogueRecord,
        db_column="biblio_id",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    length = models.FloatField()

    def __str__(self) -> str:
        return f"{self.record_id}: {self.length:.3f}"


class NotInterested(models.Model):
    """A title a reader asked never to be recommended again."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="not_interested"
    )
    record = models.ForeignKey(
        CatalogueRecord, db_column="biblio_id", on_delete=models.CASCADE, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("title a reader is not interested in")
        verbose_name_plural = _("titles readers are not interested in")
        constraints = [
            models.UniqueConstraint(fields=["reader", "record"], name="opac_not_interested_once")
        ]

    def __str__(self) -> str:
        return f"{self.reader_id} not interested in {self.record_id}"


class SyncState(models.Model):
    """Where catalogue sync stands: the last complete run's watermark and the run under way."""

    class Mode(models.TextChoices):
        FULL = "full", _("full")
        INCREMENTAL = "incremental", _("incremental")

    name = models.CharField(max_length=50, unique=True, default="koha")
    watermark = models.CharField(
        _("changes seen up to"),
        max_length=40,
        blank=True,
        help_text=_("Koha's time when the last complete run started (RFC 3339)."),
    )
    run = models.PositiveIntegerField(_("run number"), default=0)
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices, blank=True)
    since = models.CharField(_("changed since"), max_length=40, blank=True)
    run_watermark = models.CharField(max_length=40, blank=True)
    last_biblio_id = models.PositiveBigIntegerField(_("last record done"), default=0)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    synced = models.PositiveIntegerField(_("records synced"), default=0)
    unchanged = models.PositiveIntegerField(_("records unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("records skipped"), default=0)
    removed = models.PositiveIntegerField(_("records removed"), default=0)

    class Meta:
        verbose_name = _("catalogue sync state")

    def __str__(self) -> str:
        return f"{self.name}: run {self.run} ({self.mode or 'never run'})"

    @property
    def in_progress(self) -> bool:
        return self.started_at is not None and self.finished_at is None


# Bookshelves, acquisitions and the catalogue page live in modules of their own; Django finds
# models through this one.
from plugins.opac.acquisitions.models import FailedSearch, PurchaseSuggestion  # noqa: E402, F401
from plugins.opac.catalogue_page import CataloguePage  # noqa: E402, F401
from plugins.opac.shelf_models import Shelf, ShelfEntry, ShelfFollow  # noqa: E402, F401
