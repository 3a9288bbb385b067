"""Where an XMPP account's server listens, found from the address alone.

1. DNS SRV (RFC 6120 §3.2.1): ``_xmpp-client._tcp.<domain>`` (STARTTLS) and, per XEP-0368,
   ``_xmpps-client._tcp.<domain>`` (TLS from the first byte). Both lists are merged and ordered by
   priority, then by weight (RFC 2782). A target of ``.`` says the service is decidedly not
   offered there.
2. host-meta (XEP-0156, and XEP-0487's direct-TLS links) from ``https://<domain>/.well-known/``
   when DNS has no SRV records: a network that blocks or mangles DNS still finds the server.
   WebSocket and BOSH links are reported but not used: slixmpp speaks plain TCP only.
3. Otherwise the domain itself on port 5222, as RFC 6120 says.

The records come back in slixmpp's shape (service, host, address, port) so :class:`ChinwagClient`
hands them to slixmpp's own connect loop, which tries them in order, with TLS from the start for
``xmpps-client`` and the domain as the TLS server name (RFC 6125: the certificate must name the
domain, never the SRV target). slixmpp's own resolver does the same lookups with aiodns, but it
cannot be pointed at another DNS server, ignores ``.`` targets and has no host-meta.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import ipaddress
import json
import logging
import random
import socket
import ssl
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiodns

from app.backend import NetworkSettings
from app.i18n import CoreMessages

STARTTLS_SERVICE = "xmpp-client"
DIRECT_TLS_SERVICE = "xmpps-client"
DEFAULT_PORT = 5222
DNS_TIMEOUT = 3.0
HOST_META_TIMEOUT = 5.0
MAX_HOST_META_BYTES = 64 * 1024
ALT_TLS = "urn:xmpp:alt-connections:tls"
ALT_WEBSOCKET = "urn:xmpp:alt-connections:websocket"
ALT_BOSH = "urn:xmpp:alt-connections:xbosh"
XRD_NS = "{http://docs.oasis-open.org/ns/xri/xrd-1.0}"


Record = tuple[str, str, str, int]
"""slixmpp's connection record: (service, host name, address, port)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One place to connect to: a host name, a port, and whether TLS starts at once."""

    host: str
    port: int
    direct_tls: bool
    priority: int = 0
    weight: int = 0

    @property
    def service(self) -> str:
        return DIRECT_TLS_SERVICE if self.direct_tls else STARTTLS_SERVICE


@dataclass(frozen=True, slots=True)
class HostMeta:
    """What a domain's host-meta document announces."""

    endpoints: tuple[Endpoint, ...] = ()
    websocket: tuple[str, ...] = ()
    bosh: tuple[str, ...] = ()


@dataclass
class Discovery:
    """How the endpoints were found (for the log and for the account dialog)."""

    endpoints: list[Endpoint] = field(default_factory=list)
    source: str = "fallback"  # "srv", "host-meta", "fallback", "unavailable"
    notes: list[str] = field(default_factory=list)


# -- pure parts ----------------------------------------------------------------------------


def order(endpoints: Sequence[Endpoint], rng: random.Random | None = None) -> list[Endpoint]:
    """RFC 2782 order: lowest priority first; within one priority, a weighted random pick
    (weight 0 records last in their group, as the RFC advises). XEP-0368: both services in one
    list, so a direct-TLS record and a STARTTLS record of the same priority compete by weight."""
    rng = rng or random.Random()
    result: list[Endpoint] = []
    for priority in sorted({e.priority for e in endpoints}):
        group = [e for e in endpoints if e.priority == priority]
        group.sort(key=lambda e: e.weight != 0)  # weight 0 first in the list, as RFC 2782 says
        while group:
            total = sum(e.weight for e in group)
            if total == 0:
                result.extend(group)
                break
            pick = rng.randint(0, total)
            running = 0
            for index, endpoint in enumerate(group):
                running += endpoint.weight
                if running >= pick:
                    result.append(group.pop(index))
                    break
    return result


def srv_endpoints(service: str, answers: Sequence[Any]) -> list[Endpoint] | None:
    """Endpoints of one SRV answer (aiodns 4 records); None when the service is "decidedly not
    available" (one record whose target is ``.``, RFC 2782)."""
    found: list[Endpoint] = []
    for answer in answers:
        data = getattr(answer, "data", answer)
        target = str(getattr(data, "target", "") or "").rstrip(".")
        port = int(getattr(data, "port", 0) or 0)
        if not target:
            if len(answers) == 1:
                return None
            continue
        if not 0 < port < 65536:
            continue
        found.append(
            Endpoint(
                target,
                port,
                service == DIRECT_TLS_SERVICE,
                int(getattr(data, "priority", 0) or 0),
                int(getattr(data, "weight", 0) or 0),
            )
        )
    return found


def _endpoint_from_href(href: str, priority: int, weight: int) -> Endpoint | None:
    parts = urlsplit(href)
    if parts.scheme not in ("tls", "xmpps") or not parts.hostname:
        return None
    try:
        port = parts.port or 443
    except ValueError:
        return None
    return Endpoint(parts.hostname, port, True, priority, weight)


def parse_host_meta_json(text: str) -> HostMeta:
    """XEP-0156's JRD (``host-meta.json``) with XEP-0487's direct-TLS links; bad input → empty."""
    try:
        document = json.loads(text)
    except ValueError:
        return HostMeta()
    links = document.get("links") if isinstance(document, dict) else None
    if not isinstance(links, list):
        return HostMeta()
    endpoints: list[Endpoint] = []
    websocket: list[str] = []
    bosh: list[str] = []
    for link in links:
        if not isinstance(link, dict):
            continue
        rel, href = link.get("rel"), link.get("href")
        if not isinstance(rel, str) or not isinstance(href, str):
            continue
        if rel == ALT_TLS:
            priority = link.get("priority", 0)
            weight = link.get("weight", 0)
            endpoint = _endpoint_from_href(
                href,
                priority if isinstance(priority, int) else 0,
                weight if isinstance(weight, int) else 0,
            )
            if endpoint is not None:
                endpoints.append(endpoint)
        elif rel == ALT_WEBSOCKET and href.startswith(("wss://", "ws://")):
            websocket.append(href)
        elif rel == ALT_BOSH and href.startswith(("https://", "http://")):
            bosh.append(href)
    return HostMeta(tuple(endpoints), tuple(websocket), tuple(bosh))


def parse_host_meta_xml(text: str) -> HostMeta:
    """XEP-0156's XRD (``host-meta``); bad input → empty. Only WebSocket and BOSH live here."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return HostMeta()
    websocket: list[str] = []
    bosh: list[str] = []
    for link in root.iter(f"{XRD_NS}Link"):
        rel, href = link.get("rel", ""), link.get("href", "")
        if rel == ALT_WEBSOCKET and href.startswith(("wss://", "ws://")):
            websocket.append(href)
        elif rel == ALT_BOSH and href.startswith(("https://", "http://")):
            bosh.append(href)
    return HostMeta((), tuple(websocket), tuple(bosh))


# -- the network parts ----------------------------------------------------------------------


def overrides(network: NetworkSettings) -> tuple[tuple[str, ...], int]:
    """The DNS servers and host-meta port the core asks for (``BackendContext.network``)."""
    port = network.discovery_https_port
    return tuple(network.dns_servers), port if 0 < port < 65536 else 443


def make_resolver(nameservers: Sequence[str] = ()) -> aiodns.DNSResolver:
    """An aiodns resolver: the system's servers, or ``nameservers`` ("ip" or "ip:port")."""
    if nameservers:
        return aiodns.DNSResolver(nameservers=list(nameservers), timeout=DNS_TIMEOUT, tries=2)
    return aiodns.DNSResolver(timeout=DNS_TIMEOUT, tries=2)


async def lookup_srv(
    resolver: aiodns.DNSResolver, domain: str, log: logging.LoggerAdapter[logging.Logger]
) -> tuple[list[Endpoint], bool]:
    """Both SRV services: (endpoints, whether any SRV record exists at all)."""
    endpoints: list[Endpoint] = []
    any_record = False
    for service in (DIRECT_TLS_SERVICE, STARTTLS_SERVICE):
        name = f"_{service}._tcp.{domain}"
        try:
            answer = await resolver.query_dns(name, "SRV")
        except aiodns.error.DNSError as exc:
            log.debug("no SRV record %s (%s)", name, exc)
            continue
        records = list(getattr(answer, "answer", []) or [])
        if not records:
            continue
        any_record = True
        found = srv_endpoints(service, records)
        if found is None:
            log.info("%s says the service is not offered", name)
            continue
        endpoints.extend(found)
    return endpoints, any_record


async def fetch_host_meta(
    domain: str,
    *,
    ssl_context: ssl.SSLContext | None = None,
    https_port: int = 443,
    nameservers: Sequence[str] = (),
    log: logging.LoggerAdapter[logging.Logger],
) -> HostMeta:
    """``https://<domain>/.well-known/host-meta.json``, then ``host-meta``; empty on any error.

    Only HTTPS with a verified certificate: the answer says where to send the password. The
    domain is resolved by the same DNS servers as the SRV records."""
    base = f"https://{domain}" + ("" if https_port == 443 else f":{https_port}")
    # aiohttp costs ~0.4 s to import and only this lookup needs it: not on every sign-in's way
    # (the backend is imported before an account can connect), and off the loop.
    aiohttp = await asyncio.to_thread(importlib.import_module, "aiohttp")
    timeout = aiohttp.ClientTimeout(total=HOST_META_TIMEOUT)
    context = ssl_context or ssl.create_default_context()
    resolver = aiohttp.AsyncResolver(nameservers=list(nameservers)) if nameservers else None
    connector = aiohttp.TCPConnector(resolver=resolver) if resolver else None
    try:
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            for path, parse in (
                ("/.well-known/host-meta.json", parse_host_meta_json),
                ("/.well-known/host-meta", parse_host_meta_xml),
            ):
                async with session.get(base + path, ssl=context, allow_redirects=False) as resp:
                    if resp.status != 200:
                        continue
                    body = await resp.content.read(MAX_HOST_META_BYTES + 1)
                    if len(body) > MAX_HOST_META_BYTES:
                        log.info("host-meta of %s is too large; ignored", domain)
                        continue
                    meta = parse(body.decode("utf-8", "replace"))
                    if meta.endpoints or meta.websocket or meta.bosh:
                        return meta
    except (aiohttp.ClientError, OSError, TimeoutError, ValueError) as exc:
        log.debug("no host-meta from %s: %s", base, exc)
    return HostMeta()


async def discover(
    domain: str,
    *,
    resolver: aiodns.DNSResolver,
    nameservers: Sequence[str] = (),
    log: logging.LoggerAdapter[logging.Logger],
    ssl_context: ssl.SSLContext | None = None,
    https_port: int = 443,
    rng: random.Random | None = None,
) -> Discovery:
    """The endpoints to try for ``domain``, best first (see the module's docstring)."""
    if _is_ip(domain):
        return Discovery([Endpoint(domain, DEFAULT_PORT, False)], "fallback")
    srv, any_record = await lookup_srv(resolver, domain, log)
    if srv:
        return Discovery(order(srv, rng), "srv")
    if any_record:
        # Records exist, and every one of them says "not here" (target ".").
        return Discovery(
            [], "unavailable", [CoreMessages.tr("%1 offers no XMPP service (DNS SRV).").arg(domain)]
        )
    meta = await fetch_host_meta(
        domain, ssl_context=ssl_context, https_port=https_port, nameservers=nameservers, log=log
    )
    notes = []
    if meta.websocket or meta.bosh:
        notes.append("the server also offers WebSocket/BOSH, which Chinwag does not use")
    if meta.endpoints:
        return Discovery(order(list(meta.endpoints), rng), "host-meta", notes)
    return Discovery([Endpoint(domain, DEFAULT_PORT, False)], "fallback", notes)


async def addresses(resolver: aiodns.DNSResolver, host: str, use_ipv6: bool = True) -> list[str]:
    """IPv6 then IPv4 addresses of ``host`` through the same resolver (an IP literal as is)."""
    if _is_ip(host):
        return [host]
    found: list[str] = []
    families = (socket.AF_INET6, socket.AF_INET) if use_ipv6 else (socket.AF_INET,)
    for family in families:
        with contextlib.suppress(aiodns.error.DNSError, asyncio.TimeoutError):
            result = await resolver.getaddrinfo(host, family=family)
            for node in result.nodes:
                address = node.addr[0]
                text = address.decode() if isinstance(address, bytes) else str(address)
                if text not in found:
                    found.append(text)
    return found


async def connection_records(
    domain: str,
    *,
    resolver: aiodns.DNSResolver,
    nameservers: Sequence[str] = (),
    log: logging.LoggerAdapter[logging.Logger],
    ssl_context: ssl.SSLContext | None = None,
    https_port: int = 443,
    use_ipv6: bool = True,
) -> tuple[list[Record], Discovery]:
    """slixmpp's records for :meth:`ClientXMPP.get_dns_records`, and how they were found."""
    found = await discover(
        domain,
        resolver=resolver,
        nameservers=nameservers,
        log=log,
        ssl_context=ssl_context,
        https_port=https_port,
    )
    records: list[Record] = []
    for endpoint in found.endpoints:
        for address in await addresses(resolver, endpoint.host, use_ipv6):
            records.append((endpoint.service, endpoint.host, address, endpoint.port))
    log.info(
        "%s: %d address(es) from %s: %s",
        domain,
        len(records),
        found.source,
        ", ".join(f"{e.host}:{e.port}{' (TLS)' if e.direct_tls else ''}" for e in found.endpoints),
    )
    return records, found


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    return True
