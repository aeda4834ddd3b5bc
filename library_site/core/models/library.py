"""Who the library is: name, address and hours in every language, contacts, social accounts,
and its weekly opening periods (which the live chat follows)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin


class LibraryProfile(TranslatableMixin, models.Model):
    """The library's name, address and opening hours in one language (translated by editors)."""

    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("One line per day or range of days, e.g. 'Mon–Fri 9:00–19:00'."),
    )

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("opening_hours")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("library profile")
        verbose_name_plural = _("library profiles")

    def __str__(self) -> str:
        return self.name

    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    def opening_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]


@register_setting(icon="home")
class LibrarySettings(BaseSiteSetting, ClusterableModel):
    """Contacts and social accounts of the site's library, and its profile in every language."""

    profile = models.ForeignKey(
        LibraryProfile,
        verbose_name=_("profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Name, address and opening hours; translate it to show it in other languages."),
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("profile"),
        FieldPanel("phone"),
        FieldPanel("email"),
        InlinePanel("social_accounts", label=_("Social accounts")),
        InlinePanel(
            "opening_periods",
            label=_("Opening periods"),
            help_text=_(
                "When the library is open each week, in the site's time zone; the live chat "
                "is offered only then. Several periods a day are allowed (e.g. a lunch break)."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("library")


class SocialAccount(Orderable):
    """One of the library's accounts, linked from the footer with rel="me"."""

    class Network(models.TextChoices):
        TELEGRAM = "telegram", "Telegram"
        VK = "vk", _("VK")
        ODNOKLASSNIKI = "ok", _("Odnoklassniki")
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        YOUTUBE = "youtube", "YouTube"
        TIKTOK = "tiktok", "TikTok"
        OTHER = "other", _("Other")

    settings = ParentalKey(
        LibrarySettings, on_delete=models.CASCADE, related_name="social_accounts"
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    url = models.URLField(_("address"), help_text=_("The full link to the account."))

    panels = [FieldPanel("network"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social account")
        verbose_name_plural = _("social accounts")

    def __str__(self) -> str:
        return f"{self.get_network_display()}: {self.url}"


class OpeningPeriod(Orderable):
    """One period the library is open on a weekday; a closing time of 0:00 means midnight."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    settings = ParentalKey(
        LibrarySettings, on_delete=models.CASCADE, related_name="opening_periods"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    # Times of day: exhibitions' "opens" and "closes" are dates, and read otherwise.
    opens = models.TimeField(pgettext_lazy("time of day", "opens"))
    closes = models.TimeField(
        pgettext_lazy("time of day", "closes"), help_text=_("0:00 for midnight.")
    )

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.opens is not None and self.closes is not None and not self.closes_after_opening:
            raise ValidationError({"closes": _("The library must close after it opens.")})

    @property
    def closes_after_opening(self) -> bool:
        return self.closes == datetime.time(0) or self.closes > self.opens
