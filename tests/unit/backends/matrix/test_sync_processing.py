"""A recorded Synapse sync answer (``data/initial_sync.json``) and damaged ones, turned into facts
by the backend without any network: what the sync loop reports for each part of the answer."""

from __future__ import annotations

import asyncio
import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.models import ConversationKind, DeliveryState, MessageKind, Role
from backends.matrix import MatrixBackend
from chinwag.testing import RecordingContext

DATA = Path(__file__).parent / "data"
DAVE = "@dave:example.test"
CAROL = "@carol:example.test"
GROUP = "!Hi8REMxOPhjMRT_2zRcCg9FhJf7flO8LtlMpTNQToPc"
DM = "!CcgmMYDnJR2dJIVYVNCOvq-lp-06p-llO7BFw7I3KZ8"


def recorded() -> dict[str, Any]:
    body: dict[str, Any] = json.loads((DATA / "initial_sync.json").read_text())
    return body


async def backend_for(tmp_path: Path) -> tuple[MatrixBackend, RecordingContext]:
    rec = RecordingContext("acct", {"user_id": DAVE}, {}, tmp_path)
    backend = MatrixBackend(rec.build(asyncio.get_running_loop()))
    backend.own_id = DAVE
    backend._session.own_names = ("Dave", "dave")
    return backend, rec


def of(rec: RecordingContext, kind: type[Any], room: str | None = None) -> list[Any]:
    return [
        x
        for x in rec.facts
        if isinstance(x, kind) and (room is None or getattr(x, "conversation", None) == room)
    ]


async def test_the_recorded_first_sync(tmp_path: Path) -> None:
    backend, rec = await backend_for(tmp_path)
    backend._sync.process(recorded(), initial=True, first=True)

    assert not of(rec, f.BadInput)
    progress = of(rec, f.Progress)
    assert progress[-1] == f.Progress("matrix-initial-sync", "Loading your rooms", 2, 2)

    group = of(rec, f.ConversationUpdated, GROUP)[-1]
    assert (group.kind, group.title, group.topic, group.joined) == (
        ConversationKind.GROUP,
        "Garden club",
        "Tomatoes",
        True,
    )
    assert (group.unread_count, group.mention_count) == (2, 2)
    dm = of(rec, f.ConversationUpdated, DM)[-1]
    assert (dm.kind, dm.title, dm.unread_count) == (ConversationKind.DIRECT, "Carol", 1)

    hello, edit = [m for m in of(rec, f.MessageReceived, GROUP) if m.body.startswith("Hello")]
    assert hello.html == "Hello <strong>Dave</strong>" and hello.history
    assert hello.sender_name == "Carol" and hello.conversation_title == "Garden club"
    assert hello.mentions_me  # legacy mention: our display name in the text
    assert edit.replaces == hello.remote_id and edit.body == "Hello Dave!"
    assert of(rec, f.ReactionChanged, GROUP) == [
        f.ReactionChanged(GROUP, hello.remote_id or "", CAROL, "🍅", added=True)
    ]
    deleted = [x.remote_id for x in of(rec, f.MessageRetracted, GROUP)]
    assert deleted and all(d == deleted[0] for d in deleted)
    assert of(rec, f.TypingChanged, GROUP) == [f.TypingChanged(GROUP, CAROL, True)]

    psst, mine = of(rec, f.MessageReceived, DM)
    assert psst.mentions_me and psst.conversation_kind is ConversationKind.DIRECT
    assert mine.outgoing and mine.txn_id and not mine.mentions_me
    receipt = of(rec, f.DeliveryUpdated, DM)
    assert receipt == [f.DeliveryUpdated(DM, DeliveryState.READ, mine.remote_id, up_to=True)]

    roles = {m.native_id: m.role for x in of(rec, f.MembersChanged, GROUP) for m in x.upserted}
    assert roles[CAROL] is Role.OWNER  # room version 12 creator
    assert roles[DAVE] is Role.MEMBER
    assert of(rec, f.OwnPresenceChanged)


async def test_a_resumed_sync_is_live_and_a_redacted_reaction_is_removed(tmp_path: Path) -> None:
    backend, rec = await backend_for(tmp_path)
    backend._sync.process(recorded(), initial=True, first=True)
    reaction_id = next(
        e["event_id"]
        for e in recorded()["rooms"]["join"][GROUP]["timeline"]["events"]
        if e["type"] == "m.reaction"
    )
    rec.facts.clear()
    later = {
        "next_batch": "s2",
        "rooms": {
            "join": {
                GROUP: {
                    "timeline": {
                        "events": [
                            {
                                "type": "m.room.redaction",
                                "event_id": "$unreact",
                                "sender": CAROL,
                                "origin_server_ts": 1,
                                "redacts": reaction_id,
                                "content": {},
                            },
                            {
                                "type": "m.room.message",
                                "event_id": "$live",
                                "sender": CAROL,
                                "origin_server_ts": 2,
                                "content": {"msgtype": "m.emote", "body": "waters the plants"},
                            },
                        ]
                    },
                    "ephemeral": {"events": [{"type": "m.typing", "content": {"user_ids": []}}]},
                }
            },
            "leave": {
                DM: {
                    "timeline": {
                        "events": [
                            {
                                "type": "m.room.member",
                                "state_key": DAVE,
                                "sender": CAROL,
                                "event_id": "$kick",
                                "origin_server_ts": 3,
                                "content": {"membership": "ban", "reason": "test"},
                            }
                        ]
                    }
                }
            },
        },
    }
    backend._sync.process(later, initial=False, first=False)
    removed = of(rec, f.ReactionChanged, GROUP)
    assert len(removed) == 1 and not removed[0].added and removed[0].key == "🍅"
    assert not of(rec, f.MessageRetracted)  # it was a reaction, not a message
    live = of(rec, f.MessageReceived, GROUP)[0]
    assert not live.history and live.kind is MessageKind.EMOTE
    assert of(rec, f.TypingChanged, GROUP) == [f.TypingChanged(GROUP, CAROL, False)]
    left = of(rec, f.ConversationLeft, DM)[0]
    assert left.reason == f"Banned by {CAROL}: test"
    assert not of(rec, f.Progress)  # only the first sync of a session shows progress


def _damage(path: tuple[str, ...], value: object) -> dict[str, Any]:
    body = copy.deepcopy(recorded())
    target: Any = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return body


DAMAGED = [
    ("rooms is a list", ("rooms",), [], 0),
    ("join is a string", ("rooms", "join"), "x", 0),
    ("a room is a string", ("rooms", "join", GROUP), "x", 1),
    ("timeline events not a list", ("rooms", "join", GROUP, "timeline", "events"), {"a": 1}, 0),
    ("an event is a number", ("rooms", "join", GROUP, "timeline", "events"), [1, 2], 2),
    ("summary is a list", ("rooms", "join", GROUP, "summary"), [], 0),
    ("state events garbage", ("rooms", "join", GROUP, "state"), {"events": ["x", None]}, 0),
    (
        "counts are text",
        ("rooms", "join", GROUP, "unread_notifications"),
        {"notification_count": "2"},
        0,
    ),
    (
        "ephemeral garbage",
        ("rooms", "join", GROUP, "ephemeral", "events"),
        [{"type": "m.typing", "content": {"user_ids": 5}}],
        1,
    ),
    ("account data garbage", ("account_data", "events"), [{"type": "m.direct", "content": "x"}], 0),
    ("presence garbage", ("presence", "events"), [{"type": "m.presence", "content": {}}], 1),
    (
        "invite without our member event",
        ("rooms", "invite"),
        {"!i:x": {"invite_state": {"events": []}}},
        1,
    ),
]


@pytest.mark.parametrize(
    ("what", "path", "value", "bad_inputs"), DAMAGED, ids=[d[0] for d in DAMAGED]
)
async def test_damaged_answers_never_raise(
    tmp_path: Path, what: str, path: tuple[str, ...], value: object, bad_inputs: int
) -> None:
    backend, rec = await backend_for(tmp_path)
    backend._sync.process(_damage(path, value), initial=True, first=True)
    assert len(of(rec, f.BadInput)) == bad_inputs, what
    assert of(rec, f.Progress)[-1].finished
