"""Load the demo blog idempotently: the blog in English translated with wagtail-localize, its
authors, posts (one with audio made here, one with a catalogue record) and quotes of the week."""

from __future__ import annotations

import datetime
import io
import math
import struct
import wave

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from puput.models import Category, CategoryEntryPage
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtailmedia.models import Media

from library_site.demo.content import blog as content
from library_site.demo.content.text import Catalogue, T
from plugins.blog.models import (
    AuthorAccount,
    AuthorProfile,
    BlogEntryPage,
    BlogIndexPage,
    CategoryName,
    QuoteOfTheWeek,
    TagName,
)

BLOG_SLUG = "blog"


def same_everywhere(slug: str) -> T:
    return T(slug, slug, slug, slug)


def chime(seconds: float = 2.0, rate: int = 8000) -> bytes:
    """A short falling chime as WAV bytes: the demo's podcast episode, made here."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = bytearray()
        for n in range(int(seconds * rate)):
            t = n / rate
            sample = math.sin(2 * math.pi * (660 - 120 * t) * t) * math.exp(-2 * t)
            frames += struct.pack("<h", int(sample * 12000))
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def portrait(initials: str, colour: str) -> bytes:
    """A round badge with the author's initials, as PNG bytes."""
    canvas = PillowImage.new("RGB", (240, 240), "#f5f1e8")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse([10, 10, 230, 230], fill=colour)
    draw.text((120, 120), initials, fill="white", anchor="mm", font_size=90)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_authors(catalogue: Catalogue, locales: list[Locale], translate) -> dict:
    default = Locale.get_default()
    authors = {}
    for author in content.AUTHORS:
        profile = AuthorProfile.objects.filter(slug=author.slug, locale=default).first()
        if profile is None:
            photo = get_image_model()(title=author.name.en)
            initials = "".join(word[0] for word in author.name.en.split())
            photo.file = ImageFile(
                io.BytesIO(portrait(initials, author.colour)), name=f"author-{author.slug}.png"
            )
            photo.save()
            profile = AuthorProfile.objects.create(
                slug=author.slug,
                name=author.name.en,
                role=author.role.en,
                bio=author.bio.en,
                photo=photo,
                locale=default,
            )
            for network, url in author.accounts:
                AuthorAccount.objects.create(author=profile, network=network, url=url)
        translate(profile, catalogue, locales)
        authors[author.slug] = profile
    return authors


def ensure_names(catalogue: Catalogue, locales: list[Locale], translate) -> tuple:
    default = Locale.get_default()
    slug, name = content.CATEGORY
    category, _created = Category.objects.get_or_create(slug=slug, defaults={"name": name.en})
    category_name, _created = CategoryName.objects.get_or_create(
        category=category, locale=default, defaults={"name": name.en}
    )
    translate(category_name, catalogue, locales)
    slug, name = content.TAG
    tag, _created = Tag.objects.get_or_create(slug=slug, defaults={"name": name.en})
    tag_name, _created = TagName.objects.get_or_create(
        tag=tag, locale=default, defaults={"name": name.en}
    )
    translate(tag_name, catalogue, locales)
    return category, tag


def ensure_post(blog: BlogIndexPage, post: content.Post, authors: dict, category, tag):
    existing = BlogEntryPage.objects.child_of(blog).filter(slug=post.slug).first()
    if existing is not None:
        return existing
    media = None
    if post.audio:
        media = Media(title=post.title.en, type="audio", duration=2)
        media.file.save(f"{post.slug}.wav", ContentFile(chime()), save=False)
        media.save()
    stream = []
    if post.record:
        stream.append(("record", {"biblio_id": post.record, "note": post.record_note.en}))
    entry = BlogEntryPage(
        title=post.title.en,
        slug=post.slug,
        date=post.date,
        excerpt=f"<p>{post.excerpt.en}</p>",
        body="".join(f"<p>{paragraph.en}</p>" for paragraph in post.paragraphs),
        author=authors[post.author],
        media=media,
        stream=stream,
    )
    blog.add_child(instance=entry)
    CategoryEntryPage.objects.create(category=category, page=entry)
    entry.tags.add(tag)
    entry.save_revision().publish()
    return BlogEntryPage.objects.get(pk=entry.pk)


def ensure_quotes(catalogue: Catalogue, locales: list[Locale], translate) -> None:
    default = Locale.get_default()
    today = timezone.localdate()
    for quote in content.QUOTES:
        year, week, _day = (today + datetime.timedelta(weeks=quote.weeks_from_now)).isocalendar()
        written, _created = QuoteOfTheWeek.objects.get_or_create(
            locale=default,
            year=year,
            week=week,
            defaults={
                "text": quote.text.en,
                "author": quote.author.en,
                "source": quote.source.en,
                "biblio_id": quote.record,
            },
        )
        translate(written, catalogue, locales)


def ensure_blog(home: Page, catalogue: Catalogue, locales: list[Locale], translate) -> None:
    """The blog under the home page, with everything in it, in every language."""
    blog = BlogIndexPage.objects.child_of(home).first()
    if blog is None:
        blog = BlogIndexPage(
            title=content.BLOG_TITLE.en,
            slug=BLOG_SLUG,
            description=content.BLOG_DESCRIPTION.en,
            show_in_menus=True,
            display_comments=True,
        )
        home.add_child(instance=blog)
        blog.save_revision().publish()
        blog = BlogIndexPage.objects.get(pk=blog.pk)
    translate(blog, catalogue, locales, same_everywhere(BLOG_SLUG))
    authors = ensure_authors(catalogue, locales, translate)
    category, tag = ensure_names(catalogue, locales, translate)
    for post in content.POSTS:
        entry = ensure_post(blog, post, authors, category, tag)
        translate(entry, catalogue, locales, same_everywhere(post.slug))
    ensure_quotes(catalogue, locales, translate)
