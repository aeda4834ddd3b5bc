"""The purchase-suggestion form: a title at least; an ISBN or ISSN checked by its check digit."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koha_bridge.marc.isbn import clean_issn, is_valid_issn, to_isbn13
from plugins.opac.acquisitions.suggestions import Wish

OLDEST_YEAR = 1450  # printing


class SuggestionForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        error_messages={"required": _("Give the title you would like the library to buy.")},
    )
    author = forms.CharField(label=_("Author"), max_length=255, required=False)
    isbn = forms.CharField(
        label=_("ISBN or ISSN"),
        max_length=20,
        required=False,
        help_text=_("If you know it: on the back cover or the copyright page."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=255, required=False)
    year = forms.IntegerField(
        label=_("Year published"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Give the year as a number, e.g. 2021.")},
    )
    reason = forms.CharField(
        label=_("Why the library should have it"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # Set by the form that showed the catalogue's matching records: suggest it all the same.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_isbn(self) -> str:
        raw = self.cleaned_data["isbn"].strip()
        if not raw:
            return ""
        if isbn := to_isbn13(raw):
            return isbn
        if is_valid_issn(raw):
            return clean_issn(raw)
        raise forms.ValidationError(
            _("This is not a valid ISBN or ISSN: check the digits, or leave it empty.")
        )

    def clean_year(self) -> int | None:
        year = self.cleaned_data["year"]
        latest = timezone.localdate().year + 1
        if year is not None and not OLDEST_YEAR <= year <= latest:
            raise forms.ValidationError(
                _("Give a year from %(first)s to %(last)s.")
                % {"first": OLDEST_YEAR, "last": latest}
            )
        return year

    def wish(self) -> Wish:
        data = self.cleaned_data
        return Wish(
            title=data["title"],
            author=data["author"],
            isbn=data["isbn"],
            publisher=data["publisher"],
            year=data["year"],
            reason=data["reason"],
        )
