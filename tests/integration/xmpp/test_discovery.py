"""Finding the XMPP server from the address alone: DNS SRV with XEP-0368 through a real DNS server
(dnsmasq on loopback), the order of targets, failover, "no service here", and a sign-in that needs
nothing but the address and the password (and the test CA)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import random
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from app.backend import BackendContext, FailureKind, NetworkSettings
from backends.xmpp import XmppBackend, discovery
from chinwag.testing import RecordingContext
from tests.integration.support import LOOPBACK
from tests.integration.xmpp.server import Account
from tests.integration.xmpp.signup_server import (
    DEAD_TARGET,
    DOMAIN,
    FAILOVER,
    HOST_META,
    NO_SERVICE,
    STARTTLS_ONLY,
    TARGET,
    SignupServer,
    signup_server,
)

__all__ = ["signup_server"]
pytestmark = pytest.mark.integration
LOG = logging.LoggerAdapter(logging.getLogger("test-discovery"), {})


def _context(
    server: SignupServer, account: Account, tmp_path: Path, **settings: str | int | bool
) -> BackendContext:
    """Only the address and the password (and the per-run CA): no host, no port."""
    rec = RecordingContext(
        "disco",
        {"jid": account.jid, "ca_file": str(server.tls.ca_cert), **settings},
        {"password": account.password},
        tmp_path / "data",
    )
    ctx = rec.build(asyncio.get_running_loop())
    return dataclasses.replace(ctx, network=NetworkSettings(dns_servers=tuple(server.nameservers)))


async def _connect(
    server: SignupServer, account: Account, tmp_path: Path, **settings: str | int | bool
) -> tuple[XmppBackend, object]:
    backend = XmppBackend(_context(server, account, tmp_path, **settings))
    result = await backend.connect()
    return backend, result


# -- the DNS server itself ------------------------------------------------------------------


async def test_the_dns_server_answers_srv_and_address_records(signup_server: SignupServer) -> None:
    resolver = discovery.make_resolver(signup_server.nameservers)
    answer = await resolver.query_dns(f"_xmpps-client._tcp.{DOMAIN}", "SRV")
    [record] = answer.answer
    assert (record.data.target.rstrip("."), record.data.port) == (
        TARGET,
        signup_server.direct_tls_port,
    )
    assert await discovery.addresses(resolver, TARGET, use_ipv6=False) == [LOOPBACK]


# -- discovery against it -------------------------------------------------------------------


async def test_direct_tls_comes_before_starttls_by_priority(signup_server: SignupServer) -> None:
    found = await discovery.discover(
        DOMAIN, resolver=discovery.make_resolver(signup_server.nameservers), log=LOG
    )
    assert found.source == "srv"
    assert [(e.host, e.port, e.direct_tls) for e in found.endpoints] == [
        (TARGET, signup_server.direct_tls_port, True),
        (TARGET, signup_server.c2s_port, False),
    ]


async def test_a_dead_first_target_is_followed_by_the_next(signup_server: SignupServer) -> None:
    records, found = await discovery.connection_records(
        FAILOVER,
        resolver=discovery.make_resolver(signup_server.nameservers),
        log=LOG,
        use_ipv6=False,
    )
    assert [(r[0], r[1], r[3]) for r in records] == [
        ("xmpps-client", DEAD_TARGET, signup_server.dead_port),
        ("xmpp-client", TARGET, signup_server.c2s_port),
    ]
    assert found.source == "srv"


async def test_a_dot_target_means_no_service(signup_server: SignupServer) -> None:
    found = await discovery.discover(
        NO_SERVICE, resolver=discovery.make_resolver(signup_server.nameservers), log=LOG
    )
    assert found.source == "unavailable"
    assert found.endpoints == []


async def test_without_srv_records_the_domain_itself_is_tried(
    signup_server: SignupServer,
) -> None:
    # No SRV records and no host-meta (nothing serves HTTPS for it): RFC 6120's fallback.
    found = await discovery.discover(
        f"nosrv.{DOMAIN}",
        resolver=discovery.make_resolver(signup_server.nameservers),
        log=LOG,
        https_port=9,  # nothing listens: the host-meta fetch fails at once
        rng=random.Random(1),
    )
    assert found.source == "fallback"
    assert [(e.host, e.port, e.direct_tls) for e in found.endpoints] == [
        (f"nosrv.{DOMAIN}", 5222, False)
    ]


# -- signing in with nothing but the address -------------------------------------------------


async def test_signs_in_from_the_address_alone_over_direct_tls(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    account = await asyncio.to_thread(signup_server.new_account)
    backend, result = await _connect(signup_server, account, tmp_path)
    try:
        assert result.ok, result.failure  # type: ignore[attr-defined]
        client = backend._session.client  # type: ignore[union-attr]
        assert client.last_attempt == (LOOPBACK, signup_server.direct_tls_port, True)
        assert client.discovered is not None and client.discovered.source == "srv"
        assert backend.own_id == account.jid
    finally:
        await backend.disconnect()


async def test_starttls_only_domain(signup_server: SignupServer, tmp_path: Path) -> None:
    account = await asyncio.to_thread(signup_server.new_account, "tcp", STARTTLS_ONLY)
    backend, result = await _connect(signup_server, account, tmp_path)
    try:
        assert result.ok, result.failure  # type: ignore[attr-defined]
        client = backend._session.client  # type: ignore[union-attr]
        assert client.last_attempt == (LOOPBACK, signup_server.c2s_port, False)
        assert client.is_encrypted()
    finally:
        await backend.disconnect()


async def test_failover_past_a_dead_target(signup_server: SignupServer, tmp_path: Path) -> None:
    account = await asyncio.to_thread(signup_server.new_account, "fo", FAILOVER)
    backend, result = await _connect(signup_server, account, tmp_path)
    try:
        assert result.ok, result.failure  # type: ignore[attr-defined]
        client = backend._session.client  # type: ignore[union-attr]
        assert client.last_attempt == (LOOPBACK, signup_server.c2s_port, False)
    finally:
        await backend.disconnect()


async def test_chosen_starttls_mode_skips_the_direct_tls_record(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    account = await asyncio.to_thread(signup_server.new_account)
    backend, result = await _connect(signup_server, account, tmp_path, tls_mode="starttls")
    try:
        assert result.ok, result.failure  # type: ignore[attr-defined]
        client = backend._session.client  # type: ignore[union-attr]
        assert client.last_attempt == (LOOPBACK, signup_server.c2s_port, False)
    finally:
        await backend.disconnect()


async def test_a_domain_without_xmpp_service_is_a_clear_config_failure(
    signup_server: SignupServer, tmp_path: Path
) -> None:
    account = Account(f"someone@{NO_SERVICE}", "whatever")
    backend, result = await _connect(signup_server, account, tmp_path)
    await backend.disconnect()
    failure = result.failure  # type: ignore[attr-defined]
    assert failure is not None and failure.kind is FailureKind.CONFIG
    assert "offers no XMPP service" in failure.message
    assert failure.field == "jid"  # the account dialog shows it under the address
    assert not failure.retryable


# -- host-meta -------------------------------------------------------------------------------


@pytest.fixture
async def host_meta_site(signup_server: SignupServer) -> AsyncIterator[int]:
    """``https://hostmeta.chinwag.test:<port>/.well-known/host-meta.json`` announcing the direct
    TLS port (XEP-0487), with the server's certificate."""
    document = {
        "links": [
            {"rel": "urn:xmpp:alt-connections:websocket", "href": f"wss://{HOST_META}/ws"},
            {
                "rel": "urn:xmpp:alt-connections:tls",
                "href": f"xmpps://{TARGET}:{signup_server.direct_tls_port}",
                "priority": 1,
                "weight": 1,
            },
        ]
    }

    async def handle(_request: web.Request) -> web.Response:
        return web.json_response(document)

    app = web.Application()
    app.router.add_get("/.well-known/host-meta.json", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(signup_server.tls.cert, signup_server.tls.key)
    site = web.TCPSite(runner, LOOPBACK, 0, ssl_context=context)
    await site.start()
    try:
        yield int(runner.addresses[0][1])
    finally:
        await runner.cleanup()


async def test_host_meta_names_the_server_when_dns_has_no_srv(
    signup_server: SignupServer, host_meta_site: int, tmp_path: Path
) -> None:
    account = await asyncio.to_thread(signup_server.new_account, "hm", HOST_META)
    ctx = _context(signup_server, account, tmp_path)
    ctx = dataclasses.replace(
        ctx, network=dataclasses.replace(ctx.network, discovery_https_port=host_meta_site)
    )
    backend = XmppBackend(ctx)
    result = await backend.connect()
    try:
        assert result.ok, result.failure
        client = backend._session.client  # type: ignore[union-attr]
        assert client.discovered is not None and client.discovered.source == "host-meta"
        assert client.last_attempt == (LOOPBACK, signup_server.direct_tls_port, True)
        assert any("WebSocket" in note for note in client.discovered.notes)
    finally:
        await backend.disconnect()


async def test_host_meta_over_an_untrusted_certificate_is_ignored(
    signup_server: SignupServer, host_meta_site: int
) -> None:
    # Without the test CA the HTTPS answer cannot be trusted: fall back to the domain itself.
    found = await discovery.discover(
        HOST_META,
        resolver=discovery.make_resolver(signup_server.nameservers),
        nameservers=signup_server.nameservers,
        log=LOG,
        https_port=host_meta_site,
    )
    assert found.source == "fallback"
