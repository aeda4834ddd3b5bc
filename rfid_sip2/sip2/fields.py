"""The layout vocabulary of SIP2 messages: fixed fields by position, identified fields by code."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter


class Kind(StrEnum):
    """How a field's characters map to a Python value."""

    TEXT = "text"  # str, as sent
    FLAG = "flag"  # Y/N -> bool
    BIT = "bit"  # 1/0 -> bool (the "ok" fields)
    YNU = "ynu"  # Y/N/U -> True/False/None (magnetic media, desensitize)
    DATE = "date"  # 18-char date -> datetime | None
    COUNT = "count"  # 4 digits or 4 blanks -> int | None
    STATUS = "status"  # 14-char patron status -> PatronStatus


@dataclass(frozen=True)
class Fixed:
    """A field with no identifier, at its place in the fixed part."""

    name: str
    length: int
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Tagged:
    """A field with a two-letter identifier, in any order after the fixed part."""

    name: str
    code: str
    kind: Kind = Kind.TEXT
    required: bool = False
    repeat: bool = False
    length: int | None = None  # identified fields of fixed length: BO[1], BW[18]...


@dataclass(frozen=True)
class PatronStatus:
    """The 14 patron status flags of 24, 26 and 64 (True = the condition holds)."""

    charge_privileges_denied: bool = False
    renewal_privileges_denied: bool = False
    recall_privileges_denied: bool = False
    hold_privileges_denied: bool = False
    card_reported_lost: bool = False
    too_many_items_charged: bool = False
    too_many_items_overdue: bool = False
    too_many_renewals: bool = False
    too_many_claims_of_items_returned: bool = False
    too_many_items_lost: bool = False
    excessive_outstanding_fines: bool = False
    excessive_outstanding_fees: bool = False
    recall_overdue: bool = False
    too_many_items_billed: bool = False

    def to_wire(self) -> str:
        return "".join(["Y" if flag else " " for flag in _status_flags(self)])

    @classmethod
    @lru_cache(maxsize=256)  # immutable, and a library has few distinct statuses
    def from_wire(cls, text: str) -> PatronStatus:
        # Anything but a blank (or N) counts as set: devices and servers disagree on the letter.
        flags = [ch not in " N" for ch in text.ljust(14)[:14]]
        return cls(*flags)

    @property
    def blocked(self) -> bool:
        return any(_status_flags(self))


_status_flags = attrgetter(*(f.name for f in fields(PatronStatus)))


# Field identifiers of the 3M spec, with the names the messages use for them.
FIELD_NAMES: dict[str, str] = {
    "AA": "patron_identifier",
    "AB": "item_identifier",
    "AC": "terminal_password",
    "AD": "patron_password",
    "AE": "personal_name",
    "AF": "screen_message",
    "AG": "print_line",
    "AH": "due_date",
    "AJ": "title_identifier",
    "AL": "blocked_card_message",
    "AM": "library_name",
    "AN": "terminal_location",
    "AO": "institution_id",
    "AP": "current_location",
    "AQ": "permanent_location",
    "AS": "hold_items",
    "AT": "overdue_items",
    "AU": "charged_items",
    "AV": "fine_items",
    "AY": "sequence_number",
    "AZ": "checksum",
    "BD": "home_address",
    "BE": "email_address",
    "BF": "home_phone_number",
    "BG": "owner",
    "BH": "currency_type",
    "BI": "cancel",
    "BK": "transaction_id",
    "BL": "valid_patron",
    "BM": "renewed_items",
    "BN": "unrenewed_items",
    "BO": "fee_acknowledged",
    "BP": "start_item",
    "BQ": "end_item",
    "BR": "queue_position",
    "BS": "pickup_location",
    "BT": "fee_type",
    "BU": "recall_items",
    "BV": "fee_amount",
    "BW": "expiration_date",
    "BX": "supported_messages",
    "BY": "hold_type",
    "BZ": "hold_items_limit",
    "CA": "overdue_items_limit",
    "CB": "charged_items_limit",
    "CC": "fee_limit",
    "CD": "unavailable_hold_items",
    "CF": "hold_queue_length",
    "CG": "fee_identifier",
    "CH": "item_properties",
    "CI": "security_inhibit",
    "CJ": "recall_date",
    "CK": "media_type",
    "CL": "sort_bin",
    "CM": "hold_pickup_date",
    "CN": "login_user_id",
    "CO": "login_password",
    "CP": "location_code",
    "CQ": "valid_patron_password",
}

# Secrets: never logged in clear (terminal password, patron password, login password).
SECRET_FIELDS = frozenset({"AC", "AD", "CO"})
