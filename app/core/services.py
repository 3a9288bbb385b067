"""What every command group shares: the bus, the store thread, the sessions and the config.

The command groups (:mod:`app.core.accounts`, :mod:`app.core.messaging` …) each receive one
:class:`CoreServices` through their constructor and never talk to each other through it, so a new
group is a new class over the same services, not more lines on one big class.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from app import events as ev
from app import facts as f
from app.backend import (
    AccountField,
    Backend,
    BackendContext,
    Failure,
    FailureKind,
    FieldKind,
    NetworkSettings,
    Outcome,
    as_capable,
)
from app.backoff import Backoff
from app.bus import EventBus
from app.config import AccountEntry, AppConfig, ConfigFile
from app.dispatch import AccountDispatcher, PrivacyPolicy
from app.highlights import PREF_HIGHLIGHT_WORDS, HighlightWords
from app.i18n import CoreMessages
from app.models import Account, AccountId, utc_now
from app.paths import AppPaths
from app.registry import BackendRegistry
from app.secrets import SecretStore
from app.session import AccountSession, SessionServices, account_logger
from app.store.account_store import AccountStore
from app.store.worker import StoreWorker

M = TypeVar("M")

PREF_ONLY_CONTACTS = "privacy.only_contacts"
PREF_SEND_RECEIPTS = "privacy.send_read_receipts"
PREF_SEND_TYPING = "privacy.send_typing"
PREF_LINK_PREVIEWS = "privacy.link_previews"
"""Show previews of web links (made by the service, never in encrypted conversations)."""


class CommandError(Exception):
    """A command that cannot be carried out as asked; the message is for a person.

    ``problems`` maps an account field to what is wrong with it, when the error is about fields
    (the account dialog shows each beside its field)."""

    def __init__(self, message: str, problems: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.problems: dict[str, str] = dict(problems or {})


@dataclass
class CoreContext:
    """Everything the core depends on, passed in so tests need no patching."""

    paths: AppPaths
    registry: BackendRegistry
    secrets: SecretStore
    clock: Callable[[], datetime] = utc_now
    backoff_factory: Callable[[], Backoff] = field(default=Backoff)
    connect_timeout: float = 45.0
    network: NetworkSettings = field(default_factory=NetworkSettings)
    """Handed to every backend as ``BackendContext.network`` (e.g. the DNS server a test runs)."""


class CoreServices:
    """The shared state of one core, and the small helpers every command group needs."""

    def __init__(self, ctx: CoreContext) -> None:
        self.ctx = ctx
        self.bus = EventBus()
        self.worker = StoreWorker()
        self._terms_builds = threading.Lock()  # one store's search terms built at a time
        self.sessions: dict[AccountId, AccountSession] = {}
        self.config = AppConfig()
        self._on_disk = self.config  # what the config file holds (the last write that worked)
        self._config_file = ConfigFile(ctx.paths.config_file)
        self._config_lock = asyncio.Lock()

    # -- config ----------------------------------------------------------------------------

    async def load_config(self) -> None:
        self.config = self._on_disk = await asyncio.to_thread(self._config_file.load)

    async def save(self, config: AppConfig) -> None:
        """Adopt ``config`` at once (the next command builds on it), then write the newest one.

        Commands run concurrently on the loop: without this, two changes in flight would each
        start from the old config and the second write would undo the first. When the write
        fails (``OSError``: the disk is full …) and no later change was built on ``config``, the
        config in memory goes back to what the file holds: nothing claims an unsaved change.
        """
        self.config = config
        async with self._config_lock:
            newest = self.config
            try:
                await asyncio.to_thread(self._config_file.save, newest)
            except OSError:
                if self.config is config:
                    self.config = self._on_disk
                raise
            self._on_disk = newest

    def preference(self, key: str, default: Any = None) -> Any:
        return self.config.preferences.get(key, default)

    def highlights(self) -> HighlightWords:
        return HighlightWords.of(self.preference(PREF_HIGHLIGHT_WORDS, ()))

    def privacy(self) -> PrivacyPolicy:
        return PrivacyPolicy(only_contacts=bool(self.preference(PREF_ONLY_CONTACTS, False)))

    def entry(self, account_id: AccountId) -> AccountEntry:
        entry = self.config.account(account_id)
        if entry is None:
            raise CommandError(CoreMessages.tr("No such account."))
        return entry

    def saved_secrets(self, account_id: str) -> tuple[str, ...]:
        """The names of the secrets the account has in the keyring."""
        entry = self.config.account(account_id)
        return entry.secret_keys if entry is not None else ()

    def remember_secret(self, account_id: str, key: str) -> None:
        """A backend stored a secret (a token): note its name so removal can delete it."""
        entry = self.config.account(account_id)
        if entry is None or key in entry.secret_keys:
            return
        config = self.config.with_account(replace(entry, secret_keys=(*entry.secret_keys, key)))
        self.config = config
        self._config_file.save(config)

    # -- sessions --------------------------------------------------------------------------

    async def open_session(self, account: Account) -> AccountSession:
        """Open the account's store and create its (not yet started) session."""
        path = self.ctx.paths.account_store(account.id)
        store = await self.worker.run(AccountStore, account.id, path)
        if not await self.worker.run(store.terms.complete):
            # A store from before schema 0009: its search terms, off the start's way.
            store.terms.build_in_background(path, self._terms_builds)
        dispatcher = AccountDispatcher(
            store,
            privacy=self.privacy(),
            highlights=self.highlights(),
            now=self.ctx.clock,
            logger=account_logger("chinwag.dispatch", account.id),
        )
        session = AccountSession(account, store, dispatcher, self._session_services())
        self.sessions[account.id] = session
        return session

    def _session_services(self) -> SessionServices:
        return SessionServices(
            worker=self.worker,
            registry=self.ctx.registry,
            secrets=self.ctx.secrets,
            publish=self.bus.publish,
            remember_secret=self.remember_secret,
            saved_secrets=self.saved_secrets,
            account_files=self.ctx.paths.account_files,
            backoff_factory=self.ctx.backoff_factory,
            connect_timeout=self.ctx.connect_timeout,
            network=self.ctx.network,
        )

    def session(self, account_id: AccountId) -> AccountSession:
        session = self.sessions.get(account_id)
        if session is None:
            raise CommandError(CoreMessages.tr("No such account."))
        return session

    async def backend_class(self, protocol_id: str) -> type[Backend]:
        cls = await asyncio.to_thread(self.ctx.registry.get, protocol_id)
        if cls is None:
            raise CommandError(
                CoreMessages.tr("No usable plugin for %1 is installed.").arg(repr(protocol_id))
            )
        return cls

    # -- calling backends ------------------------------------------------------------------

    async def delegate(
        self,
        account_id: AccountId,
        mixin: type[M],
        call: Callable[[M], Awaitable[Outcome]],
    ) -> Outcome:
        """Run a command on a backend that has ``mixin``; returns once its facts are stored."""
        session = self.session(account_id)
        backend = self.capable(session, mixin)
        if isinstance(backend, Outcome):
            return backend
        outcome = await call(backend)
        await session.flushed()
        return outcome

    def capable(self, session: AccountSession, mixin: type[M]) -> M | Outcome:
        """The session's backend as ``mixin``, or the failure to answer with instead."""
        if session.backend is None:
            return Outcome(
                Failure(FailureKind.NOT_CONNECTED, CoreMessages.tr("The account is not connected."))
            )
        backend = as_capable(session.backend, mixin)
        if backend is None:
            return Outcome(
                Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("The service cannot do that."))
            )
        return backend

    def require(self, session: AccountSession, mixin: type[M]) -> M:
        """Like :meth:`capable`, for commands whose answer is data: no backend is an error."""
        backend = self.capable(session, mixin)
        if isinstance(backend, Outcome):
            raise CommandError(backend.failure.message if backend.failure else "")
        return backend

    async def guard(self, coro: Coroutine[Any, Any, object], session: AccountSession) -> object:
        """Run a backend call whose failure must not break the command that triggered it."""
        try:
            return await coro
        except Exception:
            session.log.exception("backend call failed")
            return None

    @staticmethod
    def own_id(session: AccountSession) -> str:
        """Who we are on the account: the service's id while connected, else the account name."""
        backend = session.backend
        return (backend.own_id if backend is not None else "") or session.account.display_name

    # -- publishing ------------------------------------------------------------------------

    def publish(self, event: ev.Event) -> None:
        self.bus.publish(event)

    def publish_all(self, events: list[ev.Event]) -> None:
        for event in events:
            self.bus.publish(event)

    def publish_accounts(self) -> None:
        self.bus.publish(ev.AccountsChanged(tuple(e.account for e in self.config.accounts)))

    def publish_state(self, session: AccountSession) -> None:
        state = session.state
        self.bus.publish(
            ev.ConnectionStateChanged(
                session.account_id, state.state, state.message, state.retry_in
            )
        )

    def progress_reporter(
        self, account_id: AccountId, task: str, label: str
    ) -> Callable[[int], None]:
        """A callback for worker-thread code that publishes progress on the core loop."""
        loop = asyncio.get_running_loop()

        def publish(done: int) -> None:
            self.bus.publish(ev.ProgressChanged(account_id, task, label, done, None))

        def call(done: int) -> None:
            loop.call_soon_threadsafe(publish, done)

        return call


_MATCHES_EVERYONE = re.compile(r"[*?!@.:]*")


def matches_everyone(mask: str) -> bool:
    """A ban or block mask made only of wildcards and separators (``*``, ``*!*@*``, ``*@*``):
    it would shut out everyone, ourselves included."""
    return _MATCHES_EVERYONE.fullmatch(mask.strip()) is not None


def delete_store_files(path: Path) -> None:
    """Remove an account's SQLite file with its journal files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# -- checking settings and throwaway backends (accounts and sign-in share these) ----------


def probe_context(
    account_id: str,
    settings: Mapping[str, str | int | bool],
    secrets: Mapping[str, str],
    cache: Path,
    *,
    network: NetworkSettings | None = None,
) -> BackendContext:
    """A throwaway backend context for "test connection": nothing is stored or published."""

    class _Secrets:
        async def get(self, key: str) -> str | None:
            return secrets.get(key)

        async def set(self, key: str, value: str) -> None:
            return None

        async def delete(self, key: str) -> None:
            return None

    class _State:
        async def get(self, key: str) -> str | None:
            return None

        async def set(self, key: str, value: str | None) -> None:
            return None

    def drop(fact: f.Fact) -> None:
        return None

    folder = cache / "probe"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return BackendContext(
        account_id=account_id,
        settings=dict(settings),
        secrets=_Secrets(),
        state=_State(),
        report=drop,
        report_threadsafe=drop,
        logger=account_logger("chinwag.probe", account_id),
        data_dir=folder,
        network=network or NetworkSettings(),
        probe=True,
    )


def validated_problems(
    cls: type[Backend],
    settings: Mapping[str, str | int | bool],
    secrets: Mapping[str, str],
    *,
    require_secrets: bool = True,
) -> dict[str, str]:
    """Field name → what is wrong with it; empty when the settings can be used."""
    try:
        validated(cls, settings, secrets, require_secrets=require_secrets)
    except CommandError as exc:
        return exc.problems or {"": str(exc)}
    return {}


def validated(
    cls: type[Backend],
    settings: Mapping[str, str | int | bool],
    secrets: Mapping[str, str],
    *,
    require_secrets: bool = True,
) -> tuple[dict[str, str | int | bool], dict[str, str]]:
    """Settings and secrets checked against the backend's fields; CommandError lists problems."""
    problems: dict[str, str] = {}
    clean: dict[str, str | int | bool] = {}
    clean_secrets: dict[str, str] = {}
    for fld in cls.account_fields:
        if fld.secret:
            value = secrets.get(fld.name, "")
            if value:
                clean_secrets[fld.name] = value
            elif fld.required and require_secrets:
                problems[fld.name] = CoreMessages.tr("%1 is required.").arg(fld.label)
            continue
        raw = settings.get(fld.name, fld.default)
        if raw is None or raw == "":
            if fld.required:
                problems[fld.name] = CoreMessages.tr("%1 is required.").arg(fld.label)
            continue
        try:
            value_ok = _coerce(fld, raw)
        except ValueError as exc:
            problems[fld.name] = f"{fld.label}: {exc}"
            continue
        clean[fld.name] = value_ok
    unknown = set(settings) - {f.name for f in cls.account_fields}
    if unknown:
        problems[sorted(unknown)[0]] = CoreMessages.tr("Unknown setting %1.").arg(
            repr(sorted(unknown)[0])
        )
    if not problems:
        problems.update(cls.validate_settings(clean))
    if problems:
        raise CommandError("\n".join(problems.values()), problems)
    return clean, clean_secrets


def _coerce(fld: AccountField, raw: str | int | bool) -> str | int | bool:
    if fld.kind is FieldKind.BOOLEAN:
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        return bool(raw)
    if fld.kind is FieldKind.INTEGER:
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ValueError("must be a whole number") from None
    text = str(raw).strip()
    if fld.kind is FieldKind.CHOICE and fld.choices and text not in fld.choices:
        raise ValueError(f"must be one of {', '.join(fld.choices)}")
    if fld.pattern and not re.fullmatch(fld.pattern, text):
        raise ValueError("has the wrong form")
    return text
