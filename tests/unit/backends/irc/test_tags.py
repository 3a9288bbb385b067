"""Client tags (typing, reactions): what the server may deny, what we send, what we accept."""

from __future__ import annotations

import asyncio

import pytest

from app import facts as f
from app.backend import FailureKind
from app.models import ConversationId
from backends.irc import tags
from backends.irc.tags import ClientTags
from tests.unit.backends.irc.wire import wire

BOB = ":bob!b@host"


@pytest.mark.parametrize(
    ("deny", "typing", "react"),
    [
        ("", True, True),
        ("CLIENTTAGDENY=*", False, False),
        ("CLIENTTAGDENY=*,-typing", True, False),
        ("CLIENTTAGDENY=draft/react", True, False),
    ],
)
async def test_the_server_may_deny_single_tags(deny: str, typing: bool, react: bool) -> None:
    w = wire(("message-tags",), deny)
    service = ClientTags(w.session)
    assert service.allowed(tags.TYPING) is typing
    assert service.allowed(tags.REACT) is react


async def test_nothing_without_message_tags() -> None:
    w = wire(())
    service = ClientTags(w.session)
    await service.send_typing(ConversationId("a", "bob"), True)
    refused = await service.react(ConversationId("a", "bob"), "m1", ("👍",))
    assert refused.failure is not None and refused.failure.kind is FailureKind.UNSUPPORTED
    assert w.sent == []


async def test_typing_lapses_after_six_seconds_without_news(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tags, "TYPING_LAPSE", 0.05)
    w = wire(("message-tags",))
    ClientTags(w.session)
    w.feed(f"@+typing=active {BOB} TAGMSG me")
    w.feed(f"@+typing=active {BOB} TAGMSG me")  # renewed: not said twice
    assert [x.typing for x in w.of(f.TypingChanged)] == [True]  # type: ignore[attr-defined]
    await asyncio.sleep(0.2)
    said = w.of(f.TypingChanged)
    assert [(x.conversation, x.sender, x.typing) for x in said] == [  # type: ignore[attr-defined]
        ("bob", "bob", True),
        ("bob", "bob", False),
    ]
    w.feed(f"@+typing=done {BOB} TAGMSG me")  # after the lapse: nothing more to say
    assert len(w.of(f.TypingChanged)) == 2


async def test_reactions_in_and_hostile_keys_dropped() -> None:
    w = wire(("message-tags",))
    ClientTags(w.session)
    w.feed(
        f"@+draft/reply=m1;+draft/react=👍 {BOB} TAGMSG #chan",
        f"@+draft/reply=m1;+draft/unreact=👍 {BOB} TAGMSG #chan",
        f"@+draft/reply=m1;+draft/react={'x' * 500} {BOB} TAGMSG #chan",
        f"@+draft/reply=m1;+draft/react=a\\nb {BOB} TAGMSG #chan",
        "@+draft/react=👍 " + BOB + " TAGMSG #chan",  # no message named: nothing to react to
        "@+draft/reply=m1;+draft/react=👍 :me!m@h TAGMSG #chan",  # our own echo
    )
    changes = [(x.target_remote_id, x.key, x.added) for x in w.of(f.ReactionChanged)]  # type: ignore[attr-defined]
    assert changes == [("m1", "👍", True), ("m1", "👍", False)]
    assert len(w.of(f.BadInput)) == 2


async def test_react_sends_what_changed() -> None:
    w = wire(("message-tags",))
    service = ClientTags(w.session)
    where = ConversationId("a", "#chan")
    assert (await service.react(where, "m1", ("👍", "🎉"))).ok
    assert (await service.react(where, "m1", ("🎉",))).ok
    assert w.sent == [
        "@+draft/reply=m1;+draft/react=🎉 TAGMSG #chan",
        "@+draft/reply=m1;+draft/react=👍 TAGMSG #chan",
        "@+draft/reply=m1;+draft/unreact=👍 TAGMSG #chan",
    ]
