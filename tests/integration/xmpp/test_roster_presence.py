"""Roster and presence: list, add (with a subscription request), rename, remove; requests from others
as a decision; contacts' presence and status text; our own presence with a status message."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from app import facts as f
from app.models import Presence, PresenceState
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.peer import Peer

pytestmark = pytest.mark.integration

NICK = "{http://jabber.org/protocol/nick}nick"


def subscribe_from(peer: Peer, sender: str) -> Callable[[ET.Element], bool]:
    return lambda p: p.get("type") == "subscribe" and (p.get("from") or "").startswith(sender)


async def test_add_rename_remove_and_see_presence(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()  # accepts subscription requests
    outcome = await me.backend.add_contact(peer.jid, "Pat", "Hi, it is me")
    assert outcome.ok
    request = await peer.wait_presence(subscribe_from(peer, me.account.jid))
    assert request.findtext("{jabber:client}status") == "Hi, it is me"
    assert request.findtext(NICK) == me.account.user

    def contact(name: str, subscription: str) -> Callable[[f.ContactsChanged], bool]:
        return lambda c: any(
            x.id.native_id == peer.jid and x.display_name == name and x.subscription == subscription
            for x in c.upserted
        )

    await me.wait(f.ContactsChanged, contact("Pat", "to"))  # they said yes: we see them
    await me.wait(
        f.PresenceChanged,
        lambda p: p.contact == peer.jid and p.presence.state is PresenceState.AVAILABLE,
    )

    peer.send_xml("<presence><show>away</show><status>at lunch</status></presence>")
    away = await me.wait(f.PresenceChanged, lambda p: p.presence.state is PresenceState.AWAY)
    assert away.presence.status == "at lunch"

    assert (await me.backend.rename_contact(peer.jid, "Patricia")).ok
    await me.wait(f.ContactsChanged, contact("Patricia", "to"))

    assert (await me.backend.remove_contact(peer.jid)).ok
    await me.wait(f.ContactsChanged, lambda c: peer.jid in c.removed)


async def test_roster_is_listed_completely_at_sign_in(xmpp: Backends, peers: PeerFactory) -> None:
    first = await xmpp.open()
    peer: Peer = await peers()
    await first.backend.add_contact(peer.jid, "Pat")
    await first.wait(f.ContactsChanged, lambda c: any(x.subscription == "to" for x in c.upserted))
    await first.backend.disconnect()
    again = await xmpp.open(first.account)
    listing = await again.wait(f.ContactsChanged, lambda c: c.complete)
    assert [(c.id.native_id, c.display_name) for c in listing.upserted] == [(peer.jid, "Pat")]


async def test_incoming_request_is_a_decision_accept(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    peer.send_xml(
        f"<presence to='{me.account.jid}' type='subscribe'>"
        f"<nick xmlns='http://jabber.org/protocol/nick'>Pat</nick><status>let me in</status></presence>"
    )
    asked = await me.wait(f.SubscriptionRequested)
    assert (asked.contact, asked.display_name, asked.message) == (peer.jid, "Pat", "let me in")
    # Nothing was decided for the person: the peer has no answer yet.
    assert not [p for p in peer.presences if p.get("type") == "subscribed"]

    assert (await me.backend.answer_subscription(peer.jid, True)).ok
    await peer.wait_presence(lambda p: p.get("type") == "subscribed")
    await peer.wait_presence(subscribe_from(peer, me.account.jid))  # and we ask back
    await me.wait(
        f.ContactsChanged,
        lambda c: any(
            x.id.native_id == peer.jid and x.subscription.startswith("both") for x in c.upserted
        ),
    )


async def test_incoming_request_is_a_decision_deny(xmpp: Backends, peers: PeerFactory) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    peer.send_xml(f"<presence to='{me.account.jid}' type='subscribe'/>")
    await me.wait(f.SubscriptionRequested)
    assert (await me.backend.answer_subscription(peer.jid, False)).ok
    await peer.wait_presence(lambda p: p.get("type") == "unsubscribed")


async def test_own_presence_with_status_reaches_contacts(
    xmpp: Backends, peers: PeerFactory
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    peer.send_xml(f"<presence to='{me.account.jid}' type='subscribe'/>")
    await me.wait(f.SubscriptionRequested)
    await me.backend.answer_subscription(peer.jid, True)
    await peer.wait_presence(lambda p: p.get("type") == "subscribed")

    def shown(show: str | None, status: str) -> Callable[[ET.Element], bool]:
        return lambda p: (
            (p.get("from") or "").startswith(me.account.jid)
            and p.get("type") is None
            and p.findtext("{jabber:client}show") == show
            and (p.findtext("{jabber:client}status") or "") == status
        )

    for state, show, status in (
        (PresenceState.AWAY, "away", "back soon"),
        (PresenceState.DO_NOT_DISTURB, "dnd", "focus"),
        (PresenceState.EXTENDED_AWAY, "xa", "on holiday"),
        (PresenceState.AVAILABLE, None, ""),
    ):
        outcome = await me.backend.set_presence(Presence(state, status))
        assert outcome.ok, outcome.failure
        await peer.wait_presence(shown(show, status))

    # Our presence outlives the connection: a new instance announces the last one set.
    await me.backend.set_presence(Presence(PresenceState.AWAY, "still away"))
    await me.backend.disconnect()
    again = await xmpp.reopen(me)  # same account state, as the core keeps it
    own = await again.wait(f.OwnPresenceChanged, lambda p: p.presence.status == "still away")
    assert own.presence == Presence(PresenceState.AWAY, "still away")
    await peer.wait_presence(shown("away", "still away"))
