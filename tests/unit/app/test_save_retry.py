"""Nothing received is lost when SQLite refuses a batch (app.save_retry): a fact the store refuses
every time costs only itself; a full disk, a read-only or busy file keeps the facts, in order, to
be saved once it works again. Real SQLite files throughout: a trigger that RAISEs for one row, a
``max_page_count`` at the file's size (the disk is full), ``query_only`` (read-only)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import events as ev
from app import facts as f
from app.backoff import Backoff
from app.dispatch import AccountDispatcher, StateWrite
from app.models import ConversationKind
from app.save_retry import KeptFacts, save_in_order, transient
from tests.fakes.disk import FailAfterCommit, fill_disk, free_disk
from tests.unit.app.test_dispatch_batch import dispatcher

GROUP = ConversationKind.GROUP
LOG = logging.LoggerAdapter(logging.getLogger("test.save_retry"), {})


def bodies(d: AccountDispatcher, conversation: str) -> list[str]:
    return [m.body for m in d.store.page(conversation, limit=10_000).messages]


def in_seq_order(d: AccountDispatcher) -> list[str]:
    """Every stored message's body in the order the store took them (``seq`` is global), after
    checking that the seqs leave no gap."""
    found = d.store._conn.execute("SELECT seq, body FROM messages ORDER BY seq").fetchall()
    assert [seq for seq, _ in found] == list(range(1, len(found) + 1))
    return [body for _, body in found]


def refuse(d: AccountDispatcher, body: str) -> None:
    """The store refuses, every time, the message with ``body`` (a constraint a bug trips)."""
    d.store.db.execute(
        "CREATE TEMP TRIGGER poison BEFORE INSERT ON messages WHEN new.body = ?"
        f" BEGIN SELECT RAISE(ABORT, 'refused {body}'); END".replace("?", f"'{body}'")
    )


def rows(n: int, prefix: str = "zebra", size: int = 600) -> tuple[f.Received, ...]:
    return tuple(f.Received("ann", f"{prefix} {i} " + "x" * size) for i in range(n))


def added(events: list[ev.Event]) -> list[str]:
    return [m.body for e in events if isinstance(e, ev.MessagesAdded) for m in e.messages]


def test_one_refused_row_costs_only_itself_and_the_rest_is_saved_in_order(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    d = dispatcher(tmp_path / "a.db")
    d.apply([f.MessageReceived("#r", "ann", "before", GROUP)])
    refuse(d, "boom")
    flood = tuple(f.Received("ann", "boom" if i == 300 else f"zebra {i}") for i in range(400))
    write = StateWrite("backend.position", "after the flood")
    with caplog.at_level(logging.ERROR, logger="test.batch"):
        events = d.apply(
            [
                f.MessagesReceived("#r", GROUP, "#r", flood),
                f.MessageReceived("bob", "bob", "zebra hi", ConversationKind.DIRECT),
                write,
                f.MessageReceived("#r", "cy", "last", GROUP),
            ]
        )
    good = ["before"] + [f"zebra {i}" for i in range(400) if i != 300] + ["last"]
    assert bodies(d, "#r") == good
    assert in_seq_order(d) == [*good[:-1], "zebra hi", "last"]  # no gap for the refused one
    assert bodies(d, "bob") == ["zebra hi"]
    assert write.committed and d.store.get_state("backend.position") == "after the flood"
    assert added(events) == [*good[1:-1], "zebra hi", "last"]
    notices = [e for e in events if isinstance(e, ev.Notice)]
    assert len(notices) == 1 and "1 incoming update" in notices[0].text
    assert notices[0].level == "error"
    assert [r.getMessage() for r in caplog.records if "dropped" in r.getMessage()] == [
        "dropped MessagesReceived('#r'): the store refuses it (refused boom)"
    ]
    assert len(d.store.search("zebra", limit=1000)) == 400  # the index is in step
    d.store.close()


def test_refused_facts_among_single_facts_cost_only_themselves(tmp_path: Path) -> None:
    d = dispatcher(tmp_path / "a.db")
    refuse(d, "boom")
    facts: list[f.Fact] = [
        f.MessageReceived("bob", "bob", "boom" if n in (3, 17) else f"m{n}", remote_id=f"r{n}")
        for n in range(20)
    ]
    events = d.apply(facts)
    assert bodies(d, "bob") == [f"m{n}" for n in range(20) if n not in (3, 17)]
    assert "2 incoming updates" in next(e.text for e in events if isinstance(e, ev.Notice))
    d.store.close()


def test_a_full_disk_leaves_the_whole_batch_unsaved_in_order_then_saves_it(
    tmp_path: Path,
) -> None:
    d = dispatcher(tmp_path / "a.db")
    d.apply([f.MessageReceived("#r", "ann", "before", GROUP)])
    fill_disk(d.store._conn)
    write = StateWrite("backend.position", "new")
    facts: list[f.Fact | StateWrite] = [
        f.MessagesReceived("#r", GROUP, "#r", rows(300)),
        f.MessageReceived("bob", "bob", "hi", ConversationKind.DIRECT),
        write,
        f.MessagesReceived("#r", GROUP, "#r", rows(5, "late")),
    ]
    saved = d.save(facts)
    assert saved.error is not None and transient(saved.error)
    assert saved.error.sqlite_errorcode == sqlite3.SQLITE_FULL
    assert saved.unsaved == facts and saved.events == [] and saved.dropped == 0
    assert not write.committed and d.store.get_state("backend.position") is None
    assert bodies(d, "#r") == ["before"] and d.store.conversation("bob") is None
    with pytest.raises(sqlite3.OperationalError):
        d.apply(facts)  # a caller that cannot keep them is told, never silently
    free_disk(d.store._conn)
    saved = d.save(saved.unsaved)
    assert saved.error is None and saved.unsaved == []
    expected = ["before"] + [r.body for r in rows(300)] + [r.body for r in rows(5, "late")]
    assert bodies(d, "#r") == expected
    assert in_seq_order(d) == [*expected[:301], "hi", *expected[301:]]
    assert bodies(d, "bob") == ["hi"] and write.committed
    d.store.close()


def test_a_read_only_store_keeps_the_facts(tmp_path: Path) -> None:
    d = dispatcher(tmp_path / "a.db")
    d.store._conn.execute("PRAGMA query_only = 1")
    facts = [f.MessageReceived("bob", "bob", "hi")]
    saved = d.save(facts)
    assert saved.error is not None and saved.unsaved == facts
    assert saved.error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_READONLY
    d.store._conn.execute("PRAGMA query_only = 0")
    assert d.save(facts).error is None and bodies(d, "bob") == ["hi"]
    d.store.close()


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (sqlite3.IntegrityError("UNIQUE constraint failed"), False),
        (sqlite3.ProgrammingError("closed database"), False),
        (sqlite3.OperationalError("database or disk is full"), True),  # no code: operational
    ],
)
def test_errors_without_a_code_are_told_apart_by_their_class(
    exc: sqlite3.Error, expected: bool
) -> None:
    assert transient(exc) is expected


def test_a_locked_database_is_transient(tmp_path: Path) -> None:
    d = dispatcher(tmp_path / "a.db")
    other = sqlite3.connect(tmp_path / "a.db", timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    d.store._conn.execute("PRAGMA busy_timeout = 0")
    facts = [f.MessageReceived("bob", "bob", "hi")]
    saved = d.save(facts)
    assert saved.error is not None and transient(saved.error) and saved.unsaved == facts
    other.rollback()
    other.close()
    assert d.save(facts).error is None and bodies(d, "bob") == ["hi"]
    d.store.close()


def test_kept_facts_say_once_when_saving_fails_and_once_when_it_works_again() -> None:
    kept = KeptFacts("a", LOG, Backoff(base=1.0, cap=8.0), cap=10)
    error = sqlite3.OperationalError("database or disk is full")
    queued = [f.MessageReceived("bob", "bob", str(n)) for n in range(4)]
    first = kept.failed(error, queued)
    assert len(first) == 1 and "(database or disk is full)" in first[0].text
    assert kept.failed(error, queued) == [] and kept.failed(error, queued) == []
    assert kept.delay() > 0
    assert kept.saved(queued[:2]) is False
    assert kept.saved(queued[2:]) is True
    again = kept.recovered()
    assert len(again) == 1 and again[0].level == "info"
    assert kept.recovered() == [] and not kept.failing


def test_past_the_cap_new_facts_are_dropped_and_said_once_with_where() -> None:
    kept = KeptFacts("a", LOG, Backoff(), cap=10)
    error = sqlite3.OperationalError("database or disk is full")
    kept.failed(error, [f.MessagesReceived("#r", GROUP, "#r", rows(8, size=1))])
    assert kept.admit(f.MessageReceived("bob", "bob", "9"))
    assert kept.admit(f.MessageReceived("bob", "bob", "10"))
    assert not kept.admit(f.MessageReceived("bob", "bob", "11"))
    assert not kept.admit(f.MessagesReceived("#s", GROUP, "#s", rows(3, size=1)))
    assert kept.holding_state
    notices = kept.dropped_notice()
    assert len(notices) == 1
    assert "4 incoming updates dropped" in notices[0].text and "#s, bob" in notices[0].text
    assert kept.dropped_notice() == []


def test_a_failure_reading_back_after_the_commit_does_not_save_the_batch_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The transaction committed, then reading the room's members back for the event fails:
    the batch is saved (it must not come back as unsaved: saving it again would store an IRC
    line, which has no id to find the copy by, twice)."""
    from app.models import ConversationId, Member

    d = dispatcher(tmp_path / "a.db")
    room = ConversationId("a", "#r")

    def fails(native: str) -> list[Member]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(d.store, "members", fails)
    saved = d.save(
        [
            f.MessageReceived("#r", "ann", "once", GROUP),
            f.MembersChanged("#r", (Member(room, "ann"),), complete=True),
        ]
    )
    assert saved.error is None and saved.unsaved == []
    assert added(saved.events) == ["once"]
    monkeypatch.undo()
    assert bodies(d, "#r") == ["once"] and [m.native_id for m in d.store.members("#r")] == ["ann"]
    d.store.close()


class Disk:
    """A scripted store for :func:`save_in_order`: facts are numbers; a piece holding a refused
    one raises a deterministic error, and once ``room`` facts are saved the disk is full."""

    def __init__(self, refused: set[int], room: int) -> None:
        self.refused = refused
        self.room = room
        self.saved: list[int] = []

    def apply_once(self, piece: list[int]) -> list[ev.Event]:
        if self.refused & set(piece):
            raise sqlite3.IntegrityError("CHECK constraint failed")
        if len(self.saved) + len(piece) > self.room:
            raise sqlite3.OperationalError("database or disk is full")
        self.saved += piece
        return []


@given(
    count=st.integers(0, 200),
    refused=st.sets(st.integers(0, 199), max_size=8),
    room=st.integers(0, 250),
)
def test_the_split_saves_everything_it_can_in_order_and_keeps_the_rest(
    count: int, refused: set[int], room: int
) -> None:
    """Whatever facts the store refuses and wherever the disk fills up: what is saved, then what
    is kept, is every fact in order but the refused ones met before the disk filled up."""
    facts = list(range(count))
    disk = Disk(refused, room)
    saved = save_in_order(disk.apply_once, facts, LOG)
    assert disk.saved == [x for x in disk.saved if x not in refused]
    assert disk.saved + saved.unsaved == [
        x for x in facts if x not in refused or (saved.unsaved and x >= saved.unsaved[0])
    ]
    assert (saved.error is None) == (saved.unsaved == [])
    assert saved.dropped == len([x for x in refused if x < count]) - len(
        [x for x in saved.unsaved if x in refused]
    )


def test_a_bug_on_one_row_of_a_flood_costs_only_that_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not SQLite but our own code failing on one row (its HTML trips the sanitiser): before,
    the rows after it in its ``MessagesReceived`` went with it; now only that row does."""
    import app.dispatch

    sanitize = app.dispatch.sanitize_html

    def fragile(html: str) -> str:
        if "boom" in html:
            raise ValueError("a bug")
        return sanitize(html)

    monkeypatch.setattr(app.dispatch, "sanitize_html", fragile)
    d = dispatcher(tmp_path / "a.db")
    flood = tuple(
        f.Received("ann", f"zebra {i}", html="<b>boom</b>" if i == 300 else "<b>ok</b>")
        for i in range(400)
    )
    events = d.apply([f.MessagesReceived("#r", GROUP, "#r", flood)])
    good = [f"zebra {i}" for i in range(400) if i != 300]
    assert bodies(d, "#r") == good and in_seq_order(d) == good
    assert added(events) == good
    d.store.close()


def test_the_cap_counts_text_too() -> None:
    """A few huge messages reach the cap long before its count does."""
    kept = KeptFacts("a", LOG, Backoff(), cap=1000, cap_chars=100)
    kept.failed(sqlite3.OperationalError("disk I/O error"), [f.MessageReceived("bob", "bob", "")])
    assert kept.admit(f.MessageReceived("bob", "bob", "x" * 60))
    assert kept.admit(f.MessagesReceived("#r", GROUP, "#r", rows(2, "", size=10)))  # 2 × 13
    assert not kept.admit(f.MessageReceived("eve", "eve", "y" * 30, html="<b>" + "y" * 30))
    assert kept.admit(f.MessageReceived("bob", "bob", "z" * 10))  # still fits: 96
    assert "1 incoming update dropped" in kept.dropped_notice()[0].text
    assert kept.saved([f.MessageReceived("bob", "bob", "x" * 60)]) is False
    assert kept.kept_chars == 36  # 26 of the two rows and 10 of the last


class _Unreadable:
    """A connection whose reads fail (an I/O error): what the cache reload meets on a bad disk."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith("SELECT"):
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


@pytest.mark.parametrize("new_room", [False, True])
def test_a_failed_cache_reload_after_a_transient_failure_loses_nothing(
    tmp_path: Path, new_room: bool
) -> None:
    """Rolling back re-reads the conversation cache; if that read fails too (the disk), the
    retry must neither take a known room for new (emptied cache: its insert trips the unique
    constraint) nor trust a room the rollback undid (its messages trip the foreign key): a lone
    fact would be dropped as refused."""
    d = dispatcher(tmp_path / "a.db")
    d.apply([f.MessageReceived("#r", "ann", "before", GROUP)])
    conn = d.store._conn
    fill_disk(conn)
    d.store._conn = _Unreadable(conn)  # type: ignore[assignment]
    room = "#new" if new_room else "#r"  # a new room: its row is written, then rolled back
    facts: list[f.Fact | StateWrite] = [f.MessageReceived(room, "bob", "x" * 50_000, GROUP)]
    saved = d.save(facts)
    assert saved.error is not None and transient(saved.error)
    assert saved.unsaved == facts
    d.store._conn = conn
    free_disk(conn)
    saved = d.save(saved.unsaved)
    assert saved.error is None and saved.dropped == 0
    assert bodies(d, "#r") == ["before"] + ([] if new_room else ["x" * 50_000])
    assert bodies(d, "#new") == (["x" * 50_000] if new_room else [])
    stored = dict(conn.execute("SELECT native_id, id FROM conversations").fetchall())
    assert set(stored) == ({"#r", "#new"} if new_room else {"#r"})
    assert {n: d.store._row_by_native[n] for n in stored} == stored
    d.store.close()


@pytest.mark.parametrize("code", [sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB])
def test_a_damaged_store_is_not_called_a_disk_that_will_work_again(code: int) -> None:
    """A damaged file does not mend itself while Chinwag runs: the notice must not promise
    that the messages are saved "as soon as the disk works again"."""
    kept = KeptFacts("a", LOG, Backoff())
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    assert transient(error)  # kept (splitting cannot help), tried again with a pause
    (notice,) = kept.failed(error, [f.MessageReceived("bob", "bob", "hi")])
    assert notice.level == "error" and "damaged" in notice.text
    assert "works again" not in notice.text and "(database disk image is malformed)" in notice.text


# -- a COMMIT that raises after the transaction reached the disk ------------------------------


def irc_lines(n: int, prefix: str = "line") -> tuple[f.Received, ...]:
    """IRC lines: no ids, so nothing but the save itself can tell a second copy apart; three
    of them say the same thing (people do repeat themselves)."""
    same = tuple(f.Received("ann", "same words") for _ in range(3))
    return same + tuple(f.Received("ann", f"{prefix} {i}") for i in range(n))


def test_a_commit_that_raises_after_writing_does_not_store_an_irc_batch_twice(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """SQLITE_IOERR on the fsync after the WAL frame was written: COMMIT raises, yet the
    transaction is there. Before, the batch came back as unsaved and its retry stored every
    line a second time."""
    d = dispatcher(tmp_path / "a.db")
    d.apply([f.MessageReceived("#r", "ann", "before", GROUP)])
    fault = FailAfterCommit(d.store)
    write = StateWrite("backend.position", "after the lines")
    facts: list[f.Fact | StateWrite] = [
        f.MessagesReceived("#r", GROUP, "#r", irc_lines(200)),
        write,
    ]
    with caplog.at_level(logging.WARNING, logger="test.save_retry"):
        saved = d.save(facts)
        for _ in range(3):  # what the session would do with anything said to be unsaved
            if not saved.unsaved:
                break
            saved = d.save(saved.unsaved)
    assert fault.raised == 1
    expected = ["before"] + [r.body for r in irc_lines(200)]
    assert in_seq_order(d) == expected
    assert saved.error is None and saved.unsaved == []
    assert write.committed and d.store.get_state("backend.position") == "after the lines"
    assert "committed all the same" in caplog.text
    d.store.close()


def test_a_commit_that_raises_while_the_disk_cannot_be_read_is_checked_before_the_retry(
    tmp_path: Path,
) -> None:
    """COMMIT raised after writing, and reading whether it went through fails too: the batch is
    kept, and before it is tried again the store is asked; it is not saved a second time, and
    its messages still reach the window, once."""
    d = dispatcher(tmp_path / "a.db")
    conn = d.store._conn

    def unreadable() -> None:
        d.store._conn = _Unreadable(conn)  # type: ignore[assignment]

    FailAfterCommit(d.store, before_raising=unreadable)
    write = StateWrite("backend.position", "p1")
    first: list[f.Fact | StateWrite] = [f.MessagesReceived("#r", GROUP, "#r", irc_lines(50)), write]
    saved = d.save(first)
    assert saved.error is not None and transient(saved.error)
    assert saved.unsaved == first and not write.committed
    d.store._conn = conn  # the disk can be read again
    later = f.MessageReceived("#r", "bob", "later", GROUP)
    saved = d.save([*saved.unsaved, later])
    assert saved.error is None and saved.unsaved == []
    lines = [r.body for r in irc_lines(50)]
    assert in_seq_order(d) == [*lines, "later"]
    assert added(saved.events) == [*lines, "later"]
    assert write.committed and d.store.get_state("backend.position") == "p1"
    d.store.close()


def test_a_commit_that_really_failed_is_tried_again(tmp_path: Path) -> None:
    """The check must not take a rolled-back transaction for saved: the disk is full at the
    COMMIT (the marker of the last good batch is on disk, not this one's)."""
    d = dispatcher(tmp_path / "a.db")
    d.apply([f.MessageReceived("#r", "ann", "before", GROUP)])
    fill_disk(d.store._conn)
    facts: list[f.Fact | StateWrite] = [f.MessagesReceived("#r", GROUP, "#r", irc_lines(300))]
    saved = d.save(facts)
    assert saved.error is not None and saved.unsaved == facts
    free_disk(d.store._conn)
    assert d.save(saved.unsaved).error is None
    assert in_seq_order(d) == ["before"] + [r.body for r in irc_lines(300)]
    d.store.close()


def test_the_failure_notice_offers_try_again_now_and_comes_again_when_that_fails() -> None:
    kept = KeptFacts("a", LOG, Backoff())
    error = sqlite3.OperationalError("database or disk is full")
    queued = [f.MessageReceived("bob", "bob", "hi")]
    (first,) = kept.failed(error, queued)
    assert first.action == ev.NOTICE_RETRY_SAVING and first.account_id == "a"
    assert kept.failed(error, queued) == []  # the pauses' own tries say nothing more
    kept.asked = True  # the person pressed "Try again now" (AccountSession.retry_saving_now)
    (again,) = kept.failed(error, queued)
    assert again.text == first.text and again.action == ev.NOTICE_RETRY_SAVING
    assert kept.failed(error, queued) == []
