"""The OMEMO machinery of one connection: slixmpp-omemo's plugin on our client, its encrypted
storage, and python-omemo's session manager behind it.

Loaded only when needed, never on the way to being online. The stack (slixmpp-omemo, oldmemo and
twomemo, which build XML schemas when imported) costs ~23 MB of memory and ~1.6 s of CPU, and
making the session manager may publish (a few round trips). The storage is opened before the
stream starts; after signing in, :meth:`OmemoEngine.signed_in` loads the stack only when this
device must be published — never published yet, missing from the server's device lists or
bundles as read by :mod:`~backends.xmpp.omemo.published`, or its signed pre-key due for rotation.
Otherwise it is loaded by whatever needs it (:meth:`OmemoEngine.wait_ready`: an encrypted message
arrived, a message goes to a conversation that may be encrypted, the devices are shown…): the
stack is imported on a worker thread, the plugin is registered then (slixmpp binds it to the
running session), and the session manager is made. If OMEMO cannot start (no keyring, a server
without PEP) the account works unencrypted and :attr:`OmemoEngine.problem` says why.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from omemo.session_manager import SessionManager
from omemo.types import DeviceInformation

from backends.xmpp.omemo import published
from backends.xmpp.omemo.storage import EncryptedStorage
from backends.xmpp.session import XmppSession

if TYPE_CHECKING:  # the plugin's module loads the whole OMEMO stack: only when starting
    from backends.xmpp.omemo.plugin import ChinwagOmemo, DevicesListener, ListUpdateListener

PLUGIN_MODULE = "backends.xmpp.omemo.plugin"

START_TIMEOUT = 60.0  # making the session manager (and publishing a first bundle)
READY_WAIT = 30.0  # how long a send waits for the engine to load and start
LOAD_WAIT = 180.0  # how long a received encrypted message waits (the load ends well before)
ROTATION = 7 * 24 * 60 * 60
"""python-omemo's signed pre-key rotation period (its default). It rotates only while loaded, so
a sign-in loads the stack when the last load is this old (the key is then at most twice as old,
within the week to a month XEP-0384 recommends), and a long connection loads it when that is due."""
LOADED_KEY = "/chinwag/loaded"  # in the OMEMO storage: when the stack last started (time.time())
OWN_ID_KEY = "/own_device_id"  # python-omemo's own keys, read without the stack


class EngineStopped(RuntimeError):
    """The session manager went away (the connection ended) while it was being used."""


class OmemoEngine:
    """Plugin, storage and session manager of one connection."""

    def __init__(self, session: XmppSession) -> None:
        self.session = session
        self.storage: EncryptedStorage | None = None
        self.plugin: ChinwagOmemo | None = None
        self.problem = ""  # why OMEMO is not available on this connection ("" when it is)
        self.load_reason = ""  # why the stack was loaded on this connection ("" while it is not)
        self.own_device_id: int | None = None  # known before loading once published
        self.own_published: dict[str, frozenset[int]] = {}  # our device lists as last read
        self._ready = asyncio.Event()
        self._manager: SessionManager | None = None
        self._start_task: asyncio.Task[None] | None = None
        self.checked = asyncio.Event()  # the sign-in's look at what is published is over
        self.on_blindly_trusted: DevicesListener | None = None
        self.on_device_list: ListUpdateListener | None = None
        self.on_started: Callable[[], Awaitable[None]] | None = None

    async def prepare(self) -> None:
        """Open the storage (its key comes from the keyring) before the stream starts."""
        ctx = self.session.ctx
        try:
            self.storage = await EncryptedStorage.open(
                ctx.data_dir, ctx.secrets, lambda text: self.session.log.warning("%s", text)
            )
        except Exception as exc:
            self.fail(f"The encryption keys could not be opened: {exc}")
            return
        with contextlib.suppress(Exception):
            stored = await self.storage.load_primitive(OWN_ID_KEY, int)
            self.own_device_id = stored.maybe(None)

    @property
    def usable(self) -> bool:
        """OMEMO can be used on this connection, loaded or not: its keys are open, nothing failed."""
        return self.storage is not None and not self.problem

    @property
    def loading(self) -> bool:
        """The stack is loading or loaded on this connection."""
        return self._start_task is not None

    def load(self, reason: str) -> None:
        """Load the stack and start, in the background (once per connection)."""
        if self._start_task is not None or self._ready.is_set():
            return
        self.load_reason = reason
        self.session.log.info("loading OMEMO: %s", reason)
        self._start_task = self.session.spawn(self._start(), "omemo-start")

    async def signed_in(self) -> None:
        """After signing in, in the background: load the stack now only if our device must be
        published (see the module docstring); otherwise wake up when the signed pre-key is due."""
        storage = self.storage
        try:
            if storage is None or self.loading or self._ready.is_set():
                return
            reason = await self._publish_reason(storage)
            if reason:
                self.load(reason)
        finally:
            self.checked.set()

    async def _publish_reason(self, storage: EncryptedStorage) -> str:
        own = self.session.own_jid
        device_id = (await storage.load_primitive(OWN_ID_KEY, int)).maybe(None)
        if device_id is None:
            return "this device has not been published yet"
        self.own_device_id = device_id
        loaded = (await storage.load_primitive(LOADED_KEY, float)).maybe(None)
        age = time.time() - loaded if loaded is not None else ROTATION
        if age >= ROTATION:
            return "the signed pre-key may be due for rotation"
        key = (await storage.load_bytes(f"/devices/{own}/{device_id}/identity_key")).maybe(None)
        if key is None:
            return "this device's identity key is not stored"
        problem = await published.own_device_problem(self.session, device_id, key)
        if problem:
            return problem
        with contextlib.suppress(Exception):
            self.own_published = await published.all_device_ids(self.session, own)
        self.session.spawn(self._load_when_due(ROTATION - age), "omemo-rotation")
        return ""

    async def _load_when_due(self, delay: float) -> None:
        await asyncio.sleep(max(delay, 0.0))
        self.load("the signed pre-key is due for rotation")

    async def _start(self) -> None:
        """Load the stack, put the plugin on the client, make the session manager, check what
        the server holds of our device; sets ready either way, then tells :attr:`on_started`."""
        try:
            if self.storage is None:
                return
            plugin = await self._load_plugin(self.storage)
            self._manager = await asyncio.wait_for(plugin.get_session_manager(), START_TIMEOUT)
            own, _ = await self._manager.get_own_device_information()
            self.own_device_id = own.device_id
            # Made: python-omemo has published a first device and looked at its signed pre-key.
            await self.storage.store(LOADED_KEY, time.time())
            await plugin.follow({self.session.own_jid})
        except Exception as exc:
            self.session.log.warning("OMEMO could not start", exc_info=True)
            self.fail(f"Encryption could not start: {exc or type(exc).__name__}")
        finally:
            self._ready.set()
        manager = self._manager
        if manager is None:
            return
        try:
            # Our device in both device lists and the bundles on the server as we hold them
            # (republished when not): what others need to encrypt to us while we run unloaded.
            await asyncio.wait_for(manager.ensure_data_consistency(), START_TIMEOUT)
        except Exception:
            self.session.log.warning("OMEMO could not check our published device", exc_info=True)
        if self.on_started is not None:
            await self.on_started()

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

    async def wait_ready(
        self, timeout: float = READY_WAIT, reason: str = "it is needed"
    ) -> SessionManager | None:
        """The session manager, loading the stack first if it is not loaded (None: it failed, is
        still starting after ``timeout``, or the connection ended)."""
        if not self._ready.is_set():
            self.load(reason)
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
