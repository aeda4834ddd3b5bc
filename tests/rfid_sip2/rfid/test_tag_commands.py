"""``rfid-sip2 tag``: decode to JSON, encode to hex, self-test a known tag; clear refusals."""

import json
import subprocess
import sys

import pytest

from rfid_sip2.cli import main

# The TH Wildau README's values in the 34-byte ISO 28560-3 basic block.
DANISH_34 = (
    "11 01 01 31 30 30 30 30 30 30 31 33 36 00 00 00 00 00 00 36 15"
    " 44 4B 37 31 38 35 30 30 00 00 00 00 00"
)
# The real ISO 28560-2 tag from the Hypernova iso28560 tests.
REAL_28560_2 = "9101046091CE43800201A80501106702424103073240DE05AB075B00"


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(["tag", *arguments])
    out, err = capsys.readouterr()
    return code, out, err


def test_decode_prints_the_tag_as_json(capsys):
    code, out, _ = run(capsys, "decode", DANISH_34)
    shown = json.loads(out)
    assert code == 0
    assert (shown["model"], shown["item_id"], shown["owner_isil"]) == (
        "iso28560-3",
        "1000000136",
        "DK-718500",
    )
    assert shown["usage"]["description"] == "item for circulation"


def test_decode_of_the_real_iso_28560_2_tag_shows_its_layout(capsys):
    code, out, _ = run(capsys, "decode", REAL_28560_2, "--dsfid", "06")
    shown = json.loads(out)
    assert code == 0
    assert (shown["item_id"], shown["owner_isil"], shown["media_format"]) == (
        "1620168259",
        "FI-Mamk-M",
        "BA",
    )
    assert [element["oid"] for element in shown["layout"]] == [1, 2, 5, 7, 3]


def test_encode_prints_the_real_tags_bytes(capsys):
    code, out, _ = run(
        capsys,
        "encode",
        "--model",
        "iso28560-2",
        "--item",
        "1620168259",
        "--isil",
        "FI-Mamk-M",
        "--usage",
        "1",
        "--media-format",
        "BA",
    )
    assert code == 0
    assert out.strip() == "9101046091CE43800201A803073240DE05AB075B0501106702424100"


def test_encode_then_decode_with_a_reversing_reader(capsys):
    _, written, _ = run(
        capsys, "encode", "--model", "iso28560-3", "--item", "1000000136", "--reverse-blocks"
    )
    code, _, err = run(capsys, "decode", written.strip())
    assert code == 1 and "reverse_blocks=True" in err
    code, out, _ = run(capsys, "decode", written.strip(), "--reverse-blocks")
    assert code == 0 and json.loads(out)["item_id"] == "1000000136"


def test_selftest_prints_the_settings_that_read_a_known_tag(capsys):
    code, out, _ = run(capsys, "selftest", DANISH_34, "--item", "1000000136")
    assert code == 0
    assert json.loads(out) == [
        {
            "model": "iso28560-3",
            "reverse_blocks": False,
            "swap_nibbles": False,
            "crc_msb_first": False,
            "block_size": 4,
        }
    ]


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["decode", "11 0Z"], 2, "not hexadecimal"),
        (["decode", "00" * 32], 1, "blank"),
        (["decode", "FF" * 40], 1, "decodes as no known data model (tried iso28560-3"),
        (["decode", DANISH_34, "--dsfid", "600"], 2, "DSFID"),
        (["encode", "--model", "iso28560-3", "--item", "x" * 17], 2, "16 bytes"),
        (["encode", "--model", "iso28560-3", "--item", "1", "--usage", "one"], 2, "CLASS"),
        (["encode", "--model", "3m", "--item", "1", "--media-format", "book"], 2, "number"),
        (["selftest", DANISH_34, "--item", "1000000137"], 1, "no settings read"),
    ],
)
def test_bad_input_gives_one_clear_line_and_a_non_zero_exit(capsys, arguments, code, message):
    returned, out, err = run(capsys, *arguments)
    assert returned == code
    assert out == ""
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_installed_command_decodes_in_a_process_of_its_own():
    result = subprocess.run(
        [sys.executable, "-m", "rfid_sip2.cli", "tag", "decode", REAL_28560_2],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["item_id"] == "1620168259"
