"""The per-account SQLite store: files, migrations, de-duplication, paging, search, outbox."""

from __future__ import annotations

import sqlite3
import stat
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.models import (
    ConversationId,
    ConversationKind,
    Cursor,
    DeliveryState,
    Direction,
    Member,
    Message,
    MessageId,
    to_millis,
)
from app.store.account_store import OUTBOX_IN_FLIGHT, AccountStore, StoreError
from app.store.worker import Cancel, Cancelled

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def msg(
    store: AccountStore,
    conv: str,
    n: int,
    *,
    body: str | None = None,
    remote: str | None = None,
    ts: datetime | None = None,
    **kw: object,
) -> Message:
    return Message(
        id=MessageId(store.account_id, f"local-{conv}-{n}"),
        conversation_id=ConversationId(store.account_id, conv),
        sender="bob",
        sender_name="Bob",
        timestamp=ts or T0 + timedelta(seconds=n),
        body=body if body is not None else f"message {n}",
        remote_id=remote if remote is not None else f"r-{conv}-{n}",
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def store(tmp_path: Path) -> AccountStore:
    s = AccountStore("acct", tmp_path / "data" / "acct.sqlite3")
    s.ensure_conversation("bob", ConversationKind.DIRECT)
    yield s
    s.close()


def test_files_are_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "accounts" / "a.sqlite3"
    s = AccountStore("a", path)
    s.ensure_conversation("x", ConversationKind.DIRECT)
    s.append([Message(MessageId("a", "1"), ConversationId("a", "x"), "x", "", T0, "hi")])
    for file in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        assert file.exists(), file
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()


def test_existing_loose_file_permissions_are_tightened(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    path.touch(mode=0o644)
    path.chmod(0o644)
    AccountStore("a", path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_migrations_run_once_and_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    s = AccountStore("a", path)
    s.ensure_conversation("bob", ConversationKind.GROUP, "Bob's room")
    s.close()
    s = AccountStore("a", path)
    applied = s.db.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert applied == [
        ("0001_initial",),
        ("0002_ref_id",),
        ("0003_trust",),
        ("0004_threads",),
        ("0005_spaces",),
        ("0006_fts_insert_by_store",),
        ("0007_spell_language",),
        ("0008_body_text",),
        ("0009_search_terms",),
        ("0010_polls",),
        ("0011_drafts",),
        ("0012_poll_votes",),
        ("0013_moderation",),
        ("0014_occupant_id",),
    ]
    conv = s.conversation("bob")
    assert conv is not None and conv.kind is ConversationKind.GROUP and conv.title == "Bob's room"
    s.close()


def test_opening_does_not_read_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.sqlite3"
    s = AccountStore("a", path)
    s.ensure_conversation("bob", ConversationKind.DIRECT)
    s.append([msg(s, "bob", i) for i in range(100)])
    s.close()
    statements: list[str] = []
    original = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = original(*args, **kwargs)  # type: ignore[call-overload]
        conn.set_trace_callback(statements.append)
        return conn  # type: ignore[no-any-return]

    monkeypatch.setattr(sqlite3, "connect", traced)
    AccountStore("a", path).close()
    assert any("conversations" in s for s in statements)  # the trace did see the open
    touching = [s for s in statements if "from messages" in s.lower() or "messages_fts" in s]
    assert touching == [], touching


def test_corrupt_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        AccountStore("a", path)


def test_append_skips_replays_by_remote_or_local_id(store: AccountStore) -> None:
    first = store.append([msg(store, "bob", 1), msg(store, "bob", 2)])
    assert [m.seq for m in first] == [1, 2]
    again = store.append(
        [
            msg(store, "bob", 1),  # same local + remote id
            msg(store, "bob", 99, remote="r-bob-2"),  # same remote id, other local id
            msg(store, "bob", 3),
        ]
    )
    assert [m.body for m in again] == ["message 3"]
    assert store.message_count("bob") == 3


def test_same_remote_id_in_two_conversations_is_two_messages(store: AccountStore) -> None:
    store.ensure_conversation("room", ConversationKind.GROUP)
    store.append([msg(store, "bob", 1, remote="same")])
    store.append([msg(store, "room", 1, remote="same")])
    assert store.message_count() == 2


def test_messages_without_remote_id_are_all_kept(store: AccountStore) -> None:
    store.append([msg(store, "bob", i, remote="") for i in range(1)])
    m = Message(MessageId("acct", "x1"), ConversationId("acct", "bob"), "bob", "", T0, "a")
    n = Message(MessageId("acct", "x2"), ConversationId("acct", "bob"), "bob", "", T0, "b")
    assert len(store.append([m, n])) == 2


def test_paging_backwards_with_equal_timestamps(store: AccountStore) -> None:
    # 30 messages sharing 3 timestamps: the (ts, seq) cursor must neither skip nor repeat.
    store.append([msg(store, "bob", i, ts=T0 + timedelta(seconds=i // 10)) for i in range(30)])
    seen: list[str] = []
    before: Cursor | None = None
    pages = 0
    while True:
        page = store.page("bob", before, 7)
        pages += 1
        seen[:0] = [m.body for m in page.messages]
        if page.before is None:
            break
        before = page.before
    assert seen == [f"message {i}" for i in range(30)]
    assert pages == 5


def test_history_arriving_late_sorts_by_server_time(store: AccountStore) -> None:
    store.append([msg(store, "bob", 10), msg(store, "bob", 11)])
    store.append([msg(store, "bob", 5)])  # fetched from the archive afterwards
    assert [m.body for m in store.page("bob").messages] == [
        "message 5",
        "message 10",
        "message 11",
    ]


def test_page_of_unknown_conversation_is_empty(store: AccountStore) -> None:
    assert store.page("nobody").messages == ()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bonjour", ["Bonjour à tous"]),
        ("BONJOUR", ["Bonjour à tous"]),
        ("a tous", ["Bonjour à tous"]),  # diacritics folded
        ("caf", ["Un café ?"]),  # prefix of the last word
        ('"; DROP TABLE messages; --', []),
        ("NEAR(", []),
        ("*", []),
        ("", []),
        ("привет", ["привет мир"]),
    ],
)
def test_search_is_safe_and_forgiving(store: AccountStore, query: str, expected: list[str]) -> None:
    bodies = ["Bonjour à tous", "Un café ?", "привет мир", "nothing here"]
    store.append([msg(store, "bob", i, body=b) for i, b in enumerate(bodies)])
    assert [m.body for m in store.search(query)] == expected


def test_search_newest_first_and_within_one_conversation(store: AccountStore) -> None:
    store.ensure_conversation("room", ConversationKind.GROUP)
    store.append([msg(store, "bob", i, body=f"lunch {i}") for i in range(3)])
    store.append([msg(store, "room", 9, body="lunch in the room")])
    assert [m.body for m in store.search("lunch", limit=2)] == ["lunch in the room", "lunch 2"]
    assert [m.body for m in store.search("lunch", conversation="room")] == ["lunch in the room"]


def test_a_finished_last_word_is_matched_whole(store: AccountStore) -> None:
    store.append([msg(store, "bob", i, body=b) for i, b in enumerate(["coffee", "coffees"])])
    assert [m.body for m in store.search("coffee")] == ["coffees", "coffee"]
    assert [m.body for m in store.search("coffee ")] == ["coffee"]


def test_search_reads_on_its_own_connection_from_any_thread(store: AccountStore) -> None:
    store.append([msg(store, "bob", 1, body="lunch at noon")])
    with ThreadPoolExecutor(2) as pool:
        found = list(pool.map(lambda _: store.search("lunch"), range(4)))
    assert [[m.body for m in f] for f in found] == [["lunch at noon"]] * 4
    assert store.searcher._reader is not None and store.searcher._reader is not store._conn
    with store.transaction():  # not committed yet: a search does not see it, nor wait for it
        store.append([msg(store, "bob", 2, body="lunch again")])
        assert [m.body for m in pool_search(store, "lunch")] == ["lunch at noon"]
    assert [m.body for m in store.search("lunch")] == ["lunch again", "lunch at noon"]


def pool_search(store: AccountStore, text: str) -> list[Message]:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(store.search, text).result(timeout=10)


def test_a_cancelled_search_finds_nothing_and_a_running_one_is_interrupted(
    store: AccountStore,
) -> None:
    store.append([msg(store, "bob", i, body=f"lunch {i}") for i in range(50)])
    cancelled = Cancel()
    cancelled.cancel()
    assert store.search("lunch", cancel=cancelled) == []
    assert len(store.search("lunch", cancel=Cancel())) == 50
    # Slow the reader connection down (a progress handler that sleeps), as a huge store would.
    slowed = threading.Event()

    def crawl() -> int:
        slowed.set()
        time.sleep(0.01)
        return 0

    assert store.searcher._reader is not None
    store.searcher._reader.set_progress_handler(crawl, 1)
    cancel = Cancel()
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(store.search, "lunch", 50, None, cancel)
        assert slowed.wait(10)
        began = time.monotonic()
        cancel.cancel()
        assert running.result(timeout=10) == []
    assert time.monotonic() - began < 2
    store.searcher._reader.set_progress_handler(None, 0)
    assert len(store.search("lunch")) == 50  # the connection is fine afterwards


def test_cancel_interrupts_only_what_runs_under_it(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite3", check_same_thread=False)
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c"
    cancel = Cancel()
    cancel.cancel()  # before anything runs: nothing is interrupted later
    assert conn.execute("SELECT 1").fetchone() == (1,)
    with pytest.raises(Cancelled), cancel.running(conn):
        pass
    cancel = Cancel()
    started = threading.Event()

    def run() -> None:
        with cancel.running(conn):
            started.set()
            conn.execute(endless).fetchone()

    with ThreadPoolExecutor(1) as pool:
        done = pool.submit(run)
        assert started.wait(10)
        time.sleep(0.05)
        cancel.cancel()
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            done.result(timeout=10)
    assert conn.execute("SELECT 2").fetchone() == (2,)


def test_search_after_close_finds_nothing(tmp_path: Path) -> None:
    s = AccountStore("a", tmp_path / "a.sqlite3")
    s.ensure_conversation("bob", ConversationKind.DIRECT)
    s.append([msg(s, "bob", 1, body="lunch")])
    assert len(s.search("lunch")) == 1
    s.close()
    assert s.search("lunch") == []


def test_search_follows_edits_and_deletions(store: AccountStore) -> None:
    store.append([msg(store, "bob", 1, body="old words")])
    store.apply_edit("bob", "r-bob-1", "new words", None, "bob")
    assert store.search("old") == []
    assert [m.body for m in store.search("new")] == ["new words"]
    store.retract("bob", "r-bob-1")
    assert store.search("new") == []


def test_delivery_state_only_moves_forward(store: AccountStore) -> None:
    store.append(
        [
            msg(
                store,
                "bob",
                1,
                direction=Direction.OUTGOING,
                delivery=DeliveryState.PENDING,
                remote="",
            )
        ]
    )
    local = "local-bob-1"
    assert store.update_delivery(local, DeliveryState.READ) is not None
    assert store.update_delivery(local, DeliveryState.DELIVERED) is None
    assert store.update_delivery(local, DeliveryState.FAILED) is None  # read messages cannot fail
    current = store.message_by_local_id(local)
    assert current is not None and current.delivery is DeliveryState.READ


def test_read_marker_marks_earlier_outgoing_messages(store: AccountStore) -> None:
    store.append(
        [
            msg(store, "bob", i, direction=Direction.OUTGOING, delivery=DeliveryState.SENT)
            for i in range(5)
        ]
    )
    target = store.message_by_remote_id("bob", "r-bob-2")
    assert target is not None
    changed = store.mark_outgoing_up_to("bob", target, DeliveryState.READ)
    assert sorted(m.body for m in changed) == ["message 0", "message 1", "message 2"]
    states = [m.delivery for m in store.page("bob").messages]
    assert states == [DeliveryState.READ] * 3 + [DeliveryState.SENT] * 2


def test_only_the_sender_can_edit(store: AccountStore) -> None:
    store.append([msg(store, "bob", 1)])
    assert store.apply_edit("bob", "r-bob-1", "forged", None, "mallory") is None
    assert store.apply_edit("bob", "r-bob-1", "fixed", "<b>fixed</b>", "bob") is not None
    m = store.message_by_remote_id("bob", "r-bob-1")
    assert m is not None and (m.body, m.html, m.edited) == ("fixed", "<b>fixed</b>", True)


def test_reactions_add_remove_and_replace(store: AccountStore) -> None:
    store.append([msg(store, "bob", 1)])
    store.change_reaction("bob", "r-bob-1", "ann", add=["👍"])
    store.change_reaction("bob", "r-bob-1", "cid", add=["👍", "❤️"])
    m = store.change_reaction("bob", "r-bob-1", "ann", add=["🎉"], replace_all=True)
    assert m is not None
    assert {r.key: set(r.senders) for r in m.reactions} == {
        "👍": {"cid"},
        "❤️": {"cid"},
        "🎉": {"ann"},
    }
    m = store.change_reaction("bob", "r-bob-1", "cid", remove=["👍"])
    assert m is not None and "👍" not in {r.key for r in m.reactions}
    assert store.change_reaction("bob", "unknown", "x", add=["a"]) is None


def test_outbox_keeps_order_and_state(store: AccountStore) -> None:
    store.outbox_add("b", "bob", {"body": "second"}, 2)
    store.outbox_add("a", "bob", {"body": "first"}, 1)
    store.outbox_mark("a", OUTBOX_IN_FLIGHT)
    entries = store.outbox_entries()
    assert [(e.local_id, e.state, e.attempts) for e in entries] == [
        ("a", "in_flight", 1),
        ("b", "queued", 0),
    ]
    assert store.outbox_remove("a") and not store.outbox_remove("a")


def test_delete_older_than_days(store: AccountStore) -> None:
    store.append([msg(store, "bob", i, ts=T0 + timedelta(days=i)) for i in range(10)])
    cutoff = to_millis(T0 + timedelta(days=7))
    assert store.delete_older_than(cutoff) == 7
    assert [m.body for m in store.page("bob").messages] == ["message 7", "message 8", "message 9"]
    assert store.search("message") and len(store.search("message")) == 3


def test_unread_counts_and_read_marker_persist(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    s = AccountStore("a", path)
    s.ensure_conversation("bob", ConversationKind.DIRECT)
    s.update_conversation("bob", unread_count=4, mention_count=1)
    s.append([msg(s, "bob", 1)])
    s.close()
    s = AccountStore("a", path)
    conv = s.conversation("bob")
    assert conv is not None and (conv.unread_count, conv.mention_count) == (4, 1)
    s.mark_read("bob")
    marker = s.read_marker("bob")
    assert marker is not None and marker.seq == 1
    s.close()


def test_remove_conversation_deletes_its_messages(store: AccountStore) -> None:
    store.append([msg(store, "bob", i) for i in range(3)])
    store.remove_conversation("bob")
    assert store.conversation("bob") is None
    assert store.message_count() == 0
    assert store.search("message") == []


def test_state_key_values(store: AccountStore) -> None:
    assert store.get_state("since") is None
    store.set_state("since", "s123")
    assert store.get_state("since") == "s123"
    store.set_state("since", None)
    assert store.get_state("since") is None


def test_messages_are_found_by_their_second_id_or_our_local_id(store: AccountStore) -> None:
    store.append(
        [
            msg(store, "bob", 1, remote="stanza-1", ref_id="sender-1"),
            msg(store, "bob", 2, remote="stanza-2", direction=Direction.OUTGOING),
        ]
    )
    found = store.message_by_remote_id("bob", "sender-1")
    assert found is not None and found.body == "message 1" and found.ref_id == "sender-1"
    assert store.apply_edit("bob", "sender-1", "fixed", None, "bob") is not None
    ours = store.message_by_remote_id("bob", "local-bob-2")  # peers name ours by our id
    assert ours is not None and ours.body == "message 2"
    assert store.message_by_remote_id("bob", "nothing") is None


def test_a_store_of_the_first_schema_is_upgraded(tmp_path: Path) -> None:
    import sqlite3 as sql

    from sqlite_utils import Database

    from app.store.schema import migrations

    path = tmp_path / "old.sqlite3"
    db = Database(sql.connect(path, isolation_level=None), execute_plugins=False)
    migrations().apply(db, stop_before="0002_ref_id")
    db.execute("INSERT INTO conversations (native_id, kind) VALUES ('bob', 'direct')")
    db.execute(
        "INSERT INTO messages (conversation, local_id, remote_id, sender, ts, body)"
        " VALUES (1, 'l1', 'r1', 'bob', 0, 'from before the upgrade')"
    )
    db.conn.close()
    store = AccountStore("a", path)
    old = store.page("bob").messages[0]
    assert (old.body, old.ref_id) == ("from before the upgrade", None)
    applied = [r[0] for r in store.db.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == [
        "0001_initial",
        "0002_ref_id",
        "0003_trust",
        "0004_threads",
        "0005_spaces",
        "0006_fts_insert_by_store",
        "0007_spell_language",
        "0008_body_text",
        "0009_search_terms",
        "0010_polls",
        "0011_drafts",
        "0012_poll_votes",
        "0013_moderation",
        "0014_occupant_id",
    ]
    # the full-text index holds the old row once and new rows once (the store, not a trigger)
    store.append([msg(store, "bob", 2, body="after the upgrade")])
    assert [m.body for m in store.search("upgrade")] == [
        "after the upgrade",
        "from before the upgrade",
    ]
    assert store.db.execute("SELECT count(*) FROM messages_fts").fetchone() == (2,)
    store.db.execute("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")
    store.close()


def test_search_finds_each_appended_message_once_and_not_replays(store: AccountStore) -> None:
    store.ensure_conversation("room", ConversationKind.GROUP)
    first = [msg(store, "room", n, body=f"flood line {n}") for n in range(3)]
    assert len(store.append(first)) == 3
    assert store.append(first) == []  # replays: skipped, and not indexed again
    assert len(store.search("flood")) == 3
    assert store.db.execute("SELECT count(*) FROM messages_fts").fetchone() == (3,)
    store.db.execute("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")


def test_unread_activity_is_mentions_and_direct_messages_after_the_read_marker(
    store: AccountStore,
) -> None:
    store.ensure_conversation("#room", ConversationKind.GROUP)
    store.ensure_conversation("#left", ConversationKind.GROUP)
    store.append(
        [
            msg(store, "bob", 1),
            msg(store, "#room", 2),  # a group message that does not mention us
            msg(store, "#room", 3, mentions_me=True),
            msg(store, "bob", 4, direction=Direction.OUTGOING),  # ours
            msg(store, "#left", 5, mentions_me=True),
        ]
    )
    store.update_conversation("#left", joined=False)  # a room we left: not our activity
    found = store.unread_activity()
    assert [m.body for m in found] == ["message 3", "message 1"]  # newest first
    store.mark_read("bob")
    assert [m.body for m in store.unread_activity()] == ["message 3"]
    store.append([msg(store, "bob", 6)])
    assert [m.body for m in store.unread_activity()] == ["message 6", "message 3"]
    assert [m.body for m in store.unread_activity(limit=1)] == ["message 6"]
    store.mark_read("#room")
    store.mark_read("bob")
    assert store.unread_activity() == []


def test_spell_language_is_kept_with_the_conversation(tmp_path: Path) -> None:
    """The composer's language per conversation survives a restart; new ones follow the default."""
    path = tmp_path / "a.sqlite3"
    s = AccountStore("a", path)
    s.ensure_conversation("bob", ConversationKind.DIRECT)
    s.ensure_conversation("carol", ConversationKind.DIRECT)
    with s.transaction():
        assert s.update_conversation("bob", spell_language="de_DE").spell_language == "de_DE"
    s.close()
    s = AccountStore("a", path)
    bob, carol = s.conversation("bob"), s.conversation("carol")
    assert bob is not None and bob.spell_language == "de_DE"
    assert carol is not None and carol.spell_language == ""
    s.close()


def test_a_transaction_commits_rolls_back_and_nests_as_savepoints(store: AccountStore) -> None:
    def keys() -> list[str]:
        return [k for (k,) in store.db.execute("SELECT key FROM state ORDER BY key")]

    with store.transaction():
        store.db.execute("INSERT INTO state VALUES ('a', '1')")
        with pytest.raises(RuntimeError), store.transaction():
            store.db.execute("INSERT INTO state VALUES ('b', '2')")
            raise RuntimeError("the inner part fails")
        with store.transaction():
            store.db.execute("INSERT INTO state VALUES ('c', '3')")
    assert keys() == ["a", "c"]
    with pytest.raises(RuntimeError), store.transaction():
        store.db.execute("INSERT INTO state VALUES ('d', '4')")
        raise RuntimeError("the whole fails")
    assert keys() == ["a", "c"]
    assert not store.db.conn.in_transaction


def test_the_member_count_follows_every_change_without_a_scan(store: AccountStore) -> None:
    """Counted once, then moved by each change (a join, a rename, a part, a whole list, the
    room deleted and made again): always the number of stored members."""
    store.ensure_conversation("#r", ConversationKind.GROUP)
    room = ConversationId(store.account_id, "#r")
    people = store.people

    def check() -> None:
        assert people.member_count("#r") == len(store.members("#r"))

    check()
    store.change_members("#r", [Member(room, "ann"), Member(room, "bob"), Member(room, "ann")])
    check()
    store.change_members("#r", [Member(room, "bob", "Bob")], ["cid", "ann", "ann"])
    check()
    store.change_members("#r", [Member(room, "dee"), Member(room, "eve")], ["bob"], complete=True)
    check()
    assert people.member_count("#r") == 2
    store.remove_conversation("#r")
    store.ensure_conversation("#r", ConversationKind.GROUP)  # may be given the same row again
    check()
    assert people.member_count("#r") == 0
    store.change_members("#r", [Member(room, "fay")])
    check()
