"""The demo's reader: a verified account linked to a sandbox patron with loans and a hold."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from koha_bridge.client import KohaClient
from koha_bridge.sandbox import demo_library
from plugins.readers.models import KohaCard

USERNAME = "reader"
EMAIL = "reader@library20.example"
# Olena Kovalenko: two loans (one overdue) in the seeded sandbox.
PATRON = demo_library.PATRONS[0]
# A title another demo patron holds too: the reader's hold waits second in its queue.
HELD_RECORD = 2


def ensure_demo_reader(password: str, koha: KohaClient) -> KohaCard:
    """The reader account with this password (reset on every run), its card and a hold."""
    patron = koha.patron_by_cardnumber(PATRON.cardnumber)
    if patron is None:
        raise LookupError(f"the sandbox has no patron with card {PATRON.cardnumber}")
    if not koha.patron_holds(patron["patron_id"]):
        koha.place_hold(patron["patron_id"], PATRON.library_id, biblio_id=HELD_RECORD)
    with transaction.atomic():
        user, _created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": EMAIL}
        )
        user.email, user.is_active = EMAIL, True
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=EMAIL, defaults={"verified": True, "primary": True}
        )
        KohaCard.objects.filter(patron_id=patron["patron_id"]).exclude(user=user).delete()
        card, _created = KohaCard.objects.update_or_create(
            user=user,
            defaults={
                "patron_id": patron["patron_id"],
                "cardnumber": PATRON.cardnumber,
                "home_library_id": patron["library_id"],
            },
        )
    return card
