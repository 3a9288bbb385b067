"""Stanza → facts: the pure half of the XMPP backend (DESIGN §8.7).

Everything here works on plain ElementTree elements, holds no state and does no I/O, so each rule is
tested with a table of recorded stanzas (``tests/unit/backends/xmpp``). What the network side needs
to act on (a receipt to send, a pair of ids to remember) comes back next to the facts.

Identity rules, shared with the sending side:

- a 1:1 conversation is the peer's bare JID; a room is the room's bare JID (``GROUP``);
- in a room the sender is the occupant nick (our own messages use our bare JID, as the core does for
  what we type);
- ``remote_id`` is the XEP-0359 stanza-id assigned by *our* archive (1:1) or the room's archive (MUC),
  so live copies and MAM copies of one message match. Our own 1:1 messages keep the id we sent them
  with (we never learn their stanza-id, and it is what peers reference).

Input is hostile: unknown elements are ignored, malformed parts are skipped, nothing here raises for
bad data (the backend still catches, logs and reports :class:`~app.facts.BadInput` if a bug slips).
"""

from __future__ import annotations

import mimetypes
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import unquote, urlsplit

from slixmpp.jid import JID, InvalidJID

from app import facts as f
from app.i18n import CoreMessages
from app.models import (
    Attachment,
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Member,
    MessageKind,
    Presence,
    PresenceState,
    Role,
    RoomListing,
    Trust,
)
from app.spoilers import spoiler_html
from backends.xmpp import moderation, ns, styling
from backends.xmpp.ns import q
from backends.xmpp.omemo.aesgcm import parse_body as parse_shared_file

MAX_HTML_CHARS = 200_000  # rich text beyond this is dropped; the plain body is kept
MAX_REACTIONS = 32
MAX_REACTION_CHARS = 64
MAX_ATTACHMENTS = 16
MAX_OCCUPANT_ID = 256  # Prosody's are 44 characters; a longer one is ignored, not cut short


def _identity(conversation: str, ref: str) -> str:
    return ref


def _not_encrypted(message: ET.Element) -> Trust:
    return Trust.NONE


@dataclass(frozen=True, slots=True)
class Context:
    """What parsing needs to know about us."""

    account_id: str
    own_jid: str  # bare
    rooms: Mapping[str, str] = field(default_factory=dict)  # joined room → our nick
    resolve: Callable[[str, str], str] = _identity
    """(conversation, id a stanza references) → the remote id we reported for that message."""
    history: bool = False
    servers: frozenset[str] = frozenset()
    """Domains of our own server besides our JID's (the service we connected to)."""
    stamping: frozenset[str] = frozenset()
    """Archives whose XEP-0359 stanza-ids we believe: our own account and rooms that said they
    add them (``urn:xmpp:sid:0`` in their disco#info). Such an entity must strip anyone else's
    claim to be it; an entity that never said so strips nothing, so its "ids" may be forged."""
    occupant_ids: frozenset[str] = frozenset()
    """Rooms that said they give occupant ids (XEP-0421, in their disco#info): such a room
    replaces whatever ``<occupant-id>`` a sender put in; anywhere else one may be forged."""
    trust: Callable[[ET.Element], Trust] = _not_encrypted
    """How a ``<message>`` was encrypted: OMEMO decrypts stanzas before they are converted and
    answers for the elements it rewrote (nothing in a stanza can claim it)."""

    def is_our_server(self, who: JID) -> bool:
        """``who`` is our own server itself (not a user, not a subdomain, not another server)."""
        if who.user:
            return False
        own = jid(self.own_jid)
        return who.domain in self.servers or (own is not None and who.domain == own.domain)


@dataclass(frozen=True, slots=True)
class IdLink:
    """One message's ids: what others reference it by, and what we reported it as."""

    conversation: str
    ref: str  # origin-id or id attribute (referenced by 1:1 peers and by corrections)
    remote_id: str
    archive_id: str | None = None  # stanza-id in the archive that holds it (for MAM paging)
    sender: str = ""


@dataclass(slots=True)
class ParsedMessage:
    """Facts of one message stanza, plus what the network side must do about it."""

    facts: list[f.Fact] = field(default_factory=list)
    receipt_to: str | None = None  # full JID that asked for a delivery receipt
    receipt_id: str | None = None
    link: IdLink | None = None
    archived: ArchiveMark | None = None  # a live stanza's place in an archive (for catching up)


@dataclass(frozen=True, slots=True)
class ArchiveMark:
    """Where a live message sits in an archive: the stanza-id that archive gave it, and when."""

    archive: str  # bare JID of the archive (ours, or the room)
    archive_id: str
    timestamp: datetime | None = None


# -- small readers -----------------------------------------------------------------------------


def jid(text: str | None) -> JID | None:
    """A parsed JID, or None for missing or invalid text."""
    if not text:
        return None
    try:
        return JID(text)
    except (InvalidJID, ValueError, TypeError):
        return None


def parse_stamp(text: str | None) -> datetime | None:
    """XEP-0082 date-time → aware datetime; None when absent or malformed."""
    if not text:
        return None
    try:
        stamp = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def _text(el: ET.Element | None) -> str:
    return "" if el is None or el.text is None else el.text


def _body(msg: ET.Element) -> str | None:
    bodies = msg.findall(q(ns.CLIENT, "body"))
    if not bodies:
        return None
    plain = [b for b in bodies if not b.get("{http://www.w3.org/XML/1998/namespace}lang")]
    return _text((plain or bodies)[0])


def _strip_ns(el: ET.Element) -> ET.Element:
    """A copy of ``el`` with namespaces removed from tags and attributes (XHTML → HTML)."""
    tag = el.tag.rpartition("}")[2] if isinstance(el.tag, str) else "span"
    out = ET.Element(tag)
    for key, value in el.attrib.items():
        out.set(key.rpartition("}")[2], value)
    out.text = el.text
    out.tail = el.tail
    for child in el:
        out.append(_strip_ns(child))
    return out


def _styled(msg: ET.Element, text: str) -> str | None:
    """Message Styling (XEP-0393) in the body as HTML, unless the sender asked for none."""
    if msg.find(q(ns.STYLING, "unstyled")) is not None:
        return None
    return styling.styling_to_html(text)


def _spoiler(msg: ET.Element, text: str, html: str | None) -> str | None:
    """A body marked as a spoiler (XEP-0382, its hint the element's text) as the HTML the
    Matrix side has for one: the whole body in a spoiler span, so one path hides it."""
    spoiler = msg.find(q(ns.SPOILER, "spoiler"))
    if spoiler is None or not text.strip():
        return html
    inner = html if html is not None else _escape(text).replace("\n", "<br>")
    return spoiler_html(inner, spoiler.text or "")


def _xhtml(msg: ET.Element) -> str | None:
    """The XHTML-IM body as an HTML string, untouched otherwise: the core sanitises it."""
    html = msg.find(q(ns.XHTML_IM, "html"))
    body = None if html is None else html.find(q(ns.XHTML, "body"))
    if body is None:
        return None
    parts = [_escape(body.text or "")]
    for child in body:
        parts.append(ET.tostring(_strip_ns(child), encoding="unicode", method="html"))
    out = "".join(parts).strip()
    return out if out and len(out) <= MAX_HTML_CHARS else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _trusted_stanza_id(msg: ET.Element, by: str, ctx: Context) -> str | None:
    """XEP-0359 stanza-id set by ``by``, if ``by`` vouches for its ids (see
    :attr:`Context.stamping`); anyone else's claim is ignored: it could be forged.

    Of several claiming ``by``, the last: the archive appends its own after whatever the sender
    wrote, and Prosody 0.12 keeps a forged one in front of it instead of removing it."""
    if by not in ctx.stamping:
        return None
    found = None
    for sid in msg.findall(q(ns.SID, "stanza-id")):
        claimed = jid(sid.get("by"))
        if claimed is not None and claimed.full == by and sid.get("id"):
            found = sid.get("id")
    return found


def occupant_id(stanza: ET.Element, room: str, ctx: Context) -> str | None:
    """The room's id for the occupant who sent ``stanza`` (XEP-0421), only from a room that
    advertises them (it strips a sender's own); elsewhere it is the sender's claim: ignored."""
    if room not in ctx.occupant_ids:
        return None
    el = stanza.find(q(ns.OCCUPANT_ID, "occupant-id"))
    found = None if el is None else el.get("id")
    return found if found and len(found) <= MAX_OCCUPANT_ID else None


def _origin_id(msg: ET.Element) -> str | None:
    origin = msg.find(q(ns.SID, "origin-id"))
    return (origin.get("id") or None) if origin is not None else None


def _delay(msg: ET.Element) -> datetime | None:
    delay = msg.find(q(ns.DELAY, "delay"))
    return None if delay is None else parse_stamp(delay.get("stamp"))


def _attachments(msg: ET.Element) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    for x in msg.findall(q(ns.OOB, "x"))[:MAX_ATTACHMENTS]:
        url = _text(x.find(q(ns.OOB, "url"))).strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        name = unquote(parts.path.rstrip("/").rpartition("/")[2]) or parts.netloc
        # no type on the wire: guessed from the name, so audio and video (Conversations' voice
        # messages: .m4a, .oga, .opus) play inline
        mime = mimetypes.guess_type(name)[0] or ""
        found.append(Attachment(url=url, filename=name, mime_type=mime))
    return tuple(found)


def _strip_fallback(body: str, msg: ET.Element, for_ns: str) -> str:
    """Remove a XEP-0428 fallback range (quoted reply text) from the body."""
    for fb in msg.findall(q(ns.FALLBACK, "fallback")):
        if fb.get("for") != for_ns:
            continue
        ranges = fb.findall(q(ns.FALLBACK, "body"))
        if not ranges:
            return body
        for rng in sorted(ranges, key=lambda r: _int(r.get("start")) or 0, reverse=True):
            start, end = _int(rng.get("start")), _int(rng.get("end"))
            if start is None or end is None or not 0 <= start <= end <= len(body):
                continue
            body = body[:start] + body[end:]
        return body
    return body


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _mentions(body: str, nick: str) -> bool:
    if not nick:
        return False
    return re.search(rf"(?<!\w){re.escape(nick)}(?!\w)", body, re.IGNORECASE) is not None


# -- messages ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Envelope:
    """What the wrapper around a message says about it (carbon, archive result, live)."""

    outgoing: bool | None = None  # forced by a carbon; None: decide from the addresses
    carbon: bool = False
    timestamp: datetime | None = None
    archive_id: str | None = None
    archive_of: str | None = None  # bare JID whose archive the result came from


def parse_message(msg: ET.Element, ctx: Context) -> ParsedMessage:
    """A live ``<message>`` (possibly a carbon copy) → facts."""
    carbon = _unwrap_carbon(msg, ctx)
    if carbon is not None:
        direction, inner = carbon
        if inner is None:
            return ParsedMessage([f.BadInput("carbon", "a carbon copy without a message")])
        env = _Envelope(outgoing=direction == "sent", carbon=True, timestamp=_delay(inner))
        return _message(inner, ctx, env)
    if (
        msg.find(q(ns.CARBONS, "received")) is not None
        or msg.find(q(ns.CARBONS, "sent")) is not None
    ):
        sender = msg.get("from", "")
        return ParsedMessage([f.BadInput("carbon", f"a carbon copy claimed by {sender!r}")])
    return _message(msg, ctx, _Envelope(timestamp=_delay(msg)))


def parse_archived(result: ET.Element, archive_of: str, ctx: Context) -> ParsedMessage:
    """A MAM ``<result>`` element from the archive of ``archive_of`` → facts (``history=True``)."""
    forwarded = result.find(q(ns.FORWARD, "forwarded"))
    inner = None if forwarded is None else forwarded.find(q(ns.CLIENT, "message"))
    if forwarded is None or inner is None:
        return ParsedMessage([f.BadInput("archive", "an archive result without a message")])
    env = _Envelope(
        timestamp=_delay(forwarded) or _delay(inner),
        archive_id=result.get("id") or None,
        archive_of=archive_of,
    )
    return _message(inner, replace(ctx, history=True), env)


def archive_mark(result: ET.Element, archive_of: str) -> ArchiveMark | None:
    """The place of a MAM ``<result>`` in the archive of ``archive_of`` (its id and time)."""
    result_id = result.get("id")
    if not result_id:
        return None
    forwarded = result.find(q(ns.FORWARD, "forwarded"))
    return ArchiveMark(archive_of, result_id, None if forwarded is None else _delay(forwarded))


def _unwrap_carbon(
    msg: ET.Element, ctx: Context
) -> tuple[Literal["sent", "received"], ET.Element | None] | None:
    sender = jid(msg.get("from"))
    if sender is None or sender.full != ctx.own_jid:  # only our own account may send carbons
        return None
    for direction in ("sent", "received"):
        wrap = msg.find(q(ns.CARBONS, direction))
        if wrap is not None:
            fwd = wrap.find(q(ns.FORWARD, "forwarded"))
            inner = None if fwd is None else fwd.find(q(ns.CLIENT, "message"))
            return ("sent" if direction == "sent" else "received"), inner
    return None


def _message(msg: ET.Element, ctx: Context, env: _Envelope) -> ParsedMessage:
    mtype = msg.get("type") or "normal"
    own = ctx.own_jid
    out = ParsedMessage()
    parsed_from, parsed_to = jid(msg.get("from")), jid(msg.get("to"))
    if (msg.get("from") and parsed_from is None) or (msg.get("to") and parsed_to is None):
        out.facts.append(f.BadInput("message", "an address that is not a valid JID"))
        return out
    sender = parsed_from or JID(own)  # no 'from': our own account (RFC 6120 §8.1.2.1)
    to = parsed_to or JID(own)
    if mtype == "error":
        return _error(msg, sender, out)
    if mtype == "groupchat":
        return _groupchat(msg, ctx, env, sender, out)
    outgoing = env.outgoing if env.outgoing is not None else sender.bare == own
    if not outgoing and ctx.is_our_server(sender):
        # Our own server (announcements, MOTD): shown as "Server" text. Anyone else — another
        # server, a service, a user sending a headline — is an ordinary sender, so the core's
        # block list and "only contacts" rule apply to them.
        body = _body(msg)
        if body and not env.archive_id:
            out.facts.append(f.ServiceNotice(body))
        return out
    invite = _invite(msg, sender)
    if invite is not None:
        out.facts.append(invite)
        return out
    if moderation.find(msg) is not None:  # only a room may remove someone's message
        out.facts.append(f.BadInput("moderation", f"a moderation from {sender.bare}, no room"))
        return out
    peer = to if outgoing else sender
    private_room = peer.bare in ctx.rooms and bool(peer.resource)
    conversation = peer.full if private_room else peer.bare
    who = own if outgoing else conversation
    _common(msg, ctx, env, out, _Where(conversation, ConversationKind.DIRECT, who, outgoing, mtype))
    return out


def _groupchat(
    msg: ET.Element, ctx: Context, env: _Envelope, sender: JID, out: ParsedMessage
) -> ParsedMessage:
    room = sender.bare
    if env.archive_of is not None and env.archive_of != room:
        # A room's archive only holds that room's messages; anything else is forged.
        out.facts.append(f.BadInput("archive", "a room archive result from another room"))
        return out
    if not ctx.history and room not in ctx.rooms:
        # Rooms we are not in do not send us room messages; anyone can claim type="groupchat".
        out.facts.append(f.BadInput("groupchat", "a room message from a room we are not in"))
        return out
    nick = sender.resource
    moderated = moderation.find(msg)
    if moderated is not None:
        archive_id = env.archive_id if env.archive_of == room else None
        out.facts.append(moderation.fact(moderated, room, not nick, archive_id, ctx.resolve))
        return out
    our_nick = ctx.rooms.get(room, "")
    subject = msg.find(q(ns.CLIENT, "subject"))
    if subject is not None and _body(msg) is None and msg.find(q(ns.CLIENT, "thread")) is None:
        if not ctx.history:
            out.facts.append(
                f.ConversationUpdated(room, ConversationKind.GROUP, topic=_text(subject))
            )
        return out
    invite = _invite(msg, sender)
    if invite is not None:
        out.facts.append(invite)
        return out
    outgoing = bool(nick) and nick == our_nick
    who = ctx.own_jid if outgoing else (nick or room)
    occupant = occupant_id(msg, room, ctx) if nick else None
    where = _Where(room, ConversationKind.GROUP, who, outgoing, "groupchat", our_nick, occupant)
    _common(msg, ctx, env, out, where)
    return out


def _error(msg: ET.Element, sender: JID, out: ParsedMessage) -> ParsedMessage:
    ref = msg.get("id")
    condition, text = _error_of(msg, default="")
    reason = (
        text
        or condition.replace("-", " ")
        or CoreMessages.tr("The server could not deliver this message.")
    )
    if ref:
        out.facts.append(
            f.DeliveryUpdated(sender.bare, DeliveryState.FAILED, txn_id=ref, reason=reason)
        )
    return out


def _invite(msg: ET.Element, sender: JID) -> f.InviteReceived | None:
    """A mediated (XEP-0045, relayed by the room) or direct (XEP-0249) invitation.

    Mediated first: rooms also attach a legacy ``jabber:x:conference`` element to it.
    """
    user = msg.find(q(ns.MUC_USER, "x"))
    invite = None if user is None else user.find(q(ns.MUC_USER, "invite"))
    if user is not None and invite is not None and not sender.resource and sender.user:
        inviter = jid(invite.get("from"))
        if inviter is None:
            who = sender.bare
        elif inviter.bare == sender.bare:
            who = inviter.full  # the room hides real addresses: the inviter's place in the room
        else:
            who = inviter.bare
        return f.InviteReceived(
            sender.bare,
            inviter=who,
            reason=_text(invite.find(q(ns.MUC_USER, "reason"))),
            password=_text(user.find(q(ns.MUC_USER, "password"))),
        )
    direct = msg.find(q(ns.CONFERENCE, "x"))
    if direct is not None:
        room = jid(direct.get("jid"))
        if room is None or not room.bare or not room.user:
            return None
        return f.InviteReceived(
            room.bare,
            inviter=sender.bare,
            reason=direct.get("reason", ""),
            password=direct.get("password", ""),
        )
    return None


@dataclass(frozen=True, slots=True)
class _Where:
    """Where a message belongs and who wrote it, once the addresses are understood."""

    conversation: str
    kind: ConversationKind
    who: str
    outgoing: bool
    mtype: str
    our_nick: str = ""
    occupant_id: str | None = None  # the room's id for the sender (XEP-0421), when it vouches


def _common(msg: ET.Element, ctx: Context, env: _Envelope, out: ParsedMessage, w: _Where) -> None:
    """What 1:1 and room messages share: ids, markers, receipts, reactions, bodies."""
    conversation, kind, who, outgoing = w.conversation, w.kind, w.who, w.outgoing
    group = kind is ConversationKind.GROUP
    ref = _origin_id(msg) or msg.get("id") or None
    archive_by = conversation if group else ctx.own_jid
    stamped = _trusted_stanza_id(msg, archive_by, ctx)
    archive_id = env.archive_id or stamped
    if stamped and not env.archive_id and not ctx.history:
        out.archived = ArchiveMark(archive_by, stamped, env.timestamp)
    remote_id = (archive_id or ref) if group or not outgoing else (ref or archive_id)
    # Only an archive's id names one message for sure; the sender's id is the sender's choice.
    unique = remote_id is not None and remote_id == archive_id
    resolve = ctx.resolve

    retracted = _retracted_id(msg)
    if retracted:
        out.facts.append(
            f.MessageRetracted(
                conversation, resolve(conversation, retracted), who, occupant_id=w.occupant_id
            )
        )
        return
    reactions = msg.find(q(ns.REACTIONS, "reactions"))
    if reactions is not None:
        target = reactions.get("id")
        if target:
            keys = tuple(
                dict.fromkeys(
                    k
                    for k in (
                        _text(r).strip() for r in reactions.findall(q(ns.REACTIONS, "reaction"))
                    )
                    if k and len(k) <= MAX_REACTION_CHARS
                )
            )[:MAX_REACTIONS]
            out.facts.append(
                f.ReactionsReplaced(conversation, resolve(conversation, target), who, keys)
            )
        return

    _markers(msg, ctx, out, w)
    if not ctx.history and not outgoing:
        state = _chat_state(msg)
        if state is not None:
            out.facts.append(f.TypingChanged(conversation, who, state))

    body, attachments, trust = _content(msg, ctx)
    if body is None and not attachments:
        return
    text = body or ""
    reply = msg.find(q(ns.REPLY, "reply"))
    reply_to = None
    if reply is not None and reply.get("id"):
        reply_to = resolve(conversation, reply.get("id", ""))
        text = _strip_fallback(text, msg, ns.REPLY)
    correction = msg.find(q(ns.CORRECT, "replace"))
    replaces = resolve(conversation, correction.get("id", "")) if correction is not None else None
    if replaces == "":
        replaces = None
    out.facts.append(
        f.MessageReceived(
            conversation=conversation,
            sender=who,
            body=text,
            conversation_kind=kind,
            remote_id=remote_id,
            timestamp=env.timestamp,
            html=_spoiler(msg, text, _xhtml(msg) or _styled(msg, text)),
            kind=MessageKind.EMOTE if text.startswith("/me ") else MessageKind.TEXT,
            attachments=attachments,
            reply_to=reply_to,
            replaces=replaces,
            outgoing=outgoing,
            txn_id=ref if outgoing else None,
            history=ctx.history or (group and env.timestamp is not None and not outgoing),
            mentions_me=group and not outgoing and _mentions(text, w.our_nick),
            trust=trust,
            ref_id=ref if ref and ref != remote_id else None,  # what peers refer to it by
            occupant_id=w.occupant_id,
            remote_id_unique=unique,
        )
    )
    if ref and remote_id:
        out.link = IdLink(conversation, ref, remote_id, archive_id, who)
    if (
        not outgoing
        and not group
        and not ctx.history
        and not env.carbon
        and w.mtype in ("chat", "normal")
        and msg.find(q(ns.RECEIPTS, "request")) is not None
        and msg.get("id")
    ):
        out.receipt_to = msg.get("from")
        out.receipt_id = msg.get("id")


def _content(msg: ET.Element, ctx: Context) -> tuple[str | None, tuple[Attachment, ...], Trust]:
    """The body, the attachments and how the message was encrypted. A body that is only an
    ``aesgcm://`` link (XEP-0454) is a shared file — believed only of an encrypted message."""
    body = _body(msg)
    attachments = _attachments(msg)
    trust = ctx.trust(msg)
    shared = parse_shared_file(body) if body and trust is not Trust.NONE else None
    if shared is not None:
        name = shared.filename
        mime = mimetypes.guess_type(name)[0] or ""
        attachments = (*attachments, Attachment(url=shared.link(), filename=name, mime_type=mime))
        body = name
    return body, attachments, trust


def _retracted_id(msg: ET.Element) -> str | None:
    retract = msg.find(q(ns.RETRACT, "retract"))
    if retract is not None and retract.get("id"):
        return retract.get("id")
    fasten = msg.find(q(ns.FASTEN, "apply-to"))
    if fasten is not None and fasten.find(q(ns.RETRACT_0, "retract")) is not None:
        return fasten.get("id") or None
    return None


_STATES = {"composing": True, "paused": False, "active": False, "inactive": False, "gone": False}


def _chat_state(msg: ET.Element) -> bool | None:
    for name, typing in _STATES.items():
        if msg.find(q(ns.CHATSTATES, name)) is not None:
            return typing
    return None


def _markers(msg: ET.Element, ctx: Context, out: ParsedMessage, w: _Where) -> None:
    """Receipts (XEP-0184) and chat markers (XEP-0333) about earlier messages."""
    conversation, outgoing = w.conversation, w.outgoing
    if w.kind is ConversationKind.GROUP:
        return  # a room's markers say one member saw it; not a delivery state of ours
    receipt = msg.find(q(ns.RECEIPTS, "received"))
    if receipt is not None and receipt.get("id") and not outgoing:
        ref = receipt.get("id", "")
        out.facts.append(
            f.DeliveryUpdated(
                conversation,
                DeliveryState.DELIVERED,
                remote_id=ctx.resolve(conversation, ref),
                txn_id=ref,
            )
        )
    for name, state in (
        ("received", DeliveryState.DELIVERED),
        ("displayed", DeliveryState.READ),
        ("acknowledged", DeliveryState.READ),
    ):
        marker = msg.find(q(ns.MARKERS, name))
        if marker is None or not marker.get("id"):
            continue
        ref = marker.get("id", "")
        if outgoing:
            if state is DeliveryState.READ:  # we read it on another device
                out.facts.append(f.ReadUpTo(conversation, ctx.resolve(conversation, ref)))
            continue
        out.facts.append(
            f.DeliveryUpdated(
                conversation,
                state,
                remote_id=ctx.resolve(conversation, ref),
                txn_id=ref,
                up_to=True,
            )
        )


# -- presence ----------------------------------------------------------------------------------

_SHOW = {
    "chat": PresenceState.CHAT,
    "away": PresenceState.AWAY,
    "xa": PresenceState.EXTENDED_AWAY,
    "dnd": PresenceState.DO_NOT_DISTURB,
}


@dataclass(frozen=True, slots=True)
class ContactPresence:
    """One device (resource) of a contact came, changed or went."""

    bare: str
    resource: str
    priority: int
    presence: Presence  # OFFLINE when the resource went away


@dataclass(frozen=True, slots=True)
class SubscriptionPresence:
    """A presence subscription request or answer (RFC 6121 §3)."""

    bare: str
    kind: str  # subscribe | subscribed | unsubscribe | unsubscribed
    nick: str = ""
    message: str = ""


@dataclass(frozen=True, slots=True)
class OccupantPresence:
    """Someone in a room came, changed or left (``member`` is None when they left)."""

    room: str
    nick: str
    member: Member | None  # None when the occupant left
    codes: frozenset[int]
    new_nick: str = ""  # with 303: the nick they changed to
    reason: str = ""

    @property
    def is_self(self) -> bool:
        return 110 in self.codes


@dataclass(frozen=True, slots=True)
class PresenceError:
    """A presence bounced: most often a failed room join."""

    sender: str  # full JID
    condition: str
    text: str = ""


PresenceEvent = ContactPresence | SubscriptionPresence | OccupantPresence | PresenceError


def _presence_value(pres: ET.Element, available: bool) -> Presence:
    status = _text(pres.find(q(ns.CLIENT, "status")))
    idle = pres.find(q(ns.IDLE, "idle"))
    since = parse_stamp(idle.get("since")) if idle is not None else None  # XEP-0319
    if not available:
        return Presence(PresenceState.OFFLINE, status, since)
    show = _text(pres.find(q(ns.CLIENT, "show"))).strip()
    return Presence(_SHOW.get(show, PresenceState.AVAILABLE), status, since)


def _error_of(el: ET.Element, default: str = "undefined-condition") -> tuple[str, str]:
    """The (condition, text) of a stanza's error; ``default`` when it names no condition."""
    err = el.find(q(ns.CLIENT, "error"))
    condition, text = default, ""
    if err is not None:
        for child in err:
            if isinstance(child.tag, str) and child.tag.startswith(f"{{{ns.STANZAS}}}"):
                name = child.tag.rpartition("}")[2]
                if name == "text":
                    text = _text(child)
                else:
                    condition = name
    return condition, text


def role_of(affiliation: str, role: str) -> Role:
    if affiliation == "owner":
        return Role.OWNER
    if affiliation == "admin":
        return Role.ADMIN
    if role == "moderator":
        return Role.MODERATOR
    if role == "visitor":
        return Role.VISITOR
    return Role.MEMBER


def parse_presence(pres: ET.Element, ctx: Context) -> PresenceEvent | None:
    sender = jid(pres.get("from"))
    if sender is None:
        return None
    ptype = pres.get("type") or "available"
    if ptype == "error":
        condition, text = _error_of(pres)
        return PresenceError(sender.full, condition, text)
    user = pres.find(q(ns.MUC_USER, "x"))
    if user is not None and sender.resource:
        return _occupant(pres, user, sender, ptype, ctx)
    if ptype in ("subscribe", "subscribed", "unsubscribe", "unsubscribed"):
        return SubscriptionPresence(
            sender.bare,
            ptype,
            nick=_text(pres.find(q(ns.NICK, "nick"))).strip(),
            message=_text(pres.find(q(ns.CLIENT, "status"))),
        )
    if ptype not in ("available", "unavailable"):
        return None
    priority = _int(_text(pres.find(q(ns.CLIENT, "priority"))).strip()) or 0
    return ContactPresence(
        sender.bare, sender.resource, priority, _presence_value(pres, ptype == "available")
    )


def _occupant(
    pres: ET.Element, user: ET.Element, sender: JID, ptype: str, ctx: Context
) -> OccupantPresence:
    room, nick = sender.bare, sender.resource
    codes = frozenset(
        c for c in (_int(s.get("code")) for s in user.findall(q(ns.MUC_USER, "status"))) if c
    )
    item = user.find(q(ns.MUC_USER, "item"))
    affiliation = (item.get("affiliation") if item is not None else None) or "none"
    role = (item.get("role") if item is not None else None) or "participant"
    real = jid(item.get("jid")) if item is not None else None
    reason = _text(item.find(q(ns.MUC_USER, "reason"))) if item is not None else ""
    if ptype == "unavailable":
        new_nick = (item.get("nick") or "") if item is not None and 303 in codes else ""
        return OccupantPresence(room, nick, None, codes, new_nick=new_nick, reason=reason)
    member = Member(
        conversation_id=ConversationId(ctx.account_id, room),
        native_id=nick,
        display_name=nick,
        role=role_of(affiliation, role),
        affiliation=affiliation,
        contact=ContactId(ctx.account_id, real.bare) if real is not None and real.bare else None,
        presence=_presence_value(pres, True),
    )
    return OccupantPresence(room, nick, member, codes, reason=reason)


def best_presence(resources: Iterable[tuple[int, Presence]]) -> Presence:
    """One presence for a contact with several devices: highest priority, then most available."""
    rank = {
        PresenceState.CHAT: 5,
        PresenceState.AVAILABLE: 4,
        PresenceState.AWAY: 3,
        PresenceState.EXTENDED_AWAY: 2,
        PresenceState.DO_NOT_DISTURB: 1,
    }
    best: tuple[int, int, Presence] | None = None
    for priority, presence in resources:
        key = (priority, rank.get(presence.state, 0), presence)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best is not None else Presence(PresenceState.OFFLINE)


# -- roster, blocking, disco, archive ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RosterItem:
    """One roster entry as the server states it."""

    jid: str
    name: str = ""
    groups: tuple[str, ...] = ()
    subscription: str = "none"
    ask: bool = False

    @property
    def removed(self) -> bool:
        return self.subscription == "remove"


def parse_roster(query: ET.Element | None) -> list[RosterItem]:
    if query is None:
        return []
    items: list[RosterItem] = []
    for item in query.findall(q(ns.ROSTER, "item")):
        who = jid(item.get("jid"))
        if who is None or not who.bare:
            continue
        sub = item.get("subscription") or "none"
        if sub not in ("none", "to", "from", "both", "remove"):
            sub = "none"
        items.append(
            RosterItem(
                jid=who.bare,
                name=item.get("name") or "",
                groups=tuple(
                    dict.fromkeys(_text(g) for g in item.findall(q(ns.ROSTER, "group")) if _text(g))
                ),
                subscription=sub,
                ask=item.get("ask") == "subscribe",
            )
        )
    return items


def contact_of(item: RosterItem | None, bare: str, account_id: str, blocked: bool) -> Contact:
    """The unified contact for a roster entry (or a blocked address outside the roster)."""
    if item is None:
        return Contact(ContactId(account_id, bare), blocked=blocked)
    return Contact(
        ContactId(account_id, item.jid),
        display_name=item.name,
        groups=item.groups,
        subscription=item.subscription + ("+ask" if item.ask else ""),
        blocked=blocked,
    )


def parse_block_items(el: ET.Element | None) -> list[str]:
    if el is None:
        return []
    return [
        who.bare
        for who in (jid(i.get("jid")) for i in el.findall(q(ns.BLOCKING, "item")))
        if who is not None and who.bare
    ]


@dataclass(frozen=True, slots=True)
class DiscoInfo:
    """What an entity says it is and supports (XEP-0030), with its extended forms (XEP-0128)."""

    features: frozenset[str] = frozenset()
    identities: frozenset[tuple[str, str]] = frozenset()  # (category, type)
    name: str = ""
    fields: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # FORM_TYPE → var → value


def parse_disco_info(query: ET.Element | None) -> DiscoInfo:
    if query is None:
        return DiscoInfo()
    features = frozenset(
        x.get("var", "") for x in query.findall(q(ns.DISCO_INFO, "feature")) if x.get("var")
    )
    identities = query.findall(q(ns.DISCO_INFO, "identity"))
    name = next((i.get("name", "") for i in identities if i.get("name")), "")
    forms: dict[str, dict[str, str]] = {}
    for form in query.findall(q(ns.DATA_FORMS, "x")):
        values: dict[str, str] = {}
        for fld in form.findall(q(ns.DATA_FORMS, "field")):
            var = fld.get("var")
            if var:
                values[var] = _text(fld.find(q(ns.DATA_FORMS, "value")))
        forms[values.get("FORM_TYPE", "")] = values
    return DiscoInfo(
        features,
        frozenset((i.get("category", ""), i.get("type", "")) for i in identities),
        name,
        forms,
    )


def parse_room_items(query: ET.Element | None) -> list[RoomListing]:
    """A MUC service's rooms (disco#items): address and name, as the service gives them."""
    if query is None:
        return []
    rooms = []
    for item in query.findall(q(ns.DISCO_ITEMS, "item")):
        address = item.get("jid", "")
        if jid(address) is None or "@" not in address:
            continue
        rooms.append(RoomListing(address, item.get("name", "") or address.split("@", 1)[0]))
    return rooms


ROOM_INFO = "http://jabber.org/protocol/muc#roominfo"


def room_listing(room: RoomListing, info: DiscoInfo) -> RoomListing:
    """A listed room with what its disco#info adds (XEP-0045 §6.4): name, subject, occupants."""
    fields = info.fields.get(ROOM_INFO, {})
    occupants = fields.get("muc#roominfo_occupants", "")
    return RoomListing(
        room.address,
        info.name or room.name,
        fields.get("muc#roominfo_subject", "") or fields.get("muc#roominfo_description", ""),
        int(occupants) if occupants.isdigit() else room.members,
    )


def parse_disco_items(query: ET.Element | None) -> list[str]:
    if query is None:
        return []
    return [i.get("jid", "") for i in query.findall(q(ns.DISCO_ITEMS, "item")) if i.get("jid")]


@dataclass(frozen=True, slots=True)
class ArchivePage:
    """Where an archive query ended (XEP-0313 ``<fin>`` with its RSM page)."""

    complete: bool
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class ArchivePrefs:
    """What our archive keeps (XEP-0313 preferences)."""

    default: str  # always | roster | never
    always: frozenset[str] = frozenset()
    never: frozenset[str] = frozenset()

    def keeps_everything_with(self, contact: str) -> bool:
        """Whether every message exchanged with ``contact`` is archived, whoever they are."""
        if contact in self.always:
            return True
        return self.default == "always" and contact not in self.never


def parse_mam_prefs(iq: ET.Element) -> ArchivePrefs | None:
    prefs = iq.find(q(ns.MAM, "prefs"))
    if prefs is None:
        return None

    def jids(name: str) -> frozenset[str]:
        holder = prefs.find(q(ns.MAM, name))
        if holder is None:
            return frozenset()
        found = (jid(_text(j).strip()) for j in holder.findall(q(ns.MAM, "jid")))
        return frozenset(j.bare for j in found if j is not None and j.bare)

    default = prefs.get("default") or ""
    if default not in ("always", "roster", "never"):
        default = ""
    return ArchivePrefs(default, jids("always"), jids("never"))


def parse_mam_fin(iq: ET.Element) -> ArchivePage:
    fin = iq.find(q(ns.MAM, "fin"))
    if fin is None:
        return ArchivePage(True, None, None)
    rsm = fin.find(q(ns.RSM, "set"))
    first = _text(rsm.find(q(ns.RSM, "first"))) if rsm is not None else ""
    last = _text(rsm.find(q(ns.RSM, "last"))) if rsm is not None else ""
    return ArchivePage(fin.get("complete") in ("true", "1"), first or None, last or None)


def stanza_error(el: ET.Element) -> tuple[str, str]:
    """(condition, text) of an error stanza."""
    return _error_of(el)
