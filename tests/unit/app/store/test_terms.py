"""The store's search terms (app.store.terms): exactly FTS5's terms, and the same results."""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import ConversationId, ConversationKind, Message, MessageId
from app.store.account_store import AccountStore
from app.store.fts import fts_query
from app.store.schema import migrations
from app.store.terms import (
    COMPLETE,
    TermsBuild,
    create_tokenizer_tables,
    is_complete,
    prefix_end,
    tokens_of,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)

# Words that fold, lose diacritics, change length when folded, or are not Latin at all.
LEXICON = [
    "coffee",
    "Coffees",
    "COFFEEHOUSE",
    "cof",
    "Café",
    "cafe",
    "CAFÉS",
    "naïve",
    "Straße",
    "STRASSE",
    "ΣΊΣΥΦΟΣ",
    "σίσυφος",
    "Москва",
    "МОСКВА",
    "ёжик",
    "東京タワー",
    "東京",
    "日本語",
    "한국어",
    "العربية",
    "ﬁne",
    "İstanbul",
    "ǅemal",
    "e\u0301te\u0301",
    "Ångström",
    "x²",
    "①②",
    "٣٤٥",
    "🙂smile",
    "ℌello",
    "ﬀ",
    "ÆON",
    "œuvre",
    "Ōsaka",
    "ĳssel",
]
SEPARATORS = [" ", "  ", "-", "'", "’", "_", ".", "\t", "", "·", "/", "\u00a0", "、"]

words = st.one_of(
    st.sampled_from(LEXICON),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
    st.text(st.sampled_from("abcéèñöçßαβγдж日本"), min_size=1, max_size=6),
)
texts = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def message(n: int, body: str, conv: str = "bob") -> Message:
    return Message(
        id=MessageId("acct", f"local-{n}"),
        conversation_id=ConversationId("acct", conv),
        sender="bob",
        sender_name="Bob",
        timestamp=T0 + timedelta(seconds=n),
        body=body,
        remote_id=f"r-{n}",
    )


@contextmanager
def fresh_store() -> Iterator[AccountStore]:
    with tempfile.TemporaryDirectory() as folder:
        store = AccountStore("acct", Path(folder) / "acct.sqlite3")
        store.ensure_conversation("bob", ConversationKind.DIRECT)
        store.ensure_conversation("room", ConversationKind.GROUP)
        try:
            yield store
        finally:
            store.close()


def fill(store: AccountStore, bodies: list[str], batch: int) -> None:
    first = store.next_seq()
    rooms = ["bob", "room"] if store.conversation("room") else ["bob"]
    msgs = [message(first + i, b, rooms[min(i % 3, len(rooms) - 1)]) for i, b in enumerate(bodies)]
    for start in range(0, len(msgs), batch):
        store.append(msgs[start : start + batch])


def fts_terms(conn: sqlite3.Connection) -> set[str]:
    """FTS5's own term list of the store's index (fts5vocab)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_vocab USING fts5vocab(main, messages_fts, row)"
    )
    return {t for (t,) in conn.execute("SELECT term FROM temp.check_vocab")}


def our_terms(conn: sqlite3.Connection) -> set[str]:
    return {t for (t,) in conn.execute("SELECT term FROM search_terms")} - {COMPLETE}


def prefix_results(
    conn: sqlite3.Connection, text: str, limit: int, conv_row: int | None = None
) -> list[int]:
    """What search found before the term table: FTS5's prefix query, newest first."""
    query = fts_query(text)
    if not query:
        return []
    try:
        if conv_row is None:
            rows = conn.execute(
                "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?"
                " ORDER BY rowid DESC LIMIT ?",
                (query, limit),
            ).fetchall()
        else:
            rows = conn.execute(
                "SELECT m.seq FROM messages_fts f JOIN messages m ON m.seq = f.rowid"
                " WHERE messages_fts MATCH ? AND m.conversation = ? ORDER BY m.seq DESC LIMIT ?",
                (query, conv_row, limit),
            ).fetchall()
    except sqlite3.OperationalError:
        return []
    return [r for (r,) in rows]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies=st.lists(texts, max_size=40), batch=st.integers(1, 17))
def test_the_terms_are_exactly_fts5s_over_random_multilingual_text(
    bodies: list[str], batch: int
) -> None:
    with fresh_store() as store:
        fill(store, bodies, batch)
        conn = store._conn
        assert our_terms(conn) == fts_terms(conn)
        assert is_complete(conn)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies=st.lists(texts, min_size=1, max_size=20), edits=st.lists(texts, max_size=5))
def test_an_edit_adds_its_words_and_a_stale_term_is_harmless(
    bodies: list[str], edits: list[str]
) -> None:
    with fresh_store() as store:
        fill(store, bodies, 7)
        for n, body in enumerate(edits):
            seq = 1 + n % len(bodies)
            conv = "room" if (seq - 1) % 3 else "bob"
            assert store.apply_edit(conv, f"r-{seq}", body, None, "bob") is not None
        conn = store._conn
        # Every word of the index is there; words edited away may stay behind.
        assert fts_terms(conn) <= our_terms(conn)


def query_of(store: AccountStore, text: str) -> str:
    """The FTS5 query the store's search runs for ``text``."""
    conn = sqlite3.connect(store.path)
    try:
        return store.searcher.query(conn, text)
    finally:
        conn.close()


queries = st.one_of(
    texts,
    st.tuples(st.sampled_from(LEXICON), st.integers(1, 6), st.sampled_from(["", " ", "x "])).map(
        lambda t: t[2] + t[0][: t[1]]
    ),
    st.tuples(st.sampled_from(LEXICON), st.sampled_from(LEXICON), st.integers(1, 4)).map(
        lambda t: t[0] + " " + t[1][: t[2]]
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bodies=st.lists(texts, min_size=1, max_size=40),
    asked=st.lists(queries, min_size=1, max_size=8),
    limit=st.integers(1, 12),
    most=st.integers(1, 60),
)
def test_expanded_search_finds_what_the_prefix_query_finds_in_the_same_order(
    bodies: list[str], asked: list[str], limit: int, most: int
) -> None:
    with fresh_store() as store:
        fill(store, bodies, 5)
        store.searcher.expand_most = most
        room = store.conversation_row("room")
        for text in asked:
            found = [m.seq for m in store.search(text, limit)]
            assert found == prefix_results(store._conn, text, limit), text
            in_room = [m.seq for m in store.search(text, limit, conversation="room")]
            assert in_room == prefix_results(store._conn, text, limit, room), text


def test_a_prefix_becomes_the_words_it_begins(tmp_path: Path) -> None:
    store = AccountStore("acct", tmp_path / "a.sqlite3")
    store.ensure_conversation("bob", ConversationKind.DIRECT)
    fill(store, ["coffee time", "Coffees!", "a coffeehouse", "café crème", "don't panic"], 2)
    assert query_of(store, "cof") == '("coffee" OR "coffeehouse" OR "coffees")'
    assert query_of(store, "time cof") == '"time" AND ("coffee" OR "coffeehouse" OR "coffees")'
    assert query_of(store, "CAFÉ") == '("cafe")'  # folded as the tokenizer folds
    assert query_of(store, "don't p") == '"don\'t" AND ("panic")'
    # A word of more tokens: a phrase for each word its last token begins.
    assert query_of(store, "don't") == '("don t" OR "don time")'
    assert [m.body for m in store.search("don't")] == ["don't panic"]
    assert query_of(store, "coffee ") == '"coffee"'  # a finished word stays whole
    assert query_of(store, "zzz") == ""  # no word begins so: nothing to search
    assert store.search("zzz") == []
    assert [m.body for m in store.search("cof")] == ["a coffeehouse", "Coffees!", "coffee time"]
    store.searcher.expand_most = 2  # more words than that: the prefix query is cheaper
    assert query_of(store, "cof") == '"cof"*'
    store.close()


def test_an_edited_word_is_found_by_its_prefix(tmp_path: Path) -> None:
    store = AccountStore("acct", tmp_path / "a.sqlite3")
    store.ensure_conversation("bob", ConversationKind.DIRECT)
    fill(store, ["hello there"], 1)
    assert store.search("xylo") == []
    assert store.apply_edit("bob", "r-1", "xylophone solo", None, "bob") is not None
    assert [m.body for m in store.search("xylo")] == ["xylophone solo"]
    store.retract("bob", "r-1")  # its words stay in the table, and match nothing
    assert store.search("xylo") == []
    assert "xylophone" in our_terms(store._conn)
    store.close()


def old_store(path: Path, bodies: list[str]) -> None:
    """A store with history from before schema 0009."""
    store = AccountStore("acct", path)
    store.ensure_conversation("bob", ConversationKind.DIRECT)
    fill(store, bodies, 3)
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE search_terms")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0009_search_terms'")
    conn.close()


def wait_until(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_store_with_history_is_searched_by_prefix_until_its_terms_are_built(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.sqlite3"
    old_store(path, ["coffee time", "more coffees", "tea"])
    store = AccountStore("acct", path)
    assert not store.terms.complete()  # migrated: the table exists, empty, not complete
    assert query_of(store, "cof") == '"cof"*'  # the prefix query meanwhile
    assert [m.body for m in store.search("cof")] == ["more coffees", "coffee time"]
    lock = threading.Lock()
    with lock:  # another store's build runs: this one waits its turn
        store.terms.build_in_background(path, lock, delay=0)
        fill(store, ["coffeepot", "tea"], 1)  # stored meanwhile: terms of their own
        assert not store.terms.complete()
    wait_until(store.terms.complete)
    assert our_terms(store._conn) == fts_terms(store._conn)
    assert query_of(store, "cof") == '("coffee" OR "coffeepot" OR "coffees")'
    assert [m.body for m in store.search("cof")] == ["coffeepot", "more coffees", "coffee time"]
    store.close()


def test_a_build_stops_when_the_store_closes_and_runs_again_next_time(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    old_store(path, ["coffee"])
    store = AccountStore("acct", path)
    store.terms.build_in_background(path, threading.Lock(), delay=60)  # waiting for start
    began = time.monotonic()
    store.close()
    assert time.monotonic() - began < 5
    store = AccountStore("acct", path)
    assert not store.terms.complete()
    build = TermsBuild(path, threading.Lock(), delay=0)
    build.start()
    wait_until(store.terms.complete)
    build.stop()
    store.close()


def test_a_new_store_is_complete_at_once(tmp_path: Path) -> None:
    store = AccountStore("acct", tmp_path / "a.sqlite3")
    assert store.terms.complete()
    store.close()


def test_an_old_store_without_messages_is_complete_after_the_migration(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.sqlite3"
    db = Database(sqlite3.connect(path, isolation_level=None), execute_plugins=False)
    migrations().apply(db, stop_before="0009_search_terms")
    db.conn.close()
    store = AccountStore("acct", path)
    assert store.terms.complete()
    store.close()


@pytest.mark.parametrize(
    ("prefix", "end"),
    [
        ("cof", "cog"),
        ("a", "b"),
        ("z\U0010ffff", "{"),
        ("\U0010ffff", None),
        ("\ud7ff", "\ue000"),
        ("東", "東"[:0] + chr(ord("東") + 1)),
    ],
)
def test_prefix_end_bounds_every_string_with_the_prefix(prefix: str, end: str | None) -> None:
    assert prefix_end(prefix) == end
    if end is not None:
        for tail in ["", "a", "\U0010ffff\U0010ffff", "ÿ"]:
            assert (prefix + tail).encode() < end.encode()


@settings(max_examples=200, deadline=None)
@given(word=st.text(st.sampled_from("abcxyzABCXYZ0189"), min_size=1, max_size=10))
def test_an_ascii_word_is_tokenized_as_sqlite_tokenizes_it(word: str) -> None:
    conn = sqlite3.connect(":memory:")
    create_tokenizer_tables(conn, detail="full")
    # Marked non-ASCII by a separator SQLite drops, so tokens_of asks SQLite itself.
    assert tokens_of(conn, word) == tokens_of(conn, word + " ·") == [word.lower()]
    conn.close()
