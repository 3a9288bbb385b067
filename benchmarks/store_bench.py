"""Store benchmark: a 5-account, 1,000,000-message profile; prints JSON figures.

Measures what a user feels at the store level:
- open:   opening every account's store (what start-up pays before painting conversations)
- page:   the newest page of a 100,000-message conversation, and paging back 10 pages
- search: global search across all accounts (p50/p95 over a set of queries)

The ingest ratio (the store against raw sqlite3 on the same rows) is benchmarks/ingest_bench.py.

Targets (issue 2): open < 0.2 s, page < 30 ms, search p50 < 20 ms.
Usage: python benchmarks/store_bench.py [--messages N] [--accounts N] [--dir DIR]
(--dir keeps the generated profile for the next run; building 1M messages takes a while.)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.models import (
    ConversationId,
    ConversationKind,
    Direction,
    Message,
    MessageId,
    to_millis,
)
from app.store.account_store import AccountStore

WORDS = [
    "the",
    "a",
    "to",
    "and",
    "of",
    "you",
    "I",
    "it",
    "is",
    "that",
    "in",
    "for",
    "on",
    "we",
    "have",
    "be",
    "this",
    "with",
    "are",
    "not",
    "was",
    "but",
    "so",
    "at",
    "what",
    "can",
    "just",
    "do",
    "all",
    "if",
    "me",
    "my",
    "they",
    "like",
    "get",
    "your",
    "one",
    "about",
    "out",
    "there",
    "up",
    "how",
    "no",
    "know",
    "now",
    "time",
    "good",
    "see",
    "think",
    "will",
    "yes",
    "well",
    "going",
    "really",
    "when",
    "from",
    "or",
    "make",
    "want",
    "would",
    "go",
    "today",
    "tomorrow",
    "meeting",
    "lunch",
    "coffee",
    "release",
    "build",
    "test",
    "deploy",
    "server",
    "client",
    "message",
    "network",
    "chat",
    "window",
    "keyboard",
    "screen",
    "reader",
    "python",
    "rust",
    "matrix",
    "xmpp",
    "irc",
    "room",
    "channel",
    "invite",
    "kick",
    "topic",
    "nick",
    "join",
    "part",
    "quit",
    "away",
    "busy",
    "holiday",
    "weekend",
    "train",
    "bike",
    "rain",
    "sun",
    "Montag",
    "Kaffee",
    "bonjour",
    "merci",
    "gracias",
    "obrigado",
    "привет",
    "спасибо",
    "你好",
    "谢谢",
    "こんにちは",
]
RARE = [f"zebra{i:04d}" for i in range(2000)]
QUERIES = [
    "coffee",
    "release build",
    "matrix room",
    "zebra0042",
    "привет",
    "tomorrow lunch",
    "keyboard",
    "deploy server",
    "weekend",
    "xmpp",
    "bonjour",
    "screen reader",
    "nick",
    "rain",
    "zebra1999",
    "quit",
    "invite",
    "train",
    "holiday",
    "谢谢",
]
T0 = datetime(2024, 1, 1, tzinfo=UTC)


def body(rng: random.Random) -> str:
    n = rng.randint(3, 18)
    words = rng.choices(WORDS, k=n)
    if rng.random() < 0.01:
        words.append(rng.choice(RARE))
    return " ".join(words)


def make_messages(
    rng: random.Random, account: str, conv: str, start: int, count: int
) -> list[Message]:
    conv_id = ConversationId(account, conv)
    return [
        Message(
            id=MessageId(account, f"{conv}-{start + i}"),
            conversation_id=conv_id,
            sender=f"user{rng.randint(1, 40)}",
            sender_name="",
            timestamp=T0 + timedelta(seconds=(start + i) * 7),
            body=body(rng),
            remote_id=f"r-{conv}-{start + i}",
            direction=Direction.INCOMING,
        )
        for i in range(count)
    ]


def build(root: Path, accounts: int, total: int, rng: random.Random) -> dict[str, float]:
    """Fill the profile; returns the append rate seen while filling the first account."""
    per_account = total // accounts
    big = min(100_000, per_account)
    rest_convs = 20
    ingest: dict[str, float] = {}
    for a in range(accounts):
        account = f"acct{a}"
        store = AccountStore(account, root / f"{account}.sqlite3")
        store.ensure_conversation("big", ConversationKind.GROUP, "Big room")
        for c in range(rest_convs):
            store.ensure_conversation(f"conv{c}", ConversationKind.DIRECT)
        made = 0
        batch = 10_000
        started = time.perf_counter()
        while made < big:
            n = min(batch, big - made)
            store.append(make_messages(rng, account, "big", made, n))
            made += n
        if a == 0:
            ingest["store_rows_per_s"] = big / (time.perf_counter() - started)
        remaining = per_account - big
        c = 0
        while remaining > 0:
            n = min(batch, remaining)
            store.append(
                make_messages(rng, account, f"conv{c % rest_convs}", per_account + made, n)
            )
            made += n
            remaining -= n
            c += 1
        store.close()
    return ingest


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def measure(root: Path, accounts: int) -> dict[str, object]:
    started = time.perf_counter()
    stores = [AccountStore(f"acct{a}", root / f"acct{a}.sqlite3") for a in range(accounts)]
    open_s = time.perf_counter() - started

    store = stores[0]
    started = time.perf_counter()
    page = store.page("big", None, 50)
    first_page_s = time.perf_counter() - started
    back: list[float] = []
    for _ in range(10):
        started = time.perf_counter()
        page = store.page("big", page.before, 50)
        back.append(time.perf_counter() - started)

    timings: list[float] = []
    hits: list[int] = []
    for _round in range(3):
        for query in QUERIES:
            started = time.perf_counter()
            results = []
            for s in stores:
                results.extend(s.search(query, 50))
            results.sort(key=lambda m: (to_millis(m.timestamp), m.seq), reverse=True)
            timings.append(time.perf_counter() - started)
            hits.append(len(results[:50]))
    total = sum(s.message_count() for s in stores)
    for s in stores:
        s.close()
    timings.sort()
    return {
        "messages": total,
        "accounts": accounts,
        "open_all_stores_ms": ms(open_s),
        "newest_page_of_100k_conversation_ms": ms(first_page_s),
        "page_back_max_ms": ms(max(back)),
        "page_back_mean_ms": ms(statistics.mean(back)),
        "search_p50_ms": ms(statistics.median(timings)),
        "search_p95_ms": ms(timings[int(len(timings) * 0.95) - 1]),
        "search_queries": len(timings),
        "search_mean_hits": round(statistics.mean(hits), 1),
        "targets": {"open_ms": 200, "page_ms": 30, "search_p50_ms": 20},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--accounts", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="keep/reuse the generated profile here")
    args = parser.parse_args()
    rng = random.Random(20261121)
    with tempfile.TemporaryDirectory(prefix="chinwag-bench-") as tmp:
        root = args.dir or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        marker = root / f"built-{args.accounts}x{args.messages}"
        build_s = None
        ingest: dict[str, float] = {}
        if not marker.exists():
            for old in root.glob("acct*.sqlite3*"):
                old.unlink()
            started = time.perf_counter()
            ingest = build(root, args.accounts, args.messages, rng)
            build_s = time.perf_counter() - started
            marker.touch()
        figures = measure(root, args.accounts)
        figures["build_s"] = None if build_s is None else round(build_s, 1)
        if ingest:
            figures["build_rows_per_s"] = round(ingest["store_rows_per_s"])
        size = sum(p.stat().st_size for p in root.glob("acct*.sqlite3*"))
        figures["disk_mb"] = round(size / 1e6, 1)
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
