"""Versioned schema of an account's store (sqlite-utils migrations, applied in order, once).

Add a new function for every change; never edit one that has shipped. Migrations run inside a
transaction each, so a crash half-way leaves the previous version intact.

Opening a store whose migrations have all been applied (every start but the first after an
update) reads the migration table with plain ``sqlite3``: sqlite-utils, with click, pluggy and
dateutil, is a tenth of a second of CPU on the app's way to connecting, and is imported only
when a migration is pending (:func:`apply`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "chinwag-account"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' own

FTS_TOKENIZER = "unicode61 remove_diacritics 2"

_STEPS: list[tuple[str, Callable[[Database], None]]] = []


def _migration(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    def register(step: Callable[[Database], None]) -> Callable[[Database], None]:
        _STEPS.append((name, step))
        return step

    return register


def migrations() -> Migrations:
    """The migration set as sqlite-utils runs it (imports sqlite-utils)."""
    from sqlite_utils.migrations import Migrations  # noqa: PLC0415  (see the docstring)

    found = Migrations(MIGRATION_SET)
    for name, step in _STEPS:
        found(name=name)(step)
    return found


def up_to_date(conn: sqlite3.Connection) -> bool:
    """Whether the store has every migration applied (one read, no sqlite-utils)."""
    try:
        rows = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,)
        ).fetchall()
    except sqlite3.OperationalError:  # a new store: no migration table yet
        return False
    return {name for (name,) in rows} >= {name for name, _ in _STEPS}


def apply(conn: sqlite3.Connection) -> None:
    """Apply the pending migrations, if there are any."""
    if up_to_date(conn):
        return
    from sqlite_utils import Database  # noqa: PLC0415  (see the module's docstring)

    migrations().apply(Database(conn, execute_plugins=False))


@_migration("0001_initial")
def _initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            native_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            topic TEXT NOT NULL DEFAULT '',
            unread INTEGER NOT NULL DEFAULT 0,
            mentions INTEGER NOT NULL DEFAULT 0,
            last_activity INTEGER,
            encrypted INTEGER NOT NULL DEFAULT 0,
            notify TEXT NOT NULL DEFAULT 'all',
            joined INTEGER NOT NULL DEFAULT 1,
            read_ts INTEGER NOT NULL DEFAULT 0,
            read_seq INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    # seq is the rowid: a stable, cheap cursor and the FTS content rowid.
    db.execute(
        """
        CREATE TABLE messages (
            seq INTEGER PRIMARY KEY,
            conversation INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            local_id TEXT NOT NULL UNIQUE,
            remote_id TEXT,
            sender TEXT NOT NULL,
            sender_name TEXT NOT NULL DEFAULT '',
            ts INTEGER NOT NULL,
            body TEXT NOT NULL,
            html TEXT,
            kind TEXT NOT NULL DEFAULT 'text',
            outgoing INTEGER NOT NULL DEFAULT 0,
            delivery TEXT NOT NULL DEFAULT 'sent',
            failure TEXT NOT NULL DEFAULT '',
            reply_to TEXT,
            edited INTEGER NOT NULL DEFAULT 0,
            retracted INTEGER NOT NULL DEFAULT 0,
            mentions_me INTEGER NOT NULL DEFAULT 0,
            attachments TEXT,
            reactions TEXT
        )
        """
    )
    # Replays (history fetched twice, a resumed stream, a restart) must never duplicate.
    db.execute(
        "CREATE UNIQUE INDEX messages_remote_id ON messages(conversation, remote_id) "
        "WHERE remote_id IS NOT NULL"
    )
    db.execute("CREATE INDEX messages_by_time ON messages(conversation, ts, seq)")
    # Hand-written rather than sqlite-utils' enable_fts: that one runs executescript (which commits
    # in the middle of this migration) and re-indexes the body on *every* update, while delivery
    # state changes are the most frequent update of all.
    db.execute(
        "CREATE VIRTUAL TABLE messages_fts USING fts5("
        f"body, content='messages', content_rowid='seq', tokenize='{FTS_TOKENIZER}')"
    )
    db.execute(
        """
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
            INSERT INTO messages_fts(rowid, body) VALUES (new.seq, new.body);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.seq, old.body);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
            INSERT INTO messages_fts(messages_fts, rowid, body) VALUES ('delete', old.seq, old.body);
            INSERT INTO messages_fts(rowid, body) VALUES (new.seq, new.body);
        END
        """
    )
    db.execute(
        """
        CREATE TABLE outbox (
            local_id TEXT PRIMARY KEY,
            conversation TEXT NOT NULL,
            payload TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued',
            attempts INTEGER NOT NULL DEFAULT 0,
            created INTEGER NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE contacts (
            native_id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL DEFAULT '',
            groups TEXT NOT NULL DEFAULT '[]',
            subscription TEXT NOT NULL DEFAULT '',
            blocked INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE members (
            conversation INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            native_id TEXT NOT NULL,
            display_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT 'member',
            affiliation TEXT NOT NULL DEFAULT '',
            contact TEXT,
            PRIMARY KEY (conversation, native_id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")


@_migration("0002_ref_id")
def _ref_id(db: Database) -> None:
    """A second id per message, for services whose peers refer to messages by another id."""
    db.execute("ALTER TABLE messages ADD COLUMN ref_id TEXT")
    db.execute(
        "CREATE INDEX messages_ref_id ON messages(conversation, ref_id) WHERE ref_id IS NOT NULL"
    )


@_migration("0003_trust")
def _trust(db: Database) -> None:
    """End-to-end encryption: how far each message and conversation can be trusted."""
    db.execute("ALTER TABLE messages ADD COLUMN trust TEXT NOT NULL DEFAULT 'none'")
    db.execute("ALTER TABLE conversations ADD COLUMN trust TEXT NOT NULL DEFAULT 'none'")


@_migration("0004_threads")
def _threads(db: Database) -> None:
    """Threads: a reply's thread (the root's remote id; NULL in the main timeline), and on a
    root the summary of its replies (JSON, see :mod:`app.store.threads`)."""
    db.execute("ALTER TABLE messages ADD COLUMN thread_root TEXT")
    db.execute("ALTER TABLE messages ADD COLUMN thread TEXT")
    db.execute(
        "CREATE INDEX messages_thread ON messages(conversation, thread_root, ts, seq)"
        " WHERE thread_root IS NOT NULL"
    )


@_migration("0005_spaces")
def _spaces(db: Database) -> None:
    """Spaces (groups of rooms): each one's name and its children's native ids (JSON)."""
    db.execute(
        """
        CREATE TABLE spaces (
            native_id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            topic TEXT NOT NULL DEFAULT '',
            children TEXT NOT NULL DEFAULT '[]'
        ) WITHOUT ROWID
        """
    )


@_migration("0006_fts_insert_by_store")
def _fts_insert_by_store(db: Database) -> None:
    """New rows reach the full-text index from ``AccountStore.append``, not from a trigger.

    SQLite runs an FTS5 insert from a trigger about five times slower than the same insert as a
    statement of its own (measured: 20,000 rows, 1.55 CPU-s with the trigger, 0.56 s without),
    and a flood is nothing but inserts. The delete and update triggers stay: they are rare.
    """
    db.execute("DROP TRIGGER IF EXISTS messages_fts_insert")


@_migration("0007_spell_language")
def _spell_language(db: Database) -> None:
    """The composer's spell-check language per conversation: '' follows the default, 'off'
    checks nothing, else a dictionary tag such as 'de_DE' (Gajim keeps it per contact too)."""
    db.execute("ALTER TABLE conversations ADD COLUMN spell_language TEXT NOT NULL DEFAULT ''")


@_migration("0008_body_text")
def _body_text(db: Database) -> None:
    """How a system message's body was made (JSON of template, disambiguation, n and arguments,
    see :class:`app.i18n.Text`), so the window can show it in the person's language; NULL for
    what people wrote, which is never translated."""
    db.execute("ALTER TABLE messages ADD COLUMN body_text TEXT")


@_migration("0009_search_terms")
def _search_terms(db: Database) -> None:
    """The whole terms of the full-text index, to search a typed prefix as the words it begins
    (see :mod:`app.store.terms`). A store with no messages is complete at once; one with history
    is filled in the background, from the index itself, after start."""
    db.execute("CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID")
    if db.execute("SELECT 1 FROM messages LIMIT 1").fetchone() is None:
        db.execute("INSERT INTO search_terms (term) VALUES ('')")  # complete (app.store.terms)


@_migration("0010_polls")
def _polls(db: Database) -> None:
    """A poll's record on its message: question, answers, the votes and its end, as JSON (see
    :mod:`app.polls`); NULL on every other message."""
    db.execute("ALTER TABLE messages ADD COLUMN poll TEXT")


@_migration("0011_drafts")
def _drafts(db: Database) -> None:
    """What was written in a conversation's composer and not sent (see :class:`app.models.Draft`),
    as JSON of text, mode and target (:mod:`app.store.drafts`); NULL when there is none."""
    db.execute("ALTER TABLE conversations ADD COLUMN draft TEXT")


@_migration("0012_poll_votes")
def _poll_votes(db: Database) -> None:
    """Which poll holds a vote, by the vote's id: a redaction names only the vote, and then
    the voter's earlier vote counts again (see :mod:`app.polls`). A table of its own, filled as
    votes arrive: no scan of the messages now, one key read per redaction later. A row left by a
    vote the record has since dropped, or a message since pruned, finds nothing (it is read
    through the record)."""
    db.execute(
        "CREATE TABLE poll_votes (conversation INTEGER NOT NULL REFERENCES conversations(id)"
        " ON DELETE CASCADE, vote_id TEXT NOT NULL, seq INTEGER NOT NULL,"
        " PRIMARY KEY (conversation, vote_id)) WITHOUT ROWID"
    )


@_migration("0013_moderation")
def _moderation(db: Database) -> None:
    """Who removed a message as a room moderator (NULL: nobody did; ``''``: the room did not
    say) and why, in columns of their own. Until now the note was kept in ``failure`` behind a
    ``\\x1e`` mark (moderator, ``\\x1f``, reason); those rows move over and ``failure`` goes back
    to meaning only why a send failed. One pass over the table, once."""
    db.execute("ALTER TABLE messages ADD COLUMN moderator TEXT")
    db.execute("ALTER TABLE messages ADD COLUMN moderation_reason TEXT NOT NULL DEFAULT ''")
    db.execute(
        """
        UPDATE messages SET
            moderator = CASE WHEN instr(failure, char(31)) > 0
                THEN substr(failure, 2, instr(failure, char(31)) - 2)
                ELSE substr(failure, 2) END,
            moderation_reason = CASE WHEN instr(failure, char(31)) > 0
                THEN substr(failure, instr(failure, char(31)) + 1)
                ELSE '' END,
            failure = ''
        WHERE substr(failure, 1, 1) = char(30)
        """
    )


@_migration("0014_occupant_id")
def _occupant_id(db: Database) -> None:
    """Who wrote a room message, as the room vouches for it across nick changes (XMPP XEP-0421
    occupant ids); NULL where the room gives none and on every other message."""
    db.execute("ALTER TABLE messages ADD COLUMN occupant_id TEXT")
