"""The OMEMO machinery of one connection: slixmpp-omemo's plugin on our client, its encrypted
storage, and python-omemo's session manager behind it.

Started after signing in and never inside it: loading the OMEMO stack takes ~1.6 s of CPU
(slixmpp-omemo, oldmemo and twomemo build XML schemas when imported; under load it was most of a
10 s wait between starting the app and being in a room), and making the session manager
downloads our device lists and may publish bundles (a few round trips). So the stack is imported
on a worker thread after signing in, the plugin is registered then (slixmpp binds it to the
running session), and sending and receiving wait for :meth:`OmemoEngine.wait_ready` instead. If
OMEMO cannot start (no keyring, a server without PEP) the account works unencrypted and
:attr:`OmemoEngine.problem` says why.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from typing import TYPE_CHECKING, Any

from omemo.session_manager import SessionManager
from omemo.types import DeviceInformation

from backends.xmpp.omemo.storage import EncryptedStorage
from backends.xmpp.session import XmppSession

if TYPE_CHECKING:  # the plugin's module loads the whole OMEMO stack: only when starting
    from backends.xmpp.omemo.plugin import ChinwagOmemo, DevicesListener, ListUpdateListener

PLUGIN_MODULE = "backends.xmpp.omemo.plugin"

START_TIMEOUT = 60.0  # making the session manager (and publishing a first bundle)
READY_WAIT = 30.0  # how long a send waits for a starting engine


class EngineStopped(RuntimeError):
    """The session manager went away (the connection ended) while it was being used."""


class OmemoEngine:
    """Plugin, storage and session manager of one connection."""

    def __init__(self, session: XmppSession) -> None:
        self.session = session
        self.storage: EncryptedStorage | None = None
        self.plugin: ChinwagOmemo | None = None
        self.problem = ""  # why OMEMO is not available on this connection ("" when it is)
        self._ready = asyncio.Event()
        self._manager: SessionManager | None = None
        self.on_blindly_trusted: DevicesListener | None = None
        self.on_device_list: ListUpdateListener | None = None

    async def prepare(self) -> None:
        """Open the storage (its key comes from the keyring) before the stream starts."""
        ctx = self.session.ctx
        try:
            self.storage = await EncryptedStorage.open(
                ctx.data_dir, ctx.secrets, lambda text: self.session.log.warning("%s", text)
            )
        except Exception as exc:
            self.fail(f"The encryption keys could not be opened: {exc}")

    async def start(self) -> None:
        """After signing in, in the background: load the stack, put the plugin on the client,
        make the session manager; sets ready either way."""
        try:
            if self.storage is None:
                return
            plugin = await self._load_plugin(self.storage)
            self._manager = await asyncio.wait_for(plugin.get_session_manager(), START_TIMEOUT)
            await plugin.follow({self.session.own_jid})
        except Exception as exc:
            self.session.log.warning("OMEMO could not start", exc_info=True)
            self.fail(f"Encryption could not start: {exc or type(exc).__name__}")
        finally:
            self._ready.set()

    async def _load_plugin(self, storage: EncryptedStorage) -> ChinwagOmemo:
        """Import the OMEMO stack on a worker thread (the connection's loop goes on joining
        rooms meanwhile), then register the plugin on this connection's client."""
        module = await asyncio.to_thread(importlib.import_module, PLUGIN_MODULE)
        self.session.client.register_plugin(
            module.PLUGIN,
            {
                "omemo_storage": storage,
                "on_blindly_trusted": self._blindly_trusted,
                "on_device_list": self._device_list,
            },
        )
        plugins: Any = self.session.client.plugin  # typed for slixmpp's own plugins only
        plugin: ChinwagOmemo = plugins[module.PLUGIN]
        self.plugin = plugin
        return plugin

    def fail(self, problem: str) -> None:
        self.problem = problem
        self._manager = None
        self._ready.set()

    async def stop(self) -> None:
        """End the session manager's background work and close the storage (connection over)."""
        manager, self._manager = self._manager, None
        if manager is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(manager.shutdown(), 5)
        if self.storage is not None:
            with contextlib.suppress(Exception):
                await self.storage.close()

    @property
    def ready(self) -> bool:
        return self._manager is not None

    async def wait_ready(self, timeout: float = READY_WAIT) -> SessionManager | None:
        """The session manager once started (None: it failed, is still starting, or the
        connection ended)."""
        if not self._ready.is_set():
            await self.session.wait_or_down(self._ready.wait(), timeout)
        return self._manager

    @property
    def manager(self) -> SessionManager:
        if self._manager is None:
            raise EngineStopped("OMEMO is not ready")
        return self._manager

    # -- devices -----------------------------------------------------------------------------

    async def follow(self, jids: set[str], *, refresh: bool = False) -> None:
        if self.plugin is not None and jids:
            await self.plugin.follow(jids, refresh=refresh)

    async def devices(self, bare: str) -> list[DeviceInformation]:
        """The known devices of ``bare`` that are active in a version we speak, newest id order."""
        found = await self.manager.get_device_information(bare)
        return sorted((d for d in found if any(a for _, a in d.active)), key=lambda d: d.device_id)

    async def own(self) -> tuple[DeviceInformation, list[DeviceInformation]]:
        this, others = await self.manager.get_own_device_information()
        return this, sorted((d for d in others if any(a for _, a in d.active)), key=_by_id)

    # -- plugin callbacks --------------------------------------------------------------------

    async def _blindly_trusted(self, devices: frozenset[DeviceInformation]) -> None:
        if self.on_blindly_trusted is not None:
            await self.on_blindly_trusted(devices)

    async def _device_list(self, bare: str) -> None:
        if self.on_device_list is not None:
            await self.on_device_list(bare)


def _by_id(device: DeviceInformation) -> Any:
    return device.device_id
