"""The circulation gateway between self-check hardware and Koha: SIP2, RFID, journal. No Django."""
