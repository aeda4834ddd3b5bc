"""The local catalogue: Koha's records, normalised, searchable, keyed by Koha's biblio id."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from koha_bridge.marc import NormalisedRecord


class CatalogueQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Records, searchable with Wagtail search: ``CatalogueRecord.objects.search("Kobzar")``."""


class CatalogueRecord(index.Indexed, models.Model):
    """One bibliographic record from Koha, as the site shows and searches it."""

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
    sync_run = models.PositiveIntegerField(_("last sync run that saw it"), default=0, db_index=True)
    synced_at = models.DateTimeField(_("synced at"), auto_now=True)

    objects = CatalogueQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("subtitle"),
        index.SearchField("author_names", boost=2),
        index.SearchField("subject_headings"),
        index.SearchField("summary"),
        index.SearchField("series_titles"),
        index.SearchField("publisher"),
        index.SearchField("isbn_numbers"),
        index.FilterField("language"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("catalogue record")
        verbose_name_plural = _("catalogue records")
        ordering = ["title", "biblio_id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.biblio_id})"

    def author_names(self) -> str:
        return " ; ".join(author["name"] for author in self.authors)

    def subject_headings(self) -> str:
        return " ; ".join(self.subjects)

    def series_titles(self) -> str:
        return " ; ".join(self.series)

    def isbn_numbers(self) -> str:
        return " ".join(self.isbns)

    @classmethod
    def from_normalised(
        cls, record: NormalisedRecord, marc: dict, sync_run: int = 0, added_on: str = ""
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
            sync_run=sync_run,
        )


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


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
    skipped = models.PositiveIntegerField(_("records skipped"), default=0)
    removed = models.PositiveIntegerField(_("records removed"), default=0)

    class Meta:
        verbose_name = _("catalogue sync state")

    def __str__(self) -> str:
        return f"{self.name}: run {self.run} ({self.mode or 'never run'})"

    @property
    def in_progress(self) -> bool:
        return self.started_at is not None and self.finished_at is None


# The catalogue page lives in a module of its own; Django finds models through this one.
from plugins.opac.catalogue_page import CataloguePage  # noqa: E402, F401
