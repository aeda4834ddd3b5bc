"""Cross-site request forgery: every form of the readers' pages refuses a POST without its token."""

from __future__ import annotations

import pytest
from django.test import Client

from plugins.readers.models import KohaCard
from tests.plugins.readers.conftest import OLENA, PASSWORD

pytestmark = pytest.mark.django_db


def test_every_form_of_the_readers_pages_is_protected_against_cross_site_requests(
    koha, olena, reader
):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reader.user)
    forms = [
        ("/en/account/card/", {"cardnumber": OLENA.cardnumber, "pin": OLENA.pin}),
        ("/en/account/card/unlink/", {}),
        ("/en/account/loans/1/renew/", {}),
        ("/en/account/loans/renew/", {}),
        ("/en/account/holds/", {"biblio_id": 5, "pickup_library_id": "CPL"}),
        ("/en/account/holds/1/cancel/", {}),
        ("/en/account/history/", {"shows_reading_history": "on"}),
        ("/en/account/delete/", {"password": PASSWORD}),
        ("/en/register/", {}),
        ("/en/accounts/logout/", {}),
    ]

    statuses = {path: strict.post(path, data).status_code for path, data in forms}

    assert set(statuses.values()) == {403}, statuses
    assert KohaCard.objects.exists()
