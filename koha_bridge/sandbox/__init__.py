"""A small Koha-compatible ILS on SQLite: the embedded default for demos and tests."""
