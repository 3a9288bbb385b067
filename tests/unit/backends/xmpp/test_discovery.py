"""Pure parts of XMPP server discovery: SRV ordering (RFC 2782, XEP-0368), "." targets,
host-meta documents (XEP-0156 JRD and XRD, XEP-0487 direct-TLS links), context overrides."""

from __future__ import annotations

import random
from collections import Counter
from types import SimpleNamespace

import pytest

from app.backend import NetworkSettings
from backends.xmpp import discovery
from backends.xmpp.discovery import Endpoint


def srv(target: str, port: int, priority: int = 0, weight: int = 0) -> SimpleNamespace:
    return SimpleNamespace(
        data=SimpleNamespace(target=target, port=port, priority=priority, weight=weight)
    )


def test_lower_priority_always_first() -> None:
    a = Endpoint("a", 1, True, priority=20, weight=100)
    b = Endpoint("b", 2, False, priority=10, weight=1)
    for seed in range(20):
        assert discovery.order([a, b], random.Random(seed))[0] == b


def test_weights_share_one_priority_between_both_services() -> None:
    heavy = Endpoint("heavy", 1, True, priority=5, weight=90)
    light = Endpoint("light", 2, False, priority=5, weight=10)
    firsts = Counter(
        discovery.order([light, heavy], random.Random(seed))[0].host for seed in range(400)
    )
    assert firsts["heavy"] > 300 and firsts["light"] > 10  # about 9:1, both reachable


def test_every_endpoint_is_kept_once() -> None:
    endpoints = [
        Endpoint(str(n), n + 1, n % 2 == 0, priority=n % 3, weight=n % 4) for n in range(9)
    ]
    ordered = discovery.order(endpoints, random.Random(3))
    assert sorted(ordered, key=lambda e: e.host) == sorted(endpoints, key=lambda e: e.host)
    assert [e.priority for e in ordered] == sorted(e.priority for e in endpoints)


def test_srv_answers_become_endpoints_with_their_service() -> None:
    found = discovery.srv_endpoints(
        "xmpps-client", [srv("xmpp.example.org.", 5223, 1, 5), srv("bad.example.org", 0)]
    )
    assert found == [Endpoint("xmpp.example.org", 5223, True, 1, 5)]
    assert found[0].service == "xmpps-client"


def test_a_single_dot_target_means_not_offered() -> None:
    assert discovery.srv_endpoints("xmpp-client", [srv(".", 0)]) is None
    assert discovery.srv_endpoints("xmpp-client", [srv(".", 0), srv("x.org", 5222)]) == [
        Endpoint("x.org", 5222, False)
    ]


@pytest.mark.parametrize(
    ("text", "endpoints", "websocket"),
    [
        (
            '{"links": [{"rel": "urn:xmpp:alt-connections:tls", "href": "xmpps://x.org:443",'
            ' "priority": 2, "weight": 3},'
            ' {"rel": "urn:xmpp:alt-connections:websocket", "href": "wss://x.org/ws"}]}',
            (Endpoint("x.org", 443, True, 2, 3),),
            ("wss://x.org/ws",),
        ),
        (
            '{"links": [{"rel": "urn:xmpp:alt-connections:tls", "href": "tls://y.org"}]}',
            (Endpoint("y.org", 443, True),),
            (),
        ),
        ('{"links": [{"rel": "urn:xmpp:alt-connections:tls", "href": "http://z.org"}]}', (), ()),
        (
            '{"links": [{"rel": "urn:xmpp:alt-connections:tls", "href": "xmpps://z.org:99999"}]}',
            (),
            (),
        ),
        ('{"links": "nope"}', (), ()),
        ("[1, 2]", (), ()),
        ("not json", (), ()),
        ('{"links": [null, 3, {"rel": 1, "href": []}]}', (), ()),
    ],
)
def test_host_meta_json(
    text: str, endpoints: tuple[Endpoint, ...], websocket: tuple[str, ...]
) -> None:
    meta = discovery.parse_host_meta_json(text)
    assert meta.endpoints == endpoints
    assert meta.websocket == websocket


def test_host_meta_xml() -> None:
    text = """<?xml version='1.0' encoding='utf-8'?>
<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>
  <Link rel="urn:xmpp:alt-connections:xbosh" href="https://x.org/http-bind" />
  <Link rel="urn:xmpp:alt-connections:websocket" href="wss://x.org/xmpp-websocket" />
  <Link rel="urn:xmpp:alt-connections:websocket" href="javascript:alert(1)" />
</XRD>"""
    meta = discovery.parse_host_meta_xml(text)
    assert meta.bosh == ("https://x.org/http-bind",)
    assert meta.websocket == ("wss://x.org/xmpp-websocket",)
    assert discovery.parse_host_meta_xml("<broken").websocket == ()


def test_overrides_from_the_context() -> None:
    """The system's resolver and port 443 unless the core's NetworkSettings say otherwise."""
    assert discovery.overrides(NetworkSettings()) == ((), 443)
    assert discovery.overrides(
        NetworkSettings(dns_servers=("127.0.0.1:53",), discovery_https_port=8443)
    ) == (("127.0.0.1:53",), 8443)
    assert discovery.overrides(NetworkSettings(discovery_https_port=0)) == ((), 443)
    assert discovery.overrides(NetworkSettings(discovery_https_port=70000)) == ((), 443)


async def test_an_ip_literal_domain_needs_no_dns() -> None:
    import logging

    found = await discovery.discover(
        "127.0.0.1",
        resolver=discovery.make_resolver(["127.0.0.1:9"]),
        log=logging.LoggerAdapter(logging.getLogger("t"), {}),
    )
    assert found.endpoints == [Endpoint("127.0.0.1", 5222, False)]
