"""The SIP2 gateway: a server for self-check devices in front of Koha, with an offline journal."""
