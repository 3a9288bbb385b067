"""Which server an account is on, from its settings, and the service's name in words."""

from __future__ import annotations

import pytest

from app.models import Account
from ui.service_identity import server_of, service_description, service_name


@pytest.mark.parametrize(
    ("protocol", "settings", "server"),
    [
        ("xmpp", {"jid": "alice@example.org"}, "example.org"),
        ("xmpp", {"jid": "alice@example.org/phone"}, "example.org"),
        ("xmpp", {"jid": "alice@example.org", "host": "xmpp.example.net"}, "xmpp.example.net"),
        ("matrix", {"user_id": "@alice:example.org"}, "example.org"),
        (
            "matrix",
            {"user_id": "@alice:example.org", "homeserver": "https://matrix.example.org:8448"},
            "matrix.example.org",
        ),
        ("matrix", {"homeserver": "matrix.example.org"}, "matrix.example.org"),
        ("irc", {"server": "irc.libera.chat", "nick": "alice"}, "irc.libera.chat"),
        ("irc", {"nick": "alice"}, ""),
        ("xmpp", {"jid": 5}, ""),  # a broken config file: no crash, no server
    ],
)
def test_server_of(protocol: str, settings: dict[str, object], server: str) -> None:
    account = Account("a1", protocol, "Me", settings)  # type: ignore[arg-type]
    assert server_of(account) == server


def test_names_and_descriptions() -> None:
    assert [service_name(p) for p in ("xmpp", "matrix", "irc")] == ["XMPP", "Matrix", "IRC"]
    assert service_name("sms") == "SMS"
    account = Account("a1", "irc", "Libera", {"server": "irc.libera.chat"})
    assert service_description(account) == "IRC, irc.libera.chat"
    assert service_description(Account("a2", "irc", "Nowhere", {})) == "IRC"
