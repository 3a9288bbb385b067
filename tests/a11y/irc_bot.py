"""The other person in the accessibility tests: a plain IRC client on a thread.

It answers PINGs by itself for as long as the test package runs, so it can stay in the channel
between tests, and it records what it receives (to know when the app has joined).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from tests.integration.support import LOOPBACK


class IrcBot:
    def __init__(self, port: int, nick: str) -> None:
        self.nick = nick
        self.lines: list[str] = []
        self._sock = socket.create_connection((LOOPBACK, port), timeout=15)
        self._lock = threading.Lock()
        self._closed = False
        self._reader = threading.Thread(target=self._read, name=f"irc-bot-{nick}", daemon=True)
        self._reader.start()
        self.send(f"NICK {nick}")
        self.send(f"USER {nick[:10]} 0 * :Accessibility test bot")
        self.wait_for(lambda line: f" 001 {nick} " in line, 30)

    def send(self, line: str) -> None:
        with self._lock:
            self._sock.sendall(line.encode() + b"\r\n")

    def _read(self) -> None:
        buffer = b""
        self._sock.settimeout(1.0)
        while not self._closed:
            try:
                chunk = self._sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while b"\n" in buffer:
                raw, buffer = buffer.split(b"\n", 1)
                line = raw.decode(errors="replace").rstrip("\r")
                if line.startswith("PING"):
                    with contextlib.suppress(OSError):
                        self.send("PONG" + line[4:])
                self.lines.append(line)

    def wait_for(self, predicate: object, timeout: float = 20.0, start: int = 0) -> str:
        deadline = time.monotonic() + timeout
        seen = start
        while time.monotonic() < deadline:
            for line in self.lines[seen:]:
                if predicate(line):  # type: ignore[operator]
                    return line
            seen = len(self.lines)
            time.sleep(0.05)
        raise AssertionError(f"{self.nick}: no expected line in {timeout} s: {self.lines[-10:]}")

    def join(self, channel: str) -> None:
        start = len(self.lines)
        self.send(f"JOIN {channel}")
        self.wait_for(lambda line: f" 366 {self.nick} {channel} " in line, 20, start)

    def say(self, target: str, text: str) -> None:
        self.send(f"PRIVMSG {target} :{text}")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.send("QUIT :bye")
        self._closed = True
        self._sock.close()
