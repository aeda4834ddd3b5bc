"""Everything that talks to Koha: REST client, MARC records, sandbox ILS. No Django in its core."""
