"""Plugin discovery: valid plugins load lazily, broken ones are reported with a reason."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.backend import (
    AccountField,
    Backend,
    Capability,
    ConnectResult,
    OutgoingMessage,
    SendResult,
)
from app.models import ConversationId
from app.registry import BackendRegistry


class GoodBackend(Backend):
    protocol_id = "good"
    display_name = "Good"
    account_fields = (AccountField("user", "User"),)

    async def connect(self) -> ConnectResult:
        return ConnectResult()

    async def disconnect(self) -> None:
        return None

    async def send_message(self, conv: ConversationId, msg: OutgoingMessage) -> SendResult:
        return SendResult()


class Abstract(Backend):
    protocol_id = "abstract"
    display_name = "Abstract"
    account_fields = ()


class OldApi(GoodBackend):
    protocol_id = "old"
    api_version = 1  # built for the interface before API 2


class ClaimsTooMuch(GoodBackend):
    protocol_id = "claims"
    send_features = Capability.REPLIES | Capability.FILES  # FILES comes from SupportsFiles


class BadId(GoodBackend):
    protocol_id = "Bad Id!"


class NoName(GoodBackend):
    protocol_id = "noname"
    display_name = ""


class BadFields(GoodBackend):
    protocol_id = "badfields"
    account_fields = ("user",)  # type: ignore[assignment]


class DuplicateFields(GoodBackend):
    protocol_id = "dupfields"
    account_fields = (AccountField("a", "A"), AccountField("a", "A again"))


@dataclass
class FakeEntryPoint:
    name: str
    value: str
    target: object = None
    error: Exception | None = None
    loads: int = 0

    def load(self) -> object:
        self.loads += 1
        if self.error is not None:
            raise self.error
        return self.target


def test_entry_points_load_lazily_and_once() -> None:
    ep = FakeEntryPoint("good", "pkg:GoodBackend", GoodBackend)
    registry = BackendRegistry(entry_points=[ep])
    assert registry.protocol_ids() == ["good"]
    assert ep.loads == 0
    assert registry.get("good") is GoodBackend
    assert registry.get("good") is GoodBackend
    assert ep.loads == 1
    assert registry.reports()[0].loaded


@pytest.mark.parametrize(
    ("name", "target", "error", "reason"),
    [
        ("broken", None, ModuleNotFoundError("No module named 'slixmpp'"), "import failed"),
        ("notaclass", object(), None, "not a subclass"),
        ("abstract", Abstract, None, "abstract methods"),
        ("old", OldApi, None, "built for version 1 of Chinwag's plugin interface"),
        ("claims", ClaimsTooMuch, None, "send_features may hold only"),
        ("Bad Id!", BadId, None, "invalid protocol_id"),
        ("other", GoodBackend, None, "differs from its entry-point name"),
        ("noname", NoName, None, "display_name"),
        ("badfields", BadFields, None, "AccountField"),
        ("dupfields", DuplicateFields, None, "duplicate names"),
    ],
)
def test_broken_plugins_are_reported_not_fatal(
    name: str, target: object, error: Exception | None, reason: str
) -> None:
    registry = BackendRegistry(
        entry_points=[
            FakeEntryPoint(name, f"pkg:{name}", target, error),
            FakeEntryPoint("good", "pkg:GoodBackend", GoodBackend),
        ]
    )
    loaded = registry.load_all()
    assert list(loaded) == ["good"]
    problems = registry.problems()
    assert len(problems) == 1
    assert problems[0].name == name and reason in problems[0].reason
    assert registry.get(name) is None


def test_duplicate_protocol_ids_keep_the_first() -> None:
    registry = BackendRegistry(
        entry_points=[
            FakeEntryPoint("good", "first:GoodBackend", GoodBackend),
            FakeEntryPoint("good", "second:GoodBackend", GoodBackend),
        ]
    )
    assert registry.get("good") is GoodBackend
    (problem,) = registry.problems()
    assert "duplicate protocol id" in problem.reason and problem.source == "second:GoodBackend"


def test_classes_can_be_added_directly() -> None:
    registry = BackendRegistry(classes=[GoodBackend])
    assert registry.get("good") is GoodBackend
    assert not registry.add_class(GoodBackend).loaded


def test_plugins_from_elsewhere_are_checked_at_start_and_builtins_left_lazy() -> None:
    """A plugin built for API 1 must be reported when Chinwag starts, not silently dropped;
    the built-in backends stay unimported until an account needs them."""
    builtin = FakeEntryPoint("good", "backends.good:GoodBackend", GoodBackend)
    old = FakeEntryPoint("old", "chinwag_old:OldApi", OldApi)
    registry = BackendRegistry(entry_points=[builtin, old])
    registry.load_outside()
    assert builtin.loads == 0
    assert old.loads == 1
    (problem,) = registry.problems()
    assert problem.name == "old"
    assert "version 1" in problem.reason and "needs version 2" in problem.reason
