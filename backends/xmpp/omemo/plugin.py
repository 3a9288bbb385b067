"""slixmpp-omemo's XEP-0384 plugin, configured for Chinwag.

The plugin publishes our OMEMO 2 and OMEMO 0.3 device lists and bundles, fetches other people's,
follows their updates and owns python-omemo's session manager (all the cryptography). What we set:

- storage: :class:`~backends.xmpp.omemo.storage.EncryptedStorage`, per account, handed over in the
  plugin's configuration;
- trust: blind trust before verification (see :mod:`backends.xmpp.omemo.trust`). When a person
  with a verified device shows a *new* device the library asks for a manual decision in the middle
  of encrypting; we never decide for the user there: :class:`NewDevicesUndecided` ends that
  encryption and the message fails with words saying which devices wait for a decision;
- device lists: the backend sends no XEP-0115 entity capabilities, so the server's automatic PEP
  notifications (which rely on them) never come. Every device list we use is therefore followed by
  an explicit pubsub subscription — our own included — instead of only for people without a
  mutual presence subscription as the plugin does.

Registered under its own name (:data:`PLUGIN`), so a plain slixmpp-omemo client can live in the
same process (the tests run one).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

import oldmemo
import twomemo
from omemo.session_manager import TrustDecisionFailed
from omemo.storage import Storage
from omemo.types import DeviceInformation
from slixmpp.jid import JID
from slixmpp.plugins.base import register_plugin
from slixmpp_omemo import XEP_0384

from backends.xmpp.omemo.content import FALLBACK_BODY

PLUGIN = "chinwag_omemo"
log = logging.getLogger(__name__)
NAMESPACES = (twomemo.twomemo.NAMESPACE, oldmemo.oldmemo.NAMESPACE)
"""Newest first: each device gets a message in the newest version it announces."""

DevicesListener = Callable[[frozenset[DeviceInformation]], Awaitable[None]]
ListUpdateListener = Callable[[str], Awaitable[None]]


class NewDevicesUndecided(TrustDecisionFailed):
    """Someone with a verified device has new devices the user has not decided about."""

    def __init__(self, devices: frozenset[DeviceInformation]) -> None:
        super().__init__(f"{len(devices)} new devices wait for a trust decision")
        self.devices = devices


class ChinwagOmemo(XEP_0384):
    """XEP-0384 with encrypted storage, BTBV, and explicit device list subscriptions."""

    name = PLUGIN
    description = "OMEMO Encryption (Chinwag)"
    default_config: ClassVar[dict[str, Any]] = {
        "fallback_message": FALLBACK_BODY,
        "omemo_storage": None,
        "on_blindly_trusted": None,
        "on_device_list": None,
    }

    @property
    def storage(self) -> Storage:
        storage = self.config["omemo_storage"]
        assert isinstance(storage, Storage), "ChinwagOmemo needs its storage in the config"
        return storage

    @property
    def _btbv_enabled(self) -> bool:
        return True

    async def _devices_blindly_trusted(
        self, blindly_trusted: frozenset[DeviceInformation], identifier: str | None
    ) -> None:
        listener: DevicesListener | None = self.config.get("on_blindly_trusted")
        if listener is not None:
            await listener(blindly_trusted)

    async def _prompt_manual_trust(
        self, manually_trusted: frozenset[DeviceInformation], identifier: str | None
    ) -> None:
        raise NewDevicesUndecided(manually_trusted)

    async def _on_device_list_update(self, msg: Any) -> None:
        await super()._on_device_list_update(msg)
        listener: ListUpdateListener | None = self.config.get("on_device_list")
        if listener is not None:
            await listener(JID(msg["from"]).bare)

    async def _on_subscription_changed(self, presence: Any) -> None:
        """Subscriptions stay explicit whatever the roster says (see the module docstring)."""

    async def follow(self, jids: set[str], *, refresh: bool = False) -> None:
        """Keep the device lists of ``jids`` (bare) current: subscribe once to each list node and
        download it then (later changes arrive as notifications); ``refresh`` downloads anyway."""
        session_manager = await self.get_session_manager()
        for bare in sorted(jids):
            for namespace in NAMESPACES:
                key = f"/slixmpp/subscribed/{bare}/{namespace}"
                subscribed = (await self.storage.load_primitive(key, bool)).maybe(False)
                if not subscribed:
                    await self._subscribe(namespace, JID(bare))
                if refresh or not subscribed:
                    try:
                        await session_manager.refresh_device_list(namespace, bare)
                    except Exception as exc:  # the list may simply not exist (no such client)
                        log.debug("no %s device list for %s: %s", namespace, bare, exc)

    async def refresh_device_lists(self, jids: set[JID], force_download: bool = False) -> None:
        """The plugin's own entry point (used by its ``encrypt_message``) follows ours."""
        await self.follow({JID(j).bare for j in jids}, refresh=force_download)


register_plugin(ChinwagOmemo, name=PLUGIN)
