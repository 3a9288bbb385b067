"""The account's contacts on IRC, against InspIRCd: the MONITOR list with local names kept
across a restart, a contact's away state without sharing a channel (extended-monitor +
away-notify), removing, and WHOIS details as a typed result."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from app import facts as f
from app.backend import ContactDetails, Failure
from app.models import PresenceState
from tests.integration.irc.helpers import BackendFactory, settings_for
from tests.integration.irc.peer import Peer, unique_channel, unique_nick
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]


async def test_contacts_renamed_kept_and_removed(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(inspircd_server)
    nick = unique_nick("Pal")
    folded = nick.lower()
    assert (await made.backend.add_contact(nick, "Old name")).ok
    assert (await made.backend.rename_contact(nick, "Best friend")).ok
    renamed = await made.wait_fact(
        f.ContactsChanged, lambda x: any(c.display_name == "Best friend" for c in x.upserted)
    )
    assert [c.id.native_id for c in renamed.upserted] == [folded]

    pal = await peers(inspircd_server, nick)
    await made.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == folded and x.presence.state is PresenceState.AVAILABLE,
    )
    # Away and back, though we share no channel: extended-monitor brings AWAY for contacts.
    await pal.send("AWAY :lunch")
    away = await made.wait_fact(
        f.PresenceChanged, lambda x: x.contact == folded and x.presence.state is PresenceState.AWAY
    )
    assert away.presence.status == "lunch"
    mark = made.mark()
    await pal.send("AWAY")
    await made.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == folded and x.presence.state is PresenceState.AVAILABLE,
        after=mark,
    )

    # Another session of the account finds the contact with its local name.
    state = dict(made.backend.ctx.state.values)  # type: ignore[attr-defined]
    await made.backend.disconnect()
    again = backends.new(settings_for(inspircd_server), state=state)
    assert (await again.backend.connect()).ok
    listed = await again.wait_fact(f.ContactsChanged, lambda x: x.complete)
    assert [(c.id.native_id, c.display_name) for c in listed.upserted] == [(folded, "Best friend")]
    await again.wait_fact(
        f.PresenceChanged,
        lambda x: x.contact == folded and x.presence.state is PresenceState.AVAILABLE,
    )

    assert (await again.backend.remove_contact(nick)).ok
    await again.wait_fact(f.ContactsChanged, lambda x: folded in x.removed)
    mark = again.mark()
    await pal.close()
    await peers(inspircd_server)  # some other traffic, so a late report would have come
    late = [x for x in again.facts[mark:] if isinstance(x, f.PresenceChanged)]
    assert not [x for x in late if x.contact == folded]


async def test_whois_details_are_typed(
    inspircd_server: IrcServer, backends: BackendFactory, peers: OpenPeer
) -> None:
    made = await backends.connected(inspircd_server)
    peer = await peers(inspircd_server)
    channel = unique_channel()
    await peer.join(channel)
    await peer.send("AWAY :gone fishing")
    await peer.wait_for(lambda m: m.command == "306")
    details = await made.backend.contact_details(peer.nick)
    assert isinstance(details, ContactDetails)
    assert details.online and details.address.startswith(f"{peer.nick}!{peer.nick[:10]}@")
    assert details.real_name == "Test peer"
    assert details.server == "irc.test"
    assert any(c.endswith(channel) for c in details.channels)
    assert details.away == "gone fishing"
    assert details.idle_seconds is not None and details.signed_on is not None
    assert not details.secure  # the peer came in without TLS

    ours = await made.backend.contact_details(made.backend.own_id)
    assert isinstance(ours, ContactDetails) and ours.secure  # we did use TLS

    ghost = unique_nick("Ghost")
    nobody = await made.backend.contact_details(ghost)
    assert isinstance(nobody, ContactDetails) and not nobody.online
    assert isinstance(await made.backend.contact_details("not a nick"), Failure)
    # A details view is not a notice in the server's messages.
    assert not [x for x in made.of(f.ServiceNotice) if "WHOIS" in x.text or ghost in x.text]
