"""Readers' purchase suggestions and the searches that found nothing."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

QUERY_LENGTH = 200  # longer searches are not logged: bots' odd input, not readers' wishes


class PurchaseSuggestion(models.Model):
    """A reader's wish that the library buy a title, kept until (and after) Koha has it.

    ``koha_suggestion_id`` is None until Koha took it; ``last_error`` says why it has not yet.
    """

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="purchase_suggestions",
        verbose_name=_("reader"),
    )
    title = models.CharField(_("title"), max_length=255)
    title_key = models.CharField(_("folded title"), max_length=255, editable=False)
    author = models.CharField(_("author"), max_length=255, blank=True)
    isbn = models.CharField(_("ISBN or ISSN"), max_length=17, blank=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=7)
    created = models.DateTimeField(_("suggested at"), auto_now_add=True, db_index=True)
    koha_suggestion_id = models.PositiveBigIntegerField(
        _("Koha suggestion id"), null=True, blank=True
    )
    koha_status = models.CharField(_("status in Koha"), max_length=40, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("purchase suggestion")
        verbose_name_plural = _("purchase suggestions")
        constraints = [
            models.UniqueConstraint(fields=["reader", "title_key"], name="opac_suggestion_once")
        ]
        indexes = [
            models.Index(fields=["koha_suggestion_id"], name="opac_suggestion_koha"),
            models.Index(fields=["title_key"], name="opac_suggestion_title"),
        ]
        permissions = [
            ("view_acquisitions_report", _("Can view the acquisitions report")),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def sent(self) -> bool:
        return self.koha_suggestion_id is not None


class FailedSearch(models.Model):
    """How many times a day searches with these (folded) words found nothing, in a language.

    Nobody's identity is kept: only the words, the language, the day and a count.
    """

    query = models.CharField(_("words"), max_length=QUERY_LENGTH)
    language = models.CharField(_("language"), max_length=7)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("times"), default=1)

    class Meta:
        verbose_name = _("search with no result")
        verbose_name_plural = _("searches with no result")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day"], name="opac_failed_search_once"
            )
        ]
        indexes = [models.Index(fields=["day"], name="opac_failed_search_day")]

    def __str__(self) -> str:
        return f"{self.query} ({self.language}, {self.day}): {self.count}"
