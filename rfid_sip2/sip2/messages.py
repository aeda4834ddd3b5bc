"""Every SIP2 2.00 message as a typed value, with its wire layout beside its fields.

Field names say what a field means (``patron_identifier``, not ``AA``); the two-letter codes
live in each message's TAGGED layout and in ``fields.FIELD_NAMES``. Identified fields that are
absent are None (or an empty tuple when they may repeat); unknown identified fields are kept,
in order, in ``extra_fields``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar

from rfid_sip2.sip2.fields import Fixed, Kind, PatronStatus, Tagged

Extra = tuple[tuple[str, str], ...]


@dataclass(frozen=True, kw_only=True)
class Message:
    """Base of every message: its command code, layout and the fields nobody defined."""

    CODE: ClassVar[str] = ""
    FIXED: ClassVar[tuple[Fixed, ...]] = ()
    TAGGED: ClassVar[tuple[Tagged, ...]] = ()
    extra_fields: Extra = ()


AO = Tagged("institution_id", "AO", required=True)
AA = Tagged("patron_identifier", "AA", required=True)
AC = Tagged("terminal_password", "AC")
AD = Tagged("patron_password", "AD")
AF = Tagged("screen_messages", "AF", repeat=True)
AG = Tagged("print_lines", "AG", repeat=True)
TRANSACTION_DATE = Fixed("transaction_date", 18, Kind.DATE)


# -- requests (SC -> ACS) ---------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class LoginRequest(Message):
    CODE = "93"
    FIXED = (Fixed("uid_algorithm", 1), Fixed("pwd_algorithm", 1))
    TAGGED = (
        Tagged("login_user_id", "CN", required=True),
        Tagged("login_password", "CO", required=True),
        Tagged("location_code", "CP"),
    )
    uid_algorithm: str = "0"
    pwd_algorithm: str = "0"
    login_user_id: str = ""
    login_password: str = ""
    location_code: str | None = None


@dataclass(frozen=True, kw_only=True)
class SCStatus(Message):
    CODE = "99"
    FIXED = (Fixed("status_code", 1), Fixed("max_print_width", 3), Fixed("protocol_version", 4))
    status_code: str = "0"  # 0 ok, 1 out of paper, 2 about to shut down
    max_print_width: str = "040"
    protocol_version: str = "2.00"


@dataclass(frozen=True, kw_only=True)
class RequestACSResend(Message):
    CODE = "97"


@dataclass(frozen=True, kw_only=True)
class PatronStatusRequest(Message):
    CODE = "23"
    FIXED = (Fixed("language", 3), TRANSACTION_DATE)
    TAGGED = (
        AO,
        AA,
        Tagged("terminal_password", "AC", required=True),
        Tagged("patron_password", "AD", required=True),
    )
    language: str = "000"
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    terminal_password: str | None = ""
    patron_password: str | None = ""


@dataclass(frozen=True, kw_only=True)
class CheckoutRequest(Message):
    CODE = "11"
    FIXED = (
        Fixed("sc_renewal_policy", 1, Kind.FLAG),
        Fixed("no_block", 1, Kind.FLAG),
        TRANSACTION_DATE,
        Fixed("nb_due_date", 18, Kind.DATE),
    )
    TAGGED = (
        AO,
        AA,
        Tagged("item_identifier", "AB", required=True),
        Tagged("terminal_password", "AC", required=True),
        Tagged("item_properties", "CH"),
        AD,
        Tagged("fee_acknowledged", "BO", Kind.FLAG, length=1),
        Tagged("cancel", "BI", Kind.FLAG, length=1),
    )
    sc_renewal_policy: bool = False
    no_block: bool = False
    transaction_date: datetime | None = None
    nb_due_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    item_identifier: str = ""
    terminal_password: str | None = ""
    item_properties: str | None = None
    patron_password: str | None = None
    fee_acknowledged: bool | None = None
    cancel: bool | None = None


@dataclass(frozen=True, kw_only=True)
class CheckinRequest(Message):
    CODE = "09"
    FIXED = (Fixed("no_block", 1, Kind.FLAG), TRANSACTION_DATE, Fixed("return_date", 18, Kind.DATE))
    TAGGED = (
        Tagged("current_location", "AP", required=True),
        AO,
        Tagged("item_identifier", "AB", required=True),
        Tagged("terminal_password", "AC", required=True),
        Tagged("item_properties", "CH"),
        Tagged("cancel", "BI", Kind.FLAG, length=1),
    )
    no_block: bool = False
    transaction_date: datetime | None = None
    return_date: datetime | None = None
    current_location: str = ""
    institution_id: str = ""
    item_identifier: str = ""
    terminal_password: str | None = ""
    item_properties: str | None = None
    cancel: bool | None = None


@dataclass(frozen=True, kw_only=True)
class BlockPatronRequest(Message):
    CODE = "01"
    FIXED = (Fixed("card_retained", 1, Kind.FLAG), TRANSACTION_DATE)
    TAGGED = (
        AO,
        Tagged("blocked_card_message", "AL", required=True),
        AA,
        Tagged("terminal_password", "AC", required=True),
    )
    card_retained: bool = False
    transaction_date: datetime | None = None
    institution_id: str = ""
    blocked_card_message: str = ""
    patron_identifier: str = ""
    terminal_password: str | None = ""


@dataclass(frozen=True, kw_only=True)
class PatronInformationRequest(Message):
    CODE = "63"
    FIXED = (Fixed("language", 3), TRANSACTION_DATE, Fixed("summary", 10))
    TAGGED = (AO, AA, AC, AD, Tagged("start_item", "BP"), Tagged("end_item", "BQ"))
    language: str = "000"
    transaction_date: datetime | None = None
    summary: str = " " * 10  # Y at 0 holds, 1 overdue, 2 charged, 3 fines, 4 recalls, 5 unavailable
    institution_id: str = ""
    patron_identifier: str = ""
    terminal_password: str | None = None
    patron_password: str | None = None
    start_item: str | None = None
    end_item: str | None = None


@dataclass(frozen=True, kw_only=True)
class EndPatronSessionRequest(Message):
    CODE = "35"
    FIXED = (TRANSACTION_DATE,)
    TAGGED = (AO, AA, AC, AD)
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    terminal_password: str | None = None
    patron_password: str | None = None


@dataclass(frozen=True, kw_only=True)
class FeePaidRequest(Message):
    CODE = "37"
    FIXED = (
        TRANSACTION_DATE,
        Fixed("fee_type", 2),
        Fixed("payment_type", 2),
        Fixed("currency_type", 3),
    )
    TAGGED = (
        Tagged("fee_amount", "BV", required=True),
        AO,
        AA,
        AC,
        AD,
        Tagged("fee_identifier", "CG"),
        Tagged("transaction_id", "BK"),
    )
    transaction_date: datetime | None = None
    fee_type: str = "01"
    payment_type: str = "00"
    currency_type: str = "EUR"
    fee_amount: str = ""
    institution_id: str = ""
    patron_identifier: str = ""
    terminal_password: str | None = None
    patron_password: str | None = None
    fee_identifier: str | None = None
    transaction_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class ItemInformationRequest(Message):
    CODE = "17"
    FIXED = (TRANSACTION_DATE,)
    TAGGED = (AO, Tagged("item_identifier", "AB", required=True), AC)
    transaction_date: datetime | None = None
    institution_id: str = ""
    item_identifier: str = ""
    terminal_password: str | None = None


@dataclass(frozen=True, kw_only=True)
class ItemStatusUpdateRequest(Message):
    CODE = "19"
    FIXED = (TRANSACTION_DATE,)
    TAGGED = (
        AO,
        Tagged("item_identifier", "AB", required=True),
        AC,
        Tagged("item_properties", "CH", required=True),
    )
    transaction_date: datetime | None = None
    institution_id: str = ""
    item_identifier: str = ""
    terminal_password: str | None = None
    item_properties: str = ""


@dataclass(frozen=True, kw_only=True)
class PatronEnableRequest(Message):
    CODE = "25"
    FIXED = (TRANSACTION_DATE,)
    TAGGED = (AO, AA, AC, AD)
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    terminal_password: str | None = None
    patron_password: str | None = None


@dataclass(frozen=True, kw_only=True)
class HoldRequest(Message):
    CODE = "15"
    FIXED = (Fixed("hold_mode", 1), TRANSACTION_DATE)
    TAGGED = (
        Tagged("expiration_date", "BW", Kind.DATE, length=18),
        Tagged("pickup_location", "BS"),
        Tagged("hold_type", "BY", length=1),
        AO,
        AA,
        AD,
        Tagged("item_identifier", "AB"),
        Tagged("title_identifier", "AJ"),
        AC,
        Tagged("fee_acknowledged", "BO", Kind.FLAG, length=1),
    )
    hold_mode: str = "+"  # + add, - delete, * change
    transaction_date: datetime | None = None
    expiration_date: datetime | None = None
    pickup_location: str | None = None
    hold_type: str | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    patron_password: str | None = None
    item_identifier: str | None = None
    title_identifier: str | None = None
    terminal_password: str | None = None
    fee_acknowledged: bool | None = None


@dataclass(frozen=True, kw_only=True)
class RenewRequest(Message):
    CODE = "29"
    FIXED = (
        Fixed("third_party_allowed", 1, Kind.FLAG),
        Fixed("no_block", 1, Kind.FLAG),
        TRANSACTION_DATE,
        Fixed("nb_due_date", 18, Kind.DATE),
    )
    TAGGED = (
        AO,
        AA,
        AD,
        Tagged("item_identifier", "AB"),
        Tagged("title_identifier", "AJ"),
        AC,
        Tagged("item_properties", "CH"),
        Tagged("fee_acknowledged", "BO", Kind.FLAG, length=1),
    )
    third_party_allowed: bool = False
    no_block: bool = False
    transaction_date: datetime | None = None
    nb_due_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    patron_password: str | None = None
    item_identifier: str | None = None
    title_identifier: str | None = None
    terminal_password: str | None = None
    item_properties: str | None = None
    fee_acknowledged: bool | None = None


@dataclass(frozen=True, kw_only=True)
class RenewAllRequest(Message):
    CODE = "65"
    FIXED = (TRANSACTION_DATE,)
    TAGGED = (AO, AA, AD, AC, Tagged("fee_acknowledged", "BO", Kind.FLAG, length=1))
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    patron_password: str | None = None
    terminal_password: str | None = None
    fee_acknowledged: bool | None = None


# -- responses (ACS -> SC) ----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class LoginResponse(Message):
    CODE = "94"
    FIXED = (Fixed("ok", 1, Kind.BIT),)
    ok: bool = False


@dataclass(frozen=True, kw_only=True)
class ACSStatus(Message):
    CODE = "98"
    FIXED = (
        Fixed("online_status", 1, Kind.FLAG),
        Fixed("checkin_ok", 1, Kind.FLAG),
        Fixed("checkout_ok", 1, Kind.FLAG),
        Fixed("acs_renewal_policy", 1, Kind.FLAG),
        Fixed("status_update_ok", 1, Kind.FLAG),
        Fixed("offline_ok", 1, Kind.FLAG),
        Fixed("timeout_period", 3),
        Fixed("retries_allowed", 3),
        Fixed("date_time_sync", 18, Kind.DATE),
        Fixed("protocol_version", 4),
    )
    TAGGED = (
        AO,
        Tagged("library_name", "AM"),
        Tagged("supported_messages", "BX", required=True),
        Tagged("terminal_location", "AN"),
        AF,
        AG,
    )
    online_status: bool = True
    checkin_ok: bool = True
    checkout_ok: bool = True
    acs_renewal_policy: bool = True
    status_update_ok: bool = False
    offline_ok: bool = False
    timeout_period: str = "030"  # tenths of a second
    retries_allowed: str = "003"
    date_time_sync: datetime | None = None
    protocol_version: str = "2.00"
    institution_id: str = ""
    library_name: str | None = None
    supported_messages: str = "N" * 16
    terminal_location: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RequestSCResend(Message):
    CODE = "96"


@dataclass(frozen=True, kw_only=True)
class PatronStatusResponse(Message):
    CODE = "24"
    FIXED = (Fixed("patron_status", 14, Kind.STATUS), Fixed("language", 3), TRANSACTION_DATE)
    TAGGED = (
        AO,
        AA,
        Tagged("personal_name", "AE", required=True),
        Tagged("valid_patron", "BL", Kind.FLAG, length=1),
        Tagged("valid_patron_password", "CQ", Kind.FLAG, length=1),
        Tagged("currency_type", "BH", length=3),
        Tagged("fee_amount", "BV"),
        AF,
        AG,
    )
    patron_status: PatronStatus = field(default_factory=PatronStatus)
    language: str = "000"
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    personal_name: str = ""
    valid_patron: bool | None = None
    valid_patron_password: bool | None = None
    currency_type: str | None = None
    fee_amount: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


_CIRCULATION_FIXED = (
    Fixed("ok", 1, Kind.BIT),
    Fixed("renewal_ok", 1, Kind.FLAG),
    Fixed("magnetic_media", 1, Kind.YNU),
    Fixed("desensitize", 1, Kind.YNU),
    TRANSACTION_DATE,
)
_CIRCULATION_TAGGED = (
    AO,
    AA,
    Tagged("item_identifier", "AB", required=True),
    Tagged("title_identifier", "AJ", required=True),
    Tagged("due_date", "AH", required=True),
    Tagged("fee_type", "BT", length=2),
    Tagged("security_inhibit", "CI", Kind.FLAG, length=1),
    Tagged("currency_type", "BH", length=3),
    Tagged("fee_amount", "BV"),
    Tagged("media_type", "CK", length=3),
    Tagged("item_properties", "CH"),
    Tagged("transaction_id", "BK"),
    AF,
    AG,
)


@dataclass(frozen=True, kw_only=True)
class CheckoutResponse(Message):
    CODE = "12"
    FIXED = _CIRCULATION_FIXED
    TAGGED = _CIRCULATION_TAGGED
    ok: bool = False
    renewal_ok: bool = False
    magnetic_media: bool | None = None
    desensitize: bool | None = None
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    item_identifier: str = ""
    title_identifier: str = ""
    due_date: str = ""  # free format: the ACS writes it as it likes
    fee_type: str | None = None
    security_inhibit: bool | None = None
    currency_type: str | None = None
    fee_amount: str | None = None
    media_type: str | None = None
    item_properties: str | None = None
    transaction_id: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RenewResponse(CheckoutResponse):
    CODE = "30"


@dataclass(frozen=True, kw_only=True)
class CheckinResponse(Message):
    CODE = "10"
    FIXED = (
        Fixed("ok", 1, Kind.BIT),
        Fixed("resensitize", 1, Kind.FLAG),
        Fixed("magnetic_media", 1, Kind.YNU),
        Fixed("alert", 1, Kind.FLAG),
        TRANSACTION_DATE,
    )
    TAGGED = (
        AO,
        Tagged("item_identifier", "AB", required=True),
        Tagged("permanent_location", "AQ", required=True),
        Tagged("title_identifier", "AJ"),
        Tagged("sort_bin", "CL"),
        Tagged("patron_identifier", "AA"),
        Tagged("media_type", "CK", length=3),
        Tagged("item_properties", "CH"),
        AF,
        AG,
    )
    ok: bool = False
    resensitize: bool = False
    magnetic_media: bool | None = None
    alert: bool = False
    transaction_date: datetime | None = None
    institution_id: str = ""
    item_identifier: str = ""
    permanent_location: str = ""
    title_identifier: str | None = None
    sort_bin: str | None = None
    patron_identifier: str | None = None
    media_type: str | None = None
    item_properties: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class PatronInformationResponse(Message):
    CODE = "64"
    FIXED = (
        Fixed("patron_status", 14, Kind.STATUS),
        Fixed("language", 3),
        TRANSACTION_DATE,
        Fixed("hold_items_count", 4, Kind.COUNT),
        Fixed("overdue_items_count", 4, Kind.COUNT),
        Fixed("charged_items_count", 4, Kind.COUNT),
        Fixed("fine_items_count", 4, Kind.COUNT),
        Fixed("recall_items_count", 4, Kind.COUNT),
        Fixed("unavailable_holds_count", 4, Kind.COUNT),
    )
    TAGGED = (
        AO,
        AA,
        Tagged("personal_name", "AE", required=True),
        Tagged("hold_items_limit", "BZ", length=4),
        Tagged("overdue_items_limit", "CA", length=4),
        Tagged("charged_items_limit", "CB", length=4),
        Tagged("valid_patron", "BL", Kind.FLAG, length=1),
        Tagged("valid_patron_password", "CQ", Kind.FLAG, length=1),
        Tagged("currency_type", "BH", length=3),
        Tagged("fee_amount", "BV"),
        Tagged("fee_limit", "CC"),
        Tagged("hold_items", "AS", repeat=True),
        Tagged("overdue_items", "AT", repeat=True),
        Tagged("charged_items", "AU", repeat=True),
        Tagged("fine_items", "AV", repeat=True),
        Tagged("recall_items", "BU", repeat=True),
        Tagged("unavailable_hold_items", "CD", repeat=True),
        Tagged("home_address", "BD"),
        Tagged("email_address", "BE"),
        Tagged("home_phone_number", "BF"),
        AF,
        AG,
    )
    patron_status: PatronStatus = field(default_factory=PatronStatus)
    language: str = "000"
    transaction_date: datetime | None = None
    hold_items_count: int | None = None
    overdue_items_count: int | None = None
    charged_items_count: int | None = None
    fine_items_count: int | None = None
    recall_items_count: int | None = None
    unavailable_holds_count: int | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    personal_name: str = ""
    hold_items_limit: str | None = None
    overdue_items_limit: str | None = None
    charged_items_limit: str | None = None
    valid_patron: bool | None = None
    valid_patron_password: bool | None = None
    currency_type: str | None = None
    fee_amount: str | None = None
    fee_limit: str | None = None
    hold_items: tuple[str, ...] = ()
    overdue_items: tuple[str, ...] = ()
    charged_items: tuple[str, ...] = ()
    fine_items: tuple[str, ...] = ()
    recall_items: tuple[str, ...] = ()
    unavailable_hold_items: tuple[str, ...] = ()
    home_address: str | None = None
    email_address: str | None = None
    home_phone_number: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class EndSessionResponse(Message):
    CODE = "36"
    FIXED = (Fixed("end_session", 1, Kind.FLAG), TRANSACTION_DATE)
    TAGGED = (AO, AA, AF, AG)
    end_session: bool = True
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class FeePaidResponse(Message):
    CODE = "38"
    FIXED = (Fixed("payment_accepted", 1, Kind.FLAG), TRANSACTION_DATE)
    TAGGED = (AO, AA, Tagged("transaction_id", "BK"), AF, AG)
    payment_accepted: bool = False
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    transaction_id: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ItemInformationResponse(Message):
    CODE = "18"
    FIXED = (
        Fixed("circulation_status", 2),
        Fixed("security_marker", 2),
        Fixed("fee_type", 2),
        TRANSACTION_DATE,
    )
    TAGGED = (
        Tagged("hold_queue_length", "CF"),
        Tagged("due_date", "AH"),
        Tagged("recall_date", "CJ", Kind.DATE, length=18),
        Tagged("hold_pickup_date", "CM", Kind.DATE, length=18),
        Tagged("item_identifier", "AB", required=True),
        Tagged("title_identifier", "AJ", required=True),
        Tagged("owner", "BG"),
        Tagged("currency_type", "BH", length=3),
        Tagged("fee_amount", "BV"),
        Tagged("media_type", "CK", length=3),
        Tagged("permanent_location", "AQ"),
        Tagged("current_location", "AP"),
        Tagged("item_properties", "CH"),
        AF,
        AG,
    )
    circulation_status: str = "01"  # 03 available, 04 charged, 08 on hold shelf, 10 in transit...
    security_marker: str = "01"
    fee_type: str = "01"
    transaction_date: datetime | None = None
    hold_queue_length: str | None = None
    due_date: str | None = None
    recall_date: datetime | None = None
    hold_pickup_date: datetime | None = None
    item_identifier: str = ""
    title_identifier: str = ""
    owner: str | None = None
    currency_type: str | None = None
    fee_amount: str | None = None
    media_type: str | None = None
    permanent_location: str | None = None
    current_location: str | None = None
    item_properties: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ItemStatusUpdateResponse(Message):
    CODE = "20"
    FIXED = (Fixed("item_properties_ok", 1, Kind.BIT), TRANSACTION_DATE)
    TAGGED = (
        Tagged("item_identifier", "AB", required=True),
        Tagged("title_identifier", "AJ"),
        Tagged("item_properties", "CH"),
        AF,
        AG,
    )
    item_properties_ok: bool = False
    transaction_date: datetime | None = None
    item_identifier: str = ""
    title_identifier: str | None = None
    item_properties: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class PatronEnableResponse(Message):
    CODE = "26"
    FIXED = (Fixed("patron_status", 14, Kind.STATUS), Fixed("language", 3), TRANSACTION_DATE)
    TAGGED = (
        AO,
        AA,
        Tagged("personal_name", "AE", required=True),
        Tagged("valid_patron", "BL", Kind.FLAG, length=1),
        Tagged("valid_patron_password", "CQ", Kind.FLAG, length=1),
        AF,
        AG,
    )
    patron_status: PatronStatus = field(default_factory=PatronStatus)
    language: str = "000"
    transaction_date: datetime | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    personal_name: str = ""
    valid_patron: bool | None = None
    valid_patron_password: bool | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class HoldResponse(Message):
    CODE = "16"
    FIXED = (Fixed("ok", 1, Kind.BIT), Fixed("available", 1, Kind.FLAG), TRANSACTION_DATE)
    TAGGED = (
        Tagged("expiration_date", "BW", Kind.DATE, length=18),
        Tagged("queue_position", "BR"),
        Tagged("pickup_location", "BS"),
        AO,
        AA,
        Tagged("item_identifier", "AB"),
        Tagged("title_identifier", "AJ"),
        AF,
        AG,
    )
    ok: bool = False
    available: bool = False
    transaction_date: datetime | None = None
    expiration_date: datetime | None = None
    queue_position: str | None = None
    pickup_location: str | None = None
    institution_id: str = ""
    patron_identifier: str = ""
    item_identifier: str | None = None
    title_identifier: str | None = None
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RenewAllResponse(Message):
    CODE = "66"
    FIXED = (
        Fixed("ok", 1, Kind.BIT),
        Fixed("renewed_count", 4, Kind.COUNT),
        Fixed("unrenewed_count", 4, Kind.COUNT),
        TRANSACTION_DATE,
    )
    TAGGED = (
        AO,
        Tagged("renewed_items", "BM", repeat=True),
        Tagged("unrenewed_items", "BN", repeat=True),
        AF,
        AG,
    )
    ok: bool = False
    renewed_count: int | None = 0
    unrenewed_count: int | None = 0
    transaction_date: datetime | None = None
    institution_id: str = ""
    renewed_items: tuple[str, ...] = ()
    unrenewed_items: tuple[str, ...] = ()
    screen_messages: tuple[str, ...] = ()
    print_lines: tuple[str, ...] = ()


MESSAGE_TYPES: dict[str, type[Message]] = {
    cls.CODE: cls
    for cls in (
        LoginRequest,
        SCStatus,
        RequestACSResend,
        PatronStatusRequest,
        CheckoutRequest,
        CheckinRequest,
        BlockPatronRequest,
        PatronInformationRequest,
        EndPatronSessionRequest,
        FeePaidRequest,
        ItemInformationRequest,
        ItemStatusUpdateRequest,
        PatronEnableRequest,
        HoldRequest,
        RenewRequest,
        RenewAllRequest,
        LoginResponse,
        ACSStatus,
        RequestSCResend,
        PatronStatusResponse,
        CheckoutResponse,
        CheckinResponse,
        PatronInformationResponse,
        EndSessionResponse,
        FeePaidResponse,
        ItemInformationResponse,
        ItemStatusUpdateResponse,
        PatronEnableResponse,
        HoldResponse,
        RenewResponse,
        RenewAllResponse,
    )
}

# The 16 positions of ACS Status BX, by the request code of each message pair.
SUPPORTED_MESSAGES_ORDER = (
    "23",
    "11",
    "09",
    "01",
    "99",
    "97",
    "93",
    "63",
    "35",
    "37",
    "17",
    "19",
    "25",
    "15",
    "29",
    "65",
)
