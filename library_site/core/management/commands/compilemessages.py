"""Build the .mo files of ``locale/`` in pure Python, so a fresh machine needs no GNU gettext."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def compile_catalogues(locale_dirs: list[Path]) -> list[Path]:
    """Compile each .po whose .mo is missing or stale; return the .mo files written."""
    built = []
    for locale_dir in locale_dirs:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: cannot be read: {error}") from None
            catalogue.save_as_mofile(str(mo_path))
            built.append(mo_path)
    return built


class Command(BaseCommand):
    help = "Compile the project's .po translation files to .mo (no GNU gettext needed)."

    def handle(self, *args, verbosity: int = 1, **options) -> None:
        built = compile_catalogues([Path(path) for path in settings.LOCALE_PATHS])
        if verbosity < 1:
            return
        for mo_path in built:
            self.stdout.write(f"compiled {mo_path}")
        if not built:
            self.stdout.write("translations are up to date")
