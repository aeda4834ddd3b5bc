"""The demo's readers' ratings, so record pages and results show readers' stars from the start.

Demo readers have no password (they cannot sign in); each prefers the books of one or two
languages and rates them higher, the way real readers' tastes cluster.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from plugins.opac.models import CatalogueRecord, Rating

# Demo readers and the languages whose books they like best.
READERS = {
    "demo-anna": ("ukr",),
    "demo-bogdan": ("ukr", "rus"),
    "demo-carolina": ("rum",),
    "demo-dmitri": ("rus",),
    "demo-emily": ("eng",),
    "demo-filip": ("eng", "rum"),
}
EVERY = 3  # each reader rates one record in three, a different third each


def ensure_demo_ratings() -> int:
    """Create the demo readers and their ratings where missing; the number of ratings made."""
    records = list(CatalogueRecord.objects.order_by("biblio_id").values_list("pk", "language"))
    made = 0
    with transaction.atomic():
        for number, (username, liked) in enumerate(READERS.items()):
            reader, created = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@library20.example"}
            )
            if created:
                reader.set_unusable_password()
                reader.save()
            rated = set(Rating.objects.filter(reader=reader).values_list("record_id", flat=True))
            for biblio_id, language in records:
                if (biblio_id + number) % EVERY or biblio_id in rated:
                    continue
                stars = 4 + (biblio_id % 2) if language in liked else 2 + (biblio_id % 2)
                Rating.objects.create(reader=reader, record_id=biblio_id, stars=stars)
                made += 1
    return made
