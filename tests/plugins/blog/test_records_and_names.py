"""Catalogue records embedded in posts, the list of records a post mentions, and Puput's shared
categories and tags named in each language; lists cost a fixed number of queries."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from plugins.blog.models import CategoryName, TagName
from plugins.opac.models import CatalogueRecord
from tests.html import soup_of
from tests.plugins.blog.conftest import add_post
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

KOBZAR, OLIVER_TWIST = 41, 3


def test_an_embedded_record_shows_cover_title_author_and_links_its_page(client, blog, catalogue):  # noqa: F811
    record = CatalogueRecord.objects.get(biblio_id=KOBZAR)
    post = add_post(
        blog["en"],
        "kobzar",
        "The Kobzar",
        "<p>A book.</p>",
        stream=[
            ("record", {"biblio_id": KOBZAR, "note": "First edition"}),
            ("paragraph", "<p>Also:</p>"),
            ("record", {"biblio_id": OLIVER_TWIST, "note": ""}),
            ("record", {"biblio_id": KOBZAR, "note": "Again"}),
        ],
    )

    soup = soup_of(client.get(post.url))

    block = soup.select_one(".blog-record")
    assert block.select_one(".blog-record__title").text == record.title
    assert block.select_one(".blog-record__title")["href"].startswith("/en/catalogue/41/")
    assert block.select_one("img")
    assert "First edition" in block.text
    mentioned = [a["href"].split("/")[3] for a in soup.select(".blog-entry__records a")]
    assert mentioned == ["41", "3"]


def test_categories_and_tags_have_names_in_each_language(client, blog):
    ru = Locale.objects.get(language_code="ru")
    CategoryName.objects.create(category=blog["category"], name="Поэзия", locale=ru)
    tag = blog["post"].tags.get()
    TagName.objects.create(tag=tag, name="стихи", locale=ru)

    ru_labels = soup_of(client.get(blog["ru_post"].url)).select(".blog-labels a")
    en_labels = soup_of(client.get(blog["post"].url)).select(".blog-labels a")
    ru_category = soup_of(client.get("/ru/stories/category/poetry/"))

    assert [a.text for a in ru_labels] == ["Поэзия", "стихи"]
    assert [a.text for a in en_labels] == ["Poetry", "poems"]
    assert ru_labels[0]["href"] == "/ru/stories/category/poetry/"
    assert ru_category.select_one("h1").text == "Поэзия"


def test_the_blog_list_costs_the_same_queries_for_many_posts(client, blog):
    def posts(count: int) -> None:
        for number in range(count):
            post = add_post(blog["en"], f"p{number}", f"Post {number}", "<p>Text.</p>")
            post.tags.add(f"tag{number}", "shared")
            post.save_revision().publish()

    posts(2)
    few = count_queries(client, "/en/stories/")
    posts(8)
    many = count_queries(client, "/en/stories/")

    assert many == few
    assert many <= 25


def test_a_post_costs_the_same_queries_however_many_records_it_embeds(client, blog, catalogue):  # noqa: F811
    ids = list(CatalogueRecord.objects.values_list("biblio_id", flat=True)[:12])

    def post(slug: str, count: int) -> str:
        stream = [("record", {"biblio_id": i, "note": ""}) for i in ids[:count]]
        return add_post(blog["en"], slug, slug, "<p>Text.</p>", stream=stream).url

    few = count_queries(client, post("two", 2))
    many = count_queries(client, post("twelve", 12))

    assert many == few
