"""The kiosk's HTML: a whole page, or the screen alone for the page's script to swap in."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from rfid_sip2.station.kiosk.view import View


def templates(package: str) -> Environment:
    """The Jinja templates of ``package``, autoescaped: titles and the library system's
    messages are not ours."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


ENVIRONMENT = templates("rfid_sip2.station.kiosk")


def render_page(view: View) -> str:
    """The whole page, which works without JavaScript."""
    return ENVIRONMENT.get_template("page.jinja").render(v=view)


def render_screen(view: View) -> str:
    """The inside of the page's screen element, for the script to swap in place."""
    return ENVIRONMENT.get_template("screen.jinja").render(v=view)
