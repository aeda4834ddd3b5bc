"""A gateway for ``benchmarks/sip2_gateway.py``, run as ``rfid-sip2 serve`` runs it: on the sandbox
upstream, or on ``FastUpstream`` (the gateway's own ceiling). Imports what the gateway imports and
no more, so that its memory is the gateway's.

Usage: python benchmarks/sip2_gateway_serve.py {sandbox,fast} gateway.toml
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rfid_sip2.gateway import workers
from rfid_sip2.gateway.config import load
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    CheckinResponse,
    CheckoutRequest,
    CheckoutResponse,
    Message,
    RequestSCResend,
)
from rfid_sip2.upstreams.base import Terminal


class FastUpstream:
    """An upstream with no ILS behind it: loans in a dictionary, answered as Koha words them."""

    def __init__(self) -> None:
        self.loans: dict[str, str] = {}  # item barcode -> patron

    async def handle(
        self, request: Message, terminal: Terminal, deadline: float | None = None
    ) -> Message:
        now = datetime.now().replace(microsecond=0)
        if isinstance(request, CheckoutRequest):
            holder = self.loans.setdefault(request.item_identifier, request.patron_identifier)
            ok = holder == request.patron_identifier
            return CheckoutResponse(
                ok=ok,
                renewal_ok=False,
                magnetic_media=False,
                desensitize=ok,
                transaction_date=now,
                institution_id=request.institution_id,
                patron_identifier=request.patron_identifier,
                item_identifier=request.item_identifier,
                title_identifier="Great expectations",
                due_date=(now + timedelta(days=21)).strftime("%Y%m%d    235900") if ok else "",
                screen_messages=() if ok else ("Item checked out to another patron",),
            )
        if isinstance(request, CheckinRequest):
            holder = self.loans.pop(request.item_identifier, None)
            return CheckinResponse(
                ok=holder is not None,
                resensitize=True,
                magnetic_media=False,
                alert=holder is None,
                transaction_date=now,
                institution_id=request.institution_id,
                item_identifier=request.item_identifier,
                permanent_location=request.current_location,
                patron_identifier=holder,
                screen_messages=() if holder else ("Item not checked out",),
            )
        return RequestSCResend()

    async def healthy(self) -> bool:
        return True

    async def close(self) -> None:
        pass


def main() -> None:
    kind, config = sys.argv[1], Path(sys.argv[2])
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s level=%(levelname)s logger=%(name)s %(message)s",
    )
    with contextlib.suppress(KeyboardInterrupt):
        workers.serve(load(config), FastUpstream if kind == "fast" else None)


if __name__ == "__main__":
    main()
