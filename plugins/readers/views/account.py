"""My account: loans (renew one or all), holds (cancel), fines and the reading history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import date as format_date
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koha_bridge.client import KohaBadRequest, KohaError, KohaNotFound, KohaRefused
from plugins.readers import koha
from plugins.readers.extensions import account_sections
from plugins.readers.forms import ReadingHistoryForm
from plugins.readers.models import KohaCard
from plugins.readers.my_account import account_of, parse_datetime, titles_of_items
from plugins.readers.refusals import failure, renewal_refusal
from plugins.readers.views.access import card_of, card_required


@login_required
def account(request: HttpRequest) -> HttpResponse:
    card = card_of(request)
    context = {
        "card": card,
        "summary": None,
        "koha_failure": "",
        "sections": [(s.template, s.context(request.user)) for s in account_sections()],
        "stylesheets": list(
            dict.fromkeys(css for s in account_sections() for css in s.stylesheets)
        ),
    }
    if card is not None:
        context["history_form"] = ReadingHistoryForm(instance=card)
        try:
            context["summary"] = account_of(card, koha.client(), timezone.now())
        except KohaError as error:
            context["koha_failure"] = failure(error, "account")
    return render(request, "readers/account.html", context)


def _renew(request: HttpRequest, card: KohaCard, loans: list[dict]) -> None:
    """Renew these loans one by one, each told in a message of its own."""
    client = koha.client()
    record_of, titles = titles_of_items(client, [loan["item_id"] for loan in loans], [])
    for loan in loans:
        title = titles.get(record_of.get(loan["item_id"], 0), "") or _("A loan")
        try:
            renewed = client.renew(loan["checkout_id"])
        except (KohaRefused, KohaBadRequest, KohaNotFound) as refused:
            reason = renewal_refusal(refused)
            messages.error(
                request,
                _("“%(title)s” was not renewed: %(reason)s.") % {"title": title, "reason": reason},
            )
            continue
        due = format_date(timezone.localtime(parse_datetime(renewed["due_date"])), "DATE_FORMAT")
        messages.success(
            request, _("“%(title)s” is renewed until %(due)s.") % {"title": title, "due": due}
        )


@require_POST
@card_required
def renew(request: HttpRequest, card: KohaCard, checkout_id: int) -> HttpResponse:
    try:
        loans = koha.client().patron_checkouts(card.patron_id)
        mine = [loan for loan in loans if loan["checkout_id"] == checkout_id]
        if not mine:
            raise Http404("not a loan of this reader")  # another's, or returned meanwhile
        _renew(request, card, mine)
    except KohaError as error:
        messages.error(request, failure(error, "renew"))
    return redirect("readers:account")


@require_POST
@card_required
def renew_all(request: HttpRequest, card: KohaCard) -> HttpResponse:
    try:
        loans = koha.client().patron_checkouts(card.patron_id)
        if not loans:
            messages.info(request, _("You have nothing on loan."))
        _renew(request, card, loans)
    except KohaError as error:
        messages.error(request, failure(error, "renew_all"))
    return redirect("readers:account")


@card_required
def cancel_hold(request: HttpRequest, card: KohaCard, hold_id: int) -> HttpResponse:
    """GET asks to confirm, POST cancels; only the reader's own hold, before it is found."""
    client = koha.client()
    try:
        hold = client.patron_hold(card.patron_id, hold_id)
        if hold is None:
            raise Http404("not a hold of this reader")  # Koha's hold id is checked, not trusted
        titles = {
            row["biblio_id"]: row.get("title") or "" for row in client.biblios([hold["biblio_id"]])
        }
    except KohaError as error:
        messages.error(request, failure(error, "cancel_hold"))
        return redirect("readers:account")
    title = titles.get(hold["biblio_id"], "")
    if hold.get("status"):
        messages.error(
            request,
            _("“%(title)s” is already found for you; to cancel this hold, ask the library.")
            % {"title": title},
        )
        return redirect("readers:account")
    if request.method != "POST":
        return render(request, "readers/cancel_hold.html", {"hold": hold, "title": title})
    try:
        client.cancel_hold(hold_id)
    except KohaError as error:
        messages.error(request, failure(error, "cancel_hold"))
    else:
        messages.success(request, _("Your hold on “%(title)s” is cancelled.") % {"title": title})
    return redirect("readers:account")


@require_POST
@card_required
def reading_history(request: HttpRequest, card: KohaCard) -> HttpResponse:
    form = ReadingHistoryForm(request.POST, instance=card)
    if form.is_valid():
        form.save()
        if card.shows_reading_history:
            messages.success(request, _("Your reading history is shown below."))
        else:
            messages.success(request, _("Your reading history is no longer shown."))
    return redirect("readers:account")
