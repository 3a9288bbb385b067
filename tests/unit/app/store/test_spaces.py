"""Spaces in the store, through the dispatcher: kept whole or changed by additions and
removals, never a conversation, never their own child."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import events as ev
from app import facts as f
from app.dispatch import AccountDispatcher
from app.models import ConversationKind
from app.store.account_store import AccountStore


@pytest.fixture
def dispatcher(tmp_path: Path) -> Iterator[AccountDispatcher]:
    store = AccountStore("a", tmp_path / "a.sqlite3")
    yield AccountDispatcher(
        store,
        now=lambda: datetime(2026, 12, 5, tzinfo=UTC),
        logger=logging.LoggerAdapter(logging.getLogger("t"), {}),
    )
    store.close()


def spaces_event(events: list[ev.Event]) -> ev.SpacesChanged:
    found = [e for e in events if isinstance(e, ev.SpacesChanged)]
    assert len(found) == 1
    return found[0]


def test_a_space_is_stored_changed_and_left(dispatcher: AccountDispatcher) -> None:
    d = dispatcher
    # Known first as a conversation (an earlier version, or before its type was seen).
    d.apply([f.ConversationUpdated("!s:x", ConversationKind.GROUP, title="Home")])
    events = d.apply([f.SpaceUpdated("!s:x", title="Home", children=("!a:x", "!s:x", "!a:x"))])
    space = spaces_event(events).spaces[0]
    assert (space.title, space.children) == ("Home", ("!a:x",))  # once, and not itself
    assert d.store.conversation("!s:x") is None
    assert any(isinstance(e, ev.ConversationsRemoved) for e in events)
    events = d.apply([f.SpaceUpdated("!s:x", added=("!b:x",), removed=("!a:x",))])
    assert spaces_event(events).spaces[0].children == ("!b:x",)
    assert spaces_event(events).spaces[0].title == "Home"  # None leaves it
    assert not [e for e in d.apply([f.SpaceUpdated("!s:x")]) if isinstance(e, ev.SpacesChanged)]
    events = d.apply([f.SpaceLeft("!s:x")])
    assert spaces_event(events).spaces == ()
    assert d.store.spaces.all() == []
