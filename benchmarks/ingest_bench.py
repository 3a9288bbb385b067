"""ingest: the store's insert rate against raw sqlite3 executemany on the same rows, in one run.

Both sides write the same generated messages into the same schema (the store's own migrations:
indexes, the unique remote-id index and the FTS5 index) with the same PRAGMAs, in the same
batch sizes, one transaction per batch, each into a fresh file:

- store: ``AccountStore.append(messages)`` (Message objects in; one INSERT OR IGNORE per row so
  replays are skipped and the inserted rows come back with their ``seq``)
- raw:   ``executemany`` of the same INSERT with the rows already converted to tuples (the
  conversion is not timed: the raw side is the floor SQLite itself sets), then one
  ``INSERT … SELECT`` of the batch into the full-text index

The ratio store/raw is the figure (target ≥ 0.5); the first batch size listed is the headline,
the others show how it changes with batch size (10,000 is a history fetch; 100 is nearer a
frame's worth of live messages). Each measurement is repeated and the median kept. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.models import ConversationKind, Message  # noqa: E402
from app.store.account_store import AccountStore  # noqa: E402
from app.store.rows import INSERT_MESSAGE, message_params  # noqa: E402
from benchmarks.app_driver import machine_load  # noqa: E402
from benchmarks.store_bench import make_messages  # noqa: E402

TARGET_RATIO = 0.5
CONVERSATION = "big"


def fresh_store(path: Path) -> AccountStore:
    store = AccountStore("ingest", path)
    store.ensure_conversation(CONVERSATION, ConversationKind.GROUP, "Big room")
    return store


def batches(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def store_run(path: Path, messages: Sequence[Message], batch: int) -> float:
    store = fresh_store(path)
    try:
        chunks = batches(messages, batch)
        started = time.perf_counter()
        inserted = sum(len(store.append(chunk)) for chunk in chunks)
        elapsed = time.perf_counter() - started
        assert inserted == len(messages), (inserted, len(messages))
    finally:
        store.close()
    return len(messages) / elapsed


def raw_run(path: Path, messages: Sequence[Message], batch: int) -> float:
    store = fresh_store(path)  # the identical schema, then the store lets go of the file
    conv_row = store._row_by_native[CONVERSATION]
    store.close()
    rows = [message_params(conv_row, m) for m in messages]
    chunks = batches(rows, batch)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("PRAGMA temp_store=MEMORY")
        started = time.perf_counter()
        done = 0
        for chunk in chunks:
            conn.execute("BEGIN")
            conn.executemany(INSERT_MESSAGE, chunk)
            # the full-text index, as the store keeps it (schema 0004: no insert trigger)
            conn.execute(
                "INSERT INTO messages_fts(rowid, body) SELECT seq, body FROM messages WHERE seq > ?",
                (done,),
            )
            done += len(chunk)
            conn.execute("COMMIT")
        elapsed = time.perf_counter() - started
        (count,) = conn.execute("SELECT count(*) FROM messages").fetchone()
        assert count == len(messages), (count, len(messages))
    finally:
        conn.close()
    return len(messages) / elapsed


def measure(
    work: Path, messages: Sequence[Message], batch: int, repeat: int
) -> dict[str, float | int]:
    runs: dict[str, list[float]] = {"store": [], "raw": []}
    sides: dict[str, Callable[[Path, Sequence[Message], int], float]] = {
        "store": store_run,
        "raw": raw_run,
    }
    for i in range(repeat):  # interleaved, so a busy moment on the machine hits both sides
        for side, run in sides.items():
            path = work / f"{side}-{batch}-{i}.sqlite3"
            runs[side].append(run(path, messages, batch))
            for leftover in work.glob(f"{path.name}*"):
                leftover.unlink()
    store_rate = statistics.median(runs["store"])
    raw_rate = statistics.median(runs["raw"])
    return {
        "batch": batch,
        "store_rows_per_s": round(store_rate),
        "raw_rows_per_s": round(raw_rate),
        "ratio": round(store_rate / raw_rate, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument(
        "--batch", type=int, action="append", help="batch size (repeatable; default 10000, 100)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = args.batch or [10_000, 100]
    messages = make_messages(random.Random(20261121), "ingest", CONVERSATION, 0, args.messages)
    load = machine_load()
    with tempfile.TemporaryDirectory(prefix="chinwag-ingest-") as tmp:
        by_batch = [measure(Path(tmp), messages, size, args.repeat) for size in sizes]
    headline = by_batch[0]
    print(
        json.dumps(
            {
                "benchmark": "ingest",
                "messages": args.messages,
                "repeat": args.repeat,
                **headline,
                "by_batch": by_batch,
                "machine_load_before": load,
                "target_ratio": TARGET_RATIO,
                "meets_target": headline["ratio"] >= TARGET_RATIO,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
