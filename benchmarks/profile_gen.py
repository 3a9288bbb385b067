"""Generate a realistic Chinwag profile for benchmarks: 5 accounts, 1,000,000 stored messages.

The profile is the app's own layout (config.json + one store per account under data/accounts),
so the real app can be started on it. One conversation per account holds 100,000 messages (the
"big room"); the rest are spread over 20 conversations. Building takes about a minute; the
result is cached next to a marker file and reused.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from app.config import AccountEntry, AppConfig, ConfigFile
from app.models import Account, ConversationKind
from app.paths import AppPaths
from app.store.account_store import AccountStore
from benchmarks.store_bench import make_messages

BIG_ROOM = "#big"
BIG_ROOM_SIZE = 100_000


def account_ids(accounts: int) -> list[str]:
    return [f"bench{a:02d}" for a in range(accounts)]


def build_profile(root: Path, accounts: int = 5, messages: int = 1_000_000) -> dict[str, float]:
    """Create (or reuse) the profile under ``root``; returns build figures."""
    marker = root / f".built-{accounts}x{messages}"
    if marker.exists():
        return {"reused": 1.0}
    paths = AppPaths.in_profile(root)
    paths.ensure()
    rng = random.Random(20261121)
    started = time.perf_counter()
    config = AppConfig()
    per_account = messages // accounts
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
        path = paths.account_store(account_id)
        for old in path.parent.glob(f"{account_id}.sqlite3*"):
            old.unlink()
        store = AccountStore(account_id, path)
        store.ensure_conversation(BIG_ROOM, ConversationKind.GROUP, "Big room")
        for c in range(20):
            store.ensure_conversation(f"friend{c}", ConversationKind.DIRECT)
        made = 0
        big = min(BIG_ROOM_SIZE, per_account)
        while made < big:
            n = min(10_000, big - made)
            store.append(make_messages(rng, account_id, BIG_ROOM, made, n))
            made += n
        c = 0
        while made < per_account:
            n = min(10_000, per_account - made)
            store.append(make_messages(rng, account_id, f"friend{c % 20}", made, n))
            made += n
            c += 1
        store.close()
    ConfigFile(paths.config_file).save(config)
    marker.touch()
    return {"build_s": round(time.perf_counter() - started, 1)}


def describe(root: Path) -> dict[str, object]:
    paths = AppPaths.in_profile(root)
    raw = json.loads(paths.config_file.read_text())
    size = sum(p.stat().st_size for p in paths.accounts_dir.glob("*.sqlite3*"))
    return {"accounts": len(raw["accounts"]), "disk_mb": round(size / 1e6, 1)}
