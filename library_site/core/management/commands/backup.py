from django.core.management.base import BaseCommand

from library_site.backup import archive


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded media into one tar archive: pg_dump's custom "
        "format for PostgreSQL, SQLite's online backup for SQLite. Safe while the site runs."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "target",  # a str: Path() would drop the trailing / that says "a folder"
            help="the archive to write, or a folder to write library20-<date>-<time>.tar in",
        )

    def handle(self, *args, target: str, **options) -> None:
        path, contents = archive.backup(target)
        self.stdout.write(
            f"Backed up the {contents.vendor} database and {contents.media_files} media "
            f"file(s) to {path}"
        )
