"""Which Host and Origin values reach the kiosk."""

from __future__ import annotations

from rfid_sip2.station.kiosk.origin import host_allowed, own_hosts, post_allowed

LOCAL = own_hosts("127.0.0.1", 8040)


def test_a_loopback_kiosk_answers_to_every_loopback_name_on_its_port_only():
    assert {"127.0.0.1:8040", "localhost:8040", "[::1]:8040"} == LOCAL
    assert host_allowed("LOCALHOST:8040", LOCAL)
    assert not host_allowed("localhost:8041", LOCAL)
    assert not host_allowed("attacker.example:8040", LOCAL)
    assert not host_allowed(None, LOCAL)


def test_a_kiosk_on_a_named_address_answers_to_that_address_and_ipv6_is_bracketed():
    assert own_hosts("192.0.2.7", 80) == {"192.0.2.7:80"}
    assert "[::1]:8040" in own_hosts("::1", 8040)
    assert own_hosts("0.0.0.0", 8040) == LOCAL


def test_posts_must_come_from_the_kiosks_own_page():
    assert post_allowed("http://127.0.0.1:8040", None, LOCAL)
    assert post_allowed(None, "http://localhost:8040/", LOCAL)
    assert post_allowed(None, None, LOCAL)  # not a browser page: the Host check still applies
    assert not post_allowed("null", None, LOCAL)
    assert not post_allowed("http://attacker.example", "http://127.0.0.1:8040/", LOCAL)
    assert not post_allowed("https://127.0.0.1:8040", None, LOCAL)
    assert not post_allowed(None, "http://attacker.example/page", LOCAL)
