"""The app's core in a process of its own, for fault tests that kill it (``python -m``).

``python -m tests.faults.child PROFILE`` runs a real :class:`~app.core.Core` (no Qt) on the profile
folder, with the real backends. ``PROFILE/fault.json`` says which account to add on the first run
(protocol, settings, secrets); later runs find it in the profile's config, as the app does after a
restart. Secrets are kept in ``PROFILE/secrets.json`` (a
:class:`~chinwag.testing.context.FileSecretStore`, written atomically on every change), a
test-only stand-in for the keyring that survives SIGKILL like the keyring does.

The test talks to it over stdin/stdout, one JSON object per line:

- out: ``{"event": "ready"}``, ``{"event": "state", "state": "connected", "t": 1.2}`` (seconds
  since the process started), ``{"event": "reply", "id": …, "ok": …, "value": …}``.
- in: ``{"id": 1, "op": "open_direct", "contact": "bob@x"}``, ``{"id": 2, "op": "join",
  "room": "#r"}``, ``{"id": 3, "op": "send", "conversation": "bob@x", "bodies": ["…"]}``
  (queued one after another), ``{"id": 4, "op": "flush"}``, ``{"id": 5, "op": "stop"}``,
  ``{"id": 6, "op": "fill_disk"}`` / ``"free_disk"`` (the account store's disk full or freed).
- out also: ``{"event": "notice", "text": …, "level": …}`` for every notice the core shows.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import threading
import time
from pathlib import Path
from typing import Any

STARTED = time.monotonic()


def emit(**fields: Any) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def _backend_classes(protocol: str, attrs: dict[str, Any]) -> list[type]:
    """The backend for ``protocol``; ``attrs`` override class settings (a test server needs no
    flood protection: an IRC burst at a real network's pace takes minutes)."""
    cls: type
    if protocol == "xmpp":
        from backends.xmpp import XmppBackend

        cls = XmppBackend
    elif protocol == "matrix":
        from backends.matrix import MatrixBackend

        cls = MatrixBackend
    else:
        from backends.irc import IrcBackend

        cls = IrcBackend
    return [type(cls.__name__, (cls,), attrs) if attrs else cls]


async def main(profile: Path) -> None:
    from app import events as ev
    from app.backoff import Backoff
    from app.core import Core, CoreContext
    from app.models import ConnectionState, ConversationId
    from app.paths import AppPaths
    from app.registry import BackendRegistry
    from chinwag.testing.context import FileSecretStore

    spec = json.loads((profile / "fault.json").read_text())
    secrets = FileSecretStore(profile / "secrets.json")
    core = Core(
        CoreContext(
            paths=AppPaths.in_profile(profile),
            registry=BackendRegistry(
                classes=_backend_classes(spec["protocol"], spec.get("backend_attrs", {}))
            ),
            secrets=secrets,
            # Quick retries: a test restarts a killed server and waits for the app to come back.
            backoff_factory=lambda: Backoff(base=0.2, cap=1.0),
        )
    )

    def on_state(event: ev.ConnectionStateChanged) -> None:
        emit(
            event="state",
            state=event.state.value,
            t=round(time.monotonic() - STARTED, 3),
            message=event.message,
        )

    def on_notice(event: ev.Notice) -> None:
        emit(event="notice", text=str(event.text), level=event.level)

    core.bus.subscribe(ev.ConnectionStateChanged, on_state)
    core.bus.subscribe(ev.Notice, on_notice)
    emit(event="starting", t=round(time.monotonic() - STARTED, 3))
    await core.start()
    if not core.accounts.list_accounts():
        await core.accounts.add_account(spec["protocol"], spec["settings"], spec.get("secrets", {}))
    account = core.accounts.list_accounts()[0]
    emit(event="ready", account=account.id, t=round(time.monotonic() - STARTED, 3))

    loop = asyncio.get_running_loop()
    commands: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()

    def read_stdin() -> None:
        for line in sys.stdin:
            if line.strip():
                loop.call_soon_threadsafe(commands.put_nowait, json.loads(line))
        loop.call_soon_threadsafe(commands.put_nowait, None)

    threading.Thread(target=read_stdin, name="stdin", daemon=True).start()

    async def run(command: dict[str, Any]) -> Any:
        op = command["op"]
        if op == "open_direct":
            conv = await core.conversations.open_direct(account.id, command["contact"])
            return conv.id.native_id
        if op == "join":
            outcome = await core.rooms.join(account.id, command["room"])
            if outcome.failure is not None:
                raise RuntimeError(outcome.failure.message)
            return command["room"]
        if op == "send":
            conv_id = ConversationId(account.id, command["conversation"])
            ids = [
                (await core.messaging.send_message(conv_id, body)).native_id
                for body in command["bodies"]
            ]
            return len(ids)
        if op == "flush":
            await core.flushed()
            return None
        if op in ("fill_disk", "free_disk"):  # the store's disk full, or freed (SQLITE_FULL)
            from tests.fakes.disk import fill_disk, free_disk

            session = core.sessions[account.id]
            fault = fill_disk if op == "fill_disk" else free_disk
            await session.services.worker.run(fault, session.store._conn)
            if op == "free_disk":
                session.retry_saving_now()
            return None
        if op == "connected":
            session = core.sessions[account.id]
            return session.state.state is ConnectionState.CONNECTED
        raise ValueError(f"unknown op {op!r}")

    while True:
        command = await commands.get()
        if command is None or command.get("op") == "stop":
            break
        try:
            value = await run(command)
            emit(event="reply", id=command.get("id"), ok=True, value=value)
        except Exception as exc:
            emit(event="reply", id=command.get("id"), ok=False, value=repr(exc))
    await core.stop()
    emit(event="stopped")


if __name__ == "__main__":
    root = Path(sys.argv[1])
    from app.logs import setup_logging

    setup_logging(root / "logs", logging.DEBUG)
    for name in ("slixmpp", "nio", "aiohttp", "asyncio", "irc", "aiosqlite"):
        logging.getLogger(name).setLevel(logging.INFO)
    asyncio.run(main(root))
