"""The home page and the standard pages (about, visiting, contacts) of each language."""

import functools

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from library_site.core.blocks import BaseStreamBlock


class ContentPage(Page):
    """A page with a lead paragraph, a body of blocks and an image for social previews."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences shown under the title.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; 1200×630 works everywhere."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(ContentPage):
    """The root of one language's site."""

    parent_page_types = ["wagtailcore.Page"]

    def get_context(self, request, *args, **kwargs) -> dict:
        from plugins.events.templatetags.event_tags import events_page
        from plugins.exhibitions.exhibition_listing import exhibitions_page

        context = super().get_context(request, *args, **kwargs)
        # Looked up when the template first asks (not at all while its panels are in the cache),
        # and once for both the feed links in the head and the panels in the body.
        context["events_index"] = functools.cache(events_page)
        context["exhibitions_index"] = functools.cache(exhibitions_page)
        return context

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(ContentPage):
    """A plain page: about the library, visiting, contacts, rules."""

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
