"""/healthz: "ok" or 503 for anyone, each check's result only for staff or the token's holder."""

import pytest
from django.contrib.auth import get_user_model

from koha_bridge.client.errors import KohaUnavailable
from library_site.core import health

TOKEN = "healthz-token-for-tests-0123456789"


@pytest.fixture
def koha_down(monkeypatch):
    def unreachable() -> None:
        raise KohaUnavailable(
            "cannot connect (ConnectionError)", url="https://koha.internal.example/api/v1"
        )

    monkeypatch.setitem(health.CHECKS, "koha", unreachable)


@pytest.fixture
def with_token(settings):
    settings.HEALTHZ_TOKEN = TOKEN


@pytest.mark.django_db
def test_a_healthy_site_answers_ok_to_anyone_without_a_session_or_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]
    assert response.cookies == {}


@pytest.mark.django_db
def test_a_failing_check_is_503_with_no_detail_for_the_public(client, koha_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"unavailable"


@pytest.mark.django_db
def test_staff_see_which_check_failed_and_each_ones_time(client, koha_down):
    staff = get_user_model().objects.create_user("duty", password="x", is_staff=True)
    client.force_login(staff)

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert [(c["name"], c["ok"]) for c in body["checks"]] == [
        ("database", True),
        ("cache", True),
        ("koha", False),
    ]
    assert "koha.internal.example" in body["checks"][2]["problem"]
    assert all(check["ms"] >= 0 for check in body["checks"])


@pytest.mark.django_db
def test_a_signed_in_reader_sees_no_detail(client, koha_down):
    reader = get_user_model().objects.create_user("reader-x", password="x")
    client.force_login(reader)

    assert client.get("/healthz").content == b"unavailable"


@pytest.mark.django_db
def test_the_token_shows_the_details_and_a_wrong_one_does_not(client, with_token):
    right = client.get("/healthz", headers={"Authorization": f"Bearer {TOKEN}"})
    wrong = client.get("/healthz", headers={"Authorization": f"Bearer {TOKEN[:-1]}x"})

    assert right.json()["status"] == "ok"
    assert [check["ok"] for check in right.json()["checks"]] == [True, True, True]
    assert wrong.content == b"ok"


@pytest.mark.django_db
def test_without_a_configured_token_no_bearer_shows_details(client, settings):
    settings.HEALTHZ_TOKEN = ""

    assert client.get("/healthz", headers={"Authorization": "Bearer "}).content == b"ok"


@pytest.mark.django_db
def test_koha_is_checked_with_one_request_to_the_sandbox():
    results = health.run_checks()

    assert [(result.name, result.ok, result.problem) for result in results] == [
        ("database", True, ""),
        ("cache", True, ""),
        ("koha", True, ""),
    ]


@pytest.mark.django_db
def test_a_broken_cache_fails_its_check(monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda key: None)

    [cache_result] = [result for result in health.run_checks() if result.name == "cache"]

    assert not cache_result.ok
    assert cache_result.problem == "LookupError: the cache did not keep a value"
