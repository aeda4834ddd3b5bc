"""Koha's own REST definitions as JSON Schema, to hold the sandbox's answers against.

Transcribed by hand from Koha-Community/Koha, ``api/v1/swagger/definitions/<name>.yaml``, one
commit per file as named above each schema. Only what makes the contract is kept: property names,
JSON types (with "null" where Koha allows it), ``required`` and ``additionalProperties`` exactly as
Koha has them. Descriptions, formats and lengths are left out. Where Koha refers to another
definition (``$ref: account_line.yaml``), the transcription here is used in its place.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

STRING_OR_NULL = ["string", "null"]
INTEGER_OR_NULL = ["integer", "null"]
NUMBER_OR_NULL = ["number", "null"]
BOOLEAN_OR_NULL = ["boolean", "null"]
OBJECT_OR_NULL = ["object", "null"]
ARRAY_OR_NULL = ["array", "null"]


def _object(
    properties: dict[str, str | list[str] | Schema],
    *,
    required: tuple[str, ...] = (),
    additional: bool = False,
) -> Schema:
    """A Koha definition: each property a JSON type, a list of types, or a schema of its own."""
    schema: Schema = {
        "type": "object",
        "properties": {
            name: kind if isinstance(kind, dict) else {"type": kind}
            for name, kind in properties.items()
        },
        "additionalProperties": additional,
    }
    if required:
        schema["required"] = list(required)
    return schema


# api/v1/swagger/definitions/error.yaml @ 46d19dd6176df12410bbc4aa17508174a2935ef8
# Only "error" is declared; "error_code" and the rest travel as additional properties.
ERROR = _object({"error": "string"}, additional=True)

# api/v1/swagger/definitions/item.yaml @ 09934c016094f1856a85596779fdf2d71c505f9e
# Koha's file declares "biblio" twice ({} and then object/null); YAML keeps the second.
ITEM = _object(
    {
        "item_id": "integer",
        "biblio_id": "integer",
        "external_id": STRING_OR_NULL,
        "acquisition_date": STRING_OR_NULL,
        "acquisition_source": STRING_OR_NULL,
        "bookable": "boolean",
        "home_library_id": STRING_OR_NULL,
        "purchase_price": NUMBER_OR_NULL,
        "replacement_price": NUMBER_OR_NULL,
        "replacement_price_date": STRING_OR_NULL,
        "last_checkout_date": STRING_OR_NULL,
        "last_seen_date": STRING_OR_NULL,
        "not_for_loan_status": "integer",
        "effective_not_for_loan_status": "integer",
        "damaged_status": "integer",
        "damaged_date": STRING_OR_NULL,
        "lost_status": "integer",
        "lost_date": STRING_OR_NULL,
        "withdrawn": "integer",
        "withdrawn_date": STRING_OR_NULL,
        "callnumber": STRING_OR_NULL,
        "coded_location_qualifier": STRING_OR_NULL,
        "checkouts_count": INTEGER_OR_NULL,
        "renewals_count": INTEGER_OR_NULL,
        "holds_count": INTEGER_OR_NULL,
        "restricted_status": INTEGER_OR_NULL,
        "public_notes": STRING_OR_NULL,
        "internal_notes": STRING_OR_NULL,
        "holding_library_id": STRING_OR_NULL,
        "timestamp": "string",
        "location": STRING_OR_NULL,
        "permanent_location": STRING_OR_NULL,
        "checked_out_date": STRING_OR_NULL,
        "call_number_source": STRING_OR_NULL,
        "call_number_sort": STRING_OR_NULL,
        "collection_code": STRING_OR_NULL,
        "materials_notes": STRING_OR_NULL,
        "uri": STRING_OR_NULL,
        "item_type_id": STRING_OR_NULL,
        "effective_item_type_id": STRING_OR_NULL,
        "extended_subfields": STRING_OR_NULL,
        "serial_issue_number": STRING_OR_NULL,
        "copy_number": STRING_OR_NULL,
        "inventory_number": STRING_OR_NULL,
        "new_status": STRING_OR_NULL,
        "exclude_from_local_holds_priority": "boolean",
        "return_claims": "array",
        "return_claim": OBJECT_OR_NULL,
        "cover_image_ids": ARRAY_OR_NULL,
        "item_group_item": OBJECT_OR_NULL,
        "serialitem": OBJECT_OR_NULL,
        "biblio": OBJECT_OR_NULL,
        "checkout": OBJECT_OR_NULL,
        "transfer": OBJECT_OR_NULL,
        "first_hold": OBJECT_OR_NULL,
        "recall": OBJECT_OR_NULL,
        "item_type": OBJECT_OR_NULL,
        "in_bundle": BOOLEAN_OR_NULL,
        "bundle_host": OBJECT_OR_NULL,
        "bundle_items_lost_count": INTEGER_OR_NULL,
        "bundle_items_not_lost_count": INTEGER_OR_NULL,
        "course_item": OBJECT_OR_NULL,
        "_strings": OBJECT_OR_NULL,
    }
)

# api/v1/swagger/definitions/checkout.yaml @ 0fcac52de5ae2739517c79c9ed898fc553363d0c
CHECKOUT = _object(
    {
        "checkout_id": "integer",
        "patron_id": "integer",
        "item_id": INTEGER_OR_NULL,
        "booking_id": INTEGER_OR_NULL,
        "external_id": STRING_OR_NULL,
        "due_date": "string",
        "library_id": STRING_OR_NULL,
        "issuer_id": INTEGER_OR_NULL,
        "checkin_date": STRING_OR_NULL,
        "checkin_library_id": STRING_OR_NULL,
        "last_renewed_date": STRING_OR_NULL,
        "renewals_count": INTEGER_OR_NULL,
        "unseen_renewals": INTEGER_OR_NULL,
        "auto_renew": "boolean",
        "auto_renew_error": STRING_OR_NULL,
        "timestamp": "string",
        "checkout_date": "string",
        "onsite_checkout": "boolean",
        "note": STRING_OR_NULL,
        "note_date": STRING_OR_NULL,
        "note_seen": BOOLEAN_OR_NULL,
        "issuer": OBJECT_OR_NULL,
        "item": OBJECT_OR_NULL,
        "library": OBJECT_OR_NULL,
        "patron": OBJECT_OR_NULL,
        "booking": OBJECT_OR_NULL,
    }
)

# api/v1/swagger/definitions/checkout_availability.yaml @ 4b47f8e48f1ee27d6f2aa5da8f01dceeff96c6aa
CHECKOUT_AVAILABILITY = _object(
    {
        "blockers": "object",
        "confirms": "object",
        "warnings": "object",
        "confirmation_token": STRING_OR_NULL,
    }
)

# api/v1/swagger/definitions/patron.yaml @ 131ff0f4025eec5ac7d4b72c9add0e73d76cd7eb
PATRON = _object(
    {
        "patron_id": "integer",
        "cardnumber": STRING_OR_NULL,
        "surname": STRING_OR_NULL,
        "firstname": STRING_OR_NULL,
        "preferred_name": STRING_OR_NULL,
        "middle_name": STRING_OR_NULL,
        "title": STRING_OR_NULL,
        "other_name": STRING_OR_NULL,
        "initials": STRING_OR_NULL,
        "pronouns": STRING_OR_NULL,
        "street_number": STRING_OR_NULL,
        "street_type": STRING_OR_NULL,
        "address": STRING_OR_NULL,
        "address2": STRING_OR_NULL,
        "city": STRING_OR_NULL,
        "state": STRING_OR_NULL,
        "postal_code": STRING_OR_NULL,
        "country": STRING_OR_NULL,
        "email": STRING_OR_NULL,
        "phone": STRING_OR_NULL,
        "mobile": STRING_OR_NULL,
        "fax": STRING_OR_NULL,
        "secondary_email": STRING_OR_NULL,
        "secondary_phone": STRING_OR_NULL,
        "altaddress_street_number": STRING_OR_NULL,
        "altaddress_street_type": STRING_OR_NULL,
        "altaddress_address": STRING_OR_NULL,
        "altaddress_address2": STRING_OR_NULL,
        "altaddress_city": STRING_OR_NULL,
        "altaddress_state": STRING_OR_NULL,
        "altaddress_postal_code": STRING_OR_NULL,
        "altaddress_country": STRING_OR_NULL,
        "altaddress_email": STRING_OR_NULL,
        "altaddress_phone": STRING_OR_NULL,
        "date_of_birth": STRING_OR_NULL,
        "library_id": "string",
        "category_id": "string",
        "date_enrolled": STRING_OR_NULL,
        "expiry_date": STRING_OR_NULL,
        "date_renewed": STRING_OR_NULL,
        "incorrect_address": BOOLEAN_OR_NULL,
        "patron_card_lost": BOOLEAN_OR_NULL,
        "restricted": "boolean",
        "staff_notes": STRING_OR_NULL,
        "relationship_type": STRING_OR_NULL,
        "gender": STRING_OR_NULL,
        "userid": STRING_OR_NULL,
        "opac_notes": STRING_OR_NULL,
        "altaddress_notes": STRING_OR_NULL,
        "statistics_1": STRING_OR_NULL,
        "statistics_2": STRING_OR_NULL,
        "autorenew_checkouts": "boolean",
        "altcontact_firstname": STRING_OR_NULL,
        "altcontact_surname": STRING_OR_NULL,
        "altcontact_address": STRING_OR_NULL,
        "altcontact_address2": STRING_OR_NULL,
        "altcontact_city": STRING_OR_NULL,
        "altcontact_state": STRING_OR_NULL,
        "altcontact_postal_code": STRING_OR_NULL,
        "altcontact_country": STRING_OR_NULL,
        "altcontact_phone": STRING_OR_NULL,
        "sms_number": STRING_OR_NULL,
        "sms_provider_id": INTEGER_OR_NULL,
        "privacy": "integer",
        "privacy_guarantor_checkouts": "integer",
        "privacy_guarantor_fines": "boolean",
        "check_previous_checkout": "string",
        "updated_on": "string",
        "last_seen": STRING_OR_NULL,
        "lang": "string",
        "login_attempts": INTEGER_OR_NULL,
        "overdrive_auth_token": STRING_OR_NULL,
        "anonymized": "boolean",
        "extended_attributes": "array",  # of patron_extended_attribute.yaml, not transcribed
        "checkouts_count": INTEGER_OR_NULL,
        "overdues_count": INTEGER_OR_NULL,
        "account_balance": NUMBER_OR_NULL,
        "library": OBJECT_OR_NULL,
        "protected": ["boolean"],
        "_strings": OBJECT_OR_NULL,
    },
    required=("surname", "library_id", "category_id"),
)

# api/v1/swagger/definitions/hold.yaml @ 4ce7ce2a158d9c61ac176660e341b4111e76a2ca
# item_id is a string in Koha's definition, though the value is a number.
HOLD = _object(
    {
        "hold_id": "integer",
        "patron_id": "integer",
        "hold_date": STRING_OR_NULL,
        "biblio_id": "integer",
        "item_group_id": STRING_OR_NULL,
        "pickup_library_id": STRING_OR_NULL,
        "desk_id": INTEGER_OR_NULL,
        "cancellation_date": STRING_OR_NULL,
        "cancellation_reason": STRING_OR_NULL,
        "notes": STRING_OR_NULL,
        "priority": INTEGER_OR_NULL,
        "status": STRING_OR_NULL,
        "timestamp": "string",
        "item_id": STRING_OR_NULL,
        "waiting_date": STRING_OR_NULL,
        "expiration_date": STRING_OR_NULL,
        "lowest_priority": "boolean",
        "suspended": "boolean",
        "suspended_until": STRING_OR_NULL,
        "non_priority": "boolean",
        "item_type": STRING_OR_NULL,
        "item_level": "boolean",
        "cancellation_requested": BOOLEAN_OR_NULL,
    }
)

# api/v1/swagger/definitions/library.yaml @ 2288b20f21626a3a38265d1dc57d3917192b687b
LIBRARY = _object(
    {
        "library_id": "string",
        "name": "string",
        "address1": STRING_OR_NULL,
        "address2": STRING_OR_NULL,
        "address3": STRING_OR_NULL,
        "postal_code": STRING_OR_NULL,
        "city": STRING_OR_NULL,
        "state": STRING_OR_NULL,
        "country": STRING_OR_NULL,
        "phone": STRING_OR_NULL,
        "fax": STRING_OR_NULL,
        "email": STRING_OR_NULL,
        "illemail": STRING_OR_NULL,
        "reply_to_email": STRING_OR_NULL,
        "return_path_email": STRING_OR_NULL,
        "url": STRING_OR_NULL,
        "ip": STRING_OR_NULL,
        "notes": STRING_OR_NULL,
        "geolocation": STRING_OR_NULL,
        "marc_org_code": STRING_OR_NULL,
        "pickup_location": "boolean",
        "public": "boolean",
        "smtp_server": OBJECT_OR_NULL,
        "needs_override": "boolean",
        "cash_registers": ARRAY_OR_NULL,
        "desks": ARRAY_OR_NULL,
    },
    required=("library_id", "name"),
)

# api/v1/swagger/definitions/account_line.yaml @ 46d19dd6176df12410bbc4aa17508174a2935ef8
ACCOUNT_LINE = _object(
    {
        "account_line_id": "integer",
        "checkout_id": INTEGER_OR_NULL,
        "patron_id": "integer",
        "item_id": INTEGER_OR_NULL,
        "date": "string",
        "amount": "number",
        "description": STRING_OR_NULL,
        "account_type": STRING_OR_NULL,
        "debit_type": STRING_OR_NULL,
        "credit_type": STRING_OR_NULL,
        "payment_type": STRING_OR_NULL,
        "amount_outstanding": "number",
        "last_increment": NUMBER_OR_NULL,
        "timestamp": "string",
        "internal_note": STRING_OR_NULL,
        "user_id": INTEGER_OR_NULL,
        "library_id": STRING_OR_NULL,
        "interface": STRING_OR_NULL,
        "status": STRING_OR_NULL,
        "cash_register_id": INTEGER_OR_NULL,
    }
)

# api/v1/swagger/definitions/patron_balance.yaml @ 9e50bcc1b534ec12c6468f57caac5422a42ab6b0
# Koha gives outstanding_credits no "type" (outstanding_debits has "type: object"); kept so.
_LINES = {"total": {"type": "number"}, "lines": {"type": "array", "items": ACCOUNT_LINE}}
PATRON_BALANCE = _object(
    {
        "balance": "number",
        "outstanding_credits": {"properties": _LINES},
        "outstanding_debits": {"type": "object", "properties": _LINES},
    },
    required=("balance",),
)

# api/v1/swagger/definitions/item_transfer.yaml @ 8c9d5a43f48b29ef112e9ccf830091b84a27991b
# (KohaSuomi/Koha-25x, a copy of Koha 25.x): what the items' "transfer" embed holds.
ITEM_TRANSFER = _object(
    {
        "library_transfer_id": "integer",
        "item_id": "integer",
        "date_requested": STRING_OR_NULL,
        "date_sent": STRING_OR_NULL,
        "to_library_id": "string",
        "date_arrived": STRING_OR_NULL,
        "date_cancelled": STRING_OR_NULL,
        "from_library_id": "string",
        "comments": STRING_OR_NULL,
        "reason": {
            "type": ["string"],
            "enum": [
                "Manual",
                "StockrotationAdvance",
                "StockrotationRepatriation",
                "ReturnToHome",
                "ReturnToHolding",
                "RotatingCollection",
                "Reserve",
                "LostReserve",
                "CancelReserve",
                "TransferCancellation",
                "Recall",
                "RecallCancellation",
            ],
        },
        "cancellation_reason": STRING_OR_NULL,
    },
    required=("to_library_id", "reason"),
)

# api/v1/swagger/paths/auth.yaml @ 011a85d37cf139433301b23cb81a167f67d86ff9, the 201 answer of
# POST /auth/password/validation (an inline schema, not a definition file).
PASSWORD_VALIDATION = _object({"cardnumber": "string", "patron_id": "integer", "userid": "string"})

# api/v1/swagger/definitions/suggestion.yaml @ 05b4ebf00dc9f15eda8eb92be6cf6b96c8d918e1
SUGGESTION = _object(
    {
        "suggestion_id": "integer",
        "suggested_by": INTEGER_OR_NULL,
        "suggestion_date": "string",
        "managed_by": INTEGER_OR_NULL,
        "managed_date": STRING_OR_NULL,
        "accepted_by": INTEGER_OR_NULL,
        "accepted_date": STRING_OR_NULL,
        "rejected_by": INTEGER_OR_NULL,
        "rejected_date": STRING_OR_NULL,
        "last_status_change_by": INTEGER_OR_NULL,
        "last_status_change_date": STRING_OR_NULL,
        "status": "string",
        "note": STRING_OR_NULL,
        "staff_note": STRING_OR_NULL,
        "author": STRING_OR_NULL,
        "title": STRING_OR_NULL,
        "copyright_date": INTEGER_OR_NULL,
        "publisher_code": STRING_OR_NULL,
        "timestamp": STRING_OR_NULL,
        "volume_desc": STRING_OR_NULL,
        "publication_year": STRING_OR_NULL,
        "publication_place": STRING_OR_NULL,
        "isbn": STRING_OR_NULL,
        "biblio_id": INTEGER_OR_NULL,
        "reason": STRING_OR_NULL,
        "patron_reason": STRING_OR_NULL,
        "budget_id": INTEGER_OR_NULL,
        "library_id": STRING_OR_NULL,
        "collection_title": STRING_OR_NULL,
        "item_type": STRING_OR_NULL,
        "quantity": STRING_OR_NULL,
        "currency": STRING_OR_NULL,
        "item_price": NUMBER_OR_NULL,
        "total_price": STRING_OR_NULL,
        "archived": BOOLEAN_OR_NULL,
    }
)

ALL = {
    "error": ERROR,
    "item": ITEM,
    "checkout": CHECKOUT,
    "checkout_availability": CHECKOUT_AVAILABILITY,
    "patron": PATRON,
    "hold": HOLD,
    "library": LIBRARY,
    "account_line": ACCOUNT_LINE,
    "patron_balance": PATRON_BALANCE,
    "item_transfer": ITEM_TRANSFER,
    "password_validation": PASSWORD_VALIDATION,
    "suggestion": SUGGESTION,
}
