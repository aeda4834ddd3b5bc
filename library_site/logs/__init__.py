"""The site's logs: one line per event, as key=value or JSON (LOG_FORMAT), never a secret."""
