"""Where readers find the question form: the frame of every page, a record's page, and the
editor's "Ask a librarian" page."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from library_site.core.models import HomePage
from plugins.opac.record_urls import record_url
from plugins.reference import threads
from plugins.reference.models import AskLibrarianPage, KnowledgeBasePage
from tests.html import soup_of
from tests.plugins.readers.conftest import make_reader
from tests.plugins.reference.asking.conftest import ask_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def ask_page(db) -> AskLibrarianPage:
    home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
    page = AskLibrarianPage(title="Ask us", slug="ask-us", intro="<p>We answer everything.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_every_pages_frame_links_to_the_question_form_and_fetches_a_compact_one(client):
    response = client.get("/uk/")
    footer = soup_of(response).select_one("footer")
    assert footer.select_one("a.ask-link__open")["href"] == ask_url("uk")
    assert footer.select_one("dialog [data-ask-form]")["data-ask-form"] == "/uk/ask/dialog/"
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies  # the page is the same for every anonymous reader

    dialog = client.get("/uk/ask/dialog/")
    compact = soup_of(dialog).select_one("form[method=post]")
    assert compact["action"] == ask_url("uk")
    assert compact.select_one("input[name=language]")["value"] == "uk"
    assert compact.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert "private" in dialog["Cache-Control"]


def test_the_compact_form_asks_as_the_full_one_does(client):
    footer_form = soup_of(client.get("/en/ask/dialog/")).select_one("form[method=post]")
    data = {
        field["name"]: field.get("value", "") for field in footer_form.select("input[type=hidden]")
    }
    data.update(body="From the footer", email="f@example.org")
    response = client.post(footer_form["action"], data)
    assert response["Location"] == "/en/ask/sent/"


def test_a_signed_in_reader_is_not_asked_for_an_address_in_the_compact_form(client):
    client.force_login(make_reader().user)

    compact = soup_of(client.get("/en/ask/dialog/")).select_one("form[method=post]")

    assert compact.select_one("textarea[name=body]") is not None
    assert compact.select_one("input[name=email]") is None


def test_a_record_page_offers_to_ask_about_the_book(client, oliver):
    page = soup_of(client.get(record_url(oliver.pk, oliver.title, "en")))
    section = page.select_one("#record-ask-heading").parent
    assert section.select_one("a")["href"] == f"/en/ask/?record={oliver.pk}"


def test_the_ask_librarian_page_shows_intro_form_knowledge_base_and_suggestions(client, ask_page):
    knowledge_base = KnowledgeBasePage(title="Answers", slug="answers")
    ask_page.add_child(instance=knowledge_base)
    knowledge_base.save_revision().publish()
    page = soup_of(client.get(ask_page.url))
    assert "We answer everything." in page.select_one("main").get_text()
    assert page.select_one("main form.ask-form")["action"] == ask_url()
    assert page.select_one(f"main a[href='{knowledge_base.url}']") is not None
    assert page.select_one("main a[href='/en/ask/suggest/']") is not None
    assert page.select_one("#own-threads-heading") is None


def test_the_ask_librarian_page_lists_a_signed_in_readers_own_recent_questions(client, ask_page):
    reader = make_reader("zoe")
    mine = threads.ask(body="Mine, recently", language="en", reader=reader.user)
    threads.ask(body="Not mine", language="en", reader=make_reader("yan").user)
    client.force_login(reader.user)
    page = soup_of(client.get(ask_page.url))
    listed = page.select_one("#own-threads-heading").parent
    assert [a.get_text() for a in listed.select("tbody a")] == ["Mine, recently"]
    assert listed.select_one("tbody a")["href"] == f"/en/ask/thread/{mine.access_key}/"
    assert page.select_one("main form.ask-form input[name=email]") is None
