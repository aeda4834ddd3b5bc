"""The ``library20`` command: Django's manage.py for this project."""

import os
import sys
from typing import NoReturn

CONFIGURATION_ERROR = 2  # as koha-bridge and rfid-sip2 exit on a configuration error


def stop(variable_and_problem: str) -> NoReturn:
    print(f"library20: configuration error: {variable_and_problem}", file=sys.stderr)
    sys.exit(CONFIGURATION_ERROR)


def configure(default_settings: str) -> None:
    """Load the settings, or stop with one line naming the variable at fault."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    from django.conf import settings

    from library_site.settings.environment import SettingError

    try:
        settings.INSTALLED_APPS  # noqa: B018 - importing the settings is what is checked
    except SettingError as error:
        stop(str(error))


def command_name(argv: list[str]) -> str:
    return argv[1] if len(argv) > 1 else ""


# Commands that run the site for the public: production settings unless told otherwise.
PRODUCTION_COMMANDS = ("serve",)


def default_settings(argv: list[str]) -> str:
    if command_name(argv) in PRODUCTION_COMMANDS:
        return "library_site.settings.production"
    return "library_site.settings.dev"


def debug_by_default(argv: list[str]) -> bool:
    """Debug mode for the development server only.

    It keeps every SQL statement in memory: a long command (a catalogue sync) would grow by
    hundreds of megabytes and slow down. DJANGO_DEBUG=true asks for it anyway.
    """
    return command_name(argv) == "runserver"


def main(argv: list[str] | None = None) -> None:
    argv = argv or sys.argv
    os.environ.setdefault("DJANGO_DEBUG", "true" if debug_by_default(argv) else "false")
    configure(default_settings(argv))
    from django.core.management import execute_from_command_line
    from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

    from library_site import connection_errors

    opened = connection_errors.track_connections()
    try:
        if command_name(argv) == "runserver":
            # runserver first opens the database in a thread, whose errors cannot stop it.
            connections[DEFAULT_DB_ALIAS].ensure_connection()
        execute_from_command_line(argv)
    except OperationalError as error:
        if DEFAULT_DB_ALIAS in opened:
            raise  # the database was reached, then a statement failed: not configuration
        database = connections[DEFAULT_DB_ALIAS].settings_dict
        stop(f"DATABASE_URL: {connection_errors.describe(error, database)}")


if __name__ == "__main__":
    main()
