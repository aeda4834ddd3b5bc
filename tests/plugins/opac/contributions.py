"""What tests of readers' contributions (ratings, tags) share: readers, the record page they
contribute on, the messages they are shown."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import record_url
from tests.html import soup_of

OLIVER_TWIST = 3  # a sandbox record


def make_reader(name: str):
    return get_user_model().objects.create_user(name, f"{name}@example.org", "a-long-password")


def record_page(client, language: str = "en", biblio_id: int = OLIVER_TWIST):
    record = CatalogueRecord.objects.get(biblio_id=biblio_id)
    return soup_of(client.get(record_url(record.biblio_id, record.title, language)))


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]
