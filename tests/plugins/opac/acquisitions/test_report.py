"""The acquisitions report in the Wagtail admin: for a period, the most rated and most held
records, the searches with no result and the purchase suggestions, each exportable as CSV and
XLSX, and readers' activity per week as an inline SVG chart; for editors and moderators only."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from plugins.opac.acquisitions.models import FailedSearch, PurchaseSuggestion
from plugins.opac.acquisitions.periods import PeriodForm, last_days
from plugins.opac.models import CatalogueRecord, Rating, ShelfEntry
from plugins.opac.shelves import fixed_shelves, shelve
from tests.html import soup_of
from tests.plugins.opac.contributions import make_reader

pytestmark = pytest.mark.django_db

URL = "/admin/reports/acquisitions/"
TODAY = timezone.localdate()


def staff_in(group: str | None, name: str):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw-long-enough")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(client):
    user = staff_in("Editors", "editor")
    client.force_login(user)
    return user


def suggest(reader, title: str, **fields) -> PurchaseSuggestion:
    return PurchaseSuggestion.objects.create(
        reader=reader, title=title, title_key=title.lower(), language="en", **fields
    )


@pytest.fixture
def activity(catalogue):
    """Ratings, failed searches and suggestions now and 100 days ago."""
    anna, boris = make_reader("anna"), make_reader("boris")
    Rating.objects.create(reader=anna, record_id=3, stars=5)
    Rating.objects.create(reader=boris, record_id=3, stars=3)
    Rating.objects.create(reader=anna, record_id=1, stars=4)
    FailedSearch.objects.create(query="dune", language="en", day=TODAY, count=4)
    FailedSearch.objects.create(query="dune", language="en", day=TODAY - timedelta(days=1))
    FailedSearch.objects.create(query="солярис", language="ru", day=TODAY, count=2)
    FailedSearch.objects.create(query="old", language="en", day=TODAY - timedelta(days=100))
    suggest(anna, "Dune", author="Frank Herbert", koha_suggestion_id=1, koha_status="ORDERED")
    suggest(boris, "Dune")
    suggest(boris, "Solaris")
    long_ago = suggest(anna, "Old Wish")
    PurchaseSuggestion.objects.filter(pk=long_ago.pk).update(
        created=timezone.now() - timedelta(days=100)
    )
    oliver, first = CatalogueRecord.objects.get(pk=3), CatalogueRecord.objects.get(pk=1)
    for reader, record in ((anna, oliver), (boris, oliver), (boris, first)):
        shelve(reader, record, fixed_shelves(reader)["want"])
    ShelfEntry.objects.filter(shelf__owner=boris, record=first).update(
        added_at=timezone.now() - timedelta(days=100)
    )


def table(soup, key: str) -> list[list[str]]:
    section = soup.select_one(f'section[aria-labelledby="table-{key}"]')
    return [
        [td.get_text(strip=True) for td in tr.select("td")] for tr in section.select("tbody tr")
    ]


# --- who may see it ----------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_see_the_report_and_its_menu_item(client, group):
    client.force_login(staff_in(group, "librarian"))

    assert client.get(URL).status_code == 200
    assert URL in client.get("/admin/").content.decode()


def test_other_admin_users_are_refused_and_not_shown_the_menu_item(client):
    user = staff_in(None, "someone")
    user.user_permissions.add(
        *Group.objects.get(name="Editors").permissions.filter(codename="access_admin")
    )
    client.force_login(user)

    assert client.get(URL).status_code == 403
    assert client.get(URL, {"table": "most_rated", "export": "csv"}).status_code == 403
    assert URL not in client.get("/admin/").content.decode()


def test_readers_are_not_let_into_the_admin(client):
    client.force_login(make_reader("reader"))

    assert client.get(URL).status_code in (302, 403)


# --- what it shows -------------------------------------------------------------------------------


def test_the_tables_count_what_happened_in_the_period(client, editor, activity):
    soup = soup_of(client.get(URL, {"period": "30"}))

    assert table(soup, "most_wanted") == [["Oliver Twist", "3", "2"]]
    assert table(soup, "most_rated") == [
        ["Oliver Twist", "3", "2", "4.0"],
        [CatalogueRecord.objects.get(pk=1).title, "1", "1", "4.0"],
    ]
    assert table(soup, "failed_searches") == [["dune", "English", "5"], ["солярис", "Russian", "2"]]
    assert table(soup, "purchase_suggestions") == [
        ["Dune", "Frank Herbert", "2", "ordered"],
        ["Solaris", "", "1", "waiting to be sent to Koha"],
    ]


def test_a_longer_period_counts_what_happened_before(client, editor, activity):
    soup = soup_of(client.get(URL, {"period": "365"}))

    assert ["old", "English", "1"] in table(soup, "failed_searches")
    assert "Old Wish" in [row[0] for row in table(soup, "purchase_suggestions")]


def test_a_period_from_one_day_to_another(client, editor, activity):
    yesterday = TODAY - timedelta(days=1)
    soup = soup_of(client.get(URL, {"period": "custom", "since": yesterday, "until": yesterday}))

    assert table(soup, "failed_searches") == [["dune", "English", "1"]]
    assert (
        "Nothing in this period."
        in soup.select_one('section[aria-labelledby="table-most_rated"]').get_text()
    )


def test_a_period_the_form_cannot_read_is_the_last_30_days():
    assert PeriodForm({"period": "forever"}).chosen() == last_days(30)
    assert PeriodForm({"period": "custom", "since": "2026-01-01"}).chosen() == last_days(30)
    reversed_days = PeriodForm({"period": "custom", "since": "2026-02-01", "until": "2026-01-01"})
    assert reversed_days.chosen().since == date(2026, 1, 1)


def test_the_most_held_records_come_from_kohas_holds(client, editor, catalogue, site_koha):
    koha_today = site_koha.clock().date()  # the sandbox's clock, which dated its holds
    since = koha_today - timedelta(days=30)
    soup = soup_of(client.get(URL, {"period": "custom", "since": since, "until": koha_today}))

    rows = table(soup, "most_held")
    assert rows and all(int(row[2]) >= 1 for row in rows)


def test_when_koha_is_down_the_holds_table_says_so_and_the_page_still_comes(
    client, editor, activity, settings
):
    from dataclasses import replace

    settings.KOHA = replace(settings.KOHA, url="http://127.0.0.1:9/", timeout=1)

    response = client.get(URL)

    assert response.status_code == 200
    section = soup_of(response).select_one('section[aria-labelledby="table-most_held"]')
    assert "Koha cannot be reached" in section.get_text()


def test_the_chart_is_inline_svg_with_a_title_and_the_figures_in_a_table(client, editor, activity):
    soup = soup_of(client.get(URL, {"period": "7"}))

    svg = soup.select_one("figure.activity-chart svg")
    assert svg["role"] == "img"
    assert svg.select_one("title").get_text() == "Readers' activity per week"
    assert len(svg.select("polyline")) == 3
    figures = soup.select("figure.activity-chart details tbody tr")
    totals = [sum(int(td.get_text()) for td in row.select("td")) for row in figures]
    assert sum(totals) == 3 + 3 + 7  # ratings, suggestions, failed searches this week or last
    assert not soup.select('script[src*="http"]')


def test_what_readers_typed_is_escaped_in_the_report(client, editor, catalogue):
    payload = '"><img src=x onerror=alert(1)><script>alert(1)</script>'
    suggest(make_reader("mallory"), payload)
    FailedSearch.objects.create(query=payload, language="en", day=TODAY)

    html = client.get(URL).content.decode()

    assert payload not in html
    assert "<script>alert(1)</script>" not in html


# --- exports -------------------------------------------------------------------------------------


def test_a_table_exports_as_csv_with_every_row_of_the_period(client, editor, activity):
    response = client.get(URL, {"period": "30", "table": "failed_searches", "export": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    assert "acquisitions-failed_searches-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        ["Words searched", "Language", "Times"],
        ["dune", "English", "5"],
        ["солярис", "Russian", "2"],
    ]


def test_a_search_a_spreadsheet_would_run_as_a_formula_is_kept_as_text_in_the_csv(
    client, editor, activity
):
    FailedSearch.objects.create(query="=cmd|' /c calc'!a1", language="en", day=TODAY, count=9)

    response = client.get(URL, {"period": "30", "table": "failed_searches", "export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1] == ["'=cmd|' /c calc'!a1", "English", "9"]


def test_a_table_exports_as_xlsx(client, editor, activity):
    response = client.get(URL, {"period": "30", "table": "purchase_suggestions", "export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Title", "Author", "Times suggested", "Status"],
        ["Dune", "Frank Herbert", 2, "ordered"],
        ["Solaris", None, 1, "waiting to be sent to Koha"],
    ]


def test_the_exports_are_linked_with_the_period(client, editor, activity):
    soup = soup_of(client.get(URL, {"period": "90"}))

    links = [a["href"] for a in soup.select('section[aria-labelledby="table-most_rated"] a')]
    assert any("export=csv" in link and "table=most_rated" in link for link in links)
    assert all(f"since={TODAY - timedelta(days=89)}" in link for link in links)


def test_an_unknown_table_is_a_bad_request(client, editor):
    assert client.get(URL, {"table": "secrets", "export": "csv"}).status_code == 400


# --- cost ----------------------------------------------------------------------------------------


def test_the_report_costs_the_same_queries_whatever_the_data(
    client, editor, activity, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr("koha_bridge.client.KohaClient.holds_placed", lambda self, since, until: [])
    client.get(URL)  # warm the caches
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    without_data = len(few.captured_queries)  # read now: the next request empties the log
    readers = [make_reader(f"r{n}") for n in range(30)]
    for n, reader in enumerate(readers):
        Rating.objects.create(reader=reader, record_id=n % 10 + 1, stars=n % 5 + 1)
        suggest(reader, f"Wish {n}")
        FailedSearch.objects.create(query=f"words {n}", language="en", day=TODAY)
    client.get(URL)  # ratings forget the site's kept frames: warm them again
    with django_assert_max_num_queries(without_data):
        client.get(URL)


def test_kohas_holds_are_asked_once_for_the_page_and_its_exports(client, editor, monkeypatch):
    asked = []

    def holds_placed(self, since, until):
        asked.append((since, until))
        return [{"biblio_id": 3}]

    monkeypatch.setattr("koha_bridge.client.KohaClient.holds_placed", holds_placed)

    client.get(URL)
    client.get(URL, {"table": "most_held", "export": "csv"})

    assert len(asked) == 1
