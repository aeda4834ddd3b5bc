"""The self-service station: a reader's stack on the RFID pad circulated through SIP2, the tags'
security written only after the library system said yes, and the kiosk screen over it."""
