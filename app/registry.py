"""Backend plugin discovery through the ``chinwag.backends`` entry-point group.

Discovery is lazy: listing entry points costs nothing, but importing a backend pulls in its protocol
library (matrix-nio alone takes ~0.4 s), so a class is imported only when an account needs it, or
when the user asks for the full list. A plugin that fails to import or validate becomes a
:class:`PluginReport` with the reason — logged and shown in the UI, never fatal.
"""

from __future__ import annotations

import inspect
import logging
import re
import sys
import threading
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from app import entry_point_cache
from app.backend import API_VERSION, SEND_FEATURES, AccountField, Backend, Capability

ENTRY_POINT_GROUP = "chinwag.backends"
# A frozen bundle (PyInstaller) is no installed distribution, so it has no entry points: there it
# falls back to the plugins built into it. Anywhere else an empty group means none are installed.
FROZEN_ENTRY_POINTS = {
    ENTRY_POINT_GROUP: {
        "irc": "backends.irc:IrcBackend",
        "matrix": "backends.matrix:MatrixBackend",
        "xmpp": "backends.xmpp:XmppBackend",
    },
    "chinwag.frontends": {"qt": "ui.main:run"},
}
_PROTOCOL_ID = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_log = logging.getLogger(__name__)


def entry_points(group: str) -> list[EntryPointLike]:
    """The installed entry points of ``group``; in a frozen bundle, the ones built into it.
    Answered from :mod:`app.entry_point_cache` when the command installed it (then
    :mod:`importlib.metadata` is not imported on the way to the window)."""
    at = entry_point_cache.key()  # before the lookup: see there
    kept = entry_point_cache.lookup(group, at)
    if kept is not None:
        return list(kept)
    import importlib.metadata  # noqa: PLC0415  (see above)

    found: list[EntryPointLike] = list(importlib.metadata.entry_points(group=group))
    if not found and getattr(sys, "frozen", False):
        builtin = FROZEN_ENTRY_POINTS.get(group, {})
        found = [
            importlib.metadata.EntryPoint(name, value, group) for name, value in builtin.items()
        ]
    entry_point_cache.remember(group, [(ep.name, ep.value) for ep in found], at)
    return found


class EntryPointLike(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def value(self) -> str: ...

    def load(self) -> object: ...


@dataclass(frozen=True, slots=True)
class PluginReport:
    """What happened to one plugin: ``loaded`` with its class, or rejected with a ``reason``."""

    name: str
    source: str  # "module:attr" or "builtin"
    loaded: bool
    reason: str = ""
    display_name: str = ""


class BackendRegistry:
    """Knows the available backends; imports and validates each on first use."""

    def __init__(
        self,
        entry_points: Iterable[EntryPointLike] = (),
        classes: Iterable[type[Backend]] = (),
    ) -> None:
        self._pending: dict[str, EntryPointLike] = {}
        self._loaded: dict[str, type[Backend]] = {}
        self._reports: dict[str, PluginReport] = {}
        self._extra_reports: list[PluginReport] = []
        self._lock = threading.RLock()  # the core imports plugins on worker threads
        for ep in entry_points:
            if ep.name in self._pending:
                self._extra_reports.append(
                    PluginReport(
                        ep.name,
                        ep.value,
                        False,
                        f"duplicate protocol id {ep.name!r}: already provided by "
                        f"{self._pending[ep.name].value}",
                    )
                )
                _log.warning("backend %s rejected: duplicate protocol id", ep.value)
                continue
            self._pending[ep.name] = ep
        for cls in classes:
            self.add_class(cls)

    @classmethod
    def discover(cls) -> BackendRegistry:
        """The registry of installed plugins (nothing is imported yet)."""
        eps = entry_points(ENTRY_POINT_GROUP)
        return cls(entry_points=sorted(eps, key=lambda ep: (ep.name, ep.value)))

    def add_class(self, backend_cls: type[Backend]) -> PluginReport:
        """Register a class directly (tests, embedding). Validated like an entry point."""
        name = getattr(backend_cls, "protocol_id", "") or backend_cls.__name__
        source = f"{backend_cls.__module__}:{backend_cls.__qualname__}"
        if name in self._pending or name in self._loaded:
            report = PluginReport(name, source, False, f"duplicate protocol id {name!r}")
            self._extra_reports.append(report)
            return report
        report = self._validate(name, source, backend_cls)
        self._record(report, backend_cls)
        return report

    def protocol_ids(self) -> list[str]:
        """Every backend that is available or may be (not yet imported), sorted."""
        names = set(self._loaded) | set(self._pending)
        return sorted(n for n in names if self._reports.get(n, PluginReport(n, "", True)).loaded)

    def is_loaded(self, protocol_id: str) -> bool:
        """Whether the backend's class is imported already (:meth:`get` returns at once)."""
        return protocol_id in self._loaded

    def get(self, protocol_id: str) -> type[Backend] | None:
        """The backend class, importing it now if needed; ``None`` if missing or rejected."""
        with self._lock:
            return self._get(protocol_id)

    def _get(self, protocol_id: str) -> type[Backend] | None:
        if protocol_id in self._loaded:
            return self._loaded[protocol_id]
        ep = self._pending.pop(protocol_id, None)
        if ep is None:
            return None
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must never take the app down
            reason = f"import failed: {type(exc).__name__}: {exc}"
            _log.warning("backend %s rejected: %s\n%s", ep.value, reason, traceback.format_exc())
            self._record(PluginReport(ep.name, ep.value, False, reason), None)
            return None
        report = self._validate(ep.name, ep.value, obj)
        self._record(report, obj if report.loaded else None)
        return self._loaded.get(protocol_id)

    def load_all(self) -> dict[str, type[Backend]]:
        with self._lock:
            for name in list(self._pending):
                self._get(name)
            return dict(self._loaded)

    def load_outside(self) -> None:
        """Import the plugins that do not come with Chinwag (its own ``backends`` are known
        good), so one that cannot be used (built for another plugin interface, broken) is
        reported at start-up, not only once an account needs it. Blocking: call off the UI
        thread."""
        with self._lock:
            for name, ep in list(self._pending.items()):
                if not ep.value.startswith("backends."):
                    self._get(name)

    def reports(self) -> list[PluginReport]:
        """What was found so far and why anything was rejected (call ``load_all`` first for all)."""
        return sorted([*self._reports.values(), *self._extra_reports], key=lambda r: r.name)

    def problems(self) -> list[PluginReport]:
        return [r for r in self.reports() if not r.loaded]

    def _record(self, report: PluginReport, cls: object | None) -> None:
        self._reports[report.name] = report
        if report.loaded and isinstance(cls, type) and issubclass(cls, Backend):
            self._loaded[report.name] = cls
        elif not report.loaded:
            _log.warning("backend %s rejected: %s", report.source, report.reason)

    @staticmethod
    def _validate(name: str, source: str, obj: object) -> PluginReport:
        def reject(reason: str) -> PluginReport:
            return PluginReport(name, source, False, reason)

        if not isinstance(obj, type) or not issubclass(obj, Backend):
            return reject("not a subclass of app.backend.Backend")
        version = getattr(obj, "api_version", None)
        if version != API_VERSION:
            return reject(
                f"it was built for version {version!r} of Chinwag's plugin interface, and this "
                f"Chinwag needs version {API_VERSION}: install a version of the plugin made for it"
            )
        protocol_id = getattr(obj, "protocol_id", None)
        if not isinstance(protocol_id, str) or not _PROTOCOL_ID.match(protocol_id):
            return reject(f"invalid protocol_id {protocol_id!r} (want lowercase letters/digits)")
        if protocol_id != name:
            return reject(f"protocol_id {protocol_id!r} differs from its entry-point name")
        if inspect.isabstract(obj):
            missing = ", ".join(sorted(getattr(obj, "__abstractmethods__", ())))
            return reject(f"abstract methods not implemented: {missing}")
        display_name = getattr(obj, "display_name", None)
        if not isinstance(display_name, str) or not display_name.strip():
            return reject("display_name must be a non-empty string")
        fields = getattr(obj, "account_fields", None)
        if not isinstance(fields, (list, tuple)) or not all(
            isinstance(f, AccountField) for f in fields
        ):
            return reject("account_fields must be a sequence of AccountField")
        names = [f.name for f in fields]
        if len(set(names)) != len(names):
            return reject("account_fields has duplicate names")
        features = getattr(obj, "send_features", Capability.NONE)
        if not isinstance(features, Capability) or features & ~SEND_FEATURES:
            return reject(
                "send_features may hold only REPLIES and IDEMPOTENT_SEND (the other "
                "capabilities follow from the interfaces a backend implements)"
            )
        return PluginReport(name, source, True, display_name=display_name)
