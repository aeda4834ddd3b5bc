"""A reader's account as Koha has it now: loans, holds, fines and (if they wish) past loans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache

from koha_bridge.client import KohaClient
from plugins.readers.models import KohaCard

# Koha's borrowers.privacy: 2 is "never keep my reading history".
PRIVACY_NEVER = 2
HISTORY_SHOWN = 100  # the most recent returns shown
LIBRARY_NAMES_CACHED = 600  # seconds: branches change rarely


@dataclass(frozen=True)
class Loan:
    checkout_id: int
    title: str
    due: datetime
    overdue: bool
    renewals: int


@dataclass(frozen=True)
class Hold:
    hold_id: int
    title: str
    status: str  # "waiting", "in_transit", "processing" or "pending"
    position: int | None  # in the queue, while pending
    pickup_library: str
    placed: date | None
    waiting_since: date | None

    @property
    def cancellable(self) -> bool:
        """Koha lets a reader cancel a hold until an item is found for it."""
        return self.status == "pending"


@dataclass(frozen=True)
class PastLoan:
    title: str
    borrowed: date
    returned: date | None


@dataclass(frozen=True)
class Account:
    loans: list[Loan]
    holds: list[Hold]
    balance: float  # what the reader owes; negative: credit
    history: list[PastLoan] | None  # None: not asked for
    history_kept: bool  # False: Koha keeps none for this patron (privacy "never")


HOLD_STATUSES = {"W": "waiting", "T": "in_transit", "P": "processing"}


def parse_datetime(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def library_names(koha: KohaClient) -> dict[str, str]:
    """Branch codes to names, cached for a while: every account page shows them."""
    return cache.get_or_set(
        "readers:koha-library-names",
        lambda: {row["library_id"]: row["name"] for row in koha.libraries()},
        LIBRARY_NAMES_CACHED,
    )


def titles_of_items(
    koha: KohaClient, item_ids: list[int], biblio_ids: list[int]
) -> tuple[dict[int, int], dict[int, str]]:
    """Item id -> record id, and record id -> title, in two requests whatever their number."""
    record_of = {item["item_id"]: item["biblio_id"] for item in koha.items(item_ids)}
    wanted = set(record_of.values()) | set(biblio_ids)
    titles = {row["biblio_id"]: row.get("title") or "" for row in koha.biblios(sorted(wanted))}
    return record_of, titles


def account_of(card: KohaCard, koha: KohaClient, now: datetime) -> Account:
    """The card's account, live from Koha (KohaError when Koha cannot be asked)."""
    patron = koha.patron(card.patron_id)
    checkouts = koha.patron_checkouts(card.patron_id)
    holds = koha.patron_holds(card.patron_id)
    balance = float(koha.patron_account(card.patron_id).get("balance") or 0)
    history_kept = patron.get("privacy") != PRIVACY_NEVER
    past = []
    if card.shows_reading_history and history_kept:
        past = koha.patron_history(card.patron_id, HISTORY_SHOWN)
    record_of, titles = titles_of_items(
        koha,
        [row["item_id"] for row in [*checkouts, *past]],
        [row["biblio_id"] for row in holds],
    )

    def title_of_item(item_id: int) -> str:
        return titles.get(record_of.get(item_id, 0), "")

    names = library_names(koha)
    loans = sorted(
        (
            Loan(
                checkout_id=row["checkout_id"],
                title=title_of_item(row["item_id"]),
                due=parse_datetime(row["due_date"]),
                overdue=parse_datetime(row["due_date"]) < now,
                renewals=row.get("renewals_count") or 0,
            )
            for row in checkouts
        ),
        key=lambda loan: loan.due,
    )
    return Account(
        loans=loans,
        holds=[
            Hold(
                hold_id=row["hold_id"],
                title=titles.get(row["biblio_id"], ""),
                status=HOLD_STATUSES.get(row.get("status") or "", "pending"),
                position=row.get("priority") if not row.get("status") else None,
                pickup_library=names.get(row["pickup_library_id"], row["pickup_library_id"]),
                placed=parse_date(row.get("hold_date")),
                waiting_since=parse_date(row.get("waiting_date")),
            )
            for row in holds
        ],
        balance=balance,
        history=[
            PastLoan(
                title=title_of_item(row["item_id"]),
                borrowed=parse_datetime(row["checkout_date"]).date(),
                returned=parse_date(row.get("checkin_date")),
            )
            for row in past
        ]
        if card.shows_reading_history
        else None,
        history_kept=history_kept,
    )
