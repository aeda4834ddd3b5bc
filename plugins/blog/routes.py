"""The blog page's own routes, over Puput's (``BlogRoutes``: year/month/day archives, search):

- ``YYYY/MM/DD/<slug>/``: a post of this blog, so the post in this blog's language (Puput's
  ``EntryPageServe`` routed from the site's root and served the default language's post);
- ``category/<slug>/``, ``tag/<slug>/``: Puput's lists, titled with the name in this language;
- ``author/<slug>/``: an author's page (profile, accounts, posts);
- ``feed/rss/``, ``feed/atom/``, and the same under ``category/<slug>/``, ``tag/<slug>/`` and
  ``author/<slug>/``: RSS 2.0 and Atom feeds in this blog's language;
- ``quotes/``: the archive of quotes of the week;
"""

from __future__ import annotations

import re

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from puput.routes import BlogRoutes
from wagtail.contrib.routable_page.models import re_path
from wagtail.models import Page

DATED_ENTRY = re.compile(r"^\d{4}$"), re.compile(r"^\d{2}$"), re.compile(r"^\d{2}$")
FEED = r"feed/(?P<kind>rss|atom)/$"


class BlogIndexRoutes(BlogRoutes):
    """Routes of ``BlogIndexPage``; see the module's docstring."""

    def route(self, request, path_components):
        if len(path_components) == 4 and all(
            pattern.match(part) for pattern, part in zip(DATED_ENTRY, path_components, strict=False)
        ):
            return self.dated_entry(*path_components).route(request, [])
        return super().route(request, path_components)

    def dated_entry(self, year: str, month: str, day: str, slug: str):
        """The live post of this blog at this address, or 404."""
        from plugins.blog.models import BlogEntryPage

        entry = BlogEntryPage.objects.child_of(self).live().filter(slug=slug).first()
        if entry is None:
            raise Http404
        posted = timezone.localtime(entry.date) if timezone.is_aware(entry.date) else entry.date
        if f"{posted:%Y/%m/%d}" != f"{year}/{month}/{day}":
            raise Http404
        return entry

    @re_path(r"^category/(?P<category>[-\w]+)/$")
    def entries_by_category(self, request, category, *args, **kwargs):
        from plugins.blog.names import category_name

        self.search_type = _("category")
        self.search_term = category_name(category, self.locale) or category
        self.entries = self.get_entries().filter(entry_categories__category__slug=category)
        return Page.serve(self, request, *args, **kwargs)

    @re_path(r"^tag/(?P<tag>[-\w]+)/$")
    def entries_by_tag(self, request, tag, *args, **kwargs):
        from plugins.blog.names import tag_name

        self.search_type = _("tag")
        self.search_term = tag_name(tag, self.locale) or tag
        self.entries = self.get_entries().filter(tags__slug=tag)
        return Page.serve(self, request, *args, **kwargs)

    @re_path(r"^author/(?P<author>[-\w]+)/$")
    def entries_by_author(self, request, author, *args, **kwargs):
        profile = self.author_profile(author)
        self.search_type = _("author")
        self.search_term = profile.name
        self.author = profile
        self.entries = self.get_entries().filter(author=profile)
        return Page.serve(self, request, *args, **kwargs)

    def author_profile(self, slug: str):
        """The author ``slug`` in this blog's language, or 404."""
        from plugins.blog.models import AuthorProfile

        return get_object_or_404(
            AuthorProfile.objects.prefetch_related("accounts").select_related("photo"),
            slug=slug,
            locale=self.locale,
        )

    @re_path(rf"^{FEED}")
    def feed(self, request, kind):
        from plugins.blog.feeds import blog_feed

        return blog_feed(self, request, kind)

    @re_path(rf"^category/(?P<category>[-\w]+)/{FEED}")
    def category_feed(self, request, category, kind):
        from plugins.blog.feeds import category_feed

        return category_feed(self, request, kind, category)

    @re_path(rf"^tag/(?P<tag>[-\w]+)/{FEED}")
    def tag_feed(self, request, tag, kind):
        from plugins.blog.feeds import tag_feed

        return tag_feed(self, request, kind, tag)

    @re_path(rf"^author/(?P<author>[-\w]+)/{FEED}")
    def author_feed(self, request, author, kind):
        from plugins.blog.feeds import author_feed

        return author_feed(self, request, kind, self.author_profile(author))

    @re_path(r"^quotes/$")
    def quotes(self, request):
        from plugins.blog.quotes import shown_quotes, today

        return TemplateResponse(
            request,
            "blog/quotes.html",
            {
                "page": self,
                "blog_page": self,
                "quotes": shown_quotes(self.locale, today()),
            },
        )
