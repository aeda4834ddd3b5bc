"""Editors write posts and the blog's snippets in Wagtail's admin."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def test_the_post_and_blog_forms_open(client, blog, editor):
    new_post = client.get(f"/admin/pages/add/blog/blogentrypage/{blog['en'].pk}/")
    edit_post = client.get(f"/admin/pages/{blog['post'].pk}/edit/")
    edit_blog = client.get(f"/admin/pages/{blog['en'].pk}/edit/")

    assert new_post.status_code == edit_post.status_code == edit_blog.status_code == 200
    assert b"Catalogue record" in new_post.content


@pytest.mark.parametrize("model", ["authorprofile", "quoteoftheweek", "categoryname", "tagname"])
def test_the_blog_snippets_list_and_open_their_forms(client, blog, editor, model):
    assert client.get(f"/admin/snippets/blog/{model}/").status_code == 200
    assert client.get(f"/admin/snippets/blog/{model}/add/").status_code == 200


def test_puputs_own_pages_are_not_offered(client, editor):
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="en")
    choices = client.get(f"/admin/pages/{home.pk}/add_subpage/").text

    assert "/add/blog/blogindexpage/" in choices
    assert "/add/puput/" not in choices
