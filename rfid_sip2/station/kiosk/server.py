"""The kiosk's local web server: the station's screen as a page, the reader's touches as calls.

aiohttp owns the socket and nothing else: every page is a view of ``control.screen()``, every
button a POST that calls the station and redirects back (so the page works without JavaScript),
and ``/screen`` long-polls ``control.changed`` for the page's small script.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files

from aiohttp import web

from rfid_sip2.station.control import Mode, Screen, StationControl
from rfid_sip2.station.kiosk.origin import host_allowed, own_hosts, post_allowed
from rfid_sip2.station.kiosk.pages import render_page, render_screen
from rfid_sip2.station.kiosk.view import build_view

log = logging.getLogger(__name__)

CONTROL = web.AppKey("control", StationControl)
HOSTS = web.AppKey("hosts", set)  # filled in once the port is bound
POLL_SECONDS = 25.0  # under the usual proxy and browser idle limits
FRAGMENT_HEADER = "X-Kiosk-Fragment"  # the page's script asks for the new screen, not a redirect
CHOICES = {"checkout": Mode.CHECKOUT, "return": Mode.RETURN, "account": Mode.ACCOUNT}
STATIC = files("rfid_sip2.station.kiosk") / "static"
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    # The screen shows a reader's loans: nothing of it may be kept by the browser.
    "Cache-Control": "no-store",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _now() -> datetime:
    return datetime.now(UTC)


def _refused(reason: str, request: web.Request) -> web.Response:
    log.warning(
        "event=kiosk_refused reason=%s method=%s path=%s", reason, request.method, request.path
    )
    return web.Response(status=403, text="This kiosk only answers its own page.\n")


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Only the kiosk's own page, at the kiosk's own address, may read or drive it."""
    hosts = request.app[HOSTS]
    if not host_allowed(request.headers.get("Host"), hosts):
        return _refused("host", request)
    if request.method == "POST" and not post_allowed(
        request.headers.get("Origin"), request.headers.get("Referer"), hosts
    ):
        return _refused("origin", request)
    response = await handler(request)
    response.headers.update(HEADERS)
    return response


def _screen_json(screen: Screen) -> web.Response:
    view = build_view(screen, _now())
    return web.json_response(
        {
            "version": view.version,
            "mode": view.mode,
            "lang": view.lang,
            "title": f"{view.heading} · {view.words['title']}",
            "html": render_screen(view),
        }
    )


async def page(request: web.Request) -> web.Response:
    view = build_view(request.app[CONTROL].screen(), _now())
    return web.Response(text=render_page(view), content_type="text/html", charset="utf-8")


async def screen_after(request: web.Request) -> web.Response:
    """The screen once it is newer than ``after``; 204 when nothing changed for a while."""
    try:
        after = int(request.query["after"])
    except (KeyError, ValueError):
        raise web.HTTPBadRequest(text="Ask with ?after=<the version you show>.\n") from None
    try:
        screen = await asyncio.wait_for(request.app[CONTROL].changed(after), POLL_SECONDS)
    except TimeoutError:
        return web.Response(status=204)
    return _screen_json(screen)


def _answer(request: web.Request) -> web.Response:
    """The new screen for the page's script; a redirect to the page for a plain form."""
    if request.headers.get(FRAGMENT_HEADER) == "1":
        return _screen_json(request.app[CONTROL].screen())
    return web.Response(status=303, headers={"Location": "/"})


async def _field(request: web.Request, name: str) -> str:
    value = (await request.post()).get(name, "")
    return value.strip() if isinstance(value, str) else ""


def action(name: str, call: Callable[[StationControl, web.Request], Awaitable[None]]) -> Handler:
    """A POST handler that logs the action (never its fields) and calls the station."""

    async def handle(request: web.Request) -> web.Response:
        log.info("event=kiosk_action action=%s", name)
        await call(request.app[CONTROL], request)
        return _answer(request)

    return handle


async def _choose(control: StationControl, request: web.Request) -> None:
    mode = CHOICES.get(await _field(request, "mode"))
    if mode is None:
        raise web.HTTPBadRequest(text="Choose checkout, return or account.\n")
    await control.choose(mode)


async def _sign_in(control: StationControl, request: web.Request) -> None:
    form = await request.post()
    # No number: the card lying on the pad, which the station knows; none there is its notice.
    await control.sign_in(str(form.get("patron_id", "")).strip(), str(form.get("pin", "")))


async def _renew(control: StationControl, request: web.Request) -> None:
    if item_id := await _field(request, "item_id"):
        await control.renew(item_id)


async def _hold(control: StationControl, request: web.Request) -> None:
    if item_id := await _field(request, "item_id"):
        await control.place_hold(item_id)


async def _language(control: StationControl, request: web.Request) -> None:
    language = await _field(request, "language")
    if language not in control.screen().languages:
        raise web.HTTPBadRequest(text="The kiosk does not speak that language.\n")
    control.set_language(language)


async def _finish(control: StationControl, request: web.Request) -> None:
    await control.finish()


async def _email(control: StationControl, request: web.Request) -> None:
    await control.email_receipt()


async def _done(control: StationControl, request: web.Request) -> None:
    await control.done()


async def _touch(control: StationControl, request: web.Request) -> None:
    await control.touch()


def build_app(control: StationControl, hosts: set[str]) -> web.Application:
    """The kiosk's application for ``control``, answering at ``hosts`` ("127.0.0.1:8040")."""
    app = web.Application(middlewares=[guard], client_max_size=16 * 1024)
    app[CONTROL] = control
    app[HOSTS] = hosts
    app.router.add_get("/", page)
    app.router.add_get("/screen", screen_after)
    for path, name, call in (
        ("/choose", "choose", _choose),
        ("/sign-in", "sign_in", _sign_in),
        ("/renew", "renew", _renew),
        ("/hold", "place_hold", _hold),
        ("/language", "language", _language),
        ("/finish", "finish", _finish),
        ("/email", "email_receipt", _email),
        ("/done", "done", _done),
        ("/touch", "touch", _touch),
    ):
        app.router.add_post(path, action(name, call))
    app.router.add_static("/static", str(STATIC))
    return app


@dataclass
class KioskServer:
    """A running kiosk: its address, and how to stop it."""

    url: str
    runner: web.AppRunner

    async def close(self) -> None:
        """Stop listening and end the pending long polls."""
        await self.runner.cleanup()
        log.info("event=kiosk_stopped url=%s", self.url)


async def start_kiosk(
    control: StationControl, host: str = "127.0.0.1", port: int = 8040
) -> KioskServer:
    """Serve the kiosk for ``control`` at http://``host``:``port``/ (port 0: any free port)."""
    hosts: set[str] = set()
    app = build_app(control, hosts)
    # Long polls hold requests open; on close they are cancelled rather than waited for.
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as error:
        await runner.cleanup()
        raise OSError(f"The kiosk cannot listen on {host}:{port}: {error.strerror}.") from error
    bound = runner.addresses[0][1]
    hosts.update(own_hosts(host, bound))
    name = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::", ""):
        name = "127.0.0.1"  # the address this machine's own screen uses
    url = f"http://{name}:{bound}/"
    log.info("event=kiosk_started url=%s", url)
    return KioskServer(url=url, runner=runner)
