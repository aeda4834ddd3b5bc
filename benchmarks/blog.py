"""Time the blog with many posts per language against the home page of the same run.

Usage: uv run python benchmarks/blog.py [--posts 1000] [--requests 50]

It builds a throwaway SQLite database (or uses DATABASE_URL), loads the demo content (its blog
in four languages), adds N posts to each language's blog with a category, a tag and an author,
then times requests through Django's test client: the median time and the queries of one request
of the home page, the blog's list, a post at its dated address and each feed (RSS and Atom of
the blog, and of a category, a tag and an author), with each one's ratio to the home page.
"""

from __future__ import annotations

import argparse
import atexit
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
workdir = Path(tempfile.mkdtemp(prefix="library20-blog-bench-"))
atexit.register(shutil.rmtree, workdir, ignore_errors=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ.setdefault("LIBRARY20_VAR_DIR", str(workdir))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from puput.models import Category, CategoryEntryPage  # noqa: E402

from library_site.demo.loader import load_demo_content  # noqa: E402
from plugins.blog.models import AuthorProfile, BlogEntryPage, BlogIndexPage  # noqa: E402

FIRST_DAY = datetime.datetime(2020, 1, 1, 9, 0, tzinfo=datetime.UTC)


def measure(client: Client, url: str, requests: int) -> tuple[float, int]:
    """Median milliseconds per request and the queries of one request, after a warm-up."""
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), query_count


@transaction.atomic
def add_posts(blog: BlogIndexPage, count: int) -> None:
    """``count`` posts, a day apart, by the blog's first author, in its first category."""
    author = AuthorProfile.objects.filter(locale=blog.locale).first()
    category = Category.objects.first()
    for number in range(count):
        post = BlogEntryPage(
            title=f"Post {number}",
            slug=f"bench-{number}",
            date=FIRST_DAY + datetime.timedelta(days=number),
            body=f"<p>The text of post {number}, long enough to be a paragraph.</p>",
            author=author,
            live=True,
        )
        blog.add_child(instance=post)
        CategoryEntryPage.objects.create(category=category, page=post)
        post.tags.add("poetry")
        post.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000, help="posts per language")
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    settings.MEDIA_ROOT = str(workdir / "media")
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("compilemessages", verbosity=0)
    load_demo_content()
    started = time.perf_counter()
    for blog in BlogIndexPage.objects.all():
        add_posts(blog, args.posts)
    print(f"{args.posts} posts in each of 4 blogs in {time.perf_counter() - started:.0f} s")

    client = Client()
    print(f"database: {connection.vendor}; {args.requests} requests per URL; median per request")
    for code, _name in settings.LANGUAGES:
        home_ms, home_queries = measure(client, f"/{code}/", args.requests)
        print(f"{'home /' + code + '/':<34} {home_ms:8.2f} ms {home_queries:4d} queries")
        blog = BlogIndexPage.objects.get(locale__language_code=code)
        author = AuthorProfile.objects.filter(locale=blog.locale).first()
        newest = BlogEntryPage.objects.child_of(blog).order_by("-date").first()
        urls = {
            "blog list": blog.url,
            "post": newest.url,
            "feed RSS": f"{blog.url}feed/rss/",
            "feed Atom": f"{blog.url}feed/atom/",
            "category feed": f"{blog.url}category/{Category.objects.first().slug}/feed/rss/",
            "tag feed": f"{blog.url}tag/poetry/feed/atom/",
            "author feed": f"{blog.url}author/{author.slug}/feed/rss/",
        }
        for name, url in urls.items():
            ms, queries = measure(client, url, args.requests)
            print(
                f"  {name:<32} {ms:8.2f} ms {queries:4d} queries"
                f"   ratio to home: {ms / home_ms:5.1f}x"
            )


if __name__ == "__main__":
    main()
