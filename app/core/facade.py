"""The :class:`Core` façade: one object that starts and stops everything and names the groups.

A front end holds one :class:`Core`, calls the coroutines of its command groups
(``core.messaging.send_message(...)``, ``core.rooms.join(...)``) and learns about everything
else from typed events on :attr:`Core.bus`.
"""

from __future__ import annotations

import asyncio
import logging

from app import events as ev
from app import priority
from app.bus import EventBus
from app.config import AppConfig
from app.core.accounts import AccountCommands
from app.core.archive import ArchiveCommands
from app.core.commands import SlashCommands
from app.core.contacts import ContactCommands
from app.core.conversations import ConversationCommands
from app.core.drafts import DraftCommands
from app.core.encryption import EncryptionCommands
from app.core.messaging import MessagingCommands
from app.core.polls import PollCommands
from app.core.preferences import PreferenceCommands
from app.core.previews import PreviewCommands
from app.core.rooms import RoomCommands
from app.core.services import CoreContext, CoreServices
from app.core.signed_in import SignedInCommands
from app.core.signin import SignInCommands
from app.core.spaces import SpaceCommands
from app.core.threads import ThreadCommands
from app.models import AccountId
from app.secrets import SecretsUnavailable
from app.session import AccountSession
from app.store.worker import StoreWorker

_log = logging.getLogger(__name__)


class Core:
    """Owns the accounts and their sessions; its command groups share one :class:`CoreServices`."""

    def __init__(self, ctx: CoreContext) -> None:
        self.services = services = CoreServices(ctx)
        self.accounts = AccountCommands(services)
        self.preferences = PreferenceCommands(services)
        self.conversations = ConversationCommands(services)
        self.drafts = DraftCommands(services)
        self.messaging = MessagingCommands(services)
        self.rooms = RoomCommands(services)
        self.contacts = ContactCommands(services)
        self.encryption = EncryptionCommands(services)
        self.archive = ArchiveCommands(services)
        self.threads = ThreadCommands(services)
        self.polls = PollCommands(services)
        self.spaces = SpaceCommands(services)
        self.previews = PreviewCommands(services)
        self.signed_in = SignedInCommands(services)
        self.signin = SignInCommands(services, self.accounts.add_account)
        self.commands = SlashCommands(
            self.messaging, self.rooms, self.conversations, self.polls, self.contacts
        )
        self._secrets_checked: asyncio.Task[None] | None = None

    @property
    def ctx(self) -> CoreContext:
        return self.services.ctx

    @property
    def bus(self) -> EventBus:
        return self.services.bus

    @property
    def worker(self) -> StoreWorker:
        return self.services.worker

    @property
    def sessions(self) -> dict[AccountId, AccountSession]:
        return self.services.sessions

    @property
    def config(self) -> AppConfig:
        return self.services.config

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Open the stores and publish the initial state, then start connecting in the background.

        The keyring is asked whether it is usable on a worker thread, and only what needs a
        secret waits for it: importing it and finding its backend took half a second of an IRC
        account's way to its channels, which needs none. It is asked at once when an enabled
        account has a saved secret (its connection will ask anyway); when none has, it is not
        loaded at all until a secret is stored (the keyring, its Secret Service client and
        ``cryptography``: 8 MB resident that an IRC account without a password never uses). A
        keyring that cannot be used is then told when the secret is stored, as that step's error.
        """
        s = self.services
        s.ctx.paths.ensure()
        await s.load_config()
        enabled = [e for e in s.config.accounts if e.account.enabled]
        priority.imports_expected({e.account.protocol_id for e in enabled})
        if any(e.secret_keys for e in enabled):
            self._check_secrets_soon()  # a connection will wait for it: start it now
        # Plugins from elsewhere are imported now (off the loop's thread), so one that cannot be
        # used is told about at once with its reason instead of being silently left out.
        await asyncio.to_thread(s.ctx.registry.load_outside)
        for report in s.ctx.registry.problems():
            s.publish(ev.PluginProblem(report.name, report.reason))
        for entry in s.config.accounts:
            await s.open_session(entry.account)
        s.publish_accounts()
        s.publish(ev.PreferencesChanged(dict(s.config.preferences)))
        for session in s.sessions.values():
            s.publish_state(session)
            convs = await s.worker.run(session.store.conversations)
            if convs:
                s.publish(ev.ConversationsChanged(tuple(convs)))
            spaces = await s.worker.run(session.store.spaces.all)
            if spaces:
                s.publish(ev.SpacesChanged(session.account_id, tuple(spaces)))
        s.publish(ev.CoreStarted())
        for session in s.sessions.values():
            await session.start()

    async def stop(self) -> None:
        """Disconnect every account and close every store. Queued messages stay in the outbox."""
        s = self.services
        checking, self._secrets_checked = self._secrets_checked, None
        if checking is not None:
            checking.cancel()  # its notice is moot now (the keyring call itself runs out)
        for session in list(s.sessions.values()):
            await session.stop()
            await s.worker.run(session.store.close)
        s.sessions.clear()
        await asyncio.to_thread(s.worker.shutdown)

    async def flushed(self) -> None:
        """Wait until every reported fact has been stored and published (tests, shutdown)."""
        for session in list(self.services.sessions.values()):
            await session.flushed()

    def _check_secrets_soon(self) -> None:
        if self._secrets_checked is None:
            self._secrets_checked = asyncio.create_task(self._check_secrets(), name="keyring")

    async def _check_secrets(self) -> None:
        """Say early, and in words, that no keyring is usable (instead of failing accounts one by one)."""
        try:
            await asyncio.to_thread(self.services.ctx.secrets.check)
        except SecretsUnavailable as exc:
            self.services.publish(ev.Notice(str(exc), None, "error"))
        except Exception:  # a bug: the accounts that need a secret will say so themselves
            _log.exception("checking the keyring failed")
