"""The blog's pages and snippets: Puput's blog and entry made per-language, authors, translated
names of Puput's shared categories and tags, and the quote of the week."""

from __future__ import annotations

import datetime

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from puput.models import BlogPage, Category, EntryPage
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from plugins.blog.blocks import EntryStreamBlock
from plugins.blog.listing import LABELS, labelled, with_labels
from plugins.blog.routes import BlogIndexRoutes
from plugins.opac.cards import cards_of


class AuthorProfile(TranslatableMixin, ClusterableModel):
    """A member of staff who writes for the blog: the library speaks through people."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("The author page's address."))
    role = models.CharField(_("role"), max_length=150, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio"), blank=True, max_length=1000)

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        TranslatableField("bio"),
        SynchronizedField("slug"),
        SynchronizedField("photo"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        InlinePanel("accounts", label=_("Their own accounts")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("blog author")
        verbose_name_plural = _("blog authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AuthorAccount(Orderable):
    """One of an author's own microblog or social accounts, linked with rel="me"."""

    author = ParentalKey(AuthorProfile, on_delete=models.CASCADE, related_name="accounts")
    network = models.CharField(_("network"), max_length=40, help_text=_("E.g. Mastodon"))
    url = models.URLField(_("address"))

    panels = [FieldPanel("network"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("author's account")
        verbose_name_plural = _("author's accounts")

    def __str__(self) -> str:
        return f"{self.network}: {self.url}"


class CategoryName(TranslatableMixin, models.Model):
    """A Puput category's name in one language (Puput's own name is shared by every language)."""

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.CASCADE, related_name="names"
    )
    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("category"), FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category name")
        verbose_name_plural = _("category names")

    def __str__(self) -> str:
        return self.name


class TagName(TranslatableMixin, models.Model):
    """A blog tag's name in one language (tags are shared by every language)."""

    tag = models.ForeignKey(
        Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="blog_names"
    )
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tag name")
        verbose_name_plural = _("tag names")

    def __str__(self) -> str:
        return self.name


class BlogIndexPage(BlogIndexRoutes, BlogPage):
    """A blog in one language: its posts, archives, feeds, author pages and quotes."""

    template = "blog/blog_index_page.html"
    subpage_types = ["blog.BlogEntryPage"]
    # Puput's colour and Disqus settings are the same in every language.
    override_translatable_fields = [
        SynchronizedField("main_color"),
        SynchronizedField("disqus_shortname"),
        SynchronizedField("disqus_api_secret"),
    ]

    class Meta:
        verbose_name = _("blog")

    def get_entries(self):
        return (
            BlogEntryPage.objects.child_of(self)
            .live()
            .order_by("-date")
            .select_related("author__photo")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entries = getattr(self, "entries", None)
        if entries is None:
            entries = self.get_entries()
        if hasattr(entries, "prefetch_related"):
            entries = labelled(entries)
        page = Paginator(entries, max(self.num_entries_page, 1)).get_page(request.GET.get("page"))
        context.update(
            entries=with_labels(list(page.object_list), self.locale),
            entries_page=page,
            author=getattr(self, "author", None),
        )
        return context


class BlogEntryPage(EntryPage):
    """A post: Puput's entry with an author, an audio or video file and embedded records.

    Its address is dated (``<blog>/YYYY/MM/DD/<slug>/``) and served by its own blog, so each
    language's address serves that language's post.
    """

    author = models.ForeignKey(
        AuthorProfile,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
    )
    media = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("audio or video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Played on the post and sent as the feed's enclosure (a podcast)."),
    )
    stream = StreamField(EntryStreamBlock(), verbose_name=_("more content"), blank=True)

    template = "blog/blog_entry_page.html"
    parent_page_types = ["blog.BlogIndexPage"]
    # Loaded with the post when it is served (library_site.core.page_routes): its byline.
    serve_related = ("author__photo",)
    content_panels = [
        *EntryPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("media"), FieldPanel("stream")],
            heading=_("Author, media and records"),
        ),
    ]

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Puput's default is the naive datetime.today: a new post gets an aware "now".
        if isinstance(self.date, datetime.datetime) and timezone.is_naive(self.date):
            self.date = timezone.now()

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None or self.date is None:
            return parts
        site_id, root_url, page_path = parts
        day = timezone.localtime(self.date) if timezone.is_aware(self.date) else self.date
        prefix = page_path[: -len(self.slug) - 1]
        return site_id, root_url, f"{prefix}{day:%Y/%m/%d}/{self.slug}/"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_related_objects([self], *LABELS)
        with_labels([self], self.locale)
        mentioned = cards_of(self.mentioned_biblio_ids())
        context.update(
            category_labels=self.category_labels,
            tag_labels=self.tag_labels,
            mentioned=mentioned,
            record_cards={card.record.biblio_id: card for card in mentioned},
            author_accounts=list(self.author.accounts.all()) if self.author else [],
        )
        return context

    def get_sitemap_urls(self, request=None):
        # Puput's reverses its own URLconf, which this site does not include: the dated address
        # comes from get_url_parts.
        return Page.get_sitemap_urls(self, request)

    def mentioned_biblio_ids(self) -> list[int]:
        """The catalogue records embedded in the post, in order, each once."""
        ids = [block.value["biblio_id"] for block in self.stream if block.block_type == "record"]
        return list(dict.fromkeys(ids))


class QuoteOfTheWeek(TranslatableMixin, models.Model):
    """A quote for one ISO week, written ahead; each language has its translation."""

    text = models.TextField(_("quote"), max_length=1000)
    author = models.CharField(_("author"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)
    biblio_id = models.PositiveBigIntegerField(
        _("catalogue record"),
        null=True,
        blank=True,
        help_text=_("The Koha biblio id of the book it comes from, if the library has it."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2200)]
    )
    week = models.PositiveSmallIntegerField(
        _("ISO week"), validators=[MinValueValidator(1), MaxValueValidator(53)]
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("author"),
        FieldPanel("source"),
        FieldPanel("biblio_id"),
        FieldPanel("year"),
        FieldPanel("week"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quote of the week")
        verbose_name_plural = _("quotes of the week")
        ordering = ["-year", "-week"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "year", "week"], name="blog_one_quote_a_week_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}: {self.author}"

    @property
    def monday(self) -> datetime.date:
        """The first day of its week."""
        return datetime.date.fromisocalendar(self.year, self.week, 1)
