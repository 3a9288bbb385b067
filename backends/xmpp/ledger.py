"""Exactly-once sending across lost connections: which of our messages the server has.

The core's outbox re-sends an unconfirmed message after a reconnect only for backends that declare
``Capability.IDEMPOTENT_SEND``. This backend declares it because a re-send never goes out unless the
server provably does *not* have the first copy:

1. Before a message is written, its transaction id is saved here (through the core's per-account
   state, so the next backend instance — the core creates one per connection — can read it).
2. XEP-0198 numbers every stanza we send; when the connection drops, the stream-management id, the
   counters and each unacknowledged message's number are saved. Only then: after a crash there is
   no saved stream (its inbound counter would be stale, and Prosody leaves a resumption with a
   counter below what was acknowledged unanswered for slixmpp's 30 s), and a saved stream is
   tried once and forgotten, so a failed resumption never delays the next sign-in.
3. The next instance resumes the stream: the server's ``<resumed h=…>`` says exactly how many of our
   stanzas it handled, so each unacknowledged message is *received* or *not received*.
4. If the stream cannot be resumed (expired, server restarted, app crashed), the backend searches the
   server's archive (XEP-0313) for the message's origin-id (XEP-0359): found means received; not
   found means not received. Without an archive the answer is *unknown*, and the message fails with
   "may not have been delivered" instead of being sent twice; the user can retry it.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from enum import StrEnum

from app.backend import StateAccess

STATE_PENDING = "xmpp.pending"
STATE_STREAM = "xmpp.stream"
MAX_SEQ = 2**32
MAX_AGE = 2 * 86400.0  # older unconfirmed sends are forgotten (the core failed them long ago)


class Verdict(StrEnum):
    """Whether the server has a message the last connection sent without an ack."""

    RECEIVED = "received"
    NOT_RECEIVED = "not_received"
    UNKNOWN = "unknown"


@dataclass(slots=True)
class PendingSend:
    """A message handed to the server but not yet acknowledged."""

    conversation: str
    group: bool
    at: float  # unix time it was first handed over
    seq: int | None = None  # its XEP-0198 number on the stream, once written
    stream: str = ""  # the XEP-0198 stream id the number belongs to
    unsent: bool = False  # the connection ended before it reached the socket


@dataclass(frozen=True, slots=True)
class StreamState:
    """What resuming a XEP-0198 stream needs."""

    sm_id: str
    jid: str  # the full JID the stream was bound to
    handled: int  # inbound stanzas we handled
    seq: int  # outbound stanzas we numbered
    last_ack: int


def seq_at_or_before(seq: int, h: int) -> bool:
    """``seq`` ≤ ``h`` in XEP-0198's modulo-2³² counting."""
    return (h - seq) % MAX_SEQ < MAX_SEQ // 2


class SendLedger:
    """Unacknowledged sends of this account, and verdicts about the previous connection's ones."""

    def __init__(self, state: StateAccess) -> None:
        self._state = state
        self.pending: dict[str, PendingSend] = {}
        self.previous: dict[str, PendingSend] = {}  # from the last connection, awaiting a verdict
        self.verdicts: dict[str, Verdict] = {}
        self.stream: StreamState | None = None

    async def load(self) -> None:
        raw = await self._state.get(STATE_PENDING)
        self.previous = _load_pending(raw)
        self.stream = _load_stream(await self._state.get(STATE_STREAM))

    # -- this connection ---------------------------------------------------------------------

    async def add(self, txn_id: str, conversation: str, group: bool) -> None:
        """Record a message about to be written; saved before it leaves (crash safety)."""
        self.pending[txn_id] = PendingSend(conversation, group, time.time())
        await self.save_pending()

    def numbered(self, txn_id: str, seq: int, stream: str) -> None:
        entry = self.pending.get(txn_id)
        if entry is not None:
            entry.seq = seq
            entry.stream = stream

    def mark_unsent(self) -> None:
        """The connection is over: what was never numbered was never written."""
        for entry in self.pending.values():
            if entry.seq is None:
                entry.unsent = True

    def acked(self, txn_id: str) -> PendingSend | None:
        return self.pending.pop(txn_id, None)

    def forget(self, txn_id: str) -> None:
        self.pending.pop(txn_id, None)
        self.previous.pop(txn_id, None)
        self.verdicts.pop(txn_id, None)

    async def save_pending(self) -> None:
        merged = {**self.previous, **self.pending}
        await self._state.set(
            STATE_PENDING, json.dumps({k: asdict(v) for k, v in merged.items()}) if merged else None
        )

    async def save_stream(self, stream: StreamState | None) -> None:
        self.stream = stream
        await self._state.set(STATE_STREAM, None if stream is None else json.dumps(asdict(stream)))

    # -- verdicts about the previous connection ----------------------------------------------

    def resumed(self, h: int, stream: str) -> dict[str, Verdict]:
        """Stream ``stream`` was resumed and the server handled our first ``h`` stanzas on it.

        Messages numbered on that stream at or before ``h`` arrived; later ones did not, and
        neither did a message that was never numbered (it never reached the socket). Messages
        from older streams are left for the archive search.
        """
        found: dict[str, Verdict] = {}
        for txn, entry in self.previous.items():
            if entry.unsent:
                found[txn] = Verdict.NOT_RECEIVED
            elif entry.stream == stream and entry.seq is not None:
                arrived = seq_at_or_before(entry.seq, h)
                found[txn] = Verdict.RECEIVED if arrived else Verdict.NOT_RECEIVED
        self.verdicts.update(found)
        return found

    def verdict(self, txn_id: str) -> Verdict | None:
        """What is known about a message the previous connection sent; None if it is new."""
        if txn_id in self.verdicts:
            return self.verdicts[txn_id]
        entry = self.previous.get(txn_id)
        if entry is None:
            return None
        return Verdict.NOT_RECEIVED if entry.unsent else Verdict.UNKNOWN

    def settle(self, txn_id: str, verdict: Verdict) -> None:
        self.verdicts[txn_id] = verdict


def _load_pending(raw: str | None) -> dict[str, PendingSend]:
    if not raw:
        return {}
    try:
        data = json.loads(raw)
        return {
            str(txn): PendingSend(
                conversation=str(v["conversation"]),
                group=bool(v["group"]),
                at=float(v["at"]),
                seq=None if v.get("seq") is None else int(v["seq"]),
                stream=str(v.get("stream", "")),
                unsent=bool(v.get("unsent", False)),
            )
            for txn, v in data.items()
            if float(v["at"]) > time.time() - MAX_AGE
        }
    except (ValueError, TypeError, KeyError, AttributeError):
        return {}


def _load_stream(raw: str | None) -> StreamState | None:
    if not raw:
        return None
    try:
        v = json.loads(raw)
        return StreamState(
            sm_id=str(v["sm_id"]),
            jid=str(v["jid"]),
            handled=int(v["handled"]),
            seq=int(v["seq"]),
            last_ack=int(v["last_ack"]),
        )
    except (ValueError, TypeError, KeyError):
        return None
