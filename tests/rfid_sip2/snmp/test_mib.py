"""The MIB shipped in the package compiles (pysmi, strict SMIv2) and names the OIDs the agent
serves and the notifications it sends."""

from __future__ import annotations

from pathlib import Path

import pytest
from pysmi.codegen.pysnmp import PySnmpCodeGen
from pysmi.compiler import MibCompiler
from pysmi.parser.dialect import smi_v2
from pysmi.parser.smi import parserFactory
from pysmi.reader.localfile import FileReader
from pysmi.searcher.stub import StubSearcher
from pysmi.writer.pyfile import PyFileWriter
from pysnmp.smi import builder

import rfid_sip2.snmp
from rfid_sip2.monitor import Event, Outcome, ReaderState, UpstreamState
from rfid_sip2.snmp import config, layout

MIB_NAME = "LIBRARY20-SIP2-MIB"
MIB_FILE = Path(rfid_sip2.snmp.__file__).parent / f"{MIB_NAME}.txt"
BASE_MIBS = Path(__file__).parent / "mibs"  # SNMPv2-SMI, -TC, -CONF: for the symbol table
ROOT = config.DEFAULT_ENTERPRISE


@pytest.fixture(scope="module")
def mib(tmp_path_factory):
    """The MIB compiled to a pysnmp module, loaded: its symbols by name."""
    out = tmp_path_factory.mktemp("mibs")
    compiler = MibCompiler(parserFactory(**smi_v2)(), PySnmpCodeGen(), PyFileWriter(out))
    compiler.add_sources(FileReader(str(MIB_FILE.parent)), FileReader(str(BASE_MIBS)))
    compiler.add_searchers(StubSearcher(*PySnmpCodeGen.baseMibs))
    results = compiler.compile(MIB_NAME)
    assert results[MIB_NAME] == "compiled", results
    mib_builder = builder.MibBuilder()
    mib_builder.add_mib_sources(builder.DirMibSource(str(out)))
    mib_builder.load_modules(MIB_NAME)
    return mib_builder.mibSymbols[MIB_NAME]


def test_the_mib_file_is_in_the_package():
    assert MIB_FILE.read_text().startswith(f"{MIB_NAME} DEFINITIONS ::= BEGIN")


def test_the_module_identity_is_the_default_enterprise_subtree(mib):
    assert tuple(mib["lib20Sip2MIB"].name) == ROOT


def test_every_scalar_the_agent_serves_is_in_the_mib_at_the_same_oid(mib):
    for scalar in layout.SCALARS:
        assert (*mib[scalar.name].name, 0) == scalar.oid(ROOT), scalar.name
        assert mib[scalar.name].maxAccess == "read-only"


def test_the_transaction_counter_column_is_where_the_agent_puts_it(mib):
    column = tuple(mib["lib20TxCount"].name)
    assert column == layout.transaction_oid(ROOT, "11", Outcome.OK)[: len(column)]
    assert layout.transaction_oid(ROOT, "11", Outcome.OK)[len(column) :] == (11, Outcome.OK)
    index = [name for _implied, _module, name in mib["lib20TransactionEntry"].getIndexNames()]
    assert index == ["lib20TxCommand", "lib20TxOutcome"]


def test_the_enumerations_match_the_monitors(mib):
    outcomes = dict(mib["lib20TxOutcome"].syntax.namedValues.items())
    assert outcomes == {_camel(o.name): o.value for o in Outcome}
    states = dict(mib["lib20UpstreamState"].syntax.namedValues.items())
    assert {name: states[name] for name in ("up", "down", "offline")} == {
        s.name.lower(): s.value for s in UpstreamState
    }
    assert {name: states[name] for name in ("up", "down", "none")} == {
        s.name.lower(): s.value for s in ReaderState
    }


def test_every_notification_is_in_the_mib_with_the_objects_it_carries(mib):
    for event in Event:
        notification = mib[layout.NOTIFICATION_NAMES[event]]
        assert tuple(notification.name) == layout.notification_oid(ROOT, event)
        carried = [name for _module, name in notification.getObjects()]
        assert carried == list(layout.NOTIFICATION_OBJECTS[event])


def _camel(name: str) -> str:
    first, *rest = name.lower().split("_")
    return first + "".join(part.title() for part in rest)
