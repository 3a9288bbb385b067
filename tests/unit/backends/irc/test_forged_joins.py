"""A hostile server cannot fill the sidebar with channels by claiming we joined them (issue 13):
a few unasked joins are an oper's doing and shown; a stream of them is ignored, never remembered."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import facts as f
from app.backend import SupportsGroupChat
from backends.irc.channels import MAX_UNASKED_JOINS
from tests.unit.backends.irc.scripted import IRCV3, Script, connected


def joined(rec: Any) -> list[str]:
    return [x.conversation for x in rec.facts if isinstance(x, f.ConversationUpdated) and x.joined]


async def test_a_flood_of_forged_joins_of_our_nick_makes_a_handful_of_conversations(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script(caps=IRCV3))
    backend, rec = await connected(server, tmp_path)
    assert isinstance(backend, SupportsGroupChat)
    assert (await backend.join("#wanted")).ok
    for i in range(200):
        await server.send(f":me!u@host.test JOIN #forged{i}")
    await server.send(":me!u@host.test JOIN not-a-channel")
    await server.send(":bob!b@h PRIVMSG me :after the flood")
    await rec.wait_for(lambda x: isinstance(x, f.MessageReceived) and x.body == "after the flood")
    assert joined(rec) == ["#wanted", *(f"#forged{i}" for i in range(MAX_UNASKED_JOINS))]
    assert sum(1 for x in rec.facts if isinstance(x, f.BadInput) and x.what == "JOIN") == (
        200 - MAX_UNASKED_JOINS + 1
    )
    remembered = backend._saved.remembered  # type: ignore[attr-defined]
    assert list(remembered) == ["#wanted"]  # forced joins are not rejoined next time


async def test_a_forward_from_a_channel_we_asked_for_is_ours(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script(caps=IRCV3))
    backend, rec = await connected(server, tmp_path)
    for i in range(MAX_UNASKED_JOINS):  # the allowance is used up already
        await server.send(f":me!u@host.test JOIN #forced{i}")
    await server.send(":scripted.test 470 me #full #overflow :Forwarding to another channel")
    await server.send(":me!u@host.test JOIN #overflow")
    await server.send(":me!u@host.test JOIN #not-forwarded")
    await server.send(":bob!b@h PRIVMSG me :done")
    await rec.wait_for(lambda x: isinstance(x, f.MessageReceived) and x.body == "done")
    assert "#not-forwarded" not in joined(rec)
    assert "#overflow" not in joined(rec)  # we never asked for #full
    assert isinstance(backend, SupportsGroupChat)
    # Asked for: the forward counts as ours.
    server.script.channel_keys["#full2"] = "never"  # the server refuses it and forwards us
    joining = asyncio.create_task(backend.join("#full2"))
    await server.wait_for(lambda line: line.startswith("JOIN #full2"))
    await server.send(":scripted.test 470 me #full2 #overflow2 :Forwarding to another channel")
    await server.send(":me!u@host.test JOIN #overflow2")
    await joining
    await rec.wait_for(
        lambda x: isinstance(x, f.ConversationUpdated) and x.conversation == "#overflow2"
    )
    assert joined(rec)[-1] == "#overflow2"
