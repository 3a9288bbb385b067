"""Which core chat is which Chinwag conversation, and what each chat is.

A 1:1 conversation is named by the other person's address, but the core may hold two 1:1 chats
with one address: an encrypted one with their *key-contact* (Delta Chat 2 names a person by their
key) and a plain e-mail one with their *address-contact* (mail that came unencrypted). While no key
is known for the address, the plain chat is the address's conversation (plain e-mail
correspondents). Once a key is known, the encrypted chat is, and unencrypted mail from that address
goes to a separate ``mailto:<address>`` conversation titled as unencrypted: anyone can put an
address in a From line, so it must not be read as coming from the person whose key we trust.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.api import ConversationKind
from chinwag_deltachat import convert
from chinwag_deltachat.rpc import CoreError, CoreProcess


@dataclass(frozen=True, slots=True)
class ChatInfo:
    chat_id: int
    native: str
    kind: ConversationKind
    title: str
    encrypted: bool
    contact_request: bool
    can_send: bool
    contact_ids: tuple[int, ...]
    chat_type: str
    self_in_group: bool = True
    device: bool = False

    @property
    def hidden(self) -> bool:
        """Not a conversation for Chinwag: the core's special chats and its device chat (its
        own notices, "messages are end-to-end encrypted" tips)."""
        return self.chat_id <= convert.LAST_SPECIAL_CHAT or self.device or not self.chat_type


GCL_ADDRESS = 0x04  # list address-contacts (Delta Chat 2 lists key-contacts by default)


class ChatDirectory:
    """Looks chats up in the core and remembers what it learnt, per connection."""

    def __init__(self, core: CoreProcess, account: int) -> None:
        self._core = core
        self._account = account
        self._chats: dict[int, ChatInfo] = {}
        self._direct: dict[str, int] = {}  # address → the chat we send to
        self._contacts: dict[int, dict[str, Any]] = {}

    def cached(self, chat_id: int) -> ChatInfo | None:
        return self._chats.get(chat_id)

    def cached_for(self, native: str) -> ChatInfo | None:
        """What is known of the chat a conversation sends to, without asking the core."""
        chat_id = convert.parse_chat_native_id(native)
        if chat_id is None:
            address, plain = convert.parse_direct_native_id(native)
            chat_id = None if plain else self._direct.get(address)
        return self._chats.get(chat_id) if chat_id is not None else None

    def forget(self, chat_id: int) -> None:
        self._chats.pop(chat_id, None)

    def forget_contact(self, contact_id: int | None) -> None:
        """Contacts changed (a key arrived, a name changed): what chats are called may too."""
        if contact_id is None:
            self._contacts.clear()
        else:
            self._contacts.pop(contact_id, None)
        self._chats.clear()
        self._direct.clear()

    async def contact(self, contact_id: int) -> dict[str, Any]:
        if contact_id not in self._contacts:
            self._contacts[contact_id] = await self._core.call(
                "get_contact", self._account, contact_id
            )
        return self._contacts[contact_id]

    async def chat(self, chat_id: int) -> ChatInfo:
        info = self._chats.get(chat_id)
        if info is None:
            full = await self._core.call("get_full_chat_by_id", self._account, chat_id)
            info = await self._describe(full)
            self._chats[chat_id] = info
            if info.kind is ConversationKind.DIRECT and info.native:
                known = self._chats.get(self._direct.get(info.native, -1))
                if known is None or (info.encrypted and not known.encrypted):
                    self._direct[info.native] = chat_id
        return info

    async def _describe(self, full: dict[str, Any]) -> ChatInfo:
        chat_id = int(full["id"])
        chat_type = str(full.get("chatType") or "")
        kind = convert.conversation_kind(chat_type)
        contacts = tuple(int(c) for c in full.get("contactIds") or ())
        title = str(full.get("name") or "")
        native = convert.chat_native_id(chat_id)
        if kind is ConversationKind.DIRECT:
            others = [c for c in contacts if c != convert.SELF_CONTACT]
            if others:
                data = await self.contact(others[0])
                address = convert.normalise_address(str(data.get("address") or ""))
                native = address
                if not data.get("isKeyContact") and await self.key_contact(address) is not None:
                    native = convert.plain_native_id(address)
                    title = f"{title or address} (unencrypted e-mail)"
        return ChatInfo(
            chat_id=chat_id,
            native=native,
            kind=kind,
            title=title,
            encrypted=bool(full.get("isEncrypted")),
            contact_request=bool(full.get("isContactRequest")),
            can_send=bool(full.get("canSend", True)),
            contact_ids=contacts,
            chat_type=chat_type,
            self_in_group=bool(full.get("selfInGroup", True)),
            device=bool(full.get("isDeviceChat")),
        )

    async def _find_contact(self, address: str, *, key: bool) -> int | None:
        flags = 0 if key else GCL_ADDRESS
        ids = await self._core.call("get_contact_ids", self._account, flags, address)
        for contact_id in ids or ():
            data = await self.contact(int(contact_id))
            if (
                convert.normalise_address(str(data.get("address") or "")) == address
                and bool(data.get("isKeyContact")) == key
            ):
                return int(contact_id)
        return None

    async def key_contact(self, address: str) -> int | None:
        """The most recent key-contact with this address, if any (the core lists it first)."""
        return await self._find_contact(address, key=True)

    async def chat_for(self, native: str, *, create: bool = True) -> ChatInfo | None:
        """The core chat a conversation sends to (a 1:1 chat is created when needed): the
        encrypted one if the address's key is known, else plain e-mail."""
        chat_id = convert.parse_chat_native_id(native)
        if chat_id is not None:
            try:
                return await self.chat(chat_id)
            except CoreError:
                return None
        address, plain = convert.parse_direct_native_id(native)
        if not plain and address in self._direct:
            return await self.chat(self._direct[address])
        if not convert.looks_like_address(address):
            return None
        contact_id = None if plain else await self.key_contact(address)
        if contact_id is None:
            contact_id = await self._find_contact(address, key=False)
        if contact_id is None:
            if not create:
                return None
            contact_id = await self._core.call("create_contact", self._account, address, None)
        found = await self._core.call("get_chat_id_by_contact_id", self._account, contact_id)
        if found is None:
            if not create:
                return None
            found = await self._core.call("create_chat_by_contact_id", self._account, contact_id)
        return await self.chat(int(found))

    async def message_ids(self, chat_id: int) -> list[int]:
        """The chat's message ids, oldest first."""
        ids = await self._core.call("get_message_ids", self._account, chat_id, False, False)
        return [int(i) for i in ids]

    async def all_chats(self) -> list[ChatInfo]:
        ids = await self._core.call("get_chatlist_entries", self._account, None, None, None)
        chats = []
        for chat_id in ids:
            if int(chat_id) > convert.LAST_SPECIAL_CHAT:
                chats.append(await self.chat(int(chat_id)))
        return chats
