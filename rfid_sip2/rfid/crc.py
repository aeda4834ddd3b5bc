"""The three CRC-16s of library RFID, all over the polynomial 0x1021 and preset 0xFFFF.

===================  ===========  ==========  ========================================
name                 reflected    final XOR   used for
===================  ===========  ==========  ========================================
CRC-16/IBM-3740      no           0x0000      ISO 28560-3 tag data ("CCITT-FALSE")
CRC-16/GENIBUS       no           0xFFFF      3M 810 / Model 210 reader frames
CRC-16/MCRF4XX       yes          0x0000      Feig ISO host frames (and RL866)
===================  ===========  ==========  ========================================
"""

from __future__ import annotations


def _msb_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
        table.append(crc & 0xFFFF)
    return tuple(table)


def _lsb_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_MSB, _LSB = _msb_table(), _lsb_table()


def crc16_ibm_3740(data: bytes) -> int:
    """CRC-16/IBM-3740 (CCITT-FALSE): ``crc16_ibm_3740(b"123456789") == 0x29B1``."""
    crc = 0xFFFF
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _MSB[(crc >> 8) ^ byte]
    return crc


def crc16_genibus(data: bytes) -> int:
    """CRC-16/GENIBUS: ``crc16_genibus(b"123456789") == 0xD64E``."""
    return crc16_ibm_3740(data) ^ 0xFFFF


def crc16_mcrf4xx(data: bytes) -> int:
    """CRC-16/MCRF4XX: ``crc16_mcrf4xx(b"123456789") == 0x6F91``."""
    crc = 0xFFFF
    for byte in data:
        crc = (crc >> 8) ^ _LSB[(crc ^ byte) & 0xFF]
    return crc
