"""Readers' bookshelves: "want to read", "reading" and "read" (a record on one of them at a time)
and named lists, private unless made public; a public shelf's page names no username; readers
follow others' public lists; only the owner changes a shelf, and others' private shelves are
not found."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from plugins.opac.models import CatalogueRecord, Rating, Shelf, ShelfEntry, ShelfFollow
from plugins.opac.shelves import (
    create_list,
    fixed_shelves,
    most_wanted,
    shelf_url,
    shelve,
    shelves_url,
)
from tests.html import soup_of
from tests.plugins.opac.contributions import OLIVER_TWIST, make_reader, messages_of, record_page
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

SHELVING_URL = f"/en/catalogue/shelving/{OLIVER_TWIST}/"
XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


@pytest.fixture
def reader(client, catalogue):
    user = make_reader("shelfreader")
    client.force_login(user)
    return user


def shelved(reader) -> dict[str, list[int]]:
    """Where the reader's records sit: shelf title -> biblio ids."""
    found: dict[str, list[int]] = {}
    for entry in ShelfEntry.objects.filter(shelf__owner=reader).select_related("shelf"):
        found.setdefault(entry.shelf.title, []).append(entry.record_id)
    return {title: sorted(ids) for title, ids in found.items()}


def other_client(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


# -- the record page --------------------------------------------------------------------


def test_a_visitor_is_asked_to_sign_in_to_shelve_and_cannot_post(client, catalogue):
    link = record_page(client).select_one("#shelves a")
    assert link.get_text(strip=True) == "Sign in to put this title on your shelves"
    assert "next=/en/catalogue/3/" in link["href"]

    response = client.post(SHELVING_URL, {"shelf": "want"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ShelfEntry.objects.exists()


def test_a_reader_puts_a_title_on_want_to_read_and_the_page_says_where_it_sits(client, reader):
    response = client.post(SHELVING_URL, {"shelf": "want"}, follow=True)

    assert "“Oliver Twist” is on “Want to read”." in messages_of(response)
    section = record_page(client).select_one("#shelves")
    assert [a.get_text() for a in section.select(".bookshelving__on a")] == ["Want to read"]
    assert section.select_one('option[value="want"]').has_attr("disabled")


def test_moving_a_title_between_fixed_shelves_is_one_action(client, reader):
    client.post(SHELVING_URL, {"shelf": "want"})
    client.post(SHELVING_URL, {"shelf": "reading"})
    assert shelved(reader) == {"Reading": [OLIVER_TWIST]}

    client.post(SHELVING_URL, {"shelf": "read"})
    assert shelved(reader) == {"Read": [OLIVER_TWIST]}


def test_a_title_can_be_on_many_lists_and_one_fixed_shelf(client, reader):
    holiday = create_list(reader, "Holiday")
    winter = create_list(reader, "Winter")
    for choice in ("read", holiday.token, winter.token):
        client.post(SHELVING_URL, {"shelf": choice})

    assert shelved(reader) == {
        "Holiday": [OLIVER_TWIST],
        "Read": [OLIVER_TWIST],
        "Winter": [OLIVER_TWIST],
    }


def test_a_new_list_is_made_from_the_record_page_with_the_title_on_it(client, reader):
    response = client.post(SHELVING_URL, {"shelf": "new", "name": "  Dickens  all "}, follow=True)

    assert "“Oliver Twist” is on “Dickens all”." in messages_of(response)
    assert shelved(reader) == {"Dickens all": [OLIVER_TWIST]}


def test_a_refused_new_list_saves_nothing(client, reader):
    create_list(reader, "Dickens")

    response = client.post(SHELVING_URL, {"shelf": "new", "name": "DICKENS"}, follow=True)

    assert "You already have a list called “DICKENS”." in messages_of(response)
    assert Shelf.objects.filter(kind="list").count() == 1 and not ShelfEntry.objects.exists()


def test_a_reader_takes_a_title_off_a_shelf(client, reader):
    client.post(SHELVING_URL, {"shelf": "reading"})
    token = Shelf.objects.get(owner=reader, kind="reading").token

    response = client.post(SHELVING_URL, {"remove": token}, follow=True)

    assert "“Oliver Twist” is off “Reading”." in messages_of(response)
    assert shelved(reader) == {}


def test_an_unknown_shelf_is_refused_in_words(client, reader):
    response = client.post(SHELVING_URL, {"shelf": "nonsense-token"}, follow=True)

    assert "You have no such shelf: choose one of yours." in messages_of(response)
    assert not ShelfEntry.objects.exists()


def test_another_readers_list_cannot_be_used_or_emptied(client, reader):
    other = make_reader("other")
    theirs = create_list(other, "Theirs", public=True)
    shelve(other, CatalogueRecord.objects.get(pk=OLIVER_TWIST), theirs)

    response = client.post(SHELVING_URL, {"shelf": theirs.token}, follow=True)
    assert "You have no such shelf: choose one of yours." in messages_of(response)
    response = client.post(SHELVING_URL, {"remove": theirs.token}, follow=True)
    assert "You have no such shelf." in messages_of(response)

    assert shelved(other) == {"Theirs": [OLIVER_TWIST]} and shelved(reader) == {}


def test_shelving_a_record_the_catalogue_no_longer_has_is_refused_in_words(client, reader):
    response = client.post("/en/catalogue/shelving/999999/", {"shelf": "want"}, follow=True)

    assert "This title is no longer in the catalogue." in messages_of(response)
    assert response.redirect_chain[-1][0] == shelves_url("en")
    assert not ShelfEntry.objects.exists()


def test_shelving_is_only_posted_with_the_forms_csrf_token(reader):
    assert Client().get(SHELVING_URL).status_code == 405
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)

    assert browser.post(SHELVING_URL, {"shelf": "want"}).status_code == 403
    assert not ShelfEntry.objects.exists()


def test_shelving_is_rate_limited(client, reader, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "shelf": "2/h/user"}
    client.post(SHELVING_URL, {"shelf": "want"})
    client.post(SHELVING_URL, {"shelf": "reading"})

    assert client.post(SHELVING_URL, {"shelf": "read"}).status_code == 429
    assert shelved(reader) == {"Reading": [OLIVER_TWIST]}


def test_rating_a_title_offers_to_put_it_on_read_in_one_click(client, reader):
    response = client.post(f"/en/catalogue/rating/{OLIVER_TWIST}/", {"stars": "5"}, follow=True)

    offer = soup_of(response).select_one("#rating .rating__offer")
    assert offer.select_one("button").get_text(strip=True) == "Put it on Read"
    client.post(offer["action"], {"shelf": offer.select_one('[name="shelf"]')["value"]})

    assert shelved(reader) == {"Read": [OLIVER_TWIST]}
    assert record_page(client).select_one("#rating .rating__offer") is None


def test_no_offer_without_a_rating(client, reader):
    assert record_page(client).select_one(".rating__offer") is None


# -- lists: made, changed, deleted ------------------------------------------------------


def test_a_reader_makes_a_list_and_lands_on_it(client, reader):
    response = client.post(
        "/en/catalogue/shelves/new/",
        {"name": "Summer", "description": "Beach books", "public": "on"},
        follow=True,
    )

    made = Shelf.objects.get(owner=reader, kind="list")
    assert (made.name, made.description, made.public) == ("Summer", "Beach books", True)
    assert response.redirect_chain[-1][0] == shelf_url(made, "en")
    assert "Your list “Summer” is made." in messages_of(response)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the list a name."),
        ("   ", "Give the list a name."),
        ("x" * 101, "A list's name can have at most 100 characters."),
    ],
)
def test_empty_or_too_long_names_are_refused_in_words(client, reader, name, message):
    response = client.post("/en/catalogue/shelves/new/", {"name": name}, follow=True)

    assert message in messages_of(response)
    assert not Shelf.objects.filter(kind="list").exists()


def test_a_name_of_100_characters_is_taken(client, reader):
    client.post("/en/catalogue/shelves/new/", {"name": "x" * 100})

    assert Shelf.objects.get(kind="list").name == "x" * 100


def test_a_duplicate_list_name_is_refused_whatever_its_case(client, reader):
    create_list(reader, "Summer")

    response = client.post("/en/catalogue/shelves/new/", {"name": "summer "}, follow=True)

    assert "You already have a list called “summer”." in messages_of(response)
    assert Shelf.objects.filter(kind="list").count() == 1


def test_two_readers_may_give_their_lists_the_same_name(client, reader):
    create_list(make_reader("other"), "Summer")

    client.post("/en/catalogue/shelves/new/", {"name": "Summer"})

    assert Shelf.objects.filter(kind="list", name="Summer").count() == 2


def test_refusals_are_in_the_readers_language(client, reader):
    response = client.post("/uk/catalogue/shelves/new/", {"name": ""}, follow=True)

    (message,) = messages_of(response)
    assert message and message != "Give the list a name."


def test_the_owner_renames_describes_and_publishes_a_list(client, reader):
    summer = create_list(reader, "Summer")

    client.post(
        f"/en/catalogue/shelves/{summer.token}/edit/",
        {"name": "Autumn", "description": "Rain", "public": "on"},
    )

    summer.refresh_from_db()
    assert (summer.name, summer.description, summer.public) == ("Autumn", "Rain", True)


def test_a_rename_to_another_lists_name_is_refused(client, reader):
    create_list(reader, "Summer")
    winter = create_list(reader, "Winter")

    response = client.post(
        f"/en/catalogue/shelves/{winter.token}/edit/", {"name": "SUMMER"}, follow=True
    )

    assert "You already have a list called “SUMMER”." in messages_of(response)
    winter.refresh_from_db()
    assert winter.name == "Winter"


def test_fixed_shelves_can_be_made_public_but_keep_their_names_and_stay(client, reader):
    read = fixed_shelves(reader)["read"]

    client.post(f"/en/catalogue/shelves/{read.token}/edit/", {"name": "Mine", "public": "on"})
    response = client.post(f"/en/catalogue/shelves/{read.token}/delete/", follow=True)

    read.refresh_from_db()
    assert (read.title, read.public) == ("Read", True)
    assert "The shelves “Want to read”, “Reading” and “Read” stay." in messages_of(response)


def test_the_owner_deletes_a_list_with_its_entries_and_follows(client, reader):
    summer = create_list(reader, "Summer", public=True)
    shelve(reader, CatalogueRecord.objects.get(pk=OLIVER_TWIST), summer)
    ShelfFollow.objects.create(follower=make_reader("fan"), shelf=summer)

    response = client.post(f"/en/catalogue/shelves/{summer.token}/delete/", follow=True)

    assert "Your list “Summer” is deleted." in messages_of(response)
    assert not Shelf.objects.filter(kind="list").exists()
    assert not ShelfEntry.objects.exists() and not ShelfFollow.objects.exists()


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_another_reader_cannot_change_a_list_and_is_told_it_is_not_found(client, reader, action):
    theirs = create_list(make_reader("other"), "Theirs", public=True)

    response = client.post(f"/en/catalogue/shelves/{theirs.token}/{action}/", {"name": "Mine"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.public) == ("Theirs", True)


def test_list_forms_are_posted_signed_in_and_with_the_csrf_token(reader):
    summer = create_list(reader, "Summer")
    assert Client().post(f"/en/catalogue/shelves/{summer.token}/delete/").status_code == 302
    assert Client().get("/en/catalogue/shelves/new/").status_code == 405
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)

    assert browser.post(f"/en/catalogue/shelves/{summer.token}/delete/").status_code == 403
    assert Shelf.objects.filter(kind="list").exists()


def test_list_forms_are_rate_limited(client, reader, settings):
    settings.READERS_RATE_LIMITS = {**settings.READERS_RATE_LIMITS, "shelf": "1/h/user"}
    client.post("/en/catalogue/shelves/new/", {"name": "One"})

    assert client.post("/en/catalogue/shelves/new/", {"name": "Two"}).status_code == 429
    assert list(Shelf.objects.filter(kind="list").values_list("name", flat=True)) == ["One"]


# -- who sees a shelf --------------------------------------------------------------------


def test_a_private_list_is_seen_by_its_owner_only(client, reader):
    summer = create_list(reader, "Summer")
    url = shelf_url(summer, "en")

    assert client.get(url).status_code == 200
    assert Client().get(url).status_code == 404
    assert other_client(make_reader("other")).get(url).status_code == 404


def test_an_unknown_shelf_is_not_found(client, reader):
    assert client.get("/en/catalogue/shelves/abcdefghijklmnop/").status_code == 404


def test_a_public_list_names_neither_the_readers_username_nor_email(client, catalogue):
    owner = make_reader("secretusername")
    summer = create_list(owner, "Summer", public=True)

    page = Client().get(shelf_url(summer, "en"))

    text = page.content.decode()
    assert "secretusername" not in text and "example.org" not in text
    assert "A list by A reader" in soup_of(page).select_one("main").get_text(" ")


def test_a_public_list_shows_the_name_its_owner_chose(client, catalogue):
    owner = make_reader("secretusername")
    owner.first_name, owner.last_name = "Ada", "Lovelace"
    owner.save()
    summer = create_list(owner, "Summer", public=True)

    main = soup_of(Client().get(shelf_url(summer, "en"))).select_one("main").get_text(" ")

    assert "A list by Ada Lovelace" in main


def test_a_blocked_readers_public_list_is_not_found(client, catalogue):
    owner = make_reader("blocked")
    summer = create_list(owner, "Summer", public=True)
    owner.is_active = False
    owner.save()

    assert Client().get(shelf_url(summer, "en")).status_code == 404


@pytest.mark.parametrize("payload", XSS)
def test_list_names_and_descriptions_are_escaped_everywhere(client, reader, payload):
    evil = create_list(reader, payload, payload, public=True)
    shelve(reader, CatalogueRecord.objects.get(pk=OLIVER_TWIST), evil)
    fan = make_reader("fan")
    ShelfFollow.objects.create(follower=fan, shelf=evil)

    pages = [
        client.get(shelf_url(evil, "en")),
        client.get(shelves_url("en")),
        client.get(f"/en/catalogue/3/{'oliver-twist'}/"),
        client.get("/en/account/"),
        other_client(fan).get("/en/account/"),
        Client().get(shelf_url(evil, "en")),
    ]
    for page in pages:
        assert page.status_code == 200
        text = page.content.decode()
        assert payload not in text
        assert "<script>alert(1)</script>" not in text and "<img src=x" not in text


def test_a_shelf_page_lists_its_records_newest_first_with_pages(client, reader):
    summer = create_list(reader, "Summer", public=True)
    now = timezone.now()
    ShelfEntry.objects.bulk_create(
        ShelfEntry(shelf=summer, record_id=pk, added_at=now - timedelta(minutes=pk))
        for pk in range(1, 26)
    )

    soup = soup_of(Client().get(shelf_url(summer, "en")))
    links = [a["href"] for a in soup.select(".record-card__title a")]
    assert len(links) == 20 and links[0].startswith("/en/catalogue/1/")
    assert soup.select_one('a[rel="next"]')["href"] == "?page=2"
    page_two = soup_of(Client().get(shelf_url(summer, "en") + "?page=2"))
    assert len(page_two.select(".record-card")) == 5


def test_the_owner_takes_a_record_off_from_the_shelf_page(client, reader):
    summer = create_list(reader, "Summer")
    shelve(reader, CatalogueRecord.objects.get(pk=OLIVER_TWIST), summer)
    form = soup_of(client.get(shelf_url(summer, "en"))).select_one(".record-card__action")

    response = client.post(form["action"], {"remove": summer.token, "back": "shelf"})

    assert response["Location"] == shelf_url(summer, "en")
    assert not ShelfEntry.objects.exists()
    assert soup_of(Client().get(shelf_url(summer, "en"))).select(".record-card__action") == []


def test_a_public_list_page_costs_the_same_queries_with_60_records(client, reader):
    summer = create_list(reader, "Summer", public=True)
    url = shelf_url(summer, "en")
    visitor = Client()
    count_queries(visitor, url)  # warm Wagtail's caches
    few = count_queries(visitor, url)
    few_for_owner = count_queries(client, url)
    ShelfEntry.objects.bulk_create(ShelfEntry(shelf=summer, record_id=pk) for pk in range(1, 71))
    readers = [make_reader(f"rater{n}") for n in range(3)]
    Rating.objects.bulk_create(
        Rating(reader=r, record_id=pk, stars=1 + pk % 5) for r in readers for pk in range(1, 71)
    )

    assert count_queries(visitor, url) <= few + 2  # the page's records and their ratings
    assert count_queries(client, url) <= few_for_owner + 2


def test_the_readers_shelves_page_shows_each_shelf_for_the_same_queries_with_60_records(
    client, reader
):
    url = shelves_url("en")
    count_queries(client, url)
    few = count_queries(client, url)
    lists = [create_list(reader, f"List {n}") for n in range(4)]
    shelves = [*fixed_shelves(reader).values(), *lists]
    ShelfEntry.objects.bulk_create(
        ShelfEntry(shelf=shelves[pk % len(shelves)], record_id=pk) for pk in range(1, 71)
    )

    assert count_queries(client, url) <= few + 2
    soup = soup_of(client.get(url))
    titles = [h.get_text(strip=True) for h in soup.select(".bookshelf__head h2")]
    assert titles[:3] == ["Want to read", "Reading", "Read"] and titles[3:] == [
        "List 0",
        "List 1",
        "List 2",
        "List 3",
    ]
    assert len(soup.select(".record-card")) == 70


def test_a_new_readers_shelves_page_shows_three_empty_shelves_and_writes_nothing(client, reader):
    soup = soup_of(client.get(shelves_url("en")))

    titles = [h.get_text(strip=True) for h in soup.select(".bookshelf__head h2")]
    assert titles == ["Want to read", "Reading", "Read"]
    assert len(soup.select(".bookshelf")) == 4  # and the form for a new list
    assert not Shelf.objects.exists()


def test_the_shelves_page_asks_a_visitor_to_sign_in(client, catalogue):
    response = client.get(shelves_url("en"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# -- following ---------------------------------------------------------------------------


@pytest.fixture
def public_list(catalogue):
    owner = make_reader("owner")
    summer = create_list(owner, "Summer", public=True)
    shelve(owner, CatalogueRecord.objects.get(pk=OLIVER_TWIST), summer)
    return summer


def followed_titles(client) -> list[str]:
    section = soup_of(client.get("/en/account/")).select_one('[aria-labelledby="followed-heading"]')
    return [a.get_text(strip=True) for a in section.select("a")]


def test_a_reader_follows_a_public_list_and_sees_its_additions_in_my_account(
    client, reader, public_list
):
    response = client.post(f"/en/catalogue/shelves/{public_list.token}/follow/", follow=True)

    assert "You follow “Summer”: My account shows what is added to it." in messages_of(response)
    assert followed_titles(client) == ["Summer", "Oliver Twist"]


def test_a_reader_unfollows(client, reader, public_list):
    ShelfFollow.objects.create(follower=reader, shelf=public_list)
    page = soup_of(client.get(shelf_url(public_list, "en")))
    assert page.select_one('button[name="unfollow"]') is not None

    client.post(f"/en/catalogue/shelves/{public_list.token}/follow/", {"unfollow": "1"})

    assert not ShelfFollow.objects.exists()


def test_a_list_made_private_disappears_from_its_followers(client, reader, public_list):
    ShelfFollow.objects.create(follower=reader, shelf=public_list)
    Shelf.objects.filter(pk=public_list.pk).update(public=False)

    assert followed_titles(client) == []
    assert client.get(shelf_url(public_list, "en")).status_code == 404


def test_a_blocked_readers_list_disappears_from_its_followers(client, reader, public_list):
    ShelfFollow.objects.create(follower=reader, shelf=public_list)
    public_list.owner.is_active = False
    public_list.owner.save()

    assert followed_titles(client) == []


def test_a_private_list_cannot_be_followed(client, reader):
    private = create_list(make_reader("owner"), "Hidden")

    assert client.post(f"/en/catalogue/shelves/{private.token}/follow/").status_code == 404
    assert not ShelfFollow.objects.exists()


def test_a_reader_cannot_follow_their_own_list(client, reader):
    mine = create_list(reader, "Mine", public=True)

    response = client.post(f"/en/catalogue/shelves/{mine.token}/follow/", follow=True)

    assert "This is your own list: it is in My account already." in messages_of(response)
    assert not ShelfFollow.objects.exists()


def test_my_account_lists_followed_lists_for_the_same_queries_however_many(client, reader):
    first = create_list(make_reader("first"), "First", public=True)
    ShelfFollow.objects.create(follower=reader, shelf=first)
    count_queries(client, "/en/account/")
    few = count_queries(client, "/en/account/")
    for n in range(8):
        theirs = create_list(make_reader(f"owner{n}"), f"List {n}", public=True)
        ShelfFollow.objects.create(follower=reader, shelf=theirs)
        ShelfEntry.objects.bulk_create(
            ShelfEntry(shelf=theirs, record_id=pk) for pk in range(1 + n, 10 + n)
        )

    assert count_queries(client, "/en/account/") <= few
    assert len(followed_titles(client)) == 1 + 8 * 4  # each list and its 3 latest additions


# -- what the library learns -------------------------------------------------------------


def test_most_wanted_counts_want_to_read_shelvings_in_the_period(catalogue):
    now = timezone.now()
    readers = [make_reader(f"wanter{n}") for n in range(3)]
    for number, reader in enumerate(readers):
        want = fixed_shelves(reader)["want"]
        ShelfEntry.objects.create(shelf=want, record_id=OLIVER_TWIST)
        if number:
            ShelfEntry.objects.create(shelf=want, record_id=1)
        ShelfEntry.objects.create(shelf=want, record_id=2, added_at=now - timedelta(days=40))
        ShelfEntry.objects.create(shelf=fixed_shelves(reader)["read"], record_id=5)

    found = most_wanted(now - timedelta(days=30), now + timedelta(seconds=1), 10)

    assert [(record.biblio_id, count) for record, count in found] == [(OLIVER_TWIST, 3), (1, 2)]


def test_most_wanted_is_one_query(catalogue, django_assert_num_queries):
    now = timezone.now()
    with django_assert_num_queries(1):
        most_wanted(now - timedelta(days=30), now, 5)


def test_deleting_a_reader_deletes_their_shelves(catalogue):
    owner = make_reader("leaving")
    summer = create_list(owner, "Summer", public=True)
    shelve(owner, CatalogueRecord.objects.get(pk=OLIVER_TWIST), summer)
    ShelfFollow.objects.create(follower=owner, shelf=create_list(make_reader("x"), "X"))

    owner.delete()

    assert not Shelf.objects.filter(kind="list", name="Summer").exists()
    assert not ShelfEntry.objects.exists() and not ShelfFollow.objects.exists()
