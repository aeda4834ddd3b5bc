"""A typographic cover for a record that has no picture: its title and author on a colour of
its own (the same title always gets the same colour), readable as a thumbnail.

Made here, in SVG: no image host is asked for anything.
"""

from __future__ import annotations

import hashlib
import textwrap
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 200, 300
# (font size, characters per line, lines): the title set as large as it fits.
_TITLE_SIZES = ((30, 9, 3), (24, 11, 4), (20, 13, 5), (17, 16, 6), (14, 19, 7))
_AUTHOR_SIZE, _AUTHOR_LINE, _AUTHOR_LINES = 15, 18, 2


def _hue(title: str) -> int:
    return int.from_bytes(hashlib.sha256(title.encode("utf-8")).digest()[:2], "big") % 360


def _lines(text: str, width: int, most: int) -> list[str]:
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _title_layout(title: str) -> tuple[int, list[str]]:
    """The largest size at which the title's words fit whole on its lines; else the smallest,
    long words broken and the end cut."""
    for size, per_line, most in _TITLE_SIZES:
        lines = textwrap.wrap(title, width=per_line, break_long_words=False) or [""]
        if len(lines) <= most and all(len(line) <= per_line for line in lines):
            return size, lines
    size, per_line, most = _TITLE_SIZES[-1]
    return size, _lines(title, per_line, most)


def _text(lines: list[str], x: int, y: int, size: int, leading: float, **attributes: str) -> str:
    attrs = " ".join(f'{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if number == 0 else round(size * leading)}">{escape(line)}</tspan>'
        for number, line in enumerate(lines)
    )
    return f'<text x="{x}" y="{y}" font-size="{size}" {attrs}>{spans}</text>'


def cover_svg(title: str, author: str) -> str:
    """The cover as an SVG document; ``author`` as readers say it ("Charles Dickens"), or ""."""
    hue = _hue(title)
    size, title_lines = _title_layout(title)
    author_lines = _lines(author, _AUTHOR_LINE, _AUTHOR_LINES) if author else []
    title_svg = _text(
        title_lines,
        20,
        70 + size,
        size,
        1.2,
        font_family="Georgia, 'Times New Roman', serif",
        font_weight="700",
        fill="#ffffff",
    )
    author_svg = _text(
        author_lines,
        20,
        HEIGHT - 30 - round(_AUTHOR_SIZE * 1.3) * (len(author_lines) - 1),
        _AUTHOR_SIZE,
        1.3,
        font_family="system-ui, 'Segoe UI', Roboto, sans-serif",
        fill="#f3ead8",
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img">'
        f"<title>{escape(title)}</title>"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="hsl({hue} 45% 27%)"/>'
        f'<rect x="0" y="0" width="12" height="{HEIGHT}" fill="hsl({hue} 50% 18%)"/>'
        f'<rect x="20" y="40" width="60" height="4" fill="hsl({(hue + 40) % 360} 70% 62%)"/>'
        f"{title_svg}{author_svg if author_lines else ''}</svg>"
    )
