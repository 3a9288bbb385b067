"""XEP-0421 occupant ids through the core: who may correct or delete a room message is decided
by the room's id for the person, not by the nick, which passes from one person to the next."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import facts as f
from app.dispatch import AccountDispatcher
from app.models import ConversationKind
from app.store.account_store import AccountStore

NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)
ROOM = "room@muc.example.org"


@pytest.fixture
def dispatcher(tmp_path: Path) -> AccountDispatcher:
    store = AccountStore("a", tmp_path / "a.sqlite3")
    return AccountDispatcher(
        store, now=lambda: NOW, logger=logging.LoggerAdapter(logging.getLogger("t"), {})
    )


def said(n: int, nick: str, occupant: str | None, **kw: object) -> f.MessageReceived:
    return f.MessageReceived(
        ROOM,
        nick,
        f"words {n}",
        conversation_kind=ConversationKind.GROUP,
        remote_id=f"sid-{n}",
        occupant_id=occupant,
        **kw,  # type: ignore[arg-type]
    )


def test_the_occupant_id_is_kept_on_the_message(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply([said(1, "alice", "occ-A"), said(2, "bob", None)])
    first, second = dispatcher.store.page(ROOM).messages
    assert (first.occupant_id, second.occupant_id) == ("occ-A", None)


def test_after_a_nick_change_the_same_person_may_delete_and_correct(
    dispatcher: AccountDispatcher,
) -> None:
    dispatcher.apply([said(1, "alice", "occ-A"), said(2, "alice", "occ-A")])
    dispatcher.apply([said(3, "alicia", "occ-A", replaces="sid-1")])  # a correction
    dispatcher.apply([f.MessageRetracted(ROOM, "sid-2", by="alicia", occupant_id="occ-A")])
    first, second = dispatcher.store.page(ROOM).messages
    assert (first.body, first.edited) == ("words 3", True)
    assert second.retracted and second.moderation is None


def test_the_next_holder_of_a_nick_may_neither_delete_nor_correct(
    dispatcher: AccountDispatcher,
) -> None:
    dispatcher.apply([said(1, "alice", "occ-A"), said(2, "alice", "occ-A")])
    # alice left; mallory took the nick: the room gives mallory another occupant id
    dispatcher.apply([said(3, "alice", "occ-M", replaces="sid-1")])
    dispatcher.apply([f.MessageRetracted(ROOM, "sid-2", by="alice", occupant_id="occ-M")])
    stored = {m.remote_id: m for m in dispatcher.store.page(ROOM).messages}
    assert (stored["sid-1"].body, stored["sid-1"].edited) == ("words 1", False)
    assert not stored["sid-2"].retracted and stored["sid-2"].body == "words 2"
    assert set(stored) == {"sid-1", "sid-2"}  # the forged correction is dropped, as any other


def test_without_occupant_ids_the_nick_decides(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply([said(1, "alice", None), said(2, "alice", "occ-A")])
    dispatcher.apply([f.MessageRetracted(ROOM, "sid-1", by="alice", occupant_id="occ-A")])
    dispatcher.apply([f.MessageRetracted(ROOM, "sid-2", by="alice")])  # the room gave none
    first, second = dispatcher.store.page(ROOM).messages
    assert first.retracted and second.retracted
