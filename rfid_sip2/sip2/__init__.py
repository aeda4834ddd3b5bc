"""SIP2 2.00 as a sans-IO protocol: bytes in, typed messages out, and back; no sockets, no clock."""
