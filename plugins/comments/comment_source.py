"""Comments of every registered model (reviews on records, and what other plugins register) as
a source of the moderation queue: held, flagged, published or hidden, with their languages."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag
from django_comments_xtd import get_model

from plugins.comments import registry
from plugins.comments.contributions import (
    Action,
    Contribution,
    ContributionSource,
    QueueFilters,
    ReaderSection,
    State,
    Tally,
)

READERS_SHOWN = 200  # a reader's comments listed on their page, the newest first
REMOVAL = Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)


def _comments() -> QuerySet:
    return (
        get_model()
        .objects.filter(site_id=settings.SITE_ID)
        .select_related("user", "content_type", "language")
        .annotate(removal_flags=Count("flags", filter=REMOVAL))
        .order_by("-submit_date", "-pk")
    )


def _in_state(comments: QuerySet, state: str) -> QuerySet:
    if state == State.WAITING:
        return comments.filter(is_public=False, is_removed=False)
    if state == State.FLAGGED:
        return comments.filter(is_removed=False, removal_flags__gt=0)
    if state == State.PUBLISHED:
        return comments.filter(is_public=True, is_removed=False)
    if state == State.REJECTED:
        return comments.filter(is_removed=True)
    return comments


def _state_of(comment) -> State:
    if comment.is_removed:
        return State.REJECTED
    if not comment.is_public:
        return State.WAITING
    return State.FLAGGED if comment.removal_flags else State.PUBLISHED


def _targets(comments: list) -> dict[tuple[int, str], object]:
    """The objects the comments are about: one query per kind of object."""
    wanted: dict[ContentType, set[str]] = defaultdict(set)
    for comment in comments:
        wanted[comment.content_type].add(comment.object_pk)
    found = {}
    for content_type, pks in wanted.items():
        model = content_type.model_class()
        if model is None or registry.registration_of(model) is None:
            continue
        for pk, obj in model._default_manager.in_bulk(list(pks)).items():
            found[(content_type.pk, str(pk))] = obj
    return found


def _title_of(target) -> str:
    if target is None:
        return ""
    return getattr(target, "title", "") or str(target)


def _contribution(comment, target) -> Contribution:
    registration = registry.registration_of(type(target)) if target is not None else None
    language = getattr(comment, "language", None)
    url = ""
    if registration is not None:
        # The page in the language the comment was written in, where its reader saw it.
        with translation.override(language.language if language else translation.get_language()):
            url = f"{registration.url(target)}#c{comment.pk}"
    return Contribution(
        kind=CommentSource.kind,
        pk=comment.pk,
        text=comment.comment,
        state=_state_of(comment),
        created=comment.submit_date,
        reader=comment.user,
        author=comment.user_name or (comment.user.get_username() if comment.user else ""),
        target=_title_of(target),
        url=url,
        language=language.language if language else "",
        flags=comment.removal_flags,
    )


def _listed(comments: QuerySet) -> list[Contribution]:
    rows = list(comments)
    targets = _targets(rows)
    return [_contribution(c, targets.get((c.content_type_id, str(c.object_pk)))) for c in rows]


class CommentSource(ContributionSource):
    kind = "comment"
    label = _("Comments and reviews")
    order = 10

    def content_types(self) -> list[ContentType]:
        models = [registration.model for registration in registry.registrations()]
        return list(ContentType.objects.get_for_models(*models).values())

    def _matching(self, filters: QueueFilters) -> QuerySet:
        comments = _in_state(_comments(), filters.state)
        if filters.language:
            comments = comments.filter(language__language=filters.language)
        if filters.content_type_id:
            comments = comments.filter(content_type_id=filters.content_type_id)
        if filters.since:
            comments = comments.filter(submit_date__date__gte=filters.since)
        if filters.until:
            comments = comments.filter(submit_date__date__lte=filters.until)
        return comments

    def queue(self, filters: QueueFilters, limit: int) -> list[Contribution]:
        return _listed(self._matching(filters)[:limit])

    def queue_count(self, filters: QueueFilters) -> int:
        return self._matching(filters).count()

    def moderate(self, action: Action, pks: list[int]) -> int:
        chosen = list(get_model().objects.filter(site_id=settings.SITE_ID, pk__in=pks))
        with transaction.atomic():
            if action == Action.DELETE:
                return _delete_with_replies(chosen)
            for comment in chosen:
                # save(), not update(): django-comments-xtd hides or shows the replies too.
                comment.is_removed = action == Action.REJECT
                comment.is_public = comment.is_public or action == Action.APPROVE
                comment.save()
            if action == Action.APPROVE:
                CommentFlag.objects.filter(
                    comment__in=chosen, flag=CommentFlag.SUGGEST_REMOVAL
                ).delete()
        return len(chosen)

    def waiting(self) -> list[Tally]:
        held = get_model().objects.filter(
            site_id=settings.SITE_ID, is_public=False, is_removed=False
        )
        flagged = CommentFlag.objects.filter(
            flag=CommentFlag.SUGGEST_REMOVAL,
            comment__site_id=settings.SITE_ID,
            comment__is_removed=False,
        )
        return [
            Tally(_("Comments held"), held.count(), {"kind": self.kind, "state": State.WAITING}),
            Tally(
                _("Comments flagged for removal"),
                flagged.values("comment_id").distinct().count(),
                {"kind": self.kind, "state": State.FLAGGED},
            ),
        ]

    def activity(self, since: datetime) -> list[Tally]:
        posted = get_model().objects.filter(site_id=settings.SITE_ID, submit_date__gte=since)
        return [Tally(_("Comments and reviews"), posted.count())]

    def of_reader(self, reader) -> list[ReaderSection]:
        mine = _comments().filter(user=reader)[:READERS_SHOWN]
        return [ReaderSection(_("Comments and reviews"), _listed(mine))]


def _delete_with_replies(chosen: list) -> int:
    """Delete the comments and the replies under them (they would hang on nothing)."""
    ids = {comment.pk for comment in chosen}
    below = set(ids)
    while below:
        below = set(
            get_model()
            .objects.filter(parent_id__in=below)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        ids |= below
    get_model().objects.filter(pk__in=ids).delete()
    return len(chosen)
