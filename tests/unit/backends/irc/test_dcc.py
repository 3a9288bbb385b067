"""DCC requests: what is read from a CTCP, what is refused, what we write."""

from __future__ import annotations

import ipaddress

import pytest

from backends.irc import dcc

LOOPBACK = ipaddress.ip_address("127.0.0.1")
LAN = ipaddress.ip_address("192.168.1.10")
PUBLIC = ipaddress.ip_address("93.184.216.34")
CAP = 10 * 1024 * 1024


def parse(args: str, server: dcc.Address | None = PUBLIC) -> dcc.Parsed | None:
    return dcc.parse(args, server=server, max_size=CAP)


def test_an_active_offer() -> None:
    got = parse("SEND photo.jpg 1572395042 5000 1234")  # 93.184.216.34
    assert got == dcc.Send("photo.jpg", PUBLIC, 5000, 1234)


def test_a_passive_offer_with_a_quoted_name() -> None:
    got = parse('SEND "my photo.jpg" 1572395042 0 1234 tok3n')
    assert isinstance(got, dcc.Send) and got.passive
    assert (got.filename, got.token) == ("my photo.jpg", "tok3n")


def test_an_ipv6_literal() -> None:
    got = parse("SEND a.txt 2606:4700::1111 5000 10", server=PUBLIC)
    assert isinstance(got, dcc.Send) and str(got.address) == "2606:4700::1111"


@pytest.mark.parametrize(
    ("args", "server", "why"),
    [
        ("SEND a 167772161 5000 1", PUBLIC, "private"),  # 10.0.0.1 via a public server
        ("SEND a 167772161 5000 1", LOOPBACK, "private"),
        ("SEND a 2130706433 5000 1", PUBLIC, "own address"),  # 127.0.0.1 from elsewhere
        ("SEND a 3232235775 5000 1", LAN, "broadcast"),  # 192.168.0.255
        ("SEND a 4294967295 5000 1", PUBLIC, "broadcast"),
        ("SEND a 3758096385 5000 1", PUBLIC, "cannot be connected"),  # 224.0.0.1
        ("SEND a 0 5000 1", PUBLIC, "cannot be connected"),
        ("SEND a 1572395042 0 1", PUBLIC, "port"),
        ("SEND a 1572395042 65536 1", PUBLIC, "port"),
        ("SEND ../a 1572395042 5000 1", PUBLIC, "unsafe"),
        ("SEND a/b 1572395042 5000 1", PUBLIC, "unsafe"),
        ("SEND .. 1572395042 5000 1", PUBLIC, "unsafe"),
        ("SEND a\x1bb 1572395042 5000 1", PUBLIC, "unsafe"),
        ("SEND a\u202eb 1572395042 5000 1", PUBLIC, "unsafe"),  # right-to-left override
        (f"SEND {'x' * 300} 1572395042 5000 1", PUBLIC, "unsafe"),
        (f"SEND a 1572395042 5000 {2**64}", PUBLIC, "size"),
        ("SEND a 1572395042 5000 -1", PUBLIC, "size"),
        (f"SEND a 1572395042 5000 {CAP + 1}", PUBLIC, "larger"),
        ("SEND a 99999999999 5000 1", PUBLIC, "address"),
        ("SEND a 1572395042 5000", PUBLIC, "number of fields"),
        ('SEND "a 1 2 3', PUBLIC, "could not read"),
        ("SEND a 1572395042 0 1 bad;token", PUBLIC, "token"),
    ],
)
def test_refused(args: str, server: dcc.Address, why: str) -> None:
    got = parse(args, server)
    assert isinstance(got, dcc.Refused), got
    assert why in got.reason


def test_private_and_loopback_addresses_where_they_belong() -> None:
    assert isinstance(parse("SEND a 3232235786 5000 1", LAN), dcc.Send)  # same LAN
    assert isinstance(parse("SEND a 2130706433 5000 1", LOOPBACK), dcc.Send)  # this machine


def test_resume_accept_reject_and_others() -> None:
    assert parse("RESUME a.txt 5000 100") == dcc.Resume("a.txt", 5000, 100)
    assert parse("ACCEPT a.txt 0 100 tok") == dcc.Resume("a.txt", 0, 100, "tok", accept=True)
    assert parse("REJECT SEND a.txt") == dcc.Reject("a.txt")
    assert isinstance(parse(f"RESUME a.txt 5000 {2**64}"), dcc.Refused)
    assert parse("CHAT chat 1572395042 5000") is None  # not handled, not refused


def test_what_we_write() -> None:
    assert dcc.send_args("my file", PUBLIC, 5000, 10) == 'SEND "my file" 1572395042 5000 10'
    assert dcc.send_args("f", LOOPBACK, 0, 10, "tok") == "SEND f 2130706433 0 10 tok"
    assert dcc.resume_args("f", 0, 5, "tok", accept=True) == "ACCEPT f 0 5 tok"
    assert dcc.parse_ports("50000-50100") == (50000, 50100)
    assert dcc.parse_ports("6000") == (6000, 6000)
    assert dcc.parse_ports("80-90") is None and dcc.parse_ports("x") is None
    assert dcc.parse_ports("") is None
