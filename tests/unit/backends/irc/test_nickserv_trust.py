"""NickServ IDENTIFY goes only to the network's own services.

Where no services guard the nick, anybody can call themselves NickServ and collect the password
of every client that identifies blindly. The backend asks the server (WHOIS) first and sends the
password only when the reply marks NickServ as a network service (see
``convert.is_network_service``). The real networks are in ``tests/integration/irc``; this is
every shape of answer, from a scripted server.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app import facts as f
from app.backend import FailureKind
from tests.unit.backends.irc.scripted import Quick, Script, connected, make

PASSWORD = "s3cret-horse"


class Vetting(Quick):
    nickserv_check_timeout = 0.5
    nickserv_timeout = 2.0


def _whois(server: str, *extra: str, host: str | None = None) -> dict[str, list[str]]:
    return {
        "nickserv": [
            f"311 {{me}} NickServ NickServ {host or server} * :Nickname Services",
            f"312 {{me}} NickServ {server} :A server",
            *extra,
        ]
    }


GENUINE = {
    "ngircd-service": _whois("irc.example.org", "310 {me} NickServ :is an IRC service"),
    "inspircd-servprotect": _whois(
        "irc.example.org", "310 {me} NickServ :is a Network Service on Example"
    ),
    "solanum-313": _whois("irc.example.org", "313 {me} NickServ :is a Network Service"),
    "services-server": _whois("services.example.org"),
}
NOT_TRUSTED: dict[str, dict[str, list[str]] | None] = {
    "impostor": _whois(
        "irc.example.org",
        "335 {me} NickServ :is a bot",  # anyone may set +B
        "671 {me} NickServ :is using a secure connection",
        host="services.example.org",  # a host name is the user's own business
    ),
    "oper-is-not-a-service": _whois("irc.example.org", "313 {me} NickServ :is an IRC operator"),
    "services-only-in-the-name": _whois("services-are-us.example.org"),
    "absent": {},  # 401 No such nick
    "silent": None,  # the server never answers the WHOIS
}


def _password_lines(received: list[str]) -> list[str]:
    return [line for line in received if PASSWORD in line]


@pytest.mark.parametrize("whois", list(GENUINE.values()), ids=list(GENUINE))
async def test_identifies_to_a_genuine_service(
    scripted: Callable[[Script], Any], tmp_path: Path, whois: dict[str, list[str]]
) -> None:
    server = await scripted(Script(whois=whois, identify_password=PASSWORD))
    backend, rec = await connected(
        server, tmp_path, Vetting, account="acct", secrets={"password": PASSWORD}
    )
    assert backend.account == "acct"
    sent = _password_lines(server.received)
    assert sent == [f"PRIVMSG NickServ :IDENTIFY acct {PASSWORD}"]
    assert server.received.index("WHOIS NickServ") < server.received.index(sent[0])
    notices = [x.text for x in rec.facts if isinstance(x, f.ServiceNotice)]
    assert not [t for t in notices if "NickServ" in t]  # the WHOIS was ours, not shown
    await backend.disconnect()


@pytest.mark.parametrize("whois", list(NOT_TRUSTED.values()), ids=list(NOT_TRUSTED))
async def test_never_sends_the_password_to_an_unproven_nickserv(
    scripted: Callable[[Script], Any], tmp_path: Path, whois: dict[str, list[str]] | None
) -> None:
    server = await scripted(Script(whois=whois, identify_password=PASSWORD))
    backend, rec = await connected(
        server, tmp_path, Vetting, account="acct", secrets={"password": PASSWORD}
    )
    assert backend.connected and backend.account is None  # signed in, not identified
    assert "WHOIS NickServ" in server.received
    await backend.run_command(None, "quote", "PING :after")  # everything before it is in
    await server.wait_for(lambda line: line == "PING :after")
    assert _password_lines(server.received) == []
    assert not [line for line in server.received if line.upper().startswith("PRIVMSG NICKSERV")]
    notice = next(
        x.text
        for x in rec.facts
        if isinstance(x, f.ServiceNotice) and "NickServ" in x.text and "WHOIS" not in x.text
    )
    assert "not sent" in notice or "no NickServ" in notice
    await backend.disconnect()


async def test_a_genuine_service_refusing_the_password_is_an_auth_failure(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    server = await scripted(Script(whois=GENUINE["services-server"], identify_password="other"))
    backend, _ = make(server, tmp_path, Vetting, account="acct", secrets={"password": PASSWORD})
    result = await backend.connect()
    assert result.failure is not None
    assert result.failure.kind is FailureKind.AUTH and not result.failure.retryable
    await backend.disconnect()


async def test_an_impostor_cannot_fail_the_sign_in_while_we_check(
    scripted: Callable[[Script], Any], tmp_path: Path
) -> None:
    """Notices from "NickServ" count only after we identified to the verified one."""
    server = await scripted(Script(whois=None))
    backend, _ = make(server, tmp_path, Vetting, account="acct", secrets={"password": PASSWORD})
    connecting = asyncio.create_task(backend.connect())
    await server.wait_for(lambda line: line == "WHOIS NickServ")
    await server.send(":NickServ!evil@10.0.0.9 NOTICE me :Invalid password for me.")
    result = await connecting
    assert result.ok, result.failure
    assert _password_lines(server.received) == []
    await backend.disconnect()
