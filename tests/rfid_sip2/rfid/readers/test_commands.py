"""``rfid-sip2 reader simulate|inventory|read`` as installers and the demo run them."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys

import pytest

from rfid_sip2.cli import main
from rfid_sip2.rfid.simulator import SimulatedReader

BOOK = "E004010012345601"
CARD = "E0040100017C0C38"


@pytest.fixture(params=["3m", "feig"])
def served(request):
    with SimulatedReader(request.param) as simulated:
        simulated.serve_pty()
        yield simulated


def test_inventory_prints_one_uid_a_line(served, capsys):
    served.place(BOOK, bytes(112))
    served.place(CARD, bytes(64))

    code = main(["reader", "inventory", "--reader", served.device, "--protocol", served.protocol])

    assert code == 0
    assert sorted(line.split()[0] for line in capsys.readouterr().out.splitlines()) == [
        CARD,
        BOOK,
    ]


def test_read_prints_the_tags_memory_in_hex(served, capsys):
    served.place(BOOK, bytes(range(112)))

    arguments = ["--reader", served.device, "--protocol", served.protocol, BOOK, "--blocks", "3"]
    code = main(["reader", "read", *arguments])

    assert code == 0
    assert capsys.readouterr().out == bytes(range(12)).hex().upper() + "\n"


def test_a_reader_that_cannot_be_opened_is_one_clear_line_and_a_failure(tmp_path, capsys):
    code = main(["reader", "inventory", "--reader", str(tmp_path / "ttyUSB0")])

    assert code != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("rfid-sip2: cannot open the reader at ") and "Traceback" not in line


def test_a_tag_missing_from_the_pad_is_a_clear_failure(served, capsys):
    code = main(["reader", "read", "--reader", served.device, "--protocol", served.protocol, BOOK])

    assert code != 0
    assert "does not answer" in capsys.readouterr().err


def test_a_malformed_uid_is_refused(capsys):
    assert main(["reader", "read", "--reader", "loop://", "E004"]) == 2
    assert "not a tag UID" in capsys.readouterr().err


def test_simulate_prints_where_it_serves_and_is_driven_over_the_control_channel(tmp_path):
    tags = tmp_path / "tags.json"
    tags.write_text(json.dumps([{"uid": BOOK, "memory": "00112233", "afi": "07"}]))
    command = [sys.executable, "-m", "rfid_sip2.cli", "reader", "simulate", "--protocol", "feig"]
    command += ["--listen", "127.0.0.1:0", "--control", "127.0.0.1:0", "--tags", str(tags)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stdout.readline()
        assert banner.startswith("Feig ISO host reader simulator on socket://127.0.0.1:")
        assert "; 1 tag;" in banner
        url = re.search(r"socket://\S+?(?=;)", banner).group(0)
        host, port = re.search(r"control on (\S+):(\d+)", banner).groups()
        with socket.create_connection((host, int(port)), timeout=5) as control:
            control.sendall(f"place {CARD} afi=C2\n".encode())
            assert control.makefile().readline().startswith(CARD)

        inventory = ["reader", "inventory", "--reader", url, "--protocol", "feig"]
        listed = subprocess.run(
            [sys.executable, "-m", "rfid_sip2.cli", *inventory],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert sorted(line.split()[0] for line in listed.stdout.splitlines()) == [CARD, BOOK]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
    assert process.returncode == 0


def test_simulate_on_a_pty_names_the_path_to_open(tmp_path):
    command = [sys.executable, "-m", "rfid_sip2.cli", "reader", "simulate", "--pty"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stdout.readline()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
    assert re.match(r"3M 810 reader simulator on /\S+ \(pty /dev/\S+\); 0 tags$", banner.strip())
