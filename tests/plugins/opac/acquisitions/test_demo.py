"""The demo has searches with no result and purchase suggestions in every language, so the
acquisitions report shows something from the start."""

import pytest

from plugins.opac.acquisitions.demo import ensure_demo_acquisitions
from plugins.opac.acquisitions.measures import failed_searches, purchase_suggestions
from plugins.opac.acquisitions.models import FailedSearch, PurchaseSuggestion
from plugins.opac.acquisitions.periods import last_days
from plugins.opac.demo import ensure_demo_ratings

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_report_in_every_language_and_again_adds_nothing(catalogue):
    ensure_demo_ratings()  # makes the demo readers

    made = ensure_demo_acquisitions()

    assert made == FailedSearch.objects.count() + PurchaseSuggestion.objects.count()
    assert set(FailedSearch.objects.values_list("language", flat=True)) == {"en", "ru", "uk", "ro"}
    assert set(PurchaseSuggestion.objects.values_list("language", flat=True)) == {
        "en",
        "ru",
        "uk",
        "ro",
    }
    month = last_days(30)
    assert failed_searches(month, 5).rows and purchase_suggestions(month, 5).rows
    assert purchase_suggestions(month, 1).rows[0]["times"] == 2
    assert ensure_demo_acquisitions() == 0
