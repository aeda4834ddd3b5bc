"""Reports → "Knowledge base: helpfulness": each entry's yes and no, for librarians allowed to
see the reference service's reports."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plugins.reference.helpfulness_report import URL_NAME
from plugins.reference.models import FaqEntryPage, FaqVote
from tests.html import soup_of
from tests.plugins.reference.knowledge.conftest import make_librarian

pytestmark = pytest.mark.django_db


def entry(slug: str) -> FaqEntryPage:
    return FaqEntryPage.objects.get(slug=slug)


def rows_of(response) -> dict[str, list[str]]:
    soup = soup_of(response)
    return {
        row.select("td")[0].get_text(strip=True): [
            td.get_text(strip=True) for td in row.select("td")[1:]
        ]
        for row in soup.select("table tbody tr")
    }


def test_the_report_counts_helpful_and_unhelpful_votes_per_entry(client):
    client.force_login(make_librarian())
    printing, card = entry("printing-and-copying"), entry("cum-obtin-permisul")
    FaqVote.objects.bulk_create(
        [FaqVote(entry=printing, helpful=True)] * 3
        + [FaqVote(entry=printing, helpful=False)]
        + [FaqVote(entry=card, helpful=False)] * 2
    )

    rows = rows_of(client.get(reverse(URL_NAME)))

    assert rows[printing.title] == ["en", "3", "1"]
    assert rows[card.title] == ["ro", "0", "2"]
    assert next(iter(rows)) == card.title  # the least helpful first
    assert len(rows) == 32  # the demo's eight entries in four languages


def test_the_report_exports_csv(client):
    client.force_login(make_librarian())
    FaqVote.objects.create(entry=entry("printing-and-copying"), helpful=True)

    response = client.get(reverse(URL_NAME), {"export": "csv"})

    lines = response.getvalue().decode().splitlines()
    assert lines[0] == "Question,Language,Helpful,Not helpful,Published"
    assert "Can I print and make copies at the library?,en,1,0,True" in lines


def test_the_report_is_listed_under_reports_for_those_who_may_see_it(client):
    client.force_login(make_librarian())

    assert reverse(URL_NAME) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_is_refused_to_staff_without_the_permission(client):
    from django.contrib.auth.models import Permission

    staff = get_user_model().objects.create_user("clerk", "clerk@example.org", "pw")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)

    response = client.get(reverse(URL_NAME))

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert reverse(URL_NAME) not in client.get(reverse("wagtailadmin_home")).content.decode()
