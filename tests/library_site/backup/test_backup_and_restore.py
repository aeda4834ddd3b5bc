"""library20 backup and restore: the database and the media, back as they were, on SQLite and
PostgreSQL alike (the suite runs on both)."""

import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from library_site.backup import media

pytestmark = pytest.mark.django_db(transaction=True)


def media_names() -> set[str]:
    return set(media.names(default_storage))


def backup(tmp_path) -> str:
    out = io.StringIO()
    call_command("backup", str(tmp_path / "backups") + "/", stdout=out)
    return out.getvalue()


def test_a_backup_restored_with_force_brings_back_the_pages_and_the_media(tmp_path):
    page = Page.objects.filter(depth=3).first()
    default_storage.save("documents/minutes.txt", ContentFile(b"board minutes"))
    before = media_names()
    said = backup(tmp_path)
    [archive] = (tmp_path / "backups").iterdir()
    Page.objects.filter(pk=page.pk).update(title="Changed after the backup")
    default_storage.save("documents/later.txt", ContentFile(b"after"))
    default_storage.delete("documents/minutes.txt")

    out = io.StringIO()
    call_command("restore", str(archive), force=True, stdout=out)

    assert Page.objects.get(pk=page.pk).title == page.title
    assert media_names() == before
    with default_storage.open("documents/minutes.txt") as kept:
        assert kept.read() == b"board minutes"
    assert said == (
        f"Backed up the {connection.vendor} database and {len(before)} media file(s) to {archive}\n"
    )
    assert f"with {len(before)} media file(s); replaced what was there (" in out.getvalue()


def test_restore_refuses_a_site_that_is_not_empty_and_says_what_it_would_replace(tmp_path):
    backup(tmp_path)
    [archive] = (tmp_path / "backups").iterdir()
    tables = len(connection.introspection.table_names())
    Page.objects.filter(depth=2).update(title="Kept")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive))

    assert f"not empty ({tables} tables and {len(media_names())} media file(s))" in str(
        refused.value
    )
    assert str(refused.value).endswith("run again with --force")
    assert set(Page.objects.filter(depth=2).values_list("title", flat=True)) == {"Kept"}


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    other = tmp_path / "other.tar"
    with tarfile.open(other, "w") as archive:
        archive.add(__file__, "notes.py")

    with pytest.raises(CommandError, match="not a library20 backup"):
        call_command("restore", str(other), force=True)


def test_a_backup_of_the_other_database_is_refused(tmp_path):
    other_vendor = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    manifest = json.dumps(
        {
            "format": 1,
            "vendor": other_vendor,
            "created": "2026-12-01T02:00:00+00:00",
            "media_files": 0,
        }
    ).encode()
    other = tmp_path / "other.tar"
    with tarfile.open(other, "w") as archive:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        archive.addfile(info, io.BytesIO(manifest))

    with pytest.raises(CommandError, match=f"holds a {other_vendor} database"):
        call_command("restore", str(other), force=True)
    assert Page.objects.exists()


def test_a_named_archive_is_written_whole_or_not_at_all(tmp_path):
    target = tmp_path / "nightly.tar"

    call_command("backup", str(target), stdout=io.StringIO())

    with tarfile.open(target) as archive:
        names = archive.getnames()
    assert names[0] in ("database.sqlite3", "database.pgdump")
    assert names[-1] == "manifest.json"
    assert [path.name for path in tmp_path.iterdir()] == ["nightly.tar"]


def test_a_damaged_backup_is_refused_and_the_site_is_left_as_it_was(tmp_path):
    backup(tmp_path)
    [archive] = (tmp_path / "backups").iterdir()
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as whole, tarfile.open(damaged, "w") as cut:
        for member in whole.getmembers():
            data = whole.extractfile(member).read() if member.isfile() else b""
            if member.name.startswith("database"):
                data = data[: len(data) // 2]  # a copy broken off half way
            member.size = len(data)
            cut.addfile(member, io.BytesIO(data))
    pages = Page.objects.count()

    with pytest.raises(CommandError):
        call_command("restore", str(damaged), force=True)

    assert Page.objects.count() == pages
