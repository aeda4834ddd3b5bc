"""What readers think of the service: a rating after an answer or a chat, and suggestions."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

FEEDBACK_MAX_LENGTH = 2000


class ServiceRating(models.Model):
    """The reader's 1–5 for how one question or chat was handled; given again, it replaces."""

    question = models.OneToOneField(
        "reference.Question",
        on_delete=models.CASCADE,
        related_name="rating",
        verbose_name=_("question"),
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=FEEDBACK_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("rated at"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("service rating")
        verbose_name_plural = _("service ratings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="reference_score_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.score}/5"


class ServiceSuggestion(models.Model):
    """A reader's suggestion about the library's services, read by its management."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reader"),
    )
    email = models.EmailField(_("e-mail address for an answer"), blank=True)
    body = models.TextField(_("suggestion"), max_length=FEEDBACK_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=7)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("read by the library"), default=False)

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.body[:60]
