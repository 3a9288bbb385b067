"""Groups, contacts and SecureJoin invite links.

Delta Chat groups are encrypted by default: their members are *key-contacts*, so someone can be
added only once their key is known (they wrote to us encrypted, or a SecureJoin exchanged keys).
Joining is by an invite link (the text of a Delta Chat QR code, ``https://i.delta.chat/#…``): the
core runs the SecureJoin handshake, which also verifies the keys.
"""

from __future__ import annotations

from app.api import ConversationId, Failure, FailureKind, Outcome
from chinwag_deltachat import convert
from chinwag_deltachat.chats import ChatDirectory, ChatInfo
from chinwag_deltachat.events import EventTranslator
from chinwag_deltachat.rpc import CoreError, CoreProcess

_JOINABLE = {"askVerifyContact", "askVerifyGroup", "askJoinBroadcast"}


def _rejected(message: str) -> Outcome:
    return Outcome(Failure(FailureKind.REJECTED, message))


class RoomService:
    def __init__(
        self, core: CoreProcess, account: int, chats: ChatDirectory, events: EventTranslator
    ) -> None:
        self._core = core
        self._account = account
        self._chats = chats
        self._events = events

    async def _group(self, conv: ConversationId) -> ChatInfo | None:
        info = await self._chats.chat_for(conv.native_id, create=False)
        return info if info is not None and info.chat_type == "Group" else None

    async def _contact_id(self, address: str) -> int | None:
        address = convert.normalise_address(address)
        if not convert.looks_like_address(address):
            return None
        found = await self._chats.key_contact(address)
        if found is None:
            found = await self._core.call("lookup_contact_id_by_addr", self._account, address)
        return int(found) if found is not None else None

    async def join(self, link: str) -> Outcome:
        """Join a group, or start a verified chat, from a Delta Chat invite link."""
        try:
            qr = await self._core.call("check_qr", self._account, link.strip())
        except CoreError:
            qr = None
        if not isinstance(qr, dict) or qr.get("kind") not in _JOINABLE:
            return _rejected(
                "Delta Chat groups are joined with an invite link (the text of a Delta Chat "
                "QR code)."
            )
        chat_id = int(await self._core.call("secure_join", self._account, link.strip()))
        info = await self._chats.chat(chat_id)
        await self._events.report_chat(info)
        return Outcome(value=info.native)

    async def leave(self, conv: ConversationId) -> Outcome:
        info = await self._group(conv)
        if info is None:
            return _rejected("Only groups can be left.")
        if not info.self_in_group:
            # not (yet) a member: a join whose handshake has not finished, or a group that
            # removed us. Nothing to tell the others; the chat goes (ChatDeleted reports it).
            await self._core.call("delete_chat", self._account, info.chat_id)
            return Outcome()
        await self._core.call("leave_group", self._account, info.chat_id)
        return Outcome()

    async def create(
        self,
        name: str,
        *,
        encrypted: bool = True,
        description: str = "",
        invite: tuple[str, ...] = (),
    ) -> Outcome:
        """A new group. Encrypted (members need a known key) unless asked for a plain e-mail
        group; the people in ``invite`` are added at once (the group reaches them with the first
        message). Someone who cannot be added fails the whole: no half-made group is left."""
        name = name.strip() or "Group"
        method = "create_group_chat" if encrypted else "create_group_chat_unencrypted"
        args = (name, False) if encrypted else (name,)
        chat_id = int(await self._core.call(method, self._account, *args))
        conv = ConversationId("", convert.chat_native_id(chat_id))
        for address in invite:
            added = await self.add_member(conv, address)
            if not added.ok:
                await self._core.call("delete_chat", self._account, chat_id)
                self._chats.forget(chat_id)
                return added
        if description.strip():
            await self._core.call("set_chat_description", self._account, chat_id, description)
        self._chats.forget(chat_id)
        info = await self._chats.chat(chat_id)
        await self._events.report_chat(info)
        return Outcome(value=info.native)

    async def add_member(self, conv: ConversationId, address: str) -> Outcome:
        info = await self._group(conv)
        if info is None:
            return _rejected("People can be added to groups only.")
        contact = await self._contact_id(address)
        if contact is None or (
            info.encrypted and not (await self._chats.contact(contact)).get("isKeyContact")
        ):
            return _rejected(
                f"{address}'s key is not known yet, so they cannot join an encrypted group. "
                "Ask them to write to you from Delta Chat, or send them your /invitelink."
            )
        await self._core.call("add_contact_to_chat", self._account, info.chat_id, contact)
        return Outcome()

    async def remove_member(self, conv: ConversationId, address: str) -> Outcome:
        info = await self._group(conv)
        contact = await self._contact_id(address)
        if info is None or contact is None or contact not in info.contact_ids:
            return _rejected(f"{address} is not in this group.")
        await self._core.call("remove_contact_from_chat", self._account, info.chat_id, contact)
        return Outcome()

    async def set_description(self, conv: ConversationId, text: str) -> Outcome:
        info = await self._group(conv)
        if info is None:
            return _rejected("Only groups have a description.")
        await self._core.call("set_chat_description", self._account, info.chat_id, text)
        return Outcome()

    async def invite_link(self, conv: ConversationId | None) -> Outcome:
        """Our SecureJoin link: the group's in a group, else the one to start a chat with us."""
        chat_id = None
        if conv is not None:
            info = await self._group(conv)
            chat_id = info.chat_id if info is not None else None
        link = await self._core.call("get_chat_securejoin_qr_code", self._account, chat_id)
        return Outcome(value=str(link))

    async def add_contact(self, address: str, name: str) -> Outcome:
        address = convert.normalise_address(address)
        if not convert.looks_like_address(address):
            return _rejected(f"{address} is not an e-mail address.")
        await self._core.call("create_contact", self._account, address, name or None)
        return Outcome()

    async def remove_contact(self, address: str) -> Outcome:
        contact = await self._contact_id(address)
        if contact is None:
            return Outcome()
        await self._core.call("delete_contact", self._account, contact)
        return Outcome()

    async def rename_contact(self, address: str, name: str) -> Outcome:
        contact = await self._contact_id(address)
        if contact is None:
            return _rejected(f"{address} is not a contact.")
        await self._core.call("change_contact_name", self._account, contact, name)
        return Outcome()

    async def answer_request(self, contact: str, accept: bool) -> Outcome:
        """Accept a contact request (the chat becomes an ordinary one: read receipts go out) or
        decline it the way Delta Chat does, by blocking: no more mail from them is shown until
        they are unblocked from the blocked contacts."""
        address, _ = convert.parse_direct_native_id(contact)
        candidates = (contact, address, convert.plain_native_id(address))
        for native in dict.fromkeys(candidates):
            info = await self._chats.chat_for(native, create=False)
            if info is not None and info.contact_request:
                break
        else:
            return _rejected(f"{address} has not asked to write to you.")
        await self._core.call(
            "accept_chat" if accept else "block_chat", self._account, info.chat_id
        )
        self._chats.forget(info.chat_id)
        if accept:
            await self._events.report_chat(await self._chats.chat(info.chat_id))
        return Outcome()

    async def set_blocked(self, address: str, blocked: bool) -> Outcome:
        contact = await self._contact_id(address)  # finds unblocked contacts only
        if contact is None and not blocked:
            wanted = convert.normalise_address(address)
            for data in await self._core.call("get_blocked_contacts", self._account) or ():
                if convert.normalise_address(str(data.get("address") or "")) == wanted:
                    contact = int(data["id"])
        if contact is None and blocked:
            contact = int(
                await self._core.call(
                    "create_contact", self._account, convert.normalise_address(address), None
                )
            )
        if contact is None:
            return Outcome()
        await self._core.call(
            "block_contact" if blocked else "unblock_contact", self._account, contact
        )
        return Outcome()
