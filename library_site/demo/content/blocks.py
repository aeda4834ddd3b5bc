"""Build StreamField values of ``BaseStreamBlock`` from translatable demo text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wagtail.rich_text import RichText as WagtailRichText

from library_site.demo.content.text import T


@dataclass(frozen=True)
class Block:
    """One StreamField block: its type, its value with ``T`` inside, and how to make it English."""

    block_type: str
    value: Any

    def texts(self) -> list[T]:
        return list(_texts(self.value))

    def english(self, images: dict[str, Any]) -> tuple[str, Any]:
        return self.block_type, _english(self.value, images)


@dataclass(frozen=True)
class ImageRef:
    """A demo image by its key in ``library_site.demo.images``."""

    key: str


@dataclass(frozen=True)
class RichText:
    """Rich text as paragraphs or a bulleted list; each part is one translation segment."""

    parts: tuple[T, ...]
    tag: str = "p"

    def english_html(self) -> str:
        item = "p" if self.tag == "p" else "li"
        items = "".join(f"<{item}>{part.en}</{item}>" for part in self.parts)
        return items if self.tag == "p" else f"<{self.tag}>{items}</{self.tag}>"


def _texts(value: Any):
    if isinstance(value, T):
        yield value
    elif isinstance(value, RichText):
        yield from value.parts
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def _english(value: Any, images: dict[str, Any]) -> Any:
    if isinstance(value, T):
        return value.en
    if isinstance(value, RichText):
        return WagtailRichText(value.english_html())
    if isinstance(value, ImageRef):
        return images[value.key]
    if isinstance(value, dict):
        return {key: _english(item, images) for key, item in value.items()}
    return value


def heading(text: T, level: str = "h2") -> Block:
    return Block("heading", {"text": text, "level": level})


def paragraphs(*parts: T) -> Block:
    return Block("paragraph", RichText(parts))


def bullets(*items: T) -> Block:
    return Block("paragraph", RichText(items, tag="ul"))


def image(key: str, alt_text: T, caption: T, attribution: T) -> Block:
    return Block(
        "image",
        {
            "image": ImageRef(key),
            "alt_text": alt_text,
            "caption": caption,
            "attribution": attribution,
        },
    )


def quote(text: T, source: T) -> Block:
    return Block("quote", {"text": text, "source": source})
