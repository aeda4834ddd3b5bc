"""Uploaded media, read and written through Django's storage: the filesystem or a bucket alike."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from pathlib import PurePosixPath

from django.core.files.base import File
from django.core.files.storage import Storage

PREFIX = "media/"


def names(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file's name in ``storage``, folders walked depth first."""
    try:
        folders, files = storage.listdir(directory)
    except FileNotFoundError:  # MEDIA_ROOT not made yet: nothing uploaded
        return
    for name in sorted(files):
        yield str(PurePosixPath(directory, name)) if directory else name
    for folder in sorted(folders):
        yield from names(storage, str(PurePosixPath(directory, folder)) if directory else folder)


def add_to(archive: tarfile.TarFile, storage: Storage) -> int:
    count = 0
    for name in names(storage):
        with storage.open(name, "rb") as handle:
            member = tarfile.TarInfo(PREFIX + name)
            member.size = storage.size(name)
            member.mtime = int(storage.get_modified_time(name).timestamp())
            archive.addfile(member, handle)
        count += 1
    return count


def remove_all(storage: Storage) -> None:
    for name in list(names(storage)):
        storage.delete(name)


def restore_from(archive: tarfile.TarFile, storage: Storage) -> int:
    """Each file under media/ saved under its own name (the storage refuses ``..`` names)."""
    count = 0
    for member in archive.getmembers():
        if not (member.isfile() and member.name.startswith(PREFIX)):
            continue
        name = member.name.removeprefix(PREFIX)
        with archive.extractfile(member) as handle:
            storage.save(name, File(handle, name=name))
        count += 1
    return count
