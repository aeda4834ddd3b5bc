"""Online registration ("запись в библиотеку через сайт"): the form, then what to bring."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from koha_bridge.client import KohaConflict, KohaError
from plugins.readers import koha, ratelimits
from plugins.readers.forms import RegistrationForm
from plugins.readers.my_account import library_names
from plugins.readers.refusals import failure
from plugins.readers.registration import already_registered
from plugins.readers.registration import register as register_patron

log = logging.getLogger(__name__)
ACTION = "registration"
SESSION_KEY = "readers_registration"


def register(request: HttpRequest) -> HttpResponse:
    client = koha.client()
    try:
        libraries = sorted(library_names(client).items(), key=lambda pair: pair[1])
    except KohaError as error:
        return render(
            request,
            "readers/register.html",
            {"form": None, "koha_failure": failure(error, ACTION)},
            status=503,
        )
    form = RegistrationForm(request.POST or None, libraries=libraries)
    if request.method == "POST":
        if not ratelimits.take(request, ACTION):
            return ratelimits.too_many_requests(request)
        if form.is_valid() and form.filled_by_robot():
            log.info("registration dropped reason=honeypot")
            form.add_error(None, _("Your registration could not be sent."))
        elif form.is_valid():
            return _register(request, client, form)
    return render(request, "readers/register.html", {"form": form})


def _register(request: HttpRequest, client, form: RegistrationForm) -> HttpResponse:
    details = form.cleaned_data
    try:
        if already_registered(client, details):
            form.add_error(
                None,
                _(
                    "You are registered with the library already. If you have your card, link "
                    "it to your account; if not, the library will help you at the desk."
                ),
            )
            return render(request, "readers/register.html", {"form": form, "duplicate": True})
        patron = register_patron(client, details, get_language(), timezone.localdate())
    except KohaConflict as conflict:
        log.warning("registration conflict error=%s", conflict)
        form.add_error(None, _("You are registered with the library already."))
        return render(request, "readers/register.html", {"form": form, "duplicate": True})
    except KohaError as error:
        form.add_error(None, failure(error, ACTION))
        return render(request, "readers/register.html", {"form": form})
    log.info("registration patron_id=%s library=%s", patron["patron_id"], details["library_id"])
    request.session[SESSION_KEY] = {
        "cardnumber": patron.get("cardnumber") or "",
        "library_id": details["library_id"],
        "name": details["firstname"],
    }
    return redirect("readers:registered")


def registered(request: HttpRequest) -> HttpResponse:
    done = request.session.get(SESSION_KEY)
    if done is None:
        return redirect("readers:register")
    try:
        library = library_names(koha.client()).get(done["library_id"], done["library_id"])
    except KohaError:
        library = done["library_id"]
    return render(request, "readers/registered.html", {"done": done, "library": library})
