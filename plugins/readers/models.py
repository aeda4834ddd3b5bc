"""What the site keeps about a reader besides the account: the Koha card linked to it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class KohaCard(models.Model):
    """A site account's Koha library card: Koha's patron id, never the PIN.

    One card per account and one account per card: both sides are unique.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="koha_card",
        verbose_name=_("account"),
    )
    patron_id = models.PositiveBigIntegerField(_("Koha patron id"), unique=True)
    cardnumber = models.CharField(_("card number"), max_length=32)
    home_library_id = models.CharField(_("home library"), max_length=32, blank=True)
    linked_at = models.DateTimeField(_("linked on"), auto_now_add=True)
    shows_reading_history = models.BooleanField(_("shows the reading history"), default=False)

    class Meta:
        verbose_name = _("Koha card")
        verbose_name_plural = _("Koha cards")

    def __str__(self) -> str:
        return masked(self.cardnumber)


def masked(cardnumber: str) -> str:
    """The last four characters of a card number, enough to recognise it in a log or on a
    screen others may see."""
    return "*" * max(len(cardnumber) - 4, 0) + cardnumber[-4:]
