"""Delta Chat core objects (JSON-RPC dicts) → Chinwag's facts and models. Pure: no I/O.

Everything that reads a field of a core object lives here, so a change in the core's JSON is met in
one module, and each rule is checked by a table-driven test (``tests/test_convert.py``).

Native ids. A 1:1 chat is named by the other person's e-mail address (lower-cased), so what a
user types, what a contact is called and what the conversation is called agree, as with a JID.
Delta Chat 2 tells people apart by their key: once someone's key is known, unencrypted mail that
claims their address may come from anyone, so it is kept apart in ``mailto:<address>`` (see
:mod:`chinwag_deltachat.chats`). Every other chat (groups, mailing lists, broadcasts) is
``chat:<id>``: the core's chat id, stable for the life of the account's Delta Chat database
(which lives in, and dies with, the account's data folder). Message ids are the core's message
ids, as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from app.api import (
    Attachment,
    Contact,
    ContactId,
    ConversationKind,
    DeliveryState,
    Failure,
    FailureKind,
    Member,
    MessageKind,
    MessageReceived,
    Role,
    Trust,
    from_millis,
)

Json = Mapping[str, Any]

SELF_CONTACT = 1  # DC_CONTACT_ID_SELF
LAST_SPECIAL_CONTACT = 9
LAST_SPECIAL_CHAT = 9
CHAT_PREFIX = "chat:"
PLAIN_PREFIX = "mailto:"
ATTACHMENT_PREFIX = "dcmsg:"

# Message states (``Message.state``): the core's own queue, the SMTP hand-over, read receipts.
OUT_PREPARING = 18
OUT_PENDING = 20
OUT_FAILED = 24
OUT_DELIVERED = 26  # handed to the SMTP server: our SENT (the core cannot see further)
OUT_MDN_RCVD = 28  # a read receipt (MDN) came back

_DELIVERY = {
    OUT_PREPARING: DeliveryState.PENDING,
    OUT_PENDING: DeliveryState.PENDING,
    OUT_FAILED: DeliveryState.FAILED,
    OUT_DELIVERED: DeliveryState.SENT,
    OUT_MDN_RCVD: DeliveryState.READ,
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_FILENAME = 120


def delivery_state(state: int) -> DeliveryState | None:
    """Where one of our messages is, or None for states that are not about sending."""
    return _DELIVERY.get(state)


def conversation_kind(chat_type: str) -> ConversationKind:
    return ConversationKind.DIRECT if chat_type == "Single" else ConversationKind.GROUP


def chat_native_id(chat_id: int) -> str:
    return f"{CHAT_PREFIX}{chat_id}"


def parse_chat_native_id(native: str) -> int | None:
    """The core's chat id in ``chat:<id>``, or None when ``native`` is not one."""
    if not native.startswith(CHAT_PREFIX):
        return None
    rest = native.removeprefix(CHAT_PREFIX)
    if not rest.isascii() or not rest.isdigit():
        return None
    chat_id = int(rest)
    return chat_id if chat_id > LAST_SPECIAL_CHAT else None


def normalise_address(address: str) -> str:
    return address.strip().lower()


def plain_native_id(address: str) -> str:
    """The conversation of unencrypted mail from an address whose owner's key we know."""
    return f"{PLAIN_PREFIX}{normalise_address(address)}"


def parse_direct_native_id(native: str) -> tuple[str, bool]:
    """``(address, plain)``: ``plain`` for a ``mailto:`` conversation (address-contact only)."""
    if native.startswith(PLAIN_PREFIX):
        return normalise_address(native.removeprefix(PLAIN_PREFIX)), True
    return normalise_address(native), False


def looks_like_address(text: str) -> bool:
    """A plain ``local@domain`` with no spaces or angle brackets (the core checks the rest)."""
    local, at, domain = text.strip().partition("@")
    return bool(at and local and "." in domain and not re.search(r"[\s<>\"]", text))


def safe_filename(name: str | None, fallback: str = "attachment") -> str:
    """A file name to show and to save under: no folders, no control characters, not hidden, not
    absurdly long. Mail lets a sender put anything in a file name (``../../.bashrc``)."""
    text = unicodedata.normalize("NFC", name or "")
    text = _CONTROL.sub("", text.replace("\\", "/")).split("/")[-1].strip().lstrip(".")
    if len(text) > MAX_FILENAME:
        stem, dot, ext = text.rpartition(".")
        text = (
            stem[: MAX_FILENAME - len(ext) - 1] + dot + ext
            if dot and len(ext) <= 10
            else text[:MAX_FILENAME]
        )
    return text or fallback


def attachment(msg: Json) -> Attachment | None:
    """The message's file as an attachment (the core has already stored it in its blob folder;
    ``url`` names the message so ``download`` can copy it out)."""
    if not msg.get("file"):
        return None
    width = int(msg.get("dimensionsWidth") or 0)
    height = int(msg.get("dimensionsHeight") or 0)
    return Attachment(
        url=f"{ATTACHMENT_PREFIX}{int(msg['id'])}",
        filename=safe_filename(msg.get("fileName")),
        mime_type=str(msg.get("fileMime") or ""),
        size=int(msg["fileBytes"]) if msg.get("fileBytes") is not None else None,
        width=width or None,
        height=height or None,
    )


def parse_attachment_url(url: str) -> int | None:
    rest = url.removeprefix(ATTACHMENT_PREFIX)
    if rest == url or not rest.isascii() or not rest.isdigit():
        return None
    return int(rest)


def trust(msg: Json, *, sender_verified: bool = False) -> Trust:
    """How far the message can be trusted. ``showPadlock``: the core decrypted it and checked the
    signature (Autocrypt); verified only when the sender's key came through a QR code we scanned
    or showed (SecureJoin). A message the core could not decrypt is UNDECRYPTABLE."""
    if msg.get("downloadState") == "Undecipherable":
        return Trust.UNDECRYPTABLE
    if not msg.get("showPadlock"):
        return Trust.NONE
    return Trust.VERIFIED if sender_verified else Trust.UNVERIFIED


def message_kind(msg: Json) -> MessageKind:
    return MessageKind.SYSTEM if msg.get("isInfo") else MessageKind.TEXT


def body(msg: Json) -> str:
    """The text every message has: its text, else its file's name, else its subject."""
    text = str(msg.get("text") or "")
    if text:
        return text
    if msg.get("file"):
        return safe_filename(msg.get("fileName"))
    return str(msg.get("subject") or "")


def reply_to(msg: Json) -> str | None:
    """The message this one quotes, when it is a message of the same chat."""
    quote = msg.get("quote")
    if not isinstance(quote, Mapping) or quote.get("kind") != "WithMessage":
        return None
    if quote.get("chatId") != msg.get("chatId"):
        return None
    return str(int(quote["messageId"]))


def sender_address(msg: Json) -> str:
    sender = msg.get("sender")
    if isinstance(sender, Mapping) and sender.get("address"):
        return normalise_address(str(sender["address"]))
    return ""


def sender_name(msg: Json) -> str:
    override = msg.get("overrideSenderName")
    if override:
        return str(override)
    sender = msg.get("sender")
    if isinstance(sender, Mapping):
        return str(sender.get("displayName") or sender.get("name") or "")
    return ""


def message_fact(
    msg: Json,
    *,
    conversation: str,
    kind: ConversationKind,
    title: str,
    own_address: str,
    sender_verified: bool = False,
    history: bool = False,
) -> MessageReceived:
    """A received (or our own, sent elsewhere) message as a fact."""
    outgoing = int(msg.get("fromId") or 0) == SELF_CONTACT
    attached = attachment(msg)
    sender = own_address if outgoing else sender_address(msg)
    ts = msg.get("timestamp")
    return MessageReceived(
        conversation=conversation,
        sender=sender,
        body=body(msg),
        conversation_kind=kind,
        conversation_title=title,
        sender_name="" if outgoing else sender_name(msg),
        remote_id=str(int(msg["id"])),
        timestamp=from_millis(int(ts) * 1000) if isinstance(ts, int) and ts > 0 else None,
        kind=message_kind(msg),
        attachments=(attached,) if attached else (),
        reply_to=reply_to(msg),
        outgoing=outgoing,
        history=history,
        trust=trust(msg, sender_verified=sender_verified),
    )


def contact(account_id: str, data: Json) -> Contact:
    return Contact(
        ContactId(account_id, normalise_address(str(data.get("address") or ""))),
        display_name=str(data.get("displayName") or data.get("name") or ""),
        blocked=bool(data.get("isBlocked")),
    )


def member(conversation: Any, data: Json, account_id: str, *, owner: bool = False) -> Member:
    """A group member. Delta Chat groups have no roles beyond "member", and every member may add
    and remove others; the creator is shown as owner where we know it."""
    address = normalise_address(str(data.get("address") or ""))
    return Member(
        conversation_id=conversation,
        native_id=address,
        display_name=str(data.get("displayName") or ""),
        role=Role.OWNER if owner else Role.MEMBER,
        contact=ContactId(account_id, address),
    )


_AUTH_WORDS = (
    "authentication failed",
    "authenticationfailed",
    "failed to login",
    "invalid credentials",
    "wrong password",
    "535",
)
_NETWORK_WORDS = (
    "could not find your mail server",
    "connection refused",
    "timed out",
    "timeout",
    "network",
    "unreachable",
    "connection reset",
    "dns",
)


def configure_failure(text: str) -> Failure:
    """The core's configure error (a sentence for people) as a typed failure."""
    lowered = text.lower()
    message = " ".join(text.replace("“", "").replace("”", "").split()) or "Sign-in failed."
    message = message.removeprefix("Error: ").removeprefix("Error:").strip()
    if any(word in lowered for word in _AUTH_WORDS):
        return Failure(FailureKind.AUTH, message)
    if any(word in lowered for word in _NETWORK_WORDS):
        return Failure(FailureKind.NETWORK, message, retryable=True)
    if "certificate" in lowered or "tls" in lowered:
        return Failure(FailureKind.TLS, message)
    return Failure(FailureKind.PROTOCOL, message, retryable=True)
