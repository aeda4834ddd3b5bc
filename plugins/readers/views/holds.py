"""Place a hold from a record page: the reader chooses where to collect it."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koha_bridge.client import KohaClient, KohaError, KohaRefused
from plugins.readers import koha, ratelimits
from plugins.readers.blocks import hold_blocks
from plugins.readers.forms import PlaceHoldForm
from plugins.readers.models import KohaCard
from plugins.readers.my_account import library_names
from plugins.readers.refusals import failure, hold_refusal, hold_refusal_code
from plugins.readers.views.access import back_to, card_required

ACTION = "place_hold"


@require_POST
@card_required
def place_hold(request: HttpRequest, card: KohaCard) -> HttpResponse:
    form = PlaceHoldForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the library where you will collect it."))
        return back_to(request, request.POST.get("next", ""))
    if not ratelimits.take(request, ACTION):
        return ratelimits.too_many_requests(request)
    try:
        _place(
            request,
            koha.client(),
            card,
            form.cleaned_data["biblio_id"],
            form.cleaned_data["pickup_library_id"],
        )
    except KohaError as error:
        messages.error(request, failure(error, ACTION))
    return back_to(request, form.cleaned_data["next"])


def _place(
    request: HttpRequest, client: KohaClient, card: KohaCard, biblio_id: int, pickup: str
) -> None:
    """Place the hold, or tell the reader why Koha (or the site, for Koha) will not."""
    titles = {row["biblio_id"]: row.get("title") or "" for row in client.biblios([biblio_id])}
    title = titles.get(biblio_id) or _("this title")
    refusal = _blocked(client, card, timezone.localdate())
    if not refusal:
        try:
            client.place_hold(card.patron_id, pickup, biblio_id=biblio_id)
        except KohaRefused as refused:
            refusal = hold_refusal_code(refused)
        else:
            where = library_names(client).get(pickup, pickup)
            messages.success(
                request,
                _(
                    "Your hold on “%(title)s” is placed. You will be told when it is ready "
                    "at %(library)s."
                )
                % {"title": title, "library": where},
            )
            return
    messages.error(
        request,
        _("You cannot place a hold on “%(title)s”: %(reason)s.")
        % {"title": title, "reason": hold_refusal(refusal)},
    )


def _blocked(client: KohaClient, card: KohaCard, today: date) -> str:
    """Koha's OPAC refuses holds to blocked patrons; its staff API, which the site uses, does
    not check: the site does, with the same reasons. The first reason, or ""."""
    patron = client.patron(card.patron_id)
    blocks = hold_blocks(patron, client.patron_account(card.patron_id), today)
    return blocks[0] if blocks else ""
