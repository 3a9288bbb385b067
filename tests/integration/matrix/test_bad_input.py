"""Bad input: events with missing or wrongly typed fields are logged and dropped, never a crash.

Synapse itself refuses some malformed content from its own users (an ``m.room.message`` must have
text ``body`` and ``msgtype``), but relays whatever other servers send over federation. So the
test sends what Synapse accepts through the peer, and puts the rest into a sync answer through the
proxy, as a remote server could.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from tests.integration.matrix.helpers import Account, Peer, connect, group_with
from tests.integration.matrix.proxy import MisbehavingProxy, Rule, any_sync
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


def _ev(event_id: str, content: Any, **extra: Any) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "type": "m.room.message",
        "sender": "@remote:elsewhere.example",
        "origin_server_ts": 1_700_000_000_000,
        "content": content,
        **extra,
    }


RELAYED: list[object] = [
    _ev("$nobody", {"msgtype": "m.text"}),
    _ev("$numberbody", {"msgtype": "m.text", "body": 42}),
    _ev("$listtype", {"msgtype": ["m.text"], "body": "x"}),
    _ev("$contentlist", ["not", "an", "object"]),
    _ev("$stringts", {"msgtype": "m.text", "body": "x"}, origin_server_ts="yesterday"),
    _ev("$hugets", {"msgtype": "m.text", "body": "x"}, origin_server_ts=10**20),
    _ev(
        "$keyless",
        {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$t"}},
        type="m.reaction",
    ),
    _ev("$badrelation", {"m.relates_to": "not an object"}, type="m.reaction"),
    _ev("$aimless", {"reason": "no target"}, type="m.room.redaction"),
    {"type": "m.room.message", "content": {"msgtype": "m.text", "body": "no id"}},
    "not even an object",
]


@pytest.mark.parametrize("sliding", [False, True], ids=["v3", "sliding"])
async def test_malformed_events_are_logged_and_dropped(
    *,
    synapse: Synapse,
    account: Account,
    peer: Peer,
    proxy: MisbehavingProxy,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    sliding: bool,
) -> None:
    room = await group_with(synapse, account, peer, name="Garbage in")
    session = await connect(
        synapse, account, tmp_path, settings={"homeserver": proxy.url, "sliding_sync": sliding}
    )
    try:
        target = await peer.say(room, "a fine message")
        await session.wait_message("a fine message")
        caplog.set_level(logging.WARNING)

        # Accepted by Synapse from its own user, wrong for a client all the same.
        accepted: list[tuple[dict[str, Any], str]] = [
            (
                {"msgtype": "m.image", "body": "x.png", "url": "https://evil.example/x.png"},
                "m.room.message",
            ),
            (
                {
                    "msgtype": "m.text",
                    "body": "* edit",
                    "m.relates_to": {"rel_type": "m.replace", "event_id": target},
                },
                "m.room.message",
            ),  # an edit without m.new_content
            (
                {
                    "msgtype": "m.text",
                    "body": "* edit",
                    "m.new_content": {"msgtype": "m.text", "body": 7},
                    "m.relates_to": {"rel_type": "m.replace", "event_id": target},
                },
                "m.room.message",
            ),
            ({"body": "sticker without an image"}, "m.sticker"),
        ]
        accepted_ids = [await peer.send(room, content, kind) for content, kind in accepted]

        def inject(answer: dict[str, Any]) -> bool:
            rooms = answer.get("rooms", {})
            if sliding:  # rooms → id → timeline: [events]
                entry = rooms.get(room, {})
                if "timeline" not in entry:
                    return False
                entry["timeline"] = RELAYED + entry["timeline"]
                return True
            timeline = rooms.get("join", {}).get(room, {}).get("timeline")
            if timeline is None:
                return False
            timeline["events"] = RELAYED + timeline["events"]
            return True

        rule = proxy.add(Rule(any_sync(), "rewrite", rewrite=inject))
        await peer.say(room, "still fine")
        await session.wait_message("still fine")
        assert rule.hits == 1

        dropped = session.facts(f.BadInput)
        assert len(dropped) == len(accepted) + len(RELAYED)
        details = " ".join(d.detail for d in dropped)
        for event_id in [*accepted_ids, "$nobody", "$numberbody", "$contentlist", "$keyless"]:
            assert event_id in details
        reported = {
            getattr(x, "remote_id", None)
            for x in session.rec.facts
            if isinstance(x, f.MessageReceived | f.MessageRetracted)
        }
        assert not reported & {*accepted_ids, "$nobody", "$numberbody", "$listtype"}
        assert not any(
            isinstance(x, f.ReactionChanged) and x.target_remote_id == target
            for x in session.rec.facts
        )
        assert not session.facts(f.ConnectionLost)
        assert any("dropped" in r.getMessage() for r in caplog.records)
    finally:
        await session.backend.disconnect()
