"""A reader's purchase suggestion: kept on the site first, then sent to Koha's suggestions with
the reader's Koha patron as ``suggested_by``. When Koha cannot take it now, it waits and is
sent by ``library20 send_suggestions`` or after the next suggestion Koha takes."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from koha_bridge.client import KohaBadRequest, KohaClient, KohaError
from plugins.opac.acquisitions.models import PurchaseSuggestion
from plugins.opac.search.folding import words
from plugins.readers.models import KohaCard

log = logging.getLogger(__name__)

# Koha's answers to a patron who may not suggest more for now (MaxTotalSuggestions,
# MaxOpenSuggestions).
LIMIT_CODES = ("max_total_reached", "max_pending_reached")
SENT_PER_RUN = 200  # waiting suggestions sent by one run of send_waiting
STATUSES_PER_REQUEST = 100  # suggestion ids asked of Koha in one query string


class SuggestionRefused(Exception):
    """The suggestion cannot be taken; the message is for the reader, in their language."""


@dataclass(frozen=True)
class Wish:
    """What a reader asks the library to buy, as the form cleaned it."""

    title: str
    author: str = ""
    isbn: str = ""
    publisher: str = ""
    year: int | None = None
    reason: str = ""


def title_key(title: str) -> str:
    """The title as the catalogue folds it: the same title however it is typed."""
    return " ".join(words(title))[:255]


def already_suggested(reader, title: str) -> bool:
    return PurchaseSuggestion.objects.filter(reader=reader, title_key=title_key(title)).exists()


def submit(reader, wish: Wish, language: str, koha: KohaClient) -> PurchaseSuggestion:
    """Keep the reader's suggestion and send it to Koha; it waits when Koha cannot take it.

    Raises SuggestionRefused for a title the reader suggested already, or when Koha says the
    reader may not suggest more for now (nothing is kept then).
    """
    try:
        with transaction.atomic():
            suggestion = PurchaseSuggestion.objects.create(
                reader=reader,
                title=wish.title,
                title_key=title_key(wish.title),
                author=wish.author,
                isbn=wish.isbn,
                publisher=wish.publisher,
                year=wish.year,
                reason=wish.reason,
                language=language,
            )
    except IntegrityError:
        raise SuggestionRefused(duplicate_message(wish.title)) from None
    try:
        send(suggestion, koha)
    except KohaBadRequest as error:
        if error.code not in LIMIT_CODES:
            raise
        suggestion.delete()
        raise SuggestionRefused(
            _(
                "The library takes no more suggestions from you for now: wait until the "
                "librarians have looked at those you made."
            )
        ) from None
    if suggestion.sent:
        send_waiting(koha)  # Koha is back: what waited goes too
    return suggestion


def duplicate_message(title: str) -> str:
    return _("You have already suggested “%(title)s”.") % {"title": title}


def status_label(suggestion: PurchaseSuggestion) -> str:
    """Where the suggestion stands, in the reader's words."""
    if not suggestion.sent:
        return _("Waiting to be sent to the library")
    return {
        "ASKED": _("Received by the library"),
        "ACCEPTED": _("Accepted"),
        "REJECTED": _("Not accepted"),
        "ORDERED": _("Ordered"),
        "AVAILABLE": _("In the catalogue"),
    }.get(suggestion.koha_status, _("Being considered"))


def send(suggestion: PurchaseSuggestion, koha: KohaClient) -> bool:
    """Send one waiting suggestion to Koha; whether Koha took it.

    Koha's refusal of the reader's limits (KohaBadRequest) is raised; any other failure is
    kept in ``last_error`` for the next try.
    """
    card = KohaCard.objects.filter(user_id=suggestion.reader_id).first()
    try:
        made = koha.add_suggestion(
            suggestion.title,
            suggested_by=card.patron_id if card else None,
            author=suggestion.author,
            isbn=suggestion.isbn,
            publisher_code=suggestion.publisher,
            publication_year=str(suggestion.year or ""),
            patron_reason=suggestion.reason,
        )
    except KohaBadRequest as error:
        if error.code in LIMIT_CODES:
            raise
        return _failed(suggestion, error)
    except KohaError as error:
        return _failed(suggestion, error)
    suggestion.koha_suggestion_id = made["suggestion_id"]
    suggestion.koha_status = str(made.get("status") or "ASKED")
    suggestion.last_error = ""
    suggestion.save(update_fields=["koha_suggestion_id", "koha_status", "last_error"])
    log.info("suggestion sent id=%s koha_id=%s", suggestion.pk, suggestion.koha_suggestion_id)
    return True


def _failed(suggestion: PurchaseSuggestion, error: KohaError) -> bool:
    suggestion.last_error = str(error)[:500]
    suggestion.save(update_fields=["last_error"])
    log.info("suggestion waits id=%s error=%s", suggestion.pk, type(error).__name__)
    return False


def send_waiting(koha: KohaClient) -> tuple[int, int]:
    """Send the suggestions that wait, oldest first, until Koha fails; (sent, still waiting)."""
    sent = 0
    waiting = PurchaseSuggestion.objects.filter(koha_suggestion_id=None).order_by("created")
    for suggestion in waiting[:SENT_PER_RUN]:
        try:
            if not send(suggestion, koha):
                break
        except KohaBadRequest:
            continue  # this reader's limit: their suggestion waits, others' may go
        sent += 1
    return sent, PurchaseSuggestion.objects.filter(koha_suggestion_id=None).count()


def refresh_statuses(koha: KohaClient) -> int:
    """Koha's current status of every suggestion it has, in one listing; how many changed."""
    known = dict(
        PurchaseSuggestion.objects.exclude(koha_suggestion_id=None).values_list(
            "koha_suggestion_id", "koha_status"
        )
    )
    if not known:
        return 0
    ids = sorted(known)
    answers = []
    for start in range(0, len(ids), STATUSES_PER_REQUEST):
        chunk = ids[start : start + STATUSES_PER_REQUEST]
        answers += koha.suggestions({"suggestion_id": {"-in": chunk}})
    changed = 0
    for answer in answers:
        status = str(answer.get("status") or "")
        if answer.get("suggestion_id") in known and known[answer["suggestion_id"]] != status:
            PurchaseSuggestion.objects.filter(koha_suggestion_id=answer["suggestion_id"]).update(
                koha_status=status
            )
            changed += 1
    return changed
