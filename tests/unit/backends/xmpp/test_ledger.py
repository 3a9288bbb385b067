"""The exactly-once bookkeeping: which unacknowledged sends the server provably has."""

from __future__ import annotations

import json
import time

import pytest

from backends.xmpp.ledger import (
    STATE_PENDING,
    PendingSend,
    SendLedger,
    StreamState,
    Verdict,
    seq_at_or_before,
)
from chinwag.testing import MemoryState


@pytest.mark.parametrize(
    ("seq", "h", "expected"),
    [(5, 5, True), (5, 4, False), (1, 9, True), (2**32 - 1, 3, True), (3, 2**32 - 1, False)],
)
def test_sequence_numbers_wrap(seq: int, h: int, expected: bool) -> None:
    assert seq_at_or_before(seq, h) is expected


async def previous_connection(entries: dict[str, PendingSend]) -> SendLedger:
    """A ledger as the next backend instance sees what the last one saved."""
    state = MemoryState()
    first = SendLedger(state)
    first.pending = entries
    await first.save_pending()
    await first.save_stream(StreamState("s1", "me@x/r", 10, 7, 5))
    later = SendLedger(state)
    await later.load()
    return later


async def test_resumed_stream_tells_what_arrived() -> None:
    now = time.time()
    ledger = await previous_connection(
        {
            "acked-by-h": PendingSend("p@x", False, now, seq=6, stream="s1"),
            "beyond-h": PendingSend("p@x", False, now, seq=7, stream="s1"),
            "never-written": PendingSend("p@x", False, now, unsent=True),
            "older-stream": PendingSend("p@x", False, now, seq=2, stream="s0"),
        }
    )
    assert ledger.stream == StreamState("s1", "me@x/r", 10, 7, 5)
    assert ledger.resumed(6, "s1") == {
        "acked-by-h": Verdict.RECEIVED,
        "beyond-h": Verdict.NOT_RECEIVED,
        "never-written": Verdict.NOT_RECEIVED,
    }
    assert ledger.verdict("older-stream") is Verdict.UNKNOWN  # left for the archive search
    assert ledger.verdict("brand-new") is None


async def test_a_send_is_saved_before_it_leaves_and_forgotten_once_acked() -> None:
    state = MemoryState()
    ledger = SendLedger(state)
    await ledger.add("t1", "p@x", group=False)
    assert "t1" in json.loads(state.values[STATE_PENDING])
    ledger.numbered("t1", 3, "s1")
    assert ledger.acked("t1") is not None
    await ledger.save_pending()
    assert STATE_PENDING not in state.values


async def test_unnumbered_sends_of_a_finished_connection_never_left() -> None:
    state = MemoryState()
    ledger = SendLedger(state)
    await ledger.add("written", "p@x", group=False)
    ledger.numbered("written", 1, "s1")
    await ledger.add("queued", "p@x", group=False)
    ledger.mark_unsent()
    await ledger.save_pending()
    later = SendLedger(state)
    await later.load()
    assert later.verdict("queued") is Verdict.NOT_RECEIVED
    assert later.verdict("written") is Verdict.UNKNOWN  # only the server or its archive can say


async def test_damaged_or_stale_state_is_ignored() -> None:
    state = MemoryState()
    state.values[STATE_PENDING] = "{not json"
    state.values["xmpp.stream"] = json.dumps({"sm_id": "x"})
    ledger = SendLedger(state)
    await ledger.load()
    assert ledger.previous == {} and ledger.stream is None
    state.values[STATE_PENDING] = json.dumps(
        {"old": {"conversation": "p@x", "group": False, "at": time.time() - 30 * 86400}}
    )
    await ledger.load()
    assert ledger.previous == {}
