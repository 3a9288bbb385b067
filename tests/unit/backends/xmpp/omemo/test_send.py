"""Encryptor._encrypt: a refusal for want of devices gets one fresh look at the device lists."""

from __future__ import annotations

import logging
from typing import Any, cast

import pytest
from omemo.session_manager import NoEligibleDevices

from backends.xmpp.omemo.send import Encryptor


class FakeManager:
    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.calls = 0

    async def encrypt(
        self, bare_jids: frozenset[str], plaintext: dict[str, bytes], **_: Any
    ) -> Any:
        self.calls += 1
        if self.calls <= self.refusals:
            raise NoEligibleDevices(bare_jids)
        return {"sealed": b"k"}, frozenset()


class FakeEngine:
    def __init__(self, manager: FakeManager) -> None:
        self.manager = manager
        self.refreshed: list[tuple[set[str], bool]] = []

    async def follow(self, jids: set[str], *, refresh: bool = False) -> None:
        self.refreshed.append((jids, refresh))


class FakeSession:
    log = logging.getLogger("test.omemo.send")


def encryptor(refusals: int) -> tuple[Encryptor, FakeEngine]:
    engine = FakeEngine(FakeManager(refusals))
    made = Encryptor(cast(Any, FakeSession()), cast(Any, engine), cast(Any, None), cast(Any, {}))
    return made, engine


async def test_a_stale_device_list_is_fetched_again_and_the_message_sealed() -> None:
    made, engine = encryptor(refusals=1)
    messages, errors = await made._encrypt(frozenset({"bob@x"}), {"ns": b"hi"})
    assert messages == {"sealed": b"k"} and not errors
    assert engine.refreshed == [({"bob@x"}, True)]
    assert engine.manager.calls == 2


async def test_still_nobody_after_the_fresh_look_is_a_refusal() -> None:
    made, engine = encryptor(refusals=2)
    with pytest.raises(NoEligibleDevices):
        await made._encrypt(frozenset({"bob@x"}), {"ns": b"hi"})
    assert engine.manager.calls == 2 and len(engine.refreshed) == 1


async def test_sealed_at_once_asks_nothing_again() -> None:
    made, engine = encryptor(refusals=0)
    await made._encrypt(frozenset({"bob@x"}), {"ns": b"hi"})
    assert engine.refreshed == [] and engine.manager.calls == 1
