"""ISO/IEC 15962 compaction schemes, as ISO 28560-2 uses them, and ISO 28560-2's ISIL compaction.

Each scheme turns text into bytes and back. ``compact`` picks the shortest scheme that can hold a
text; ``expand`` reads bytes in a given scheme. Padding bits: 5-bit with zeros, 6-bit with the
first bits of the space code, 7-bit with ones, numeric with a 0xF nibble; a decoder drops a last
code made of padding alone. Every problem raises ``CompactionError``.
"""

from __future__ import annotations

from enum import IntEnum


class CompactionError(ValueError):
    """Bytes that do not read in a scheme, or a text a scheme cannot hold."""


class Compaction(IntEnum):
    """The precursor's three compaction bits."""

    APPLICATION_DEFINED = 0
    INTEGER = 1
    NUMERIC = 2
    FIVE_BIT = 3
    SIX_BIT = 4
    SEVEN_BIT = 5
    OCTET = 6
    UTF8 = 7


def _pack(codes: list[int], width: int, pad: int) -> bytes:
    """Codes of ``width`` bits, most significant first, padded with the top bits of ``pad``."""
    value, bits = 0, 0
    for code in codes:
        value, bits = (value << width) | code, bits + width
    spare = -bits % 8  # may exceed a 5-bit code: the pad code is repeated
    value = (value << spare) | (((pad << width) | pad) >> (2 * width - spare))
    return value.to_bytes((bits + spare) // 8, "big")


def _unpack(data: bytes, width: int, pad: int) -> list[int]:
    """The codes in ``data``; a last code that lies wholly in the padding is dropped."""
    bits = len(data) * 8
    value = int.from_bytes(data, "big")
    count = bits // width
    codes = [(value >> (bits - width * (i + 1))) & ((1 << width) - 1) for i in range(count)]
    # The last code is padding when fewer codes would fill the same bytes and it is the pad code.
    if codes and codes[-1] == pad and -(-(count - 1) * width // 8) == len(data):
        codes.pop()
    return codes


def _integer(text: str) -> bytes:
    if not text.isascii() or not text.isdigit() or (text[0] == "0" and text != "0"):
        raise CompactionError("integer compaction holds digits without a leading zero")
    value = int(text)
    return value.to_bytes(max(1, -(-value.bit_length() // 8)), "big")


def _numeric(text: str) -> bytes:
    if not text.isascii() or not text.isdigit():
        raise CompactionError("numeric compaction holds digits only")
    return bytes.fromhex(text + "f" * (len(text) % 2))


def _expand_numeric(data: bytes) -> str:
    digits = data.hex()
    if digits.endswith("f"):
        digits = digits[:-1]
    if not digits.isdigit():
        raise CompactionError(f"not a numeric string: {data.hex()}")
    return digits


def _five_bit(text: str) -> bytes:
    # Codes 1-31 are A-Z [ \ ] ^ _; code 0 ('@') doubles as padding, so it is not offered.
    if not all("A" <= char <= "_" for char in text):
        raise CompactionError("5-bit compaction holds A-Z [ \\ ] ^ _ only")
    return _pack([ord(char) - 0x40 for char in text], 5, 0)


def _expand_five_bit(data: bytes) -> str:
    return "".join(chr(code + 0x40) for code in _unpack(data, 5, 0))


_SIX_BIT_CONTROLS = range(0x21, 0x28)  # EOT, FS, US and reserved codes in ISO/IEC 15962's set


def _six_bit(text: str) -> bytes:
    # A trailing space would read as padding (the pad is the space code's leading bits).
    if text.endswith(" ") or not all(
        " " <= char <= "_" and ord(char) not in _SIX_BIT_CONTROLS for char in text
    ):
        raise CompactionError("6-bit compaction holds space, ( to _ only, not at the end")
    return _pack([ord(char) & 0x3F for char in text], 6, 0x20)


def _expand_six_bit(data: bytes) -> str:
    codes = _unpack(data, 6, 0x20)
    if any(code in _SIX_BIT_CONTROLS for code in codes):
        raise CompactionError(f"6-bit data with control codes: {data.hex()}")
    return "".join(chr(code if code >= 0x20 else code + 0x40) for code in codes)


def _seven_bit(text: str) -> bytes:
    if not text.isascii() or text.endswith("\x7f"):
        raise CompactionError("7-bit compaction holds ASCII only")
    return _pack([ord(char) for char in text], 7, 0x7F)


def _expand_seven_bit(data: bytes) -> str:
    return "".join(chr(code) for code in _unpack(data, 7, 0x7F))


def _octet(text: str) -> bytes:
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        raise CompactionError("octet compaction holds ISO 8859-1 characters only") from None


def _expand_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CompactionError(f"not UTF-8: {data.hex()}") from None


_COMPACT = {
    Compaction.INTEGER: _integer,
    Compaction.NUMERIC: _numeric,
    Compaction.FIVE_BIT: _five_bit,
    Compaction.SIX_BIT: _six_bit,
    Compaction.SEVEN_BIT: _seven_bit,
    Compaction.OCTET: _octet,
    Compaction.UTF8: lambda text: text.encode("utf-8"),
}
_EXPAND = {
    Compaction.INTEGER: lambda data: str(int.from_bytes(data, "big")),
    Compaction.NUMERIC: _expand_numeric,
    Compaction.FIVE_BIT: _expand_five_bit,
    Compaction.SIX_BIT: _expand_six_bit,
    Compaction.SEVEN_BIT: _expand_seven_bit,
    Compaction.OCTET: lambda data: data.decode("latin-1"),
    Compaction.UTF8: _expand_utf8,
}
# On equal length the simpler scheme wins: the real ISO 28560-2 tag holds "BA" as an octet string.
_PREFERENCE = (
    Compaction.OCTET,
    Compaction.INTEGER,
    Compaction.NUMERIC,
    Compaction.FIVE_BIT,
    Compaction.SIX_BIT,
    Compaction.SEVEN_BIT,
    Compaction.UTF8,
)


def compact_as(text: str, scheme: Compaction) -> bytes:
    """``text`` in ``scheme``; CompactionError when the scheme cannot hold it."""
    if scheme not in _COMPACT:
        raise CompactionError(f"compaction {scheme} is application-defined, not for text")
    return _COMPACT[scheme](text)


def compact(text: str) -> tuple[Compaction, bytes]:
    """The shortest compaction of ``text`` (ISO/IEC 15962's choice), with its bytes."""
    best: tuple[Compaction, bytes] | None = None
    for scheme in _PREFERENCE:
        try:
            data = _COMPACT[scheme](text)
        except CompactionError:
            continue
        if best is None or len(data) < len(best[1]):
            best = scheme, data
    assert best is not None  # UTF-8 holds every text
    return best


def expand(data: bytes, scheme: Compaction) -> str:
    """The text ``data`` holds in ``scheme``."""
    if scheme not in _EXPAND:
        raise CompactionError(f"compaction {scheme} is application-defined, not text")
    return _EXPAND[scheme](data)


# ISO 28560-2 ISIL compaction: two 5-bit sets and a 4-bit numeric set, with latch and shift.
_SETS = {
    "upper": "-ABCDEFGHIJKLMNOPQRSTUVWXYZ:",
    "lower": "-abcdefghijklmnopqrstuvwxyz/",
    "digits": "0123456789-:",
}
_WIDTH = {"upper": 5, "lower": 5, "digits": 4}
# Control codes in each set: (latch, shift) to each other set.
_CONTROLS = {
    "upper": {"lower": (28, 29), "digits": (30, 31)},
    "lower": {"upper": (28, 29), "digits": (30, 31)},
    "digits": {"upper": (12, 13), "lower": (14, 15)},
}


def _set_of(char: str) -> str:
    for name in ("upper", "lower", "digits"):
        if char in _SETS[name]:
            return name
    raise CompactionError(f"an ISIL holds A-Z, a-z, 0-9, '-', ':' and '/' only, not {char!r}")


def compact_isil(isil: str) -> bytes:
    """An ISIL in ISO 28560-2's ISIL compaction: starting in upper case, latching to a set for a
    run of two or more characters, shifting for one; padded with one bits."""
    current, bits, width_total = "upper", 0, 0
    i = 0
    while i < len(isil):
        char = isil[i]
        if char in _SETS[current]:
            bits, width_total = _put(bits, width_total, _SETS[current].index(char), current)
            i += 1
            continue
        target = _set_of(char)
        run = 1
        while i + run < len(isil) and isil[i + run] in _SETS[target]:
            if isil[i + run] in _SETS[current]:
                break
            run += 1
        latch, shift = _CONTROLS[current][target]
        bits, width_total = _put(bits, width_total, latch if run > 1 else shift, current)
        if run > 1:
            current = target
            continue
        bits, width_total = _put(bits, width_total, _SETS[target].index(char), target)
        i += 1
    spare = -width_total % 8
    bits = (bits << spare) | ((1 << spare) - 1)
    return bits.to_bytes((width_total + spare) // 8, "big")


def _put(bits: int, total: int, code: int, in_set: str) -> tuple[int, int]:
    width = _WIDTH[in_set]
    return (bits << width) | code, total + width


def expand_isil(data: bytes) -> str:
    """An ISIL from ISO 28560-2's ISIL compaction; trailing bits too short for a code are padding,
    as is a shift with nothing after it."""
    value, remaining = int.from_bytes(data, "big"), len(data) * 8
    current, shifted, out = "upper", None, []
    while True:
        in_set = shifted or current
        width = _WIDTH[in_set]
        if remaining < width:
            break
        remaining -= width
        code = (value >> remaining) & ((1 << width) - 1)
        shifted = None
        if code < len(_SETS[in_set]):
            out.append(_SETS[in_set][code])
            continue
        for target, (latch, shift) in _CONTROLS[in_set].items():
            if code == latch:
                current = target
            elif code == shift:
                shifted = target
    return "".join(out)
