"""How uvicorn is told to serve: no access log, proxy headers only from the proxies named."""

import socket

import pytest

from library_site.serving.uvicorn_options import options, port_in_use


def test_no_proxy_is_trusted_unless_forwarded_allow_ips_names_it():
    assert options("127.0.0.1", 8000, {})["proxy_headers"] is False

    trusted = options("127.0.0.1", 8000, {"FORWARDED_ALLOW_IPS": "10.0.0.5, 10.0.0.6"})

    assert trusted["proxy_headers"] is True
    assert trusted["forwarded_allow_ips"] == "10.0.0.5, 10.0.0.6"


def test_uvicorn_writes_no_access_log_and_leaves_logging_to_django():
    served = options("0.0.0.0", 8080, {})

    assert served["access_log"] is False
    assert served["log_config"] is None
    assert served["server_header"] is False
    assert served["timeout_graceful_shutdown"] > 0
    assert (served["host"], served["port"]) == ("0.0.0.0", 8080)


def test_a_port_someone_listens_on_is_in_use():
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]

        assert port_in_use("127.0.0.1", port)


def test_an_address_that_is_not_this_machines_is_an_error():
    with pytest.raises(OSError, match=r"cannot serve on 192\.0\.2\.1:8000"):
        port_in_use("192.0.2.1", 8000)
