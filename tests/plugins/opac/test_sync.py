"""Catalogue sync: Koha's records into the local catalogue, incremental, resumable, never lossy."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from koha_bridge.client import KohaClient, KohaUnavailable
from koha_bridge.config import KohaConfig
from koha_bridge.marc import Flavour
from koha_bridge.sandbox import catalogue
from koha_bridge.sandbox.seed.books import BOOKS
from koha_bridge.sandbox.seed.marc import to_marc
from plugins.opac.models import CatalogueRecord, SyncState
from plugins.opac.search import CatalogueQuery, search_catalogue
from plugins.opac.sync import sync_catalogue
from tests.koha_bridge.client.stubs import Answer, ScriptedServer

pytestmark = pytest.mark.django_db

TOTAL = len(BOOKS)


class Interrupted(Exception):
    """Stands in for Ctrl-C or a killed process between two batches."""


def save_record(sandbox, clock, biblio_id: int, title: str) -> None:
    """An edit in Koha, now: the record is saved again with a new title."""
    book = BOOKS[biblio_id - 1]
    record = to_marc(book, biblio_id)
    field = record["245"] if book.flavour is Flavour.MARC21 else record["200"]
    field["a"] = title
    with sandbox.store.transaction() as db:
        catalogue.save_biblio(db, record, book.flavour, clock(), biblio_id)


def change_record(sandbox, clock, biblio_id: int, title: str) -> None:
    """An edit in Koha, an hour later."""
    clock.advance(hours=1)
    save_record(sandbox, clock, biblio_id, title)


def test_first_sync_copies_every_record_with_its_marc(koha_client):
    report = sync_catalogue(koha_client, batch_size=25)

    assert report.synced == TOTAL and report.skipped == 0
    assert CatalogueRecord.objects.count() == TOTAL
    kobzar = CatalogueRecord.objects.get(title__startswith="Кобзар")
    assert kobzar.flavour in ("MARC21", "UNIMARC")
    assert kobzar.marc["leader"] and kobzar.marc["fields"]
    assert kobzar.authors[0]["name"].startswith("Шевченко")


def test_records_keep_their_format_and_the_day_koha_catalogued_them(koha_client, sandbox):
    sync_catalogue(koha_client)

    with sandbox.store.reading() as db:
        created = db.execute("SELECT creation_date FROM biblios WHERE biblio_id = 1").fetchone()[0]
    first = CatalogueRecord.objects.get(biblio_id=1)
    assert first.added_on.isoformat() == created[:10]
    assert set(CatalogueRecord.objects.values_list("format", flat=True)) == {"book"}


def test_records_in_both_flavours_are_normalised(koha_client):
    sync_catalogue(koha_client)

    flavours = set(CatalogueRecord.objects.values_list("flavour", flat=True))
    assert flavours == {"MARC21", "UNIMARC"}
    languages = set(CatalogueRecord.objects.values_list("language", flat=True))
    assert {"eng", "rus", "ukr", "rum"} <= languages


def found(text: str) -> list[str]:
    return [record.title for record in search_catalogue(CatalogueQuery(text=text)).records]


def test_synced_records_are_found_by_the_catalogues_search(koha_client):
    sync_catalogue(koha_client)

    assert "Oliver Twist" in found("Dickens")
    assert found("Шевченко") == ["Кобзарь"]


def test_a_record_changed_in_koha_is_found_by_its_new_words_and_no_longer_by_its_old(
    koha_client, sandbox, clock
):
    sync_catalogue(koha_client)
    old_title = CatalogueRecord.objects.get(biblio_id=3).title

    change_record(sandbox, clock, 3, "Zmeevik unheard-of title")
    sync_catalogue(koha_client)

    assert found("zmeevik") == ["Zmeevik unheard-of title"]
    assert 3 not in [r.biblio_id for r in search_catalogue(CatalogueQuery(text=old_title)).records]


def test_incremental_sync_brings_only_what_changed_since_the_last_run(koha_client, sandbox, clock):
    clock.advance(minutes=5)  # the catalogue was loaded a while before the first sync
    sync_catalogue(koha_client)
    assert sync_catalogue(koha_client).synced == 0

    change_record(sandbox, clock, 3, "A changed title")
    report = sync_catalogue(koha_client)

    assert report.synced == 1
    assert CatalogueRecord.objects.get(biblio_id=3).title == "A changed title"


def fetched_marc(koha_client, monkeypatch) -> list[int]:
    """The biblio ids whose MARC the client fetches from now on."""
    fetched: list[int] = []
    real = koha_client.biblio_records_as_sent

    def counting(ids):
        fetched.extend(ids)
        return real(ids)

    monkeypatch.setattr(koha_client, "biblio_records_as_sent", counting)
    return fetched


def test_an_incremental_sync_right_after_a_full_one_fetches_nothing(
    koha_client, sandbox, clock, monkeypatch
):
    save_record(sandbox, clock, 3, "Saved a second before the sync")
    clock.advance(seconds=1)
    sync_catalogue(koha_client, full=True)
    fetched = fetched_marc(koha_client, monkeypatch)

    report = sync_catalogue(koha_client)

    assert (report.synced, fetched) == (0, [])


def test_the_demos_second_sync_fetches_nothing(koha_client, monkeypatch):
    # As ``library20 demo`` runs: the sandbox is seeded and synced within the same second.
    sync_catalogue(koha_client)
    fetched = fetched_marc(koha_client, monkeypatch)

    report = sync_catalogue(koha_client)

    assert (report.synced, fetched) == (0, [])


def test_a_record_changed_in_the_watermarks_own_second_is_not_missed(
    koha_client, sandbox, clock, monkeypatch
):
    clock.advance(seconds=1)
    sync_catalogue(koha_client, full=True)
    save_record(sandbox, clock, 5, "Same second")  # after the run listed it, that same second
    fetched = fetched_marc(koha_client, monkeypatch)

    report = sync_catalogue(koha_client)

    assert (report.synced, fetched) == (1, [5])  # that second is read again, and only it
    assert CatalogueRecord.objects.get(biblio_id=5).title == "Same second"


def test_sync_since_a_date_takes_records_changed_after_it(koha_client, sandbox, clock):
    sync_catalogue(koha_client)
    change_record(sandbox, clock, 7, "Edited in Koha")

    report = sync_catalogue(koha_client, since=clock().isoformat())

    assert report.synced == 1


def test_interrupted_sync_resumes_after_the_last_committed_batch(koha_client):
    def stop_after_two_batches(done: int, total: int | None) -> None:
        stop_after_two_batches.calls += 1
        if stop_after_two_batches.calls == 2:
            raise Interrupted

    stop_after_two_batches.calls = 0
    with pytest.raises(Interrupted):
        sync_catalogue(koha_client, full=True, batch_size=10, progress=stop_after_two_batches)

    state = SyncState.objects.get()
    assert state.in_progress and state.last_biblio_id == 20
    assert CatalogueRecord.objects.count() == 20

    report = sync_catalogue(koha_client, batch_size=10)

    assert report.resumed and report.run == state.run
    assert report.synced == TOTAL
    assert CatalogueRecord.objects.count() == TOTAL


def test_full_sync_removes_records_koha_no_longer_has(koha_client, sandbox):
    sync_catalogue(koha_client)
    with sandbox.store.transaction() as db:
        db.execute("DELETE FROM items WHERE biblio_id IN (5, 6)")
        db.execute("DELETE FROM biblios WHERE biblio_id IN (5, 6)")

    report = sync_catalogue(koha_client, full=True)

    assert report.removed == 2
    assert not CatalogueRecord.objects.filter(biblio_id__in=[5, 6]).exists()
    assert CatalogueRecord.objects.count() == TOTAL - 2
    austen = search_catalogue(CatalogueQuery(text="Austen", per_page=100)).records
    assert austen and not [r for r in austen if r.biblio_id in (5, 6)]


def test_malformed_marc_from_koha_is_skipped_and_counted_and_the_rest_are_synced(
    koha_client, monkeypatch, caplog
):
    real = koha_client.biblio_records_as_sent

    def with_broken_records(ids):
        records = [record for record, _text in real(ids)]
        for record in records:
            if record["fields"][0].get("001") == "9":
                record["leader"] = "garbage"
            if record["fields"][0].get("001") == "10":
                del record["fields"]
        return [(record, json.dumps(record)) for record in records]

    monkeypatch.setattr(koha_client, "biblio_records_as_sent", with_broken_records)

    report = sync_catalogue(koha_client)

    assert report.skipped == 2
    assert report.synced == TOTAL - 2
    assert not CatalogueRecord.objects.filter(biblio_id__in=[9, 10]).exists()
    assert "record skipped biblio_id=" in caplog.text


def test_a_record_koha_cannot_serve_is_skipped_without_losing_its_batch(
    koha_client, sandbox, caplog
):
    with sandbox.store.transaction() as db:  # Koha fails (500) on any list that includes it
        db.execute("UPDATE biblios SET marc = ? WHERE biblio_id = 9", (b"00042nam  broken",))

    report = sync_catalogue(koha_client, batch_size=20)

    assert report.skipped == 1
    assert report.synced == TOTAL - 1
    assert not CatalogueRecord.objects.filter(biblio_id=9).exists()
    assert "record skipped biblio_id=9" in caplog.text


def test_koha_going_away_mid_sync_keeps_what_was_synced(koha_client, monkeypatch):
    real = koha_client.biblio_records_as_sent
    calls = []

    def fails_on_third_batch(ids):
        calls.append(ids)
        if len(calls) == 3:
            raise KohaUnavailable("cannot connect (ConnectionError)", url="http://koha")
        return real(ids)

    monkeypatch.setattr(koha_client, "biblio_records_as_sent", fails_on_third_batch)
    with pytest.raises(KohaUnavailable):
        sync_catalogue(koha_client, batch_size=10)

    assert CatalogueRecord.objects.count() == 20
    assert SyncState.objects.get().last_biblio_id == 20


def test_sync_command_reports_and_resumes(koha_client, monkeypatch, capsys):
    monkeypatch.setattr(
        "plugins.opac.management.commands.koha_sync.koha_client", lambda: koha_client
    )

    call_command("koha_sync", "--full", "--batch-size", "50", verbosity=0)

    out = capsys.readouterr().out
    assert f"full sync, run 1: {TOTAL} records synced, 0 unchanged, 0 skipped, 0 removed" in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_sync_command_draws_no_progress_bar_when_its_output_is_not_a_terminal(
    koha_client, monkeypatch, capsys
):
    monkeypatch.setattr(
        "plugins.opac.management.commands.koha_sync.koha_client", lambda: koha_client
    )

    call_command("koha_sync", "--batch-size", "10")

    captured = capsys.readouterr()
    assert captured.err == ""
    assert f"{TOTAL} records synced" in captured.out


def test_sync_command_draws_its_progress_bar_in_a_terminal(koha_client, monkeypatch):
    monkeypatch.setattr(
        "plugins.opac.management.commands.koha_sync.koha_client", lambda: koha_client
    )
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)

    call_command("koha_sync", "--batch-size", "10")

    assert f"{TOTAL}/{TOTAL}" in terminal.getvalue()


def sync_command_error(koha_client, monkeypatch, error: KohaUnavailable) -> CommandError:
    """What ``library20 koha_sync`` says when the client raises ``error`` on listing."""

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(koha_client, "changed_biblios", failing)
    monkeypatch.setattr(
        "plugins.opac.management.commands.koha_sync.koha_client", lambda: koha_client
    )
    with pytest.raises(CommandError) as raised:
        call_command("koha_sync", verbosity=0)
    return raised.value


def test_sync_command_turns_koha_failures_into_a_clear_error(koha_client, monkeypatch):
    unavailable = KohaUnavailable(
        "cannot connect (ConnectionError)",
        url="https://koha.example/api/v1/biblios",
        hint="is Koha running at https://koha.example? check KOHA_URL",
    )

    error = sync_command_error(koha_client, monkeypatch, unavailable)

    assert error.returncode == 3
    assert "check KOHA_URL" in str(error)
    assert "run again to resume" in str(error)


def test_sync_command_message_does_not_double_kohas_full_stop(koha_client, monkeypatch):
    kohas_500 = KohaUnavailable(  # as the client reports Koha's own 500 answer
        "Something went wrong, check the logs.",
        status=500,
        url="https://koha.example/api/v1/biblios",
        code="internal_server_error",
        hint="Koha failed; see its logs",
    )

    message = str(sync_command_error(koha_client, monkeypatch, kohas_500))

    assert "check the logs; Koha failed; see its logs. What was synced is kept" in message
    assert not re.search(r"[.;:,]\s*[.;:,]", message), message


def test_sync_command_names_a_web_page_at_koha_url_without_printing_it(monkeypatch):
    login_page = b"<!DOCTYPE html><html><head><title>Log in to Koha</title></head><form>"
    with ScriptedServer(Answer(200, login_page, {"Content-Type": "text/html"})) as koha:
        client = KohaClient(KohaConfig(url=koha.url))
        monkeypatch.setattr(
            "plugins.opac.management.commands.koha_sync.koha_client", lambda: client
        )
        with pytest.raises(CommandError) as raised:
            call_command("koha_sync", verbosity=0)

    message = str(raised.value)
    assert raised.value.returncode == 1
    assert f"this is not Koha's REST API at {koha.url}" in message and "KOHA_URL" in message
    assert "<" not in message and "form" not in message


@pytest.mark.parametrize(
    "arguments", [["--full", "--since", "2026-01-01"], ["--since", "soon"], ["--batch-size", "0"]]
)
def test_sync_command_refuses_bad_arguments(arguments):
    with pytest.raises(CommandError):
        call_command("koha_sync", *arguments, verbosity=0)
