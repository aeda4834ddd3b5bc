"""How a tag says "on loan" or "in the library" to the security gate: the AFI byte, the EAS bit.

Gates ask only tags that are in the library to answer (an inventory filtered on the in-library
AFI, or the EAS command), so the two AFI values must be the ones the site's gates expect:

- ``ISO``: ISO 28560-1 (and the Danish model since 2008): 0xC2 on loan, 0x07 in the library.
- ``THREE_M``: 3M-era deployments: 0xD7 on loan, 0xDA in the library. Older notes give these the
  other way round; check with the site's gates.

EAS armed means "in the library" (the gate alarms); it is used where the reader supports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Security:
    """The site's security states: which AFI values mean what, and which mechanisms are used."""

    afi_on_loan: int = 0xC2
    afi_in_library: int = 0x07
    use_afi: bool = True
    use_eas: bool = False

    def __post_init__(self) -> None:
        for name in ("afi_on_loan", "afi_in_library"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value <= 0xFF:
                raise ValueError(f"{name} must be a byte (00-FF), not {value!r}")
        if self.afi_on_loan == self.afi_in_library:
            raise ValueError(
                f"the AFI on loan and in the library must differ (both {self.afi_on_loan:02X})"
            )
        if not (self.use_afi or self.use_eas):
            raise ValueError("security needs the AFI, EAS, or both")

    def afi(self, on_loan: bool) -> int:
        """The AFI to write for an item on loan (True) or back in the library (False)."""
        return self.afi_on_loan if on_loan else self.afi_in_library

    def on_loan(self, afi: int) -> bool | None:
        """What an AFI read from a tag says: on loan, in the library, or None (neither value)."""
        if afi == self.afi_on_loan:
            return True
        if afi == self.afi_in_library:
            return False
        return None


ISO = Security()
THREE_M = Security(afi_on_loan=0xD7, afi_in_library=0xDA)
PRESETS = {"iso": ISO, "3m": THREE_M}

_PAIR = re.compile(r"^(?:0x)?([0-9a-f]{1,2})/(?:0x)?([0-9a-f]{1,2})$", re.IGNORECASE)


def security_from(afi: str = "iso", *, use_afi: bool = True, use_eas: bool = False) -> Security:
    """Security from configuration: ``afi`` is a preset name (``iso``, ``3m``) or the two AFI
    values in hex as ``ON_LOAN/IN_LIBRARY`` (``C2/07``, ``0xD7/0xDA``)."""
    text = afi.strip().lower()
    if text in PRESETS:
        preset = PRESETS[text]
        return Security(preset.afi_on_loan, preset.afi_in_library, use_afi, use_eas)
    match = _PAIR.match(text)
    if match is None:
        raise ValueError(
            f"AFI setting {afi!r} is neither a preset ({', '.join(PRESETS)}) nor two hex "
            "bytes ON_LOAN/IN_LIBRARY such as C2/07"
        )
    on_loan, in_library = (int(group, 16) for group in match.groups())
    return Security(on_loan, in_library, use_afi, use_eas)
