"""Editors write exhibitions in Wagtail's admin: under the exhibitions page, with sections of
blocks and records chosen from the catalogue."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from plugins.exhibitions.models import ExhibitionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def test_the_exhibition_forms_open(client, editor, index, catalogue):
    demo = ExhibitionPage.objects.get(slug="first-printings")

    new = client.get(f"/admin/pages/add/exhibitions/exhibitionpage/{index.pk}/")
    edit = client.get(f"/admin/pages/{demo.pk}/edit/")
    edit_index = client.get(f"/admin/pages/{index.pk}/edit/")

    assert new.status_code == edit.status_code == edit_index.status_code == 200
    assert b"Catalogue item" in new.content
    assert b"catalogue_record_chooser" in edit.content
    # The form's state is JSON with its non-ASCII and markup characters written as \uXXXX.
    form_state = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), edit.text)
    assert "(41)" in form_state  # the chosen record shown by its title and id


def test_exhibitions_and_tours_are_made_under_the_exhibitions_page_only(client, editor, index):
    choices = client.get(f"/admin/pages/{index.pk}/add_subpage/").text
    home = client.get(f"/admin/pages/{index.get_parent().pk}/add_subpage/").text

    assert "/admin/pages/add/exhibitions/exhibitionpage/" in choices
    assert "/admin/pages/add/exhibitions/tourpage/" in choices
    assert "exhibitionpage" not in home and "tourpage" not in home
