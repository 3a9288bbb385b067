"""Threads in the store, through the dispatcher: replies kept out of the main timeline, the
root's summary counted once whatever order things arrive in."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import events as ev
from app import facts as f
from app.dispatch import AccountDispatcher
from app.models import ConversationKind, ThreadSummary
from app.store.account_store import AccountStore

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
ROOM = "!r:x"


@pytest.fixture
def dispatcher(tmp_path: Path) -> Iterator[AccountDispatcher]:
    store = AccountStore("a", tmp_path / "a.sqlite3")
    yield AccountDispatcher(
        store, now=lambda: NOW, logger=logging.LoggerAdapter(logging.getLogger("t"), {})
    )
    store.close()


def msg(
    n: int, *, root: str | None = None, history: bool = False, **kw: object
) -> f.MessageReceived:
    return f.MessageReceived(
        ROOM,
        sender=str(kw.pop("sender", "@bob:x")),
        body=f"m{n}",
        conversation_kind=ConversationKind.GROUP,
        remote_id=f"$m{n}",
        timestamp=NOW + timedelta(seconds=n),
        thread_root=root,
        history=history,
        **kw,  # type: ignore[arg-type]
    )


def summary(d: AccountDispatcher, root: str = "$m1") -> ThreadSummary | None:
    message = d.store.message_by_remote_id(ROOM, root)
    assert message is not None
    return message.thread


def test_replies_counted_and_kept_apart(dispatcher: AccountDispatcher) -> None:
    d = dispatcher
    d.apply([msg(1), msg(2, root="$m1"), msg(3)])
    events = d.apply([msg(4, root="$m1", sender="@me:x", outgoing=True)])
    updated = [e for e in events if isinstance(e, ev.MessagesUpdated)]
    assert updated and updated[0].messages[0].remote_id == "$m1"
    main = d.store.page(ROOM)
    assert [m.remote_id for m in main.messages] == ["$m1", "$m3"]
    thread = d.store.thread_page(ROOM, "$m1")
    assert [m.remote_id for m in thread.messages] == ["$m2", "$m4"]
    s = summary(d)
    assert s is not None and s.count == 2 and s.latest_body == "m4" and s.participated
    assert d.store.page_after(ROOM, main.messages[0].cursor).messages[0].remote_id == "$m3"


def test_replies_before_their_root_are_counted_when_it_comes(dispatcher: AccountDispatcher) -> None:
    d = dispatcher
    d.apply([msg(2, root="$m1"), msg(3, root="$m1")])
    assert d.store.page(ROOM).messages == ()  # nothing in the main timeline yet
    d.apply([msg(1, history=True)])
    s = summary(d)
    assert s is not None and s.count == 2 and s.latest_body == "m3"


def test_the_servers_count_and_history_are_not_added_twice(dispatcher: AccountDispatcher) -> None:
    d = dispatcher
    server = ThreadSummary(5, "@bob:x", "Bob", "m6", NOW + timedelta(seconds=6))
    d.apply([msg(1, thread=server)])
    assert (s := summary(d)) is not None and s.count == 5
    # History brings three of the five replies the server counted: still five.
    d.apply([msg(n, root="$m1", history=True) for n in (2, 3, 4)])
    assert (s := summary(d)) is not None and s.count == 5 and s.latest_body == "m6"
    # A reply arriving live is a sixth.
    d.apply([msg(7, root="$m1")])
    assert (s := summary(d)) is not None and s.count == 6 and s.latest_body == "m7"
    # The server tells its count again (say, after a restart): it wins, live resets.
    d.apply([f.ThreadUpdated(ROOM, "$m1", ThreadSummary(6, "@bob:x", "Bob", "m7"))])
    assert (s := summary(d)) is not None and s.count == 6
    # A root and its replies in one batch count the replies once.
    d.apply([msg(10, history=True), *[msg(n, root="$m10", history=True) for n in (11, 12)]])
    assert (s := summary(d, "$m10")) is not None and s.count == 2


def test_a_reply_to_itself_is_not_a_thread(dispatcher: AccountDispatcher) -> None:
    d = dispatcher
    d.apply([msg(1, root="$m1")])
    stored = d.store.message_by_remote_id(ROOM, "$m1")
    assert stored is not None and stored.thread_root is None and stored.thread is None
