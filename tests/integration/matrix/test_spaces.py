"""Spaces (issue 18, item 5) against Synapse: the spaces one is in with their children (not as
conversations), changes to them after a restart, a space's hierarchy with rooms not joined yet,
joining one through it, and hostile shapes: a space that lists itself, two spaces that list
each other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.models import ConversationId
from chinwag.testing import wait_until
from tests.integration.matrix.helpers import (
    Account,
    Peer,
    SharedState,
    connect,
    join_as,
)
from tests.integration.matrix.synapse import Synapse

pytestmark = pytest.mark.integration


def child(room_id: str, server: str, order: str = "") -> dict[str, Any]:
    content: dict[str, Any] = {"via": [server]}
    if order:
        content["order"] = order
    return {"type": "m.space.child", "state_key": room_id, "content": content}


async def make_space(
    peer: Peer, name: str, children: list[dict[str, Any]], invite: list[str] | None = None
) -> str:
    body: dict[str, Any] = {
        "name": name,
        "preset": "public_chat",
        "creation_content": {"type": "m.space"},
        "initial_state": children,
        "power_level_content_override": {"events_default": 100},
    }
    if invite:
        body["invite"] = invite
    status, answer = await peer.raw("POST", "/_matrix/client/v3/createRoom", body)
    assert status == 200, answer
    return str(answer["room_id"])


async def public_room(peer: Peer, name: str) -> str:
    status, answer = await peer.raw(
        "POST", "/_matrix/client/v3/createRoom", {"name": name, "preset": "public_chat"}
    )
    assert status == 200, answer
    return str(answer["room_id"])


def spaces_of(session: Any) -> dict[str, f.SpaceUpdated]:
    latest: dict[str, f.SpaceUpdated] = {}
    for fact in session.facts(f.SpaceUpdated):
        latest[fact.space] = fact
    return latest


async def test_a_space_its_children_its_hierarchy_and_joining_from_it(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    server = synapse.server_name
    joined = await public_room(peer, "Joined room")
    other = await public_room(peer, "Not joined yet")
    deep = await public_room(peer, "Deep room")
    sub = await make_space(peer, "Sub-space", [child(deep, server)])
    space = await make_space(
        peer,
        "Our space",
        [child(other, server, "b"), child(joined, server, "a"), child(sub, server)],
        invite=[account.user_id],
    )
    await join_as(synapse, account, joined)
    await join_as(synapse, account, space)
    state = SharedState()
    session = await connect(synapse, account, tmp_path, state=state)
    try:
        fact = await session.wait(lambda x: isinstance(x, f.SpaceUpdated) and x.space == space)
        assert isinstance(fact, f.SpaceUpdated)
        assert fact.title == "Our space"
        assert fact.children == (joined, other, sub)  # by "order", those without one last
        conversations = {x.conversation for x in session.facts(f.ConversationUpdated)}
        assert space not in conversations and joined in conversations  # a space is no chat

        hierarchy = await session.backend.space_hierarchy(ConversationId("a", space))
        assert not isinstance(hierarchy, f.Fact) and hasattr(hierarchy, "rooms")
        assert hierarchy.complete
        by_id = {r.native_id: r for r in hierarchy.rooms}
        assert set(by_id) == {joined, other, sub, deep}
        assert by_id[joined].joined and not by_id[other].joined
        assert by_id[sub].is_space and by_id[deep].parent == sub
        assert by_id[other].name == "Not joined yet"
        assert f"via={server}".replace(":", "%3A") in by_id[other].address

        outcome = await session.backend.join(by_id[other].address)
        assert outcome.ok and outcome.value == other
        assert await peer.membership(other, account.user_id) == "join"
    finally:
        await session.backend.disconnect()

    # After a restart (the same device: a sliding sync position is the device's) the space's
    # creation is not repeated: a new child comes as a change.
    later = await public_room(peer, "Added later")
    again = await connect(synapse, account, tmp_path, secrets=session.secrets, state=state)
    try:
        await peer.put_state(space, "m.space.child", {"via": [server]}, later)
        change = await again.wait(
            lambda x: isinstance(x, f.SpaceUpdated) and x.space == space and bool(x.added)
        )
        assert isinstance(change, f.SpaceUpdated) and change.added == (later,)
        await peer.put_state(space, "m.space.child", {}, later)  # no via: taken out again
        gone = await again.wait(
            lambda x: isinstance(x, f.SpaceUpdated) and x.space == space and bool(x.removed)
        )
        assert isinstance(gone, f.SpaceUpdated) and gone.removed == (later,)
        assert space not in {x.conversation for x in again.facts(f.ConversationUpdated)}
    finally:
        await again.backend.disconnect()


async def test_a_space_that_lists_itself_and_spaces_that_list_each_other(
    synapse: Synapse, account: Account, peer: Peer, tmp_path: Path
) -> None:
    server = synapse.server_name
    room = await public_room(peer, "In the loop")
    first = await make_space(peer, "First", [child(room, server)], invite=[account.user_id])
    second = await make_space(peer, "Second", [child(first, server)])
    await peer.put_state(first, "m.space.child", {"via": [server]}, second)
    await peer.put_state(first, "m.space.child", {"via": [server]}, first)  # itself
    await join_as(synapse, account, first)
    session = await connect(synapse, account, tmp_path)
    try:
        await wait_until(lambda: first in spaces_of(session), what="the first space")
        children = spaces_of(session)[first].children
        assert children is not None and first not in children
        assert set(children) == {room, second}
        hierarchy = await session.backend.space_hierarchy(ConversationId("a", first))
        assert not isinstance(hierarchy, f.Fact) and hasattr(hierarchy, "rooms")
        ids = [r.native_id for r in hierarchy.rooms]
        assert sorted(ids) == sorted({room, second})  # each once, the space itself not
    finally:
        await session.backend.disconnect()
