"""Readers asking the librarians: questions made through the thread rules, pages read as a
browser would."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from plugins.opac.models import CatalogueRecord
from plugins.reference import threads
from plugins.reference.models import Question
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401
from tests.plugins.readers.conftest import make_reader

OLIVER_TWIST = 3


@pytest.fixture
def oliver(catalogue, site_koha) -> CatalogueRecord:  # noqa: F811
    return CatalogueRecord.objects.get(pk=OLIVER_TWIST)


@pytest.fixture
def librarian(db):
    return make_reader("librarian").user


def ask_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("reference:ask")


def thread_url(question: Question, language: str = "en") -> str:
    with translation.override(language):
        return reverse("reference:thread", args=[question.access_key])


def anonymous_question(body: str = "Where are the maps?", language: str = "en", **fields):
    """An anonymous asker's question, confirmed (as after the mailed link)."""
    question = threads.ask(
        body=body, language=language, email=fields.pop("email", "asker@example.org"), **fields
    )
    threads.confirm(question)
    return question


def links_in(mail) -> list[str]:
    return re.findall(r"https?://\S+", mail.body)
