"""Each request's id on its log lines, and one line per request with no key or token in it."""

import logging

import pytest

from library_site.logs.request_lines import HEADER


@pytest.fixture
def request_lines(caplog):
    caplog.set_level(logging.INFO, logger="library_site.requests")
    return caplog


@pytest.mark.django_db
def test_a_page_request_is_one_line_with_its_path_status_and_id(client, request_lines):
    response = client.get("/en/")

    [line] = [r for r in request_lines.records if r.name == "library_site.requests"]
    assert line.getMessage().startswith("event=request method=GET where=/en/ status=200 ms=")
    assert line.request_id == response[HEADER]
    assert len(response[HEADER]) == 32


@pytest.mark.django_db
def test_a_path_with_a_key_is_named_by_its_view_and_query_strings_are_left_out(
    client, request_lines
):
    client.get("/en/accounts/password/reset/key/1-set-password/?token=abc123")

    [line] = [r for r in request_lines.records if r.name == "library_site.requests"]
    assert "abc123" not in line.getMessage()
    assert "set-password" not in line.getMessage()
    assert "where=account_reset_password_from_key " in line.getMessage()


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_when_well_formed(client):
    kept = client.get("/healthz", headers={"X-Request-ID": "0123456789abcdef"})
    replaced = client.get("/healthz", headers={"X-Request-ID": "bad id\nforged=1"})

    assert kept[HEADER] == "0123456789abcdef"
    assert replaced[HEADER] != "bad id\nforged=1"
    assert len(replaced[HEADER]) == 32
