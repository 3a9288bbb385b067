"""WHOIS numerics → ContactDetails."""

from __future__ import annotations

from datetime import UTC, datetime

from backends.irc.convert import whois_details


def test_a_full_reply() -> None:
    details = whois_details(
        "bob",
        {
            "311": ("bob", "b", "host.example", "*", "Bob \x02B\x02"),
            "312": ("bob", "irc.example", "The server"),
            "319": ("bob", "@#ops +#chat"),
            "330": ("bob", "bobacct", "is logged in as"),
            "317": ("bob", "42", "1700000000", "seconds idle, signon time"),
            "301": ("bob", "back soon"),
            "671": ("bob", "is using a secure connection"),
            "313": ("bob", "is an IRC operator"),
        },
    )
    assert details.address == "bob!b@host.example" and details.online
    assert (details.real_name, details.account, details.server) == (
        "Bob B",
        "bobacct",
        "irc.example",
    )
    assert details.channels == ("@#ops", "+#chat")
    assert details.idle_seconds == 42
    assert details.signed_on == datetime.fromtimestamp(1700000000, UTC)
    assert details.away == "back soon" and details.secure and details.operator


def test_nobody_and_garbage() -> None:
    assert not whois_details("ghost", {"401": ("ghost", "No such nick")}).online
    odd = whois_details("x", {"311": ("x",), "317": ("x", "9" * 40, "-1")})
    assert odd.address == "x" and odd.idle_seconds is None and odd.signed_on is None
