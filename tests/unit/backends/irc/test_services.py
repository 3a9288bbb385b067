"""The IRC services one at a time, on a session with no socket (tests/unit/backends/irc/wire.py):
dispatch and filters, saved state, members, people, room administration, messaging's DCC route."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import pytest

from app import facts as f
from app.backend import FailureKind
from app.models import ConversationId, Presence, PresenceState, Role
from backends.irc import ctcp
from backends.irc.admin import RoomAdmin
from backends.irc.channels import Channels
from backends.irc.members import ChannelState, Membership
from backends.irc.messaging import Messaging
from backends.irc.people import People
from backends.irc.protocol import parse_line
from backends.irc.session import MAX_OPEN_BATCHES
from backends.irc.settings import Settings
from backends.irc.state import SavedState
from chinwag.testing import MemorySecrets as _Secrets
from chinwag.testing import MemoryState as _State
from tests.unit.backends.irc.wire import Wire, wire

LOG = logging.LoggerAdapter(logging.getLogger("test"), {})


def saved_state(
    w: Wire, state: _State | None = None, secrets: _Secrets | None = None
) -> SavedState:
    return SavedState(
        state or _State(), secrets or _Secrets({}), w.session.info, LOG, w.session.spawn
    )


# -- session ---------------------------------------------------------------------------------


def test_handlers_in_order_numerics_until_one_takes_it_and_errors_as_notices() -> None:
    w = wire()
    seen: list[str] = []
    w.session.on("PRIVMSG", lambda line: seen.append("first"))
    w.session.on("PRIVMSG", lambda line: seen.append("second"))
    w.session.on_numeric(("404",), lambda line, label: seen.append("declined") is None and False)
    w.session.on_numeric(("404",), lambda line, label: seen.append("took") is None)
    w.feed(":a!b@c PRIVMSG me :hi", ":srv 404 me #chan :Cannot send", ":srv 482 me #chan :No")
    assert seen == ["first", "second", "declined", "took"]
    notices = w.of(f.ServiceNotice)
    assert [(n.conversation, n.text) for n in notices] == [("#chan", "#chan: No")]  # type: ignore[attr-defined]


def test_bad_lines_and_batches_stay_bounded() -> None:
    w = wire()
    w.session.handle_raw(b"\x00\x01 garbage")
    w.session.on("PRIVMSG", lambda line: (_ for _ in ()).throw(RuntimeError("bug")))
    w.session.handle_raw(b":a!b@c PRIVMSG me :boom")
    assert [x.what for x in w.of(f.BadInput)] == [  # type: ignore[attr-defined]
        "malformed IRC line",
        "IRC line we could not handle",
    ]
    for n in range(MAX_OPEN_BATCHES * 3):
        w.feed(f":srv BATCH +b{n} netsplit")
    assert len(w.session.batches) == MAX_OPEN_BATCHES


def test_labels_through_nested_batches() -> None:
    w = wire()
    w.feed("@label=L1 :srv BATCH +outer labeled-response", "@batch=outer :srv BATCH +inner x")
    inner = parse_line("@batch=inner :a!b@c PRIVMSG me :x")
    assert inner is not None and w.session.label_of(inner) == "L1"


async def test_a_request_without_a_connection_fails_at_once() -> None:
    w = wire()
    w.session.connected = False
    outcome = await w.session.request(("WHOIS", "x"), lambda line, label: None)
    assert outcome.failure is not None and outcome.failure.kind is FailureKind.NOT_CONNECTED


# -- saved state -----------------------------------------------------------------------------


async def test_saved_state_survives_garbage_and_keeps_keys_in_the_keyring() -> None:
    w = wire()
    state, secrets = _State(), _Secrets({})
    state.values.update(
        {
            "channels": json.dumps([{"name": "#a", "keyed": True}, 5, ["#old", "k2"], {"x": 1}]),
            "watch": json.dumps(["bob", 3, ""]),
            "contact_names": json.dumps({"bob": "Bobby", "x": 4}),
            "ignored": json.dumps(["pest!*@*", None]),
        }
    )
    secrets.values["channel-key:#a"] = "k1"
    saved = saved_state(w, state, secrets)
    await saved.load()
    assert saved.remembered == {"#a": ("#a", "k1"), "#old": ("#old", "k2")}
    assert saved.watch == {"bob": "bob"} and saved.names == {"bob": "Bobby"}
    assert saved.ignored == ["pest!*@*"] and saved.blocked_nicks() == {"pest": "pest"}
    # The old key in the clear moved to the keyring; the state names no key.
    assert secrets.values["channel-key:#old"] == "k2"
    assert "k2" not in state.values["channels"]

    state.values["watch"] = "{not json"
    fresh = saved_state(w, state, secrets)
    await fresh.load()
    assert fresh.watch == {}


# -- members and people ----------------------------------------------------------------------


def test_accounts_are_kept_only_for_people_in_our_channels() -> None:
    w = wire()
    members = Membership("acct", w.session.info, w.session.report)
    members.note_account("stranger", "acc")
    assert members.accounts == {}
    members.channels["#c"] = ChannelState("#c", {"bob": ("Bob", "@")})
    members.note_account("Bob", "bobacct")
    members.note_away("bob", Presence(PresenceState.AWAY, "out"))
    members.rename("Bob", "Robert")
    assert members.accounts == {"robert": "bobacct"} and "robert" in members.away
    moved = w.of(f.MembersChanged)[-1]
    assert moved.removed == ("Bob",) and moved.upserted[0].native_id == "Robert"  # type: ignore[attr-defined]
    members.quit("Robert")
    assert members.accounts == {} and members.away == {}


async def test_presence_only_for_the_people_we_watch() -> None:
    w = wire(isupport="MONITOR=100")
    saved = saved_state(w)
    people = People(w.session, Membership("acct", w.session.info, w.session.report), saved, "acct")
    assert (await people.add_contact("Bob")).ok
    assert (await people.add_contact("not a nick")).failure is not None
    refused = await people.rename_contact("carol", "C")
    assert refused.failure is not None and refused.failure.kind is FailureKind.REJECTED
    w.feed(":srv 730 me :Bob!b@h,Carol!c@h", ":srv 731 me :bob")
    changes = [(x.contact, x.presence.state) for x in w.of(f.PresenceChanged)]  # type: ignore[attr-defined]
    assert changes == [("bob", PresenceState.AVAILABLE), ("bob", PresenceState.OFFLINE)]
    assert "MONITOR + Bob" in w.sent


# -- room administration ---------------------------------------------------------------------


async def test_set_role_sends_exactly_the_change() -> None:
    w = wire(isupport="PREFIX=(ohv)@%+")
    members = Membership("acct", w.session.info, w.session.report)
    saved = saved_state(w)
    channels = Channels(w.session, members, saved, Settings({}))
    admin = RoomAdmin(w.session, channels, members, saved)
    members.channels["#c"] = ChannelState("#c", {"me": ("me", "@"), "bob": ("Bob", "@+")})
    where = ConversationId("acct", "#c")

    async def answered(task: asyncio.Task[Any], echo: str) -> Any:
        while not w.sent or not w.sent[-1].startswith("MODE"):
            await asyncio.sleep(0)
        w.feed(echo)
        return await task

    task = asyncio.create_task(admin.set_role(where, "bob", Role.MODERATOR))
    outcome = await answered(task, ":me!m@h MODE #c +h-ov Bob Bob Bob")
    assert outcome.ok and w.sent[-1] == "MODE #c +h-ov Bob Bob Bob"
    unsupported = await admin.set_role(where, "bob", Role.OWNER)  # no +q on this server
    assert unsupported.failure is not None and unsupported.failure.kind is FailureKind.UNSUPPORTED
    everyone = await admin.ban(where, "*!*@*")
    assert everyone.failure is not None and "matches everyone" in everyone.failure.message


# -- messaging --------------------------------------------------------------------------------


def test_dcc_goes_to_the_file_service_never_into_the_conversation() -> None:
    w = wire()
    offers: list[tuple[str, ctcp.Ctcp]] = []
    Messaging(
        w.session,
        Membership("acct", w.session.info, w.session.report),
        lambda n, r: offers.append((n, r)),
    )
    w.feed(
        ":bob!b@h PRIVMSG me :\x01DCC SEND a.txt 2130706433 5000 10\x01",
        ":bob!b@h NOTICE me :\x01DCC REJECT SEND a.txt\x01",
    )
    assert [(n, r.args) for n, r in offers] == [
        ("bob", "SEND a.txt 2130706433 5000 10"),
        ("bob", "REJECT SEND a.txt"),
    ]
    assert not w.of(f.MessageReceived) and not w.of(f.ServiceNotice)


@pytest.mark.parametrize("source", [":irc.server.example", ""])
def test_server_notices_are_notices(source: str) -> None:
    w = wire()
    Messaging(w.session, Membership("acct", w.session.info, w.session.report), lambda n, r: None)
    w.feed(f"{source} NOTICE me :*** Looking up your hostname".strip())
    assert [x.text for x in w.of(f.ServiceNotice)] == ["*** Looking up your hostname"]  # type: ignore[attr-defined]
