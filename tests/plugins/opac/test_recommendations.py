"""Readers who liked this also liked: item-to-item similarity over mean-centred ratings, checked
by hand on a small set, stored by the command, shown on the record page with a fallback."""

from __future__ import annotations

import random

import pytest
from django.core.management import call_command

from plugins.opac.models import CatalogueRecord, NotInterested, Rating, SimilarRecord
from plugins.opac.recommendations.shown import also_liked, for_you
from plugins.opac.recommendations.similarity import neighbours
from plugins.opac.recommendations.stored import recompute, update_after
from plugins.opac.search.index import index_records
from tests.html import soup_of
from tests.plugins.opac.contributions import OLIVER_TWIST, make_reader, record_page
from tests.services import job_queue_url, port_open, require

# Readers a, b and c. a and b like 1, 2 and 5 and dislike 3; c likes 1 and 2, dislikes 4.
RATINGS = [
    ("a", 1, 5), ("a", 2, 5), ("a", 3, 1), ("a", 5, 4),
    ("b", 1, 4), ("b", 2, 5), ("b", 3, 2), ("b", 5, 4),
    ("c", 1, 5), ("c", 2, 4), ("c", 4, 1),
]  # fmt: skip
# Worked by hand: a's mean is 3.75, b's 3.75, c's 3.33; centred, the cosine of records 1 and 2
# is 0.7533, of 1 and 5 0.5055, of 2 and 5 0.9357; 3 is disliked by those who like 1, 2 and 5
# (negative, never recommended); 4 shares one reader with anything (too few to tell).


def given_ratings(but=None):
    """Readers a, b and c with their RATINGS (``but`` one (reader, record) left out)."""
    readers = {name: make_reader(name) for name in "abc"}
    Rating.objects.bulk_create(
        Rating(reader=readers[name], record_id=biblio_id, stars=stars)
        for name, biblio_id, stars in RATINGS
        if (name, biblio_id) != but
    )
    return readers


def scores(found, biblio_id):
    return [(n.biblio_id, round(n.score, 4)) for n in found.get(biblio_id, [])]


def test_similar_records_are_those_the_same_readers_liked():
    found = neighbours(RATINGS)

    assert scores(found, 1) == [(2, 0.7533), (5, 0.5055)]
    assert scores(found, 2) == [(5, 0.9357), (1, 0.7533)]
    assert scores(found, 5) == [(2, 0.9357), (1, 0.5055)]


def test_a_disliked_record_and_one_shared_by_a_single_reader_are_not_recommended():
    found = neighbours(RATINGS)

    assert 3 not in found and 4 not in found
    assert all(n.biblio_id not in (3, 4) for near in found.values() for n in near)


def test_no_ratings_no_recommendations():
    assert neighbours([]) == {}


@pytest.mark.django_db
def test_the_command_stores_them_and_the_record_page_shows_them(client, catalogue):
    given_ratings()  # the sandbox's records 1-5 stand for the hand-checked ones

    call_command("recommendations", verbosity=0)

    assert SimilarRecord.objects.count() == 6
    assert also_liked_of(2) == [5, 1]
    section = record_page(client, biblio_id=1).select_one("#also-liked")
    assert len(section.select(".record-card")) == 2


def also_liked_of(biblio_id):
    return also_liked(CatalogueRecord.objects.get(biblio_id=biblio_id))


@pytest.mark.django_db
def test_without_ratings_the_page_offers_the_same_authors_books(client, catalogue):
    alike = also_liked_of(OLIVER_TWIST)

    first = CatalogueRecord.objects.get(biblio_id=alike[0])
    assert "Dickens, Charles" in {a["name"] for a in first.authors}
    assert OLIVER_TWIST not in alike


def stored_lists():
    found: dict[int, list[tuple[int, float]]] = {}
    for row in SimilarRecord.objects.order_by("record_id", "-score", "similar_id"):
        found.setdefault(row.record_id, []).append((row.similar_id, round(row.score, 6)))
    return found


@pytest.mark.django_db
def test_each_rating_updates_the_lists_as_a_full_recompute_would(catalogue):
    readers = {name: make_reader(name) for name in "abc"}
    for name, biblio_id, stars in RATINGS:
        Rating.objects.create(reader=readers[name], record_id=biblio_id, stars=stars)
        update_after(readers[name].pk, biblio_id)
    incremental = stored_lists()

    recompute()

    assert incremental == stored_lists()
    assert [similar for similar, _score in incremental[2]] == [5, 1]


@pytest.mark.django_db
def test_a_changed_or_removed_rating_updates_them_too(catalogue):
    readers = given_ratings()
    recompute()

    # a turns against record 5, then c forgets record 1.
    Rating.objects.filter(reader=readers["a"], record_id=5).update(stars=1)
    update_after(readers["a"].pk, 5)
    Rating.objects.filter(reader=readers["c"], record_id=1).delete()
    update_after(readers["c"].pk, 1)
    incremental = stored_lists()

    recompute()
    assert incremental == stored_lists()


@pytest.mark.django_db
def test_incremental_updates_agree_with_a_recompute_on_random_ratings(catalogue):
    rng = random.Random(9)
    readers = [make_reader(f"r{n}") for n in range(12)]
    for _ in range(120):
        reader, biblio_id = rng.choice(readers), rng.randrange(1, 16)
        if rng.random() < 0.15:
            Rating.objects.filter(reader=reader, record_id=biblio_id).delete()
        else:
            Rating.objects.update_or_create(
                reader=reader, record_id=biblio_id, defaults={"stars": rng.randrange(1, 6)}
            )
        update_after(reader.pk, biblio_id)
    incremental = stored_lists()

    recompute()

    # Lists of up to 10 from 15 records: only a list cut short could differ, and none is.
    assert incremental == stored_lists()


@pytest.mark.django_db
def test_a_blocked_readers_ratings_leave_the_similarities(catalogue):
    readers = given_ratings()
    readers["b"].is_active = False
    readers["b"].save()

    recompute()

    # Only a and c are left: records 1 and 2 are the only pair two readers share.
    assert {(r.record_id, r.similar_id) for r in SimilarRecord.objects.all()} <= {(1, 2), (2, 1)}


@pytest.mark.django_db
def test_rating_on_the_page_updates_recommendations_after_the_request(
    client, catalogue, django_capture_on_commit_callbacks
):
    readers = given_ratings(but=("c", 2))
    recompute()
    client.force_login(readers["c"])

    with django_capture_on_commit_callbacks(execute=True) as jobs:
        client.post("/en/catalogue/rating/2/", {"stars": "4"})

    assert len(jobs) == 1
    assert also_liked_of(2) == [5, 1]


@pytest.mark.django_db
def test_with_redis_the_update_is_a_job_for_the_worker(
    settings, client, catalogue, django_capture_on_commit_callbacks
):
    require(port_open("127.0.0.1", 6379), "Redis on 127.0.0.1:6379")
    import django_rq
    from rq import SimpleWorker

    settings.RQ_QUEUES = {"default": {"URL": job_queue_url()}}
    queue = django_rq.get_queue("default")
    queue.empty()
    readers = given_ratings(but=("c", 2))
    client.force_login(readers["c"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/catalogue/rating/2/", {"stars": "4"})

    assert queue.count == 1 and not SimilarRecord.objects.exists()
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    assert also_liked_of(2) == [5, 1]


# -- for you ---------------------------------------------------------------------------------


@pytest.fixture
def rated(catalogue):
    readers = given_ratings()
    recompute()
    return readers


@pytest.mark.django_db
def test_for_you_offers_records_like_those_the_reader_liked_and_none_they_rated(rated):
    dana = make_reader("dana")
    Rating.objects.create(reader=dana, record_id=2, stars=5)

    offered = for_you(dana)

    assert offered[:2] == [5, 1]  # record 2's neighbours, best first
    assert 2 not in offered


@pytest.mark.django_db
def test_a_reader_who_rated_nothing_is_offered_readers_favourites(rated):
    offered = for_you(make_reader("eve"))

    # 1, 2 and 5 average 4.3 or more; 3 and 4 are disliked.
    assert set(offered) == {1, 2, 5}


@pytest.mark.django_db
def test_thin_data_falls_back_to_the_same_authors(rated):
    dana = make_reader("dana")
    Rating.objects.create(reader=dana, record_id=OLIVER_TWIST, stars=5)

    offered = for_you(dana)

    dickens = {
        record.biblio_id
        for record in CatalogueRecord.objects.all()
        if "Dickens, Charles" in {author["name"] for author in record.authors}
    }
    assert offered[0] in dickens - {OLIVER_TWIST}


@pytest.mark.django_db
def test_not_interested_hides_a_title_from_for_you_and_also_liked_until_undone(client, rated):
    dana = make_reader("dana")
    Rating.objects.create(reader=dana, record_id=2, stars=5)
    client.force_login(dana)

    response = client.post("/en/catalogue/not-interested/5/")

    assert response.status_code == 302 and response["Location"].endswith("/account/#for-you")
    assert 5 not in for_you(dana)
    assert 5 not in also_liked(CatalogueRecord.objects.get(pk=2), dana)
    assert 5 in also_liked(CatalogueRecord.objects.get(pk=2))  # others still see it
    hidden = soup_of(client.get("/en/account/")).select_one("#for-you details")
    assert "1 title you are not interested in" in hidden.get_text(" ")

    client.post("/en/catalogue/not-interested/5/", {"undo": "1"})
    assert for_you(dana)[0] == 5


@pytest.mark.django_db
def test_my_account_shows_for_you_with_not_interested_buttons(client, rated):
    dana = make_reader("dana")
    Rating.objects.create(reader=dana, record_id=2, stars=5)
    client.force_login(dana)

    section = soup_of(client.get("/ru/account/")).select_one("#for-you")

    cards = section.select(".record-card")
    assert cards and cards[0].select_one("form")["action"] == "/ru/catalogue/not-interested/5/"
    assert cards[0].select_one("input[name=csrfmiddlewaretoken]")


@pytest.mark.django_db
def test_not_interested_asks_a_visitor_to_sign_in_and_refuses_a_get(client, rated):
    assert client.get("/en/catalogue/not-interested/5/").status_code == 405
    response = client.post("/en/catalogue/not-interested/5/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.post("/en/catalogue/not-interested/999999/").status_code == 404


@pytest.mark.django_db
def test_the_account_page_asks_a_bounded_number_of_queries(
    client, rated, django_assert_max_num_queries
):
    dana = make_reader("dana")
    Rating.objects.bulk_create(
        Rating(reader=dana, record_id=biblio_id, stars=5) for biblio_id in range(1, 40)
    )
    NotInterested.objects.bulk_create(
        NotInterested(reader=dana, record_id=biblio_id) for biblio_id in range(40, 70)
    )
    client.force_login(dana)
    with django_assert_max_num_queries(25):
        client.get("/en/account/")


@pytest.mark.django_db
def test_an_update_before_any_recompute_reads_the_lengths_it_lacks(catalogue):
    readers = given_ratings(but=("c", 2))
    Rating.objects.create(reader=readers["c"], record_id=2, stars=4)

    update_after(readers["c"].pk, 2)

    assert also_liked_of(2) == [5, 1]


@pytest.mark.django_db
def test_a_title_shelved_but_not_rated_counts_as_liked(catalogue):
    from plugins.opac.shelves import fixed_shelves, shelve

    given_ratings()
    for reader in (make_reader("dana"), make_reader("eve")):  # like 1, keep 6 on "Read" unrated
        Rating.objects.create(reader=reader, record_id=1, stars=5)
        Rating.objects.create(reader=reader, record_id=3, stars=1)
        shelve(reader, CatalogueRecord.objects.get(pk=6), fixed_shelves(reader)["read"])

    recompute()

    assert 6 in also_liked_of(1)


@pytest.mark.django_db
def test_for_you_leaves_out_what_the_reader_has_on_a_shelf(rated):
    from plugins.opac.shelves import fixed_shelves, shelve

    dana = make_reader("dana")
    Rating.objects.create(reader=dana, record_id=2, stars=5)
    shelve(dana, CatalogueRecord.objects.get(pk=5), fixed_shelves(dana)["want"])

    assert 5 not in for_you(dana)


@pytest.mark.django_db
def test_my_account_loads_the_catalogues_styles_for_the_record_cards(client, rated):
    client.force_login(make_reader("dana"))

    links = soup_of(client.get("/en/account/")).select('link[rel="stylesheet"]')

    assert any(link["href"].endswith("opac/catalogue.css") for link in links)


@pytest.mark.django_db
def test_without_ratings_or_a_shared_author_the_same_series_comes_next(catalogue):
    record = CatalogueRecord.objects.create(
        biblio_id=900001,
        flavour="MARC21",
        title="Another modern classic",
        series=["Penguin modern classics"],
        marc={},
    )
    index_records([record])

    assert 20 in also_liked(record)  # "For two thousand years", in the same series
