"""Messages the last connection left unconfirmed: the archive decides about them after signing in
(never inside it), "not found" only counts where the archive keeps everything, and a send on a
dying session without stream management is never reported as confirmed."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.backend import FailureKind, OutgoingMessage
from app.models import ConversationId
from backends.xmpp import XmppBackend
from backends.xmpp import backend as backend_module
from backends.xmpp.history import ArchiveService
from backends.xmpp.ledger import STATE_PENDING
from backends.xmpp.messaging import UNCONFIRMED
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.helpers import Connected, recording
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import Account, ProsodyServer

pytestmark = pytest.mark.integration

SETTLE = 1.0


async def open_with_unconfirmed(
    xmpp: Backends, account: Account, tmp_path: Path, txn: str, to: str
) -> tuple[Connected, float]:
    """Sign in where the previous connection handed ``txn`` over and lost the stream unacked."""
    rec, ctx = recording(xmpp.server, account, tmp_path)
    pending = {txn: {"conversation": to, "group": False, "at": time.time() - 5, "seq": 3}}
    await ctx.state.set(
        STATE_PENDING, json.dumps({k: {**v, "stream": "gone"} for k, v in pending.items()})
    )
    backend = XmppBackend(ctx)
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with asyncio.timeout(15):
        result = await backend.connect()
    assert result.ok, result.failure
    conn = Connected(backend, rec, ctx, account)
    xmpp.opened.append(conn)
    return conn, loop.time() - started


async def test_signing_in_does_not_wait_for_the_archive_search(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    peer: Peer = await peers()

    async def endless_search(self: ArchiveService, *args: Any) -> Any:
        await asyncio.sleep(3600)  # an archive that never answers in time

    monkeypatch.setattr(ArchiveService, "_search", endless_search)
    monkeypatch.setattr(backend_module, "VERIFY_DEADLINE", 1.0)
    me, took = await open_with_unconfirmed(
        xmpp, prosody.new_account("me"), tmp_path, "txn-lost", peer.jid
    )
    assert took < 10  # the search runs after sign-in (the core allows a sign-in 45 s)

    loop = asyncio.get_running_loop()
    asked = loop.time()
    result = await me.backend.send_message(
        ConversationId(me.rec.account_id, peer.jid), OutgoingMessage("txn-lost", "lost?")
    )
    assert loop.time() - asked >= 0.8  # it waited for the verdict …
    assert result.failure is not None and result.failure.message == UNCONFIRMED  # … "unknown"
    assert not result.failure.retryable
    await asyncio.sleep(SETTLE)
    assert "lost?" not in peer.bodies()  # never re-sent on a guess
    assert "txn-lost" not in me.backend.ledger.previous


@pytest.mark.parametrize(("policy", "resent"), [("always", True), ("never", False)])
async def test_not_in_the_archive_proves_nothing_unless_it_keeps_everything(
    prosody: ProsodyServer,
    xmpp: Backends,
    peers: PeerFactory,
    tmp_path: Path,
    policy: str,
    resent: bool,
) -> None:
    account = prosody.new_account("me")
    phone: Peer = await peers(account, resource="phone")
    await phone.iq("set", None, f"<prefs xmlns='urn:xmpp:mam:2' default='{policy}'/>")
    peer: Peer = await peers()
    me, _ = await open_with_unconfirmed(xmpp, account, tmp_path, "txn-maybe", peer.jid)
    result = await me.backend.send_message(
        ConversationId(me.rec.account_id, peer.jid), OutgoingMessage("txn-maybe", "maybe")
    )
    if resent:  # "always": not in the archive means the server never got it
        assert result.ok, result.failure
        await peer.wait_body("maybe")
    else:  # "never": the archive could have missed it, so it might have been delivered
        assert result.failure is not None and result.failure.message == UNCONFIRMED
    await asyncio.sleep(SETTLE)
    assert peer.bodies().count("maybe") == (1 if resent else 0)


async def test_without_stream_management_a_send_on_a_dying_session_is_not_confirmed(
    xmpp: Backends, peers: PeerFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    services, session = me.backend._services, me.backend._session
    assert services is not None and session is not None
    monkeypatch.setattr(services.messages, "stream_managed", lambda: False)
    write = session.send_message

    def write_then_die(*args: Any, **kwargs: Any) -> Any:
        sent = write(*args, **kwargs)
        assert session.client.transport is not None
        session.client.transport.abort()  # the network goes before the stanza is on the wire
        return sent

    monkeypatch.setattr(session, "send_message", write_then_die)
    conv = ConversationId(me.rec.account_id, peer.jid)
    result = await me.backend.send_message(conv, OutgoingMessage("txn-dying", "into the void?"))
    assert result.failure is not None and result.failure.kind is FailureKind.NOT_CONNECTED
    assert result.failure.retryable
    assert "txn-dying" in me.backend.ledger.pending  # the next connection decides about it
    await me.wait(f.ConnectionLost)

    again = await xmpp.reopen(me)  # the outbox sends it again with the same id
    retry = await again.backend.send_message(conv, OutgoingMessage("txn-dying", "into the void?"))
    assert retry.ok, retry.failure
    await peer.wait_body("into the void?")
    await asyncio.sleep(SETTLE)
    assert peer.bodies().count("into the void?") == 1


async def test_without_stream_management_a_send_on_a_live_session_is_confirmed(
    xmpp: Backends, peers: PeerFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    services = me.backend._services
    assert services is not None
    monkeypatch.setattr(services.messages, "stream_managed", lambda: False)
    conv = ConversationId(me.rec.account_id, peer.jid)
    result = await me.backend.send_message(conv, OutgoingMessage("txn-plain", "plain TCP"))
    assert result.ok and result.confirmed and result.remote_id == "txn-plain"
    assert not me.backend.ledger.pending  # nothing left for a later connection to decide
    await peer.wait_body("plain TCP")
