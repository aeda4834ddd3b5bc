"""The demo's searches with no result and purchase suggestions, in every language, spread over
the last weeks, so the acquisitions report shows something from the start."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from plugins.opac.acquisitions.failed_searches import folded_query
from plugins.opac.acquisitions.models import FailedSearch, PurchaseSuggestion
from plugins.opac.acquisitions.suggestions import title_key
from plugins.opac.demo import READERS

# (words, language, searches a week)
FAILED = (
    ("Dune Frank Herbert", "en", 5),
    ("Terry Pratchett", "en", 3),
    ("Солярис Лем", "ru", 4),
    ("Булгаков Мастер и Маргарита", "ru", 2),
    ("Жадан Інтернат", "uk", 4),
    ("Забужко", "uk", 2),
    ("Mircea Cărtărescu Solenoid", "ro", 3),
    ("Ana Blandiana", "ro", 1),
)
# (reader, title, author, language, days ago)
SUGGESTED = (
    ("demo-emily", "Dune", "Frank Herbert", "en", 3),
    ("demo-filip", "Dune", "Frank Herbert", "en", 10),
    ("demo-emily", "Small Gods", "Terry Pratchett", "en", 20),
    ("demo-dmitri", "Солярис", "Станислав Лем", "ru", 5),
    ("demo-bogdan", "Солярис", "Станислав Лем", "ru", 12),
    ("demo-anna", "Інтернат", "Сергій Жадан", "uk", 2),
    ("demo-bogdan", "Польові дослідження з українського сексу", "Оксана Забужко", "uk", 30),
    ("demo-carolina", "Solenoid", "Mircea Cărtărescu", "ro", 8),
    ("demo-filip", "Solenoid", "Mircea Cărtărescu", "ro", 15),
)
WEEKS = 8


def ensure_demo_acquisitions() -> int:
    """Failed searches and suggestions where there are none yet; how many rows were made."""
    made = 0
    today = timezone.localdate()
    with transaction.atomic():
        if not FailedSearch.objects.exists():
            for words, language, per_week in FAILED:
                for week in range(WEEKS):
                    FailedSearch.objects.create(
                        query=folded_query(words),
                        language=language,
                        day=today - timedelta(days=7 * week + len(words) % 7),
                        count=per_week + week % 2,
                    )
                    made += 1
        if PurchaseSuggestion.objects.exists():
            return made
        readers = get_user_model().objects.in_bulk(list(READERS), field_name="username")
        for username, title, author, language, days_ago in SUGGESTED:
            if username not in readers:
                continue
            suggestion = PurchaseSuggestion.objects.create(
                reader=readers[username],
                title=title,
                title_key=title_key(title),
                author=author,
                language=language,
            )
            PurchaseSuggestion.objects.filter(pk=suggestion.pk).update(
                created=timezone.now() - timedelta(days=days_ago)
            )
            made += 1
    return made
