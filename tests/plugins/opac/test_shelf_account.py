"""A reader's shelves in their account (through plugins.readers' extension point): listed with
their counts in My account, with a form for a new list, in the data download, and removed with
the account."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from plugins.opac.models import CatalogueRecord, Shelf, ShelfEntry, ShelfFollow
from plugins.opac.shelves import create_list, fixed_shelves, shelf_url, shelve
from tests.html import soup_of

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-for-tests"


@pytest.fixture
def shelver(client, catalogue):
    user = get_user_model().objects.create_user("shelver", "shelver@example.org", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    oliver = CatalogueRecord.objects.get(pk=3)
    shelve(user, oliver, fixed_shelves(user)["want"])
    summer = create_list(user, "Summer", "Beach books", public=True)
    shelve(user, oliver, summer)
    shelve(user, CatalogueRecord.objects.get(pk=1), summer)
    return user


def test_my_account_lists_the_shelves_with_counts_and_links(client, shelver):
    section = soup_of(client.get("/uk/account/")).select_one('[aria-labelledby="shelves-heading"]')

    items = [li.get_text(" ", strip=True) for li in section.select(".account-shelves li")]
    assert len(items) == 4 and items[3].startswith("Summer")
    summer = Shelf.objects.get(name="Summer")
    links = [a["href"] for a in section.select(".account-shelves a")]
    assert len(links) == 4 and links[3] == shelf_url(summer, "uk")
    assert section.select_one('form[action="/uk/catalogue/shelves/new/"]') is not None


def test_a_new_readers_fixed_shelves_are_listed_empty_without_a_page_yet(client, catalogue):
    newcomer = get_user_model().objects.create_user("new", "new@example.org", PASSWORD)
    client.force_login(newcomer)

    section = soup_of(client.get("/en/account/")).select_one('[aria-labelledby="shelves-heading"]')

    items = [li.get_text(" ", strip=True) for li in section.select(".account-shelves li")]
    assert items == ["Want to read — 0 titles", "Reading — 0 titles", "Read — 0 titles"]
    assert not section.select(".account-shelves a") and not Shelf.objects.exists()


def test_a_list_made_from_my_account_is_the_readers(client, shelver):
    client.post("/en/catalogue/shelves/new/", {"name": "Winter"})

    assert Shelf.objects.filter(owner=shelver, name="Winter").exists()


def test_the_data_download_holds_the_readers_shelves_and_follows(client, shelver):
    other = get_user_model().objects.create_user("other", "o@example.org", PASSWORD)
    followed = create_list(other, "Other", public=True)
    ShelfFollow.objects.create(follower=shelver, shelf=followed)

    data = json.loads(client.get("/en/account/data/").content)["shelves"]

    by_kind = {s["kind"] if s["kind"] != "list" else s["name"]: s for s in data["shelves"]}
    assert [r["biblio_id"] for r in by_kind["want"]["records"]] == [3]
    assert by_kind["Summer"]["public"] is True and by_kind["Summer"]["description"] == "Beach books"
    assert sorted(r["biblio_id"] for r in by_kind["Summer"]["records"]) == [1, 3]
    assert data["following"] == [shelf_url(followed, "en")]


def test_deleting_the_account_says_and_removes_its_shelves(client, shelver):
    text = soup_of(client.get("/en/account/delete/")).select_one("main").get_text(" ")
    assert "your bookshelves and lists, and the lists you follow" in text

    client.post("/en/account/delete/", {"password": PASSWORD})

    assert not Shelf.objects.exists() and not ShelfEntry.objects.exists()
