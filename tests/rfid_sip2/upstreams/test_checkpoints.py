"""The gateway's sandbox writer commits without checkpointing the WAL; a thread of its own copies
what was committed into the database file, so no request waits for a checkpoint."""

import asyncio
import os
import time

from koha_bridge.sandbox.store import Store
from rfid_sip2.upstreams.group_commit import GroupCommit


def test_commits_do_not_checkpoint_and_the_checkpoint_thread_copies_them(tmp_path):
    store = Store(tmp_path / "sandbox.sqlite3")
    with store.transaction() as db:
        db.execute("CREATE TABLE pages (body BLOB)")
    store.close()
    database = tmp_path / "sandbox.sqlite3"

    async def write() -> int:
        group = GroupCommit(store)
        try:
            setting = await group.run(
                lambda: store.connection().execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            )
            before = os.path.getsize(database)
            for _ in range(50):  # 2 MB, under the 1,000 pages at which SQLite would checkpoint
                await group.run(
                    lambda: store.connection().executemany(
                        "INSERT INTO pages VALUES (?)", [(os.urandom(1000),)] * 40
                    )
                )
            deadline = time.monotonic() + 10
            while os.path.getsize(database) <= before and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            assert os.path.getsize(database) > before + 1_000_000
            return setting
        finally:
            await group.close()

    assert asyncio.run(write()) == 0
