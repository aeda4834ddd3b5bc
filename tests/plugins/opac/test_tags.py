"""Readers tag records: a new tag waits for a librarian unless its term is approved; approved
tags show on the record, in the language's cloud and lead to the records they tag."""

from __future__ import annotations

import pytest
from django.test import Client

from plugins.opac.models import CatalogueRecord, Tagging, TagTerm
from plugins.opac.record_urls import record_url
from plugins.opac.tags import add_tag
from tests.html import soup_of
from tests.plugins.opac.contributions import OLIVER_TWIST, make_reader, messages_of, record_page

pytestmark = pytest.mark.django_db

TAGGING_URL = f"/en/catalogue/tagging/{OLIVER_TWIST}/"


@pytest.fixture
def reader(client, catalogue):
    user = make_reader("tagger")
    client.force_login(user)
    return user


def approve(term: str) -> TagTerm:
    return TagTerm.objects.create(term=term, status=TagTerm.Status.APPROVED)


def public_tags(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("#tags .tag-list:not(.tag-list--mine) a")]


def test_a_new_tag_waits_for_a_librarian_and_its_reader_sees_it_waiting(client, reader):
    response = client.post(TAGGING_URL, {"tag": "Victorian London"}, follow=True)

    assert "Others will see it once a librarian has looked at it." in messages_of(response)[0]
    soup = record_page(client)
    assert public_tags(soup) == []
    mine = soup.select_one("#tags .tag-list--mine").get_text(" ", strip=True)
    assert "Victorian London" in mine and "waiting for a librarian" in mine


def test_a_tag_on_the_approved_list_shows_at_once_and_links_to_its_records(client, reader):
    approve("orphans")

    client.post(TAGGING_URL, {"tag": "Orphans"})

    soup = record_page(client)
    assert public_tags(soup) == ["orphans"]
    tagged = soup_of(client.get(soup.select_one("#tags .tag-list a")["href"]))
    assert [a.get_text(strip=True) for a in tagged.select(".record-card__title a")] == [
        "Oliver Twist"
    ]


def test_tags_are_the_same_whatever_case_and_punctuation_readers_write(client, reader):
    approve("sci-fi")
    client.post(TAGGING_URL, {"tag": "SCI FI"})

    assert Tagging.objects.get().tag.term == "sci-fi"
    assert TagTerm.objects.count() == 1


def test_the_cloud_is_per_language_and_weighs_tags_by_use(client, reader):
    approve("classic")
    approve("сирота")
    for number, biblio_id in enumerate((1, 2, 3)):
        someone = make_reader(f"reader{number}")
        for tag in (TagTerm.objects.get(key="classic"),):
            Tagging.objects.create(reader=someone, record_id=biblio_id, tag=tag, language="en")
    Tagging.objects.create(
        reader=reader, record_id=OLIVER_TWIST, tag=TagTerm.objects.get(key="сирота"), language="uk"
    )

    english = soup_of(client.get("/en/catalogue/tags/"))
    ukrainian = soup_of(client.get("/uk/catalogue/tags/"))

    assert [a.get_text() for a in english.select(".tag-cloud a")] == ["classic"]
    assert [a.get_text() for a in ukrainian.select(".tag-cloud a")] == ["сирота"]
    assert public_tags(record_page(client, "uk")) == ["сирота"]


def test_a_reader_removes_only_their_own_tag(client, reader):
    approve("orphans")
    other = make_reader("other")
    theirs = Tagging.objects.create(
        reader=other, record_id=OLIVER_TWIST, tag=TagTerm.objects.get(), language="en"
    )
    client.post(TAGGING_URL, {"tag": "orphans"})
    mine = Tagging.objects.get(reader=reader)

    client.post(TAGGING_URL, {"remove": str(theirs.pk)})
    client.post(TAGGING_URL, {"remove": str(mine.pk)})

    assert list(Tagging.objects.all()) == [theirs]


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("", "Write a tag first."),
        ("   ", "Write a tag first."),
        ("!!! ??? …", "A tag needs at least one letter or digit."),
        ("x" * 51, "A tag can have at most 50 characters."),
    ],
)
def test_tags_the_site_cannot_take_are_refused_in_words(client, reader, tag, message):
    response = client.post(TAGGING_URL, {"tag": tag}, follow=True)

    assert messages_of(response) == [message]
    assert not Tagging.objects.exists()


def test_a_rejected_term_is_refused(client, reader):
    TagTerm.objects.create(term="rubbish", status=TagTerm.Status.REJECTED)

    response = client.post(TAGGING_URL, {"tag": "Rubbish"}, follow=True)

    assert messages_of(response) == ["The library does not accept this tag."]
    assert not Tagging.objects.exists()


def test_the_same_tag_twice_is_refused_the_second_time(client, reader):
    client.post(TAGGING_URL, {"tag": "orphans"}, follow=True)
    response = client.post(TAGGING_URL, {"tag": "Orphans"}, follow=True)

    assert messages_of(response) == ["You have already given this title that tag."]
    assert Tagging.objects.count() == 1


@pytest.mark.parametrize(
    "payload",
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg/onload=alert(1)>"],
)
def test_tags_with_markup_are_shown_as_text(client, reader, payload):
    client.post(TAGGING_URL, {"tag": payload})
    TagTerm.objects.update(status=TagTerm.Status.APPROVED)

    html = client.get(record_url(OLIVER_TWIST, "Oliver Twist", "en")).content.decode()

    assert "<script>alert" not in html and "<img src=x" not in html and "<svg/onload" not in html


def test_a_visitor_is_asked_to_sign_in_and_cannot_tag(client, catalogue):
    assert record_page(client).select_one("#tags a[href*='login']") is not None

    response = client.post(TAGGING_URL, {"tag": "orphans"})

    assert response.status_code == 302 and not Tagging.objects.exists()


def test_tagging_needs_the_forms_csrf_token(reader):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)

    assert browser.post(TAGGING_URL, {"tag": "orphans"}).status_code == 403


def test_tags_are_rate_limited(client, reader, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "tag": "1/h/user"}
    client.post(TAGGING_URL, {"tag": "one"})

    assert client.post(TAGGING_URL, {"tag": "two"}).status_code == 429


def test_an_unknown_tag_gives_the_404_page(client, catalogue):
    TagTerm.objects.create(term="waiting")  # pending: not shown

    assert client.get("/en/catalogue/tags/waiting/").status_code == 404
    assert client.get("/en/catalogue/tags/nothing/").status_code == 404


def test_librarians_see_tags_with_their_status_in_the_admin(admin_client, reader):
    client_post = Client()
    client_post.force_login(reader)
    client_post.post(TAGGING_URL, {"tag": "orphans"})

    response = admin_client.get("/admin/snippets/opac/tagterm/", {"status": "pending"})

    assert response.status_code == 200 and "orphans" in response.content.decode()


def test_my_account_lists_the_readers_tags_with_their_status_and_the_data_download_has_them(
    client, catalogue
):
    import json

    reader = make_reader("tagger")
    client.force_login(reader)
    record = CatalogueRecord.objects.get(pk=OLIVER_TWIST)
    add_tag(reader, record, "workhouse", "en")
    add_tag(make_reader("other"), record, "not mine", "en")

    section = soup_of(client.get("/en/account/")).select_one('[aria-labelledby="tags-heading"]')
    data = json.loads(client.get("/en/account/data/").content)

    assert [li.get_text(" ", strip=True) for li in section.select("li")] == [
        "“workhouse” — Oliver Twist (waiting for a librarian)"
    ]
    assert section.a["href"].endswith("/en/catalogue/3/oliver-twist/#tags")
    assert [t["tag"] for t in data["tags"]] == ["workhouse"]
