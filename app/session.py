"""One account at run time: its store, dispatcher, connection supervisor, outbox and backend.

The session is the only place where a backend meets the core: it builds the backend's context,
routes reported facts (connection loss to the supervisor, progress straight to the bus, the rest
through the batched dispatch pipeline) and hands the connected backend to the outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from app import events as ev
from app import facts as f
from app import priority
from app.avatars import AvatarCache, AvatarFetcher
from app.backend import (
    Backend,
    BackendContext,
    Capability,
    NetworkSettings,
    effective_capabilities,
)
from app.backoff import Backoff
from app.connection import ConnectionSupervisor, StateReport
from app.dispatch import AccountDispatcher, PrivacyPolicy, StateWrite, backend_state_key
from app.highlights import HighlightWords
from app.i18n import CoreMessages
from app.models import Account, ConnectionState, ConversationId
from app.outbox import OutboxSender
from app.registry import BackendRegistry
from app.save_retry import (
    MAX_KEPT,
    KeptFacts,
    StateNotSaved,  # its old home: importable from here
    poison_notice,
)
from app.save_retry import weight as kept_weight
from app.secrets import SecretStore
from app.store.account_store import AccountStore
from app.store.worker import StoreWorker

MAX_BATCH = 5000


class AccountLogger(logging.LoggerAdapter[logging.Logger]):
    """Every log line carries its account (DESIGN §8.6)."""

    def process(self, msg: object, kwargs: dict[str, object]) -> tuple[object, dict[str, object]]:  # type: ignore[override]
        kwargs["extra"] = {**(kwargs.get("extra") or {}), "account": self.extra["account"]}  # type: ignore[index,dict-item]
        return msg, kwargs


def account_logger(name: str, account_id: str) -> AccountLogger:
    return AccountLogger(logging.getLogger(name), {"account": account_id})


class AccountSecrets:
    """:class:`~app.backend.SecretAccess` for one account; keyring calls run off the loop.

    ``saved``: the names of the secrets this account has in the keyring (its config keeps them,
    every write adds its name), so asking for one it never saved (an IRC server password that
    was never set) answers ``None`` without the keyring: it may not even be loaded yet, and
    loading it takes a quarter of a second (see ``Core.start``)."""

    def __init__(
        self,
        secrets: SecretStore,
        account_id: str,
        remember: Callable[[str], None],
        saved: Callable[[], Collection[str]] | None = None,
    ):
        self._secrets = secrets
        self._account_id = account_id
        self._remember = remember
        self._saved = saved

    async def get(self, key: str) -> str | None:
        if self._saved is not None and key not in self._saved():
            return None
        return await asyncio.to_thread(self._secrets.get, self._account_id, key)

    async def set(self, key: str, value: str) -> None:
        await asyncio.to_thread(self._secrets.set, self._account_id, key, value)
        self._remember(key)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._secrets.delete, self._account_id, key)


class AccountState:
    """:class:`~app.backend.StateAccess` over the account's store (keys are namespaced).

    A write goes through the session's fact queue, not straight to the store: it is committed in
    the transaction of the facts reported before it (or a later one), never before them. So a
    resume position saved after the messages it covers (a MAM id, a sync token, a stream counter)
    can never be on disk while those messages are not, whatever moment the process dies at.
    ``set`` returns once the write is committed; it raises :class:`StateNotSaved` if that
    transaction failed.
    """

    def __init__(
        self, worker: StoreWorker, store: AccountStore, queue: Callable[[StateWrite], None]
    ) -> None:
        self._worker = worker
        self._store = store
        self._queue = queue

    async def get(self, key: str) -> str | None:
        return await self._worker.run(self._store.get_state, backend_state_key(key))

    async def set(self, key: str, value: str | None) -> None:
        write = StateWrite(
            backend_state_key(key), value, asyncio.get_running_loop().create_future()
        )
        self._queue(write)
        assert write.done is not None
        await write.done


@dataclass
class SessionServices:
    """What sessions share: the store thread, the registry, the keyring, the bus."""

    worker: StoreWorker
    registry: BackendRegistry
    secrets: SecretStore
    publish: Callable[[ev.Event], None]
    remember_secret: Callable[[str, str], None]
    account_files: Callable[[str], Path]
    backoff_factory: Callable[[], Backoff]
    connect_timeout: float = 45.0
    network: NetworkSettings = field(default_factory=NetworkSettings)
    save_backoff: Callable[[], Backoff] = field(default=lambda: Backoff(base=1.0, cap=60.0))
    """The pause between two tries to save what the store refused for a while (app.save_retry)."""
    max_kept: int = MAX_KEPT
    saved_secrets: Callable[[str], Collection[str]] | None = None  # None: ask the keyring always


class AccountSession:
    def __init__(
        self,
        account: Account,
        store: AccountStore,
        dispatcher: AccountDispatcher,
        services: SessionServices,
    ) -> None:
        self.account = account
        self.store = store
        self.dispatcher = dispatcher
        self.services = services
        self.log = account_logger("chinwag.session", account.id)
        self.backend: Backend | None = None
        self.state = StateReport(
            ConnectionState.OFFLINE if account.enabled else ConnectionState.DISABLED
        )
        self._facts: list[f.Fact | StateWrite] = []
        self._draining = False
        self._idle = asyncio.Event()
        self._idle.set()
        self._kept = KeptFacts(account.id, self.log, services.save_backoff(), services.max_kept)
        self._retry = asyncio.Event()  # set: try to save what is kept now (stopping)
        self._stopping = False
        self._drain_task: asyncio.Task[None] | None = None
        self.outbox = OutboxSender(
            dispatcher=dispatcher,
            worker=services.worker,
            publish=services.publish,
            logger=self.log,
            saving_error=lambda: self._kept.error,  # nothing is handed over meanwhile
            backoff=services.save_backoff(),
        )
        self.avatars = AvatarFetcher(
            account.id,
            AvatarCache(services.account_files(account.id) / "avatars"),
            lambda: self.backend,
            services.publish,
            self.log,
        )
        self.supervisor = ConnectionSupervisor(
            create_backend=self._create_backend,
            on_connected=self._connected,
            on_disconnected=self._disconnected,
            on_state=self._state_changed,
            logger=self.log,
            backoff=services.backoff_factory(),
            connect_timeout=services.connect_timeout,
        )

    @property
    def account_id(self) -> str:
        return self.account.id

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        """What the connected backend can do now; nothing while offline."""
        if self.backend is None:
            return Capability.NONE
        return effective_capabilities(self.backend, conv)

    async def start(self) -> None:
        await self.avatars.start()
        self.outbox.start()
        if self.account.enabled:
            self.supervisor.start()

    async def stop(self, state: ConnectionState | None = None) -> None:
        if state is None:
            state = ConnectionState.OFFLINE if self.account.enabled else ConnectionState.DISABLED
        await self.supervisor.stop(state)
        await self.avatars.stop()
        await self.outbox.stop()
        self._stopping = True  # one more try to save what is kept, then give up
        self._retry.set()
        try:
            if self._drain_task is not None:
                await asyncio.wait([self._drain_task])
            await self.flushed()
        finally:
            self._stopping = False
            self._retry.clear()

    async def flushed(self) -> None:
        """Wait until every fact reported so far is stored and published, or kept to be saved
        later because the store fails for now (app.save_retry): a command waiting for its facts
        does not wait for the disk."""
        await self._idle.wait()

    def set_privacy(self, privacy: PrivacyPolicy) -> None:
        self.dispatcher.privacy = privacy

    def set_highlights(self, highlights: HighlightWords) -> None:
        """From the next message on; what is stored keeps what it was marked with."""
        self.dispatcher.highlights = highlights

    # -- facts -----------------------------------------------------------------------------

    def report_local(self, fact: f.Fact) -> None:
        """A change the core made itself (our edit, reaction …), through the same pipeline."""
        self._queue(fact)

    def report(self, backend: Backend, fact: f.Fact) -> None:
        if not isinstance(fact, f.Fact):  # a plugin's bug, not a type error we can rule out
            self.log.error("backend reported a non-fact %r; dropped", type(fact).__name__)  # type: ignore[unreachable]
            return
        if isinstance(fact, f.ConnectionLost):
            self.supervisor.lost(fact, backend)
            return
        if isinstance(fact, f.AvatarChanged):  # files, not the store: see app/avatars.py
            self.avatars.changed(fact)
            return
        if isinstance(fact, f.Progress):
            self.services.publish(
                ev.ProgressChanged(self.account_id, fact.task, fact.label, fact.done, fact.total)
            )
            return
        self._queue(fact)

    def _queue(self, fact: f.Fact | StateWrite) -> None:
        if self._kept.holding_state and isinstance(fact, StateWrite | f.StateKept):
            # Something before it was dropped: a resume position saved now would skip it.
            self.log.warning("not saving state %s: updates before it were dropped", fact.key)
            _settle_writes([fact])
            return
        if not self._kept.admit(fact):
            _settle_writes([fact])
            return
        self._facts.append(fact)
        if not self._draining:
            self._draining = True
            self._idle.clear()
            self._drain_task = asyncio.get_running_loop().create_task(
                self._drain(), name="dispatch"
            )

    async def _drain(self) -> None:
        """Save the queued facts batch by batch, in order. What the store refuses for a while
        (the disk is full …) goes back to the front of the queue and is tried again after a
        pause, newer facts behind it; its state writes stay unsettled until it is saved."""
        try:
            while self._facts:
                batch = self._next_batch()
                try:
                    saved = await self.services.worker.run(self.dispatcher.save, batch)
                except BaseException:
                    _settle_writes(batch)
                    raise
                events = saved.events + poison_notice(saved, self.account_id)
                if saved.error is not None:
                    kept = {id(x) for x in saved.unsaved}
                    _settle_writes([x for x in batch if id(x) not in kept])
                    self._facts[:0] = saved.unsaved
                    events += self._kept.failed(saved.error, self._facts)
                else:
                    _settle_writes(batch)
                    if self._kept.saved(batch):
                        events += self._kept.recovered()
                        self.outbox.wake()  # it held back what the person sent meanwhile
                        if self._kept.holding_state:
                            self._fetch_dropped_again()
                for event in events + self._kept.dropped_notice():
                    self.services.publish(event)
                if saved.error is not None and not await self._pause():
                    return
        finally:
            self._draining = False
            self._idle.set()

    async def _pause(self) -> bool:
        """Wait before the next try to save; ``False`` when the session stops: what is kept
        then is lost (after one more try, see :meth:`stop`), said in the log."""
        if self._stopping:
            lost = self._facts[:]
            self._facts.clear()
            _settle_writes(lost)
            error = self._kept.error
            self._kept.abandon()
            self.log.error("stopped with %d updates the store could not save", len(lost))
            # The window was told they were kept: say they are not, never only in the log.
            count = sum(kept_weight(x) for x in lost if not isinstance(x, StateWrite))
            if count:
                text = CoreMessages.tr(
                    "%n incoming update(s) could not be saved before the account stopped (%1);"
                    " they are lost.",
                    "",
                    count,
                ).arg(error)
                self.services.publish(ev.Notice(text, self.account_id, "error"))
            return False
        self._idle.set()  # everything is stored or kept (see flushed)
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._retry.wait(), self._kept.delay())
        finally:
            self._idle.clear()
            if not self._stopping:
                self._retry.clear()
        return True

    def _fetch_dropped_again(self) -> None:
        """Everything kept is saved, but updates past the cap were dropped, so this backend's
        state writes are refused (resume positions would skip them; XMPP's send ledger too,
        failing every send). A new connection starts from what is stored: it fetches them
        again where the service keeps history, and its positions may move again."""
        backend = self.supervisor.backend
        if backend is None:
            return  # the next connection starts afresh anyway
        self.log.warning("reconnecting: updates past the cap were dropped while the store failed")
        reason = CoreMessages.tr("Reconnecting to fetch again what could not be saved.")
        self.supervisor.lost(f.ConnectionLost(reason, retryable=True), backend)

    def retry_saving_now(self) -> bool:
        """Try at once to save what the store refused for a while (the disk was freed): the
        kept facts and the outbox's kept marks, instead of at the end of their pause. False:
        nothing was waiting to be saved."""
        waiting = self.outbox.retry_now()
        if self._kept.failing:
            self._kept.asked = True  # should it fail again, that is said again
            self._retry.set()
            waiting = True
        return waiting

    def _next_batch(self) -> list[f.Fact | StateWrite]:
        """The queued facts of the next transaction: about :data:`MAX_BATCH` messages (a
        :class:`~app.facts.MessagesReceived` counts as its messages), at least one fact."""
        facts = self._facts
        weight = 0
        end = 0
        for end, fact in enumerate(facts, 1):  # noqa: B007 (end is what the loop is for)
            weight += kept_weight(fact)
            if weight >= MAX_BATCH:
                break
        batch = facts[:end]
        del facts[:end]
        return batch

    # -- connection ------------------------------------------------------------------------

    async def create_backend(self) -> Backend | None:
        """A fresh backend for this account, not connected (used to log out on removal)."""
        return await self._create_backend()

    async def _create_backend(self) -> Backend | None:
        registry = self.services.registry
        protocol = self.account.protocol_id
        if not registry.is_loaded(protocol):
            await priority.window_turn(protocol)  # the window's first paint first (app.priority)
        cls = await asyncio.to_thread(registry.get, protocol)
        # A new backend starts from what is stored: it may move resume positions again.
        self._kept.holding_state = False
        if cls is None:
            report = next((r for r in registry.reports() if r.name == protocol), None)
            reason = report.reason if report else "no such plugin is installed"
            self.services.publish(ev.PluginProblem(protocol, reason))
            return None
        loop = asyncio.get_running_loop()
        holder: list[Backend] = []

        def report_fact(fact: f.Fact) -> None:
            self.report(holder[0], fact)

        def report_threadsafe(fact: f.Fact) -> None:
            loop.call_soon_threadsafe(report_fact, fact)

        files = self.services.account_files(self.account_id)
        files.mkdir(parents=True, exist_ok=True, mode=0o700)
        ctx = BackendContext(
            account_id=self.account_id,
            settings=dict(self.account.settings),
            secrets=AccountSecrets(
                self.services.secrets,
                self.account_id,
                functools.partial(self.services.remember_secret, self.account_id),
                saved=(
                    functools.partial(self.services.saved_secrets, self.account_id)
                    if self.services.saved_secrets is not None
                    else None
                ),
            ),
            state=AccountState(self.services.worker, self.store, self._queue),
            report=report_fact,
            report_threadsafe=report_threadsafe,
            logger=account_logger(f"chinwag.backend.{protocol}", self.account_id),
            data_dir=files,
            network=self.services.network,
        )
        try:
            backend = cls(ctx)
        except Exception:
            self.log.exception("backend %s could not be created", protocol)
            return None
        holder.append(backend)
        return backend

    async def _connected(self, backend: Backend) -> None:
        self.backend = backend
        self.outbox.connected(backend)

    async def _disconnected(self) -> None:
        self.backend = None
        self.outbox.disconnected()

    def _state_changed(self, report: StateReport) -> None:
        self.state = report
        failure = report.failure
        self.services.publish(
            ev.ConnectionStateChanged(
                self.account_id,
                report.state,
                message=report.message,
                retry_in=report.retry_in,
                failure_kind=failure.kind.value if failure else "",
                detail=failure.detail if failure else "",
            )
        )

    def with_account(self, account: Account) -> None:
        self.account = replace(account)


def _settle_writes(batch: list[f.Fact | StateWrite]) -> None:
    """Tell each state write of an applied batch whether its transaction committed."""
    for item in batch:
        if isinstance(item, StateWrite) and item.done is not None and not item.done.done():
            if item.committed:
                item.done.set_result(None)
            else:
                item.done.set_exception(StateNotSaved(f"{item.key} was not saved"))
