"""The ``library20`` command: Django's manage.py for this project."""

import os
import sys


def configure(default_settings: str) -> None:
    """Load the settings, or stop with one line naming the variable at fault."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    from django.conf import settings

    from library_site.settings.environment import SettingError

    try:
        settings.INSTALLED_APPS  # noqa: B018 - importing the settings is what is checked
    except SettingError as error:
        sys.exit(f"library20: configuration error: {error}")


def main(argv: list[str] | None = None) -> None:
    configure("library_site.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv or sys.argv)


if __name__ == "__main__":
    main()
