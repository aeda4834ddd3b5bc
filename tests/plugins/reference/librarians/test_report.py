"""The monthly report on a data set computed by hand: 7 questions of November 2026 across three
topics (and one without), with neighbours in October and December on either side of the
month's bounds in the site's time zone (Chisinau, UTC+2), 4 ratings, suggestions and votes."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Locale

from library_site.core.models.pages import HomePage
from plugins.reference.models import (
    FaqEntryPage,
    FaqVote,
    KnowledgeBasePage,
    Question,
    ServiceRating,
    ServiceSuggestion,
    Topic,
)
from plugins.reference.report.months import Month, last_full_month, parse_month
from tests.html import soup_of
from tests.plugins.reference.librarians.conftest import make_librarian
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Europe/Chisinau")
REPORT = "/admin/reports/reference/"
NOVEMBER = {"month": "2026-11"}


def at(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


def question(asked: datetime, answered: datetime | None = None, **fields) -> Question:
    created = Question.objects.create(
        body=fields.pop("body", "A question"),
        language=fields.pop("language", "en"),
        email="asker@example.org",
        **fields,
    )
    Question.objects.filter(pk=created.pk).update(
        created_at=asked, confirmed_at=asked, first_answered_at=answered
    )
    return created


def rated(of: Question, score: int, comment: str, when: datetime) -> None:
    rating = ServiceRating.objects.create(question=of, score=score, comment=comment)
    ServiceRating.objects.filter(pk=rating.pk).update(created_at=when)


def dated(model, when: datetime, **fields) -> None:
    made = model.objects.create(**fields)
    model.objects.filter(pk=made.pk).update(created_at=when)


@pytest.fixture
def data_set(settings):
    settings.TIME_ZONE = "Europe/Chisinau"
    settings.REFERENCE_SLA_HOURS = (24, 48)
    english = Locale.objects.get(language_code="en")
    hours = Topic.objects.create(name="Opening hours", locale=english)
    history = Topic.objects.create(name="Local history", locale=english)
    databases = Topic.objects.create(name="Databases", locale=english)
    # In November (asked -> first answered, in hours):
    q1 = question(at(11, 2, 10), at(11, 2, 12), topic=hours)  # 2
    q2 = question(at(11, 2, 15), at(11, 3, 15), topic=hours, language="ru")  # 24
    q3 = question(at(11, 10, 9), at(11, 10, 9, 30), topic=hours, source="chat")  # 0.5
    q4 = question(at(11, 15, 8), at(11, 17, 8), topic=history, language="uk")  # 48
    question(at(11, 30, 23, 30), topic=history)  # unanswered, open at the end
    question(at(11, 1, 0, 30), at(11, 1, 6, 30), topic=databases, language="ro", source="chat")
    question(at(11, 20, 12), at(12, 1, 12))  # 264, open at the month's end
    # Around November:
    q8 = question(at(10, 31, 23, 30), at(11, 1, 10), topic=hours)
    question(at(12, 1, 0, 10))
    closed = question(at(10, 15, 9), topic=history)
    Question.objects.filter(pk=closed.pk).update(status="closed", closed_at=at(11, 5, 9))
    question(at(10, 20, 9), topic=databases)  # still open at the end
    question(at(11, 3, 9), topic=hours).delete()  # gone: not counted
    unconfirmed = question(at(11, 4, 9))
    Question.objects.filter(pk=unconfirmed.pk).update(confirmed_at=None)

    rated(q1, 5, "Very helpful", at(11, 3, 9))
    rated(q2, 4, "", at(11, 4, 9))
    rated(q3, 5, "Fast!", at(11, 30, 23))
    rated(q4, 2, "Too slow", at(11, 18, 9))
    rated(q8, 1, "October's", at(10, 31, 23))

    dated(ServiceSuggestion, at(11, 1, 0, 5), body="More chairs", language="en")
    dated(ServiceSuggestion, at(11, 30, 20), body="Longer hours", language="uk")
    dated(ServiceSuggestion, at(12, 1, 0, 10), body="December's", language="en")

    home = HomePage.objects.get(locale=english)
    base = home.add_child(instance=KnowledgeBasePage(title="Answers", slug="answers-report"))
    entry = base.add_child(instance=FaqEntryPage(title="When do you open?", answer=[]))
    for helpful, when in [
        (True, at(11, 5, 9)),
        (True, at(11, 6, 9)),
        (True, at(11, 30, 23, 59)),
        (False, at(11, 7, 9)),
        (True, at(10, 31, 22)),
    ]:
        dated(FaqVote, when, entry=entry, helpful=helpful)


@pytest.fixture
def manager(client):
    client.force_login(make_librarian("manager", group="Editors"))


def rows(soup, key: str) -> list[list[str]]:
    return [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in soup.select(f"#report-{key} tbody tr")
    ]


def test_the_months_figures(client, manager, data_set):
    soup = soup_of(client.get(REPORT, NOVEMBER))

    summary = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in soup.select(".reference-report__summary tr")
    }
    assert summary == {
        "Questions asked": "7",
        "Questions answered": "6",
        "Median first response (hours)": "15.0",  # 0.5 2 6 | 24 48 264
        "Mean first response (hours)": "57.4",  # 344.5 / 6
        "Share answered within 24 h": "57 %",  # 4 of 7
        "Still open at the month’s end": "3",
        "Suggestions received": "2",
        "Knowledge base: helpful": "3",
        "Knowledge base: not helpful": "1",
    }


def test_questions_by_topic_source_and_language(client, manager, data_set):
    soup = soup_of(client.get(REPORT, NOVEMBER))

    assert rows(soup, "topics") == [
        ["(no topic)", "1", "1", "264.0"],
        ["Databases", "1", "1", "6.0"],
        ["Local history", "2", "1", "48.0"],
        ["Opening hours", "3", "3", "2.0"],
    ]
    assert rows(soup, "sources") == [["Question form", "5"], ["Live chat", "2"]]
    assert rows(soup, "languages") == [
        ["English", "4"],
        ["Русский", "1"],
        ["Українська", "1"],
        ["Română", "1"],
    ]


def test_satisfaction_counts_averages_and_lists_the_comments(client, manager, data_set):
    soup = soup_of(client.get(REPORT, NOVEMBER))

    assert "4 ratings, on average 4.0 of 5." in soup.select_one(".reference-report__rating").text
    assert rows(soup, "satisfaction") == [
        ["5", "2"],
        ["4", "1"],
        ["3", "0"],
        ["2", "1"],
        ["1", "0"],
    ]
    comments = [
        li.get_text(" ", strip=True) for li in soup.select(".reference-report__comments li")
    ]
    assert comments == ["5/5 — Very helpful", "2/5 — Too slow", "5/5 — Fast!"]  # by date


def test_the_chart_has_a_bar_for_each_day_with_questions(client, manager, data_set):
    soup = soup_of(client.get(REPORT, NOVEMBER))

    bars = [bar.title.text for bar in soup.select("svg .reference-chart__bar")]
    assert len(bars) == 6
    per_day = dict((day, int(count)) for day, count in rows(soup, "per_day"))
    assert len(per_day) == 30
    assert {day: count for day, count in per_day.items() if count} == {
        "2026-11-01": 1,
        "2026-11-02": 2,
        "2026-11-10": 1,
        "2026-11-15": 1,
        "2026-11-20": 1,
        "2026-11-30": 1,
    }


def test_the_csv_export_holds_the_same_tables(client, manager, data_set):
    response = client.get(REPORT, {**NOVEMBER, "export": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="reference-2026-11.csv"' in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    start = lines.index(["Questions by topic"])
    assert lines[start + 1 : start + 6] == [
        ["Topic", "Asked", "Answered", "Median first response (hours)"],
        ["(no topic)", "1", "1", "264.0"],
        ["Databases", "1", "1", "6.0"],
        ["Local history", "2", "1", "48.0"],
        ["Opening hours", "3", "3", "2.0"],
    ]
    assert ["Questions asked", "7"] in lines
    assert ["2", "Too slow"] in lines


def test_the_report_defaults_to_the_last_full_month(client, manager):
    response = client.get(REPORT)

    assert response.context["month"] == last_full_month()


def test_a_wrong_month_is_said_clearly_and_the_last_full_month_shown(client, manager):
    response = client.get(REPORT, {"month": "2026-13"})

    assert response.status_code == 400
    alert = soup_of(response).select_one("[role=alert]").text
    assert "“2026-13” is no month" in alert and "like 2026-11" in alert
    assert response.context["month"] == last_full_month()


@pytest.mark.parametrize("text", ["2026-1", "26-11", "november", "2026-00", "0000-05", ""])
def test_only_a_year_and_month_is_a_month(text):
    assert parse_month(text) is None


def test_a_month_and_its_days():
    assert parse_month("2026-12") == Month(2026, 12)
    assert Month(2026, 12).next == Month(2027, 1)
    assert len(Month(2028, 2).days) == 29
    assert last_full_month(date(2027, 1, 15)) == Month(2026, 12)


def test_the_report_costs_the_same_queries_for_more_questions(client, manager, data_set):
    few = count_queries(client, REPORT, NOVEMBER)
    topic = Topic.objects.create(name="More", locale=Locale.objects.get(language_code="ru"))
    for day in range(1, 29):
        question(at(11, day, 9), at(11, day, 11), topic=topic, language="ru")

    assert count_queries(client, REPORT, NOVEMBER) == few


@pytest.mark.parametrize(("highest", "top"), [(0, 5), (3, 5), (5, 5), (6, 10), (11, 20), (21, 50)])
def test_the_charts_axis_ends_at_a_round_number_in_five_whole_steps(highest, top):
    from plugins.reference.report.chart import axis_top, day_chart

    assert axis_top(highest) == top
    days = [(date(2026, 11, 1), highest), (date(2026, 11, 2), 0)]
    assert [value for _y, value in day_chart(days).ticks] == list(range(0, top + 1, top // 5))


def test_a_readers_comment_is_shown_escaped(client, manager, settings):
    settings.TIME_ZONE = "Europe/Chisinau"
    rated(question(at(11, 2, 10)), 1, '<script>alert("r")</script>', at(11, 3, 9))

    html = client.get(REPORT, NOVEMBER).content.decode()

    assert '<script>alert("r")' not in html
    assert "&lt;script&gt;alert(&quot;r&quot;)&lt;/script&gt;" in html


def test_a_comment_a_spreadsheet_would_run_as_a_formula_is_kept_as_text_in_the_csv(client, manager):
    asked = question(at(11, 3, 10), at(11, 3, 12))
    rated(asked, 1, '=HYPERLINK("http://evil.example","click")', at(11, 4, 9))

    response = client.get(REPORT, {**NOVEMBER, "export": "csv"})

    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["1", '\'=HYPERLINK("http://evil.example","click")'] in lines
    assert ["Questions asked", "1"] in lines  # numbers stay numbers
