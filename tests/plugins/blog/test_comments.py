"""Comments on posts through plugins.comments: posted, confirmed from the e-mail, and counted."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from plugins.blog.models import BlogEntryPage
from tests.html import soup_of
from tests.plugins.comments.conftest import form_data, form_soup

pytestmark = pytest.mark.django_db


def comment_on(client, url: str, **fields):
    action, data = form_data(form_soup(client, url), **fields)
    return client.post(action, data, follow=True)


def texts_on(client, url: str) -> list[str]:
    soup = soup_of(client.get(url))
    return [text.get_text(strip=True) for text in soup.select("#comments .comment__text")]


def test_a_confirmed_comment_appears_and_is_counted(client, blog):
    url = blog["post"].url
    comment_on(client, url, name="Ion", email="ion@example.org", comment="Lovely evening.")

    assert texts_on(client, url) == []
    assert BlogEntryPage.objects.get(pk=blog["post"].pk).num_comments == 0
    [message] = mail.outbox
    link = re.search(r"/en/comments/confirm/[^/\s]+/", message.body).group()

    client.get(link, follow=True)

    assert texts_on(client, url) == ["Lovely evening."]
    assert BlogEntryPage.objects.get(pk=blog["post"].pk).num_comments == 1


def test_a_comment_on_the_translation_stays_on_the_translation(client, blog):
    from tests.plugins.readers.conftest import make_reader

    client.force_login(make_reader("maria").user)
    comment_on(client, blog["ru_post"].url, comment="Спасибо!")

    assert texts_on(client, blog["ru_post"].url) == ["Спасибо!"]
    assert texts_on(client, blog["post"].url) == []
    assert BlogEntryPage.objects.get(pk=blog["ru_post"].pk).num_comments == 1


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_comments_are_shown_as_text(client, blog, payload):
    from tests.plugins.readers.conftest import make_reader

    client.force_login(make_reader("maria").user)
    comment_on(client, blog["post"].url, comment=payload)

    page = client.get(blog["post"].url).text
    assert payload not in page
    assert texts_on(client, blog["post"].url) == [payload]
