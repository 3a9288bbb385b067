"""The contract every backend must honour, whatever its protocol.

It drives the backend directly through a recording context (no core), the way the core would.
"""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

from app import facts as f
from app.backend import Backend, Capability, FailureKind, OutgoingMessage
from app.models import ConversationId, ConversationKind
from app.registry import BackendRegistry
from tests.contract.harness import ContractHarness, RecordingContext

_ids = itertools.count()


def make_backend(
    harness: ContractHarness, tmp_path: Path, settings: tuple[dict, dict]
) -> tuple[Backend, RecordingContext]:
    rec = RecordingContext(f"acct{next(_ids)}", settings[0], settings[1], tmp_path / "files")
    backend = harness.backend_class(rec.build(asyncio.get_running_loop()))
    return backend, rec


async def test_passes_registry_validation(harness: ContractHarness) -> None:
    report = BackendRegistry().add_class(harness.backend_class)
    assert report.loaded, report.reason


async def test_connects_and_disconnects_twice(harness: ContractHarness, tmp_path: Path) -> None:
    backend, _ = make_backend(harness, tmp_path, harness.settings())
    result = await backend.connect()
    assert result.ok, result.failure
    assert backend.own_id
    assert isinstance(backend.capabilities(), Capability)
    await backend.disconnect()
    await backend.disconnect()


async def test_wrong_password_is_an_auth_failure(harness: ContractHarness, tmp_path: Path) -> None:
    backend, _ = make_backend(harness, tmp_path, harness.with_wrong_password())
    try:
        result = await asyncio.wait_for(backend.connect(), 30)
        assert result.failure is not None
        assert result.failure.kind is FailureKind.AUTH
        assert not result.failure.retryable
        assert result.failure.message
    finally:
        await backend.disconnect()


async def test_unreachable_server_is_retryable(harness: ContractHarness, tmp_path: Path) -> None:
    backend, _ = make_backend(harness, tmp_path, harness.unreachable())
    try:
        result = await asyncio.wait_for(backend.connect(), 30)
        assert result.failure is not None
        assert result.failure.retryable
    finally:
        await backend.disconnect()


async def test_receives_text_in_any_language(harness: ContractHarness, tmp_path: Path) -> None:
    backend, rec = make_backend(harness, tmp_path, harness.settings())
    assert (await backend.connect()).ok
    try:
        text = "Grüße aus Köln — 你好 — привет — 👋🏽"
        await harness.peer_send(text)
        fact = await rec.wait_for(lambda x: isinstance(x, f.MessageReceived) and x.body == text)
        assert isinstance(fact, f.MessageReceived)
        assert fact.conversation == harness.peer_conversation
        assert fact.conversation_kind is ConversationKind.DIRECT
        assert not fact.outgoing
    finally:
        await backend.disconnect()


async def test_sends_text(harness: ContractHarness, tmp_path: Path) -> None:
    backend, rec = make_backend(harness, tmp_path, harness.settings())
    assert (await backend.connect()).ok
    try:
        conv = ConversationId(rec.account_id, harness.peer_conversation)
        text = "Hello from the contract suite ✓"
        result = await backend.send_message(
            conv, OutgoingMessage(txn_id="txn-contract-1", body=text)
        )
        assert result.ok, result.failure
        await harness.peer_wait_for(text)
    finally:
        await backend.disconnect()


async def test_only_facts_are_reported(harness: ContractHarness, tmp_path: Path) -> None:
    backend, rec = make_backend(harness, tmp_path, harness.settings())
    assert (await backend.connect()).ok
    await harness.peer_send("ping")
    await rec.wait_for(lambda x: isinstance(x, f.MessageReceived) and x.body == "ping")
    await backend.disconnect()
    assert all(isinstance(x, f.Fact) for x in rec.facts)
