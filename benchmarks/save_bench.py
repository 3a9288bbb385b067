"""save: what one transaction of received facts costs through ``AccountDispatcher.save``.

Two shapes, each into a fresh store file, the same generated facts on every run:

- live:  one message per transaction (a quiet conversation: each live message is its own batch),
  the shape where a fixed cost per transaction shows most;
- flood: an IRC flood, ``MessagesReceived`` of 5,000 lines (no ids) per transaction.

Written to compare one checkout with another (``--repeat`` runs, the median kept): the cost of
the token each transaction writes since app/commit_check.py is what it measures. Prints JSON with
the load average beside the figures.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import facts as f
from app.dispatch import AccountDispatcher
from app.models import ConversationKind
from app.store.account_store import AccountStore

LOG = logging.LoggerAdapter(logging.getLogger("bench.save"), {})
NOW = datetime(2026, 12, 6, tzinfo=UTC)


def _dispatcher(folder: Path, name: str) -> AccountDispatcher:
    return AccountDispatcher(AccountStore("bench", folder / name), now=lambda: NOW, logger=LOG)


def _timed(d: AccountDispatcher, facts: Sequence[f.Fact]) -> float:
    """Seconds to save ``facts``, one transaction each (the store is closed after)."""
    start = time.perf_counter()
    for fact in facts:
        d.save([fact])
    elapsed = time.perf_counter() - start
    d.store.close()
    return elapsed


def live(folder: Path, count: int) -> float:
    """Messages per second, one per transaction."""
    d = _dispatcher(folder, "live.db")
    facts = [
        f.MessageReceived("bob", "bob", f"message {n} about the weather", remote_id=f"m{n}")
        for n in range(count)
    ]
    return count / _timed(d, facts)


def flood(folder: Path, batches: int, size: int = 5000) -> float:
    """IRC lines per second, ``size`` per transaction."""
    d = _dispatcher(folder, "flood.db")
    group = ConversationKind.GROUP
    facts = [
        f.MessagesReceived(
            "#flood",
            group,
            "#flood",
            tuple(f.Received(f"nick{i % 50}", f"line {b}-{i} of the flood") for i in range(size)),
        )
        for b in range(batches)
    ]
    return batches * size / _timed(d, facts)


def load() -> list[float]:
    return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--live", type=int, default=2000, help="transactions of one message")
    parser.add_argument("--batches", type=int, default=8, help="flood transactions of 5,000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    live_rates, flood_rates = [], []
    before = load()
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="chinwag-save-bench-") as tmp:
            live_rates.append(live(Path(tmp), args.live))
            flood_rates.append(flood(Path(tmp), args.batches))
    print(
        json.dumps(
            {
                "benchmark": "save",
                "live_messages_per_s": round(statistics.median(live_rates)),
                "flood_lines_per_s": round(statistics.median(flood_rates)),
                "live_runs": [round(r) for r in live_rates],
                "flood_runs": [round(r) for r in flood_rates],
                "loadavg_before": before,
                "loadavg_after": load(),
            }
        )
    )


if __name__ == "__main__":
    main()
