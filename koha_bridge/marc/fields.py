"""Reading subfields out of MARC records, pymarc's or tagged: values in catalogue order, cleaned,
never None."""

from __future__ import annotations

from koha_bridge.marc.tagged import MarcField, MarcRecord
from koha_bridge.marc.text import clean, names_a_cover, strip_isbd, unique


def subfields(field: MarcField, *codes: str) -> list[tuple[str, str]]:
    """The (code, value) pairs of the given codes, in field order, blank values left out."""
    pairs = []
    for code, raw in field.subfields:
        # pymarc leaves bytes in records read with to_unicode=False: not text to show.
        if code in codes and isinstance(raw, str) and (value := clean(raw)):
            pairs.append((code, value))
    return pairs


def values(field: MarcField, *codes: str) -> list[str]:
    """The values of the given codes, in field order, blank values left out."""
    return [value for _, value in subfields(field, *codes)]


def first(field: MarcField | None, code: str) -> str:
    """The first non-blank value of the code in the field; "" if there is none."""
    found = values(field, code) if field is not None else []
    return found[0] if found else ""


def fixed_positions(field: MarcField | None, code: str) -> str:
    """Coded data read by character position (UNIMARC 100$a), as catalogued: its spaces count."""
    if field is None:
        return ""
    found = (value for each, value in field.subfields if each == code and isinstance(value, str))
    return next(found, "")


def all_values(record: MarcRecord, tag: str, code: str) -> list[str]:
    """Every non-blank value of the code in every field with the tag, in record order."""
    return [value for field in record.get_fields(tag) for value in values(field, code)]


def control(record: MarcRecord, tag: str) -> str:
    """The data of the first control field with the tag; "" if there is none."""
    field = record.get(tag)
    return field.data if field is not None and isinstance(field.data, str) else ""


def series_statements(
    record: MarcRecord, transcribed: tuple[str, str], linked: tuple[str, str]
) -> tuple[str, ...]:
    """Series titles with their volume: as transcribed (MARC21 490$a, UNIMARC 225$a), then the
    linked or authorised form (830$a, 410$t) only when it names another series."""
    series: list[str] = []
    titles: set[str] = set()
    for (tag, code), is_link in ((transcribed, False), (linked, True)):
        for field in record.get_fields(tag):
            title = strip_isbd(first(field, code))
            if not title or (is_link and title.casefold() in titles):
                continue
            titles.add(title.casefold())
            volume = strip_isbd(first(field, "v"))
            series.append(f"{title} ; {volume}" if volume else title)
    return unique(series)


def cover_link(record: MarcRecord, *text_codes: str) -> str:
    """The URL of the 856 that holds the cover: its text (``text_codes``: materials, link text,
    note) names a cover, or its electronic format ($q) is an image; "" when none does."""
    for field in record.get_fields("856"):
        is_image = any(kind.lower().startswith("image/") for kind in values(field, "q"))
        if is_image or any(names_a_cover(text) for text in values(field, *text_codes)):
            return first(field, "u")
    return ""
