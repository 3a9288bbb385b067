"""Servers and raw protocol bots for the peer and scale benchmarks.

The servers are the integration tests' own (``tests/integration``): Prosody exactly as the tests
start it; InspIRCd from the tests' config generator with a few limits raised for benchmarking
(each change below says why), without Atheme (no client here signs in to services).

The bots are minimal blocking clients on raw sockets (stdlib only), so what drives and watches a
benchmark costs little and never shares code with the clients being measured:

- :class:`IrcBot` / :class:`IrcWatcher`: the watcher is an IRC operator present in every channel;
  it timestamps JOINs and QUITs and counts the flood as the server relays it.
- :class:`XmppBot` / :class:`XmppWatcher`: the same for XMPP, over STARTTLS (the test Prosody
  requires encryption) with SASL PLAIN inside TLS.
"""

from __future__ import annotations

import base64
import contextlib
import socket
import ssl
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from chinwag.testing.support import free_port, make_tls_files, require_binary
from tests.integration.irc.servers import IrcServer, inspircd_config
from tests.integration.support import LOOPBACK, ServerProcess

OPER_NAME, OPER_PASSWORD = "benchadmin", "bench-oper-pw"

# -- InspIRCd ------------------------------------------------------------------------------------

# (test config text, benchmark value, why)
_IRCD_CHANGES = (
    # InspIRCd 3.15 reads a bulk write at ~130 lines/s with the default buffer, even for an oper;
    # with 65000 a 20,000-line flood reaches the other clients in < 0.1 s.
    ('netbuffersize="10240"', 'netbuffersize="65000"', "read a flood at full speed"),
    # the flooder writes 20,000 lines (2 MB) at once
    ('recvq="65536"', 'recvq="8388608"', "room for a flood written at once"),
    ('hardsendq="4194304"', 'hardsendq="67108864"', "a slow reader is not cut off mid-flood"),
    # the scale benchmarks: 5,000 raw members in one channel, 1,000 channels per client
    ('localmax="1000" globalmax="1000"', 'localmax="20000" globalmax="20000"', "5,000 members"),
    ('softlimit="1024" somaxconn="128"', 'softlimit="12000" somaxconn="4096"', "5,000 members"),
    ('maxchans="200"', 'maxchans="5000"', "1,000 channels"),
    (
        '<channels users="200" opers="200">',
        '<channels users="5000" opers="5000">',
        "1,000 channels",
    ),
)
_IRCD_EXTRA = f"""
# benchmark additions: an operator (SAJOIN puts a peer into the channels; opers are exempt from
# the per-user flood penalty that would otherwise pace the flooder)
<module name="sajoin">
# the member-scale benchmark: joins hidden (+u) while a crowd of 5,000 joins, else N² JOIN lines
<module name="auditorium">
# ... and the churn after it: joins and parts hidden from the crowd, shown to channel operators
<auditorium opvisible="no" opcansee="yes" opercansee="yes">
<class name="BenchAll" commands="*" privs="*" usermodes="*" chanmodes="*" snomasks="*">
<type name="BenchAdmin" classes="BenchAll" host="admin.bench">
<oper name="{OPER_NAME}" password="{OPER_PASSWORD}" host="*@*" type="BenchAdmin">
"""


def bench_inspircd_config(directory: Path, tls: Any) -> str:
    text = inspircd_config(directory, tls)
    for old, new, _why in _IRCD_CHANGES:
        if old not in text:
            raise RuntimeError(f"the test InspIRCd config changed: {old!r} is gone")
        text = text.replace(old, new)
    return text + _IRCD_EXTRA


def start_bench_inspircd(directory: Path) -> IrcServer:
    """The tests' InspIRCd (same modules, same ports layout), limits raised, no services."""
    inspircd = require_binary("inspircd", "apt-get install inspircd")
    directory.mkdir(parents=True, exist_ok=True)
    tls = make_tls_files(directory / "tls")
    ports = {"PLAIN": free_port(), "TLS": free_port(), "LINK": free_port(), "PASS": free_port()}
    while len(set(ports.values())) < 4:
        ports = {k: free_port() for k in ports}
    config = directory / "inspircd.conf"
    config.write_text(bench_inspircd_config(directory, tls))
    server = IrcServer(
        "inspircd", ports["PLAIN"], ports["TLS"], ports["PASS"], tls, directory=directory
    )
    ircd = ServerProcess(
        "inspircd",
        [inspircd, "--config", str(config), "--nofork", "--runasroot"],
        log_path=directory / "inspircd.out",
        env={f"CHINWAG_IRC_{k}": str(v) for k, v in ports.items()},
        cwd=directory,
    )
    server.processes.append(ircd.start(wait_ports=tuple(ports.values())))
    return server


# -- IRC bots ------------------------------------------------------------------------------------


class IrcBot:
    """A registered IRC client; a reader thread answers PING and hands lines to ``on_line``."""

    def __init__(
        self, port: int, nick: str, on_line: Callable[[float, str], None] | None = None
    ) -> None:
        self.nick = nick
        self.sock = socket.create_connection((LOOPBACK, port), timeout=30)
        self.sock.settimeout(None)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.on_line = on_line
        self.cond = threading.Condition()
        self.numerics: set[str] = set()
        self.recent: list[str] = []
        self.closed = False
        self.reader: threading.Thread | None = threading.Thread(
            target=self._read, daemon=True, name=f"bot-{nick}"
        )
        self.reader.start()
        self.send(f"NICK {nick}")
        self.send(f"USER {nick[:10]} 0 * :benchmark bot")
        self.wait_numeric(("376", "422"))

    def send(self, line: str) -> None:
        self.sock.sendall(line.encode() + b"\r\n")

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                data = self.sock.recv(262144)
            except OSError:
                data = b""
            if not data:
                with self.cond:
                    self.closed = True
                    self.cond.notify_all()
                return
            buffer += data
            *lines, buffer = buffer.split(b"\r\n")
            stamp = time.monotonic()
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                if line.startswith("PING"):
                    self.send("PONG" + line[4:])
                    continue
                if self.on_line is not None:
                    self.on_line(stamp, line)
                parts = line.split(" ", 3)
                if len(parts) > 1 and parts[1].isdigit():
                    with self.cond:
                        self.numerics.add(parts[1])
                        self.recent = [*self.recent[-20:], line]
                        self.cond.notify_all()

    def wait_numeric(self, wanted: Iterable[str], timeout: float = 30.0) -> None:
        wanted = set(wanted)
        deadline = time.monotonic() + timeout
        with self.cond:
            while not self.numerics & wanted:
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    raise RuntimeError(f"{self.nick}: no {sorted(wanted)}; got {self.recent[-5:]}")
                self.cond.wait(left)

    def oper(self) -> None:
        self.numerics.discard("381")
        self.send(f"OPER {OPER_NAME} {OPER_PASSWORD}")
        self.wait_numeric(("381",))

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.send("QUIT :done")
        _close(self.sock, self.reader)


def _close(sock: socket.socket, reader: threading.Thread | None) -> None:
    """Shut the socket down and let its reader thread end *before* the descriptor is closed:
    a reader still blocked on a closed descriptor number would read the next connection that
    gets the same number (with TLS, OpenSSL keeps using the number)."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    if reader is not None and reader is not threading.current_thread():
        reader.join(10)
    with contextlib.suppress(OSError):
        sock.close()


class Watcher:
    """What the harness learns from the server: who joined where and when, who quit, and when
    the flood's END line was relayed. Shared by the IRC and XMPP watchers."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.joins: dict[tuple[str, str], float] = {}
        self.quits: dict[str, str] = {}
        self.token: str | None = None
        self.flood_count = 0
        self.flood_end: float | None = None

    def _flood_line(self, stamp: float, text: str) -> None:
        if self.token and self.token in text:
            self.flood_count += 1
            if "END-" + self.token in text:
                with self.cond:
                    self.flood_end = stamp
                    self.cond.notify_all()

    def start_flood(self, token: str) -> None:
        with self.cond:
            self.token, self.flood_end, self.flood_count = token, None, 0

    def wait_joins(self, nick: str, rooms: Iterable[str], timeout: float) -> float:
        """When the last of ``rooms`` saw ``nick`` join (monotonic)."""
        want = {(nick.lower(), r.lower()) for r in rooms}
        deadline = time.monotonic() + timeout
        with self.cond:
            while not want <= self.joins.keys():
                left = deadline - time.monotonic()
                if left <= 0:
                    missing = sorted(r for _, r in want - self.joins.keys())
                    raise RuntimeError(f"{nick} did not join {len(missing)}: {missing[:5]}")
                self.cond.wait(min(left, 0.5))
            return max(self.joins[k] for k in want)

    def forget(self, nick: str) -> None:
        nick = nick.lower()
        with self.cond:
            self.quits.pop(nick, None)
            for key in [k for k in self.joins if k[0] == nick]:
                del self.joins[key]

    def wait_quit(self, nick: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.cond:
            while nick.lower() not in self.quits:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(min(left, 0.5))
        return True


class IrcWatcher(Watcher):
    def __init__(self, port: int, nick: str = "watcher") -> None:
        super().__init__()
        self.bot = IrcBot(port, nick, self._line)
        self.bot.oper()

    def _line(self, stamp: float, line: str) -> None:
        if not line.startswith(":"):
            return
        parts = line.split(" ", 3)
        if len(parts) < 3:
            return
        nick = parts[0][1:].split("!", 1)[0].lower()
        command = parts[1]
        if command == "PRIVMSG":
            self._flood_line(stamp, line)
        elif command == "JOIN":
            with self.cond:
                self.joins.setdefault((nick, parts[2].lstrip(":").lower()), stamp)
                self.cond.notify_all()
        elif command == "QUIT":
            with self.cond:
                self.quits[nick] = line
                self.cond.notify_all()

    def join(self, channels: list[str]) -> None:
        for i in range(0, len(channels), 20):
            self.bot.send("JOIN " + ",".join(channels[i : i + 20]))
        self.wait_joins(self.bot.nick, channels, 60)

    def force_join(self, nick: str, channels: list[str]) -> None:
        for i in range(0, len(channels), 10):
            self.bot.send(f"SAJOIN {nick} {','.join(channels[i : i + 10])}")


def irc_flood(channel: str, token: str, count: int) -> bytes:
    """``count`` PRIVMSG lines; the last carries ``END-<token>``."""
    filler = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"
    lines = [f"PRIVMSG {channel} :{token} {i:06d} {filler}" for i in range(1, count)]
    lines.append(f"PRIVMSG {channel} :END-{token} {count:06d}")
    return ("\r\n".join(lines) + "\r\n").encode()


# -- XMPP bots -----------------------------------------------------------------------------------

STREAMS = "http://etherx.jabber.org/streams"
CLIENT = "{jabber:client}"


class XmppBot:
    """A signed-in XMPP client: STARTTLS (trusting the test CA), SASL PLAIN, bind, presence.
    A reader thread answers pings and hands every other top-level stanza to ``on_stanza``."""

    def __init__(
        self,
        port: int,
        jid: str,
        password: str,
        ca_file: Path,
        *,
        resource: str = "bench",
        on_stanza: Callable[[float, ET.Element], None] | None = None,
        reader: bool = True,
    ) -> None:
        self.jid = jid
        self.user, self.domain = jid.split("@", 1)
        self.on_stanza = on_stanza
        # The reader thread answers pings and unlocks rooms while the caller's thread joins: two
        # writers on one TLS socket corrupt OpenSSL's write state (SSLError BAD_LENGTH).
        self._send_lock = threading.Lock()
        raw = socket.create_connection((LOOPBACK, port), timeout=30)
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock: socket.socket = raw
        self._open()
        features = self._next()
        if features.find("{urn:ietf:params:xml:ns:xmpp-tls}starttls") is None:
            raise RuntimeError(f"{jid}: no STARTTLS offered")
        self.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        if not self._next().tag.endswith("proceed"):
            raise RuntimeError(f"{jid}: STARTTLS refused")
        context = ssl.create_default_context(cafile=str(ca_file))
        self.sock = context.wrap_socket(raw, server_hostname=self.domain)
        self._open()
        self._next()
        plain = base64.b64encode(f"\0{self.user}\0{password}".encode()).decode()
        self.send(
            f"<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>{plain}</auth>"
        )
        if not self._next().tag.endswith("success"):
            raise RuntimeError(f"{jid}: authentication failed")
        self._open()
        self._next()
        self.send(
            "<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            f"<resource>{escape(resource)}</resource></bind></iq>"
        )
        answer = self._next()
        if answer.get("type") != "result":
            raise RuntimeError(f"{jid}: bind failed")
        self.full_jid = answer.findtext(".//{urn:ietf:params:xml:ns:xmpp-bind}jid") or jid
        self.send("<presence/>")
        self.sock.settimeout(None)
        self.reader: threading.Thread | None = None
        if reader:
            self.reader = threading.Thread(target=self._read, daemon=True, name=f"xbot-{resource}")
            self.reader.start()

    def send(self, text: str) -> None:
        with self._send_lock:
            self.sock.sendall(text.encode())

    def _open(self) -> None:
        self.parser = ET.XMLPullParser(events=("start", "end"))
        self.depth = 0
        self.root: ET.Element | None = None
        self.pending: list[ET.Element] = []
        self.send(
            f"<?xml version='1.0'?><stream:stream to='{self.domain}' xmlns='jabber:client' "
            f"xmlns:stream='{STREAMS}' version='1.0'>"
        )

    def _feed(self, data: bytes) -> None:
        self.parser.feed(data)
        for event, element in self.parser.read_events():
            assert isinstance(element, ET.Element)
            if event == "start":
                self.depth += 1
                if self.depth == 1:
                    self.root = element
            else:
                self.depth -= 1
                if self.depth == 1 and self.root is not None:
                    self.pending.append(element)
                    self.root.remove(element)

    def _next(self, timeout: float = 30.0) -> ET.Element:
        self.sock.settimeout(timeout)
        while not self.pending:
            data = self.sock.recv(65536)
            if not data:
                raise RuntimeError(f"{self.jid}: stream closed")
            self._feed(data)
        return self.pending.pop(0)

    def _read(self) -> None:
        while True:
            try:
                data = self.sock.recv(262144)
            except OSError:
                return
            if not data:
                return
            stamp = time.monotonic()
            try:
                self._feed(data)
            except ET.ParseError:  # e.g. data after the server closed the stream: keep draining
                self.on_stanza = None
                self._feed = lambda _data: None  # type: ignore[method-assign]
                continue
            items, self.pending = self.pending, []
            for element in items:
                if element.tag == CLIENT + "iq" and element.get("type") == "get":
                    self.send(
                        f"<iq type='result' id={quoteattr(element.get('id', ''))} "
                        f"to={quoteattr(element.get('from', ''))}/>"
                    )
                elif self.on_stanza is not None:
                    self.on_stanza(stamp, element)

    def join(self, room_jid: str, nick: str) -> None:
        """Enter a MUC without history; a new room is unlocked at once (instant room)."""
        self.send(
            f"<presence to={quoteattr(room_jid + '/' + nick)}>"
            "<x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x></presence>"
        )

    def unlock(self, room_jid: str) -> None:
        """Accept the default configuration of a room this bot just created (XEP-0045 10.1.2)."""
        self.send(
            f"<iq type='set' to={quoteattr(room_jid)} id='unlock'>"
            "<query xmlns='http://jabber.org/protocol/muc#owner'>"
            "<x xmlns='jabber:x:data' type='submit'/></query></iq>"
        )

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.send("</stream:stream>")
        _close(self.sock, self.reader)


class XmppWatcher(Watcher):
    """An occupant of every room; joins are keyed (nick, room localpart)."""

    def __init__(self, port: int, jid: str, password: str, ca_file: Path, muc: str) -> None:
        super().__init__()
        self.muc = muc
        self.nick = "watcher"
        self.bot = XmppBot(port, jid, password, ca_file, on_stanza=self._stanza)

    def _stanza(self, stamp: float, element: ET.Element) -> None:
        sender = element.get("from", "")
        if f"@{self.muc}/" not in sender:
            return
        room, nick = sender.split("@", 1)[0], sender.split("/", 1)[1]
        if element.tag == CLIENT + "message" and element.get("type") == "groupchat":
            self._flood_line(stamp, element.findtext(CLIENT + "body") or "")
        elif element.tag == CLIENT + "presence":
            with self.cond:
                if element.get("type") == "unavailable":
                    self.quits[nick.lower()] = "unavailable"
                    self.joins.pop((nick.lower(), room.lower()), None)
                elif element.get("type") is None:
                    created = any(
                        s.get("code") == "201"
                        for s in element.iter("{http://jabber.org/protocol/muc#user}status")
                    )
                    if created:
                        self.bot.unlock(f"{room}@{self.muc}")
                    self.joins.setdefault((nick.lower(), room.lower()), stamp)
                self.cond.notify_all()

    def join(self, rooms: list[str]) -> None:
        for room in rooms:
            self.bot.join(f"{room}@{self.muc}", self.nick)
        self.wait_joins(self.nick, rooms, 60)


def xmpp_flood(room_jid: str, token: str, count: int) -> bytes:
    filler = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"
    to = quoteattr(room_jid)
    out = [
        f"<message to={to} type='groupchat' id='f{i}'><body>{token} {i:06d} {filler}</body></message>"
        for i in range(1, count)
    ]
    out.append(
        f"<message to={to} type='groupchat' id='f{count}'><body>END-{token} {count:06d}</body></message>"
    )
    return "".join(out).encode()
