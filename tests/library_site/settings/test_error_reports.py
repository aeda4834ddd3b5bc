"""Error reports go to Sentry only when SENTRY_DSN is set, without personal data."""

import sentry_sdk

from library_site.settings.error_reports import start_sentry


def test_nothing_is_started_without_a_dsn(monkeypatch):
    started = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: started.append(options))

    assert start_sentry({"SENTRY_ENVIRONMENT": "staging"}) is False
    assert started == []


def test_the_dsn_starts_sentry_with_django_and_no_personal_data(monkeypatch):
    started = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: started.append(options))

    assert start_sentry(
        {
            "SENTRY_DSN": "https://key@errors.example/3",
            "SENTRY_ENVIRONMENT": "staging",
            "SENTRY_RELEASE": "library20@1.4.0",
        }
    )

    [options] = started
    assert options["dsn"] == "https://key@errors.example/3"
    assert options["send_default_pii"] is False
    assert (options["environment"], options["release"]) == ("staging", "library20@1.4.0")
    assert [type(i).__name__ for i in options["integrations"]] == ["DjangoIntegration"]


def test_environment_defaults_to_production_and_release_to_none(monkeypatch):
    started = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: started.append(options))

    start_sentry({"SENTRY_DSN": "https://key@errors.example/3"})

    assert (started[0]["environment"], started[0]["release"]) == ("production", None)
