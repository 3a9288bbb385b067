"""Matrix payloads → Chinwag facts and models, and back. Pure: no I/O, no nio, no clock.

Everything that arrives from a homeserver is untrusted JSON. Each function here takes plain dicts
(as decoded from the wire) and returns facts, models or ``None``; a missing or wrongly typed field
makes the result ``None`` (or drops just that field when the rest is still meaningful) and logs why,
but never raises. The backend turns a ``None`` for a whole event into a
:class:`~app.facts.BadInput` fact (nio's ``BadEvent``, in our terms).

Keeping the conversion pure keeps it cheap to test (``tests/unit/backends/matrix``, table-driven) and
cheap to run: per-event work is a handful of dict lookups.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import logging
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from urllib.parse import urlsplit

from app import facts as f
from app.backend import Failure, FailureKind
from app.formatting import render_markdown
from app.i18n import CoreMessages
from app.models import (
    Attachment,
    ConversationKind,
    DeliveryState,
    MessageKind,
    Presence,
    PresenceState,
    Role,
    RoomListing,
    ThreadSummary,
    Trust,
    from_millis,
)
from app.sanitize import sanitize_html
from app.spoilers import has_spoiler, hide_spoilers
from app.voice import clean_waveform
from backends.matrix import polls, relations

# Re-exported, as the backend reads ``cv.get_str(...)`` everywhere (one copy, shared with relations)
from backends.matrix.jsonget import get_dict as get_dict  # noqa: PLC0414
from backends.matrix.jsonget import get_int as get_int  # noqa: PLC0414
from backends.matrix.jsonget import get_list as get_list  # noqa: PLC0414
from backends.matrix.jsonget import get_str as get_str  # noqa: PLC0414
from backends.matrix.mentions import Audience, Mentions, named_pills, with_pills

_log = logging.getLogger(__name__)


def public_rooms(body: Any) -> list[RoomListing]:
    """The ``chunk`` of a ``/publicRooms`` answer; entries without a room id are dropped.

    A room is joined by its canonical alias when it has one (what people share), else its id."""
    chunk = body.get("chunk") if isinstance(body, dict) else None
    if not isinstance(chunk, list):
        return []
    rooms = []
    for entry in chunk:
        if not isinstance(entry, dict) or not isinstance(entry.get("room_id"), str):
            continue
        alias = entry.get("canonical_alias")
        address = alias if isinstance(alias, str) and alias.startswith("#") else entry["room_id"]
        name = entry.get("name")
        topic = entry.get("topic")
        members = entry.get("num_joined_members")
        rooms.append(
            RoomListing(
                address,
                name if isinstance(name, str) and name else address,
                topic if isinstance(topic, str) else "",
                members if isinstance(members, int) and not isinstance(members, bool) else None,
            )
        )
    return rooms


HTML_FORMAT = "org.matrix.custom.html"
MEDIA_MSGTYPES = {"m.image", "m.file", "m.audio", "m.video"}
ENCRYPTED_PLACEHOLDER = "Waiting for the key to decrypt this message…"
"""The body of an encrypted message until its key arrives (``trust=UNDECRYPTABLE``); replaced in
place by :class:`~app.facts.MessageDecrypted` once it can be read."""
HIDDEN_UNTIL_DECRYPTED = ("m.replace", "m.annotation", "m.reference")
"""Encrypted edits, reactions and references (poll votes and ends) show nothing until they can be
read (their relation is visible)."""


class Log(Protocol):
    """The part of a logger convert needs (a LoggerAdapter that tags the account fits)."""

    def warning(self, msg: str, *args: object) -> None: ...

    def debug(self, msg: str, *args: object) -> None: ...


class ServiceLog(Log, Protocol):
    """The logger the backend's services use (``ctx.logger``, or a plain ``logging.Logger``)."""

    def info(self, msg: str, *args: object) -> None: ...

    def exception(self, msg: str, *args: object) -> None: ...


# -- small typed accessors -------------------------------------------------------------------


def path_dict(d: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    """``d[k1][k2]…`` when each step is a dict, else ``{}``."""
    current: Mapping[str, Any] = d
    for key in keys:
        nxt = current.get(key)
        if not isinstance(nxt, dict):
            return {}
        current = nxt
    return dict(current)


def events_of(block: object) -> list[dict[str, Any]]:
    """The ``events`` list of a sync block, keeping only dicts (the rest is logged by the caller)."""
    if not isinstance(block, dict):
        return []
    events = block.get("events")
    if not isinstance(events, list):
        return []
    return [e for e in events if isinstance(e, dict)]


# -- identifiers ----------------------------------------------------------------------------

_USER_ID = re.compile(r"^@[^:\s]+:[^\s/]+$")


def parse_user_id(user_id: str) -> tuple[str, str] | None:
    """``("alice", "example.org:8448")`` for ``@alice:example.org:8448``; None if malformed."""
    if not _USER_ID.match(user_id):
        return None
    localpart, _, server = user_id[1:].partition(":")
    return localpart, server


def localpart(user_id: str) -> str:
    parsed = parse_user_id(user_id)
    return parsed[0] if parsed else user_id


ENCRYPTED_MEDIA = "#e2e="
"""Marks an ``Attachment.url`` of an encrypted file: ``mxc://…#e2e=<base64url JSON>`` carries the
file's key, IV and hash (spec "Sending encrypted attachments"), so the core can store and hand it
back without knowing about encryption."""


def encrypted_url(mxc: str, info: Mapping[str, Any]) -> str:
    """``mxc`` with the decryption info of an encrypted file (``key``, ``iv``, ``hashes``, ``v``)."""
    keep = {k: info[k] for k in ("key", "iv", "hashes", "v") if k in info}
    packed = base64.urlsafe_b64encode(
        json.dumps(keep, separators=(",", ":"), sort_keys=True).encode()
    )
    return mxc + ENCRYPTED_MEDIA + packed.decode().rstrip("=")


def split_encrypted_url(url: str) -> tuple[str, dict[str, Any] | None]:
    """The plain ``mxc://`` URL and, for an encrypted file, its decryption info (else None).

    Damaged info comes back as ``{}`` (present but unusable), never as an exception."""
    mxc, mark, packed = url.partition(ENCRYPTED_MEDIA)
    if not mark:
        return url, None
    try:
        info = json.loads(base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4)))
    except (ValueError, TypeError):
        return mxc, {}
    if not isinstance(info, dict):
        return mxc, {}
    key = get_dict(info, "key") or {}
    hashes = get_dict(info, "hashes") or {}
    if not (get_str(key, "k") and get_str(info, "iv") and get_str(hashes, "sha256")):
        return mxc, {}
    return mxc, info


def encrypted_file_content(url: str) -> dict[str, Any] | None:
    """The ``file`` object of ``m.room.message`` content for an encrypted upload, or None."""
    mxc, info = split_encrypted_url(url)
    if not info:
        return None
    return {"url": mxc, **info}


def parse_mxc(url: str) -> tuple[str, str] | None:
    """``(server_name, media_id)`` of an ``mxc://`` URI; None if it is not one."""
    if not url.startswith("mxc://"):
        return None
    server, _, media_id = url[len("mxc://") :].partition("/")
    if not server or not media_id or "/" in media_id or any(c in media_id for c in "?#"):
        return None
    return server, media_id


# -- discovery ---------------------------------------------------------------------------------


def parse_well_known(status: int, body: object) -> str | Failure | None:
    """The homeserver base URL from ``/.well-known/matrix/client`` (spec "Well-known URI").

    ``None`` means IGNORE (404: use the server name itself); a Failure means FAIL_PROMPT/ERROR.
    """
    if status == 404:
        return None
    if status >= 500:
        return Failure(
            FailureKind.NETWORK,
            CoreMessages.tr("The server's discovery file is unavailable (HTTP %1).").arg(status),
            retryable=True,
        )
    if status != 200:
        return Failure(
            FailureKind.CONFIG,
            CoreMessages.tr(
                "The server's discovery file could not be read (HTTP %1). Enter the homeserver URL in the advanced settings."
            ).arg(status),
        )
    base = get_str(path_dict(body, "m.homeserver") if isinstance(body, dict) else {}, "base_url")
    if base is None or not re.match(r"^https?://[^\s/]+", base):
        return Failure(
            FailureKind.CONFIG,
            CoreMessages.tr(
                "The server's discovery file does not name a valid homeserver. "
                "Enter the homeserver URL in the advanced settings."
            ),
        )
    return base.rstrip("/")


def is_loopback_host(host: str | None) -> bool:
    """``localhost``, 127.0.0.0/8 or ``::1``: traffic that never leaves this machine."""
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def insecure_homeserver(url: str, *, allow_http: bool = False) -> Failure | None:
    """A CONFIG failure when ``url`` is plain ``http://`` to a host off this machine.

    The access token and every message travel with each request, so plain HTTP is only accepted on
    loopback (a local test server, an SSH tunnel) or when the user explicitly allowed it.
    """
    parts = urlsplit(url)
    if parts.scheme == "https" or allow_http:
        return None
    if parts.scheme == "http" and is_loopback_host(parts.hostname):
        return None
    return Failure(
        FailureKind.CONFIG,
        CoreMessages.tr(
            "%1 is not an https:// address. Matrix sign-in needs HTTPS so your password, access token and messages are not sent in the clear; plain http:// is only used on this computer (localhost) or when “Allow unencrypted HTTP” is switched on."
        ).arg(url),
    )


# -- failures -------------------------------------------------------------------------------

MAX_RETRY_AFTER = 300.0
"""A server's "retry after" is obeyed up to five minutes: a hostile or broken server must not be
able to park the sync loop or the outbox for hours."""


def retry_after_seconds(retry_after_ms: object, header: str | None) -> float | None:
    """Seconds to wait from a 429: ``retry_after_ms`` in the body, else the Retry-After header,
    clamped to ``0 … MAX_RETRY_AFTER``."""
    seconds: float | None = None
    if isinstance(retry_after_ms, int | float) and not isinstance(retry_after_ms, bool):
        seconds = float(retry_after_ms) / 1000
    elif header:
        try:
            seconds = float(header.strip())
        except ValueError:
            return None
    if seconds is None or math.isnan(seconds):
        return None
    return min(MAX_RETRY_AFTER, max(0.0, seconds))


def error_failure(
    status: int,
    body: object,
    retry_after_header: str | None = None,
    *,
    login: bool = False,
) -> Failure:
    """An error answer of the client-server API as a :class:`Failure`."""
    d = body if isinstance(body, dict) else {}
    errcode = get_str(d, "errcode") or ""
    text = get_str(d, "error") or errcode or f"HTTP {status}"
    if status == 429 or errcode == "M_LIMIT_EXCEEDED":
        wait = retry_after_seconds(d.get("retry_after_ms"), retry_after_header)
        return Failure(
            FailureKind.RATE_LIMITED,
            CoreMessages.tr("The server asks us to slow down."),
            retryable=True,
            detail=text,
            retry_after=wait if wait is not None else 5.0,
        )
    if login and errcode in ("M_FORBIDDEN", "M_INVALID_USERNAME", "M_NOT_FOUND"):
        return Failure(
            FailureKind.AUTH, CoreMessages.tr("Wrong Matrix ID or password."), detail=text
        )
    if errcode == "M_USER_DEACTIVATED":
        return Failure(
            FailureKind.AUTH, CoreMessages.tr("This account has been deactivated."), detail=text
        )
    if errcode in ("M_UNKNOWN_TOKEN", "M_MISSING_TOKEN"):
        return Failure(
            FailureKind.NOT_CONNECTED,
            CoreMessages.tr("The session has ended."),
            retryable=True,
            detail=text,
        )
    if status >= 500 or status == 0:
        return Failure(
            FailureKind.NETWORK,
            CoreMessages.tr("The server had a problem: %1").arg(text),
            retryable=True,
            detail=text,
        )
    if errcode == "M_UNRECOGNIZED" or (status in (404, 405) and not errcode):
        return Failure(
            FailureKind.UNSUPPORTED,
            CoreMessages.tr("The server does not support this."),
            detail=text,
        )
    if errcode == "M_CONSENT_NOT_GIVEN":
        return Failure(FailureKind.REJECTED, text, detail=get_str(d, "consent_uri") or "")
    return Failure(FailureKind.REJECTED, text, detail=errcode)


# -- outgoing content ---------------------------------------------------------------------------


def markdown_to_html(text: str) -> str | None:
    """``formatted_body`` for what the user typed, or None when the text has no formatting."""
    return render_markdown(text)


NO_MENTIONS = Mentions()

_MSGTYPE = {
    MessageKind.TEXT: "m.text",
    MessageKind.NOTICE: "m.notice",
    MessageKind.EMOTE: "m.emote",
    MessageKind.SYSTEM: "m.notice",
}


def text_content(
    body: str,
    *,
    kind: MessageKind = MessageKind.TEXT,
    html: str | None = None,
    reply_to: str | None = None,
    use_markdown: bool = True,
    mentions: Mentions = NO_MENTIONS,
    audience: Audience | None = None,
) -> dict[str, Any]:
    """``m.room.message`` content for text; Markdown becomes ``formatted_body``. ``mentions``
    become ``m.mentions`` (always present: spec 1.7 intentional mentions) and, with the room's
    ``audience``, pills (:mod:`.mentions`)."""
    formatted = html if html else (markdown_to_html(body) if use_markdown else None)
    if audience is not None:
        body, formatted = with_pills(body, formatted, mentions, audience)
    content: dict[str, Any] = {"msgtype": _MSGTYPE[kind], "body": body}
    if formatted:
        content["format"] = HTML_FORMAT
        content["formatted_body"] = formatted
    if reply_to:
        content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
    content["m.mentions"] = mentions.content()
    return content


def msgtype_for_mime(mime: str) -> str:
    major = mime.split("/", 1)[0]
    return {"image": "m.image", "audio": "m.audio", "video": "m.video"}.get(major, "m.file")


def media_content(
    attachment: Attachment, caption: str = "", mentions: Mentions = NO_MENTIONS
) -> dict[str, Any]:
    """``m.room.message`` content for an uploaded file (spec 1.10 captions: body ≠ filename);
    ``mentions``: who its caption (or its reply) mentions."""
    filename = attachment.filename or "file"
    info: dict[str, Any] = {}
    if attachment.mime_type:
        info["mimetype"] = attachment.mime_type
    if attachment.size is not None:
        info["size"] = attachment.size
    if attachment.width is not None and attachment.height is not None:
        info["w"], info["h"] = attachment.width, attachment.height
    if attachment.thumbnail_url:
        info["thumbnail_url"] = attachment.thumbnail_url
    if attachment.duration_ms is not None:
        info["duration"] = attachment.duration_ms
    content: dict[str, Any] = {
        "msgtype": msgtype_for_mime(attachment.mime_type),
        "body": caption or filename,
        "filename": filename,
        "url": attachment.url,
        "info": info,
        "m.mentions": mentions.content(),
    }
    if attachment.voice:  # MSC3245 (a rendering hint) with MSC1767's audio block, as Element sends
        content["msgtype"] = "m.audio"
        audio: dict[str, Any] = {"duration": attachment.duration_ms or 0}
        if attachment.waveform:
            audio["waveform"] = list(attachment.waveform)
        content["org.matrix.msc1767.audio"] = audio
        content["org.matrix.msc3245.voice"] = {}
    encrypted = encrypted_file_content(attachment.url)
    if encrypted is not None:  # spec: encrypted files go in "file", never in "url"
        del content["url"]
        content["file"] = encrypted
        info.pop("thumbnail_url", None)
    return content


def edit_content(
    target: str,
    body: str,
    *,
    kind: MessageKind = MessageKind.TEXT,
    html: str | None = None,
    mentions: Mentions = NO_MENTIONS,
    before: Mentions = NO_MENTIONS,
    audience: Audience | None = None,
) -> dict[str, Any]:
    """An ``m.replace`` edit: ``m.new_content`` for clients that understand it, "* …" for others.

    Spec ("Event replacements", mentions): ``m.new_content`` carries everyone the new text
    mentions; the edit's own ``m.mentions`` only those ``before`` (the version replaced) did
    not, so nobody is notified again by a correction."""
    new = text_content(body, kind=kind, html=html, mentions=mentions, audience=audience)
    content = {
        "msgtype": new["msgtype"],
        "body": "* " + new["body"],
        "m.new_content": new,
        "m.relates_to": {"rel_type": "m.replace", "event_id": target},
        "m.mentions": mentions.added_since(before).content(),
    }
    if "formatted_body" in new:
        content["format"] = HTML_FORMAT
        content["formatted_body"] = "* " + new["formatted_body"]
    return content


def reaction_content(target: str, key: str) -> dict[str, Any]:
    return {"m.relates_to": {"rel_type": "m.annotation", "event_id": target, "key": key}}


# -- replies ------------------------------------------------------------------------------------

_MX_REPLY = re.compile(r"<mx-reply>.*?</mx-reply>", re.DOTALL | re.IGNORECASE)


def strip_reply_fallback(body: str) -> str:
    """Drop the ``> <@who> quoted`` lines a reply starts with (spec: "Stripping the fallback")."""
    lines = body.split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith(">"):
        i += 1
    if i == 0:
        return body
    if i < len(lines) and lines[i] == "":
        i += 1
    return "\n".join(lines[i:])


def strip_html_reply_fallback(html: str) -> str:
    return _MX_REPLY.sub("", html)


# -- incoming events ----------------------------------------------------------------------------


def plain_text(event: Mapping[str, Any]) -> str | None:
    """The text of a plain (decrypted) message event without its reply fallback, or None."""
    if get_str(event, "type") not in ("m.room.message", "m.sticker"):
        return None
    content = get_dict(event, "content") or {}
    shown = get_dict(content, "m.new_content") or content
    formatted = get_str(shown, "formatted_body")
    if has_spoiler(formatted):  # a thread's latest reply: its spoilers stay hidden
        cleaned = sanitize_html(formatted) or ""
        return hide_spoilers(cleaned, lambda _reason: "", _spoiler_words).text
    body = get_str(shown, "body")
    return strip_reply_fallback(body) if body is not None else None


def _spoiler_words(reason: str) -> str:
    """A spoiler in a text that goes into a longer sentence (untranslated: it is not alone)."""
    return f"Spoiler: {reason}" if reason else "Spoiler"


@dataclass(frozen=True)
class RoomContext:
    """What converting an event of one room needs to know about the room and about us."""

    room_id: str
    kind: ConversationKind
    own_id: str
    title_of: Callable[[], str] = field(default=lambda: "")
    own_names: tuple[str, ...] = ()
    history: bool = False
    name_of: Callable[[str], str] = field(default=lambda user_id: user_id)
    log: Log = field(default=_log)
    root_known: Callable[[str], bool] = field(default=lambda root: True)
    """Whether a thread's root exists (a reply to a missing root is shown as an ordinary
    reply in the main timeline, where it can be seen)."""
    latest_text: Callable[[dict[str, Any]], str | None] = field(default=plain_text)
    """The text of a thread summary's latest reply (None: it cannot be read)."""
    may_redact: Callable[[str], bool] = field(default=lambda user_id: False)
    """Whether someone may redact others' events here (may end anyone's poll, MSC3381)."""


@dataclass(frozen=True)
class EventHeader:
    """The fields every room event must carry."""

    event_id: str
    sender: str
    type: str
    timestamp: datetime
    content: dict[str, Any]
    unsigned: dict[str, Any]
    state_key: str | None


def event_header(event: object, log: Log = _log) -> EventHeader | None:
    if not isinstance(event, dict):
        log.warning("dropped an event that is not an object")
        return None
    event_id = get_str(event, "event_id")
    sender = get_str(event, "sender")
    etype = get_str(event, "type")
    ts = get_int(event, "origin_server_ts")
    content = get_dict(event, "content")
    if event_id is None or sender is None or etype is None or ts is None or content is None:
        log.warning(
            "dropped an event with missing or wrongly typed fields (%s)",
            event_id if event_id is not None else "no id",
        )
        return None
    try:
        timestamp = from_millis(ts)
    except (OverflowError, OSError, ValueError):
        log.warning("dropped event %s: impossible timestamp", event_id)
        return None
    return EventHeader(
        event_id=event_id,
        sender=sender,
        type=etype,
        timestamp=timestamp,
        content=content,
        unsigned=get_dict(event, "unsigned") or {},
        state_key=get_str(event, "state_key"),
    )


def redacted(header: EventHeader) -> bool:
    return "redacted_because" in header.unsigned


def convert_event(
    event: object, ctx: RoomContext, *, trust: Trust = Trust.NONE, placeholder: str | None = None
) -> list[f.Fact] | None:
    """One timeline (or ``/messages``) event as facts.

    ``trust`` is how far the event's messages can be trusted (the decryption's verdict; ``NONE``
    for an event that was never encrypted); ``placeholder`` is the text of an encrypted event that
    cannot be read (why), instead of :data:`ENCRYPTED_PLACEHOLDER`.

    ``None``: the event was malformed (logged; the caller reports BadInput). ``[]``: nothing to show
    (state events, unknown types, call signalling …).
    """
    header = event_header(event, ctx.log)
    if header is None:
        return None
    if header.state_key is not None:
        return []
    if header.type in ("m.room.message", "m.sticker"):
        return _message_facts(header, ctx, trust)
    if header.type in polls.POLL_TYPES:
        return polls.poll_facts(header, ctx, _poll_message)
    if header.type == "m.reaction":
        if redacted(header):
            return []  # a removed reaction keeps its type but loses its content
        reaction = reaction_of(header, ctx.room_id, ctx.log)
        return None if reaction is None else [reaction]
    if header.type == "m.room.redaction":
        target = redaction_target(event, header)
        if target is None:
            ctx.log.warning("dropped redaction %s without a target", header.event_id)
            return None
        # Anyone may send a redaction; it holds for another's event only if its sender may
        # redact others here (the power levels; the dispatcher checks whose event it is).
        return [
            f.MessageRetracted(
                ctx.room_id,
                target,
                by=header.sender,
                moderator=ctx.may_redact(header.sender),
                reason=get_str(header.content, "reason") or "",
            )
        ]
    if header.type == "m.room.encrypted":
        rel = get_dict(header.content, "m.relates_to") or {}
        if get_str(rel, "rel_type") in HIDDEN_UNTIL_DECRYPTED:
            return []
        thread_root, _reply = thread_place(rel, header.event_id, ctx)
        return [
            _base_message(
                header,
                ctx,
                placeholder or ENCRYPTED_PLACEHOLDER,
                trust=Trust.UNDECRYPTABLE,
                thread_root=thread_root,
            ),
        ]
    return []


def redaction_target(event: object, header: EventHeader) -> str | None:
    """Room versions ≤10 put ``redacts`` at the top level, v11 in the content."""
    target = get_str(header.content, "redacts")
    if target is None and isinstance(event, dict):
        target = get_str(event, "redacts")
    return target


def reaction_of(header: EventHeader, room_id: str, log: Log = _log) -> f.ReactionChanged | None:
    rel = get_dict(header.content, "m.relates_to")
    if rel is None:
        log.warning("dropped reaction %s without m.relates_to", header.event_id)
        return None
    target = get_str(rel, "event_id")
    key = get_str(rel, "key")
    if get_str(rel, "rel_type") != "m.annotation" or target is None or key is None or not key:
        log.warning("dropped reaction %s with a malformed relation", header.event_id)
        return None
    return f.ReactionChanged(room_id, target, header.sender, key, added=True)


def _base_message(
    header: EventHeader,
    ctx: RoomContext,
    body: str,
    *,
    kind: MessageKind = MessageKind.TEXT,
    html: str | None = None,
    attachments: tuple[Attachment, ...] = (),
    reply_to: str | None = None,
    replaces: str | None = None,
    mentions_me: bool = False,
    trust: Trust = Trust.NONE,
    thread_root: str | None = None,
) -> f.MessageReceived:
    outgoing = header.sender == ctx.own_id
    txn = get_str(header.unsigned, "transaction_id") if outgoing else None
    return f.MessageReceived(
        conversation=ctx.room_id,
        sender=header.sender,
        body=body,
        conversation_kind=ctx.kind,
        conversation_title=ctx.title_of(),
        sender_name=ctx.name_of(header.sender),
        remote_id=header.event_id,
        timestamp=header.timestamp,
        html=html,
        kind=kind,
        attachments=attachments,
        reply_to=reply_to,
        replaces=replaces,
        outgoing=outgoing,
        txn_id=txn,
        history=ctx.history,
        mentions_me=mentions_me and not outgoing,
        trust=trust,
        thread_root=thread_root,
        thread=thread_summary(header, ctx),
    )


def _poll_message(header: EventHeader, ctx: RoomContext, body: str) -> f.MessageReceived:
    """A poll's start as the message it is shown as (its text form; see :mod:`.polls`)."""
    return _base_message(header, ctx, body)


def thread_summary(header: EventHeader, ctx: RoomContext) -> ThreadSummary | None:
    """The server's summary of the thread this event is the root of (None: not a root)."""
    if "m.relations" not in header.unsigned:
        return None
    return relations.bundled_summary(header.unsigned, ctx.own_id, ctx.name_of, ctx.latest_text)


def thread_place(
    rel: Mapping[str, Any], event_id: str, ctx: RoomContext
) -> tuple[str | None, str | None]:
    """``(thread root, message answered)``; a reply whose root is missing stays in the main
    timeline as a reply to that root."""
    root, reply_to = relations.thread_and_reply(rel, event_id, ctx.log)
    if root is not None and not ctx.root_known(root):
        return None, reply_to or root
    return root, reply_to


_KINDS = {"m.notice": MessageKind.NOTICE, "m.emote": MessageKind.EMOTE}


def _message_facts(header: EventHeader, ctx: RoomContext, trust: Trust) -> list[f.Fact] | None:
    content = header.content
    if redacted(header) and not content.get("body"):
        # Deleted before we saw it (history, or a late first sync): keep its place, marked deleted.
        return [
            _base_message(header, ctx, "", kind=MessageKind.TEXT, trust=trust),
            f.MessageRetracted(ctx.room_id, header.event_id, by=header.sender),
        ]
    rel = get_dict(content, "m.relates_to") or {}
    replaces: str | None = None
    if get_str(rel, "rel_type") == "m.replace":
        replaces = get_str(rel, "event_id")
        new_content = get_dict(content, "m.new_content")
        if replaces is None or new_content is None:
            ctx.log.warning("dropped edit %s with a malformed relation", header.event_id)
            return None
        content = new_content
    parsed = parse_message_content(content, header.event_id, ctx.log)
    if parsed is None:
        return None
    body, html, kind, attachments = parsed
    thread_root, reply_to = (None, None) if replaces else thread_place(rel, header.event_id, ctx)
    if reply_to is not None or thread_root is not None:
        body = strip_reply_fallback(body)
    if html is not None:
        html = named_pills(strip_html_reply_fallback(html), ctx.name_of) or None
    if header.type == "m.sticker" and not attachments:
        ctx.log.warning("dropped sticker %s without an image", header.event_id)
        return None
    return [
        _base_message(
            header,
            ctx,
            body,
            kind=kind,
            html=html,
            attachments=attachments,
            reply_to=reply_to,
            replaces=replaces,
            mentions_me=mentions_me(content, body, ctx),
            trust=trust,
            thread_root=thread_root,
        )
    ]


def parse_message_content(
    content: Mapping[str, Any], event_id: str = "", log: Log = _log
) -> tuple[str, str | None, MessageKind, tuple[Attachment, ...]] | None:
    """``(body, html, kind, attachments)`` of ``m.room.message`` content; None if malformed."""
    msgtype = content.get("msgtype", "m.sticker" if "url" in content else None)
    body = content.get("body")
    if not isinstance(msgtype, str) or not isinstance(body, str):
        log.warning("dropped message %s: msgtype or body missing or not text", event_id)
        return None
    html: str | None = None
    if content.get("format") == HTML_FORMAT:
        formatted = content.get("formatted_body")
        if isinstance(formatted, str):
            html = formatted
        else:
            log.debug("ignored a non-text formatted_body in %s", event_id)
    attachments: tuple[Attachment, ...] = ()
    if msgtype in MEDIA_MSGTYPES or msgtype == "m.sticker":
        attachment = attachment_of(content, msgtype, event_id, log)
        if attachment is None:
            return None
        attachments = (attachment,)
        filename = get_str(content, "filename")
        if filename is None or body == filename:
            body = attachment.filename  # no caption: the file name is the text
    return body, html, _KINDS.get(msgtype, MessageKind.TEXT), attachments


def _encrypted_file_url(encrypted: Mapping[str, Any] | None) -> str | None:
    url = get_str(encrypted, "url") if encrypted else None
    if url is None or encrypted is None or parse_mxc(url) is None:
        return None
    packed = encrypted_url(url, encrypted)
    return packed if split_encrypted_url(packed)[1] else None


def attachment_of(
    content: Mapping[str, Any], msgtype: str, event_id: str = "", log: Log = _log
) -> Attachment | None:
    url = get_str(content, "url")
    encrypted = url is None
    if encrypted:
        url = _encrypted_file_url(get_dict(content, "file"))
    if url is None or parse_mxc(split_encrypted_url(url)[0]) is None:
        log.warning("dropped media message %s without a valid mxc:// URL", event_id)
        return None
    info = get_dict(content, "info") or {}
    filename = get_str(content, "filename") or get_str(content, "body") or "file"
    thumbnail = get_str(info, "thumbnail_url") or ""
    if thumbnail and parse_mxc(thumbnail) is None:
        thumbnail = ""
    if encrypted:  # the server cannot scale ciphertext: only an encrypted thumbnail will do
        thumbnail = _encrypted_file_url(get_dict(info, "thumbnail_file")) or ""
    elif not thumbnail and msgtype in ("m.image", "m.sticker"):
        thumbnail = url  # the media repository scales the image itself
    return Attachment(
        url=url,
        filename=filename,
        mime_type=get_str(info, "mimetype") or "",
        size=_non_negative(get_int(info, "size")),
        width=_non_negative(get_int(info, "w")),
        height=_non_negative(get_int(info, "h")),
        thumbnail_url=thumbnail,
        duration_ms=_duration(content, info),
        waveform=clean_waveform(
            (get_dict(content, "org.matrix.msc1767.audio") or {}).get("waveform")
        ),
        voice=msgtype == "m.audio" and isinstance(content.get("org.matrix.msc3245.voice"), dict),
    )


def _duration(content: Mapping[str, Any], info: Mapping[str, Any]) -> int | None:
    """Milliseconds: ``info.duration``, else MSC1767's audio block (voice messages carry both)."""
    duration = _non_negative(get_int(info, "duration"))
    if duration is None:
        audio = get_dict(content, "org.matrix.msc1767.audio") or {}
        duration = _non_negative(get_int(audio, "duration"))
    return duration


def _non_negative(value: int | None) -> int | None:
    return value if value is not None and value >= 0 else None


def mentions_me(content: Mapping[str, Any], body: str, ctx: RoomContext) -> bool:
    """Intentional mentions (``m.mentions``) when present, else our id or name in the text."""
    mentions = content.get("m.mentions")
    if isinstance(mentions, dict):
        users = mentions.get("user_ids")
        if isinstance(users, list) and ctx.own_id in users:
            return True
        return mentions.get("room") is True
    if ctx.own_id and ctx.own_id in body:
        return True
    lowered = body.lower()
    for name in ctx.own_names:
        if name and re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", lowered):
            return True
    return False


# -- ephemeral, presence, receipts ---------------------------------------------------------------


def typing_users(event: Mapping[str, Any], log: Log = _log) -> set[str] | None:
    users = path_dict(event, "content").get("user_ids")
    if not isinstance(users, list):
        log.warning("dropped a typing notice without a user list")
        return None
    return {u for u in users if isinstance(u, str)}


def receipt_facts(
    event: Mapping[str, Any], room_id: str, own_id: str, log: Log = _log
) -> list[f.Fact]:
    """``m.receipt``: others reading → our messages READ up to there; ours → read elsewhere."""
    content = event.get("content")
    if not isinstance(content, dict):
        log.warning("dropped a receipt without content")
        return []
    out: list[f.Fact] = []
    for event_id, kinds in content.items():
        if not isinstance(event_id, str) or not isinstance(kinds, dict):
            continue
        readers: set[str] = set()
        for kind in ("m.read", "m.read.private"):
            users = kinds.get(kind)
            if isinstance(users, dict):
                readers.update(u for u in users if isinstance(u, str))
        for user in sorted(readers):
            if user == own_id:
                out.append(f.ReadUpTo(room_id, event_id))
            else:
                out.append(f.DeliveryUpdated(room_id, DeliveryState.READ, event_id, up_to=True))
    return out


def own_receipt(event: Mapping[str, Any], own_id: str) -> str | None:
    """The event our newest ``m.read``/``m.read.private`` receipt in ``event`` points at."""
    content = event.get("content")
    if not isinstance(content, dict):
        return None
    newest: tuple[int, str] | None = None
    for event_id, kinds in content.items():
        if not isinstance(event_id, str) or not isinstance(kinds, dict):
            continue
        for kind in ("m.read", "m.read.private"):
            users = kinds.get(kind)
            mine = users.get(own_id) if isinstance(users, dict) else None
            ts = get_int(mine, "ts") if isinstance(mine, dict) else None
            if ts is not None and (newest is None or ts > newest[0]):
                newest = (ts, event_id)
    return newest[1] if newest else None


_PRESENCE = {
    "online": PresenceState.AVAILABLE,
    "unavailable": PresenceState.AWAY,
    "offline": PresenceState.OFFLINE,
}


def presence_of(event: Mapping[str, Any], log: Log = _log) -> tuple[str, Presence] | None:
    sender = get_str(event, "sender")
    content = get_dict(event, "content")
    state = get_str(content, "presence") if content else None
    if sender is None or content is None or state is None:
        log.warning("dropped a malformed presence event")
        return None
    status = get_str(content, "status_msg") or ""
    ago = get_int(content, "last_active_ago")
    seen = None
    if ago is not None and ago >= 0 and content.get("currently_active") is not True:
        seen = datetime.now(UTC) - timedelta(milliseconds=ago)
    return sender, Presence(_PRESENCE.get(state, PresenceState.UNKNOWN), status, seen)


def presence_to_matrix(presence: Presence) -> str:
    if presence.state in (PresenceState.AVAILABLE, PresenceState.CHAT):
        return "online"
    if presence.state is PresenceState.OFFLINE:
        return "offline"
    return "unavailable"


# -- direct chats, invites --------------------------------------------------------------------


def direct_rooms(content: object, log: Log = _log) -> dict[str, str]:
    """``m.direct`` ({user: [room, …]}) as room → user; malformed entries are skipped."""
    if not isinstance(content, dict):
        log.warning("ignored a malformed m.direct")
        return {}
    rooms: dict[str, str] = {}
    for user, room_ids in content.items():
        if not isinstance(user, str) or not isinstance(room_ids, list):
            continue
        for room_id in room_ids:
            if isinstance(room_id, str):
                rooms[room_id] = user
    return rooms


def invite_fact(
    room_id: str, invite_state: object, own_id: str, log: Log = _log
) -> f.InviteReceived | None:
    """Our ``m.room.member`` invite in ``invite_state`` as a fact (who, why, a DM or not)."""
    for event in events_of(invite_state):
        if get_str(event, "type") != "m.room.member" or get_str(event, "state_key") != own_id:
            continue
        content = get_dict(event, "content") or {}
        if get_str(content, "membership") != "invite":
            continue
        inviter = get_str(event, "sender")
        if inviter is None:
            break
        kind = (
            ConversationKind.DIRECT if content.get("is_direct") is True else ConversationKind.GROUP
        )
        return f.InviteReceived(room_id, inviter, get_str(content, "reason") or "", kind=kind)
    log.warning("ignored an invite to %s without our membership event", room_id)
    return None


# -- power levels -------------------------------------------------------------------------------


def user_level(power_levels: Mapping[str, Any], user_id: str) -> int:
    users = power_levels.get("users")
    if isinstance(users, dict):
        level = users.get(user_id)
        if isinstance(level, int) and not isinstance(level, bool):
            return level
    default = power_levels.get("users_default", 0)
    return default if isinstance(default, int) and not isinstance(default, bool) else 0


def required_level(power_levels: Mapping[str, Any], action: str, default: int = 50) -> int:
    value = power_levels.get(action, default)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def state_level(power_levels: Mapping[str, Any], event_type: str) -> int:
    events = power_levels.get("events")
    if isinstance(events, dict):
        level = events.get(event_type)
        if isinstance(level, int) and not isinstance(level, bool):
            return level
    return required_level(power_levels, "state_default", 50)


def role_for(level: int, power_levels: Mapping[str, Any], *, creator: bool = False) -> Role:
    """Element's reading of power levels: 100 admin, 50 moderator; creators (v12) own the room."""
    if creator:
        return Role.OWNER
    if level >= 100:
        return Role.ADMIN
    if level >= 50:
        return Role.MODERATOR
    if level < required_level(power_levels, "events_default", 0):
        return Role.VISITOR
    return Role.MEMBER


# -- media ----------------------------------------------------------------------------------------


def image_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from the first bytes of a PNG, GIF or JPEG file (for ``info.w/h``)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24 and head[12:16] == b"IHDR":
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        return int.from_bytes(head[6:8], "little"), int.from_bytes(head[8:10], "little")
    if head.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(head):
            if head[i] != 0xFF:
                return None
            marker = head[i + 1]
            length = int.from_bytes(head[i + 2 : i + 4], "big")
            if marker in (
                0xC0,
                0xC1,
                0xC2,
                0xC3,
                0xC5,
                0xC6,
                0xC7,
                0xC9,
                0xCA,
                0xCB,
                0xCD,
                0xCE,
                0xCF,
            ):
                height = int.from_bytes(head[i + 5 : i + 7], "big")
                width = int.from_bytes(head[i + 7 : i + 9], "big")
                return width, height
            if length < 2:
                return None
            i += 2 + length
    return None
