"""``koha-bridge``, run in process: what it prints, and its exit codes.

0 ok, 1 Koha error, 2 configuration, 3 Koha unavailable, 4 authentication, 5 not found,
6 unreadable records, 7 text that looks mis-decoded.
"""

from __future__ import annotations

import io
import json

import pymarc
import pytest

from koha_bridge import cli
from koha_bridge.client import session
from koha_bridge.marc import normalise
from koha_bridge.sandbox import demo_library
from koha_bridge.sandbox.seed.books import BOOKS
from koha_bridge.sandbox.seed.marc import to_marc
from tests.koha_bridge.client.stubs import Answer, ScriptedServer, closed_port
from tests.koha_bridge.marc.records import UNIMARC_LEADER, field, iso2709, unimarc_100a
from tests.koha_bridge.marc.samples import great_expectations, kobzar

KOHA_VARIABLES = (
    "KOHA_URL",
    "KOHA_CLIENT_ID",
    "KOHA_CLIENT_SECRET",
    "KOHA_USER",
    "KOHA_PASSWORD",
    "KOHA_TIMEOUT",
    "KOHA_MARC_FLAVOUR",
    "KOHA_SANDBOX_PATH",
)


@pytest.fixture(autouse=True)
def environment(monkeypatch, sandbox):
    """KOHA_URL=sandbox: on this test's seeded sandbox; quick retries for unreachable URLs."""
    for name in KOHA_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KOHA_URL", "sandbox:")
    monkeypatch.setenv("KOHA_SANDBOX_PATH", sandbox.store.path)
    monkeypatch.setattr(session, "RETRY", session.RETRY.new(backoff_factor=0.01))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def utf8_iso2709(book: pymarc.Record) -> bytes:
    return iso2709(book.fields, str(book.leader)[:9] + "a" + str(book.leader)[10:], "utf-8")


def forest_song_in_cp1251() -> bytes:
    """Лісова пісня, UNIMARC, in Windows-1251 as legacy Ukrainian catalogues wrote it."""
    fields = [
        field("090", "  ", "a", "707"),
        field("100", "  ", "a", unimarc_100a("1911", charset="04")),
        field("101", "0 ", "a", "ukr"),
        field("200", "1 ", "a", "Лісова пісня", "e", "драма-феєрія в 3 діях"),
        field("700", " 1", "a", "Українка", "b", "Леся", "f", "1871-1913", "4", "070"),
    ]
    return iso2709(fields, UNIMARC_LEADER, "cp1251")


# --- probe and record ---------------------------------------------------------------------------


def test_probe_prints_the_counts(capsys):
    code, out, err = run(capsys, "probe")
    assert code == cli.EXIT_OK == 0
    assert "Koha: sandbox:" in out
    assert f"authenticated as: {demo_library.CLIENT_ID}" in out
    assert f"biblios: {len(BOOKS)}" in out.splitlines()
    assert f"libraries: {len(demo_library.LIBRARIES)}" in out.splitlines()
    assert err == ""


def test_record_prints_the_normalised_record_as_json(capsys):
    expected = normalise(to_marc(BOOKS[0], 1), BOOKS[0].flavour, 1)
    code, out, _ = run(capsys, "record", "1")
    assert code == 0
    shown = json.loads(out)
    assert shown["biblio_id"] == 1
    assert shown["title"] == expected.title
    assert [author["name"] for author in shown["authors"]] == [a.name for a in expected.authors]
    assert shown["flavour"] == expected.flavour.value


def test_record_not_found_exits_5_with_one_line_on_stderr(capsys):
    code, out, err = run(capsys, "record", "999999")
    assert code == cli.EXIT_NOT_FOUND == 5
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1
    assert "Bibliographic record not found" in err


# --- exit codes for what goes wrong -------------------------------------------------------------


def test_koha_unreachable_exits_3(capsys, monkeypatch):
    monkeypatch.setenv("KOHA_URL", f"http://127.0.0.1:{closed_port()}")
    code, out, err = run(capsys, "probe")
    assert code == cli.EXIT_UNAVAILABLE == 3
    assert "check KOHA_URL" in err
    assert out == ""


def test_a_login_page_at_koha_url_is_not_kohas_api_and_is_not_printed(capsys, monkeypatch):
    page = b"<!DOCTYPE html><html><head><title>Log in to Koha</title></head><body><form>"
    with ScriptedServer(Answer(200, page, {"Content-Type": "text/html"})) as koha:
        monkeypatch.setenv("KOHA_URL", koha.url)
        code, out, err = run(capsys, "probe")
    assert code == cli.EXIT_KOHA == 1
    assert out == "" and err.count("\n") == 1
    assert f"this is not Koha's REST API at {koha.url}" in err and "check KOHA_URL" in err
    assert "<" not in err


def test_wrong_client_secret_exits_4(capsys, monkeypatch, sandbox, serve):
    monkeypatch.setenv("KOHA_URL", serve(sandbox.app))
    monkeypatch.setenv("KOHA_CLIENT_ID", demo_library.CLIENT_ID)
    monkeypatch.setenv("KOHA_CLIENT_SECRET", "not-the-secret")
    code, _, err = run(capsys, "probe")
    assert code == cli.EXIT_AUTH == 4
    assert "KOHA_CLIENT_ID and KOHA_CLIENT_SECRET" in err


def test_koha_url_without_a_scheme_exits_2_naming_koha_url(capsys, monkeypatch):
    monkeypatch.setenv("KOHA_URL", "koha.example")
    code, _, err = run(capsys, "probe")
    assert code == cli.EXIT_CONFIG == 2
    assert "configuration error: KOHA_URL" in err


# --- marc FILE ----------------------------------------------------------------------------------


def test_marc_file_prints_good_records_and_reports_the_corrupt_one(capsys, tmp_path):
    corrupt = bytearray(utf8_iso2709(great_expectations()))
    corrupt[24 + 3] = ord("x")  # the length in the first directory entry
    path = tmp_path / "records.mrc"
    path.write_bytes(utf8_iso2709(great_expectations()) + bytes(corrupt) + utf8_iso2709(kobzar()))

    code, out, err = run(capsys, "marc", str(path))
    assert code == cli.EXIT_UNREADABLE == 6
    assert [json.loads(line)["title"] for line in out.splitlines()] == [
        "Great expectations",
        "Кобзар",
    ]
    assert err.startswith("record 2: unreadable:")
    assert err.count("\n") == 1


def test_marc_file_in_cp1251_is_read_with_encoding(capsys, tmp_path):
    path = tmp_path / "forest-song.mrc"
    path.write_bytes(forest_song_in_cp1251())

    code, out, err = run(capsys, "marc", str(path), "--encoding", "cp1251")
    assert (code, err) == (0, "")
    [shown] = [json.loads(line) for line in out.splitlines()]
    assert shown["title"] == "Лісова пісня"
    assert shown["flavour"] == "UNIMARC"
    assert shown["authors"][0]["name"] == "Українка, Леся"


def test_marc_file_in_cp1251_read_as_marc8_is_said_to_look_mis_decoded(capsys, tmp_path):
    path = tmp_path / "forest-song.mrc"
    path.write_bytes(forest_song_in_cp1251())

    code, out, err = run(capsys, "marc", str(path))  # without --encoding: taken for MARC-8

    assert "Лісова пісня" not in out
    assert code == cli.EXIT_MISDECODED == 7
    assert err.count("\n") == 1
    assert "1 of 1 records look mis-decoded: a legacy code page read as MARC-8" in err
    assert "try --encoding cp1251" in err


def test_marc_file_in_utf8_read_as_cp1251_is_said_to_look_mis_decoded(capsys, tmp_path):
    path = tmp_path / "catalogue.mrc"
    path.write_bytes(utf8_iso2709(kobzar()) + utf8_iso2709(great_expectations()))

    code, out, err = run(capsys, "marc", str(path), "--encoding", "cp1251")

    assert code == cli.EXIT_MISDECODED
    assert len(out.splitlines()) == 2  # the records are still shown, as read
    assert '1 of 2 records look mis-decoded: UTF-8 read as cp1251 (e.g. "РљРѕР±Р·Р°СЂ' in err
    assert err.rstrip().endswith("try --encoding utf-8")


def test_marc_in_json_file_is_read_and_its_format_need_not_be_named(capsys, tmp_path):
    path = tmp_path / "records.json"
    books = [great_expectations().as_dict(), kobzar().as_dict()]
    path.write_text(json.dumps(books, ensure_ascii=False), encoding="utf-8")

    code, out, err = run(capsys, "marc", str(path))

    assert (code, err) == (0, "")
    assert [json.loads(line)["title"] for line in out.splitlines()] == [
        "Great expectations",
        "Кобзар",
    ]


def test_marc_in_json_lines_in_cp1251_are_read_with_encoding(capsys, tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes(json.dumps(kobzar().as_dict(), ensure_ascii=False).encode("cp1251"))

    code, _, err = run(capsys, "marc", str(path))
    assert code == cli.EXIT_MISDECODED
    assert "a legacy code page read as UTF-8" in err and "try --encoding cp1251" in err

    code, out, err = run(capsys, "marc", str(path), "--encoding", "cp1251")
    assert (code, err) == (0, "")
    assert json.loads(out)["title"] == "Кобзар"


def test_marcxml_file_is_read(capsys, tmp_path):
    path = tmp_path / "records.xml"
    path.write_bytes(pymarc.record_to_xml(kobzar(), namespace=True))

    code, out, _ = run(capsys, "marc", str(path))

    assert code == 0
    assert json.loads(out)["title"] == "Кобзар"


def test_a_named_format_overrides_what_the_content_suggests(capsys, tmp_path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps([kobzar().as_dict()]), encoding="utf-8")

    code, out, err = run(capsys, "marc", str(path), "--format", "marcxml")

    assert code == cli.EXIT_UNREADABLE and out == ""
    assert "record 1: unreadable: malformed MARCXML" in err


def test_marc_file_from_standard_input(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(utf8_iso2709(kobzar()))))

    code, out, _ = run(capsys, "marc", "-")

    assert code == 0
    assert json.loads(out)["title"] == "Кобзар"


def test_marc_file_with_an_unknown_encoding_exits_2_naming_it(capsys, tmp_path):
    path = tmp_path / "forest-song.mrc"
    path.write_bytes(forest_song_in_cp1251())
    code, out, err = run(capsys, "marc", str(path), "--encoding", "cp9999")
    assert code == cli.EXIT_CONFIG
    assert "cp9999" in err and "--encoding" in err
    assert out == ""
