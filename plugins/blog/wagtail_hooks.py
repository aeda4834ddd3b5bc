"""The blog's snippets in the admin: authors, quotes of the week, translated category and tag
names (each translated with wagtail-localize like a page)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from plugins.blog.models import AuthorProfile, CategoryName, QuoteOfTheWeek, TagName


class AuthorViewSet(SnippetViewSet):
    model = AuthorProfile
    icon = "user"
    list_display = ["name", "role"]
    search_fields = ["name"]


class QuoteViewSet(SnippetViewSet):
    model = QuoteOfTheWeek
    icon = "openquote"
    list_display = ["author", "year", "week"]
    list_filter = ["year"]


class CategoryNameViewSet(SnippetViewSet):
    model = CategoryName
    icon = "folder-open-inverse"
    list_display = ["name", "category"]


class TagNameViewSet(SnippetViewSet):
    model = TagName
    icon = "tag"
    list_display = ["name", "tag"]


class BlogViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Blog")
    menu_icon = "doc-full-inverse"
    items = (AuthorViewSet, QuoteViewSet, CategoryNameViewSet, TagNameViewSet)


register_snippet(BlogViewSetGroup)
