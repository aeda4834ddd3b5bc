"""Each language's blog and its posts at dated addresses: the address's language is the text's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_each_language_has_its_blog_listing_its_posts(client, blog):
    english = client.get("/en/stories/")
    russian = client.get("/ru/stories/")

    assert english.status_code == russian.status_code == 200
    assert "Reading Shevchenko" in english.text
    assert "Читаем Шевченко" in russian.text and "Reading Shevchenko" not in russian.text


def test_a_post_links_to_its_dated_address(blog):
    assert blog["post"].url == "/en/stories/2026/11/20/shevchenko/"
    assert blog["ru_post"].url == "/ru/stories/2026/11/20/shevchenko/"


@pytest.mark.parametrize(
    ("language", "text", "other"),
    [("en", "An evening of English words.", "Вечер"), ("ru", "Вечер русских слов.", "evening")],
)
def test_the_dated_address_serves_the_post_in_its_language(client, blog, language, text, other):
    response = client.get(f"/{language}/stories/2026/11/20/shevchenko/")

    assert response.status_code == 200
    assert text in response.text and other not in response.text
    assert f'<html lang="{language}"' in response.text


def test_a_wrong_date_or_slug_is_not_found(client, blog):
    assert client.get("/en/stories/2026/11/21/shevchenko/").status_code == 404
    assert client.get("/en/stories/2026/11/20/nothing/").status_code == 404


def test_the_post_uses_the_site_frame_not_puputs_bootstrap(client, blog):
    page = client.get("/en/stories/2026/11/20/shevchenko/").text

    assert 'class="skip-link"' in page
    assert "bootstrap" not in page.lower() and "fonts.googleapis" not in page


def test_a_new_post_is_dated_now_in_an_aware_time():
    from django.utils import timezone

    from plugins.blog.models import BlogEntryPage

    assert timezone.is_aware(BlogEntryPage().date)


def test_the_sitemap_lists_each_languages_post_at_its_dated_address(client, blog):
    sitemap = client.get("/sitemap.xml").text

    assert "http://localhost/en/stories/2026/11/20/shevchenko/" in sitemap or (
        "/en/stories/2026/11/20/shevchenko/" in sitemap
    )
    assert "/ru/stories/2026/11/20/shevchenko/" in sitemap
