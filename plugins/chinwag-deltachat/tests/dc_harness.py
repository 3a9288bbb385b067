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
        await asyncio.to_thread(self.peer.send_text, self._chat, text)

    async def peer_wait_for(self, text: str, timeout: float = 60.0) -> None:
        msg = await asyncio.to_thread(self.peer.wait_text, text, timeout)
        assert msg["sender"]["address"] == self.me.address

    async def close(self) -> None:
        await asyncio.to_thread(self.peer.stop)


async def open_harness(request: pytest.FixtureRequest, tmp_path: Path) -> DeltaChatHarness:
    mail: MailServers = request.getfixturevalue("mail")
    make = request.getfixturevalue("mailbox")
    me, other = make("contract"), make("contractpeer")
    peer = await start_peer(tmp_path / "peer", mail, other.address, other.password, plain=True)
    return DeltaChatHarness(mail, me, peer)
