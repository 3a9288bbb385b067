"""Words that count as mentioning me: what matches, how the preference is read, and that the
dispatcher marks (and counts) such messages on both of its paths."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import facts as f
from app.core import Core
from app.dispatch import AccountDispatcher
from app.highlights import MAX_WORD_CHARS, MAX_WORDS, PREF_HIGHLIGHT_WORDS, HighlightWords
from app.models import ConnectionState, ConversationId, ConversationKind, MessageKind, Page
from app.store.account_store import AccountStore
from tests.fakes.core_harness import wait_for
from tests.fakes.fake_backend import FakeServer

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Release is out", True),
        ("RELEASE!", True),
        ("pre-release notes", True),  # a hyphen is not part of a word
        ("releases", False),
        ("unreleased", False),
        ("I like C++.", True),
        ("C+++", True),  # "C++" then "+": no word character after it
        ("tea time", True),
        ("steam", False),
        ("Grüße an Zoë", True),
        ("Zoëlle", False),
        ("", False),
    ],
)
def test_whole_words_any_case(text: str, expected: bool) -> None:
    words = HighlightWords.of(["release", "C++", "tea", "zoë"])
    assert words.matches(text) is expected


def test_the_preference_is_tidied() -> None:
    assert HighlightWords.of(" release ,, Release,  two   words ").words == ("release", "two words")
    assert HighlightWords.of(["a", 7, None, "b"]).words == ("a", "b")
    assert not HighlightWords.of(None) and not HighlightWords.of({"a": 1})
    assert not HighlightWords.of("").matches("anything")
    long = "x" * (MAX_WORD_CHARS + 1)
    assert HighlightWords.of([long, "ok"]).words == ("ok",)
    many = HighlightWords.of([f"w{i}" for i in range(MAX_WORDS + 5)])
    assert len(many.words) == MAX_WORDS
    assert HighlightWords.of(["(unclosed", "a|b"]).matches("see a|b")  # taken literally


@pytest.fixture
def dispatcher(tmp_path: Path) -> AccountDispatcher:
    store = AccountStore("a", tmp_path / "a.sqlite3")
    d = AccountDispatcher(
        store,
        highlights=HighlightWords.of(["release"]),
        now=lambda: NOW,
        logger=logging.LoggerAdapter(logging.getLogger("t"), {}),
    )
    yield d
    store.close()


def test_one_message_at_a_time(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply(
        [
            f.MessageReceived("#r", body="release day", sender="bob", remote_id="1"),
            f.MessageReceived("#r", body="nothing here", sender="bob", remote_id="2"),
            f.MessageReceived(
                "#r", body="release", sender="me", remote_id="3", outgoing=True
            ),  # my own: never a mention
            f.MessageReceived(
                "#r", "", "bob set the topic: release", kind=MessageKind.SYSTEM, remote_id="4"
            ),
        ]
    )
    marked = [m.mentions_me for m in dispatcher.store.page("#r").messages]
    assert marked == [True, False, False, False]
    conv = dispatcher.store.conversation("#r")
    assert conv is not None and conv.mention_count == 1


def test_a_flood_batch(dispatcher: AccountDispatcher) -> None:
    rows = tuple(
        f.Received("bob", body, remote_id=f"r{i}")
        for i, body in enumerate(["hi", "the RELEASE", "releases", "release?"])
    )
    dispatcher.apply([f.MessagesReceived("#r", ConversationKind.GROUP, "#R", rows)])
    marked = [m.mentions_me for m in dispatcher.store.page("#r").messages]
    assert marked == [False, True, False, True]
    conv = dispatcher.store.conversation("#r")
    assert conv is not None and conv.mention_count == 2


def test_changed_words_apply_to_the_next_message(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply([f.MessageReceived("#r", body="deploy now", sender="b", remote_id="1")])
    dispatcher.highlights = HighlightWords.of("deploy")
    dispatcher.apply([f.MessageReceived("#r", body="deploy again", sender="b", remote_id="2")])
    assert [m.mentions_me for m in dispatcher.store.page("#r").messages] == [False, True]


async def test_the_preference_reaches_running_and_new_sessions(
    core: Core, fake_server: FakeServer
) -> None:
    account = await core.accounts.add_account("fake", {"user": "alice"}, {"password": "wonderland"})
    await wait_for(lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED)
    conv = ConversationId(account.id, "bob")

    fake_server.deliver("alice", "bob", "the release is out", remote_id="m1")
    await settled_count(core, conv, 1)
    await core.preferences.set(PREF_HIGHLIGHT_WORDS, ["release"])  # a running session
    fake_server.deliver("alice", "bob", "release notes", remote_id="m2")
    page = await settled_count(core, conv, 2)
    assert [m.mentions_me for m in page.messages] == [False, True]
    assert core.services.highlights().words == ("release",)  # what a new session is given


async def settled_count(core: Core, conv: ConversationId, count: int) -> Page:
    """The conversation's page once it holds ``count`` messages (the fake delivers later)."""
    deadline = asyncio.get_running_loop().time() + 30
    while True:
        await core.flushed()
        page = await core.conversations.fetch_page(conv)
        if len(page.messages) >= count:
            return page
        assert asyncio.get_running_loop().time() < deadline, "messages not stored in time"
        await asyncio.sleep(0.01)
