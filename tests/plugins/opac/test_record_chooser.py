"""Editors pick a catalogue record for a page by searching the catalogue in a Wagtail chooser;
the block keeps the record's biblio id as the integer it stores."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from plugins.opac.blocks import RecordBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def test_the_chooser_finds_records_by_title_author_or_id(client, editor, catalogue):
    def found(words: str) -> str:
        response = client.get("/admin/catalogue_record_chooser/results/", {"q": words})
        assert response.status_code == 200
        return response.content.decode()

    assert "Кобзарь" in found("кобзар")
    assert "Кобзарь" in found("Шевченко")
    assert "Кобзарь" in found("41")
    assert "Oliver Twist" not in found("кобзар")


def test_the_chooser_opens_on_the_catalogue(client, editor, catalogue):
    response = client.get("/admin/catalogue_record_chooser/")

    assert response.status_code == 200
    assert "Search the catalogue" in response.content.decode()


def test_the_record_block_stores_the_biblio_id_as_an_integer():
    block = RecordBlock()
    value = block.to_python({"biblio_id": 41, "note": "First edition"})

    assert value["biblio_id"] == 41
    assert block.get_prep_value(value) == {"biblio_id": 41, "note": "First edition"}
