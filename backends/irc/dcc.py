"""DCC (Direct Client-to-Client) as it travels inside CTCP: parsing offers and their answers,
refusing what could hurt, and building what we send. Pure: no sockets.

``DCC SEND <file> <ip> <port> <size> [<token>]`` offers a file: the receiver connects to
``ip:port``. Port 0 with a token is *passive* (reverse) DCC for a sender behind NAT: the
receiver listens and answers with the same SEND carrying its own address and the token.
``DCC RESUME <file> <port> <position> [<token>]`` asks to continue a cut transfer and
``DCC ACCEPT`` (same fields) agrees; ``DCC REJECT SEND <file>`` declines an offer.

An offer is a stranger telling us to open a connection and write a file, so it is refused when
the address is one we must not reach from this server (a private network address offered
through a public server, broadcast, multicast, unspecified), the port cannot be right, the name
could leave the download folder (``/``, ``\\``, ``..``, control characters) or the size is
impossible or over the cap.
"""

from __future__ import annotations

import ipaddress
import re
import shlex
from dataclasses import dataclass

MAX_NAME_BYTES = 255
MAX_SIZE = 2**63 - 1
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Send:
    """``DCC SEND``: an offer, or (with a token we gave) the answer to our passive offer."""

    filename: str
    address: Address
    port: int  # 0: passive (the receiver listens)
    size: int
    token: str = ""

    @property
    def passive(self) -> bool:
        return self.port == 0


@dataclass(frozen=True, slots=True)
class Resume:
    """``DCC RESUME`` (``accept=False``) or ``DCC ACCEPT`` (``accept=True``)."""

    filename: str
    port: int
    position: int
    token: str = ""
    accept: bool = False


@dataclass(frozen=True, slots=True)
class Reject:
    filename: str


@dataclass(frozen=True, slots=True)
class Refused:
    """Why an offer was not taken (for the log and the person)."""

    reason: str


Parsed = Send | Resume | Reject | Refused


def _words(args: str) -> list[str] | None:
    try:
        return shlex.split(args, posix=True)
    except ValueError:
        return None


def safe_name(name: str) -> str | None:
    """The name as given when it is safe to use inside a folder, else None."""
    if not name or name in (".", "..") or len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return None
    if "/" in name or "\\" in name or ".." in name:
        return None
    if any(ord(c) < 32 or ord(c) == 127 or not c.isprintable() for c in name):
        return None
    return name


def parse_address(text: str) -> Address | None:
    """A DCC address: an IPv4 address as one decimal number (the classic form), or a literal."""
    try:
        if text.isdigit():
            number = int(text)
            return ipaddress.IPv4Address(number) if number < 2**32 else None
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def address_refused(address: Address, server: Address | None) -> str | None:
    """Why connecting to ``address`` for a file offered through ``server`` must not happen."""
    if isinstance(address, ipaddress.IPv4Address) and (
        address == ipaddress.IPv4Address("255.255.255.255") or str(address).endswith(".255")
    ):
        return f"a broadcast address ({address})"
    if address.is_unspecified or address.is_multicast or address.is_reserved:
        return f"the address {address} cannot be connected to"
    if address.is_loopback:
        if server is not None and server.is_loopback:
            return None  # both ends on this machine (a local server)
        return f"this machine's own address ({address}) offered from elsewhere"
    if address.is_private or address.is_link_local:
        if server is not None and server.is_private and not server.is_loopback:
            return None  # a server on the same private network
        return f"a private network address ({address}) offered through a public server"
    return None


def _number(text: str, limit: int) -> int | None:
    if not text.isdigit() or len(text) > 20:
        return None
    value = int(text)
    return value if value <= limit else None


def parse(args: str, *, server: Address | None, max_size: int) -> Parsed | None:
    """The DCC request in a CTCP ``DCC`` argument string; None for kinds we do not handle
    (CHAT …). Anything unsafe comes back as :class:`Refused`."""
    words = _words(args)
    if not words:
        return Refused("a DCC request we could not read")
    kind = words[0].upper()
    if kind == "REJECT":
        if len(words) >= 3 and words[1].upper() == "SEND":
            return Reject(words[2])
        return None
    if kind in ("RESUME", "ACCEPT"):
        return _parse_resume(words, accept=kind == "ACCEPT")
    if kind != "SEND":
        return None
    if len(words) not in (5, 6):
        return Refused("a DCC SEND with the wrong number of fields")
    name, address_text, port_text, size_text = words[1:5]
    token = words[5] if len(words) == 6 else ""
    filename = safe_name(name)
    if filename is None:
        return Refused(f"an unsafe file name ({name[:60]!r})")
    address = parse_address(address_text)
    if address is None:
        return Refused(f"an address we could not read ({address_text[:40]!r})")
    port = _number(port_text, 65535)
    if port is None or (port == 0 and not token):
        return Refused(f"a port that cannot be right ({port_text[:20]!r})")
    if token and not _TOKEN.match(token):
        return Refused("a token we could not read")
    size = _number(size_text, MAX_SIZE)
    if size is None:
        return Refused(f"a size that cannot be right ({size_text[:30]!r})")
    if size > max_size:
        return Refused(f"{filename} is larger ({size} bytes) than files you accept ({max_size})")
    if port != 0:  # passive offers carry no address we would connect to
        why = address_refused(address, server)
        if why is not None:
            return Refused(why)
    return Send(filename, address, port, size, token)


def _parse_resume(words: list[str], *, accept: bool) -> Resume | Refused:
    if len(words) not in (4, 5):
        return Refused("a DCC RESUME/ACCEPT with the wrong number of fields")
    port = _number(words[2], 65535)
    position = _number(words[3], MAX_SIZE)
    token = words[4] if len(words) == 5 else ""
    if port is None or position is None or (token and not _TOKEN.match(token)):
        return Refused("a DCC RESUME/ACCEPT we could not read")
    return Resume(words[1], port, position, token, accept)


def quote(name: str) -> str:
    return f'"{name}"' if " " in name else name


def address_text(address: Address) -> str:
    if isinstance(address, ipaddress.IPv4Address):
        return str(int(address))
    return str(address)


def send_args(name: str, address: Address, port: int, size: int, token: str = "") -> str:
    parts = ["SEND", quote(name), address_text(address), str(port), str(size)]
    return " ".join([*parts, token] if token else parts)


def resume_args(name: str, port: int, position: int, token: str = "", *, accept: bool) -> str:
    parts = ["ACCEPT" if accept else "RESUME", quote(name), str(port), str(position)]
    return " ".join([*parts, token] if token else parts)


def parse_ports(text: str) -> tuple[int, int] | None:
    """``"50000-50100"`` → (50000, 50100); ``""`` → None (any free port)."""
    text = text.strip()
    if not text:
        return None
    low, _, high = text.partition("-")
    try:
        first, last = int(low), int(high or low)
    except ValueError:
        return None
    if not 1024 <= first <= last <= 65535:
        return None
    return first, last
