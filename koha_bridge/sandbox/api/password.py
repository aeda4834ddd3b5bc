"""POST /auth/password/validation: a patron's identifier and password checked, as Koha 22.11+ does.

Koha's Auth::Password controller: ``identifier`` is matched against userids, then card numbers;
``userid`` (instead) against userids only. Whatever fails is 400 "Validation failed", so a caller
cannot tell an unknown card from a wrong password.
"""

from __future__ import annotations

from koha_bridge.sandbox import patrons
from koha_bridge.sandbox.api.context import Context
from koha_bridge.sandbox.api.http import Request, Response

ACCEPTED = frozenset({"identifier", "password", "userid"})


def validate(ctx: Context, request: Request) -> Response:
    body = request.json_object(ACCEPTED)
    if "password" not in body:
        return Response.invalid("Missing property.", "/body/password")
    for name in ACCEPTED & set(body):
        if not isinstance(body[name], str):
            return Response.invalid("Expected string - got something else.", f"/body/{name}")
    identifier, userid = body.get("identifier"), body.get("userid")
    if identifier is None and userid is None:
        return Response.error(400, "Validation failed")
    if identifier is not None and userid is not None:
        return Response.error(400, "Bad request. Only one identifier attribute can be passed.")
    with ctx.store.transaction() as db:
        patron = patrons.check_password(
            db, identifier or userid, body["password"], userid_only=userid is not None
        )
    if patron is None:
        return Response.error(400, "Validation failed")
    return Response.json(
        201,
        {
            "cardnumber": patron["cardnumber"],
            "patron_id": patron["patron_id"],
            "userid": patron["userid"],
        },
    )
