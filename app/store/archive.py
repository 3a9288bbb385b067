"""Export an account's history to JSON Lines and import it back.

JSON Lines keeps the export open (any tool reads it line by line) and streamable (a million messages
never sit in memory). The first line is a header naming the format and the account; every other
line is one record with a ``type``. Import skips lines it cannot understand and reports them, so one
damaged line never loses the rest.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from app.i18n import CoreMessages
from app.models import (
    Account,
    Attachment,
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Direction,
    Message,
    MessageId,
    MessageKind,
    Moderation,
    NotifyLevel,
    Poll,
    Reaction,
    Trust,
    to_millis,
)
from app.store.account_store import AccountStore
from app.store.rows import attachment_from_dict

KEPT_ACCOUNT_KEY = "chinwag.kept_account"
"""State key a removed account's kept store carries: what it takes to import it again."""
FORMAT = "chinwag-account-export"
VERSION = 1
_log = logging.getLogger(__name__)

ProgressFn = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class ExportHeader:
    account_id: str
    protocol_id: str
    display_name: str
    settings: dict[str, str | int | bool]


@dataclass(frozen=True, slots=True)
class ImportReport:
    header: ExportHeader
    messages: int
    skipped_lines: int


class ArchiveError(Exception):
    """The file is not a Chinwag export (or of a newer version)."""


@dataclass(frozen=True, slots=True)
class KeptHistory:
    """The store of a removed account whose history was kept, as it can be imported again."""

    path: Path
    protocol_id: str
    display_name: str
    settings: dict[str, str | int | bool]
    kept_at: datetime | None
    messages: int


def kept_account_record(account: Account, kept_at: datetime) -> str:
    """What a kept store remembers of its account (no secrets: those stay in no file)."""
    return json.dumps(
        {
            "protocol_id": account.protocol_id,
            "display_name": account.display_name,
            "settings": dict(account.settings),
            "kept_at": kept_at.isoformat(),
        },
        ensure_ascii=False,
    )


def read_kept(path: Path) -> KeptHistory:
    """Describe a kept store without changing it (opened read-only)."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ArchiveError(f"{path.name} cannot be opened: {exc}") from exc
    try:
        row = conn.execute("SELECT value FROM state WHERE key=?", (KEPT_ACCOUNT_KEY,)).fetchone()
        count = int(conn.execute("SELECT count(*) FROM messages").fetchone()[0])
    except sqlite3.Error as exc:
        raise ArchiveError(f"{path.name} is not a Chinwag history: {exc}") from exc
    finally:
        conn.close()
    if row is None:
        raise ArchiveError(
            CoreMessages.tr(
                "%1 does not say which account it belonged to (it was kept by an older version), so it cannot be imported."
            ).arg(path.name)
        )
    try:
        data = json.loads(row[0])
        settings = data.get("settings") or {}
        kept_at = None
        with contextlib.suppress(TypeError, ValueError):
            kept_at = datetime.fromisoformat(str(data.get("kept_at")))
        return KeptHistory(
            path=path,
            protocol_id=str(data["protocol_id"]),
            display_name=str(data.get("display_name") or ""),
            settings={str(k): v for k, v in settings.items() if isinstance(v, (str, int, bool))},
            kept_at=kept_at,
            messages=count,
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ArchiveError(f"{path.name} has a damaged account record: {exc}") from exc


def export_account(
    store: AccountStore, account: Account, out: IO[str], progress: ProgressFn | None = None
) -> int:
    """Write the account's store to ``out``; returns the number of messages written."""
    header: dict[str, Any] = {
        "type": FORMAT,
        "version": VERSION,
        "account_id": account.id,
        "protocol_id": account.protocol_id,
        "display_name": account.display_name,
        "settings": dict(account.settings),
    }
    out.write(json.dumps(header, ensure_ascii=False) + "\n")
    for conv in store.conversations():
        record: dict[str, Any] = {
            "type": "conversation",
            "native_id": conv.id.native_id,
            "kind": conv.kind.value,
            "title": conv.title,
            "topic": conv.topic,
            "encrypted": conv.encrypted,
            "notify": conv.notify.value,
            "joined": conv.joined,
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    for contact in store.contacts():
        record = {
            "type": "contact",
            "native_id": contact.id.native_id,
            "display_name": contact.display_name,
            "groups": list(contact.groups),
            "subscription": contact.subscription,
            "blocked": contact.blocked,
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    count = 0
    for msg in store.iter_messages():
        out.write(message_json(msg) + "\n")
        count += 1
        if progress is not None and count % 10_000 == 0:
            progress(count)
    return count


def read_header(path: Path) -> ExportHeader:
    with path.open(encoding="utf-8") as f:
        return _parse_header(f.readline())


def import_account(
    store: AccountStore, lines: IO[str], progress: ProgressFn | None = None, batch: int = 2000
) -> ImportReport:
    """Load an export into ``store``; records already present (same ids) are skipped."""
    header = _parse_header(lines.readline())
    skipped = 0
    imported = 0
    pending: list[Message] = []

    def flush() -> None:
        nonlocal imported
        if pending:
            imported += len(store.append(pending))
            pending.clear()
            if progress is not None:
                progress(imported)

    for number, line in _numbered(lines):
        try:
            record = json.loads(line)
            kind = record["type"]
            if kind == "conversation":
                flush()
                _import_conversation(store, record)
            elif kind == "contact":
                store.upsert_contacts([_contact(store.account_id, record)])
            elif kind == "message":
                conv = store.conversation(record["conversation"])
                if conv is None:
                    conv, _ = store.ensure_conversation(
                        record["conversation"], ConversationKind.DIRECT
                    )
                pending.append(_message(store.account_id, record))
                if len(pending) >= batch:
                    flush()
            else:
                raise ValueError(f"unknown record type {kind!r}")
        except (ValueError, KeyError, TypeError) as exc:
            skipped += 1
            _log.warning("import: line %d skipped: %s", number, exc)
    flush()
    return ImportReport(header, imported, skipped)


def _numbered(lines: IO[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(lines, start=2):
        if line.strip():
            yield number, line


def _parse_header(line: str) -> ExportHeader:
    try:
        header = json.loads(line)
    except ValueError as exc:
        raise ArchiveError("not a Chinwag export: the first line is not JSON") from exc
    if not isinstance(header, dict) or header.get("type") != FORMAT:
        raise ArchiveError("not a Chinwag export")
    if header.get("version") != VERSION:
        raise ArchiveError(f"unsupported export version {header.get('version')!r}")
    try:
        return ExportHeader(
            str(header["account_id"]),
            str(header["protocol_id"]),
            str(header.get("display_name", "")),
            dict(header.get("settings", {})),
        )
    except KeyError as exc:
        raise ArchiveError(f"export header lacks {exc}") from exc


def _import_conversation(store: AccountStore, r: dict[str, Any]) -> None:
    conv, _ = store.ensure_conversation(
        str(r["native_id"]), ConversationKind(r["kind"]), str(r.get("title", ""))
    )
    store.update_conversation(
        conv.id.native_id,
        topic=str(r.get("topic", "")),
        encrypted=bool(r.get("encrypted", False)),
        notify=NotifyLevel(r.get("notify", "all")),
        joined=bool(r.get("joined", True)),
    )


def _contact(account_id: str, r: dict[str, Any]) -> Contact:
    return Contact(
        ContactId(account_id, str(r["native_id"])),
        display_name=str(r.get("display_name", "")),
        groups=tuple(str(g) for g in r.get("groups", [])),
        subscription=str(r.get("subscription", "")),
        blocked=bool(r.get("blocked", False)),
    )


def message_json(m: Message) -> str:
    """One message as the JSON of an export line."""
    return json.dumps(_message_record(m), ensure_ascii=False)


def _message_record(m: Message) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type": "message",
        "conversation": m.conversation_id.native_id,
        "local_id": m.local_id,
        "remote_id": m.remote_id,
        "sender": m.sender,
        "sender_name": m.sender_name,
        "timestamp": m.timestamp.isoformat(),
        "body": m.body,
        "html": m.html,
        "kind": m.kind.value,
        "direction": m.direction.value,
        "delivery": m.delivery.value,
    }
    optional = {
        "failure": m.failure_reason,
        "reply_to": m.reply_to,
        "edited": m.edited,
        "retracted": m.retracted,
        "mentions_me": m.mentions_me,
        "ref_id": m.ref_id,
        "trust": m.trust.value if m.trust is not Trust.NONE else None,
        "thread_root": m.thread_root,
        "occupant_id": m.occupant_id,
        "attachments": [
            {k: v for k, v in _attachment_fields(a).items() if v not in (None, "", (), False)}
            for a in m.attachments
        ],
        "reactions": {r.key: list(r.senders) for r in m.reactions},
        "poll": poll_record(m.poll) if m.poll is not None and not m.retracted else None,
        "moderation": None
        if m.moderation is None
        else {"by": m.moderation.by, "reason": m.moderation.reason},
    }
    record.update({k: v for k, v in optional.items() if v})
    return record


def poll_record(poll: Poll) -> dict[str, Any]:
    """A poll as an export keeps it: question, answers and the tally as the rules count it
    (app.polls), and whether it ended. An undisclosed poll still open keeps its counts out,
    as the window does (MSC3381: not revealed before it ends). Import reads the message's text
    form only (the votes behind the tally are not in the file)."""
    shown = poll.results_shown
    record: dict[str, Any] = {
        "question": poll.question,
        "answers": [
            {"id": a.id, "text": a.text, **({"votes": a.votes} if shown else {})}
            for a in poll.answers
        ],
        "disclosed": poll.disclosed,
        "max_selections": poll.max_selections,
        "ended": poll.ended,
    }
    if shown:
        record["voters"] = poll.voters
    if poll.mine:
        record["mine"] = list(poll.mine)
    return record


def _attachment_fields(a: Attachment) -> dict[str, Any]:
    return {name: getattr(a, name) for name in a.__slots__}


def _message(account_id: str, r: dict[str, Any]) -> Message:
    ts = datetime.fromisoformat(str(r["timestamp"]))
    to_millis(ts)  # rejects naive timestamps
    failure, moderation = _moderation(r)
    return Message(
        id=MessageId(account_id, str(r["local_id"])),
        conversation_id=ConversationId(account_id, str(r["conversation"])),
        sender=str(r["sender"]),
        sender_name=str(r.get("sender_name", "")),
        timestamp=ts,
        body=str(r["body"]),
        html=r.get("html"),
        kind=MessageKind(r.get("kind", "text")),
        direction=Direction(r.get("direction", "in")),
        delivery=DeliveryState(r.get("delivery", "sent")),
        remote_id=r.get("remote_id"),
        failure_reason=failure,
        reply_to=r.get("reply_to"),
        edited=bool(r.get("edited", False)),
        retracted=bool(r.get("retracted", False)),
        mentions_me=bool(r.get("mentions_me", False)),
        ref_id=r.get("ref_id"),
        trust=Trust(r.get("trust") or "none"),
        thread_root=r.get("thread_root") if isinstance(r.get("thread_root"), str) else None,
        attachments=tuple(attachment_from_dict(a) for a in r.get("attachments", [])),
        reactions=tuple(Reaction(k, tuple(v)) for k, v in r.get("reactions", {}).items()),
        moderation=moderation,
        occupant_id=r.get("occupant_id") if isinstance(r.get("occupant_id"), str) else None,
    )


_OLD_MODERATION_MARK = "\x1e"  # exports before the store's 0013_moderation: in "failure"


def _moderation(r: dict[str, Any]) -> tuple[str, Moderation | None]:
    """A record's send failure and moderation note; an export of an older version kept the
    note in "failure" behind a mark (moderator, \\x1f, reason), which this reads too."""
    failure = str(r.get("failure", ""))
    if failure.startswith(_OLD_MODERATION_MARK):
        by, _sep, reason = failure[1:].partition("\x1f")
        return "", Moderation(by, reason)
    note = r.get("moderation")
    if not isinstance(note, dict):
        return failure, None
    return failure, Moderation(str(note.get("by", "")), str(note.get("reason", "")))
