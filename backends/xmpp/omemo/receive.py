"""Decrypting incoming OMEMO stanzas *before* they are converted.

Live messages, carbon copies of what our other devices sent or received, and archive results all
come here first. The stanza is decrypted and rewritten in place to what it would have been in
plain (see :mod:`backends.xmpp.omemo.content`), and its trust is noted for the conversion
(:meth:`Decryptor.trust_of`), which then runs unchanged: ids, receipts, corrections, replies and
attachments work as for any other message. Trust cannot be forged from outside: it lives here,
keyed by the element we rewrote, not in the stanza.

What cannot be read says so, as a message with ``Trust.UNREADABLE``: not encrypted for this device,
a failed decryption (the conversation offers to repair the session), a distrusted device, an
invalid envelope. A heartbeat or key-transport message (OMEMO content without a payload) leaves
nothing to show. Live stanzas are decrypted one at a time, in arrival order (a ratchet needs its
messages in order as far as they come in order); archive pages as a batch inside python-omemo's
history mode (XEP-0384 §5: pre-keys used during catch-up are deleted after it).
"""

from __future__ import annotations

import asyncio
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from omemo.message import Message
from omemo.session_manager import (
    MessageNotForUs,
    PublicDataInconsistency,
    SenderDistrusted,
    SessionManager,
)
from omemo.types import DeviceInformation

from app import facts as f
from app.i18n import CoreMessages
from app.models import Trust
from backends.xmpp import convert, ns
from backends.xmpp.ns import q
from backends.xmpp.omemo import content, sce
from backends.xmpp.omemo import trust as trust_words
from backends.xmpp.omemo.engine import LOAD_WAIT, OmemoEngine
from backends.xmpp.omemo.policy import ConversationPolicy
from backends.xmpp.session import XmppSession

NOT_FOR_US = CoreMessages.tr(
    "This message was encrypted, but not for this device, so it cannot be read here."
)
FAILED = CoreMessages.tr(
    "This message could not be decrypted. Repairing the encryption session with the sender "
    "may help with the next messages."
)
DISTRUSTED = CoreMessages.tr("This message came from a device you distrust, so it is not shown.")
INVALID = CoreMessages.tr("This message's encrypted content was not valid, so it is not shown.")
OWN_COPY = CoreMessages.tr(
    "You sent this message from this device; its stored copy cannot be decrypted here."
)
UNAVAILABLE = CoreMessages.tr(
    "This message is encrypted, and encryption is not available right now."
)
CHANGED_KEY = CoreMessages.tr(
    "This message came from a device whose identity key changed, so it is not shown."
)
MAX_QUEUE = 2_000
MAX_BROKEN = 500


@dataclass(frozen=True, slots=True)
class _Where:
    """Who sent an encrypted stanza and to whom, as its addresses say."""

    message: ET.Element  # the inner <message> (unwrapped from a carbon or archive result)
    conversation: str
    sender: str  # bare JID (in a room: the real JID, "" when unknown)
    recipient: str  # bare JID (in a room: the room)
    group: bool
    sent: datetime | None
    message_id: str


class Decryptor:
    """Decrypts stanzas in place; remembers their trust and which senders' sessions broke."""

    def __init__(
        self,
        session: XmppSession,
        engine: OmemoEngine,
        policy: ConversationPolicy,
        real_jid: Callable[[str, str], str | None],
    ) -> None:
        self.session = session
        self.engine = engine
        self.policy = policy
        self.real_jid = real_jid  # (room, nick) → real bare JID of an occupant
        self._trust: weakref.WeakKeyDictionary[ET.Element, Trust] = weakref.WeakKeyDictionary()
        self.broken: dict[str, set[tuple[str, int]]] = {}  # conversation → (jid, device) failed
        self.sent_in_rooms: dict[str, dict[str, bytes]] = {}  # our txn id → plaintexts we sent
        self._queue: asyncio.Queue[tuple[ET.Element, Callable[[ET.Element], None]]] = asyncio.Queue(
            MAX_QUEUE
        )
        self._worker: asyncio.Task[None] | None = None

    # -- what the conversion asks ------------------------------------------------------------

    def trust_of(self, message: ET.Element) -> Trust:
        """The trust of a message we decrypted (``NONE`` for any other element)."""
        return self._trust.get(message, Trust.NONE)

    @staticmethod
    def encrypted(stanza: ET.Element) -> bool:
        """Whether a live stanza (or the message a carbon wraps) carries OMEMO."""
        return bool(content.encrypted_elements(_unwrap_carbon(stanza)))

    # -- live --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Stanzas wait for decryption: a plain one arriving now must queue behind them, so
        nothing overtakes (an archive position must never move past an unread message)."""
        return self._worker is not None and not self._worker.done()

    def later(self, stanza: ET.Element, then: Callable[[ET.Element], None]) -> None:
        """Decrypt ``stanza`` (if it is encrypted) in arrival order, then hand it to ``then``
        (the usual handler)."""
        try:
            self._queue.put_nowait((stanza, then))
        except asyncio.QueueFull:
            self.session.log.warning("too many encrypted messages waiting; one was dropped")
            return
        if self._worker is None or self._worker.done():
            self._worker = self.session.spawn(self._drain(), "omemo-decrypt")

    async def _drain(self) -> None:
        while not self._queue.empty():
            stanza, then = self._queue.get_nowait()
            try:
                if self.encrypted(stanza):
                    await self.decrypt_live(stanza)
            except Exception:
                self.session.log.warning("decrypting a message failed", exc_info=True)
                _fallback(_unwrap_carbon(stanza), self._trust)
            try:
                then(stanza)
            except Exception:  # the handler's bug must not stop the queue
                self.session.log.warning("handling a decrypted message failed", exc_info=True)

    async def decrypt_live(self, stanza: ET.Element) -> None:
        inner = _unwrap_carbon(stanza)
        delay = _delay(inner) or _delay(stanza)
        where = self._where(inner, delay, archive_of=None)
        if where is not None:
            await self._decrypt(where)

    # -- archives ----------------------------------------------------------------------------

    async def decrypt_results(self, results: list[ET.Element], archive: str) -> None:
        """Decrypt the encrypted messages among MAM ``<result>`` elements from ``archive``."""
        pending: list[_Where] = []
        own = self.session.own_jid
        for result in results:
            forwarded = result.find(q(ns.FORWARD, "forwarded"))
            inner = None if forwarded is None else forwarded.find(q(ns.CLIENT, "message"))
            if inner is None or not content.encrypted_elements(inner):
                continue
            sent = _delay(forwarded) if forwarded is not None else None
            where = self._where(inner, sent or _delay(inner), archive_of=archive)
            if where is None:
                continue
            if self.session.ids.knows_remote(where.conversation, result.get("id") or ""):
                # It came live and was decrypted then; its message key is used up.
                content.replace_with_notice(inner, OWN_COPY if where.sender == own else FAILED)
                self._trust[inner] = Trust.UNREADABLE
                continue
            if self._own_copy(where):
                continue
            pending.append(where)
        if not pending:
            return
        manager = await self.engine.wait_ready(LOAD_WAIT, "encrypted messages in an archive")
        if manager is not None:
            manager.before_history_sync()
        try:
            for where in pending:
                try:
                    await self._decrypt(where)
                except Exception:
                    self.session.log.warning("decrypting an archived message failed", exc_info=True)
                    _fallback(where.message, self._trust)
        finally:
            if manager is not None:
                try:
                    await manager.after_history_sync()
                except Exception:
                    self.session.log.info("OMEMO could not leave history mode", exc_info=True)

    # -- one stanza --------------------------------------------------------------------------

    def _where(
        self, inner: ET.Element, sent: datetime | None, archive_of: str | None
    ) -> _Where | None:
        if not content.encrypted_elements(inner):
            return None
        own = self.session.own_jid
        sender, to = convert.jid(inner.get("from")), convert.jid(inner.get("to"))
        message_id = _origin_id(inner) or inner.get("id") or ""
        if inner.get("type") == "groupchat":
            if sender is None:
                return None
            room, nick = sender.bare, sender.resource
            real = _item_jid(inner) if archive_of else None
            real = real or self.real_jid(room, nick) or ""
            return _Where(inner, room, real, room, True, sent, message_id)
        from_bare = sender.bare if sender is not None else own
        to_bare = to.bare if to is not None else own
        peer = to_bare if from_bare == own else from_bare
        return _Where(inner, peer, from_bare, to_bare, False, sent, message_id)

    async def _decrypt(self, where: _Where) -> None:
        message = where.message
        if self._own_copy(where):
            return
        manager = await self.engine.wait_ready(LOAD_WAIT, "an encrypted message arrived")
        if manager is None:
            content.replace_with_notice(message, UNAVAILABLE)
            self._trust[message] = Trust.UNREADABLE
            return
        found = content.encrypted_elements(message)
        sender = where.sender or await self._sender_by_device(where, found)
        if not sender:
            self._unreadable(where, FAILED, None)
            return
        own = self.session.own_jid
        last_error: Exception | None = None
        for namespace in (content.TWOMEMO, content.OLDMEMO):
            element = found.get(namespace)
            if element is None:
                continue
            try:
                parsed = await _parse(element, namespace, sender, own, manager)
            except Exception as exc:  # schema violations, bad base64, unknown sender device
                last_error = exc
                continue
            try:
                plaintext, device, _ = await manager.decrypt(parsed)
            except MessageNotForUs as exc:
                last_error = exc
                continue
            except SenderDistrusted:
                self._unreadable(where, DISTRUSTED, None)
                return
            except PublicDataInconsistency as exc:
                self.session.log.warning("a sender's identity key does not match: %s", exc)
                self._unreadable(where, CHANGED_KEY, None)
                self.session.report(
                    f.ServiceNotice(
                        CoreMessages.tr(
                            "A device of %1 (%2) now presents another identity key than the one it published, so its messages are not shown."
                        ).arg(sender, parsed.device_id),
                        conversation=None if where.group else where.conversation,
                    )
                )
                return
            except Exception as exc:
                self.session.log.info("an OMEMO message did not decrypt: %r", exc)
                self._unreadable(where, FAILED, (sender, parsed.device_id))
                return
            await self._restore(where, namespace, plaintext, device)
            return
        if isinstance(last_error, MessageNotForUs):
            if not self._own_reflection(where, sender):
                self._unreadable(where, OWN_COPY if sender == own else NOT_FOR_US, None)
            return
        self.session.log.info("an OMEMO element could not be read: %r", last_error)
        self._unreadable(where, INVALID, None)

    async def _restore(
        self,
        where: _Where,
        namespace: str,
        plaintext: bytes | None,
        device: DeviceInformation,
    ) -> None:
        message = where.message
        if plaintext is None:  # heartbeat, session completion, key transport
            content.empty(message)
            return
        if namespace == content.TWOMEMO:
            try:
                envelope = sce.open_envelope(
                    plaintext,
                    sender=where.sender or device.bare_jid,
                    recipient=where.recipient,
                    group=where.group,
                    sent=where.sent,
                )
            except sce.SceError as exc:
                self.session.log.warning("refused an OMEMO 2 envelope: %s", exc)
                self._unreadable(where, INVALID, None)
                return
            if envelope.dropped:
                self.session.log.info("dropped from an envelope: %s", ", ".join(envelope.dropped))
            content.restore_twomemo(message, envelope.content)
        else:
            content.restore_oldmemo(message, plaintext.decode("utf-8", errors="replace"))
        self._trust[message] = trust_words.message_trust(device.trust_level_name)
        self.session.spawn(self._after(where, device), "omemo-after-decrypt")

    async def _after(self, where: _Where, device: DeviceInformation) -> None:
        """A message came encrypted: the conversation is encrypted from now on; a device we had
        not seen is announced."""
        self.broken.get(where.conversation, set()).discard((device.bare_jid, device.device_id))
        await self.policy.turn_on(where.conversation, where.group)
        await self.policy.note_devices(device.bare_jid)

    def _own_copy(self, where: _Where) -> bool:
        """A message this device sent (its header's sender device is ours), from the archive or
        a room's echo: never encrypted for this device, so nothing to decrypt — and no reason to
        load the OMEMO stack for it after every reconnection. True when it was handled."""
        own = self.session.own_jid
        device_id = self.engine.own_device_id
        found = content.encrypted_elements(where.message)
        if where.sender != own or device_id is None or not found:
            return False
        if any(_sid(element) != device_id for element in found.values()):
            return False
        if not self._own_reflection(where, own):
            self._unreadable(where, OWN_COPY, None)
        return True

    def _own_reflection(self, where: _Where, sender: str) -> bool:
        """Our own room message coming back: it was not encrypted for this device, but we know
        what we sent."""
        if not where.group or sender != self.session.own_jid:
            return False
        sent = self.sent_in_rooms.pop(where.message_id, None)
        if sent is None:
            return False
        twomemo_plain = sent.get(content.TWOMEMO)
        if twomemo_plain is not None:
            envelope = sce.open_envelope(
                twomemo_plain, sender=sender, recipient=where.recipient, group=True
            )
            content.restore_twomemo(where.message, envelope.content)
        else:
            body = sent.get(content.OLDMEMO, b"").decode("utf-8", errors="replace")
            content.restore_oldmemo(where.message, body)
        self._trust[where.message] = Trust.UNVERIFIED
        return True

    def _unreadable(self, where: _Where, text: str, broke: tuple[str, int] | None) -> None:
        content.replace_with_notice(where.message, text)
        self._trust[where.message] = Trust.UNREADABLE
        if broke is not None:
            broken = self.broken.setdefault(where.conversation, set())
            if len(broken) < MAX_BROKEN:
                broken.add(broke)

    async def _sender_by_device(self, where: _Where, found: dict[str, ET.Element]) -> str:
        """A room message whose sender's address we do not know (an archived message of someone
        who left): the member whose device list has the sending device id."""
        if not where.group:
            return ""
        sids = {_sid(element) for element in found.values()} - {None}
        for member in sorted(await self.policy.members(where.conversation)):
            for device in await self.engine.devices(member):
                if device.device_id in sids:
                    return member
        return ""


async def _parse(
    element: ET.Element, namespace: str, sender: str, own: str, manager: SessionManager
) -> Message:
    # Loaded by now: there is a session manager, so the engine has loaded the OMEMO stack.
    import oldmemo.etree  # noqa: PLC0415
    import twomemo.etree  # noqa: PLC0415

    if namespace == content.TWOMEMO:
        return twomemo.etree.parse_message(element, sender)
    return await oldmemo.etree.parse_message(element, sender, own, manager)


def _fallback(message: ET.Element, trust: weakref.WeakKeyDictionary[ET.Element, Trust]) -> None:
    """After a bug: never let the ciphertext's fallback body pass for the message."""
    if content.encrypted_elements(message):
        content.replace_with_notice(message, FAILED)
        trust[message] = Trust.UNREADABLE


def _unwrap_carbon(stanza: ET.Element) -> ET.Element:
    for direction in ("received", "sent"):
        wrap = stanza.find(q(ns.CARBONS, direction))
        if wrap is not None:
            forwarded = wrap.find(q(ns.FORWARD, "forwarded"))
            inner = None if forwarded is None else forwarded.find(q(ns.CLIENT, "message"))
            if inner is not None:
                return inner
    return stanza


def _delay(element: ET.Element | None) -> datetime | None:
    delay = None if element is None else element.find(q(ns.DELAY, "delay"))
    return None if delay is None else convert.parse_stamp(delay.get("stamp"))


def _origin_id(message: ET.Element) -> str | None:
    origin = message.find(q(ns.SID, "origin-id"))
    return (origin.get("id") or None) if origin is not None else None


def _item_jid(message: ET.Element) -> str | None:
    """The sender's real JID a room adds to its archived messages (non-anonymous rooms)."""
    user = message.find(q(ns.MUC_USER, "x"))
    item = None if user is None else user.find(q(ns.MUC_USER, "item"))
    found = None if item is None else convert.jid(item.get("jid"))
    return found.bare if found is not None and found.user else None


def _sid(element: ET.Element) -> int | None:
    for header in element.iter():
        if isinstance(header.tag, str) and header.tag.endswith("}header"):
            try:
                return int(header.get("sid", ""))
            except ValueError:
                return None
    return None
