"""POST /oauth/token: OAuth2 client credentials, as Koha's OAuth controller answers."""

from __future__ import annotations

from koha_bridge.sandbox.api.auth import TOKEN_LIFETIME, issue_token
from koha_bridge.sandbox.api.context import Context
from koha_bridge.sandbox.api.http import Request, Response
from koha_bridge.sandbox.rules import preference


def token(ctx: Context, request: Request) -> Response:
    form = request.form()
    with ctx.store.transaction() as db:
        enabled = preference(db, "RESTOAuth2ClientCredentials") == "1"
        if form.get("grant_type") != "client_credentials" or not enabled:
            return Response.error(400, "Unimplemented grant type")
        issued = issue_token(
            db, form.get("client_id", ""), form.get("client_secret", ""), ctx.clock()
        )
    if issued is None:
        return Response.error(403, "unauthorized_client")
    return Response.json(
        200, {"access_token": issued, "token_type": "Bearer", "expires_in": TOKEN_LIFETIME}
    )
