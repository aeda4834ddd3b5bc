"""What Koha's SIP2 server says, word for word, and the codes it answers with.

Read from Koha-Community/Koha: C4/SIP/Sip/MsgType.pm (INVALID_CARD, INVALID_PW, "Item is damaged"),
C4/SIP/ILS.pm (checkout, checkin, renew, hold and fee refusals), C4/SIP/ILS/Transaction/Checkout.pm
(what CanBookBeIssued's codes become), Checkin.pm (alert types), Renew.pm (renewal refusals),
C4/SIP/ILS/Patron.pm with C4::Members::patronflags (the greeting and what is appended to it),
C4/SIP/ILS/Item.pm (circulation status, security marker, fee type) and Koha::Exceptions::Account.
The double space in "Please return item for check-in" and the missing full stops are Koha's.
"""

from __future__ import annotations

# -- patrons (Patron.pm, patronflags, MsgType.pm) ----------------------------------------
GREETING = "Greetings from Koha. "  # every valid patron's screen message starts so
SEPARATOR = " -- "  # between the greeting and each note Koha appends
INVALID_CARD = "Invalid cardnumber"  # 24/64 for a card nobody has
INVALID_PW = "Invalid password"  # appended to 24/64's message when AD is wrong
ACCOUNT_EXPIRED = "Your account has expired as of {date}"
CARD_WILL_EXPIRE = "Your card will expire on {date}"  # NotifyBorrowerDeparture days ahead
BLOCKED_BY_FINES = "Patron blocked by fines"
PATRON_OWES = "Patron owes {amount:.2f}"
PATRON_CREDIT = "Patron has credit of {amount:.2f}"
NO_VALID_ADDRESS = "Borrower has no valid address."
CARD_REPORTED_LOST = "Borrower's card reported lost."
BLOCK_NOT_IMPLEMENTED = "Block feature not implemented"  # 01: nothing is stored
ENABLE_NOT_IMPLEMENTED = "Enable feature not implemented."  # 25: nothing is stored
THANK_YOU = "Thank you!"  # 35

# -- checkout (ILS.pm checkout, Transaction/Checkout.pm do_checkout) ---------------------
INVALID_PATRON = "Invalid Patron"
INVALID_ITEM = "Invalid Item"
INVALID_PATRON_PASSWORD = "Invalid patron password."
PATRON_DEBARRED = "Patron debarred"
PATRON_EXPIRED_ON = "Patron expired on {date}"
PATRON_HAS_FINES = "Patron has fines"
YOU_OWE = " - You owe {amount}."  # after PATRON_HAS_FINES with show_outstanding_amount
PATRON_BLOCKED = "Patron blocked"
CHECKED_OUT_TO_ANOTHER = "Item checked out to another patron"
ISSUE_FAILED = "Issue failed : {code}"  # the first of CanBookBeIssued's blockers
RENEWING = "Item already checked out to you: renewing item."
RESERVED_FOR_ANOTHER = "Item is reserved for another patron upon return."
ON_HOLD_FOR_ANOTHER = "Item is on hold for another patron."
ISSUED_TO_ANOTHER = "Item already checked out to another patron.  Please return item for check-in."
OUTSTANDING_FINES = "Outstanding Fines block issue"
CANNOT_BE_ISSUED = "Item cannot be issued: {code}"

# What each confirmation CanBookBeIssued asks for becomes at a self-check: allowed (RENEW_ISSUE,
# a renewal) or refused with a message; codes not named here are refused with CANNOT_BE_ISSUED.
CONFIRMATION_REFUSALS = {
    "RESERVED": RESERVED_FOR_ANOTHER,  # AllowItemsOnHoldCheckoutSIP is off by default
    "RESERVE_WAITING": ON_HOLD_FOR_ANOTHER,
    "TRANSFERRED": ON_HOLD_FOR_ANOTHER,
    "PROCESSING": ON_HOLD_FOR_ANOTHER,
    "ISSUED_TO_ANOTHER": ISSUED_TO_ANOTHER,
    "DEBT": OUTSTANDING_FINES,
}
ALLOWED_CONFIRMATIONS = frozenset({"RENEW_ISSUE"})
# After these Koha stops looking at further confirmations ("last" in do_checkout).
FINAL_CONFIRMATIONS = frozenset({"ISSUED_TO_ANOTHER", "DEBT"})

# -- checkin (ILS.pm checkin, Transaction/Checkin.pm) ------------------------------------
ITEM_NOT_CHECKED_OUT = "Item not checked out"  # checked_in_ok is off by default: ok 0
WITHDRAWN_RETURN = "Item withdrawn, return not allowed"  # BlockReturnOfWithdrawnItems on
YOU_OWE_FOR_ITEM = "You owe {amount} for this item."  # with show_outstanding_amount

# CV alert types (3M extension): Checkin.pm
ALERT_HOLD_HERE = "01"  # hold found, waiting at this library
ALERT_HOLD_ELSEWHERE = "02"  # hold found for another library: in transit
ALERT_SEND_ELSEWHERE = "04"  # returned away from home: send it home
ALERT_OTHER = "99"  # unknown barcode, withdrawn, blocked by a hold...

# -- item information (MsgType.pm handle_item_information, Item.pm) ----------------------
ITEM_DAMAGED = "Item is damaged"  # sent with circulation status 01
STATUS_OTHER = "01"  # damaged, and unknown barcodes
STATUS_ON_ORDER = "02"
STATUS_AVAILABLE = "03"
STATUS_CHARGED = "04"
STATUS_ON_HOLD_SHELF = "08"
STATUS_RESHELVING = "09"  # shelving location CART
STATUS_IN_TRANSIT = "10"
STATUS_LOST = "12"
SECURITY_MARKER = "02"  # Item.pm: always tattle-tape
SECURITY_MARKER_UNKNOWN = "01"
FEE_TYPE_OTHER = "01"

# -- renew (ILS.pm renew, renew_all; Transaction/Renew.pm) -------------------------------
INVALID_PATRON_BARCODE = "Invalid patron barcode."
RENEWALS_NOT_ALLOWED = "Renewals not allowed."
NOT_CHECKED_OUT_TO = "Item not checked out to {name}"
RENEWAL_REFUSALS = {  # CanBookBeRenewed's codes as Renew.pm rewrites them; others pass as is
    "on_reserve": "Item unavailable due to outstanding holds",
    "too_many": "Item has reached maximum renewals",
    "too_unseen": "Item has reached maximum consecutive renewals without being seen",
    "item_denied_renewal": "Item renewal is not allowed",
    "item_issued_to_other_patron": "Item already issued to other borrower",
}

# -- holds (ILS.pm add_hold, cancel_hold, alter_hold; MsgType.pm handle_hold) ------------
NO_SUCH_ITEM = "No such item."
EXCESSIVE_FEES_HOLD = "Excessive fees blocking placement of hold."  # said, yet the hold is placed
HOLD_CANCELLED = "Hold Cancelled."
DROP_HOLD_FAILED = "Error with transaction drop_hold: "
NO_SUCH_OUTSTANDING_HOLD = "No such outstanding hold."
SYSTEM_ERROR = "System error. Please contact library staff."

# -- fee paid (FeePayment.pm: Koha::Exceptions::Account::AmountNotPositive) --------------
AMOUNT_NOT_POSITIVE = "Amount should be a positive decimal"

# -- 3M and Koha extension fields --------------------------------------------------------
FIELD_CALL_NUMBER = "CS"
FIELD_DESTINATION = "CT"
FIELD_ALERT_TYPE = "CV"
FIELD_HOLD_PATRON_ID = "CY"
FIELD_HOLD_PATRON_NAME = "DA"
FIELD_PATRON_BIRTHDATE = "PB"
FIELD_PATRON_CLASS = "PC"
FIELD_INTERNET_PROFILE = "PI"
FIELD_VALID_PATRON = "BL"
FIELD_VALID_PATRON_PASSWORD = "CQ"

# -- settings Koha has and the sandbox does not, at Koha's defaults ----------------------
DATE_FORMAT = "%m/%d/%Y"  # dateformat "us", the installer's default
MAXOUTSTANDING = 5.0  # debt above which Koha warns that holds are blocked
NOTIFY_BORROWER_DEPARTURE_DAYS = 30
# itemtypes.sip_media_type as the demo library sets it (001 book, 006 CD); unset, Koha sends none.
SIP_MEDIA_TYPES = {"BK": "001", "AUD": "006", "REF": "001"}
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def price(amount: float, currency: str) -> str:
    """Koha::Number::Price->format({with_symbol => 1}): the symbol, then two decimals."""
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    return f"{symbol}{amount:.2f}"
