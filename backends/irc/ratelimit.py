"""A token bucket: lets short bursts through, then paces to a steady rate.

Used twice: for every outgoing line (so the server never disconnects us for flooding, whatever the
user pastes) and for answering CTCP requests (so a CTCP flood cannot make *us* flood). The clock is
injected so the tests need no sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class TokenBucket:
    """``capacity`` tokens at most, refilled at ``rate`` tokens per second."""

    def __init__(
        self, capacity: float, rate: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if capacity < 1 or rate <= 0:
            raise ValueError("a bucket needs room for one token and a positive rate")
        self.capacity = float(capacity)
        self.rate = float(rate)
        self._clock = clock
        self._tokens = float(capacity)
        self._stamp = clock()

    def _refill(self) -> None:
        now = self._clock()
        elapsed = max(0.0, now - self._stamp)
        self._stamp = now
        self._tokens = min(self.capacity, self._tokens + elapsed * self.rate)

    @property
    def tokens(self) -> float:
        self._refill()
        return self._tokens

    def try_take(self) -> bool:
        """Take a token if one is there now (for things that are dropped when over the limit)."""
        self._refill()
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False

    def reserve(self) -> float:
        """Take a token now or in the future; returns how many seconds to wait before using it.

        Reservations queue up (the balance may go negative), so callers that each wait their
        returned delay go out in order at the steady rate.
        """
        self._refill()
        self._tokens -= 1
        return 0.0 if self._tokens >= 0 else -self._tokens / self.rate
