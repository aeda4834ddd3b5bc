"""Sandbox rows as Koha's API objects: Koha's attribute names, types and nulls."""

from __future__ import annotations

import sqlite3
from typing import Any

# API attribute -> column, per resource: what list filters, ``q`` and ``_order_by`` may use.
BIBLIO_COLUMNS = {
    "biblio_id": "biblio_id",
    "title": "title",
    "subtitle": "subtitle",
    "author": "author",
    "isbn": "isbn",
    "issn": "issn",
    "publisher": "publisher",
    "publication_year": "publication_year",
    "framework_id": "framework_id",
    "creation_date": "creation_date",
    "timestamp": "timestamp",
}
ITEM_COLUMNS = {
    "item_id": "item_id",
    "biblio_id": "biblio_id",
    "external_id": "external_id",
    "home_library_id": "home_library_id",
    "holding_library_id": "holding_library_id",
    "item_type_id": "item_type_id",
    "callnumber": "callnumber",
    "location": "location",
    "not_for_loan_status": "not_for_loan_status",
    "lost_status": "lost_status",
    "withdrawn": "withdrawn",
    "damaged_status": "damaged_status",
    "timestamp": "timestamp",
}
PATRON_COLUMNS = {
    "patron_id": "patron_id",
    "cardnumber": "cardnumber",
    "userid": "userid",
    "surname": "surname",
    "firstname": "firstname",
    "email": "email",
    "phone": "phone",
    "library_id": "library_id",
    "category_id": "category_id",
    "expiry_date": "expiry_date",
    "date_of_birth": "date_of_birth",
    "updated_on": "updated_on",
}
CHECKOUT_COLUMNS = {
    "checkout_id": "checkout_id",
    "patron_id": "patron_id",
    "item_id": "item_id",
    "due_date": "due_date",
    "library_id": "library_id",
    "checkout_date": "checkout_date",
    "renewals_count": "renewals_count",
    "timestamp": "timestamp",
    "checkin_date": "checkin_date",
}
HOLD_COLUMNS = {
    "hold_id": "hold_id",
    "patron_id": "patron_id",
    "biblio_id": "biblio_id",
    "item_id": "item_id",
    "pickup_library_id": "pickup_library_id",
    "status": "status",
    "priority": "priority",
    "hold_date": "hold_date",
    "timestamp": "timestamp",
}
LIBRARY_COLUMNS = {
    "library_id": "library_id",
    "name": "name",
    "address1": "address1",
    "phone": "phone",
    "email": "email",
    "url": "url",
    "city": "city",
    "postal_code": "postal_code",
    "country": "country",
    "pickup_location": "pickup_location",
    "public": "public",
}


def _date(value: str | None) -> str | None:
    return value[:10] if value else None


def biblio(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "biblio_id": row["biblio_id"],
        "framework_id": row["framework_id"],
        "title": row["title"],
        "subtitle": row["subtitle"],
        "author": row["author"],
        "isbn": row["isbn"],
        "issn": row["issn"],
        "publisher": row["publisher"],
        "publication_year": row["publication_year"],
        "creation_date": _date(row["creation_date"]),
        "timestamp": row["timestamp"],
    }


def item(row: sqlite3.Row, holds_count: int = 0) -> dict[str, Any]:
    return {
        "item_id": row["item_id"],
        "biblio_id": row["biblio_id"],
        "external_id": row["external_id"],
        "acquisition_date": row["acquisition_date"],
        "bookable": False,
        "home_library_id": row["home_library_id"],
        "holding_library_id": row["holding_library_id"],
        "item_type_id": row["item_type_id"],
        "effective_item_type_id": row["item_type_id"],
        "callnumber": row["callnumber"],
        "location": row["location"],
        "permanent_location": row["location"],
        "not_for_loan_status": row["not_for_loan_status"],
        "effective_not_for_loan_status": row["not_for_loan_status"],
        "damaged_status": row["damaged_status"],
        "lost_status": row["lost_status"],
        "withdrawn": row["withdrawn"],
        "restricted_status": row["restricted_status"],
        "checked_out_date": _date(row["checked_out_date"]),
        "last_checkout_date": _date(row["last_checkout_date"]),
        "last_seen_date": row["last_seen_date"],
        "checkouts_count": row["checkouts_count"],
        "renewals_count": row["renewals_count"],
        "holds_count": holds_count,
        "replacement_price": row["replacement_price"],
        "public_notes": row["public_notes"],
        "exclude_from_local_holds_priority": False,
        "timestamp": row["timestamp"],
    }


def patron(row: sqlite3.Row, today: str) -> dict[str, Any]:
    restricted = bool(row["restricted_until"] and row["restricted_until"] > today)  # is_debarred
    return {
        "patron_id": row["patron_id"],
        "cardnumber": row["cardnumber"],
        "userid": row["userid"],
        "surname": row["surname"],
        "firstname": row["firstname"],
        "email": row["email"],
        "phone": row["phone"],
        "address": row["address"],
        "city": row["city"],
        "postal_code": row["postal_code"],
        "country": row["country"],
        "date_of_birth": row["date_of_birth"],
        "library_id": row["library_id"],
        "category_id": row["category_id"],
        "date_enrolled": row["date_enrolled"],
        "expiry_date": row["expiry_date"],
        "incorrect_address": bool(row["incorrect_address"]),
        "patron_card_lost": bool(row["patron_card_lost"]),
        "restricted": restricted,
        "lang": row["lang"],
        "login_attempts": row["login_attempts"],
        "updated_on": row["updated_on"],
        "anonymized": False,
        "autorenew_checkouts": True,
        "privacy": row["privacy"],
        "staff_notes": row["staff_notes"],
        "privacy_guarantor_checkouts": 0,
        "privacy_guarantor_fines": False,
        "check_previous_checkout": "inherit",
        "protected": False,
    }


def checkout(row: sqlite3.Row) -> dict[str, Any]:
    keys = row.keys()
    return {
        "checkout_id": row["checkout_id"],
        "patron_id": row["patron_id"],
        "item_id": row["item_id"],
        "due_date": row["due_date"],
        "library_id": row["library_id"],
        "issuer_id": row["issuer_id"],
        "checkin_date": row["checkin_date"] if "checkin_date" in keys else None,
        "last_renewed_date": row["last_renewed_date"],
        "renewals_count": row["renewals_count"],
        "unseen_renewals": row["unseen_renewals"],
        "auto_renew": bool(row["auto_renew"]),
        "auto_renew_error": None,
        "timestamp": row["timestamp"],
        "checkout_date": row["checkout_date"],
        "onsite_checkout": bool(row["onsite_checkout"]),
        "note": row["note"],
        "note_date": None,
        "note_seen": None,
    }


def hold(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "hold_id": row["hold_id"],
        "patron_id": row["patron_id"],
        "hold_date": row["hold_date"],
        "biblio_id": row["biblio_id"],
        "item_group_id": None,
        "pickup_library_id": row["pickup_library_id"],
        "desk_id": None,
        "cancellation_date": None,
        "cancellation_reason": None,
        "notes": row["notes"],
        "priority": row["priority"],
        "status": row["status"],
        "timestamp": row["timestamp"],
        # Koha's hold definition types item_id as a string.
        "item_id": str(row["item_id"]) if row["item_id"] is not None else None,
        "waiting_date": row["waiting_date"],
        "expiration_date": row["expiration_date"],
        "lowest_priority": False,
        "suspended": bool(row["suspended"]),
        "suspended_until": row["suspended_until"],
        "non_priority": bool(row["non_priority"]),
        "item_type": row["item_type"],
        "item_level": bool(row["item_level"]),
    }


def transfer(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "library_transfer_id": row["transfer_id"],
        "item_id": row["item_id"],
        "date_requested": row["date_requested"],
        "date_sent": row["date_sent"],
        "to_library_id": row["to_library_id"],
        "date_arrived": row["date_arrived"],
        "date_cancelled": row["date_cancelled"],
        "from_library_id": row["from_library_id"],
        "comments": row["comments"],
        "reason": row["reason"],
        "cancellation_reason": row["cancellation_reason"],
    }


def library(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "library_id": row["library_id"],
        "name": row["name"],
        "address1": row["address1"],
        "address2": None,
        "address3": None,
        "postal_code": row["postal_code"],
        "city": row["city"],
        "state": None,
        "country": row["country"],
        "phone": row["phone"],
        "fax": None,
        "email": row["email"],
        "url": row["url"],
        "notes": None,
        "pickup_location": bool(row["pickup_location"]),
        "public": bool(row["public"]),
    }


def account_line(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "account_line_id": row["account_line_id"],
        "checkout_id": row["checkout_id"],
        "patron_id": row["patron_id"],
        "item_id": row["item_id"],
        "date": row["date"],
        "amount": row["amount"],
        "description": row["description"],
        "account_type": None,
        "debit_type": row["debit_type"],
        "credit_type": row["credit_type"],
        "payment_type": row["payment_type"],
        "amount_outstanding": row["amount_outstanding"],
        "last_increment": None,
        "timestamp": row["timestamp"],
        "internal_note": None,
        "user_id": None,
        "library_id": row["library_id"],
        "interface": row["interface"],
        "status": row["status"],
        "cash_register_id": None,
    }
