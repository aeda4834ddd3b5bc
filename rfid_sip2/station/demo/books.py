"""The demo's tagged things: books the sandbox has on its shelves, a two-part set, a library card.

Books are found through SIP2 (item information, 17), as any station could ask the library
system: nothing here reads the sandbox's tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from koha_bridge.sandbox.demo_library import PATRONS
from koha_bridge.sandbox.seeding import barcode_for
from rfid_sip2.rfid.tags import ItemTag, Usage, encode
from rfid_sip2.sip2.messages import ItemInformationRequest, ItemInformationResponse
from rfid_sip2.station.ils import Ils

AVAILABLE = "03"
MODEL = "iso28560-3"  # the Danish data model, as most European library tags
OWNER = "MD-CPL"  # the sandbox's Prut Valley Public Library
LOOKED_AT = 60  # items asked about, from the first, to find enough on the shelf
CARD = PATRONS[0]  # Olena Kovalenko: a card the demo site's reader account is linked to


@dataclass(frozen=True)
class DemoTag:
    uid: bytes
    tag: ItemTag
    label: str  # the title, or the card holder

    @property
    def memory(self) -> bytes:
        return encode(self.tag)


async def shelf_books(ils: Ils, wanted: int) -> list[tuple[str, str]]:
    """(barcode, title) of the first ``wanted`` items on the shelf that nobody waits for."""
    found: list[tuple[str, str]] = []
    for number in range(1, LOOKED_AT + 1):
        barcode = barcode_for(number)
        request = ItemInformationRequest(
            transaction_date=ils.stamp(),
            institution_id=ils.config.institution_id,
            item_identifier=barcode,
        )
        response = await ils.ask(request)
        if (
            isinstance(response, ItemInformationResponse)
            and response.circulation_status == AVAILABLE
            and not int(response.hold_queue_length or 0)  # nobody waits for it
        ):
            found.append((barcode, response.title_identifier))
            if len(found) == wanted:
                break
    return found


def demo_tags(books: list[tuple[str, str]]) -> list[DemoTag]:
    """The card, then one tag per book; the last book comes as a set of two parts (a book
    with its CD), so the demo shows a set refused with a part missing."""
    card = ItemTag(MODEL, CARD.cardnumber, OWNER, usage=Usage(8))
    tags = [DemoTag(_uid(0), card, f"{CARD.firstname} {CARD.surname}")]
    for number, (barcode, title) in enumerate(books[:-1], start=1):
        tags.append(DemoTag(_uid(number), ItemTag(MODEL, barcode, OWNER, usage=Usage(1)), title))
    if books:
        barcode, title = books[-1]
        for part in (1, 2):
            tag = ItemTag(MODEL, barcode, OWNER, parts=2, part=part, usage=Usage(1))
            tags.append(DemoTag(_uid(len(tags)), tag, title))
    return tags


def _uid(number: int) -> bytes:
    # NXP ICODE SLIX UIDs: E0 04 01 then a serial number.
    return bytes.fromhex("E00401") + (0x5000 + number).to_bytes(5, "big")
