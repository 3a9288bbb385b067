"""``core.commands``: the one place a typed slash command gets its meaning (against the fake)."""

from __future__ import annotations

import pytest

from app.backend import RoomOptions
from app.core import Core
from app.models import ConnectionState, ConversationId, MessageKind
from tests.fakes.core_harness import wait_for
from tests.fakes.fake_backend import FakeServer


@pytest.fixture
async def room(core: Core, fake_server: FakeServer) -> ConversationId:
    account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"})
    await wait_for(lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED)
    assert (await core.rooms.join(account.id, "#garden")).ok
    await core.sessions[account.id].flushed()  # the fake reported the room: it is stored
    return ConversationId(account.id, "#garden")


async def test_me_is_an_emote(core: Core, fake_server: FakeServer, room: ConversationId) -> None:
    result = await core.commands.run(room, "/me waters the plants")
    assert result.outcome.ok
    await wait_for(lambda: fake_server.sent)
    assert fake_server.sent[0].message.kind is MessageKind.EMOTE
    assert fake_server.sent[0].message.body == "waters the plants"


@pytest.mark.parametrize(
    ("typed", "call"),
    [
        ("/join #compost sesame", ("join", ("#compost", ""))),
        ("/JOIN #compost", ("join", ("#compost", ""))),
        ("/part bye", ("leave", ("#garden",))),
        ("/topic Seeds and soil", ("topic", ("#garden", "Seeds and soil"))),
        ("/kick dora being rude", ("kick", ("#garden", "dora", "being rude"))),
        ("/invite bob", ("invite", ("#garden", "bob"))),
        ("/leave", ("leave", ("#garden",))),
        ("/unban dora", ("unban", ("#garden", "dora"))),
        ("/ignore dora", ("block", ("dora", True))),
        ("/unignore dora", ("block", ("dora", False))),
        ("/shout hello there", ("command", ("shout", "hello there"))),  # the service's own
    ],
)
async def test_commands_reach_the_service_once(
    core: Core, fake_server: FakeServer, room: ConversationId, typed: str, call: tuple
) -> None:
    result = await core.commands.run(room, typed)
    assert result.outcome.ok, result.outcome.failure
    assert call in fake_server.calls
    assert not fake_server.sent  # never sent as text


async def test_msg_sends_and_query_opens(
    core: Core, fake_server: FakeServer, room: ConversationId
) -> None:
    sent = await core.commands.run(room, "/msg Bob hello Bob")
    assert sent.open_conversation is None
    await wait_for(lambda: fake_server.sent)
    assert fake_server.sent[0].conversation == "bob"  # the fake folds names, as IRC does
    assert fake_server.sent[0].message.body == "hello Bob"
    opened = await core.commands.run(room, "/query Bob")
    assert opened.open_conversation == ConversationId(room.account_id, "bob")


@pytest.mark.parametrize(
    ("typed", "field", "expected"),
    [
        ("/list seeds", "browse", "seeds"),
        ("/topic", "usage", "/topic TEXT — change the topic"),
        ("/frobnicate now", "unknown", "frobnicate"),
    ],
)
async def test_what_the_front_end_does_next(
    core: Core, room: ConversationId, typed: str, field: str, expected: str
) -> None:
    result = await core.commands.run(room, typed)
    assert getattr(result, field) == expected


async def test_help_lists_generic_and_service_commands(core: Core, room: ConversationId) -> None:
    result = await core.commands.run(room, "/help")
    assert any(line.startswith("/me ") for line in result.help)
    assert "/shout" in result.help


async def test_ban_reaches_the_service_with_its_reason(
    core: Core, fake_server: FakeServer, room: ConversationId
) -> None:
    fake_server.rooms[room.native_id] = RoomOptions()  # a room we run
    result = await core.commands.run(room, "/ban dora spamming links")
    assert result.outcome.ok, result.outcome.failure
    assert ("ban", ("#garden", "dora", "spamming links")) in fake_server.calls
    assert fake_server.bans["#garden"] == ["dora"]


async def test_ban_in_a_room_we_do_not_run_says_why(core: Core, room: ConversationId) -> None:
    result = await core.commands.run(room, "/ban dora")
    assert result.outcome.failure is not None
    assert result.outcome.failure.message == "You cannot ban in this room."


@pytest.mark.parametrize("typed", ["/ban", "/unban", "/ignore", "/unignore"])
async def test_who_is_needed(core: Core, room: ConversationId, typed: str) -> None:
    result = await core.commands.run(room, typed)
    assert result.usage.startswith(typed + " WHO")
