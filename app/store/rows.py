"""Rows of the account store ↔ models: the column lists and the conversions both ways.

Kept apart from :class:`~app.store.account_store.AccountStore` so the store holds the queries
and this module the (pure) mapping of one row, which benchmarks also use to build rows in bulk.
"""

from __future__ import annotations

import enum
import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from app.i18n import Text
from app.models import (
    AccountId,
    Attachment,
    Conversation,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Direction,
    Message,
    MessageId,
    MessageKind,
    Moderation,
    NotifyLevel,
    Reaction,
    Trust,
    from_millis,
    to_millis,
)
from app.polls import poll_of
from app.priority import give_way
from app.store.drafts import draft_of, dump_draft
from app.store.terms import SearchTerms
from app.store.threads import summary_of

MSG_COLUMNS = (
    "seq, conversation, local_id, remote_id, sender, sender_name, ts, body, html, kind, outgoing,"
    " delivery, failure, reply_to, edited, retracted, mentions_me, attachments, reactions, ref_id,"
    " trust, thread_root, thread, body_text, poll, moderator, moderation_reason,"
    " occupant_id"
)
MSG_COLUMNS_M = ", ".join("m." + c.strip() for c in MSG_COLUMNS.split(","))
CONV_COLUMNS = (
    "id, native_id, kind, title, topic, unread, mentions, last_activity, encrypted, notify, joined,"
    " trust, spell_language, draft"
)
UPDATE_CONVERSATION = (
    "UPDATE conversations SET kind=?, title=?, topic=?, unread=?, mentions=?, last_activity=?,"
    " encrypted=?, notify=?, joined=?, trust=?, spell_language=?, draft=? WHERE id=?"
)
"""Every field of a conversation's row (:func:`conversation_params`), by its row id."""
_INSERTED = (
    "conversation, local_id, remote_id, sender, sender_name, ts, body, html, kind, outgoing,"
    " delivery, failure, reply_to, edited, retracted, mentions_me, attachments, reactions, ref_id,"
    " trust, thread_root, body_text, moderator, moderation_reason,"
    " occupant_id"
)
_NULLABLE = frozenset(
    {
        "remote_id",
        "html",
        "reply_to",
        "attachments",
        "reactions",
        "ref_id",
        "thread_root",
        "body_text",
        "moderator",
        "occupant_id",
    }
)
"""Columns (all of them text) that :func:`message_row` gives as 0 for NULL, which the statement
turns back with ``NULLIF(?, 0)``: the sqlite3 module binds None through its adapter lookup
(about a microsecond a value, eight per stored message, more than the rest of the row), an int
directly, and no text equals the integer 0."""
_VALUES = ",".join(
    "NULLIF(?, 0)" if column.strip() in _NULLABLE else "?" for column in _INSERTED.split(",")
)
INSERT_MESSAGE = f"INSERT OR IGNORE INTO messages ({_INSERTED}) VALUES ({_VALUES})"
"""A message's row (see :func:`message_params`); a replay of a stored one is skipped."""
INSERT_MESSAGE_AT = f"INSERT OR IGNORE INTO messages (seq, {_INSERTED}) VALUES (?,{_VALUES})"
""":data:`INSERT_MESSAGE` with the ``seq`` given first (see :func:`message_row`)."""
INDEX_STORED_FROM = (
    "INSERT INTO messages_fts(rowid, body) SELECT seq, body FROM messages WHERE seq >= ?"
)
"""Index the body of each message from a ``seq`` on (what :meth:`AccountStore.append` just
stored)."""


def conversation_from_row(account_id: AccountId, r: Sequence[Any]) -> Conversation:
    """A conversation from a row of :data:`CONV_COLUMNS`."""
    return Conversation(
        ConversationId(account_id, r[1]),
        parse_enum(ConversationKind, r[2], ConversationKind.DIRECT),
        title=r[3],
        topic=r[4],
        unread_count=r[5],
        mention_count=r[6],
        last_activity=None if r[7] is None else from_millis(r[7]),
        encrypted=bool(r[8]),
        notify=parse_enum(NotifyLevel, r[9], NotifyLevel.ALL),
        joined=bool(r[10]),
        trust=parse_enum(Trust, r[11], Trust.NONE),
        spell_language=r[12] or "",
        draft=draft_of(r[13]),
    )


def conversation_params(conv: Conversation, row: int) -> tuple[Any, ...]:
    """The parameters of :data:`UPDATE_CONVERSATION` for ``conv`` stored in ``row``."""
    return (
        conv.kind.value,
        conv.title,
        conv.topic,
        conv.unread_count,
        conv.mention_count,
        None if conv.last_activity is None else to_millis(conv.last_activity),
        int(conv.encrypted),
        conv.notify.value,
        int(conv.joined),
        conv.trust.value,
        conv.spell_language,
        dump_draft(conv.draft),
        row,
    )


def message_from_row(
    account_id: AccountId, conversation_id: ConversationId, r: Sequence[Any]
) -> Message:
    """A message from a row of :data:`MSG_COLUMNS` (its conversation already resolved)."""
    return Message(
        id=MessageId(account_id, r[2]),
        conversation_id=conversation_id,
        remote_id=r[3],
        sender=r[4],
        sender_name=r[5],
        timestamp=from_millis(r[6]),
        body=load_body(r[7], r[23]),
        html=r[8],
        kind=parse_enum(MessageKind, r[9], MessageKind.TEXT),
        direction=Direction.OUTGOING if r[10] else Direction.INCOMING,
        delivery=parse_enum(DeliveryState, r[11], DeliveryState.SENT),
        failure_reason=r[12],
        reply_to=r[13],
        edited=bool(r[14]),
        retracted=bool(r[15]),
        mentions_me=bool(r[16]),
        attachments=_load_attachments(r[17]),
        reactions=_load_reactions(r[18]),
        ref_id=r[19],
        trust=parse_enum(Trust, r[20], Trust.NONE),
        seq=r[0],
        thread_root=r[21],
        thread=summary_of(r[22]),
        poll=None if r[24] is None else poll_of(r[24]),
        moderation=None if r[25] is None else Moderation(r[25], r[26]),
        occupant_id=r[27],
    )


_OUTGOING = Direction.OUTGOING  # read once (an enum member costs 0.3 µs to look up in 3.11)


def message_params(conv_row: int, m: Message) -> tuple[Any, ...]:
    """The parameters of :data:`INSERT_MESSAGE` for ``m`` in conversation row ``conv_row``."""
    return message_row(0, conv_row, m)[1:]


def message_row(seq: int, conv_row: int, m: Message) -> tuple[Any, ...]:
    """The parameters of :data:`INSERT_MESSAGE_AT`: ``m`` stored as ``seq`` in conversation row
    ``conv_row``."""
    ts = m.timestamp
    if ts.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    remote_id, html, reply_to, ref_id, thread_root, moderation, occupant_id = (
        m.remote_id,
        m.html,
        m.reply_to,
        m.ref_id,
        m.thread_root,
        m.moderation,
        m.occupant_id,
    )
    return (
        seq,
        conv_row,
        m.id.native_id,
        0 if remote_id is None else remote_id,  # 0: NULL (see _NULLABLE)
        m.sender,
        m.sender_name,
        int(ts.timestamp() * 1000),  # to_millis, inline: once per stored message
        m.body,
        0 if html is None else html,
        m.kind._value_,  # what .value reads, without the descriptor: once per message
        int(m.direction is _OUTGOING),
        m.delivery._value_,
        m.failure_reason,
        0 if reply_to is None else reply_to,
        int(m.edited),
        int(m.retracted),
        int(m.mentions_me),
        dump_attachments(m.attachments) if m.attachments else 0,
        dump_reactions(m.reactions) if m.reactions else 0,
        0 if ref_id is None else ref_id,
        m.trust._value_,
        0 if thread_root is None else thread_root,
        0 if type(m.body) is str else dump_body_text(m.body) or 0,
        0 if moderation is None else moderation.by,
        "" if moderation is None else moderation.reason,
        0 if occupant_id is None else occupant_id,
    )


INSERT_SLICE = 256
"""Rows inserted per statement: the store thread gives way to the GUI thread between two
(app.priority), a few milliseconds apart."""


def insert_messages(
    conn: sqlite3.Connection,
    conv_rows: Mapping[str, int],
    messages: Sequence[Message],
    first: int,
    terms: SearchTerms,
) -> list[Message]:
    """Store ``messages`` as ``first``, ``first + 1`` … (``first``: past the newest stored);
    replays (same remote or local id) are skipped, leaving a gap. Returns those stored, with
    their ``seq`` (a message that carries it already comes back as it is), their words in the
    full-text index and in ``terms``. Inside a transaction; see :meth:`AccountStore.append`."""
    added = 0
    for start in range(0, len(messages), INSERT_SLICE):
        if start:
            give_way()  # a flood: the window draws first (app.priority)
        params = [
            message_row(seq, conv_rows[m.conversation_id.native_id], m)
            for seq, m in enumerate(messages[start : start + INSERT_SLICE], first + start)
        ]
        added += conn.executemany(INSERT_MESSAGE_AT, params).rowcount
    stored: set[int] | None = None  # None: every one of them
    if added != len(messages):
        stored = {
            seq
            for (seq,) in conn.execute(
                "SELECT seq FROM messages WHERE seq >= ? AND seq < ?",
                (first, first + len(messages)),
            )
        }
    inserted = [
        msg if msg.seq == seq else msg.with_seq(seq)
        for seq, msg in enumerate(messages, first)
        if stored is None or seq in stored
    ]
    conn.execute(INDEX_STORED_FROM, (first,))  # only those just stored are past first
    terms.add_from(first)
    return inserted


def retract_row(conn: sqlite3.Connection, msg: Message, moderation: Moderation | None) -> Message:
    """Clear a stored message's content (removed by its sender, or by a room moderator who is
    kept with their reason); returns it as it now is. See :meth:`AccountStore.retract`."""
    by, reason = (None, "") if moderation is None else (moderation.by, moderation.reason)
    conn.execute(
        "UPDATE messages SET body='', html=NULL, body_text=NULL, attachments=NULL, poll=NULL"
        ", retracted=1, moderator=?, moderation_reason=? WHERE seq=?",
        (by, reason, msg.seq),
    )
    # No text, no files, no poll (its question, answers and votes go with it).
    gone = replace(msg, body="", html=None, attachments=(), poll=None, retracted=True)
    return replace(gone, moderation=moderation)


def dump_body_text(body: str) -> str | None:
    """How ``body`` was made when it is a translatable :class:`Text` (a system message the core
    or a backend wrote), else None: what people write is kept as they wrote it."""
    if not isinstance(body, Text):
        return None
    return json.dumps(_text_dict(body), ensure_ascii=False)


def _text_dict(t: Text) -> dict[str, Any]:
    return {
        "t": t.template,
        "d": t.disambiguation,
        "n": t.n,
        "a": [_text_dict(a) if isinstance(a, Text) else a for a in t.args],
    }


def load_body(body: str, raw: str | None) -> str:
    """``body`` as stored, rebuilt as the :class:`Text` it was made from when the row says how
    (and that still gives the same English, else the plain body wins: it is what was shown)."""
    if not raw:
        return body
    try:
        made = _text_from(json.loads(raw))
    except (ValueError, TypeError, KeyError):
        return body
    return made if made == body else body


def _text_from(d: dict[str, Any]) -> Text:
    args = tuple(_text_from(a) if isinstance(a, dict) else str(a) for a in d["a"])
    return Text(str(d["t"]), str(d["d"]), int(d["n"]), args)


_E = TypeVar("_E", bound=enum.Enum)


def parse_enum(enum_cls: type[_E], value: str, default: _E) -> _E:
    """Unknown values (a newer version wrote them) fall back instead of failing the whole read."""
    try:
        return enum_cls(value)
    except ValueError:
        return default


def dump_attachments(items: tuple[Attachment, ...]) -> str | None:
    if not items:
        return None
    return json.dumps([{k: v for k, v in _attachment_dict(a).items() if v} for a in items])


def _attachment_dict(a: Attachment) -> dict[str, Any]:
    return {
        "url": a.url,
        "filename": a.filename,
        "mime_type": a.mime_type,
        "size": a.size,
        "width": a.width,
        "height": a.height,
        "thumbnail_url": a.thumbnail_url,
        "local_path": a.local_path,
        "duration_ms": a.duration_ms,
        "waveform": list(a.waveform),
        "voice": a.voice,
    }


def _load_attachments(raw: str | None) -> tuple[Attachment, ...]:
    if not raw:
        return ()
    return tuple(attachment_from_dict(item) for item in json.loads(raw))


def attachment_from_dict(item: dict[str, Any]) -> Attachment:
    """An attachment as stored (JSON has lists where the model has tuples)."""
    if "waveform" in item:
        item = {**item, "waveform": tuple(item["waveform"])}
    return Attachment(**item)


def dump_reactions(reactions: tuple[Reaction, ...]) -> str | None:
    if not reactions:
        return None
    return json.dumps({r.key: list(r.senders) for r in reactions}, ensure_ascii=False)


def _load_reactions(raw: str | None) -> tuple[Reaction, ...]:
    if not raw:
        return ()
    return tuple(Reaction(k, tuple(v)) for k, v in json.loads(raw).items())
