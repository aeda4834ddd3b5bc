"""A light MARC record with its fields found by tag: what the normalisers read.

The normalisers read a record through ``get``, ``get_fields`` and a field's ``tag``,
``indicator2``, ``subfields`` and ``data``, which pymarc's records have too. A catalogue sync
reads Koha's MARC-in-JSON into these instead: building pymarc's Records and Fields cost it more
than normalising them, and pymarc looks a tag up by walking every field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class MarcField(Protocol):
    """A field as the normalisers read it: pymarc.Field or TaggedField."""

    tag: str
    data: str | None  # a control field's content; None for a data field

    @property
    def indicator2(self) -> str | None: ...

    @property
    def subfields(self) -> Sequence[tuple[str, object]]: ...  # (code, value), in field order


class MarcRecord(Protocol):
    """A record as the normalisers read it: pymarc.Record or TaggedRecord."""

    @property
    def leader(self) -> object: ...  # its str() is the 24 characters

    def get(self, tag: str) -> MarcField | None: ...

    def get_fields(self, *tags: str) -> Sequence[MarcField]: ...


class TaggedField:
    """A control field (``data``) or a data field (indicators and (code, value) subfields)."""

    __slots__ = ("data", "indicator1", "indicator2", "position", "subfields", "tag")

    def __init__(
        self,
        tag: str,
        position: int,
        data: str | None = None,
        indicators: tuple[str, str] = (" ", " "),
        subfields: list[tuple[str, str]] | None = None,
    ) -> None:
        self.tag, self.position, self.data = tag, position, data
        self.indicator1, self.indicator2 = indicators
        self.subfields = subfields if subfields is not None else []


class TaggedRecord:
    """A leader and fields, in record order and by tag."""

    __slots__ = ("_by_tag", "fields", "leader")

    def __init__(self, leader: str, fields: list[TaggedField]) -> None:
        self.leader, self.fields = leader, fields
        by_tag: dict[str, list[TaggedField]] = {}
        for field in fields:
            by_tag.setdefault(field.tag, []).append(field)
        self._by_tag = {tag: tuple(found) for tag, found in by_tag.items()}

    def get(self, tag: str) -> TaggedField | None:
        """The first field with the tag; None if there is none."""
        found = self._by_tag.get(tag)
        return found[0] if found else None

    def get_fields(self, *tags: str) -> tuple[TaggedField, ...]:
        """The fields with any of the tags, in record order."""
        if len(tags) == 1:
            return self._by_tag.get(tags[0], ())
        groups = [found for tag in tags if (found := self._by_tag.get(tag))]
        if len(groups) == 1:
            return groups[0]
        return tuple(sorted((field for group in groups for field in group), key=_position))


def _position(field: TaggedField) -> int:
    return field.position
