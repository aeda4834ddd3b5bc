"""The ``library20`` command: debug only for the development server, one line for a bad database."""

from library_site import manage
from library_site.manage import debug_by_default
from tests.library_site.settings.test_environment import run_manage
from tests.services import port_open, require

DEV = {"DJANGO_SETTINGS_MODULE": "library_site.settings.dev"}
POSTGRES = "127.0.0.1:5432"


def require_postgres() -> None:
    require(port_open("127.0.0.1", 5432), f"PostgreSQL at {POSTGRES}")


def python_in_shell(code: str, **env: str):
    return run_manage("shell", "--no-imports", "-c", code, **{**DEV, **env})


def test_commands_run_with_debug_off_under_the_development_settings(tmp_path):
    result = python_in_shell(
        "from django.conf import settings; print(settings.DEBUG)",
        LIBRARY20_VAR_DIR=str(tmp_path),
    )

    assert result.stdout.strip() == "False", result.stderr


def test_debug_is_on_for_a_command_when_asked(tmp_path):
    result = python_in_shell(
        "from django.conf import settings; print(settings.DEBUG)",
        LIBRARY20_VAR_DIR=str(tmp_path),
        DJANGO_DEBUG="true",
    )

    assert result.stdout.strip() == "True", result.stderr


def test_only_the_development_server_runs_with_debug_on_by_default():
    assert debug_by_default(["library20", "runserver"]) is True
    assert debug_by_default(["library20", "koha_sync", "--full"]) is False
    assert debug_by_default(["library20", "demo"]) is False
    assert debug_by_default(["library20"]) is False


def test_catalogue_sync_under_the_development_settings_keeps_no_sql_in_memory(tmp_path):
    result = python_in_shell(
        "from django.core.management import call_command\n"
        "from django.db import connection\n"
        "call_command('migrate', verbosity=0)\n"
        "call_command('koha_sync', verbosity=0)\n"
        "print('statements kept:', len(connection.queries))",
        LIBRARY20_VAR_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "statements kept: 0"


def database_error(url: str) -> list[str]:
    result = run_manage("migrate", DATABASE_URL=url, **DEV)
    assert result.returncode == 2, result.stderr
    return result.stderr.strip().splitlines()


def test_sqlite_file_in_a_missing_directory_is_named_in_one_line(tmp_path):
    path = tmp_path / "no-such-dir" / "library20.sqlite3"

    assert database_error(f"sqlite:///{path}") == [
        f"library20: configuration error: DATABASE_URL: cannot open the SQLite database {path}: "
        f"the directory {path.parent} does not exist"
    ]


def test_postgresql_role_that_does_not_exist_is_one_line_without_the_password():
    require_postgres()

    lines = database_error(f"postgres://no_such_librarian:s3cret-pw@{POSTGRES}/library20")

    assert lines == [
        "library20: configuration error: DATABASE_URL: cannot connect to PostgreSQL at "
        f'{POSTGRES}: role "no_such_librarian" does not exist'
    ]


def test_postgresql_database_that_does_not_exist_is_one_line():
    require_postgres()

    lines = database_error(f"postgres://postgres@{POSTGRES}/no_such_library_db")

    assert lines == [
        "library20: configuration error: DATABASE_URL: cannot connect to PostgreSQL at "
        f'{POSTGRES}: database "no_such_library_db" does not exist'
    ]


def test_postgresql_that_refuses_connections_is_one_line_without_the_password():
    lines = database_error("postgres://librarian:s3cret-pw@127.0.0.1:1/library20")

    assert len(lines) == 1
    assert lines[0].startswith(
        "library20: configuration error: DATABASE_URL: cannot connect to PostgreSQL at "
        "127.0.0.1:1: "
    )
    assert "refused" in lines[0].lower()
    assert "s3cret-pw" not in lines[0]


def test_development_server_stops_at_once_when_the_database_cannot_be_reached():
    result = run_manage(
        "runserver", "127.0.0.1:0", DATABASE_URL="postgres://librarian@127.0.0.1:1/x", **DEV
    )

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "library20: configuration error: DATABASE_URL: cannot connect to PostgreSQL at "
        "127.0.0.1:1: Connection refused"
    ]


def test_a_failing_statement_on_a_working_database_is_not_called_configuration(tmp_path):
    result = python_in_shell(
        "from django.db import connection\n"
        "connection.cursor().execute('SELECT * FROM no_such_table')",
        LIBRARY20_VAR_DIR=str(tmp_path),
    )

    assert result.returncode != 0
    assert "configuration error" not in result.stderr
    assert "no_such_table" in result.stderr


def test_serve_runs_with_production_settings_and_other_commands_with_development_ones():
    assert manage.default_settings(["library20", "serve"]) == "library_site.settings.production"
    assert manage.default_settings(["library20", "migrate"]) == "library_site.settings.dev"
    assert manage.default_settings(["library20"]) == "library_site.settings.dev"


def test_serve_refuses_debug_mode(tmp_path):
    result = run_manage(
        "serve",
        DJANGO_SETTINGS_MODULE="library_site.settings.dev",
        DJANGO_DEBUG="true",
        LIBRARY20_VAR_DIR=str(tmp_path),
    )

    assert result.returncode == 1
    assert "debug mode is on; library20 serve serves production only" in result.stderr
