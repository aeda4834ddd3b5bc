"""What other plugins add to a catalogue record's page, without the catalogue knowing them.

A plugin registers a ``RecordSection`` from its AppConfig.ready(); the record page renders each
section's template with what its ``context`` gives, or leaves it out when that is None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest

    from plugins.opac.models import CatalogueRecord

_sections: dict[str, RecordSection] = {}


@dataclass(frozen=True)
class RecordSection:
    key: str  # a name for it, e.g. "exhibitions"
    template: str  # rendered on the record page with ``section`` (what ``context`` gives)
    context: Callable[[HttpRequest, CatalogueRecord, str], Any]  # request, record, language
    order: int = 100  # place among the sections, smallest first
    stylesheets: tuple[str, ...] = ()  # static paths the template's markup needs


@dataclass(frozen=True)
class RenderedSection:
    """A section with what it shows on one record's page."""

    section: RecordSection
    value: Any


def register_record_section(section: RecordSection) -> None:
    _sections[section.key] = section


def record_sections(
    request: HttpRequest, record: CatalogueRecord, language: str
) -> list[RenderedSection]:
    """The sections that have something to show for ``record``, in their order."""
    ordered = sorted(_sections.values(), key=lambda section: (section.order, section.key))
    shown = [RenderedSection(s, s.context(request, record, language)) for s in ordered]
    return [rendered for rendered in shown if rendered.value is not None]
