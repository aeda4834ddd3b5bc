"""Backups of the site: its database and uploaded media in one tar archive (library20 backup)."""
