"""A real DNS server on loopback for discovery tests: dnsmasq (Debian's ``dnsmasq-base``).

It answers only for the zones the test gives it (``--local``: nothing is forwarded anywhere), from
records fixed at start: SRV records (``--srv-host``) and address records (``--host-record``).
Everything listens on 127.0.0.1 on a free port (TCP and UDP); clients are pointed at it
explicitly, as the system's resolver is not touched.
"""

from __future__ import annotations

import contextlib
import getpass
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chinwag.testing.support import require_binary
from tests.integration.support import LOOPBACK, ServerProcess


@dataclass(frozen=True)
class Srv:
    """``_service._tcp.domain`` → target:port (target ``.`` means "no service here")."""

    service: str
    domain: str
    target: str
    port: int
    priority: int = 0
    weight: int = 0

    def option(self) -> str:
        name = f"_{self.service}._tcp.{self.domain}"
        if self.target == ".":
            return f"--srv-host={name}"  # dnsmasq: no target = "service not available"
        return f"--srv-host={name},{self.target},{self.port},{self.priority},{self.weight}"


def _free_udp_and_tcp_port() -> int:
    """A port free for both TCP and UDP on loopback (DNS uses both)."""
    for _ in range(50):
        with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_DGRAM)) as udp:
            udp.bind((LOOPBACK, 0))
            port = int(udp.getsockname()[1])
            with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as tcp:
                try:
                    tcp.bind((LOOPBACK, port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no port free for both TCP and UDP")


@dataclass
class DnsServer:
    directory: Path
    zones: Sequence[str]
    srv: Sequence[Srv] = ()
    hosts: dict[str, str] = field(default_factory=dict)  # name → IPv4 address
    port: int = field(default_factory=_free_udp_and_tcp_port)
    process: ServerProcess | None = None

    @property
    def nameserver(self) -> str:
        """What a resolver is given: ``127.0.0.1:<port>``."""
        return f"{LOOPBACK}:{self.port}"

    def start(self) -> DnsServer:
        binary = require_binary("dnsmasq", "bash scripts/setup test  (Debian: dnsmasq-base)")
        argv = [
            binary,
            "--keep-in-foreground",
            "--conf-file=/dev/null",
            "--no-resolv",
            "--no-hosts",
            "--no-poll",
            "--bind-interfaces",
            f"--listen-address={LOOPBACK}",
            f"--port={self.port}",
            "--pid-file=",
            "--log-facility=-",
            "--log-queries",
            f"--user={getpass.getuser()}",
            *(f"--local=/{zone}/" for zone in self.zones),
            *(record.option() for record in self.srv),
            *(f"--host-record={name},{address}" for name, address in self.hosts.items()),
        ]
        self.process = ServerProcess("dnsmasq", argv, log_path=self.directory / "dnsmasq.log")
        self.process.start(wait_ports=(self.port,), timeout=20)
        self._wait_answers()
        return self

    def _wait_answers(self, timeout: float = 10.0) -> None:
        """Until the server answers a query (the TCP port opens a moment before)."""
        query = (
            bytes.fromhex("abcd01000001000000000000")
            + _qname("ready.invalid")
            + b"\x00\x01\x00\x01"
        )
        deadline = time.monotonic() + timeout
        with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_DGRAM)) as s:
            s.settimeout(0.2)
            while time.monotonic() < deadline:
                s.sendto(query, (LOOPBACK, self.port))
                with contextlib.suppress(TimeoutError, OSError):
                    if s.recv(512)[:2] == b"\xab\xcd":
                        return
        raise TimeoutError(f"dnsmasq does not answer:\n{self.log_tail()}")

    def log_tail(self) -> str:
        return self.process.log_tail() if self.process else "(not started)"

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()


def _qname(name: str) -> bytes:
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\x00"
