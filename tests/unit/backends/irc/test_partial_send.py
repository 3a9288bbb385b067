"""A long message goes out as several paced lines; when the connection drops part-way, what the
backend says decides whether the core sends it all again.

Nothing written: retryable (a later send cannot duplicate anything). Some lines written: a
failure for good ("partly sent"), since sending again would repeat them. All written: sent
(or, with echo-message, handed over and waiting for the echo, which the core never re-sends).
The same through a real core and InspIRCd is in ``tests/integration/irc/test_core.py``.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.backend import FailureKind, OutgoingMessage
from app.models import ConversationId
from tests.unit.backends.irc.scripted import IRCV3, Quick, Script, connected

PARTLY = re.compile(r"^Partly sent: (\d+) of (\d+) lines went out before the connection was lost")


class Paced(Quick):
    """One line at once, then four a second: slow enough to cut a message in the middle."""

    send_burst = 1
    send_rate = 4.0


def _paste(lines: int, tag: str = "line") -> str:
    return "\n".join(f"{tag} {n} of the paste" for n in range(lines))


def _privmsgs(received: list[str], tag: str = "line") -> list[str]:
    return [line for line in received if f":{tag} " in line and "PRIVMSG" in line]


@pytest.mark.parametrize("caps", ["", IRCV3], ids=["plain", "echo-message"])
async def test_a_message_cut_part_way_fails_for_good(
    scripted: Callable[[Script], Any], tmp_path: Path, caps: str
) -> None:
    server = await scripted(Script(caps=caps))
    backend, rec = await connected(server, tmp_path, Paced)
    conv = ConversationId("acct", "bob")
    sending = asyncio.create_task(backend.send_message(conv, OutgoingMessage("t1", _paste(8))))
    await server.wait_for(lambda _: len(_privmsgs(server.received)) >= 2)
    server.drop()
    result = await sending

    assert result.failure is not None
    assert not result.failure.retryable  # the outbox must not send the whole paste again
    match = PARTLY.match(result.failure.message)
    assert match is not None, result.failure.message
    written, total = int(match[1]), int(match[2])
    assert total == 8
    assert len(_privmsgs(server.received)) <= written < total
    await rec.wait_for(lambda x: isinstance(x, f.ConnectionLost))
    assert not [x for x in rec.facts if isinstance(x, f.DeliveryUpdated)]
    assert not backend._pending_by_label and not backend._pending_by_target
    await backend.disconnect()


async def test_a_message_of_which_nothing_went_out_may_be_sent_again(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script())
    backend, _ = await connected(server, tmp_path, Paced)
    conv = ConversationId("acct", "bob")
    first = asyncio.create_task(backend.send_message(conv, OutgoingMessage("t1", _paste(6))))
    await asyncio.sleep(0)  # the first is queued before the second
    second = asyncio.create_task(
        backend.send_message(conv, OutgoingMessage("t2", "queued behind the paste"))
    )
    await server.wait_for(lambda _: len(_privmsgs(server.received)) >= 2)
    server.drop()

    cut, waiting = await first, await second
    assert cut.failure is not None and not cut.failure.retryable
    assert waiting.failure is not None
    assert waiting.failure.kind is FailureKind.NOT_CONNECTED and waiting.failure.retryable
    assert not [line for line in server.received if "queued behind" in line]
    await backend.disconnect()


@pytest.mark.parametrize("caps", ["", IRCV3], ids=["plain", "echo-message"])
async def test_a_message_written_in_full_is_not_a_failure(
    scripted: Callable[[Script], Any], tmp_path: Path, caps: str
) -> None:
    server = await scripted(Script(caps=caps))
    backend, _ = await connected(server, tmp_path, Paced)
    conv = ConversationId("acct", "bob")
    result = await backend.send_message(conv, OutgoingMessage("t1", _paste(3)))
    assert result.ok, result.failure
    # Without echo-message, written is sent; with it, the echo confirms (or, lost with the
    # connection, the core marks it failed as "may not have been delivered": never re-sent).
    assert result.confirmed is (caps == "")
    await server.wait_for(lambda _: len(_privmsgs(server.received)) == 3)
    await backend.disconnect()
