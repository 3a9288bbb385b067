"""History paging without a server: empty pages continue, leaving without messages stores the
position so the next call moves on, and only a missing ``end`` token is the start of the room;
what strangers can make the backend remember is bounded."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.models import ConversationId
from backends.matrix import MatrixBackend
from backends.matrix import backend as backend_module
from backends.matrix.bounded import BoundedDict
from backends.matrix.http import Reply
from chinwag.testing import RecordingContext

ROOM = "!room:example.test"
ME = "@me:example.test"


def message(event_id: str, ts: int = 1) -> dict[str, Any]:
    return {
        "type": "m.room.message",
        "event_id": event_id,
        "sender": "@them:example.test",
        "origin_server_ts": ts,
        "content": {"msgtype": "m.text", "body": event_id},
    }


def reaction(event_id: str, target: str) -> dict[str, Any]:
    return {
        "type": "m.reaction",
        "event_id": event_id,
        "sender": "@them:example.test",
        "origin_server_ts": 1,
        "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": target, "key": "x"}},
    }


class ScriptedHttp:
    """Answers ``/messages`` from a list of bodies and records each request's query."""

    def __init__(self, pages: list[dict[str, Any]]) -> None:
        self.pages = list(pages)
        self.queries: list[dict[str, Any]] = []

    async def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        self.queries.append(dict(kwargs.get("query") or {}))
        if not self.pages:
            raise AssertionError("more requests than pages: the paging does not stop")
        return Reply(200, self.pages.pop(0))


async def backend_with(
    tmp_path: Path, pages: list[dict[str, Any]]
) -> tuple[MatrixBackend, RecordingContext, ScriptedHttp]:
    rec = RecordingContext("acct", {"user_id": ME}, {}, tmp_path)
    backend = MatrixBackend(rec.build(asyncio.get_running_loop()))
    backend.own_id = ME
    http = ScriptedHttp(pages)
    backend._session.http = http  # type: ignore[assignment]
    backend._session.client = object()
    return backend, rec, http


CONV = ConversationId("acct", ROOM)


async def test_empty_pages_with_an_end_token_continue(tmp_path: Path) -> None:
    backend, rec, http = await backend_with(
        tmp_path,
        [
            {"chunk": [], "end": "t1"},
            {"chunk": [{"type": "m.room.create", "state_key": "", "content": {}}], "end": "t2"},
            {"chunk": [message("$b", 2), message("$a", 1)], "end": "t3"},
        ],
    )
    outcome = await backend.fetch_history(CONV, None, 5)
    assert outcome.ok and outcome.value is None  # not the start: t3 leads further back
    bodies = [x.body for x in rec.facts if isinstance(x, f.MessageReceived)]
    assert bodies == ["$a", "$b"]
    assert [q.get("from") for q in http.queries] == [None, "t1", "t2"]
    assert backend._history.tokens[(ROOM, "$a")] == "t3"


async def test_leaving_after_pages_without_messages_stores_the_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backend_module, "MAX_HISTORY_PAGES", 3)
    backend, rec, http = await backend_with(
        tmp_path,
        [{"chunk": [], "end": f"e{i}"} for i in range(1, 4)]
        + [{"chunk": [message("$old")], "end": "e9"}],
    )
    backend._history.tokens[(ROOM, "$oldest")] = "e0"
    first = await backend.fetch_history(CONV, "$oldest", 5)
    assert first.ok and first.value is None
    assert backend._history.tokens[(ROOM, "$oldest")] == "e3"  # moved on
    second = await backend.fetch_history(CONV, "$oldest", 5)
    assert second.ok
    assert http.queries[3]["from"] == "e3"  # the next call starts where the first stopped
    assert [x.body for x in rec.facts if isinstance(x, f.MessageReceived)] == ["$old"]


async def test_only_a_missing_or_repeated_end_token_is_the_start(tmp_path: Path) -> None:
    backend, _rec, _http = await backend_with(tmp_path, [{"chunk": []}])
    outcome = await backend.fetch_history(CONV, None, 5)
    assert outcome.value == "end"
    backend, _rec, http = await backend_with(
        tmp_path, [{"chunk": [], "end": "same"}, {"chunk": [], "end": "same"}]
    )
    outcome = await backend.fetch_history(CONV, None, 5)
    assert outcome.value == "end" and len(http.queries) == 2  # the server stopped moving


async def test_orphan_reactions_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backend_module, "MAX_ORPHANS_PER_TARGET", 3)
    backend, _rec, _http = await backend_with(tmp_path, [])
    backend._history.orphans = BoundedDict(10)
    room = backend._session.room(ROOM)
    flood = [reaction(f"$r{i}", f"$missing{i % 50}") for i in range(500)]
    flood += [reaction(f"$s{i}", "$one") for i in range(20)]
    backend._history.report_page(room, flood)
    assert len(backend._history.orphans) <= 10
    assert len(backend._history.orphans[(ROOM, "$one")]) == 3


def test_bounded_dict_forgets_the_least_recently_used() -> None:
    d: BoundedDict[str, int] = BoundedDict(3)
    for i, key in enumerate("abcd"):
        d[key] = i
    assert list(d) == ["b", "c", "d"]
    d.touch("b")
    d["e"] = 9
    assert list(d) == ["d", "b", "e"]
    assert d.setdefault_new("d", lambda: 0) == 3 and list(d)[-1] == "d"
    with pytest.raises(ValueError):
        BoundedDict(0)


def test_invites_and_history_tokens_are_bounded(tmp_path: Path) -> None:
    rec = RecordingContext("acct", {"user_id": ME}, {}, tmp_path)
    loop = asyncio.new_event_loop()
    try:
        backend = MatrixBackend(rec.build(loop))
    finally:
        loop.close()
    backend.own_id = ME
    body = {
        "next_batch": "s1",
        "rooms": {
            "invite": {
                f"!spam{i}:x": {
                    "invite_state": {
                        "events": [
                            {
                                "type": "m.room.member",
                                "state_key": ME,
                                "sender": "@spammer:x",
                                "content": {"membership": "invite"},
                            }
                        ]
                    }
                }
                for i in range(backend_module.MAX_INVITES + 50)
            }
        },
    }
    backend._sync.process(body, initial=False, first=False)
    assert len(backend._session.invites) == backend_module.MAX_INVITES
    assert isinstance(backend._history.tokens, BoundedDict)


def poll_start(event_id: str = "$poll") -> dict[str, Any]:
    return {
        "type": "org.matrix.msc3381.poll.start",
        "event_id": event_id,
        "sender": "@them:example.test",
        "origin_server_ts": 1,
        "content": {
            "org.matrix.msc3381.poll.start": {
                "question": {"body": "Q?"},
                "answers": [{"id": "a", "body": "A"}, {"id": "b", "body": "B"}],
            },
            "body": "Q?\n1. A\n2. B",
        },
    }


def poll_vote(event_id: str, answer: str, ts: int = 2) -> dict[str, Any]:
    return {
        "type": "org.matrix.msc3381.poll.response",
        "event_id": event_id,
        "sender": "@them:example.test",
        "origin_server_ts": ts,
        "content": {
            "m.relates_to": {"rel_type": "m.reference", "event_id": "$poll"},
            "org.matrix.msc3381.poll.response": {"answers": [answer]},
        },
    }


async def test_poll_votes_in_a_newer_page_are_reported_after_their_poll(tmp_path: Path) -> None:
    """Backfill fetches newer pages first: a vote and the end in one page, for a poll in an
    older page, wait and are reported after the poll's message and its definition."""
    backend, rec, _http = await backend_with(tmp_path, [])
    room = backend._session.room(ROOM)
    vote = poll_vote("$vote", "a")
    end = {
        **vote,
        "type": "m.poll.end",
        "event_id": "$end",
        "content": {"m.relates_to": {"rel_type": "m.reference", "event_id": "$poll"}},
    }
    backend._history.report_page(room, [message("$newer", 3), vote, end])
    assert not [x for x in rec.facts if isinstance(x, f.PollVoted | f.PollEnded)]
    backend._history.report_page(room, [poll_start()])
    kinds = [type(x).__name__ for x in rec.facts if not isinstance(x, f.Progress)]
    assert kinds[-4:] == ["MessageReceived", "PollStarted", "PollVoted", "PollEnded"]


async def test_a_backfilled_polls_votes_are_read_through_the_relations_api(
    tmp_path: Path,
) -> None:
    """Votes that came live before their poll was fetched were dropped: once backfill brings
    the poll, its references are asked for, and its votes reported after it."""
    relations = {"chunk": [poll_vote("$v2", "b", ts=3), poll_vote("$v1", "a")]}  # newest first
    backend, rec, http = await backend_with(
        tmp_path, [{"chunk": [poll_start()], "end": "older"}, relations]
    )
    assert (await backend.fetch_history(CONV, None, 5)).ok
    assert len(http.queries) == 2 and http.queries[1] == {"limit": 200}
    facts = [x for x in rec.facts if not isinstance(x, f.Progress)]
    assert [type(x).__name__ for x in facts][-3:] == ["PollStarted", "PollVoted", "PollVoted"]
    assert [x.selections for x in facts if isinstance(x, f.PollVoted)] == [("a",), ("b",)]
