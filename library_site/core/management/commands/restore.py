from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from library_site.backup import archive as backups


def describe_database() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"the SQLite database {settings['NAME']}"
    where = f"{settings.get('HOST') or 'localhost'}:{settings.get('PORT') or 5432}"
    return f"the PostgreSQL database {settings['NAME']!r} on {where}"


class Command(BaseCommand):
    help = (
        "Restore a backup made by library20 backup: replaces the whole database and every "
        "uploaded media file. Refuses a database or media that are not empty unless --force."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help="a .tar written by library20 backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database and media that already hold something",
        )

    def handle(self, *args, archive: Path, force: bool, **options) -> None:
        if not archive.is_file():
            raise CommandError(f"{archive} is not a file")
        tables, media_files = backups.what_is_there()
        there = f"{len(tables)} tables and {media_files} media file(s)"
        if (tables or media_files) and not force:
            raise CommandError(
                f"{describe_database()} and the media are not empty ({there}); the backup "
                "would replace them all. Stop the site and workers, then run again with --force"
            )
        contents = backups.restore(archive)
        self.stdout.write(
            f"Restored the backup of {contents.created} into {describe_database()}, with "
            f"{contents.media_files} media file(s); replaced what was there ({there})"
        )
