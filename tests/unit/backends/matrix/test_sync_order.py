"""The order a restart relies on (issue 13): every fact of a sync answer — its gap, its timeline,
its receipts — is reported before that answer's ``next_batch`` is saved, and a room's "last event
seen" is saved only after that room's facts. Positions are saved as facts themselves
(:class:`~app.facts.StateKept`, stored in the transaction of the facts before them), so the
order of reports is the order of storing. Driven through the real sync loop with scripted
answers; reports and state writes go into one log, in the order they happened."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path
from typing import Any

from app import facts as f
from backends.matrix import MatrixBackend
from backends.matrix.http import Reply
from backends.matrix.session import STATE_LAST_EVENT, STATE_SINCE
from chinwag.testing import MemoryState, RecordingContext

ME, THEM = "@me:x", "@them:x"
ROOM = "!room:x"
Log = list[tuple[str, Any]]


def message(n: int) -> dict[str, Any]:
    return {
        "type": "m.room.message",
        "event_id": f"$m{n}",
        "sender": THEM,
        "origin_server_ts": 1000 + n,
        "content": {"msgtype": "m.text", "body": f"m{n}"},
    }


def answer(
    next_batch: str, events: list[int], *, limited: bool = False, receipt: str = ""
) -> dict[str, Any]:
    room: dict[str, Any] = {
        "timeline": {
            "events": [message(n) for n in events],
            "limited": limited,
            "prev_batch": f"before-{next_batch}",
        }
    }
    if receipt:
        content = {receipt: {"m.read": {THEM: {"ts": 1}}}}
        room["ephemeral"] = {"events": [{"type": "m.receipt", "content": content}]}
    return {"next_batch": next_batch, "rooms": {"join": {ROOM: room}}}


class ScriptedServer:
    """Sync answers in turn (then a long poll that never ends), and one gap page."""

    def __init__(self, answers: list[dict[str, Any]], gap: list[int]) -> None:
        self.answers = list(answers)
        self.gap = gap
        self.served = asyncio.Event()  # every answer handed out

    async def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        if path.endswith("/sync"):
            if not self.answers:
                self.served.set()
                await asyncio.Event().wait()  # the long poll
            return Reply(200, self.answers.pop(0))
        if path.endswith("/filter"):
            return Reply(200, {"filter_id": "7"})
        if path.endswith("/versions"):  # no sliding sync: /sync v3
            return Reply(
                200,
                {
                    "versions": ["v1.4"],
                    "unstable_features": {"org.matrix.simplified_msc3575": False},
                },
            )
        if path.endswith("/messages"):  # the gap, newest first, down to the last event seen
            return Reply(200, {"chunk": [message(n) for n in reversed(self.gap)], "end": "x"})
        raise AssertionError(f"unexpected request {method} {path}")


class LoggedState(MemoryState):
    """The kit's state that also logs every ``set``, in one order with the facts."""

    def __init__(self, log: Log) -> None:
        super().__init__()
        self.log = log

    async def set(self, key: str, value: str | None) -> None:
        self.log.append(("state", (key, value)))
        await super().set(key, value)


def remote_ids(log: Log, upto: int) -> set[str]:
    return {
        fact.remote_id
        for kind, fact in log[:upto]
        if kind == "fact" and isinstance(fact, f.MessageReceived) and fact.remote_id
    }


async def test_every_fact_of_an_answer_comes_before_its_position(tmp_path: Path) -> None:
    log: Log = []
    rec = RecordingContext("acct", {"user_id": ME}, {}, tmp_path)
    ctx = dataclasses.replace(
        rec.build(asyncio.get_running_loop()),
        report=lambda fact: log.append(
            ("state", (fact.key, fact.value)) if isinstance(fact, f.StateKept) else ("fact", fact)
        ),
        state=LoggedState(log),
    )
    backend = MatrixBackend(ctx)
    backend.own_id = ME
    server = ScriptedServer(
        [
            answer("s1", [1, 2, 3]),
            # A limited answer: 4…9 happened in between and come from the gap.
            answer("s2", [10, 11, 12], limited=True, receipt="$m12"),
            answer("s3", [13]),
        ],
        gap=[4, 5, 6, 7, 8, 9],
    )
    backend._session.http = server  # type: ignore[assignment]
    backend._session.client = object()  # type: ignore[assignment]
    task = asyncio.create_task(backend._sync.run())
    try:
        await asyncio.wait_for(server.served.wait(), 10)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    positions = {
        value[1]: i
        for i, (kind, value) in enumerate(log)
        if kind == "state" and value[0] == STATE_SINCE
    }
    assert list(positions) == ["s1", "s2", "s3"]
    assert remote_ids(log, positions["s1"]) == {"$m1", "$m2", "$m3"}
    assert remote_ids(log, positions["s2"]) == {f"$m{n}" for n in range(1, 13)}
    assert remote_ids(log, positions["s3"]) == {f"$m{n}" for n in range(1, 14)}
    receipts = [i for i, (kind, x) in enumerate(log) if isinstance(x, f.DeliveryUpdated)]
    assert receipts and all(i < positions["s2"] for i in receipts)
    # Nothing of an answer is reported after its position.
    for name, index in positions.items():
        later = {
            fact.remote_id
            for kind, fact in log[index:]
            if kind == "fact" and isinstance(fact, f.MessageReceived)
        }
        assert not later & remote_ids(log, index), name
    # "Last event seen" (where a later gap stops) is written after that event's fact.
    for i, (kind, value) in enumerate(log):
        if kind == "state" and value[0] == STATE_LAST_EVENT + ROOM:
            assert value[1] in remote_ids(log, i)
