from __future__ import annotations

import random
from dataclasses import dataclass

from app.backoff import Backoff
from app.bus import EventBus
from app.events import AccountsChanged, Event, Notice


def test_backoff_grows_with_jitter_and_caps() -> None:
    backoff = Backoff(base=1.0, cap=60.0, rng=random.Random(1))
    delays = [backoff.next_delay() for _ in range(12)]
    for attempt, delay in enumerate(delays):
        ceiling = min(60.0, 2.0**attempt)
        assert ceiling / 2 <= delay <= ceiling
    assert max(delays) <= 60.0
    assert len(set(delays)) == len(delays)  # jittered
    backoff.reset()
    assert backoff.next_delay() <= 1.0


def test_backoff_honours_retry_after_and_never_overflows() -> None:
    backoff = Backoff(base=1.0, cap=300.0, rng=random.Random(2))
    assert backoff.next_delay(at_least=42.0) >= 42.0
    for _ in range(5000):
        delay = backoff.next_delay()
    assert 150.0 <= delay <= 300.0


@dataclass(frozen=True)
class Special(Notice):
    pass


def test_bus_dispatches_by_class_and_survives_bad_subscribers() -> None:
    bus = EventBus()
    seen: list[str] = []

    def boom(event: Event) -> None:
        raise RuntimeError("subscriber bug")

    bus.subscribe(Event, boom)
    bus.subscribe(Event, lambda e: seen.append("any:" + type(e).__name__))
    bus.subscribe(Notice, lambda e: seen.append("notice:" + e.text))
    unsubscribe = bus.subscribe(AccountsChanged, lambda e: seen.append("accounts"))
    bus.publish(Special("hi"))
    bus.publish(AccountsChanged(()))
    unsubscribe()
    bus.publish(AccountsChanged(()))
    # Most specific subscribers first, then those of base classes.
    assert seen == [
        "notice:hi",
        "any:Special",
        "accounts",
        "any:AccountsChanged",
        "any:AccountsChanged",
    ]
