"""The example backend in docs/ works, end to end through a real core."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from app import events as ev
from app.models import ConnectionState, ConversationId
from app.registry import BackendRegistry
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import Recorder, make_core, settle, wait_for
from tests.fakes.fake_backend import FakeServer

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "echo_backend.py"


def load_example() -> type:
    spec = importlib.util.spec_from_file_location("echo_backend", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["echo_backend"] = module
    spec.loader.exec_module(module)
    return module.EchoBackend  # type: ignore[no-any-return]


async def test_echo_example_validates_and_chats(tmp_path: Path) -> None:
    echo = load_example()
    assert BackendRegistry().add_class(echo).loaded
    core = make_core(tmp_path, FakeServer(), MemorySecretStore(), extra_classes=(echo,))
    await core.start()
    try:
        account = await core.accounts.add_account("echo", {"name": "me"}, {"password": "pw"})
        await wait_for(lambda: core.sessions[account.id].state.state is ConnectionState.CONNECTED)
        conv = ConversationId(account.id, "echo")
        rec = Recorder(core)
        await core.messaging.send_message(conv, "hello")
        await wait_for(lambda: sum(len(e.messages) for e in rec.of(ev.MessagesAdded)) == 2)
        await settle(core)
        bodies = [m.body for m in (await core.conversations.fetch_page(conv)).messages]
        assert bodies == ["hello", "olleh"]
        bad = await core.accounts.add_account("echo", {"name": "x"}, {"password": "wrong"})
        await wait_for(lambda: core.sessions[bad.id].state.state is ConnectionState.FAILED)
    finally:
        await core.stop()
