"""The reader's own data: download it all, or delete the account."""

from __future__ import annotations

import json
import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from plugins.readers.extensions import account_sections
from plugins.readers.forms import DeleteAccountForm
from plugins.readers.personal_data import personal_data
from plugins.readers.views.access import card_of

log = logging.getLogger(__name__)


@require_GET
@login_required
def download_data(request: HttpRequest) -> HttpResponse:
    document = {"exported": timezone.now().isoformat(), **personal_data(request.user)}
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-library-account.json"'
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user_id = request.user.pk
        with transaction.atomic():
            request.user.delete()  # the card link and e-mail addresses go with it
        logout(request)
        log.info("account deleted user=%s", user_id)
        messages.success(request, _("Your account is deleted."))
        return redirect("/")
    also_removed = [section.removed() for section in account_sections()]
    context = {"form": form, "card": card_of(request), "also_removed": also_removed}
    return render(request, "readers/delete_account.html", context)
