"""Upstreams for gateway tests: the sandbox as Koha's SIP2 server, with a cable to cut."""

from __future__ import annotations

from rfid_sip2.sip2.messages import Message
from rfid_sip2.upstreams.base import Terminal, UpstreamUnavailable
from rfid_sip2.upstreams.sandbox import SandboxUpstream


class Cable:
    """An upstream that can be unplugged: while cut it is unreachable, as a down Koha is."""

    def __init__(self, upstream) -> None:
        self.upstream = upstream
        self.cut = False
        self.seen: list[Message] = []

    async def handle(
        self, request: Message, terminal: Terminal, deadline: float | None = None
    ) -> Message:
        if self.cut:
            raise UpstreamUnavailable("connection refused (cable cut)")
        self.seen.append(request)
        return await self.upstream.handle(request, terminal, deadline)

    async def healthy(self) -> bool:
        return not self.cut and await self.upstream.healthy()

    async def close(self) -> None:
        await self.upstream.close()


def sandbox_cable(sandbox) -> Cable:
    return Cable(SandboxUpstream(sandbox))


def free_items(sandbox, count: int) -> list[str]:
    """Barcodes of items nobody has on loan or on hold, on loanable shelves."""
    with sandbox.store.reading() as db:
        rows = db.execute(
            """SELECT external_id FROM items JOIN item_types USING (item_type_id)
               WHERE not_for_loan = 0 AND item_id NOT IN (SELECT item_id FROM checkouts)
               AND biblio_id NOT IN (SELECT biblio_id FROM holds) ORDER BY item_id LIMIT ?""",
            (count,),
        ).fetchall()
    return [row[0] for row in rows]
