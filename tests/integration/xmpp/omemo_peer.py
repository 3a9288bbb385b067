"""The other person, with OMEMO: a plain slixmpp-omemo client that owes nothing to our backend.

It speaks both versions (or, with ``legacy_only``, only OMEMO 0.3, as Conversations, Dino and
Gajim did for years). OMEMO 0.3 goes through slixmpp-omemo's own plugin calls; OMEMO 2 one level
down, through python-omemo's session manager, with an XEP-0420 envelope written and read *here*,
by hand, with ElementTree — not with the backend's SCE module, so the two check each other.
Keys live in memory, trust is blind (BTBV); every decrypted message lands in :attr:`inbox`.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import ssl
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import oldmemo
import oldmemo.etree
import twomemo
import twomemo.etree
from omemo.session_manager import SessionManager
from omemo.storage import Storage
from omemo.types import DeviceInformation
from slixmpp import JID, ClientXMPP
from slixmpp.plugins.base import register_plugin
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath
from slixmpp_omemo import XEP_0384
from slixmpp_omemo.xep_0384 import _make_session_manager

from chinwag.testing import wait_until
from tests.fakes.omemo_storage import MemoryStorage
from tests.integration.xmpp.server import Account, ProsodyServer

C = "{jabber:client}"
SCE = "urn:xmpp:sce:1"
TWO = twomemo.twomemo.NAMESPACE
OLD = oldmemo.oldmemo.NAMESPACE


class PeerOmemo(XEP_0384):
    """slixmpp-omemo's plugin with memory storage and blind trust; optionally OMEMO 0.3 only."""

    default_config = {"fallback_message": "This message is OMEMO encrypted.", "legacy": False}  # noqa: RUF012

    def plugin_init(self) -> None:
        self._memory = MemoryStorage()
        self._manager: SessionManager | None = None
        self._building: asyncio.Future[SessionManager] | None = None
        super().plugin_init()

    @property
    def storage(self) -> Storage:
        return self._memory

    @property
    def _btbv_enabled(self) -> bool:
        return True

    async def _prompt_manual_trust(self, manually_trusted: Any, identifier: Any) -> None:
        for device in manually_trusted:  # the peer trusts everyone; the test is about the app
            manager = await self.get_session_manager()
            await manager.set_trust(device.bare_jid, device.identity_key, "BLINDLY_TRUSTED")

    @property
    def namespaces(self) -> list[str]:
        return [OLD] if self.config["legacy"] else [TWO, OLD]

    async def get_session_manager(self) -> SessionManager:
        if self._manager is not None:
            return self._manager
        if self._building is None:
            self._building = asyncio.ensure_future(self._build())
        self._manager = await asyncio.shield(self._building)
        self.xmpp.event("omemo_initialized")
        return self._manager

    async def _build(self) -> SessionManager:
        backends: list[Any] = [oldmemo.Oldmemo(self._memory, 1000, None)]
        if not self.config["legacy"]:
            backends.insert(0, twomemo.Twomemo(self._memory, 1000, None))
        manager = await _make_session_manager(self.xmpp, self).create(
            backends,
            self._memory,
            self.xmpp.boundjid.bare,
            initial_own_label=None,
            undecided_trust_level_name="UNDECIDED",
        )
        await manager.ensure_data_consistency()
        await manager.after_history_sync()
        return manager

    async def _on_device_list_update(self, msg: Any) -> None:
        item = msg["pubsub_event"]["items"]["item"].xml
        if self.config["legacy"] and item.find(f"{{{TWO}}}devices") is not None:
            return
        await super()._on_device_list_update(msg)

    async def refresh_device_lists(self, jids: Any, force_download: bool = False) -> None:
        for jid in jids:
            await self.refresh(JID(jid).bare)

    async def refresh(self, jid: str) -> None:
        manager = await self.get_session_manager()
        for namespace in self.namespaces:
            with contextlib.suppress(Exception):
                await manager.refresh_device_list(namespace, jid)


register_plugin(PeerOmemo, name="xep_0384")


@dataclass
class Decrypted:
    namespace: str
    body: str | None
    device_id: int
    stanza: ET.Element
    envelope: ET.Element | None = None  # OMEMO 2: the decrypted <envelope>


class OmemoPeer:
    def __init__(
        self, server: ProsodyServer, account: Account, resource: str = "omemo", legacy: bool = False
    ) -> None:
        self.account = account
        self.jid = account.jid
        self.server = server
        client = ClientXMPP(f"{account.jid}/{resource}", account.password)
        client.ssl_context = ssl.create_default_context(cafile=str(server.tls.ca_cert))
        client.enable_direct_tls = False
        for plugin in ("xep_0030", "xep_0060", "xep_0163", "xep_0334", "xep_0380"):
            client.register_plugin(plugin)
        client.register_plugin("xep_0384", {"legacy": legacy})
        self.client = client
        self.inbox: list[Decrypted] = []
        self.raw: list[ET.Element] = []
        self.failures: list[str] = []
        self._ready = asyncio.Event()
        self._tasks: set[asyncio.Future[None]] = set()
        self._lock = asyncio.Lock()
        client.add_event_handler("omemo_initialized", lambda _e: self._ready.set())
        client.register_handler(Callback("omemo peer", MatchXPath(f"{C}message"), self._on_message))

    @property
    def plugin(self) -> PeerOmemo:
        plugin: PeerOmemo = self.client.plugin["xep_0384"]  # type: ignore[literal-required]
        return plugin

    async def start(self) -> OmemoPeer:
        started = asyncio.Event()
        self.client.add_event_handler("session_start", lambda _e: started.set())
        self.client.connect(self.server.host, self.server.c2s_port)
        async with asyncio.timeout(60):
            await started.wait()
        self.client.send_presence()
        await self.plugin.get_session_manager()
        async with asyncio.timeout(60):
            await self._ready.wait()
        return self

    async def stop(self) -> None:
        client = self.client
        if self.plugin._manager is not None:
            with contextlib.suppress(Exception):
                await self.plugin._manager.shutdown()
        if client.transport is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.disconnect(wait=1), 5)
        if client.transport is not None:
            client.abort()
        task = getattr(client, "_run_out_filters", None)
        if isinstance(task, asyncio.Future) and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def device_id(self) -> int:
        own, _ = await (await self.plugin.get_session_manager()).get_own_device_information()
        return own.device_id

    async def devices_of(self, jid: str) -> set[DeviceInformation]:
        await self.plugin.refresh(jid)
        return set(await (await self.plugin.get_session_manager()).get_device_information(jid))

    # -- sending -----------------------------------------------------------------------------

    async def send_oldmemo(self, to: str, text: str) -> ET.Element:
        """OMEMO 0.3 through slixmpp-omemo's own call (body only, fallback body outside)."""
        await self.plugin.refresh(to)
        message = self.client.make_message(mto=to, mtype="chat")
        message["body"] = text
        encrypted, _errors = await self.plugin.encrypt_message(message, JID(to))
        assert encrypted is not None
        encrypted["eme"]["namespace"] = OLD
        encrypted["eme"]["name"] = "OMEMO"
        encrypted.send()
        xml: ET.Element = encrypted.xml
        return xml

    async def send_twomemo(
        self,
        to: str,
        text: str,
        *,
        recipients: set[str] | None = None,
        affix_to: str | None = None,
        affix_from: str | None = None,
        mtype: str = "chat",
        extra: list[ET.Element] | None = None,
        tamper: Callable[[ET.Element], None] | None = None,
    ) -> ET.Element:
        """OMEMO 2 with an envelope written here: content, rpad, time, to, from."""
        manager = await self.plugin.get_session_manager()
        targets = recipients if recipients is not None else {JID(to).bare}
        for target in targets:
            await self.plugin.refresh(target)
        envelope = ET.Element(f"{{{SCE}}}envelope")
        content = ET.SubElement(envelope, f"{{{SCE}}}content")
        ET.SubElement(content, f"{C}body").text = text
        for element in extra or []:
            content.append(element)
        ET.SubElement(envelope, f"{{{SCE}}}rpad").text = secrets.token_urlsafe(12)
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        ET.SubElement(envelope, f"{{{SCE}}}time", stamp=stamp)
        ET.SubElement(envelope, f"{{{SCE}}}to", jid=affix_to or JID(to).bare)
        ET.SubElement(envelope, f"{{{SCE}}}from", jid=affix_from or self.jid)
        messages, _errors = await manager.encrypt(
            frozenset(targets), {TWO: ET.tostring(envelope)}, backend_priority_order=[TWO]
        )
        stanza = self.client.make_message(mto=to, mtype=mtype)  # type: ignore[arg-type]
        for message in messages:
            element = twomemo.etree.serialize_message(message)
            if tamper is not None:
                tamper(element)
            stanza.append(element)
        stanza.enable("store")
        stanza["eme"]["namespace"] = TWO
        stanza["eme"]["name"] = "OMEMO 2"
        stanza.send()
        xml: ET.Element = stanza.xml
        return xml

    async def send_empty(self, jid: str) -> int:
        """Empty OMEMO messages (new sessions, no payload: what heartbeats and key transport
        look like) to every device of ``jid`` we have a session with; how many devices."""
        manager = await self.plugin.get_session_manager()
        devices = await manager.get_device_information(jid)
        for device in devices:
            failed = await manager.replace_sessions(device)
            assert not failed, failed
        return len(devices)

    def send_raw(self, xml: str) -> None:
        self.client.send_raw(xml)

    # -- receiving ---------------------------------------------------------------------------

    def _on_message(self, stanza: Any) -> None:
        self.raw.append(stanza.xml)
        if self.plugin.is_encrypted(stanza):
            task = asyncio.ensure_future(self._decrypt(stanza))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _decrypt(self, stanza: Any) -> None:
        async with self._lock:  # one ratchet step at a time, in arrival order
            await self._decrypt_one(stanza)

    async def _decrypt_one(self, stanza: Any) -> None:
        plugin = self.plugin
        found = plugin.is_encrypted(stanza)
        manager = await plugin.get_session_manager()
        own = self.client.boundjid.bare
        try:
            if TWO in found and not plugin.config["legacy"]:
                element = stanza.xml.find(f"{{{TWO}}}encrypted")
                sender = JID(stanza["from"]).bare
                message = twomemo.etree.parse_message(element, sender)
                plaintext, device, _ = await manager.decrypt(message)
                if plaintext is None:
                    return
                envelope = ET.fromstring(plaintext)
                body = envelope.find(f"{{{SCE}}}content/{C}body")
                self.inbox.append(
                    Decrypted(
                        TWO,
                        None if body is None else body.text,
                        device.device_id,
                        stanza.xml,
                        envelope,
                    )
                )
                return
            element = stanza.xml.find(f"{{{OLD}}}encrypted")
            message = await oldmemo.etree.parse_message(
                element, JID(stanza["from"]).bare, own, manager
            )
            plaintext, device, _ = await manager.decrypt(message)
            if plaintext is not None:
                self.inbox.append(Decrypted(OLD, plaintext.decode(), device.device_id, stanza.xml))
        except Exception as exc:  # recorded for the test to see
            self.failures.append(f"{type(exc).__name__}: {exc}")

    async def wait_decrypted(
        self, predicate: Callable[[Decrypted], bool], timeout: float = 60.0
    ) -> Decrypted:
        return await wait_until(
            lambda: next((item for item in self.inbox if predicate(item)), None),
            timeout,
            what=lambda: (
                f"a matching decrypted message; got "
                f"{[(d.namespace, d.body) for d in self.inbox]}, failures {self.failures}"
            ),
        )
