"""The backend against a scripted server: bad input of every kind, chathistory, cap-notify, SASL
over a multi-line CAP LS, servers without CAP, silent servers and dropped connections."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.backend import Capability, ConnectResult, FailureKind, OutgoingMessage
from app.models import ConversationId
from tests.unit.backends.irc.scripted import IRCV3, Quick, Script, connected, make

BAD_LINES: list[bytes] = [
    b"\xff\xfe\x00 binary garbage",
    b":only-a-source",
    b"@tags=only",
    b":scripted.test 999 me :an unknown numeric",
    b":scripted.test 042 me",
    b":scripted.test FOOBAR x y z",
    b":bob!b@h PRIVMSG me",
    b":bob!b@h PRIVMSG",
    b":bob!b@h JOIN",
    b":bob!b@h PART",
    b":bob!b@h KICK #x",
    b":bob!b@h MODE #nowhere +o",
    b":bob!b@h NICK",
    b":bob!b@h TOPIC",
    b":scripted.test 353 me",
    b":scripted.test 366",
    b":scripted.test 730 me",
    b"BATCH",
    b"BATCH -never-opened",
    b"@batch=unknown :bob!b@h PRIVMSG me :in an unknown batch",
    b"CAP",
    b"AUTHENTICATE",
    b":scripted.test 005 me CHANMODES PREFIX=(o MONITOR=x :are supported",
    b"@time=not-a-time;msgid= :bob!b@h PRIVMSG me :bad tags",
    b"@" + b"k=" * 5000 + b" :bob!b@h PRIVMSG me :huge tags",
    b"x" * 10_000,
    b":bob!b@h PRIVMSG me :" + b"\xe9" * 300,
    b"   ",
    b"\r",
]


async def test_bad_input_is_logged_and_dropped_never_raised(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script(caps=IRCV3))
    backend, rec = await connected(server, tmp_path)
    for raw in BAD_LINES:
        await server.send(raw + b"\r\n")
    await server.send(b"y" * 70_000)  # one enormous line, arriving in pieces
    await server.send(b"y" * 70_000 + b"\r\n")
    for i in range(100):  # a CTCP flood
        await server.send(f":flood!f@h PRIVMSG me :\x01VERSION {i}\x01")
    await server.send(":bob!b@h PRIVMSG me :still fine")
    await rec.wait_for(lambda x: isinstance(x, f.MessageReceived) and x.body == "still fine")

    bad = [x for x in rec.facts if isinstance(x, f.BadInput)]
    whats = {x.what for x in bad}
    assert "malformed IRC line" in whats
    assert "overlong IRC line" in whats
    assert "CTCP flood" in whats
    assert sum(1 for x in bad if x.what == "overlong IRC line") == 3
    assert not [x for x in rec.facts if isinstance(x, f.ConnectionLost)]
    assert backend.connected
    latin = next(x for x in rec.facts if isinstance(x, f.MessageReceived) and "é" in x.body)
    assert latin.body == "é" * 300
    tags = next(x for x in rec.facts if isinstance(x, f.MessageReceived) and x.body == "bad tags")
    assert tags.timestamp is None and tags.remote_id is None
    await server.wait_for(lambda line: line.startswith("NOTICE flood"))
    answers = [line for line in server.received if line.startswith("NOTICE flood")]
    assert 1 <= len(answers) <= Quick.ctcp_burst + 1  # a flood gets a trickle, not a flood
    await backend.disconnect()


async def test_chathistory_when_the_server_offers_it(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(
        Script(
            caps=IRCV3 + " draft/chathistory",
            isupport="CHANTYPES=# CHATHISTORY=100 NETWORK=Scripted",
        )
    )
    backend, rec = await connected(server, tmp_path)
    assert backend.capabilities() & Capability.HISTORY
    conv = ConversationId("acct", "#chan")

    task = asyncio.create_task(backend.fetch_history(conv, None, 50))
    await server.wait_for(lambda line: "CHATHISTORY LATEST #chan * 50" in line)
    await server.send(":scripted.test BATCH +h1 chathistory #chan")
    await server.send(
        "@batch=h1;msgid=m1;time=2024-01-01T10:00:00.000Z :bob!b@h PRIVMSG #chan :first"
    )
    await server.send(
        "@batch=h1;msgid=m2;time=2024-01-01T10:01:00.000Z :me!u@h PRIVMSG #chan :mine"
    )
    await server.send(":scripted.test BATCH -h1")
    outcome = await task
    assert outcome.ok and outcome.value == "end"  # fewer than asked: the start was reached
    history = [x for x in rec.facts if isinstance(x, f.MessageReceived)]
    assert [(x.body, x.remote_id, x.history) for x in history] == [
        ("first", "m1", True),
        ("mine", "m2", True),
    ]
    assert history[1].outgoing  # our own old message, not confirmed as a new send
    assert not [x for x in rec.facts if isinstance(x, f.DeliveryUpdated)]

    task = asyncio.create_task(backend.fetch_history(conv, "m1", 2))
    await server.wait_for(lambda line: "CHATHISTORY BEFORE #chan msgid=m1 2" in line)
    await server.send(":scripted.test BATCH +h2 chathistory #chan")
    for n in (1, 2):
        await server.send(f"@batch=h2;msgid=o{n} :bob!b@h PRIVMSG #chan :older {n}")
    await server.send(":scripted.test BATCH -h2")
    more = await task
    assert more.ok and more.value is None  # a full page: there may be more

    task = asyncio.create_task(backend.fetch_history(conv, "o1", 2))
    await server.wait_for(lambda line: "msgid=o1" in line)
    await server.send("FAIL CHATHISTORY MESSAGE_ERROR #chan :No such message")
    failed = await task
    assert failed.failure is not None and failed.failure.kind is FailureKind.REJECTED
    await backend.disconnect()


async def test_cap_notify_new_and_del(scripted: Callable[[Script], Any], tmp_path: Path) -> None:
    server = await scripted(Script(caps="cap-notify server-time"))
    backend, _ = await connected(server, tmp_path)
    assert "echo-message" not in backend.caps_enabled
    await server.send(":scripted.test CAP me NEW :echo-message unknown-cap")
    await server.wait_for(lambda line: line == "CAP REQ echo-message")
    await _until(lambda: "echo-message" in backend.caps_enabled)
    await server.send(":scripted.test CAP me DEL :echo-message")
    await _until(lambda: "echo-message" not in backend.caps_enabled)
    await backend.disconnect()


async def test_sasl_plain_over_a_multi_line_cap_ls(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    payload = base64.b64encode(b"acct\0acct\0pw").decode()
    server = await scripted(
        Script(caps="server-time sasl=PLAIN,EXTERNAL", ls_in_parts=True, sasl_accept=payload)
    )
    backend, _ = await connected(server, tmp_path, account="acct", secrets={"password": "pw"})
    assert backend.account == "acct"
    assert server.received.index("CAP LS 302") < server.received.index("NICK me")
    assert "AUTHENTICATE PLAIN" in server.received
    end = server.received.index("CAP END")
    assert end > server.received.index(f"AUTHENTICATE {payload}")
    await backend.disconnect()


async def test_sasl_refused_is_an_auth_failure(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script(caps="sasl", sasl_accept="something else"))
    backend, _ = make(server, tmp_path, secrets={"password": "pw"})
    result = await backend.connect()
    assert result.failure is not None
    assert result.failure.kind is FailureKind.AUTH and not result.failure.retryable
    await backend.disconnect()


async def test_a_server_without_cap(scripted: Callable[[Script], Any], tmp_path: Path) -> None:
    server = await scripted(Script(caps=""))
    backend, _ = await connected(server, tmp_path)
    assert backend.caps_enabled == set()
    assert "CAP END" not in server.received  # never negotiated, so nothing to end
    await backend.disconnect()


async def test_nick_taken_without_alternates(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script(nick_taken={"me", "me_"}))
    backend, _ = await connected(server, tmp_path)
    assert backend.own_id == "me__"
    await backend.disconnect()


class Impatient(Quick):
    registration_timeout = 0.5


@pytest.mark.parametrize(
    ("script", "closes"),
    [(Script(welcome=False), False), (Script(welcome=False), True)],
    ids=["silent", "closed"],
)
async def test_registration_that_never_finishes_is_retryable(
    scripted: Callable[[Script], Any], tmp_path: Path, script: Script, closes: bool
) -> None:
    server = await scripted(script)
    backend, _ = make(server, tmp_path, Impatient)
    connecting = asyncio.create_task(backend.connect())
    if closes:
        await server.wait_for(lambda line: line.startswith("USER"))
        await server.send("ERROR :Closing link: (me@127.0.0.1) [K-lined]")
        server.drop()
    result: ConnectResult = await connecting
    assert result.failure is not None
    assert result.failure.kind is FailureKind.NETWORK and result.failure.retryable
    if closes:
        assert "K-lined" in result.failure.message
    await backend.disconnect()


async def test_a_dropped_connection_is_reported_once(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script(caps=IRCV3))
    backend, rec = await connected(server, tmp_path)
    await server.send("ERROR :Closing link: (me@127.0.0.1) [Ping timeout]")
    server.drop()
    lost = await rec.wait_for(lambda x: isinstance(x, f.ConnectionLost))
    assert isinstance(lost, f.ConnectionLost)
    assert lost.retryable and "Ping timeout" in lost.reason
    await backend.disconnect()
    await backend.disconnect()
    assert sum(isinstance(x, f.ConnectionLost) for x in rec.facts) == 1
    assert not backend.connected


class Watchful(Quick):
    ping_interval = 0.3
    ping_timeout = 0.3


async def test_a_server_that_stops_answering_is_noticed(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script())
    backend, rec = await connected(server, tmp_path, Watchful)
    server._registered = False  # from now on the server answers no PING (see _react)
    await server.wait_for(lambda line: line.startswith("PING"))
    lost = await rec.wait_for(lambda x: isinstance(x, f.ConnectionLost))
    assert isinstance(lost, f.ConnectionLost) and "stopped answering" in lost.reason
    await backend.disconnect()


async def _until(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline
        await asyncio.sleep(0.01)


async def test_an_echo_with_rewritten_text_still_confirms_its_message(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script(caps=IRCV3))
    backend, rec = await connected(server, tmp_path)
    assert "labeled-response" not in backend.caps_enabled
    conv = ConversationId("acct", "bob")
    sent = await backend.send_message(conv, OutgoingMessage("t-rewritten", "\x02bold\x02 text"))
    assert sent.ok and not sent.confirmed
    await server.wait_for(lambda line: line.startswith("PRIVMSG bob"))
    await server.send("@msgid=e1 :me!u@h PRIVMSG bob :bold text")  # the server stripped colours
    update = await rec.wait_for(lambda x: isinstance(x, f.DeliveryUpdated))
    assert isinstance(update, f.DeliveryUpdated)
    assert (update.txn_id, update.remote_id) == ("t-rewritten", "e1")
    assert not [x for x in rec.facts if isinstance(x, f.MessageReceived)]
    await backend.disconnect()
