"""Threads in Matrix events, both ways (``m.thread``, spec "Threading"). Pure: no I/O, and
below :mod:`.convert` (which uses it); both read JSON through :mod:`.jsonget`.

A reply in a thread carries ``m.relates_to: {rel_type: m.thread, event_id: <root>}``; clients
that know no threads read it as an ordinary reply through ``m.in_reply_to`` with
``is_falling_back: true`` (the *reply fallback*), which therefore means "no real reply". A
thread's root carries the server's summary of its replies in
``unsigned.m.relations.m.thread`` (count, latest reply, whether we took part).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from app.models import ThreadSummary, from_millis
from backends.matrix.jsonget import get_dict, get_int, get_str


class Log(Protocol):
    def warning(self, msg: str, *args: object) -> None: ...


THREAD = "m.thread"
ENCRYPTED_LATEST = "Encrypted message"
"""What a summary says of a latest reply it could not decrypt."""


def thread_of(rel: Mapping[str, Any]) -> str | None:
    """The root a relation puts its event under, when it is a thread relation."""
    if get_str(rel, "rel_type") != THREAD:
        return None
    root = get_str(rel, "event_id")
    return root if root and root.startswith("$") else None


def thread_and_reply(
    rel: Mapping[str, Any], event_id: str, log: Log
) -> tuple[str | None, str | None]:
    """``(thread root, message answered)`` of an event's relation.

    In a thread, ``m.in_reply_to`` is a real answer only without ``is_falling_back``; the
    fallback only points at the thread's latest message for clients without threads.
    """
    root = thread_of(rel)
    in_reply = rel.get("m.in_reply_to")
    if in_reply is None:
        return root, None
    if not isinstance(in_reply, dict) or get_str(in_reply, "event_id") is None:
        log.warning("ignored a malformed reply reference in %s", event_id)
        return root, None
    if root is not None and rel.get("is_falling_back") is True:
        return root, None
    target = get_str(in_reply, "event_id")
    return root, target if target != root else None


def bundled_summary(
    unsigned: Mapping[str, Any],
    own_id: str,
    name_of: Callable[[str], str],
    latest_text: Callable[[dict[str, Any]], str | None],
) -> ThreadSummary | None:
    """The server's summary of the thread an event is the root of, or None.

    ``latest_text`` gives the text of the latest reply (None: it cannot be read, e.g. its key
    has not arrived); a malformed summary is None (the replies are counted as they come).
    """
    relations = get_dict(unsigned, "m.relations") or {}
    thread = get_dict(relations, THREAD)
    if thread is None:
        return None
    count = get_int(thread, "count")
    if count is None or count < 0:
        return None
    latest = get_dict(thread, "latest_event") or {}
    sender = get_str(latest, "sender") or ""
    ts = get_int(latest, "origin_server_ts")
    text = latest_text(latest) if latest else None
    try:
        when = from_millis(ts) if ts is not None else None
    except (OverflowError, OSError, ValueError):
        when = None
    return ThreadSummary(
        count=count,
        latest_sender=sender,
        latest_sender_name=name_of(sender) if sender else "",
        latest_body=text if text is not None else (ENCRYPTED_LATEST if latest else ""),
        latest_timestamp=when,
        participated=thread.get("current_user_participated") is True or sender == own_id,
    )


def thread_relation(root: str, latest: str | None, reply_to: str | None) -> dict[str, Any]:
    """``m.relates_to`` of a message sent in a thread: a real reply when ``reply_to`` is set,
    else the fallback to the thread's ``latest`` event (the root when none is known)."""
    if reply_to:
        return {
            "rel_type": THREAD,
            "event_id": root,
            "is_falling_back": False,
            "m.in_reply_to": {"event_id": reply_to},
        }
    return {
        "rel_type": THREAD,
        "event_id": root,
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": latest or root},
    }


def thread_roots(events: object) -> set[str]:
    """The roots the thread replies among ``events`` belong to (relations are in the clear,
    encrypted events too)."""
    roots: set[str] = set()
    if not isinstance(events, list):
        return roots
    for event in events:
        if not isinstance(event, dict):
            continue
        content = event.get("content")
        rel = content.get("m.relates_to") if isinstance(content, dict) else None
        root = thread_of(rel) if isinstance(rel, dict) else None
        if root is not None:
            roots.add(root)
    return roots
