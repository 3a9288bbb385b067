"""Capabilities follow from the interfaces a backend implements; the backend only narrows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import events as ev
from app.backend import (
    AccountField,
    Backend,
    Capability,
    ConnectResult,
    Outcome,
    OutgoingMessage,
    SendResult,
    SupportsEdits,
    SupportsGroupChat,
    SupportsHistory,
    SupportsKicking,
    declared_capabilities,
    effective_capabilities,
)
from app.models import ConversationId
from backends.irc import IrcBackend
from backends.matrix import MatrixBackend
from backends.xmpp import XmppBackend
from chinwag.testing import MemorySecretStore, RecordingContext
from tests.fakes.core_harness import Recorder, make_core
from tests.fakes.fake_backend import FakeServer


class Plain(Backend):
    protocol_id = "plain"
    display_name = "Plain"
    account_fields = (AccountField("user", "User"),)

    async def connect(self) -> ConnectResult:
        return ConnectResult()

    async def disconnect(self) -> None:
        return None

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        return SendResult()


class Rooms(Plain, SupportsGroupChat, SupportsKicking, SupportsHistory):
    """Joins and kicks, but has no invitations, bans or topics (no interfaces for them)."""

    protocol_id = "rooms"

    async def join(self, room: str, nick: str = "", password: str = "") -> Outcome:
        return Outcome(value=room)

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        return Outcome()

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        return Outcome()

    async def fetch_history(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        return Outcome(value="end")


class Boastful(Rooms):
    """Claims more than it implements, and narrows history away in one conversation."""

    protocol_id = "boastful"
    send_features = Capability.REPLIES

    def capabilities(self, conv: ConversationId | None = None) -> Capability:
        caps = Capability.EDITS | Capability.FILES | Capability.GROUP_CHAT | Capability.HISTORY
        if conv is not None and conv.native_id == "#nohistory":
            caps &= ~Capability.HISTORY
        return caps | Capability.REPLIES


def test_a_plain_backend_declares_nothing() -> None:
    assert declared_capabilities(Plain) == Capability.NONE


def test_flags_follow_the_interfaces_one_per_power() -> None:
    assert declared_capabilities(Rooms) == (
        Capability.GROUP_CHAT | Capability.KICK | Capability.HISTORY
    )


@pytest.mark.parametrize(
    ("backend", "expected"),
    [
        ("xmpp", Capability.EDITS | Capability.ENCRYPTION | Capability.IDEMPOTENT_SEND),
        ("matrix", Capability.EDITS | Capability.ENCRYPTION | Capability.IDEMPOTENT_SEND),
        ("irc", Capability.COMMANDS | Capability.BLOCKING | Capability.REPLIES),
    ],
)
def test_the_built_in_backends_declare_what_they_implement(
    backend: str, expected: Capability
) -> None:
    cls = {"xmpp": XmppBackend, "matrix": MatrixBackend, "irc": IrcBackend}[backend]
    assert expected in declared_capabilities(cls)
    if backend == "irc":
        assert not declared_capabilities(cls) & (Capability.EDITS | Capability.IDEMPOTENT_SEND)


async def test_a_backend_only_narrows(tmp_path: Path) -> None:
    rec = RecordingContext("a", {"user": "u"}, {}, tmp_path)
    backend = Boastful(rec.build())
    everywhere = effective_capabilities(backend)
    # EDITS and FILES are claimed without SupportsEdits/SupportsFiles: ignored
    assert everywhere == Capability.GROUP_CHAT | Capability.HISTORY | Capability.REPLIES
    assert not issubclass(Boastful, SupportsEdits)
    room = ConversationId("a", "#nohistory")
    assert effective_capabilities(backend, room) == Capability.GROUP_CHAT | Capability.REPLIES


async def test_by_default_a_backend_can_all_it_declares(tmp_path: Path) -> None:
    backend = Rooms(RecordingContext("a", {}, {}, tmp_path).build())
    assert backend.capabilities() == declared_capabilities(Rooms)


class BuiltForApi1(Plain):
    protocol_id = "old"
    api_version = 1


class _EntryPoint:
    name = "old"
    value = "chinwag_old:BuiltForApi1"

    def load(self) -> object:
        return BuiltForApi1


async def test_a_plugin_for_api_1_is_told_about_at_start(tmp_path: Path) -> None:
    """Not silently left out: the person sees which plugin and why, as Chinwag starts."""
    core = make_core(
        tmp_path / "profile", FakeServer(), MemorySecretStore(), entry_points=[_EntryPoint()]
    )
    seen = Recorder(core)
    await core.start()
    try:
        (problem,) = seen.of(ev.PluginProblem)
        assert problem.name == "old"
        assert "version 1" in problem.reason and "version 2" in problem.reason
    finally:
        await core.stop()
