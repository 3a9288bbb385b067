"""IRCv3 against InspIRCd: CAP 302 negotiation, server-time, msgid, echo-message with labels (and
without), away-notify, account-notify, extended-join, batch (history replayed on join), MONITOR,
and chathistory's graceful absence on a server that does not offer it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest

from app import facts as f
from app.backend import Capability, FailureKind, OutgoingMessage
from app.models import ConversationId, DeliveryState, PresenceState
from backends.irc.backend import WANTED_CAPS
from tests.integration.irc.helpers import BackendFactory, FastIrcBackend
from tests.integration.irc.peer import Peer, unique_channel, unique_nick
from tests.integration.irc.servers import PASSWORD, IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]

EXPECTED_CAPS = {
    "cap-notify",
    "server-time",
    "echo-message",
    "message-tags",
    "account-tag",
    "away-notify",
    "account-notify",
    "extended-join",
    "multi-prefix",
    "userhost-in-names",
    "batch",
    "labeled-response",
    "extended-monitor",
    "sasl",
}


class NoLabels(FastIrcBackend):
    """Without labeled-response, echoes are matched to their message by target and text."""

    wanted_caps = tuple(c for c in WANTED_CAPS if c != "labeled-response")


async def test_capabilities_are_negotiated_before_registration(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    made = await backends.connected(
        inspircd_server, account="chinwag", secrets={"password": PASSWORD}
    )
    backend = made.backend
    assert backend.caps_enabled >= EXPECTED_CAPS
    caps = backend.capabilities()
    assert not caps & Capability.IDEMPOTENT_SEND  # IRC cannot de-duplicate a re-sent line
    assert caps & Capability.GROUP_CHAT and caps & Capability.BLOCKING
    direct = backend.capabilities(ConversationId(made.rec.account_id, "somebody"))
    assert not direct & Capability.KICK


async def test_server_time_and_msgid(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    await peer.privmsg(made.backend.own_id, "first")
    await peer.privmsg(made.backend.own_id, "second")
    first = await made.wait_fact(f.MessageReceived, lambda x: x.body == "first")
    second = await made.wait_fact(f.MessageReceived, lambda x: x.body == "second")
    assert first.timestamp is not None and first.timestamp.tzinfo is not None
    assert abs(first.timestamp - datetime.now(UTC)) < timedelta(minutes=1)
    assert first.remote_id and second.remote_id and first.remote_id != second.remote_id


@pytest.mark.parametrize("cls", [FastIrcBackend, NoLabels], ids=["labels", "text-match"])
async def test_echo_message_confirms_the_transaction(
    inspircd_server: IrcServer,
    backends: BackendFactory,
    peers: OpenPeer,
    cls: type[FastIrcBackend],
) -> None:
    made = await backends.connected(inspircd_server, cls=cls)
    assert ("labeled-response" in made.backend.caps_enabled) is (cls is FastIrcBackend)
    peer = await peers(inspircd_server, caps=("message-tags",))
    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    result = await made.backend.send_message(conv, OutgoingMessage("txn-echo", "echo me"))
    assert result.ok and not result.confirmed  # the echo decides, not the write
    update = await made.wait_fact(f.DeliveryUpdated, lambda x: x.txn_id == "txn-echo")
    assert update.state is DeliveryState.SENT
    assert update.conversation == peer.nick.lower()
    received = await peer.wait_privmsg("echo me")
    msgid = dict(t.partition("=")[::2] for t in received.tags.split(";"))["msgid"]
    assert update.remote_id == msgid  # the same message id everyone sees
    assert not [x for x in made.of(f.MessageReceived) if x.body == "echo me"]  # no duplicate


async def test_a_split_message_is_confirmed_once_every_part_is_back(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made, peer = await asyncio.gather(backends.connected(inspircd_server), peers(inspircd_server))
    conv = ConversationId(made.rec.account_id, peer.nick.lower())
    text = "Grüße " * 300  # 2,100 bytes: five lines
    await made.backend.send_message(conv, OutgoingMessage("txn-long", text))
    await made.wait_fact(f.DeliveryUpdated, lambda x: x.txn_id == "txn-long")
    parts = [m for m in peer.received("PRIVMSG") if m.nick == made.backend.own_id]
    assert len(parts) >= 5
    assert [x.txn_id for x in made.of(f.DeliveryUpdated)] == ["txn-long"]


@pytest.mark.parametrize("cls", [FastIrcBackend, NoLabels], ids=["labels", "text-match"])
async def test_a_refused_message_fails(
    inspircd_server: IrcServer,
    backends: BackendFactory,
    peers: OpenPeer,
    cls: type[FastIrcBackend],
) -> None:
    channel = unique_channel()
    peer = await peers(inspircd_server)
    await peer.join(channel)  # +n by default: outsiders cannot send
    made = await backends.connected(inspircd_server, cls=cls)
    conv = ConversationId(made.rec.account_id, channel.lower())
    result = await made.backend.send_message(conv, OutgoingMessage("txn-refused", "let me in"))
    assert result.ok and not result.confirmed
    update = await made.wait_fact(f.DeliveryUpdated, lambda x: x.txn_id == "txn-refused")
    assert update.state is DeliveryState.FAILED
    assert update.reason

    nobody = ConversationId(made.rec.account_id, unique_nick("gone"))
    await made.backend.send_message(nobody, OutgoingMessage("txn-nobody", "hello?"))
    gone = await made.wait_fact(f.DeliveryUpdated, lambda x: x.txn_id == "txn-nobody")
    assert gone.state is DeliveryState.FAILED


async def test_away_notify_and_account_notify_and_extended_join(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    channel = unique_channel()
    made = await backends.connected(inspircd_server)
    assert (await made.backend.join(channel)).ok
    peer = await peers(inspircd_server)
    await peer.join(channel)
    await made.wait_fact(
        f.MembersChanged, lambda x: any(m.native_id == peer.nick for m in x.upserted)
    )

    await peer.send("AWAY :lunch")
    away = await made.wait_fact(
        f.MembersChanged,
        lambda x: any(m.presence.state is PresenceState.AWAY for m in x.upserted),
    )
    member = next(m for m in away.upserted if m.native_id == peer.nick)
    assert member.presence.status == "lunch"
    mark = made.mark()
    await peer.send("AWAY")
    await made.wait_fact(
        f.MembersChanged,
        lambda x: any(
            m.native_id == peer.nick and m.presence.state is PresenceState.AVAILABLE
            for m in x.upserted
        ),
        after=mark,
    )

    def signed_in(nick: str, account: str) -> Callable[[f.MembersChanged], bool]:
        return lambda x: any(
            m.native_id == nick and m.affiliation.endswith(f"signed in as {account}")
            for m in x.upserted
        )

    # account-notify: a member signs in; the member list shows it (and away is kept on top)
    mark = made.mark()
    await peer.send("AWAY :back soon")
    await peer.privmsg("NickServ", f"IDENTIFY nickserv1 {PASSWORD}")
    await peer.wait_for(lambda m: m.command == "900")
    shown = await made.wait_fact(f.MembersChanged, signed_in(peer.nick, "nickserv1"), after=mark)
    member = next(m for m in shown.upserted if m.native_id == peer.nick)
    assert member.presence.state is PresenceState.AWAY, "an account change forgot the away state"

    # extended-join: signed in *before* joining
    late = await peers(inspircd_server)
    await late.privmsg("NickServ", f"IDENTIFY nickserv1 {PASSWORD}")
    await late.wait_for(lambda m: m.command == "900")
    await late.join(channel)
    await made.wait_fact(f.MembersChanged, signed_in(late.nick, "nickserv1"))

    # account-tag: signed in before *we* joined (NAMES says nothing); their message tells
    other = unique_channel()
    early = await peers(inspircd_server)
    await early.privmsg("NickServ", f"IDENTIFY nickserv1 {PASSWORD}")
    await early.wait_for(lambda m: m.command == "900")
    await early.join(other)
    assert (await made.backend.join(other)).ok
    await made.wait_fact(
        f.MembersChanged, lambda x: any(m.native_id == early.nick for m in x.upserted)
    )
    assert made.backend._accounts.get(early.nick.lower()) is None
    await early.privmsg(other, "tagged")
    await made.wait_fact(f.MessageReceived, lambda x: x.body == "tagged")
    await made.wait_fact(f.MembersChanged, signed_in(early.nick, "nickserv1"))

    # strangers cannot grow what we remember: only people in our channels are kept
    lone = await peers(inspircd_server)
    await lone.privmsg("NickServ", f"IDENTIFY nickserv1 {PASSWORD}")
    await lone.wait_for(lambda m: m.command == "900")
    await lone.privmsg(made.backend.own_id, "from a stranger")
    await made.wait_fact(f.MessageReceived, lambda x: x.body == "from a stranger")
    assert lone.nick.lower() not in made.backend._accounts
    await late.send(f"PART {channel}")
    await made.wait_fact(f.MembersChanged, lambda x: late.nick in x.removed)
    assert late.nick.lower() not in made.backend._accounts


async def test_history_replayed_on_join_comes_in_a_batch(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    channel = unique_channel()
    op = await peers(inspircd_server)
    await op.join(channel)
    await op.send(f"MODE {channel} +H 10:1h")
    await op.wait_for(lambda m: m.command == "MODE" and "+H" in m.params)
    await op.privmsg(channel, "said before you came")
    await op.privmsg(channel, "and this too")
    await op.send("PING :sync")
    await op.wait_for(lambda m: m.command == "PONG")
    made = await backends.connected(inspircd_server)
    assert (await made.backend.join(channel)).ok
    old = await made.wait_fact(f.MessageReceived, lambda x: x.body == "and this too")
    assert old.history
    assert old.timestamp is not None
    first = next(x for x in made.of(f.MessageReceived) if x.body == "said before you came")
    assert first.history
    assert first.timestamp is not None and first.timestamp <= old.timestamp
    await op.privmsg(channel, "live now")
    live = await made.wait_fact(f.MessageReceived, lambda x: x.body == "live now")
    assert not live.history


async def test_chathistory_is_not_offered_so_history_is_unsupported(
    inspircd_server: IrcServer, backends: BackendFactory
) -> None:
    made = await backends.connected(inspircd_server)
    assert not made.backend.capabilities() & Capability.HISTORY
    outcome = await made.backend.fetch_history(
        ConversationId(made.rec.account_id, "#anything"), None, 50
    )
    assert outcome.failure is not None
    assert outcome.failure.kind is FailureKind.UNSUPPORTED


async def test_monitor_gives_contacts_presence_and_survives_a_new_instance(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(inspircd_server)
    friend = unique_nick("Friend")
    added = await made.backend.add_contact(friend)
    assert added.ok and added.value == friend.lower()
    contacts = await made.wait_fact(f.ContactsChanged)
    assert contacts.upserted[0].id.native_id == friend.lower()
    await made.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == friend.lower() and x.presence.state is PresenceState.OFFLINE,
    )
    peer = await peers(inspircd_server, friend)
    await made.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == friend.lower() and x.presence.state is PresenceState.AVAILABLE,
    )
    await peer.send("AWAY :brb")  # extended-monitor + away-notify
    away = await made.wait_fact(f.PresenceChanged, lambda x: x.presence.state is PresenceState.AWAY)
    assert away.presence.status == "brb"

    saved = {"watch": await made.backend.ctx.state.get("watch") or ""}
    again = backends.new(made.rec.settings | {"nick": unique_nick("cw")}, state=saved)
    assert (await again.backend.connect()).ok
    complete = await again.wait_fact(f.ContactsChanged, lambda x: x.complete)
    assert [c.id.native_id for c in complete.upserted] == [friend.lower()]
    await again.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == friend.lower() and x.presence.state is PresenceState.AVAILABLE,
    )

    mark = made.mark()
    await peer.send("QUIT :bye")
    await made.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == friend.lower() and x.presence.state is PresenceState.OFFLINE,
        after=mark,
    )
    removed = await made.backend.remove_contact(friend)
    assert removed.ok
    await made.wait_fact(f.ContactsChanged, lambda x: friend.lower() in x.removed)
    assert friend not in (await made.backend.ctx.state.get("watch") or "")
