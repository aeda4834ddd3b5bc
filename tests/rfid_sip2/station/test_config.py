"""The station's configuration: TOML, flags over it, secrets from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from rfid_sip2 import cli
from rfid_sip2.gateway.config import ConfigError
from rfid_sip2.rfid.security import Security
from rfid_sip2.station.config import Smtp, load, smtp_from_env
from rfid_sip2.station.languages import kiosk_language

EXAMPLE = Path(__file__).resolve().parents[3] / "rfid_sip2" / "station" / "example.toml"


def test_the_example_configuration_loads_with_secrets_from_the_environment():
    env = {"SIP2_HALL_KIOSK_PASSWORD": "s3cret", "SIP2_TERMINAL_PASSWORD": "t3rm"}
    config = load(EXAMPLE, env)
    assert (config.reader_url, config.protocol) == ("/dev/ttyUSB0", "3m")
    assert (config.sip2_host, config.sip2_port, config.sip2_login) == (
        "127.0.0.1",
        6001,
        "hall-kiosk",
    )
    assert config.sip2_password == "s3cret" and config.terminal_password == "t3rm"
    assert config.security == Security(0xC2, 0x07, True, False)
    assert config.owner_isils == ("MD-CPL",)
    assert config.retry_list_path == Path("/var/lib/library20/station-retry.json")
    assert config.languages == {"000": "ro"}
    assert config.smtp is None


def test_flags_override_the_file(tmp_path):
    config = load(EXAMPLE, {}, reader="socket://10.0.0.5:4001", protocol="feig", sip2="gw:6002")
    assert (config.reader_url, config.protocol) == ("socket://10.0.0.5:4001", "feig")
    assert (config.sip2_host, config.sip2_port) == ("gw", 6002)


def test_without_a_file_the_flags_are_enough_and_the_defaults_are_the_iso_values(tmp_path):
    config = load(None, {"LIBRARY20_VAR_DIR": str(tmp_path)}, reader="loop://", sip2=":6001")
    assert config.sip2_host == "127.0.0.1"
    assert config.security == Security(afi_on_loan=0xC2, afi_in_library=0x07)
    assert config.refuse_incomplete_sets and not config.unsecure_offline_loans
    assert config.retry_list_path == tmp_path / "station-retry.json"
    # The demo gateway's login, as ``rfid-sip2 send`` uses it.
    assert (config.sip2_login, config.sip2_password) == ("selfcheck", "selfcheck-demo")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[security]\nafi_on_loan = 300", "security.afi_on_loan: expected a byte"),
        ('[security]\nafi_in_library = "zz"', "security.afi_in_library: expected a byte"),
        ('[station]\nprotocol = "rfc"', "station.protocol: expected one of 3m, feig"),
        ("[station]\nidle_seconds = -1", "station.idle_seconds: expected a positive number"),
        ('[station]\nrefuse_incomplete_sets = "yes"', "expected true or false"),
        ('[languages]\n"016" = "ar"', "languages.016: expected en, ru, uk or ro"),
        ("station = 3", "station: expected a table"),
        ("[tags]\nflip = true", "tags.flip: not a tag setting"),
        ('[security]\npreset = "rfc"', "security.preset: expected one of iso, 3m"),
        ("[security]\nafi_on_loan = 7", "security: the AFI on loan and in the library must"),
        ("[security]\nuse_afi = false", "security: security needs the AFI, EAS, or both"),
        ("[station\n", "not valid TOML"),
    ],
)
def test_mistakes_are_named_in_plain_words(tmp_path, toml, message):
    path = tmp_path / "station.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=message):
        load(path, {}, reader="loop://", sip2="127.0.0.1:6001")


def test_a_missing_reader_or_server_says_which_flag_to_give():
    with pytest.raises(ConfigError, match="--reader URL"):
        load(None, {}, sip2="127.0.0.1:6001")
    with pytest.raises(ConfigError, match="--sip2 HOST:PORT"):
        load(None, {}, reader="loop://")
    with pytest.raises(ConfigError, match="--sip2: expected host:port"):
        load(None, {}, reader="loop://", sip2="gateway")


@pytest.mark.parametrize(
    "toml",
    [
        '[security]\npreset = "3m"',
        '[security]\nafi_on_loan = "D7"\nafi_in_library = 0xDA',
    ],
)
def test_the_3m_values_are_a_configuration_away(tmp_path, toml):
    path = tmp_path / "station.toml"
    path.write_text(toml)
    config = load(path, {}, reader="loop://", sip2="127.0.0.1:6001")
    assert (config.security.afi_on_loan, config.security.afi_in_library) == (0xD7, 0xDA)


def test_smtp_comes_from_the_environment():
    smtp = smtp_from_env(
        {"SMTP_URL": "smtp+starttls://kiosk@mail.example:2525", "SMTP_PASSWORD": "pw"}
    )
    assert smtp == Smtp("mail.example", 2525, "smtp+starttls", "kiosk", "pw")
    assert smtp_from_env({"SMTP_URL": "smtps://mail.example"}).port == 465
    assert smtp_from_env({}) is None
    with pytest.raises(ConfigError, match="SMTP_URL: expected smtp://host:port"):
        smtp_from_env({"SMTP_URL": "http://mail.example"})


@pytest.mark.parametrize(
    ("code", "language"),
    [("001", "en"), ("024", "en"), ("015", "ru"), ("eng", "en"), ("ukr", "uk"), ("rum", "ro")],
)
def test_sip2_language_codes_become_kiosk_languages(code, language):
    assert kiosk_language(code) == language


def test_languages_sip2_has_no_code_for_come_from_the_site():
    assert kiosk_language("000") is None
    assert kiosk_language("002") is None  # French: the kiosk has no French
    assert kiosk_language("100", {"100": "uk"}) == "uk"


def test_the_command_line_reports_configuration_mistakes_without_a_traceback(capsys):
    assert cli.main(["station", "--reader", "loop://", "--sip2", "nonsense"]) == cli.EXIT_CONFIG
    error = capsys.readouterr().err
    assert "--sip2: expected host:port" in error and "Traceback" not in error
    assert cli.main(["station", "--sip2", "127.0.0.1:6001"]) == cli.EXIT_CONFIG
    assert "no reader" in capsys.readouterr().err
