"""A source string with its translations, and the catalogue they make."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

TARGET_LANGUAGES = ("ru", "uk", "ro")


@dataclass(frozen=True)
class T:
    """An English source string and its Russian, Ukrainian and Romanian translations."""

    en: str
    ru: str
    uk: str
    ro: str

    def __str__(self) -> str:
        return self.en

    def in_language(self, code: str) -> str:
        return getattr(self, code)


class MissingDemoTranslation(LookupError):
    """The demo content has a source string without a translation."""


def as_segment(text: str) -> str:
    """How wagtail-localize shows a string to translators: line breaks become <br/>."""
    return text.replace("\n", "<br/>")


class Catalogue:
    """Translations of the demo's source strings, looked up as wagtail-localize segments."""

    def __init__(self, texts: Iterable[T]) -> None:
        self._by_source = {as_segment(text.en): text for text in texts}

    def translate(self, segment: str, language: str) -> str:
        try:
            return as_segment(self._by_source[segment].in_language(language))
        except KeyError:
            raise MissingDemoTranslation(f"no {language} translation for {segment!r}") from None
