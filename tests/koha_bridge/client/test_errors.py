"""Koha's failures as the operator reads them: what happened, what to check, nothing said twice.

A web page where Koha's REST API should be (a login page, a proxy's error page, the web server's
default page) is named for what it is and never printed.
"""

from __future__ import annotations

import re

import pytest

from koha_bridge.client import (
    KohaAuthError,
    KohaClient,
    KohaError,
    KohaProtocolError,
    KohaUnavailable,
)
from koha_bridge.config import KohaConfig
from tests.koha_bridge.client.stubs import Answer, quick_retry_session

HTML = {"Content-Type": "text/html; charset=utf-8"}
LOGIN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Log in to Koha &rsaquo; Koha</title></head>
<body><form method="post" action="/cgi-bin/koha/mainpage.pl">
<input type="password" name="password"></form></body></html>"""
APACHE_DEFAULT_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<title>Apache2 Debian Default Page: It works</title></head>
<body><div class="main_page">It works!</div></body></html>"""
PROXY_ERROR_PAGE = """<html>
<head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>
</html>"""
# Doubled or stacked punctuation: "logs.;", "logs..", "error:.", ". ." and the like.
DOUBLED = re.compile(r"[.;:,]\s*[.;:,]")


def client_of(url: str, **settings) -> KohaClient:
    return KohaClient(KohaConfig(url=url, **settings), session=quick_retry_session())


def assert_not_kohas_api(error: KohaError, koha_url: str) -> None:
    text = str(error)
    assert f"this is not Koha's REST API at {koha_url}" in text
    assert "check KOHA_URL" in text
    assert "<" not in text and "form" not in text and "main_page" not in text


@pytest.mark.parametrize(
    ("status", "page", "title"),
    [
        pytest.param(200, LOGIN_PAGE, "Log in to Koha › Koha", id="login-page"),
        pytest.param(404, APACHE_DEFAULT_PAGE, "Apache2 Debian Default Page: It works", id="web"),
        pytest.param(403, "<html><body>Forbidden</body></html>", None, id="untitled"),
    ],
)
def test_a_web_page_instead_of_the_api_is_not_kohas_rest_api(scripted, status, page, title):
    koha = scripted(Answer(status, page.encode(), HTML))
    with pytest.raises(KohaProtocolError) as raised:
        client_of(koha.url).biblio(1)
    assert_not_kohas_api(raised.value, koha.url)
    if title:
        assert f'"{title}"' in str(raised.value)  # the page's title says what answered


def test_a_web_page_is_recognised_without_a_content_type(scripted):
    koha = scripted(Answer(200, b"\n  <!doctype html><html><title>Welcome</title></html>"))
    with pytest.raises(KohaProtocolError) as raised:
        client_of(koha.url).libraries()
    assert_not_kohas_api(raised.value, koha.url)


def test_a_proxys_error_page_is_unavailable_and_not_printed(scripted):
    koha = scripted(Answer(502, PROXY_ERROR_PAGE.encode(), HTML))
    with pytest.raises(KohaUnavailable) as raised:
        client_of(koha.url).biblio(1)
    assert len(koha.requests) == 4  # still retried, as any 502
    assert_not_kohas_api(raised.value, koha.url)
    assert '"502 Bad Gateway"' in str(raised.value)


def test_a_web_page_at_the_token_endpoint_is_not_taken_for_wrong_credentials(scripted):
    koha = scripted(Answer(404, APACHE_DEFAULT_PAGE.encode(), HTML))
    with pytest.raises(KohaError) as raised:
        client_of(koha.url, client_id="library20", client_secret="secret").biblio(1)
    assert not isinstance(raised.value, KohaAuthError)
    assert_not_kohas_api(raised.value, koha.url)
    assert "KOHA_CLIENT_SECRET" not in str(raised.value)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (500, {"error": "Something went wrong, check the logs.", "error_code": "internal"}),
        (401, {"error": "Authentication failure."}),
        (400, {"errors": [{"message": "Expected integer - got string.", "path": "/query/x"}]}),
        (404, {"error": "Bibliographic record not found."}),
    ],
)
def test_kohas_own_full_stops_are_not_doubled_by_ours(scripted, status, body):
    koha = scripted(Answer(status, body))
    with pytest.raises(KohaError) as raised:
        client_of(koha.url).biblio(1)
    assert not DOUBLED.search(str(raised.value)), str(raised.value)
    assert not str(raised.value).endswith(".")  # callers may add a sentence after it


def test_the_message_koha_sent_is_kept_as_it_was(scripted):
    koha = scripted(Answer(401, {"error": "Authentication failure."}))
    with pytest.raises(KohaError) as raised:
        client_of(koha.url).biblio(1)
    assert raised.value.message == "Authentication failure."
