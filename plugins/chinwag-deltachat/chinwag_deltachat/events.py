"""The core's events → facts.

The core announces *that* something changed (``IncomingMsg {chatId, msgId}``); this fetches *what*
(the message, the chat, the contact) and reports it through :mod:`chinwag_deltachat.convert`.
Events are handled one at a time in arrival order on the backend's loop. A message that cannot be
read (it vanished, the core refused) becomes a ``BadInput`` fact and a log line, never an
exception into the core.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.api import (
    BadInput,
    Contact,
    ContactsChanged,
    ConversationId,
    ConversationKind,
    ConversationLeft,
    ConversationUpdated,
    DeliveryState,
    DeliveryUpdated,
    Fact,
    MembersChanged,
    MessageReceived,
    MessageRetracted,
    ReactionsReplaced,
    ReadUpTo,
    SubscriptionRequested,
    Trust,
)
from chinwag_deltachat import convert
from chinwag_deltachat.chats import GCL_ADDRESS, ChatDirectory, ChatInfo
from chinwag_deltachat.rpc import CoreError, CoreProcess
from chinwag_deltachat.trust import TrustBook

IN_FRESH = 10  # an incoming message nobody has seen yet
IGNORED_SYSTEM = {"MultiDeviceSync", "WebxdcStatusUpdate", "IrohNodeAddr", "LocationOnly"}


class EventTranslator:
    """Turns one account's core events into facts."""

    def __init__(
        self,
        core: CoreProcess,
        account: int,
        *,
        account_id: str,
        own_address: str,
        chats: ChatDirectory,
        trust: TrustBook,
        report: Callable[[Fact], None],
        log: logging.LoggerAdapter[logging.Logger],
        sent: dict[int, str],
    ) -> None:
        self._core = core
        self._account = account
        self._account_id = account_id
        self._own = own_address
        self._chats = chats
        self._trust = trust
        self._report = report
        self._log = log
        self.sent = sent
        """Message ids we sent in this session → their txn ids: not new messages."""
        self.reported: set[int] = set()
        self.partial: dict[int, int] = {}
        self.requested: set[int] = set()
        """Contact-request chats the person was asked about in this session."""
        """Pre-messages whose whole message is still being fetched → their chat."""
        self.on_connectivity: Callable[[], None] = lambda: None
        self.on_error: Callable[[str], None] = lambda _text: None
        self.on_securejoin: Callable[[int, int], None] = lambda _contact, _progress: None

    async def handle(self, event: dict[str, Any]) -> None:
        kind = str(event.get("kind") or "")
        if kind not in ("Info", "Warning"):
            self._log.debug("core event %s", {k: v for k, v in event.items() if k != "msg"})
        try:
            await self._dispatch(kind, event)
        except CoreError as exc:
            self._log.info("could not follow %s: %s", kind, exc.message)
            self._report(BadInput(f"deltachat event {kind}", exc.message))

    async def _dispatch(self, kind: str, event: dict[str, Any]) -> None:
        chat_id = event.get("chatId")
        msg_id = event.get("msgId")
        if kind == "IncomingMsg" and isinstance(msg_id, int):
            await self.report_message(msg_id)
        elif kind == "MsgsChanged" and isinstance(msg_id, int) and msg_id > 0:
            await self._message_changed(msg_id)
        elif kind in ("MsgDelivered", "MsgRead", "MsgFailed") and isinstance(msg_id, int):
            await self._delivery(kind, msg_id)
        elif kind == "MsgDeleted" and isinstance(msg_id, int) and isinstance(chat_id, int):
            info = await self._chats.chat(chat_id)
            self._report(MessageRetracted(info.native, str(msg_id)))
        elif kind in ("ReactionsChanged", "IncomingReaction") and isinstance(msg_id, int):
            await self._reactions(msg_id, event.get("contactId"))
        elif kind == "ChatModified" and isinstance(chat_id, int):
            self._chats.forget(chat_id)
            await self.report_chat(await self._chats.chat(chat_id))
        elif kind == "ChatDeleted":
            deleted = event.get("chat_id")
            gone = self._chats.cached(deleted) if isinstance(deleted, int) else None
            if gone is not None:
                self._chats.forget(gone.chat_id)
                self._report(ConversationLeft(gone.native, "The chat was deleted."))
        elif kind == "MsgsNoticed" and isinstance(chat_id, int):
            info = await self._chats.chat(chat_id)
            if not info.hidden:
                self._report(ReadUpTo(info.native))
        elif kind == "ContactsChanged":
            contact = event.get("contactId")
            self._chats.forget_contact(contact if isinstance(contact, int) else None)
            await self.report_contacts()
        elif kind in ("SecurejoinInviterProgress", "SecurejoinJoinerProgress"):
            contact = event.get("contactId")
            progress = event.get("progress")
            if isinstance(contact, int) and isinstance(progress, int):
                await self._securejoin(contact, progress)
        elif kind == "ConnectivityChanged":
            self.on_connectivity()
        elif kind == "Error":
            self.on_error(str(event.get("msg") or ""))

    async def report_message(
        self, msg_id: int, *, history: bool | None = None, again: bool = False
    ) -> None:
        """Report one message; ``history=None``: live if the core has it as unseen.
        ``again``: even if reported already this session (a history page asked for it: the
        core's store may not hold it, and de-duplicates it if it does)."""
        if not again and (msg_id in self.sent or msg_id in self.reported):
            return
        msg = await self._core.call("get_message", self._account, msg_id)
        info = await self._chats.chat(int(msg["chatId"]))
        if info.hidden or self._skip(msg):
            return
        state = msg.get("downloadState")
        if state in ("Available", "InProgress") and msg_id not in self.partial:
            # A pre-message: the file (and maybe the text) follows. Report the whole once the
            # core has it (MsgsChanged), asking for it if the core does not fetch it by itself.
            self.partial[msg_id] = info.chat_id
            self._log.debug("pre-message %s (%s): waiting for the whole", msg_id, state)
            if state == "Available":
                await self._core.call("download_full_message", self._account, msg_id)
            return
        self.partial.pop(msg_id, None)
        sender = int(msg.get("fromId") or 0)
        fact = convert.message_fact(
            msg,
            conversation=info.native,
            kind=info.kind,
            title=self._title(info),
            own_address=self._own,
            sender_verified=self._trust.is_verified(sender),
            history=int(msg.get("state") or 0) != IN_FRESH if history is None else history,
        )
        self.reported.add(msg_id)
        self._report(fact)
        if not fact.outgoing:
            self.ask_if_request(info, fact.body)

    def _skip(self, msg: dict[str, Any]) -> bool:
        if msg.get("isInfo") and msg.get("systemMessageType") in IGNORED_SYSTEM:
            return True
        return int(msg.get("fromId") or 0) == convert.SELF_CONTACT and bool(msg.get("isInfo"))

    async def _message_changed(self, msg_id: int) -> None:
        """An edit arrived (``isEdited``), or a message of ours from another device appeared."""
        try:
            msg = await self._core.call("get_message", self._account, msg_id)
        except CoreError:
            return  # deleted meanwhile
        if msg_id in self.partial and msg.get("downloadState") not in ("Available", "InProgress"):
            await self.report_message(msg_id)
            return
        if msg.get("isEdited") and (msg_id in self.reported or msg_id in self.sent):
            info = await self._chats.chat(int(msg["chatId"]))
            sender = int(msg.get("fromId") or 0)
            self._report(
                MessageReceived(
                    conversation=info.native,
                    sender=self._own
                    if sender == convert.SELF_CONTACT
                    else convert.sender_address(msg),
                    body=convert.body(msg),
                    conversation_kind=info.kind,
                    replaces=str(msg_id),
                    outgoing=sender == convert.SELF_CONTACT,
                    trust=convert.trust(msg, sender_verified=self._trust.is_verified(sender)),
                )
            )
            return
        if msg_id in self.sent or msg_id in self.reported:
            return
        if int(msg.get("fromId") or 0) == convert.SELF_CONTACT:
            state = int(msg.get("state") or 0)
            if state in (convert.OUT_DELIVERED, convert.OUT_MDN_RCVD):
                await self.report_message(msg_id)  # sent from another device
        elif msg.get("downloadState") == "Done" and int(msg.get("state") or 0) == IN_FRESH:
            # A new message the core announced without IncomingMsg: the 2nd, 3rd … message of
            # a contact request, or the whole message (under a new id) that replaced a
            # pre-message. Old messages the core shows again are not fresh.
            chat_id = int(msg.get("chatId") or 0)
            for pre, chat in list(self.partial.items()):
                if chat == chat_id:
                    self.partial.pop(pre, None)
                    break
            await self.report_message(msg_id)

    async def _delivery(self, kind: str, msg_id: int) -> None:
        msg = await self._core.call("get_message", self._account, msg_id)
        info = await self._chats.chat(int(msg["chatId"]))
        state = {
            "MsgDelivered": DeliveryState.SENT,
            "MsgRead": DeliveryState.READ,
            "MsgFailed": DeliveryState.FAILED,
        }[kind]
        reason = str(msg.get("error") or "") if state is DeliveryState.FAILED else ""
        if state is DeliveryState.FAILED and not reason:
            reason = "The mail server did not accept the message."
        self._report(
            DeliveryUpdated(
                info.native,
                state,
                remote_id=str(msg_id),
                txn_id=self.sent.get(msg_id),
                reason=reason,
            )
        )

    async def _reactions(self, msg_id: int, contact_id: object) -> None:
        msg = await self._core.call("get_message", self._account, msg_id)
        info = await self._chats.chat(int(msg["chatId"]))
        reactions = await self._core.call("get_message_reactions", self._account, msg_id)
        by_contact: dict[str, list[str]] = (reactions or {}).get("reactionsByContact") or {}
        contacts = (
            [int(contact_id)] if isinstance(contact_id, int) else [int(c) for c in by_contact]
        )
        for contact in contacts:
            keys = tuple(k for k in by_contact.get(str(contact), []) if k)
            if contact == convert.SELF_CONTACT:
                sender = self._own
            else:
                sender = convert.normalise_address(
                    str((await self._chats.contact(contact)).get("address") or "")
                )
            self._report(ReactionsReplaced(info.native, str(msg_id), sender, keys))

    async def _securejoin(self, contact_id: int, progress: int) -> None:
        self.on_securejoin(contact_id, progress)
        if progress != 1000:
            return
        await self._trust.mark_verified(contact_id)
        chat_id = await self._core.call("get_chat_id_by_contact_id", self._account, contact_id)
        if chat_id is not None:
            self._chats.forget(int(chat_id))
            await self.report_chat(await self._chats.chat(int(chat_id)))

    def _title(self, info: ChatInfo) -> str:
        return info.title

    def chat_trust(self, info: ChatInfo) -> Trust:
        if not info.encrypted:
            return Trust.NONE
        others = [c for c in info.contact_ids if c != convert.SELF_CONTACT]
        if others and all(self._trust.is_verified(c) for c in others):
            return Trust.VERIFIED
        return Trust.UNVERIFIED

    async def report_chat(self, info: ChatInfo) -> None:
        if info.hidden or not info.native:
            return
        self._report(
            ConversationUpdated(
                info.native,
                info.kind,
                title=info.title,
                encrypted=info.encrypted,
                trust=self.chat_trust(info),
                joined=info.kind is ConversationKind.DIRECT or info.self_in_group,
            )
        )
        if info.kind is ConversationKind.GROUP:
            await self.report_members(info)
        self.ask_if_request(info)

    def ask_if_request(self, info: ChatInfo, message: str = "") -> None:
        """Someone we never wrote to wrote to us: the core holds their 1:1 chat as a *contact
        request* (no read receipts go out, nothing is shown as accepted). As in Delta Chat, the
        person decides: accept, or block (``answer_subscription``). Asked once a session."""
        if (
            info.contact_request
            and info.kind is ConversationKind.DIRECT
            and info.native
            and info.chat_id not in self.requested
        ):
            self.requested.add(info.chat_id)
            self._report(
                SubscriptionRequested(info.native, info.title, message, declining_blocks=True)
            )

    async def report_members(self, info: ChatInfo) -> None:
        conv = ConversationId(self._account_id, info.native)
        members = []
        for contact_id in info.contact_ids:
            if contact_id == convert.SELF_CONTACT:
                data: dict[str, Any] = {"address": self._own, "displayName": ""}
            else:
                data = await self._chats.contact(contact_id)
            members.append(convert.member(conv, data, self._account_id))
        self._report(MembersChanged(info.native, tuple(members), complete=True))
        if info.chat_type == "Group" and not info.self_in_group:
            self._report(ConversationLeft(info.native, "You are no longer a member."))

    async def report_contacts(self) -> None:
        """Key-contacts and plain address-contacts (one per address, the key-contact first),
        and the blocked ones."""
        contacts: dict[str, Contact] = {}
        for flags in (0, GCL_ADDRESS):
            for contact_id in await self._core.call("get_contact_ids", self._account, flags, None):
                data = await self._chats.contact(int(contact_id))
                if data.get("address"):
                    found = convert.contact(self._account_id, data)
                    contacts.setdefault(found.id.native_id, found)
        for data in await self._core.call("get_blocked_contacts", self._account) or ():
            if data.get("address"):
                found = convert.contact(self._account_id, data)
                contacts[found.id.native_id] = found
        self._report(ContactsChanged(tuple(contacts.values()), complete=True))
