"""The calls library20 makes to Koha's REST API, with Koha's errors as typed exceptions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import pymarc
import requests
from urllib3.exceptions import MaxRetryError, ReadTimeoutError
from urllib3.util.retry import Retry

from koha_bridge.client import paging
from koha_bridge.client.auth import OAuth2ClientCredentials
from koha_bridge.client.errors import (
    CheckoutBlocked,
    ConfirmationNeeded,
    KohaAuthError,
    KohaBadRequest,
    KohaProtocolError,
    KohaUnavailable,
    from_response,
    is_web_page,
    not_kohas_api,
)
from koha_bridge.client.session import RETRY, base_url, http_session, sandbox_session
from koha_bridge.config import KohaConfig
from koha_bridge.marc.reading import ReadFailure, record_from_marc_in_json, records_from_marcxml
from koha_bridge.marc.reading.json_values import MalformedJson, json_array_items

MARC_IN_JSON = "application/marc-in-json"
MARCXML = "application/marcxml+xml"
JSON = "application/json"


@dataclass(frozen=True)
class BiblioStamp:
    """A record's id, when Koha last changed it and when it was catalogued."""

    biblio_id: int
    timestamp: str
    created: str = ""  # Koha's creation_date, "YYYY-MM-DD"; "" when Koha did not say


@dataclass(frozen=True)
class StampPage:
    stamps: list[BiblioStamp]
    server_time: datetime | None  # Koha's clock, from the Date header
    total: int | None  # how many records match in all, from X-Total-Count


@dataclass(frozen=True)
class Probe:
    url: str
    authenticated_as: str
    counts: dict[str, int | None]  # None: Koha did not say (no X-Total-Count)


class KohaClient:
    """Koha's api/v1, or the sandbox standing in for it (``KOHA_URL=sandbox:``)."""

    def __init__(
        self, config: KohaConfig, session: requests.Session | None = None, retry: Retry = RETRY
    ) -> None:
        """``retry``: how a request that failed is tried again (``ONE_TRY`` for none)."""
        self.config = config
        self.base_url = base_url(config)
        if session is None:
            session = (
                http_session(retry=retry) if not config.is_sandbox else _sandbox_session(config)
            )
        self.session = session
        self.timeout = (config.timeout, config.timeout)
        if config.client_id:
            self.session.auth = OAuth2ClientCredentials(
                f"{self.base_url}/oauth/token",
                config.client_id,
                config.client_secret,
                fetch=self._fetch_token,
            )
        elif config.user:
            self.session.auth = requests.auth.HTTPBasicAuth(config.user, config.password)

    # -- plumbing -------------------------------------------------------------------------

    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = f"{self.base_url}{path}"
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as error:
            if _timed_out(error):
                raise KohaUnavailable(
                    f"no answer within {self.config.timeout:g} s",
                    url=url,
                    hint="Koha is overloaded or hanging; raise KOHA_TIMEOUT if it is just slow",
                ) from None
            raise KohaUnavailable(
                f"cannot connect ({type(error).__name__})",
                url=url,
                hint=f"is Koha running at {self.config.url}? check KOHA_URL",
            ) from None
        if is_web_page(response):
            raise not_kohas_api(response, self.config.url)
        if response.status_code >= 400:
            raise from_response(response, self.config.credentials_named)
        return response

    def _fetch_token(self, url: str, form: dict[str, str]) -> dict:
        try:
            response = self.session.request(
                "POST", url, data=form, timeout=self.timeout, auth=_NoAuth()
            )
        except requests.RequestException as error:
            if _timed_out(error):
                raise KohaUnavailable(
                    f"no token within {self.config.timeout:g} s",
                    url=url,
                    hint="Koha is overloaded or hanging; raise KOHA_TIMEOUT if it is just slow",
                ) from None
            raise KohaUnavailable(
                "cannot reach the OAuth token endpoint",
                url=url,
                hint=f"is Koha running at {self.config.url}? check KOHA_URL",
            ) from None
        if is_web_page(response):
            raise not_kohas_api(response, self.config.url)
        if 400 <= response.status_code < 500:
            # Koha answers a refused client with 400 or 403: either way the credentials.
            error = from_response(response, self.config.credentials_named)
            raise KohaAuthError(
                f"no token: {error.message}",
                status=error.status,
                url=error.url,
                code=error.code,
                hint=f"check {self.config.credentials_named}",
            )
        if response.status_code >= 500:
            raise from_response(response, self.config.credentials_named)
        payload = _json_of(response)
        if not isinstance(payload, dict) or "access_token" not in payload:
            raise KohaProtocolError("the token answer has no access_token", url=url)
        return payload

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {"Accept": JSON, **kwargs.pop("headers", {})}
        return _json_of(self._send(method, path, headers=headers, **kwargs))

    def _paged(
        self,
        path: str,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Iterator[dict]:
        def fetch(page_params: paging.Params) -> requests.Response:
            return self._send(
                "GET", path, params=page_params, headers={"Accept": JSON, **(headers or {})}
            )

        try:
            yield from paging.iterate(fetch, params or {}, self.config.page_size)
        except ValueError as error:
            raise KohaProtocolError(
                f"a page of {path} is not a JSON list ({error})", url=self.base_url + path
            ) from None

    @staticmethod
    def _one(found: list[dict]) -> dict | None:
        return found[0] if found else None

    # -- catalogue -----------------------------------------------------------------------

    def biblio(self, biblio_id: int) -> dict:
        """The biblio as Koha's JSON object (title, author, isbn...)."""
        return self._json("GET", f"/biblios/{int(biblio_id)}")

    def biblio_marc(self, biblio_id: int, media_type: str = MARC_IN_JSON) -> pymarc.Record:
        """The biblio's MARC record, fetched as MARC-in-JSON or MARCXML."""
        path = f"/biblios/{int(biblio_id)}"
        response = self._send("GET", path, headers={"Accept": media_type})
        if media_type == MARCXML:
            records = list(records_from_marcxml(response.content))
            result = records[0] if len(records) == 1 else ReadFailure(biblio_id, "not one record")
        else:
            data = _json_of(response)
            result = (
                record_from_marc_in_json(data)
                if isinstance(data, dict)
                else ReadFailure(biblio_id, "MARC-in-JSON is not an object")
            )
        if isinstance(result, ReadFailure):
            raise KohaProtocolError(
                f"record {biblio_id} is unreadable: {result.reason}", url=self.base_url + path
            )
        return result

    def changed_biblios(self, since: str | None, after_id: int = 0, limit: int = 100) -> StampPage:
        """Up to ``limit`` records changed at or after ``since`` with ids above ``after_id``.

        Ids ascend, so a run can stop anywhere and resume after the last id it finished.
        """
        query: dict[str, Any] = {"biblio_id": {">": int(after_id)}}
        if since:
            query["timestamp"] = {">=": since}
        response = self._send(
            "GET",
            "/biblios",
            headers={"Accept": JSON},
            params={
                "q": json.dumps(query),
                "_order_by": "+biblio_id",
                "_per_page": limit,
                "_page": 1,
            },
        )
        rows = _json_of(response)
        if not isinstance(rows, list):
            raise KohaProtocolError("the biblio list is not a JSON array", url=response.url)
        try:
            stamps = [
                BiblioStamp(
                    int(row["biblio_id"]),
                    str(row.get("timestamp") or ""),
                    str(row.get("creation_date") or ""),
                )
                for row in rows
            ]
        except (KeyError, TypeError, ValueError):
            raise KohaProtocolError("a listed biblio has no biblio_id", url=response.url) from None
        total = response.headers.get("X-Total-Count", "")
        return StampPage(stamps, _server_time(response), int(total) if total.isdigit() else None)

    def biblio_records_as_sent(self, biblio_ids: list[int]) -> list[tuple[object, str]]:
        """These records as MARC-in-JSON objects, each with its JSON text as Koha sent it, in
        one request: a catalogue sync keeps and compares that text, encoding nothing again."""
        if not biblio_ids:
            return []
        response = self._send(
            "GET",
            "/biblios",
            headers={"Accept": MARC_IN_JSON},
            params={
                "q": json.dumps({"biblio_id": {"-in": [int(i) for i in biblio_ids]}}),
                "_per_page": -1,
            },
        )
        try:
            return json_array_items(response.content.decode("utf-8"))  # JSON is UTF-8 (RFC 8259)
        except (UnicodeDecodeError, MalformedJson) as error:
            raise KohaProtocolError(
                f"the MARC-in-JSON list is not a JSON array: {error}",
                status=response.status_code,
                url=response.url.split("?")[0],
            ) from None

    def biblios(self, biblio_ids: list[int]) -> list[dict]:
        """These records as Koha's JSON biblio objects (title, author...), in one request."""
        if not biblio_ids:
            return []
        query = json.dumps({"biblio_id": {"-in": sorted({int(i) for i in biblio_ids})}})
        return self._json("GET", "/biblios", params={"q": query, "_per_page": -1})

    def items(self, item_ids: list[int]) -> list[dict]:
        """These items, in one request."""
        if not item_ids:
            return []
        query = json.dumps({"item_id": {"-in": sorted({int(i) for i in item_ids})}})
        return self._json("GET", "/items", params={"q": query, "_per_page": -1})

    def items_of_biblio(self, biblio_id: int, embed: tuple[str, ...] = ()) -> list[dict]:
        """The record's items; ``embed`` names what Koha should embed in each (``x-koha-embed``:
        "+strings", "checkout", "transfer", "first_hold"...)."""
        headers = {"x-koha-embed": ",".join(embed)} if embed else {}
        return list(self._paged(f"/biblios/{int(biblio_id)}/items", headers=headers))

    def item_by_barcode(self, barcode: str) -> dict | None:
        # Koha matches substrings by default: "123" would find "01234"; ask for the exact one.
        found = self._json("GET", "/items", params={"external_id": barcode, "_match": "exact"})
        return self._one(found)

    def libraries(self) -> list[dict]:
        return list(self._paged("/libraries"))

    def rate(self, biblio_id: int, rating: int | None) -> dict:
        """Rate a record 1-5 as the API user (None removes the rating)."""
        return self._json(
            "POST", f"/public/biblios/{int(biblio_id)}/ratings", json={"rating": rating}
        )

    # -- patrons -------------------------------------------------------------------------

    def patron_by_cardnumber(self, cardnumber: str) -> dict | None:
        found = self._json("GET", "/patrons", params={"cardnumber": cardnumber, "_match": "exact"})
        return self._one(found)

    def patron(self, patron_id: int) -> dict:
        return self._json("GET", f"/patrons/{int(patron_id)}")

    def find_patrons(self, query: dict) -> list[dict]:
        """Patrons matching a ``q`` query (SQL::Abstract, as Koha reads it)."""
        return list(self._paged("/patrons", {"q": json.dumps(query)}))

    def add_patron(self, patron: dict[str, Any]) -> dict:
        """A new patron (Koha's patron attributes); Koha answers 409 for a card number in use."""
        return self._json("POST", "/patrons", json=patron)

    def validate_password(self, identifier: str, password: str) -> dict | None:
        """Koha's check of a patron's card number (or userid) and password, Koha 22.11+.

        Returns ``{"cardnumber", "patron_id", "userid"}``, or None when Koha says the pair does
        not validate (unknown card, wrong password, locked account: Koha does not say which).
        """
        try:
            return self._validate_password({"identifier": identifier, "password": password})
        except KohaBadRequest as error:
            if error.code != "invalid_request" or "identifier" not in error.message:
                raise
        # Koha 22.11 names the identifier "userid" (a userid or a card number, as checkpw reads it).
        return self._validate_password({"userid": identifier, "password": password})

    def _validate_password(self, body: dict[str, str]) -> dict | None:
        try:
            return self._json("POST", "/auth/password/validation", json=body)
        except KohaBadRequest as error:
            if error.message == "Validation failed":
                return None
            raise

    def patron_checkouts(self, patron_id: int, *, checked_in: bool = False) -> list[dict]:
        params: dict[str, Any] = {"patron_id": int(patron_id), "_match": "exact"}
        if checked_in:
            params["checked_in"] = "true"
        return list(self._paged("/checkouts", params))

    def patron_history(self, patron_id: int, limit: int) -> list[dict]:
        """The patron's ``limit`` most recently returned loans, the latest first."""
        params = {
            "patron_id": int(patron_id),
            "_match": "exact",
            "checked_in": "true",
            "_order_by": "-checkin_date",
            "_per_page": int(limit),
            "_page": 1,
        }
        return self._json("GET", "/checkouts", params=params)

    def patron_account(self, patron_id: int) -> dict:
        return self._json("GET", f"/patrons/{int(patron_id)}/account")

    # -- circulation ---------------------------------------------------------------------

    def checkout_availability(self, patron_id: int, item_id: int) -> dict:
        return self._json(
            "GET",
            "/checkouts/availability",
            params={"patron_id": int(patron_id), "item_id": int(item_id)},
        )

    def checkout(
        self,
        patron_id: int,
        item_id: int,
        *,
        confirm: bool = False,
        library_id: str | None = None,
    ) -> dict:
        """Lend an item the Koha way: ask availability, then check out with its token.

        Raises CheckoutBlocked for blockers, ConfirmationNeeded when Koha asks for a
        confirmation and ``confirm`` is False.
        """
        available = self.checkout_availability(patron_id, item_id)
        url = f"{self.base_url}/checkouts"
        if available.get("blockers"):
            raise CheckoutBlocked(available["blockers"], url)
        params = {}
        if available.get("confirms"):
            if not confirm:
                raise ConfirmationNeeded(
                    available["confirms"], available.get("confirmation_token") or "", url
                )
            params["confirmation"] = available.get("confirmation_token") or ""
        body: dict[str, Any] = {"patron_id": int(patron_id), "item_id": int(item_id)}
        if library_id:
            body["library_id"] = library_id
        return self._json("POST", "/checkouts", params=params, json=body)

    def renew(self, checkout_id: int) -> dict:
        return self._json("POST", f"/checkouts/{int(checkout_id)}/renewal")

    def place_hold(
        self,
        patron_id: int,
        pickup_library_id: str,
        *,
        biblio_id: int | None = None,
        item_id: int | None = None,
        notes: str | None = None,
        expiration_date: str | None = None,
    ) -> dict:
        body: dict[str, Any] = {"patron_id": int(patron_id), "pickup_library_id": pickup_library_id}
        for name, value in (
            ("biblio_id", biblio_id),
            ("item_id", item_id),
            ("notes", notes),
            ("expiration_date", expiration_date),
        ):
            if value is not None:
                body[name] = value
        return self._json("POST", "/holds", json=body)

    def patron_holds(self, patron_id: int) -> list[dict]:
        return list(self._paged(f"/patrons/{int(patron_id)}/holds"))

    def patron_hold(self, patron_id: int, hold_id: int) -> dict | None:
        """The patron's hold with this id; None when it is not theirs (or not there)."""
        found = self._json(
            "GET",
            f"/patrons/{int(patron_id)}/holds",
            params={"hold_id": int(hold_id), "_match": "exact"},
        )
        return self._one(found)

    def pickup_locations(self, biblio_id: int, patron_id: int) -> list[dict]:
        """The libraries where the patron may collect a hold on the record."""
        return list(
            self._paged(
                f"/biblios/{int(biblio_id)}/pickup_locations", {"patron_id": int(patron_id)}
            )
        )

    def cancel_hold(self, hold_id: int) -> None:
        self._send("DELETE", f"/holds/{int(hold_id)}")

    def holds_placed(self, since: date, until: date) -> list[dict]:
        """Every current hold placed from ``since`` to ``until`` (hold_date, both included)."""
        query = {"hold_date": {"-between": [since.isoformat(), until.isoformat()]}}
        return list(self._paged("/holds", {"q": json.dumps(query)}))

    # -- acquisitions --------------------------------------------------------------------

    def add_suggestion(
        self,
        title: str,
        *,
        suggested_by: int | None = None,
        author: str | None = None,
        isbn: str | None = None,
        publisher_code: str | None = None,
        publication_year: str | None = None,
        patron_reason: str | None = None,
        note: str | None = None,
    ) -> dict:
        """A new purchase suggestion (status ASKED); Koha refuses a patron over its limits with
        400 ``max_total_reached`` or ``max_pending_reached`` (KohaBadRequest)."""
        body: dict[str, Any] = {"title": title}
        for name, value in (
            ("suggested_by", int(suggested_by) if suggested_by is not None else None),
            ("author", author),
            ("isbn", isbn),
            ("publisher_code", publisher_code),
            ("publication_year", publication_year),
            ("patron_reason", patron_reason),
            ("note", note),
        ):
            if value:
                body[name] = value
        return self._json("POST", "/suggestions", json=body)

    def suggestions(self, query: dict | None = None) -> list[dict]:
        """The purchase suggestions matching a ``q`` query (all of them without one), every
        page: ``suggestions({"suggested_by": 42})``, ``suggestions({"status": "ASKED"})``."""
        params = {"q": json.dumps(query)} if query else {}
        return list(self._paged("/suggestions", params))

    # -- operations ----------------------------------------------------------------------

    def ping(self) -> None:
        """One small authenticated request: raises a KohaError unless Koha answers it."""
        self._send("GET", "/libraries", params={"_per_page": 1}, headers={"Accept": JSON})

    def probe(self) -> Probe:
        """Reachability, authentication and a count of what Koha holds."""
        counts = {}
        for name, path in (
            ("biblios", "/biblios"),
            ("items", "/items"),
            ("patrons", "/patrons"),
            ("libraries", "/libraries"),
        ):
            response = self._send("GET", path, params={"_per_page": 1}, headers={"Accept": JSON})
            total = response.headers.get("X-Total-Count")
            counts[name] = int(total) if total and total.isdigit() else None
        who = self.config.client_id or self.config.user or "anonymous"
        return Probe(self.config.url, who, counts)


class _NoAuth(requests.auth.AuthBase):
    """The token request itself goes without the session's bearer auth."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


def _timed_out(error: requests.RequestException) -> bool:
    """A timeout, also when retries ran out on read timeouts (requests calls that a
    ConnectionError wrapping urllib3's MaxRetryError)."""
    if isinstance(error, requests.Timeout):
        return True
    reason = error.args[0] if error.args else None
    return isinstance(reason, MaxRetryError) and isinstance(reason.reason, ReadTimeoutError)


def _json_of(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise KohaProtocolError(
            f"the answer is not JSON ({response.headers.get('Content-Type', 'no type')})",
            status=response.status_code,
            url=response.url.split("?")[0],
        ) from None


def _server_time(response: requests.Response) -> datetime | None:
    header = response.headers.get("Date")
    try:
        return parsedate_to_datetime(header) if header else None
    except (TypeError, ValueError):
        return None


def _sandbox_session(config: KohaConfig) -> requests.Session:
    from koha_bridge.sandbox.sandbox import Sandbox

    config.sandbox_path.parent.mkdir(parents=True, exist_ok=True)
    return sandbox_session(Sandbox(config.sandbox_path).app)
