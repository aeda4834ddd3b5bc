"""The SIP2 gateway on a seeded sandbox loads no MARC: pymarc alone is half its memory."""

from __future__ import annotations

import subprocess
import sys

from koha_bridge.sandbox.sandbox import Sandbox

# In a fresh interpreter: the test process has long imported pymarc for other tests.
LOANS_WITHOUT_MARC = """
import asyncio, sys
from koha_bridge.sandbox.sandbox import Sandbox
from koha_bridge.sandbox.seeding import barcode_for
from rfid_sip2.sip2.messages import CheckinRequest, CheckoutRequest
from rfid_sip2.upstreams.base import Terminal
from rfid_sip2.upstreams.sandbox import SandboxUpstream

async def main():
    upstream = SandboxUpstream(Sandbox(sys.argv[1]))
    terminal = Terminal("selfcheck", "CPL", "CPL")
    item = barcode_for(6)
    checkout = CheckoutRequest(patron_identifier=sys.argv[2], item_identifier=item)
    out = await upstream.handle(checkout, terminal)
    checkin = CheckinRequest(item_identifier=item, current_location="CPL")
    back = await upstream.handle(checkin, terminal)
    await upstream.close()
    assert out.ok and back.ok, (out, back)

asyncio.run(main())
print(sorted(name for name in sys.modules if "marc" in name))
"""


def test_a_checkout_and_checkin_on_a_seeded_sandbox_import_no_marc(tmp_path):
    from koha_bridge.sandbox.demo_library import PATRONS

    path = tmp_path / "sandbox.sqlite3"
    Sandbox(path)  # seeded here, where MARC is welcome
    reader = next(
        p
        for p in PATRONS
        if p.category_id == "PT" and not (p.expired or p.fines or p.restricted or p.card_lost)
    )
    done = subprocess.run(
        [sys.executable, "-c", LOANS_WITHOUT_MARC, str(path), reader.cardnumber],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[]"
