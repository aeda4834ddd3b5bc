"""The knowledge base page's list of entries, grouped by topic in the page's language.

Every topic shows its first entries and a link to all of them (``?topic=<id>``, paginated), so
the page stays short and costs the same few queries with 10 entries or 10,000. A translated entry
points to its topic's translation; one whose topic is not translated yet is shown under the
source topic's name, and entries without a topic under "Other questions".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from plugins.reference.models import FaqEntryPage, KnowledgeBasePage, Topic

PER_TOPIC = 8  # entries each topic shows on the whole list
PAGE_SIZE = 50  # entries of one topic per page
OTHER = "other"  # ?topic=other: the entries without a topic
MAX_ID_DIGITS = 9  # a topic id fits any database's integer; longer input names no topic
ROW_FIELDS = (
    "pk",
    "title",
    "slug",
    "topic_id",
    "topic__translation_key",
    "topic__name",
    "topic__sort_order",
)


@dataclass(frozen=True)
class EntryLink:
    title: str
    url: str


@dataclass
class TopicGroup:
    """One topic's heading and entries; ``total`` counts them all, ``entries`` are those shown."""

    name: str
    value: str  # the ?topic= value that shows all of it
    total: int = 0
    order: tuple = ()
    entries: list[EntryLink] = field(default_factory=list)
    key: object = None  # the topic's translation key, the same in every language

    @property
    def more(self) -> bool:
        return self.total > len(self.entries)


def entries_of(base: KnowledgeBasePage) -> QuerySet:
    """The live, public entries of this knowledge base (all in its language)."""
    return FaqEntryPage.objects.live().public().child_of(base)


def link_of(base_url: str, row: dict) -> EntryLink:
    # Entries are the base's children: their address is the base's and their slug, with no
    # query per entry for Wagtail's site roots.
    return EntryLink(row["title"], f"{base_url}{row['slug']}/")


def local_topics(base: KnowledgeBasePage, keys) -> dict:
    """The knowledge base's language's topics by translation key."""
    return {
        topic.translation_key: topic
        for topic in Topic.objects.filter(locale_id=base.locale_id, translation_key__in=keys)
    }


def grouped(base: KnowledgeBasePage, base_url: str, per_topic: int = PER_TOPIC) -> list[TopicGroup]:
    """Every topic with entries, in the topics' order, each with its first ``per_topic``
    entries by title; "Other questions" last. Three queries."""
    entries = entries_of(base)
    totals = dict(
        entries.order_by()
        .values_list("topic__translation_key")
        .annotate(total=Count("pk"))
        .values_list("topic__translation_key", "total")
    )
    ranked = entries.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("topic__translation_key")],
            order_by=[F("title").asc(), F("pk").asc()],
        )
    ).filter(rank__lte=per_topic)
    rows = list(ranked.order_by("title", "pk").values(*ROW_FIELDS))
    translated = local_topics(base, [key for key in totals if key is not None])
    groups: dict = {}
    for row in rows:
        key = row["topic__translation_key"]
        group = groups.get(key)
        if group is None:
            group = groups[key] = _group(key, row, translated.get(key), totals[key])
        group.entries.append(link_of(base_url, row))
    return sorted(groups.values(), key=lambda group: group.order)


def _group(key, row: dict, local: Topic | None, total: int) -> TopicGroup:
    if key is None:
        return TopicGroup(str(_("Other questions")), OTHER, total, (1, 0, ""))
    if local is not None:
        order = (0, local.sort_order, local.name)
        return TopicGroup(local.name, str(local.pk), total, order, key=key)
    # Not translated into this language yet: the topic the entry points to, as it is named.
    name = row["topic__name"]
    order = (0, row["topic__sort_order"], name)
    return TopicGroup(name, str(row["topic_id"]), total, order, key=key)


def chosen_topic(base: KnowledgeBasePage, value: str) -> TopicGroup | None:
    """The group ``?topic=`` names (empty), or None when it names nothing there is."""
    if value == OTHER:
        return TopicGroup(str(_("Other questions")), OTHER)
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS):
        return None
    topic = Topic.objects.filter(pk=int(value)).first()
    if topic is None:
        return None
    shown = topic
    if topic.locale_id != base.locale_id:
        shown = topic.get_translation_or_none(base.locale) or topic
    return TopicGroup(shown.name, str(shown.pk), key=topic.translation_key)


def topic_page(
    base: KnowledgeBasePage, base_url: str, group: TopicGroup, request: HttpRequest
) -> PaginatorPage:
    """One page of the chosen topic's entries, by title, as links."""
    entries = entries_of(base)
    if group.value == OTHER:
        entries = entries.filter(topic__isnull=True)
    else:
        entries = entries.filter(topic__translation_key=group.key)
    rows = entries.order_by("title", "pk").values(*ROW_FIELDS)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = [link_of(base_url, row) for row in page.object_list]
    group.total = page.paginator.count
    return page
