"""The readers' forms: card linking, holds, online registration, account deletion."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plugins.readers.models import KohaCard

OLDEST_READER_YEARS = 120


class LinkCardForm(forms.Form):
    cardnumber = forms.CharField(
        label=_("Card number"),
        max_length=32,
        help_text=_("The number printed under the barcode of your library card."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    pin = forms.CharField(
        label=_("PIN"),
        max_length=64,
        strip=False,
        help_text=_("The PIN or password you use at the library's self-check machines."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_cardnumber(self) -> str:
        return "".join(self.cleaned_data["cardnumber"].split())


class ReadingHistoryForm(forms.ModelForm):
    class Meta:
        model = KohaCard
        fields = ["shows_reading_history"]
        labels = {"shows_reading_history": _("Show the books I have returned")}
        help_texts = {
            "shows_reading_history": _(
                "Your reading history is kept by the library's system; the site only shows it "
                "to you, and only while this is ticked."
            )
        }


class PlaceHoldForm(forms.Form):
    biblio_id = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    pickup_library_id = forms.CharField(label=_("Collect it at"), max_length=32)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class RegistrationForm(forms.Form):
    firstname = forms.CharField(label=_("First name"), max_length=80)
    surname = forms.CharField(label=_("Surname"), max_length=80)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    address = forms.CharField(label=_("Street and house number"), max_length=200)
    city = forms.CharField(label=_("Town or city"), max_length=80)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("Email"))
    library_id = forms.ChoiceField(label=_("Library where you will collect your card"))
    consent = forms.BooleanField(
        label=_(
            "I accept the library's rules and agree that the library keeps these details "
            "to lend me books."
        )
    )
    # Hidden from people by the page's style; robots fill it in.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, libraries: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["library_id"].choices = libraries

    def clean_date_of_birth(self) -> date:
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born >= today:
            raise forms.ValidationError(_("The date of birth must be in the past."))
        if today.year - born.year > OLDEST_READER_YEARS:
            raise forms.ValidationError(_("Please check the year of birth."))
        return born

    def filled_by_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
