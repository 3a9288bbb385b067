"""Generate a realistic Chinwag profile for benchmarks: 5 accounts, 1,000,000 stored messages.

The profile is the app's own layout (config.json + one store per account under data/accounts),
so the real app can be started on it. One conversation per account holds 100,000 messages (the
"big room"); the rest are spread over 20 conversations. The result is cached next to a marker
file and reused.

Each store is created by the app's own :class:`AccountStore` (its migrations, its schema), then
filled by a bulk insert through plain ``sqlite3``, the full-text index rebuilt once at the end
(FTS5 ``rebuild``; the store indexes new rows itself, there is no insert trigger), which is how the 10,000,000
message profile of the scale benchmark is made in minutes; the accounts are filled in parallel.
The rows are what the store would write for these messages (its own column mapping).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path

from app.config import AccountEntry, AppConfig, ConfigFile
from app.models import (
    Account,
    ConversationId,
    ConversationKind,
    Direction,
    Message,
    MessageId,
    to_millis,
)
from app.paths import AppPaths
from app.store import rows as store_rows
from app.store.account_store import AccountStore
from app.store.atomic import atomic
from app.store.terms import is_complete, refill
from benchmarks.store_bench import T0, WORDS

BIG_ROOM = "#big"
BIG_ROOM_SIZE = 100_000


def account_ids(accounts: int) -> list[str]:
    return [f"bench{a:02d}" for a in range(accounts)]


def build_profile(root: Path, accounts: int = 5, messages: int = 1_000_000) -> dict[str, float]:
    """Create (or reuse) the profile under ``root``; returns build figures."""
    marker = root / f".built-{accounts}x{messages}"
    if marker.exists():
        complete_terms(AppPaths.in_profile(root), accounts)
        return {"reused": 1.0}
    paths = AppPaths.in_profile(root)
    paths.ensure()
    started = time.perf_counter()
    config = AppConfig()
    per_account = messages // accounts
    jobs = []
    for account_id in account_ids(accounts):
        # Unreachable IRC servers: the app starts and tries to connect, like after a network loss.
        account = Account(
            account_id,
            "irc",
            f"Network {account_id[-2:]}",
            {"server": "127.0.0.1", "port": 9, "nick": f"me{account_id[-2:]}", "plain_text": True},
            enabled=True,
        )
        config = config.with_account(AccountEntry(account))
        jobs.append((account_id, paths.account_store(account_id), per_account))
    workers = min(len(jobs), os.cpu_count() or 1)
    with ProcessPoolExecutor(workers) as pool:
        rows = sum(pool.map(fill_store, *zip(*jobs, strict=True)))
    ConfigFile(paths.config_file).save(config)
    marker.touch()
    elapsed = time.perf_counter() - started
    return {"build_s": round(elapsed, 1), "rows_per_s": round(rows / elapsed)}


def complete_terms(paths: AppPaths, accounts: int) -> None:
    """A profile kept from before the search terms (schema 0009): its stores migrated and their
    term tables filled now, as :func:`fill_store` does. Otherwise every app started on it builds
    them in the background from its tenth second, and a benchmark that runs longer measures that
    build too (it starts again each time: the app is stopped before it finishes)."""
    for account_id in account_ids(accounts):
        path = paths.account_store(account_id)
        AccountStore(account_id, path).close()  # its migrations
        con = sqlite3.connect(path, isolation_level=None)
        try:
            if not is_complete(con):
                with atomic(con):
                    refill(con)
        finally:
            con.close()


def fill_store(account_id: str, path: Path, count: int, batch: int = 50_000) -> int:
    """One account's store: the app's schema, then ``count`` messages in bulk."""
    for old in path.parent.glob(f"{account_id}.sqlite3*"):
        old.unlink()
    store = AccountStore(account_id, path)
    store.ensure_conversation(BIG_ROOM, ConversationKind.GROUP, "Big room")
    for c in range(20):
        store.ensure_conversation(f"friend{c}", ConversationKind.DIRECT)
    store.close()
    conv_rows = _conversation_rows(path)
    rng = random.Random(f"{account_id}-20261121")
    # a pool of ordinary bodies (a prime count: rows do not repeat in step); 1 % get a rare word
    bodies = [" ".join(rng.choices(WORDS, k=rng.randint(3, 18))) for _ in range(20_011)]
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-200000")
    big = min(BIG_ROOM_SIZE, count)
    made = 0
    try:
        while made < count:
            n = min(batch, count - made)
            con.execute("BEGIN")
            con.executemany(_INSERT, _rows(account_id, conv_rows, bodies, rng, made, n, big))
            con.execute("COMMIT")
            made += n
        con.execute("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')")
        with atomic(con):
            refill(con)  # the store's search terms, as its own appends would have kept them
    finally:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    AccountStore(account_id, path).close()  # as the app leaves it (PRAGMA optimize)
    return made


_INSERT = store_rows.INSERT_MESSAGE  # the store's own statement: its columns, whatever they become


def _conversation_rows(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT native_id, id FROM conversations"))
    finally:
        con.close()


def _rows(  # noqa: PLR0917
    account_id: str,
    conv_rows: dict[str, int],
    bodies: list[str],
    rng: random.Random,
    start: int,
    count: int,
    big: int,
) -> list[tuple[object, ...]]:
    """The store's own row for each message (app.store.rows.message_params), built in bulk: the
    first ``big`` messages go to the big room, the rest round-robin to 20 direct chats."""
    sample = Message(
        id=MessageId(account_id, "x"),
        conversation_id=ConversationId(account_id, BIG_ROOM),
        sender="user1",
        sender_name="",
        timestamp=T0,
        body="x",
        remote_id="x",
        direction=Direction.INCOMING,
    )
    template = store_rows.message_params(0, sample)
    base = to_millis(T0)
    step = int(timedelta(seconds=7).total_seconds() * 1000)
    out = []
    senders = [f"user{n}" for n in range(1, 41)]
    pick, nbodies = rng.random, len(bodies)
    for i in range(start, start + count):
        conv = BIG_ROOM if i < big else f"friend{(i - big) // 10_000 % 20}"
        row = list(template)
        row[0] = conv_rows[conv]
        row[1] = f"{conv}-{i:09d}"  # ascending ids: appended to the unique index, not spread
        row[2] = f"r-{conv}-{i:09d}"
        row[3] = senders[int(pick() * 40)]
        row[5] = base + i * step
        text = bodies[(i * 7919) % nbodies]
        row[6] = text if i % 100 != 37 else f"{text} zebra{(i * 31) % 2000:04d}"  # rare words
        out.append(tuple(row))
    return out


def describe(root: Path) -> dict[str, object]:
    paths = AppPaths.in_profile(root)
    raw = json.loads(paths.config_file.read_text())
    size = sum(p.stat().st_size for p in paths.accounts_dir.glob("*.sqlite3*"))
    return {"accounts": len(raw["accounts"]), "disk_mb": round(size / 1e6, 1)}
