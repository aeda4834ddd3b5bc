"""Reference tag memories shared by the tag tests, each with where it comes from."""

# libdanrfid's DDMDataTest vector (a 32-byte tag): PII 11223344, ISIL DE-705, CRC 0x3E51 LSB first.
DANISH_32 = bytes.fromhex(
    "11 01 01 31 31 32 32 33 33 34 34 00 00 00 00 00 00 00 00 51 3E "
    "44 45 37 30 35 00 00 00 00 00 00"
)
# The TH Wildau README's values (PII 1000000136, ISIL DK-718500) in the 34-byte basic block.
DANISH_34 = bytes.fromhex(
    "11 01 01 31 30 30 30 30 30 30 31 33 36 00 00 00 00 00 00 36 15"
    "44 4B 37 31 38 35 30 30 00 00 00 00 00"
)
