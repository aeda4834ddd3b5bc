"""What the catalogue tells librarians through plugins.comments' moderation: readers' tag terms
in the queue (approving a term approves it for everyone, as *Readers' tags* does), a reader's
ratings and tags on their page, and this week's ratings and tags on the admin home page."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from plugins.comments.contributions import (
    Action,
    Contribution,
    ContributionSource,
    QueueFilters,
    ReaderSection,
    State,
    Tally,
)
from plugins.opac.models import CatalogueRecord, Rating, Tagging, TagTerm
from plugins.opac.record_urls import record_url

READERS_SHOWN = 200  # a reader's ratings, and tags, listed on their page
STATES = {
    State.WAITING: TagTerm.Status.PENDING,
    State.PUBLISHED: TagTerm.Status.APPROVED,
    State.REJECTED: TagTerm.Status.REJECTED,
}
TERM_STATES = {status: state for state, status in STATES.items()}
TO_STATUS = {
    Action.APPROVE: TagTerm.Status.APPROVED,
    Action.REJECT: TagTerm.Status.REJECTED,
}


def _on_record(tagging: Tagging, *, text: str, state: State, **more) -> Contribution:
    return Contribution(
        kind=TagSource.kind,
        pk=tagging.tag_id,
        text=text,
        state=state,
        created=tagging.created,
        reader=tagging.reader,
        author=tagging.reader.get_username(),
        target=tagging.record.title,
        url=record_url(tagging.record_id, tagging.record.title, tagging.language) + "#tags",
        language=tagging.language,
        **more,
    )


class TagSource(ContributionSource):
    kind = "tag"
    label = _("Tags")
    order = 20

    def content_types(self) -> list[ContentType]:
        return [ContentType.objects.get_for_model(CatalogueRecord)]

    def _matching(self, filters: QueueFilters) -> QuerySet[TagTerm] | None:
        if filters.state and filters.state not in STATES:
            return None  # tags are not flagged
        if filters.content_type_id and filters.content_type_id not in {
            c.pk for c in self.content_types()
        }:
            return None
        terms = TagTerm.objects.all()
        if filters.state:
            terms = terms.filter(status=STATES[filters.state])
        if filters.language:
            terms = terms.filter(taggings__language=filters.language).distinct()
        if filters.since:
            terms = terms.filter(created__date__gte=filters.since)
        if filters.until:
            terms = terms.filter(created__date__lte=filters.until)
        return terms

    def queue(self, filters: QueueFilters, limit: int) -> list[Contribution]:
        terms = self._matching(filters)
        if terms is None:
            return []
        first = Tagging.objects.filter(tag=OuterRef("pk")).order_by("created", "pk")
        rows = list(
            terms.annotate(
                uses=Count("taggings", distinct=True),
                first_tagging=Subquery(first.values("pk")[:1]),
            ).order_by("-created", "-pk")[:limit]
        )
        taggings = Tagging.objects.select_related("reader", "record").in_bulk(
            [term.first_tagging for term in rows if term.first_tagging]
        )
        return [_term(term, taggings.get(term.first_tagging)) for term in rows]

    def queue_count(self, filters: QueueFilters) -> int:
        terms = self._matching(filters)
        return 0 if terms is None else terms.count()

    def moderate(self, action: Action, pks: list[int]) -> int:
        chosen = TagTerm.objects.filter(pk__in=pks)
        if action == Action.DELETE:
            count = chosen.count()
            chosen.delete()
            return count
        return chosen.update(status=TO_STATUS[action])

    def waiting(self) -> list[Tally]:
        pending = TagTerm.objects.filter(status=TagTerm.Status.PENDING).count()
        return [Tally(_("Tags waiting"), pending, {"kind": self.kind, "state": State.WAITING})]

    def activity(self, since: datetime) -> list[Tally]:
        return [
            Tally(_("Ratings"), Rating.objects.filter(rated_at__gte=since).count()),
            Tally(_("Tags"), Tagging.objects.filter(created__gte=since).count()),
        ]

    def of_reader(self, reader) -> list[ReaderSection]:
        ratings = (
            Rating.objects.filter(reader=reader)
            .select_related("record", "reader")
            .order_by("-rated_at")[:READERS_SHOWN]
        )
        tagged = (
            Tagging.objects.filter(reader=reader)
            .select_related("record", "reader", "tag")
            .order_by("-created")[:READERS_SHOWN]
        )
        return [
            ReaderSection(_("Ratings"), [_rating(rating) for rating in ratings]),
            ReaderSection(
                _("Tags"),
                [_on_record(t, text=t.tag.term, state=TERM_STATES[t.tag.status]) for t in tagged],
            ),
        ]


def _term(term: TagTerm, first: Tagging | None) -> Contribution:
    note = ngettext("given %(count)s time", "given %(count)s times", term.uses) % {
        "count": term.uses
    }
    state = TERM_STATES[term.status]
    if first is None:  # a term a librarian entered ahead of readers
        return Contribution(TagSource.kind, term.pk, term.term, state, term.created, note=note)
    return _on_record(first, text=term.term, state=state, note=note)


def _rating(rating: Rating) -> Contribution:
    return Contribution(
        kind="rating",
        pk=rating.pk,
        text="★" * rating.stars + "☆" * (5 - rating.stars),
        state=State.PUBLISHED,
        created=rating.rated_at,
        reader=rating.reader,
        author=rating.reader.get_username(),
        target=rating.record.title,
        url=record_url(rating.record_id, rating.record.title, settings.LANGUAGE_CODE) + "#rating",
    )
