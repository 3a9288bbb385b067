"""Delta Chat in Chinwag's conformance kit (a ``chinwag.testing.ContractHarness``).

"Us" is a fresh mailbox on the session's Dovecot + Postfix; the other person is an independent
Delta Chat core (:class:`dc_peer.Peer`). The two have not exchanged keys, so both are set to also
send unencrypted mail: the contract is about the basics (sign in, send, receive); encryption has
its own tests (``test_chat.py``).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from chinwag_deltachat import DeltaChatBackend
from conftest import Mailbox, settings_for
from dc_peer import Peer, start_peer
from mail_servers import MailServers, free_port

Settings = tuple[dict[str, str | int | bool], dict[str, str]]


class DeltaChatHarness:
    backend_class = DeltaChatBackend

    def __init__(self, mail: MailServers, me: Mailbox, peer: Peer) -> None:
        self.mail = mail
        self.me = me
        self.peer = peer
        self._chat: int | None = None
        self._ids: dict[str, int] = {}
        """Text → the peer core's id of that message (what it sent, or got from us)."""

    def settings(self) -> Settings:
        return settings_for(self.mail, self.me, allow_unencrypted=True), {
            "password": self.me.password
        }

    def with_wrong_password(self) -> Settings:
        values, _ = self.settings()
        return values, {"password": self.me.password + "-wrong"}

    def unreachable(self) -> Settings:
        values, secrets = self.settings()
        return {**values, "imap_port": free_port(), "smtp_port": free_port()}, secrets

    @property
    def peer_conversation(self) -> str:
        return self.peer.address

    @property
    def peer_address(self) -> str:
        return self.peer.address

    async def room_to_join(self) -> str:
        """An invite link to a group the peer made (joining runs SecureJoin with the peer)."""

        def make() -> str:
            chat = int(self.peer.rpc.create_group_chat(self.peer.account, "Contract group", False))
            return self.peer.invite_link(chat)

        return await asyncio.to_thread(make)

    async def peer_send(self, text: str) -> None:
        if self._chat is None:
            self._chat = await asyncio.to_thread(self.peer.chat_with, self.me.address)
        self._ids[text] = await asyncio.to_thread(self.peer.send_text, self._chat, text)

    async def peer_wait_for(self, text: str, timeout: float = 60.0) -> None:
        msg = await asyncio.to_thread(self.peer.wait_text, text, timeout)
        assert msg["sender"]["address"] == self.me.address
        self._ids[text] = int(msg["id"])

    # -- the checks at the peer (chinwag.testing.SeesAtPeer) ---------------------------------

    async def peer_wait_edited(self, before: str, after: str, timeout: float = 60.0) -> None:
        msg_id = self._ids[before]

        def edited() -> bool:
            msg = self.peer.rpc.get_message(self.peer.account, msg_id)
            return bool(msg["text"] == after and msg.get("isEdited"))

        await asyncio.to_thread(
            self.peer.wait_state, edited, timeout, f"{before!r} edited to {after!r}"
        )

    async def peer_wait_reactions(
        self, text: str, keys: tuple[str, ...], timeout: float = 60.0
    ) -> None:
        msg_id = self._ids[text]
        ours = await asyncio.to_thread(self.peer.contact, self.me.address)

        def reacted() -> bool:
            got = self.peer.rpc.get_message_reactions(self.peer.account, msg_id) or {}
            by_contact = got.get("reactionsByContact", {})
            return sorted(by_contact.get(str(ours), [])) == sorted(keys)

        await asyncio.to_thread(
            self.peer.wait_state, reacted, timeout, f"our reactions {keys} on {text!r}"
        )

    async def peer_wait_retracted(self, text: str, timeout: float = 60.0) -> None:
        msg_id = self._ids[text]
        await asyncio.to_thread(
            self.peer.wait_event,
            lambda e: e.get("kind") == "MsgDeleted" and e.get("msgId") == msg_id,
            timeout,
        )

    async def close(self) -> None:
        await asyncio.to_thread(self.peer.stop)


async def open_harness(request: pytest.FixtureRequest, tmp_path: Path) -> DeltaChatHarness:
    mail: MailServers = request.getfixturevalue("mail")
    make = request.getfixturevalue("mailbox")
    me, other = make("contract"), make("contractpeer")
    peer = await start_peer(tmp_path / "peer", mail, other.address, other.password, plain=True)
    return DeltaChatHarness(mail, me, peer)
