"""The demo pad: a page that stands in for the hands at the RFID pad beside the kiosk.

It puts the demo's tagged books and library card on the simulated reader and takes them off,
shows each tag's security as the reader would read it, and injects the faults a real pad has
(a reader unplugged, a security write that does not take). Its words follow the kiosk's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files

from aiohttp import web

from rfid_sip2.rfid.readers.verified import DEFAULT_POLICY
from rfid_sip2.rfid.security import Security
from rfid_sip2.rfid.simulator import SimulatedReader
from rfid_sip2.station.demo.books import DemoTag
from rfid_sip2.station.kiosk.origin import own_hosts
from rfid_sip2.station.kiosk.pages import templates
from rfid_sip2.station.kiosk.server import HOSTS, guard
from rfid_sip2.station.texts import translation

STATIC = files("rfid_sip2.station.demo") / "static"
ENVIRONMENT = templates("rfid_sip2.station.demo")
PAD = web.AppKey("pad", "DemoPad")


@dataclass
class DemoPad:
    """What the page works on: the simulated reader, its tags, and the kiosk's language."""

    reader: SimulatedReader
    tags: Sequence[DemoTag]
    security: Security
    language: Callable[[], str]

    def rows(self) -> list[dict[str, object]]:
        pgettext = translation(self.language()).pgettext
        known = {tag.uid: tag for tag in self.reader.tags()}
        rows = []
        for demo in self.tags:
            tag = known.get(demo.uid)
            on_pad = bool(tag and tag.on_pad)
            if demo.tag.usage is not None and demo.tag.usage.is_patron_card:
                kind = pgettext("demo pad", "Library card %(number)s") % {
                    "number": demo.tag.item_id
                }
                security = ""
            else:
                kind = pgettext("demo pad", "Item %(barcode)s") % {"barcode": demo.tag.item_id}
                if demo.tag.parts > 1:
                    kind += ", " + pgettext("demo pad", "part %(part)s of %(parts)s") % {
                        "part": demo.tag.part,
                        "parts": demo.tag.parts,
                    }
                on_loan = tag is not None and tag.afi == self.security.afi_on_loan
                security = (
                    pgettext("demo pad", "Security off: may leave the library")
                    if on_loan
                    else pgettext("demo pad", "Security on: the gate would sound")
                )
            rows.append(
                {
                    "uid": demo.uid.hex().upper(),
                    "label": demo.label,
                    "kind": kind,
                    "security": security,
                    "on_pad": on_pad,
                    "button": pgettext("demo pad", "Take off the pad")
                    if on_pad
                    else pgettext("demo pad", "Put on the pad"),
                }
            )
        return rows

    def words(self) -> dict[str, str]:
        pgettext = translation(self.language()).pgettext
        return {
            "title": pgettext("demo pad", "Demo RFID pad"),
            "intro": pgettext(
                "demo pad",
                "This page stands in for the books and the library card on the RFID pad "
                "beside the kiosk. Put them on the pad here and watch the kiosk.",
            ),
            "things": pgettext("demo pad", "Books and card"),
            "on_pad": pgettext("demo pad", "On the pad"),
            "faults": pgettext("demo pad", "Faults"),
            "reader_plugged": pgettext("demo pad", "Unplug the reader"),
            "reader_unplugged": pgettext("demo pad", "Plug the reader back in"),
            "fail_write": pgettext("demo pad", "Make the next security write fail"),
        }


async def page(request: web.Request) -> web.Response:
    pad = request.app[PAD]
    html = ENVIRONMENT.get_template("pad.jinja").render(
        language=pad.language(),
        words=pad.words(),
        rows=pad.rows(),
        plugged=pad.reader.plugged,
    )
    return web.Response(text=html, content_type="text/html")


async def move(request: web.Request) -> web.Response:
    pad = request.app[PAD]
    form = await request.post()
    uids = {demo.uid.hex().upper(): demo for demo in pad.tags}
    demo = uids.get(str(form.get("uid", "")))
    if demo is None:
        raise web.HTTPBadRequest(text="No such tag on this demo pad.\n")
    tag = next((tag for tag in pad.reader.tags() if tag.uid == demo.uid), None)
    if tag is not None and tag.on_pad:
        pad.reader.remove(demo.uid)
    else:
        pad.reader.place(demo.uid)
    raise web.HTTPSeeOther("/")


async def fault(request: web.Request) -> web.Response:
    pad = request.app[PAD]
    form = await request.post()
    match form.get("fault"):
        case "unplug":
            pad.reader.unplug()
        case "plug":
            pad.reader.plug()
        case "fail-write":
            pad.reader.fail_writes(DEFAULT_POLICY.write_attempts)  # every retry of one write
        case _:
            raise web.HTTPBadRequest(text="Unknown fault.\n")
    raise web.HTTPSeeOther("/")


def build_app(pad: DemoPad, hosts: set[str]) -> web.Application:
    app = web.Application(middlewares=[guard], client_max_size=4 * 1024)
    app[PAD] = pad
    app[HOSTS] = hosts
    app.router.add_get("/", page)
    app.router.add_post("/move", move)
    app.router.add_post("/fault", fault)
    app.router.add_static("/static", str(STATIC))
    return app


async def start_pad(pad: DemoPad, host: str, port: int) -> tuple[str, web.AppRunner]:
    """Serve the demo pad at http://``host``:``port``/; its address and its runner."""
    hosts: set[str] = set()
    runner = web.AppRunner(build_app(pad, hosts), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    bound = runner.addresses[0][1]
    hosts.update(own_hosts(host, bound))
    return f"http://{host}:{bound}/", runner
