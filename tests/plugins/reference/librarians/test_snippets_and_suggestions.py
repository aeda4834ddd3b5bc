"""Topics and canned answers are snippets wagtail-localize translates; readers' suggestions
are listed newest first for librarians, who mark them as read."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from plugins.reference.models import CannedAnswer, ServiceSuggestion, Topic
from tests.html import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("model", "fields"),
    [(Topic, {"name": "Local history"}), (CannedAnswer, {"title": "Hours", "body": "At nine."})],
)
def test_topics_and_canned_answers_offer_translate(client, admin, model, fields, no_demo_snippets):
    snippet = model.objects.create(locale=Locale.get_default(), **fields)
    meta = model._meta

    listing = soup_of(client.get(f"/admin/snippets/{meta.app_label}/{meta.model_name}/"))

    translate = f"/admin/localize/submit/snippet/{meta.app_label}/{meta.model_name}/{snippet.pk}/"
    assert listing.select_one(f'a[href^="{translate}"]').get_text(strip=True) == "Translate"


def test_suggestions_are_listed_newest_first_and_marked_as_read(client, librarian):
    older = ServiceSuggestion.objects.create(body="More chairs", language="en")
    ServiceSuggestion.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    newer = ServiceSuggestion.objects.create(
        body='<b onmouseover="x">Longer hours</b>', language="uk", email="r@example.org"
    )

    soup = soup_of(client.get("/admin/reference/suggestions/"))
    listed = [row["id"] for row in soup.select(".reference-suggestions tbody tr")]
    assert listed == [f"suggestion-{newer.pk}", f"suggestion-{older.pk}"]
    assert "&lt;b onmouseover" in client.get("/admin/reference/suggestions/").content.decode()

    response = client.post(f"/admin/reference/suggestions/{older.pk}/read/", follow=True)

    older.refresh_from_db()
    assert older.handled and not ServiceSuggestion.objects.get(pk=newer.pk).handled
    assert "marked as read" in response.content.decode()


def test_librarians_keep_the_topics_and_canned_answers(client, librarian, no_demo_snippets):
    home = client.get("/admin/").content.decode()
    assert "/admin/snippets/reference/cannedanswer/" in home

    response = client.post(
        "/admin/snippets/reference/cannedanswer/add/",
        {"title": "Wi-Fi", "body": "The password is at the desk."},
    )

    assert response.status_code == 302
    assert CannedAnswer.objects.get().locale == Locale.get_default()
