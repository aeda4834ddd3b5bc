"""Comments are tried on the catalogue's record pages, the first model registered with them."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

from plugins.opac.models import CatalogueRecord
from plugins.opac.record_urls import record_url
from tests.html import soup_of
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401

OLIVER_TWIST = 3


@pytest.fixture
def oliver(catalogue, site_koha) -> CatalogueRecord:  # noqa: F811
    return CatalogueRecord.objects.get(biblio_id=OLIVER_TWIST)


def page_url(record: CatalogueRecord, language: str = "en") -> str:
    return record_url(record.biblio_id, record.title, language)


def reviews_on(client, record: CatalogueRecord) -> list[str]:
    """The texts of the reviews a visitor sees on the record page, in order."""
    soup = soup_of(client.get(page_url(record)))
    return [text.get_text(strip=True) for text in soup.select("#comments .comment__text")]


def form_data(soup, **fields) -> tuple[str, dict]:
    """The comment form's address and its hidden fields, with ``fields`` filled in."""
    form = soup.select_one("form.comment-form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    data.update(fields)
    return form["action"], data


def form_soup(client, url: str):
    """The page at ``url`` with its comment form, as a browser without JavaScript gets it: a
    signed-in reader's page has the form; an anonymous reader follows "Write a comment"."""
    soup = soup_of(client.get(url))
    link = soup.select_one("#comments [data-comment-open]")
    return soup_of(client.get(link["href"])) if link else soup


def post_review(client, record: CatalogueRecord, language: str = "en", **fields):
    """Fill in the record page's form as a browser would and send it, following redirects."""
    action, data = form_data(form_soup(client, page_url(record, language)), **fields)
    return client.post(action, data, follow=True)


def add_review(record: CatalogueRecord, text: str, *, public: bool = True, **fields) -> XtdComment:
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_pk=str(record.pk),
        site_id=1,
        user_name=fields.pop("user_name", "Ana"),
        user_email=fields.pop("user_email", "ana@example.org"),
        comment=text,
        is_public=public,
        **fields,
    )


def make_moderator(name: str = "moderator", group: str = "Moderators"):
    """A librarian in one of Wagtail's groups that the moderation migration gives the right."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(name, f"{name}@example.org", "a-long-password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def moderator(client):
    """A signed-in member of the Moderators group."""
    user = make_moderator()
    client.force_login(user)
    return user
