"""Link a Koha card to the account (card number and PIN checked by Koha), or unlink it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koha_bridge.client import KohaError
from plugins.readers import koha, ratelimits
from plugins.readers.cards import CardRefused, Refusal
from plugins.readers.cards import link_card as link
from plugins.readers.forms import LinkCardForm
from plugins.readers.models import KohaCard
from plugins.readers.refusals import failure
from plugins.readers.views.access import back_to, card_of

ACTION = "link_card"


@login_required
def link_card(request: HttpRequest) -> HttpResponse:
    """Link a card, then go back to the page that asked for one (``next``: a record page whose
    hold form needs a card) or to My account."""
    wanted = request.POST.get("next") or request.GET.get("next", "")
    if card_of(request) is not None:
        return back_to(request, wanted)
    form = LinkCardForm(request.POST or None)
    if request.method == "POST":
        if ratelimits.is_limited(request, ACTION):
            return ratelimits.too_many_requests(request)
        if form.is_valid():
            try:
                link(
                    request.user,
                    form.cleaned_data["cardnumber"],
                    form.cleaned_data["pin"],
                    koha.client(),
                )
            except CardRefused as refused:
                if refused.refusal is Refusal.WRONG:
                    ratelimits.count(request, ACTION)  # only failures count towards the limit
                form.add_error(None, _refusal_text(refused.refusal))
            except KohaError as error:
                form.add_error(None, failure(error, ACTION))
            else:
                messages.success(request, _("Your library card is linked to your account."))
                return back_to(request, wanted)
    return render(request, "readers/link_card.html", {"form": form, "next": wanted})


def _refusal_text(refusal: Refusal) -> str:
    if refusal is Refusal.TAKEN:
        return _(
            "This card is linked to another account on this site. If it is yours, ask the "
            "library for help."
        )
    if refusal is Refusal.HAS_CARD:
        return _("Your account has a card already.")
    return _("The card number or the PIN is not right. Check them and try again.")


@require_POST
@login_required
def unlink_card(request: HttpRequest) -> HttpResponse:
    deleted, _kinds = KohaCard.objects.filter(user=request.user).delete()
    if deleted:
        messages.success(
            request, _("Your library card is no longer linked. Your card itself is unchanged.")
        )
    return redirect("readers:account")
