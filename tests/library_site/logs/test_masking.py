"""Secrets never reach a log line, whatever shape they are written in."""

import logging

import pytest

from library_site.logs.masking import MaskSecrets, mask


@pytest.mark.parametrize(
    ("line", "masked"),
    [
        ("login user=ana password=hunter2", "login user=ana password=***"),
        ("GET /x/?token=abc123&page=2", "GET /x/?token=***&page=2"),
        ('{"pin": "1111", "card": "2352"}', '{"pin": "***", "card": "2352"}'),
        ("{'new_password1': 'two words'}", "{'new_password1': '***'}"),
        ("Cookie: csrftoken=abc; sessionid=def", "Cookie: csrftoken=***; sessionid=***"),
        ("csrfmiddlewaretoken=abc&email=a@b", "csrfmiddlewaretoken=***&email=a@b"),
        ("patron_pin=1111 KOHA_CLIENT_SECRET=s3", "patron_pin=*** KOHA_CLIENT_SECRET=***"),
        ("Authorization: Bearer eyJhbGciOi.x.y", "Authorization: *** ***"),
        ("sent Basic dXNlcjpwYXNz to koha", "sent Basic *** to koha"),
        ("postgres://opac:s3cret@db:5432/lib", "postgres://opac:***@db:5432/lib"),
    ],
)
def test_secrets_are_masked_wherever_they_appear(line, masked):
    assert mask(line) == masked


def test_words_that_only_contain_pin_are_left_alone():
    assert mask("shipping=5 pinned=2 spinner=on") == "shipping=5 pinned=2 spinner=on"


def test_the_filter_masks_the_formatted_message_and_the_traceback():
    try:
        raise ValueError("bad token=abc123")
    except ValueError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "sign-in %s", ("password=hunter2",), None
        )
        record.exc_info = __import__("sys").exc_info()

    assert MaskSecrets().filter(record)

    assert record.getMessage() == "sign-in password=***"
    assert "token=***" in record.exc_text
    assert "abc123" not in record.exc_text
