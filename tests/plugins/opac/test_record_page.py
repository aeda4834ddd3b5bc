"""Record pages: /<lang>/catalogue/<id>/<slug>/ in every language, with the record's people and
subjects linking to searches, its cover, citations, exports, schema.org data and its copies."""

from __future__ import annotations

import io
import json
from urllib.parse import unquote

import pymarc
import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG, XtdComment

from koha_bridge.sandbox import catalogue as sandbox_catalogue
from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import record_url
from tests.html import soup_of
from tests.plugins.readers.conftest import ANDREI, make_reader
from tests.plugins.readers.conftest import link as link_card
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "ro"]
KOBZAR, DICKENS_GREAT_EXPECTATIONS, OLIVER_TWIST, HARRY_POTTER, K_AND_R = 41, 1, 3, 10, 22
MOIDODYR = 35  # with its illustrator


def page_of(client, biblio_id: int, language: str = "en"):
    record = CatalogueRecord.objects.get(biblio_id=biblio_id)
    response = client.get(record_url(biblio_id, record.title, language))
    assert response.status_code == 200
    return soup_of(response)


def availability_url(client, biblio_id: int, language: str = "en") -> str:
    """Where the record page fetches its copies from (live, into the page readers share)."""
    slot = page_of(client, biblio_id, language).select_one(".availability [data-availability]")
    return slot["data-availability"]


def copies_of(client, biblio_id: int, language: str = "en"):
    """The record's copies as its page shows them once fetched."""
    response = client.get(availability_url(client, biblio_id, language))
    assert response.status_code == 200
    return soup_of(response)


def facts(soup) -> dict[str, str]:
    names = [dt.get_text(strip=True) for dt in soup.select(".record__facts dt")]
    values = [dd.get_text(" ", strip=True) for dd in soup.select(".record__facts dd")]
    return dict(zip(names, values, strict=True))


@pytest.mark.parametrize(
    ("language", "language_label", "language_name", "format_name"),
    [
        ("en", "Language", "Ukrainian", "Book"),
        ("ru", "Язык", "Украинский", "Книга"),
        ("uk", "Мова", "Українська", "Книга"),
        ("ro", "Limba", "Ucraineană", "Carte"),
    ],
)
def test_a_record_page_is_served_in_each_language_naming_what_the_record_codes(
    client, catalogue, site_koha, language, language_label, language_name, format_name
):
    soup = page_of(client, KOBZAR, language)

    assert soup.html["lang"] == language
    assert soup.h1.get_text(strip=True) == "Кобзарь"
    assert soup.h1["lang"] == "uk"  # the record's language, for screen readers
    assert facts(soup)[language_label] == language_name
    assert format_name in facts(soup).values()


def test_a_record_page_gives_the_full_description(client, catalogue, site_koha):
    soup = page_of(client, K_AND_R)

    described = facts(soup)
    assert described["Published"] == "Englewood Cliffs, N.J.: Prentice Hall, 1988"
    assert described["Edition"] == "2nd ed."
    assert described["ISBN"] == "0131103628"
    assert described["Description"] == "272 p."
    people = [li.get_text(" ", strip=True) for li in soup.select(".record__people li")]
    assert people == ["Kernighan, Brian W. (1942-)", "Ritchie, Dennis M. (1941-2011)"]


def test_authors_link_to_their_other_records(client, catalogue, site_koha):
    soup = page_of(client, DICKENS_GREAT_EXPECTATIONS)

    link = soup.select_one(".record__people a")
    assert link["href"] == "/en/catalogue/?author=Dickens%2C+Charles"
    titles = [
        a.get_text() for a in soup_of(client.get(link["href"])).select(".record-card__title a")
    ]
    assert sorted(titles) == ["A Christmas carol", "Great expectations", "Oliver Twist"]


def test_other_people_are_named_with_their_role_in_the_readers_language(
    client, catalogue, site_koha
):
    soup = page_of(client, MOIDODYR, "ru")

    people = [li.get_text(" ", strip=True) for li in soup.select(".record__people li")]
    assert people[1].endswith(", художник")


def test_subjects_and_series_link_to_searches_that_find_the_record(client, catalogue, site_koha):
    soup = page_of(client, K_AND_R)

    subject = soup.select_one(".tags a")
    series = soup.select_one(".record__facts dd a")
    assert subject.get_text() == "C (Computer program language)"
    for link in (subject, series):
        listed = soup_of(client.get(link["href"])).select(".record-card__title a")
        assert "The C programming language" in [a.get_text() for a in listed]


@pytest.mark.parametrize("wrong", ["kobzar", "something-else", "1"])
def test_a_wrong_slug_redirects_permanently_to_the_right_one(client, catalogue, wrong):
    response = client.get(f"/uk/catalogue/{KOBZAR}/{wrong}/")

    assert response.status_code == 301
    assert unquote(response["Location"]) == "/uk/catalogue/41/кобзарь/"


def test_a_record_address_without_its_slug_redirects_to_it(client, catalogue):
    response = client.get("/ro/catalogue/1/")

    assert response.status_code == 301
    assert response["Location"] == "/ro/catalogue/1/great-expectations/"


@pytest.mark.parametrize(
    "path",
    [
        "/en/catalogue/99999/anything/",
        "/en/catalogue/99999/",
        "/en/catalogue/99999999999999999999999/x/",
        "/en/catalogue/0/x/",
        "/en/catalogue/abc/",
        "/en/catalogue/99999/export/ris/",
    ],
)
def test_a_record_that_does_not_exist_gives_the_sites_404_page(client, catalogue, path):
    response = client.get(path)

    assert response.status_code == 404
    assert soup_of(response).h1.get_text(strip=True) == "Page not found"


def test_the_language_switcher_and_alternates_point_at_the_same_record(
    client, catalogue, site_koha
):
    soup = page_of(client, KOBZAR, "uk")

    switcher = {a["hreflang"]: unquote(a["href"]) for a in soup.select("nav.language-switcher a")}
    alternates = {
        link["hreflang"]: unquote(link["href"])
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }
    assert switcher == {code: f"/{code}/catalogue/41/кобзарь/" for code in LANGUAGES}
    assert alternates == {
        **{code: f"http://testserver/{code}/catalogue/41/кобзарь/" for code in LANGUAGES},
        "x-default": "http://testserver/en/catalogue/41/кобзарь/",
    }
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert unquote(canonical) == "http://testserver/uk/catalogue/41/кобзарь/"


def test_the_language_switcher_of_a_search_keeps_the_search(client, catalogue):
    soup = soup_of(client.get("/en/catalogue/", {"q": "kobzar", "language": "ukr"}))

    switcher = {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    assert switcher["ro"] == "/ro/catalogue/?q=kobzar&language=ukr"


def jsonld(soup) -> dict:
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


def test_the_page_describes_the_book_in_schema_org_json_ld(client, catalogue, site_koha):
    data = jsonld(page_of(client, HARRY_POTTER))

    assert data["@context"] == "https://schema.org" and data["@type"] == "Book"
    assert data["name"] == "Harry Potter and the philosopher's stone"
    assert data["author"] == [{"@type": "Person", "name": "J. K. Rowling"}]
    assert data["isbn"] == ["0747532699"]
    assert data["datePublished"] == "1997"
    assert data["inLanguage"] == ["en"]
    assert (
        data["url"] == "http://testserver/en/catalogue/10/harry-potter-and-the-philosophers-stone/"
    )
    assert data["image"] == "http://testserver/covers/10.svg"


def test_json_ld_cannot_end_its_script_element_whatever_the_catalogue_says(
    client, catalogue, site_koha
):
    record = CatalogueRecord.objects.get(biblio_id=OLIVER_TWIST)
    record.title = "</script><script>alert(1)</script>"
    record.summary = "<!-- & -->"
    record.save()

    response = client.get(record_url(OLIVER_TWIST, record.title, "en"))
    html = response.content.decode()

    assert "<script>alert(1)" not in html
    assert jsonld(soup_of(response))["name"] == "</script><script>alert(1)</script>"


def test_the_page_gives_citations_in_apa_gost_and_dstu(client, catalogue, site_koha):
    soup = page_of(client, KOBZAR, "ru")

    citations = dict(
        zip(
            [dt.get_text(strip=True) for dt in soup.select(".citations dt")],
            [dd.get_text(" ", strip=True) for dd in soup.select(".citations dd")],
            strict=True,
        )
    )
    assert citations["GOST R 7.0.100-2018"] == (
        "Шевченко, Т. Г. Кобзарь / Т. Г. Шевченко. – Санкт-Петербург : Типография Е. Фишера, 1840."
    )
    assert citations["DSTU 8302:2015"].startswith("Шевченко Т. Г. Кобзарь.")
    assert citations["APA 7"] == "Шевченко, Т. Г. (1840). Кобзарь . Типография Е. Фишера."
    assert soup.select_one(".citations dd i").get_text() == "Кобзарь"


def test_a_record_without_a_picture_gets_a_generated_cover(client, catalogue, site_koha):
    soup = page_of(client, KOBZAR)
    assert soup.select_one(".record__cover img")["src"] == "/covers/41.svg"


def test_a_configured_cover_service_gives_covers_to_records_with_an_isbn(
    client, catalogue, site_koha, settings
):
    settings.CATALOGUE_COVER_URL = "https://covers.example/isbn/{isbn13}-M.jpg"

    with_isbn = page_of(client, HARRY_POTTER).select_one(".record__cover img")["src"]
    without = page_of(client, KOBZAR).select_one(".record__cover img")["src"]

    assert with_isbn == "https://covers.example/isbn/9780747532699-M.jpg"
    assert without == "/covers/41.svg"


def test_a_records_own_cover_comes_first_and_is_not_listed_among_its_links(
    client, catalogue, site_koha, settings
):
    settings.CATALOGUE_COVER_URL = "https://covers.example/isbn/{isbn13}-M.jpg"
    record = CatalogueRecord.objects.get(biblio_id=HARRY_POTTER)
    cover = "https://library.example/covers/hp.jpg"
    record.marc["fields"].append(
        {"856": {"ind1": "4", "ind2": "2", "subfields": [{"3": "Cover image"}, {"u": cover}]}}
    )
    record.links = [{"url": cover, "note": "Cover image"}, {"url": "https://e.example", "note": ""}]
    record.save()

    soup = page_of(client, HARRY_POTTER)

    assert soup.select_one(".record__cover img")["src"] == cover
    assert [a["href"] for a in soup.select("#links-heading + ul a")] == ["https://e.example"]


def test_marc_export_is_an_iso_2709_file_named_after_the_record(client, catalogue):
    response = client.get(f"/en/catalogue/{KOBZAR}/export/marc/")

    assert response["Content-Type"] == "application/marc"
    assert response["Content-Disposition"] == 'attachment; filename="record-41.mrc"'
    (record,) = list(pymarc.MARCReader(io.BytesIO(response.content), to_unicode=True))
    assert "Кобзарь" in str(record)


def test_marcxml_export_is_a_marcxml_record(client, catalogue):
    response = client.get(f"/uk/catalogue/{DICKENS_GREAT_EXPECTATIONS}/export/marcxml/")

    assert response["Content-Type"] == "application/marcxml+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="record-1.xml"'
    (record,) = pymarc.parse_xml_to_array(io.BytesIO(response.content))
    assert record["245"]["a"].startswith("Great expectations")


def test_ris_export_gives_reference_managers_the_record(client, catalogue):
    response = client.get(f"/en/catalogue/{K_AND_R}/export/ris/")

    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="record-22.ris"'
    lines = response.content.decode().split("\r\n")
    assert lines[0] == "TY  - BOOK"
    assert "AU  - Kernighan, Brian W." in lines and "AU  - Ritchie, Dennis M." in lines
    assert "TI  - The C programming language" in lines
    assert {"PY  - 1988", "CY  - Englewood Cliffs, N.J.", "SN  - 0131103628"} <= set(lines)
    assert "UR  - http://testserver/en/catalogue/22/the-c-programming-language/" in lines
    assert lines[-2:] == ["ER  - ", ""]


@pytest.mark.parametrize(
    ("language", "due"),
    [
        ("en", "On loan until Nov. 18, 2026"),
        ("uk", "Видано до 18 листопада 2026 р."),
        ("ru", "Выдано до 18 ноября 2026 г."),
        ("ro", "Împrumutat până la 18 noiembrie 2026"),  # Romanian months in lower case
    ],
)
def test_copies_on_loan_say_until_when_in_the_readers_language(
    client, catalogue, site_koha, language, due
):
    soup = copies_of(client, DICKENS_GREAT_EXPECTATIONS, language)

    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in soup.select(".copies tbody tr")
    ]
    assert rows[0] == ["Riverside Branch", "General stacks", "ENG Dic", due]
    assert len(rows) == 3


def test_a_copy_on_the_shelf_says_so_and_is_counted(client, catalogue, site_koha):
    soup = copies_of(client, OLIVER_TWIST)

    assert (
        soup.select_one(".availability__summary").get_text(strip=True) == "1 of 1 copy on the shelf"
    )
    assert soup.select_one(".copies .status").get_text() == "On the shelf"


def add_items(sandbox, biblio_id: int, count: int) -> None:
    with sandbox.store.transaction() as db:
        for number in range(count):
            sandbox_catalogue.add_item(
                db,
                biblio_id=biblio_id,
                barcode=f"TEST{biblio_id:04d}{number:04d}",
                library_id="CPL",
                item_type_id="BK",
                when=sandbox.clock(),
            )


def test_a_records_copies_cost_the_same_few_queries_with_1_or_20_copies(
    client, catalogue, site_koha
):
    add_items(site_koha, 5, 19)  # "Sense and sensibility": 1 + 19 copies
    one = availability_url(client, OLIVER_TWIST)  # one copy
    twenty = availability_url(client, 5)
    count_queries(client, one)  # warm Wagtail's site and settings caches

    queries = count_queries(client, one), count_queries(client, twenty)

    assert len(copies_of(client, 5).select(".copies tbody tr")) == 20
    assert queries[0] == queries[1] <= 20


# -- placing a hold (plugins.readers on the record page) --------------------------------------


def test_a_visitor_is_asked_to_sign_in_to_place_a_hold_and_come_back(client, catalogue, site_koha):
    soup = page_of(client, OLIVER_TWIST)

    sign_in = soup.select_one(".place-hold a")
    assert sign_in.get_text(strip=True) == "Sign in to place a hold"
    record = CatalogueRecord.objects.get(biblio_id=OLIVER_TWIST)
    assert unquote(sign_in["href"]).endswith(f"next={record_url(OLIVER_TWIST, record.title, 'en')}")


def test_a_reader_places_a_hold_from_the_record_page_and_comes_back_to_it(
    client, catalogue, site_koha
):
    andrei = make_reader("andrei")
    card = link_card(site_koha, andrei, ANDREI)
    client.force_login(andrei.user)
    record = CatalogueRecord.objects.get(biblio_id=OLIVER_TWIST)
    here = record_url(OLIVER_TWIST, record.title, "uk")

    form = page_of(client, OLIVER_TWIST, "uk").select_one(".place-hold form")
    fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    fields["pickup_library_id"] = form.select_one("select option[selected]")["value"]
    response = client.post(form["action"], fields)

    assert response.status_code == 302 and response["Location"] == here
    with site_koha.store.reading() as db:
        held = db.execute(
            "SELECT biblio_id FROM holds WHERE patron_id = ?", (card.patron_id,)
        ).fetchall()
    assert (OLIVER_TWIST,) in [tuple(row) for row in held]


def test_a_record_page_costs_the_same_few_queries_with_1_or_30_reviews(
    client, catalogue, site_koha
):
    readers = [make_reader(f"reader{n}").user for n in range(3)]

    def review(record, n: int, parent_id: int = 0) -> XtdComment:
        comment = XtdComment.objects.create(
            content_type=ContentType.objects.get_for_model(record),
            object_pk=str(record.pk),
            site_id=1,
            user=readers[n % 3],
            comment=f"Review {n}",
            parent_id=parent_id,
        )
        CommentFlag.objects.create(comment=comment, user=readers[(n + 1) % 3], flag=LIKEDIT_FLAG)
        return comment

    one_record = CatalogueRecord.objects.get(biblio_id=OLIVER_TWIST)
    thirty_record = CatalogueRecord.objects.get(biblio_id=DICKENS_GREAT_EXPECTATIONS)
    review(one_record, 0)
    for n in range(15):
        first = review(thirty_record, n)
        review(thirty_record, n + 15, parent_id=first.pk)
    one = record_url(OLIVER_TWIST, one_record.title, "en")
    thirty = record_url(DICKENS_GREAT_EXPECTATIONS, thirty_record.title, "en")
    count_queries(client, one)  # warm Wagtail's site and settings caches

    queries = count_queries(client, one), count_queries(client, thirty)

    assert len(page_of(client, DICKENS_GREAT_EXPECTATIONS).select("#comments .comment")) == 30
    assert queries[0] == queries[1] <= 25
