"""Who answers the live chat: a librarian is on duty while their chat console is open."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChatDuty(models.Model):
    """A librarian's chat console, last heard from at ``last_seen``."""

    librarian = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reference_chat_duty",
        verbose_name=_("librarian"),
    )
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("chat duty")
        verbose_name_plural = _("chat duties")

    def __str__(self) -> str:
        return str(self.librarian)
