"""The other person: a second, independent Delta Chat core driven with ``deltachat-rpc-client``.

It runs in its own ``deltachat-rpc-server`` process with its own accounts folder, signs in to the
same loopback Dovecot/Postfix, and is used the way the library's own tests use it. Its blocking
calls run in threads so the async tests around it keep their loop free.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from deltachat_rpc_client import Rpc
from deltachat_rpc_client.rpc import JsonRpcError

from chinwag_deltachat.rpc import server_path
from mail_servers import LOOPBACK, MailServers


def login(servers: MailServers, address: str, password: str) -> dict[str, Any]:
    """Login parameters for the loopback servers (no autoconfig, no DNS)."""
    return {
        "addr": address,
        "password": password,
        "imapServer": LOOPBACK,
        "imapPort": servers.ports["imap"],
        "imapSecurity": "starttls",
        "imapUser": address,
        "smtpServer": LOOPBACK,
        "smtpPort": servers.ports["smtp"],
        "smtpSecurity": "starttls",
        "smtpUser": address,
        "certificateChecks": "acceptInvalidCertificates",
    }


class Peer:
    """One Delta Chat account in its own core process."""

    def __init__(
        self, base: Path, servers: MailServers, address: str, password: str, *, plain: bool = False
    ) -> None:
        self.plain = plain
        self.address = address
        self.password = password
        self.servers = servers
        base.mkdir(parents=True, exist_ok=True)
        self._log = (base / "core.log").open("wb")
        self.rpc = Rpc(
            accounts_dir=str(base / "accounts"), rpc_server_path=server_path(), stderr=self._log
        )
        self.account = 0
        self.events: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    # -- lifecycle (blocking; call through asyncio.to_thread) -------------------------------

    def start(self) -> None:
        self.rpc.start()
        self.account = int(self.rpc.add_account())
        self.rpc.add_or_update_transport(
            self.account, login(self.servers, self.address, self.password)
        )
        self.rpc.set_config(self.account, "displayname", self.address.split("@")[0].title())
        if self.plain:  # may send unencrypted mail to people whose key it lacks
            self.rpc.set_config(self.account, "force_encryption", "0")
        self._thread = threading.Thread(target=self._pump, daemon=True, name="peer-events")
        self._thread.start()
        self.rpc.start_io(self.account)
        # On its first look at the inbox the core takes only mail newer than what is there
        # (UIDNEXT); wait for it, or a message sent to us meanwhile is silently skipped.
        self.wait_event(lambda e: e.get("kind") == "ImapInboxIdle", 60)

    def _pump(self) -> None:
        while True:
            event = self.rpc.wait_for_event(self.account)
            if event is None:
                return
            with self._cond:
                self.events.append(event)
                self._cond.notify_all()

    def stop(self) -> None:
        try:
            self.rpc.close()
        finally:
            self.rpc.get_queue(self.account).put(None)
            if self._thread is not None:
                self._thread.join(10)
            self.rpc.process.wait(10)
            self._log.close()

    # -- waiting -----------------------------------------------------------------------------

    def wait_event(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 60.0
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        seen = 0
        with self._cond:
            while True:
                for event in self.events[seen:]:
                    if predicate(event):
                        return event
                seen = len(self.events)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"peer {self.address}: no such event in {timeout} s; saw {self._summary()}"
                    )
                self._cond.wait(min(left, 1.0))

    def wait_state(self, check: Callable[[], bool], timeout: float = 60.0, what: str = "") -> None:
        """Until ``check`` (which asks the core) holds: looked at now, after each new event
        (an edit, a reaction, a deletion each bring one) and at least once a second."""
        deadline = time.monotonic() + timeout
        with self._cond:
            seen = len(self.events)
        while not check():
            with self._cond:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"peer {self.address}: not {what} in {timeout} s")
                if len(self.events) == seen:
                    self._cond.wait(min(left, 1.0))
                seen = len(self.events)

    def _summary(self) -> list[str]:
        out = []
        for event in self.events:
            kind = str(event.get("kind"))
            if kind == "IncomingMsg":
                try:
                    msg = self.rpc.get_message(self.account, event["msgId"])
                    kind += f"({msg.get('text')!r}, file={msg.get('fileName')!r})"
                except JsonRpcError:
                    kind += "(replaced)"
            if kind not in ("Info", "ConnectivityChanged", "ConfigureProgress"):
                out.append(kind)
        return out

    def wait_message(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 60.0
    ) -> dict[str, Any]:
        """The first incoming message (as the core describes it) that ``predicate`` accepts."""
        found: dict[str, Any] = {}

        def check(event: dict[str, Any]) -> bool:
            # A message with a file may come as a small pre-message first (IncomingMsg), the
            # whole of it later (MsgsChanged): wait for the whole.
            if event.get("kind") not in ("IncomingMsg", "MsgsChanged") or not event.get("msgId"):
                return False
            try:
                msg = self.rpc.get_message(self.account, event["msgId"])
            except JsonRpcError:
                return False  # a pre-message, replaced by the whole message
            if msg.get("fromId") == 1 or msg.get("downloadState") != "Done":
                return False
            if predicate(msg):
                found.update(msg)
                return True
            return False

        self.wait_event(check, timeout)
        return found

    def wait_text(self, text: str, timeout: float = 60.0) -> dict[str, Any]:
        return self.wait_message(lambda m: m.get("text") == text, timeout)

    # -- acting ------------------------------------------------------------------------------

    def contact(self, address: str) -> int:
        found = self.rpc.lookup_contact_id_by_addr(self.account, address)
        return (
            int(found)
            if found is not None
            else int(self.rpc.create_contact(self.account, address, None))
        )

    def chat_with(self, address: str) -> int:
        contact = self.contact(address)
        return int(self.rpc.create_chat_by_contact_id(self.account, contact))

    def send_text(self, chat_id: int, text: str) -> int:
        chat = self.rpc.get_basic_chat_info(self.account, chat_id)
        if chat.get("isContactRequest"):
            self.rpc.accept_chat(self.account, chat_id)
        return int(self.rpc.send_msg(self.account, chat_id, {"text": text}))

    def send_file(self, chat_id: int, path: Path, text: str = "") -> int:
        data: dict[str, Any] = {"file": str(path), "filename": path.name}
        if text:
            data["text"] = text
        return int(self.rpc.send_msg(self.account, chat_id, data))

    def secure_join(self, link: str) -> int:
        """Scan our invite link; returns the chat it leads to once the handshake is through."""
        chat_id = int(self.rpc.secure_join(self.account, link))
        self.wait_event(
            lambda e: e.get("kind") == "SecurejoinJoinerProgress" and e.get("progress") == 1000,
            90,
        )
        return chat_id

    def invite_link(self, chat_id: int | None = None) -> str:
        return str(self.rpc.get_chat_securejoin_qr_code(self.account, chat_id))


async def start_peer(
    base: Path, servers: MailServers, address: str, password: str, *, plain: bool = False
) -> Peer:
    peer = Peer(base, servers, address, password, plain=plain)
    try:
        await asyncio.to_thread(peer.start)
    except BaseException:
        await asyncio.to_thread(peer.stop)
        raise
    return peer
