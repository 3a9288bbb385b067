"""Sending, correcting, reacting, deleting and read receipts.

``send_msg`` hands a message to the core, which keeps it in its own database and SMTP queue and
retries by itself: from then on the core owns delivery, so the message leaves Chinwag's outbox
(``confirmed``) as ``PENDING`` and moves on with the core's ``MsgDelivered`` (handed to the mail
server: our SENT), ``MsgRead`` (a read receipt came back) or ``MsgFailed`` events.
"""

from __future__ import annotations

from app.api import (
    ConversationId,
    DeliveryState,
    Failure,
    FailureKind,
    Outcome,
    OutgoingMessage,
    SendResult,
)
from chinwag_deltachat.chats import ChatDirectory, ChatInfo
from chinwag_deltachat.files import FileService
from chinwag_deltachat.rpc import CoreError, CoreProcess

READ_MARK_WINDOW = 200
"""How many of a chat's latest messages a read marker covers (the core skips seen ones)."""


NO_KEY = (
    "This message cannot be encrypted: the key of {who} is not known yet. Send them your "
    "invite link (/invitelink) or open theirs (/join LINK); or allow unencrypted e-mail in the "
    "account's settings."
)
UNENCRYPTED_EDIT = (
    "Corrections need an encrypted chat: Delta Chat does not apply them to unencrypted e-mail."
)


def _msg_id(remote_id: str) -> int | None:
    return int(remote_id) if remote_id.isascii() and remote_id.isdigit() else None


def _rejected(message: str) -> Failure:
    return Failure(FailureKind.REJECTED, message)


class MessageService:
    def __init__(
        self,
        core: CoreProcess,
        account: int,
        chats: ChatDirectory,
        files: FileService,
        sent: dict[int, str],
    ) -> None:
        self._core = core
        self._account = account
        self._chats = chats
        self._files = files
        self._sent = sent  # core message id → our txn id, shared with the event translator

    async def _sendable(self, conv: ConversationId) -> ChatInfo | Failure:
        try:
            info = await self._chats.chat_for(conv.native_id)
        except CoreError as exc:
            return _rejected(exc.message)
        if info is None or info.hidden:
            return _rejected("There is no such chat.")
        info = await self._accepted(info)
        if not info.can_send:
            return _rejected("You cannot write in this chat (you are no longer a member).")
        return info

    async def _accepted(self, info: ChatInfo) -> ChatInfo:
        """Answering in a contact request (a message, a reaction) accepts it, as in Delta
        Chat's own apps; the core refuses to send into a chat still asking."""
        if not info.contact_request:
            return info
        await self._core.call("accept_chat", self._account, info.chat_id)
        self._chats.forget(info.chat_id)
        return await self._chats.chat(info.chat_id)

    async def send(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        info = await self._sendable(conv)
        if isinstance(info, Failure):
            return SendResult(failure=info)
        files = []
        for attachment in msg.attachments:
            path = self._files.staged(attachment.url)
            if path is None:
                return SendResult(failure=_rejected("The file to send is no longer here."))
            failure = self._files.too_large(path.stat().st_size)
            if failure is not None:
                return SendResult(failure=failure)
            files.append((path, attachment.filename or path.name))
        text = msg.body
        quoted = _msg_id(msg.reply_to) if msg.reply_to else None
        first: int | None = None
        try:
            for index, (path, name) in enumerate(files or [(None, "")]):
                data: dict[str, object] = {}
                if index == 0:
                    if text and not (path is not None and text == name):
                        data["text"] = text
                    if quoted is not None:
                        data["quotedMessageId"] = quoted
                if path is not None:
                    data["file"] = str(path)
                    data["filename"] = name
                msg_id = int(await self._core.call("send_msg", self._account, info.chat_id, data))
                self._sent[msg_id] = msg.txn_id
                first = msg_id if first is None else first
        except CoreError as exc:
            if "encryption unavailable" in exc.message and first is None:
                return SendResult(failure=_rejected(NO_KEY.format(who=self._who(info))))
            return SendResult(failure=_rejected(exc.message))
        for path, _ in files:
            self._files.discard(path)  # the core copied it into its blob folder
        return SendResult(remote_id=str(first), confirmed=True, state=DeliveryState.PENDING)

    @staticmethod
    def _who(info: ChatInfo) -> str:
        return info.native if info.kind.value == "direct" else "someone in this group"

    async def edit(self, conv: ConversationId, target: str, msg: OutgoingMessage) -> SendResult:
        msg_id = _msg_id(target)
        if msg_id is None:
            return SendResult(failure=_rejected("No such message."))
        try:
            original = await self._core.call("get_message", self._account, msg_id)
            if not (await self._chats.chat(int(original["chatId"]))).encrypted:
                return SendResult(failure=_rejected(UNENCRYPTED_EDIT))
            await self._core.call("send_edit_request", self._account, msg_id, msg.body)
        except CoreError as exc:
            return SendResult(failure=_rejected(exc.message))
        return SendResult(remote_id=target)

    async def react(self, target: str, keys: tuple[str, ...]) -> Outcome:
        msg_id = _msg_id(target)
        if msg_id is None:
            return Outcome(_rejected("No such message."))
        try:
            msg = await self._core.call("get_message", self._account, msg_id)
            await self._accepted(await self._chats.chat(int(msg["chatId"])))
            await self._core.call("send_reaction", self._account, msg_id, list(keys))
        except CoreError as exc:
            return Outcome(_rejected(exc.message))
        return Outcome()

    async def retract(self, target: str) -> Outcome:
        msg_id = _msg_id(target)
        if msg_id is None:
            return Outcome(_rejected("No such message."))
        try:
            await self._core.call("delete_messages_for_all", self._account, [msg_id])
        except CoreError as exc:
            return Outcome(_rejected(exc.message))
        return Outcome()

    async def mark_read(self, conv: ConversationId, remote_id: str) -> None:
        """Everything up to ``remote_id`` was seen: the core marks it so and, where the sender
        asked for one, sends a read receipt."""
        up_to = _msg_id(remote_id)
        info = await self._chats.chat_for(conv.native_id, create=False)
        if up_to is None or info is None:
            return
        ids = await self._core.call("get_message_ids", self._account, info.chat_id, False, False)
        seen = [int(i) for i in ids if int(i) <= up_to][-READ_MARK_WINDOW:]
        if seen:
            await self._core.call("markseen_msgs", self._account, seen)
