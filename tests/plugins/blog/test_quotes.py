"""The quote of the week: written ahead for an ISO week, shown from that week on (on the home
page and the blog) until the next one comes, in the reader's language, with an archive."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import Locale

from plugins.blog.models import QuoteOfTheWeek
from plugins.blog.quotes import quote_of_the_week
from tests.html import soup_of
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401

pytestmark = pytest.mark.django_db


def quote(language: str, year: int, week: int, text: str, author: str = "Someone"):
    return QuoteOfTheWeek.objects.create(
        locale=Locale.objects.get(language_code=language),
        text=text,
        author=author,
        year=year,
        week=week,
    )


@pytest.fixture
def quotes(db):
    en = [quote("en", 2026, 52, "Last of the year."), quote("en", 2027, 1, "First of the next.")]
    en.append(quote("en", 2027, 3, "Two weeks later."))
    quote("ru", 2026, 52, "Последняя в году.")
    return en


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 12, 20), None),  # week 51: none written for it or before
        (datetime.date(2026, 12, 21), "Last of the year."),  # Monday of week 52
        (datetime.date(2027, 1, 3), "Last of the year."),  # Sunday, still week 52 of 2026
        (datetime.date(2027, 1, 4), "First of the next."),  # 2027-W01
        (datetime.date(2027, 1, 13), "First of the next."),  # W02 has none: W01's stays
        (datetime.date(2027, 1, 18), "Two weeks later."),
    ],
)
def test_the_quote_rotates_by_iso_week(quotes, day, expected):
    shown = quote_of_the_week(Locale.objects.get(language_code="en"), day)

    assert (shown.text if shown else None) == expected


def test_each_language_shows_its_own_quote(quotes):
    ru = quote_of_the_week(Locale.objects.get(language_code="ru"), datetime.date(2027, 1, 5))

    assert ru.text == "Последняя в году."


def test_the_home_page_shows_the_quote_of_the_week(client, quotes, fixed_day):
    fixed_day(datetime.date(2027, 1, 5))

    section = soup_of(client.get("/en/")).select_one(".quote-of-the-week")

    assert "First of the next." in section.text


def test_the_blog_shows_it_and_links_the_archive_of_weeks_come(client, blog, quotes, fixed_day):
    fixed_day(datetime.date(2027, 1, 5))

    section = soup_of(client.get("/en/stories/")).select_one(".quote-of-the-week")
    archive = soup_of(client.get(section.select_one("a")["href"]))

    assert "First of the next." in section.text
    shown = [q.get_text(strip=True) for q in archive.select(".quote-archive blockquote")]
    assert shown == ["First of the next.", "Last of the year."]


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_a_quote_is_shown_as_text(client, blog, fixed_day, payload):
    quote("en", 2027, 1, payload, author=payload)
    fixed_day(datetime.date(2027, 1, 5))

    for path in ["/en/", "/en/stories/", "/en/stories/quotes/"]:
        assert payload not in client.get(path).text


def test_a_quote_from_a_catalogued_book_links_its_record(client, catalogue, fixed_day):  # noqa: F811
    written = quote("en", 2027, 1, "Study, my brothers.", author="Shevchenko")
    written.biblio_id = 41
    written.save()
    fixed_day(datetime.date(2027, 1, 5))

    link = soup_of(client.get("/en/")).select_one(".quote-of-the-week a[href*='/catalogue/']")

    assert link["href"].startswith("/en/catalogue/41/")
    assert "Кобзарь" in link.text
