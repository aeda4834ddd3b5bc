"""Who may use a reader's page: a signed-in reader, and for most a reader with a Koha card."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from plugins.readers.models import KohaCard


def card_of(request: HttpRequest) -> KohaCard | None:
    return KohaCard.objects.filter(user=request.user).first()


def back_to(request: HttpRequest, wanted: str) -> HttpResponse:
    """To the page the reader came from (``next``), if it is on this site; else to My account."""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(wanted)
    return redirect("readers:account")


def card_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A signed-in reader with a linked card gets the view, with the card as its second argument;
    one without is sent to link theirs."""

    @login_required
    @wraps(view)
    def with_card(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        card = card_of(request)
        if card is None:
            messages.info(request, _("Link your library card first."))
            return redirect("readers:link_card")
        return view(request, card, *args, **kwargs)

    return with_card
