"""Configuration from the environment: working defaults, and one clear line for each mistake."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from library_site.settings import environment
from library_site.settings.environment import SettingError
from tests.services import port_open, require


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY")}
    return subprocess.run(
        [sys.executable, "-m", "library_site.manage", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,  # a guard, not a timing: migrating and syncing on a loaded machine
    )


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("mysqlx://user:secret@db/library", "unsupported scheme 'mysqlx'"),
        ("just-a-path.sqlite3", "unsupported scheme none"),
        ("postgres://user:secret@db:notaport/library", "cannot be parsed"),
        ("postgres://user:secret@db:5432", "names no database"),
    ],
)
def test_malformed_database_url_stops_start_up_with_one_line(url, problem):
    result = run_manage(
        "check", DATABASE_URL=url, DJANGO_SETTINGS_MODULE="library_site.settings.dev"
    )

    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("library20: configuration error: DATABASE_URL: ")
    assert problem in lines[0]
    assert "secret" not in result.stderr  # the password in the URL is never echoed


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="library_site.settings.production",
        ALLOWED_HOSTS="library.example",
    )

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "library20: configuration error: SECRET_KEY: is not set; production needs one, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    ]


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="library_site.settings.production", SECRET_KEY="k" * 50
    )

    assert result.returncode != 0
    assert "ALLOWED_HOSTS: is not set" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_starts_with_its_required_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        DJANGO_SETTINGS_MODULE="library_site.settings.production",
        SECRET_KEY="k" * 50,
        ALLOWED_HOSTS="library.example",
        KOHA_URL="https://koha.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert result.returncode == 0, result.stderr


def test_database_defaults_to_sqlite_under_var(tmp_path):
    config = environment.database({}, tmp_path / "var" / "library20.sqlite3")

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(config["NAME"]).parent.is_dir()


def test_postgres_database_url_is_understood(tmp_path):
    config = environment.database(
        {"DATABASE_URL": "postgres://librarian:p%40ss@db.example:5433/opac"}, tmp_path / "x"
    )

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "opac")
    assert config["PASSWORD"] == "p@ss"


def test_cache_is_local_memory_unless_redis_url_is_set():
    assert environment.cache({})["BACKEND"].endswith("LocMemCache")
    redis = environment.cache({"REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/3"


@pytest.mark.parametrize("url", ["http://cache:6379", "redis://", "memcached://x"])
def test_malformed_redis_url_is_refused(url):
    with pytest.raises(SettingError, match=r"^REDIS_URL: "):
        environment.cache({"REDIS_URL": url})


def test_redis_cache_stores_and_returns_values():
    require(port_open("127.0.0.1", 6379), "Redis at 127.0.0.1:6379")
    from django.core.cache.backends.redis import RedisCache

    config = environment.cache({"REDIS_URL": "redis://127.0.0.1:6379/0"})
    cache = RedisCache(config["LOCATION"], {"KEY_PREFIX": "library20-test", "TIMEOUT": 30})

    cache.set("greeting", {"uk": "Вітаємо"})
    assert cache.get("greeting") == {"uk": "Вітаємо"}
    cache.delete("greeting")


def test_email_url_sets_the_smtp_server():
    config = environment.email(
        {"EMAIL_URL": "submission://librarian:s3cret@mail.example:587"}, default="console://"
    )

    assert config["EMAIL_BACKEND"] == "library_site.core.queued_mail.QueuedEmailBackend"
    assert config["EMAIL_DELIVERY_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_USE_TLS"]) == (
        "mail.example",
        587,
        True,
    )
    assert config["EMAIL_HOST_PASSWORD"] == "s3cret"


def test_malformed_email_url_is_refused():
    with pytest.raises(SettingError, match=r"^EMAIL_URL: "):
        environment.email({"EMAIL_URL": "pigeon://loft"}, default="console://")


def test_koha_defaults_to_the_sandbox_under_var_and_accepts_https(tmp_path):
    assert environment.koha({}, tmp_path).url == "sandbox:"
    assert environment.koha({}, tmp_path).sandbox_path == tmp_path / "koha-sandbox.sqlite3"
    real = environment.koha(
        {
            "KOHA_URL": "https://koha.example/",
            "KOHA_CLIENT_ID": "site",
            "KOHA_CLIENT_SECRET": "s3cret",
        },
        tmp_path,
    )
    assert (real.url, real.client_id) == ("https://koha.example", "site")


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"KOHA_URL": "koha.example"}, "KOHA_URL"),
        ({"KOHA_CLIENT_ID": "site"}, "KOHA_CLIENT_SECRET"),
        ({"KOHA_TIMEOUT": "soon"}, "KOHA_TIMEOUT"),
        ({"KOHA_MARC_FLAVOUR": "USMARC"}, "KOHA_MARC_FLAVOUR"),
    ],
)
def test_malformed_koha_settings_are_refused_naming_the_variable(env, variable, tmp_path):
    with pytest.raises(SettingError, match=rf"^{variable}: "):
        environment.koha(env, tmp_path)


def test_production_secret_key_must_be_long_enough():
    with pytest.raises(SettingError, match=r"^SECRET_KEY: is too short"):
        environment.secret_key({"SECRET_KEY": "short"}, required=True)


@pytest.mark.parametrize(("raw", "value"), [("yes", True), ("0", False), ("", True)])
def test_flags_read_yes_and_no(raw, value):
    assert environment.flag({"X": raw}, "X", default=True) is value


def test_flag_that_is_neither_yes_nor_no_is_refused():
    with pytest.raises(SettingError, match=r"^X: expected true or false"):
        environment.flag({"X": "maybe"}, "X", default=True)


def test_integer_that_is_not_a_number_is_refused():
    with pytest.raises(SettingError, match=r"^SECURE_HSTS_SECONDS: expected a whole number"):
        environment.integer({"SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS", 0)


def test_seconds_may_be_a_fraction():
    assert environment.seconds({"T": "2.5"}, "T", 3.0) == 2.5
    assert environment.seconds({}, "T", 3.0) == 3.0


@pytest.mark.parametrize("raw", ["soon", "0", "-1"])
def test_seconds_that_are_not_a_positive_number_are_refused(raw):
    with pytest.raises(SettingError, match=r"^T: expected seconds more than 0"):
        environment.seconds({"T": raw}, "T", 3.0)


def test_cover_url_template_names_the_isbn_it_takes():
    template = "https://covers.example/b/isbn/{isbn13}-M.jpg"
    assert environment.cover_url({"CATALOGUE_COVER_URL": template}) == template
    assert environment.cover_url({}) == ""


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("https://covers.example/cover.jpg", "must contain {isbn13}"),
        ("ftp://covers.example/{isbn13}.jpg", "expected an http:// or https:// address"),
        ("https://covers.example/{isbn}.jpg", "unknown placeholder {isbn}"),
    ],
)
def test_cover_url_template_that_cannot_make_an_address_is_refused(raw, problem):
    with pytest.raises(SettingError, match=rf"^CATALOGUE_COVER_URL: .*{problem}"):
        environment.cover_url({"CATALOGUE_COVER_URL": raw})


def test_channel_layer_is_in_memory_unless_redis_url_is_set():
    assert environment.channel_layers({})["default"]["BACKEND"].endswith("InMemoryChannelLayer")
    redis = environment.channel_layers({"REDIS_URL": "redis://127.0.0.1:6379/2"})["default"]
    assert redis["BACKEND"] == "channels_redis.core.RedisChannelLayer"
    [host] = redis["CONFIG"]["hosts"]
    assert host["address"] == "redis://127.0.0.1:6379/2"
    # Longer than channels-redis waits for a socket's next message (5 s).
    assert host["socket_timeout"] > 5


def test_malformed_redis_url_is_refused_for_the_channel_layer_too():
    with pytest.raises(SettingError, match=r"^REDIS_URL: "):
        environment.channel_layers({"REDIS_URL": "http://cache:6379"})


def test_sessions_are_read_from_redis_and_kept_in_the_database_when_redis_url_is_set():
    assert environment.sessions({}) == "django.contrib.sessions.backends.db"
    assert (
        environment.sessions({"REDIS_URL": "redis://127.0.0.1:6379/0"})
        == "django.contrib.sessions.backends.cached_db"
    )


def test_wagtail_search_is_the_databases_unless_wagtailsearch_url_is_set():
    assert environment.wagtail_search({}) == {"BACKEND": "wagtail.search.backends.database"}


def test_wagtailsearch_url_names_the_engine_its_address_and_index_prefix():
    config = environment.wagtail_search(
        {"WAGTAILSEARCH_URL": "opensearch2+https://site:s3cret@search.example:9243/city-library"}
    )

    assert config["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert config["URLS"] == ["https://site:s3cret@search.example:9243"]
    assert config["INDEX_PREFIX"] == "city-library_"


def test_wagtailsearch_url_defaults_to_http_on_port_9200_and_the_library20_prefix():
    config = environment.wagtail_search({"WAGTAILSEARCH_URL": "elasticsearch8://127.0.0.1"})

    assert config["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert config["URLS"] == ["http://127.0.0.1:9200"]
    assert config["INDEX_PREFIX"] == "library20_"


@pytest.mark.parametrize(
    "url",
    [
        "solr://user:s3cret@search.example:8983/library",
        "opensearch2+ftp://user:s3cret@search.example/library",
        "opensearch2://user:s3cret@search.example:port/library",
        "search.example:9200",
    ],
)
def test_malformed_wagtailsearch_url_is_refused_without_its_password(url):
    with pytest.raises(SettingError, match=r"^WAGTAILSEARCH_URL: expected ENGINE://") as error:
        environment.wagtail_search({"WAGTAILSEARCH_URL": url})

    assert "s3cret" not in str(error.value)
    assert "opensearch2, opensearch3" in str(error.value)


@pytest.mark.parametrize("raw, minutes", [("", 15), ("5", 5), ("0", 0), ("59", 59)])
def test_catalogue_sync_minutes_are_a_cron_step_or_none(raw, minutes):
    env = {"CATALOGUE_SYNC_MINUTES": raw}

    assert environment.schedule_minutes(env, "CATALOGUE_SYNC_MINUTES", 15) == minutes


@pytest.mark.parametrize("raw", ["60", "-5", "often"])
def test_catalogue_sync_minutes_outside_a_cron_step_are_refused(raw):
    with pytest.raises(SettingError, match=r"^CATALOGUE_SYNC_MINUTES: expected"):
        environment.schedule_minutes({"CATALOGUE_SYNC_MINUTES": raw}, "CATALOGUE_SYNC_MINUTES", 15)
