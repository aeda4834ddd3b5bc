"""The report's period: the last 7, 30, 90 or 365 days, or from one day to another."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LAST_DAYS = (7, 30, 90, 365)
DEFAULT_DAYS = 30
LONGEST = timedelta(days=3660)  # ten years: what one page may count
CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    """From ``since`` to ``until``, both days included."""

    since: date
    until: date

    @property
    def start(self) -> datetime:
        """Midnight of the first day, in the site's time zone."""
        return timezone.make_aware(datetime.combine(self.since, time.min))

    @property
    def end(self) -> datetime:
        """Midnight after the last day, in the site's time zone (not included)."""
        return timezone.make_aware(datetime.combine(self.until + timedelta(days=1), time.min))

    def query(self) -> dict[str, str]:
        """The period as the report's address gives it."""
        return {"period": CUSTOM, "since": self.since.isoformat(), "until": self.until.isoformat()}


def last_days(days: int, today: date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period(today - timedelta(days=days - 1), today)


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[
            *((str(days), _("Last %(days)s days") % {"days": days}) for days in LAST_DAYS),
            (CUSTOM, _("From … to …")),
        ],
        required=False,
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("period") == CUSTOM and not (data.get("since") and data.get("until")):
            raise forms.ValidationError(_("Give both days of the period."))
        return data

    def chosen(self) -> Period:
        """The period asked for; the last 30 days when the form says nothing usable."""
        if not self.is_valid():
            return last_days(DEFAULT_DAYS)
        data = self.cleaned_data
        if data.get("period") == CUSTOM:
            since, until = sorted((data["since"], data["until"]))
            return Period(max(since, until - LONGEST), until)
        return last_days(int(data.get("period") or DEFAULT_DAYS))
