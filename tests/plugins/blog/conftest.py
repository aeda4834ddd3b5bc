"""A blog in English translated into Russian, with posts, an author and a category."""

from __future__ import annotations

import datetime

import pytest
from puput.models import Category, CategoryEntryPage
from wagtail.models import Locale, Page

from plugins.blog.models import AuthorAccount, AuthorProfile, BlogEntryPage, BlogIndexPage

POSTED = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)


def home(language: str) -> Page:
    return Page.objects.get(depth=2, locale__language_code=language)


def translated(page: Page, language: str, **fields) -> Page:
    """``page`` copied into ``language`` with ``fields`` changed, and published."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


def add_post(blog: BlogIndexPage, slug: str, title: str, body: str, **fields) -> BlogEntryPage:
    fields.setdefault("date", POSTED)
    post = BlogEntryPage(title=title, slug=slug, body=body, **fields)
    blog.add_child(instance=post)
    post.save_revision().publish()
    return BlogEntryPage.objects.get(pk=post.pk)


@pytest.fixture
def author(db) -> AuthorProfile:
    profile = AuthorProfile.objects.create(
        name="Olena Kovalenko",
        slug="olena",
        role="Reference librarian",
        bio="Reads poetry aloud on Thursdays.",
        locale=Locale.objects.get(language_code="en"),
    )
    AuthorAccount.objects.create(
        author=profile, network="Mastodon", url="https://mastodon.example/@olena"
    )
    return profile


@pytest.fixture
def blog(db, author) -> dict:
    """The English blog with one post, both translated into Russian."""
    en_blog = BlogIndexPage(title="Library stories", slug="stories", description="Our blog")
    home("en").add_child(instance=en_blog)
    en_blog.save_revision().publish()
    en_blog = BlogIndexPage.objects.get(pk=en_blog.pk)
    ru_blog = translated(en_blog, "ru", title="Истории библиотеки")
    category = Category.objects.create(name="Poetry", slug="poetry")
    post = add_post(
        en_blog,
        "shevchenko",
        "Reading Shevchenko",
        "<p>An evening of English words.</p>",
        author=author,
    )
    CategoryEntryPage.objects.create(category=category, page=post)
    post.tags.add("poems")
    post.save_revision().publish()
    ru_post = translated(post, "ru", title="Читаем Шевченко", body="<p>Вечер русских слов.</p>")
    return {"en": en_blog, "ru": ru_blog, "post": post, "ru_post": ru_post, "category": category}


@pytest.fixture
def fixed_day(monkeypatch):
    """Set the blog's clock: ``fixed_day(date)`` makes ``date`` today."""

    def fix(day: datetime.date) -> None:
        monkeypatch.setattr("plugins.blog.quotes.today", lambda: day)

    return fix


@pytest.fixture(autouse=True)
def _no_demo_quotes(db):
    """The demo's quotes of the week are dated by the day it loaded: each test writes its own."""
    from plugins.blog.models import QuoteOfTheWeek

    QuoteOfTheWeek.objects.all().delete()
