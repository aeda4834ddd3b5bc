"""How the client authenticates: OAuth2 client credentials (a cached token, renewed once on a
401) or HTTP Basic; what it says when Koha refuses; and that tokens stay out of the logs."""

from __future__ import annotations

import json
import logging

import pytest

from koha_bridge.client import KohaAuthError, KohaClient
from koha_bridge.config import KohaConfig
from koha_bridge.sandbox import demo_library
from koha_bridge.sandbox.api.auth import TOKEN_LIFETIME
from tests.koha_bridge.client.stubs import TOKEN_PATH, Recorder

BASIC = {
    "client_id": "",
    "client_secret": "",
    "user": demo_library.STAFF_USERID,
    "password": demo_library.STAFF_PASSWORD,
}


def bearer_tokens(recorder: Recorder) -> list[str]:
    """The bearer tokens the API requests carried, in order."""
    return [
        seen.headers["authorization"].removeprefix("Bearer ")
        for seen in recorder.api_requests
        if seen.headers.get("authorization", "").startswith("Bearer ")
    ]


class RefusingEverything:
    """Koha that issues tokens and then answers 401 to every call made with them."""

    def __init__(self, app) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response):
        if environ["PATH_INFO"] == TOKEN_PATH:
            return self.app(environ, start_response)
        start_response("401 Unauthorized", [("Content-Type", "application/json")])
        return [json.dumps({"error": "Authentication failure."}).encode()]


# --- OAuth2 client credentials ------------------------------------------------------------------


def test_the_token_is_fetched_once_and_reused(client_on, recorder):
    koha_client = client_on(recorder)
    koha_client.biblio(1)
    koha_client.item_by_barcode("39520000000001")
    koha_client.libraries()
    koha_client.rate(1, 5)
    assert len(recorder.token_requests) == 1
    assert len(recorder.api_requests) == 4
    assert len(set(bearer_tokens(recorder))) == 1


def test_the_token_request_is_client_credentials_without_a_bearer(client_on, recorder):
    client_on(recorder).biblio(1)
    [token_request] = recorder.token_requests
    assert token_request.method == "POST"
    assert "authorization" not in token_request.headers


def test_an_expired_token_is_renewed_once_and_the_call_succeeds(client_on, recorder, clock):
    koha_client = client_on(recorder)
    koha_client.biblio(1)
    clock.advance(seconds=TOKEN_LIFETIME + 1)  # Koha's clock: the client still trusts its token

    assert koha_client.biblio(2)["biblio_id"] == 2
    assert [seen.status for seen in recorder.to("/api/v1/biblios/2")] == [401, 200]
    assert len(recorder.token_requests) == 2
    first, expired, renewed = bearer_tokens(recorder)
    assert first == expired != renewed

    koha_client.biblio(3)  # the new token is kept
    assert len(recorder.token_requests) == 2


def test_a_401_that_persists_after_renewal_is_an_auth_error_without_a_loop(client_on, sandbox):
    recorder = Recorder(RefusingEverything(sandbox.app))
    koha_client = client_on(recorder)
    with pytest.raises(KohaAuthError) as raised:
        koha_client.biblio(1)
    assert len(recorder.token_requests) == 2
    assert len(recorder.api_requests) == 2
    assert raised.value.status == 401
    assert raised.value.message == "Authentication failure."
    assert "KOHA_CLIENT_ID and KOHA_CLIENT_SECRET" in str(raised.value)


def test_a_wrong_client_secret_is_an_auth_error_naming_the_variables(client_on, recorder):
    koha_client = client_on(recorder, client_secret="not-the-secret")
    with pytest.raises(KohaAuthError) as raised:
        koha_client.biblio(1)
    assert "check KOHA_CLIENT_ID and KOHA_CLIENT_SECRET" in str(raised.value)
    assert "unauthorized_client" in str(raised.value)
    assert recorder.api_requests == []  # no call is made without a token


def test_an_unknown_client_id_is_an_auth_error_too(client_on, sandbox):
    with pytest.raises(KohaAuthError, match="KOHA_CLIENT_ID and KOHA_CLIENT_SECRET"):
        client_on(sandbox.app, client_id="someone-else").biblio(1)


def test_a_ping_with_credentials_koha_refuses_is_an_auth_error(client_on, sandbox):
    with pytest.raises(KohaAuthError, match="KOHA_CLIENT_ID and KOHA_CLIENT_SECRET"):
        client_on(sandbox.app, client_id="someone-else").ping()


# --- HTTP Basic ---------------------------------------------------------------------------------


def test_basic_authentication_with_the_staff_login_works(client_on, recorder):
    koha_client = client_on(recorder, **BASIC)
    assert koha_client.biblio(1)["biblio_id"] == 1
    assert koha_client.probe().authenticated_as == demo_library.STAFF_USERID
    assert recorder.token_requests == []
    assert all(seen.headers["authorization"].startswith("Basic ") for seen in recorder.seen)


def test_a_wrong_basic_password_is_an_auth_error_naming_the_variables(client_on, sandbox):
    koha_client = client_on(sandbox.app, **{**BASIC, "password": "not-the-password"})
    with pytest.raises(KohaAuthError) as raised:
        koha_client.biblio(1)
    assert raised.value.status == 401
    assert "check KOHA_USER and KOHA_PASSWORD" in str(raised.value)


def test_basic_authentication_disabled_in_koha_says_so(client_on, sandbox):
    with sandbox.store.transaction() as db:
        db.execute("INSERT OR REPLACE INTO settings (name, value) VALUES ('RESTBasicAuth', '0')")
    with pytest.raises(KohaAuthError, match="Basic authentication disabled"):
        client_on(sandbox.app, **BASIC).biblio(1)


# --- Logs ---------------------------------------------------------------------------------------


def test_tokens_are_never_written_to_the_logs(caplog, sandbox, clock, serve):
    caplog.set_level(logging.DEBUG)
    recorder = Recorder(sandbox.app)
    koha_client = KohaClient(
        KohaConfig(
            url=serve(recorder),
            client_id=demo_library.CLIENT_ID,
            client_secret=demo_library.CLIENT_SECRET,
        )
    )
    koha_client.biblio(1)
    clock.advance(seconds=TOKEN_LIFETIME + 1)
    koha_client.libraries()  # a 401, a new token, the call again
    tokens = set(bearer_tokens(recorder))
    assert len(tokens) == 2
    assert caplog.records  # requests were logged (urllib3, the sandbox server)...
    for token in tokens:
        assert token not in caplog.text  # ...and no token with them
