"""The account fields, settings validation and what an unconnected backend does."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from app.backend import Capability, FailureKind, FieldKind, OutgoingMessage
from app.models import ConversationId
from app.registry import BackendRegistry
from backends.irc import IrcBackend
from chinwag.testing import RecordingContext


def test_registry_accepts_the_backend() -> None:
    report = BackendRegistry().add_class(IrcBackend)
    assert report.loaded, report.reason
    assert (IrcBackend.protocol_id, IrcBackend.display_name) == ("irc", "IRC")


def test_account_fields() -> None:
    fields = {f.name: f for f in IrcBackend.account_fields}
    assert fields["server"].required and fields["nick"].required
    assert fields["port"].default == 6697
    assert fields["password"].secret and fields["server_password"].secret
    assert fields["plain_text"].kind is FieldKind.BOOLEAN and fields["plain_text"].default is False
    for advanced in (
        "username",
        "realname",
        "ca_file",
        "trusted_fingerprint",
        "client_cert",
        "auth",
    ):
        assert fields[advanced].advanced, advanced
    assert not fields["alt_nicks"].advanced


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({"server": "irc.example.org", "nick": "me"}, None),
        ({"server": "x", "nick": "me", "port": 0}, "port"),
        ({"server": "x", "nick": "me", "port": 70000}, "port"),
        ({"server": "x", "nick": "me", "alt_nicks": "ok, 9bad"}, "alt_nicks"),
        ({"server": "x", "nick": "me", "trusted_fingerprint": "AB:CD"}, "trusted_fingerprint"),
        ({"server": "x", "nick": "me", "trusted_fingerprint": "ab" * 32}, None),
        ({"server": "x", "nick": "me", "ca_file": "/no/such/ca.pem"}, "ca_file"),
        ({"server": "x", "nick": "me", "auth": "sasl-external"}, "client_cert"),
    ],
)
def test_validate_settings(settings: dict[str, Any], problem: str | None) -> None:
    problems = IrcBackend.validate_settings(settings)
    assert (problem in problems) if problem else problems == {}


def test_the_dialog_can_offer_to_trust_a_certificate() -> None:
    import app.backend as app_backend

    field = getattr(app_backend, "TRUSTED_FINGERPRINT_FIELD", "trusted_fingerprint")
    assert field in {f.name for f in IrcBackend.account_fields}


def test_account_label() -> None:
    assert IrcBackend.account_label({"nick": "me", "server": "irc.libera.chat"}) == (
        "me on irc.libera.chat"
    )
    assert IrcBackend.account_label({}) == "IRC"


async def test_an_unconnected_backend_fails_politely(tmp_path: Path) -> None:
    rec = RecordingContext("a", {"server": "x", "nick": "me"}, {}, tmp_path)
    backend = IrcBackend(rec.build(asyncio.get_running_loop()))
    assert not backend.capabilities() & Capability.IDEMPOTENT_SEND
    assert not backend.capabilities() & Capability.HISTORY
    assert backend.capabilities() & Capability.COMMANDS
    names = set(backend.command_names())
    assert {"nick", "whois", "away", "quote", "notice", "ctcp", "mode"} <= names
    assert "join" not in names  # the generic commands are the core's
    ran = await backend.run_command(None, "whois", "bob")
    assert ran.failure is not None and ran.failure.kind is FailureKind.NOT_CONNECTED
    sent = await backend.send_message(ConversationId("a", "#x"), OutgoingMessage("t", "hi"))
    assert sent.failure is not None and sent.failure.kind is FailureKind.NOT_CONNECTED
    assert sent.failure.retryable
    joined = await backend.join("#x")
    assert joined.failure is not None and joined.failure.kind is FailureKind.NOT_CONNECTED
    await backend.disconnect()
    await backend.disconnect()


@pytest.mark.parametrize(
    ("settings", "secrets"),
    [
        ({"server": "", "nick": "me"}, {}),
        ({"server": "x", "nick": "bad nick"}, {}),
        ({"server": "x", "nick": "me", "port": "many"}, {}),
        ({"server": "x", "nick": "me", "auth": "nickserv"}, {}),  # needs a password
    ],
)
async def test_bad_settings_are_a_config_failure(
    tmp_path: Path, settings: dict[str, Any], secrets: dict[str, str]
) -> None:
    rec = RecordingContext("a", settings, secrets, tmp_path)
    backend = IrcBackend(rec.build(asyncio.get_running_loop()))
    result = await backend.connect()
    assert result.failure is not None and result.failure.kind is FailureKind.CONFIG
    assert not result.failure.retryable
    await backend.disconnect()
