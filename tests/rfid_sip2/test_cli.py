"""``rfid-sip2``: send one exchange as an operator, serve, and look after the journal."""

from __future__ import annotations

import os
import socket
import sys
from datetime import datetime

import pytest

from rfid_sip2.cli import main
from rfid_sip2.journal.store import Journal
from tests.rfid_sip2.gateway.harness import PASSWORD, gateway_config, running
from tests.rfid_sip2.gateway.upstreams import free_items, sandbox_cable
from tests.rfid_sip2.journal.fakes import checkin
from tests.rfid_sip2.serving import serving
from tests.services import free_port

OLENA = "23529001000011"


@pytest.fixture
def gateway(tmp_path, sandbox, monkeypatch):
    monkeypatch.setenv("SIP2_PASSWORD", PASSWORD)
    with running(gateway_config(tmp_path), sandbox_cable(sandbox)) as running_gateway:
        yield running_gateway


def send(gateway, *arguments: str) -> int:
    return main(["send", "--port", str(gateway.port), "--user", "kiosk-1", *arguments])


def test_send_login_status_patron_checkout_checkin_and_renew(gateway, sandbox, capsys, monkeypatch):
    item = free_items(sandbox, 1)[0]
    monkeypatch.setenv("SIP2_PATRON_PIN", "1111")

    assert send(gateway, "login") == 0
    assert send(gateway, "status") == 0
    assert send(gateway, "patron", OLENA) == 0
    assert send(gateway, "checkout", OLENA, item) == 0
    assert send(gateway, "renew", OLENA, item) == 0
    assert send(gateway, "checkin", item) == 0

    out = capsys.readouterr().out
    assert "login accepted" in out and "ACSStatus (98)" in out
    assert "PatronInformationResponse (64)" in out and "Коваленко" in out
    assert "CheckoutResponse (12)" in out and "CheckinResponse (10)" in out
    assert "1111" not in out


def test_send_reports_a_refused_checkout_with_exit_code_1(gateway, sandbox, capsys):
    assert send(gateway, "checkout", "23529001000013", free_items(sandbox, 1)[0]) == 1
    assert "Patron has fines" in capsys.readouterr().out


def test_send_with_a_wrong_password_says_so(gateway, capsys, monkeypatch):
    monkeypatch.setenv("SIP2_PASSWORD", "wrong")

    assert send(gateway, "login") == 1
    assert "login refused" in capsys.readouterr().err


def test_send_to_nothing_says_it_cannot_connect(capsys):
    assert main(["send", "--port", str(free_port()), "status"]) == 3
    assert "cannot connect" in capsys.readouterr().err


def test_serve_refuses_a_password_written_in_the_configuration(tmp_path, capsys):
    config = tmp_path / "gateway.toml"
    config.write_text('[[accounts]]\nlogin = "kiosk"\npassword = "in-the-file"\n')

    assert main(["serve", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "passwords do not go in the file" in err and "in-the-file" not in err


def test_serve_reports_a_configuration_that_is_not_toml(tmp_path, capsys):
    config = tmp_path / "gateway.toml"
    config.write_text("[[accounts]\n")

    assert main(["serve", "--config", str(config)]) == 2
    assert "not valid TOML" in capsys.readouterr().err


def test_journal_list_and_export_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_PASSWORD", PASSWORD)
    config = tmp_path / "gateway.toml"
    config.write_text(
        '[[accounts]]\nlogin = "kiosk-1"\npassword_env = "KIOSK_PASSWORD"\n'
        '[journal]\npath = "journal.sqlite3"\n'
    )
    with Journal(tmp_path / "journal.sqlite3") as journal:
        entry = journal.record(
            checkin("39520000000001", datetime(2026, 11, 1, 12, 0)), account="kiosk-1"
        )
        journal.mark_applying(entry.id)
        journal.mark_failed(entry.id, "Item not checked out")

    assert main(["journal", "--config", str(config), "list"]) == 0
    assert "39520000000001" in capsys.readouterr().out
    output = tmp_path / "offline.koc"
    assert main(["journal", "--config", str(config), "export", "--output", str(output)]) == 0
    assert output.read_text().splitlines()[1].split("\t")[1:] == ["return", "39520000000001"]


@pytest.fixture
def demo_var(tmp_path, monkeypatch):
    """The demo's files (sandbox, journal) in a temporary folder, nothing from the machine."""
    monkeypatch.setenv("LIBRARY20_VAR_DIR", str(tmp_path))
    for name in ("KOHA_SANDBOX_PATH", "SIP2_LISTEN"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_serve_on_a_port_in_use_says_so_in_one_line_and_exits_with_4(demo_var, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_PASSWORD", PASSWORD)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = demo_var / "gateway.toml"
        config.write_text(
            f'[[listeners]]\nhost = "127.0.0.1"\nport = {port}\n'
            '[[accounts]]\nlogin = "kiosk-1"\npassword_env = "KIOSK_PASSWORD"\n'
        )

        assert main(["serve", "--config", str(config)]) == 4

    line = one_line(capsys.readouterr().err)
    assert line == f"rfid-sip2: cannot listen on 127.0.0.1:{port}: address already in use"


def test_serve_with_a_certificate_that_is_none_says_so_in_one_line(demo_var, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_PASSWORD", PASSWORD)
    (demo_var / "gateway.crt").write_text("not a certificate\n")
    (demo_var / "gateway.key").write_text("not a key\n")
    config = demo_var / "gateway.toml"
    config.write_text(
        '[[listeners]]\nhost = "127.0.0.1"\nport = 0\n'
        'certificate = "gateway.crt"\nkey = "gateway.key"\n'
        '[[accounts]]\nlogin = "kiosk-1"\npassword_env = "KIOSK_PASSWORD"\n'
    )

    assert main(["serve", "--config", str(config)]) == 2

    line = one_line(capsys.readouterr().err)
    assert line.startswith("rfid-sip2: configuration error: listeners[0]: cannot use certificate")
    assert "gateway.crt" in line and "gateway.key" in line


def test_serve_listens_where_listen_says(demo_var):
    port = free_port()
    command = [sys.executable, "-m", "rfid_sip2.cli", "serve", "--listen", f"127.0.0.1:{port}"]
    with serving(command, os.environ, port) as gateway:
        assert main(["send", "--port", str(port), "status"]) == 0
    assert gateway.returncode == 0  # stopped by SIGTERM, cleanly


def test_serve_refuses_a_count_of_workers_that_is_none(demo_var, capsys):
    assert main(["serve", "--workers", "0"]) == 2
    assert "--workers: expected a whole number" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize("value", ["6001", "localhost:", "127.0.0.1:65536", "[::1]:x"])
def test_serve_refuses_a_listen_address_that_is_none(demo_var, capsys, value):
    assert main(["serve", "--listen", value]) == 2
    assert "--listen: expected host:port" in one_line(capsys.readouterr().err)


def test_send_goes_to_the_gateway_sip2_listen_names(gateway, monkeypatch, capsys):
    monkeypatch.setenv("SIP2_LISTEN", f"0.0.0.0:{gateway.port}")

    assert main(["send", "--user", "kiosk-1", "login"]) == 0
    assert "login accepted" in capsys.readouterr().out


def test_serve_with_an_upstream_ca_file_that_is_none_says_so_in_one_line(
    demo_var, capsys, monkeypatch
):
    monkeypatch.setenv("KIOSK_PASSWORD", PASSWORD)
    (demo_var / "koha-ca.pem").write_text("not a certificate\n")
    config = demo_var / "gateway.toml"
    config.write_text(
        '[[accounts]]\nlogin = "kiosk-1"\npassword_env = "KIOSK_PASSWORD"\n'
        '[upstream]\nkind = "koha"\nhost = "koha.library.example"\nlogin = "gateway"\n'
        'password_env = "KIOSK_PASSWORD"\ntls = true\nca_file = "koha-ca.pem"\n'
    )

    assert main(["serve", "--config", str(config)]) == 2

    line = one_line(capsys.readouterr().err)
    assert line == (
        f"rfid-sip2: configuration error: upstream.ca_file: cannot use {demo_var}/koha-ca.pem: "
        "no certificate or crl found"
    )
