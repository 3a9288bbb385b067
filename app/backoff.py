"""Reconnect delays: exponential backoff with jitter, used once by the core for every backend.

"Equal jitter" (half fixed, half random) keeps a floor under each delay, so a thousand clients that
lost the same server do not come back in lock-step, and none hammers it with near-zero waits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 1.0
    cap: float = 300.0
    factor: float = 2.0
    rng: random.Random = field(default_factory=random.Random)
    attempts: int = 0

    def next_delay(self, at_least: float | None = None) -> float:
        """The wait before the next attempt; grows with each call until :meth:`reset`."""
        ceiling = self.cap
        if self.attempts < 64:  # beyond that the cap has long been reached (and floats overflow)
            ceiling = min(self.cap, self.base * self.factor**self.attempts)
        self.attempts += 1
        delay = ceiling / 2 + self.rng.uniform(0, ceiling / 2)
        if at_least is not None:
            delay = max(delay, min(at_least, self.cap))
        return delay

    def reset(self) -> None:
        self.attempts = 0
