"""Where the gateway's requests go: Koha's SIP2 server, or SIP2 on the sandbox ILS."""
