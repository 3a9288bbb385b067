"""A session on no socket, for the unit tests of one service: lines go in through ``feed``,
what the service writes is kept in ``sent``, facts in ``facts``."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from app import facts as f
from backends.irc.protocol import parse_line
from backends.irc.session import IrcSession
from backends.irc.settings import Tunables


class _Writer:
    """Stands in for :class:`backends.irc.transport.LineWriter`: every line is written at once."""

    def __init__(self, sent: list[str]) -> None:
        self.sent = sent
        self.usable = True

    def submit(self, line: str, *, urgent: bool = False) -> asyncio.Future[bool]:
        self.sent.append(line)
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        future.set_result(True)
        return future

    async def flush(self, timeout: float) -> None:
        return None

    async def close(self) -> None:
        self.usable = False


@dataclass
class Wire:
    session: IrcSession
    sent: list[str] = field(default_factory=list)
    facts: list[f.Fact] = field(default_factory=list)

    def feed(self, *lines: str) -> None:
        for text in lines:
            line = parse_line(text)
            assert line is not None, text
            self.session.dispatch(line)

    def of(self, kind: type[f.Fact]) -> list[f.Fact]:
        return [x for x in self.facts if isinstance(x, kind)]


def wire(caps: tuple[str, ...] = (), isupport: str = "", nick: str = "me") -> Wire:
    """A signed-in session with ``caps`` enabled and the ISUPPORT tokens in ``isupport``."""
    facts: list[f.Fact] = []
    session = IrcSession(
        facts.append, logging.LoggerAdapter(logging.getLogger("wire"), {}), Tunables()
    )
    made = Wire(session, facts=facts)
    session._writer = _Writer(made.sent)  # type: ignore[assignment]
    session.caps.enabled.update(caps)
    session.info.update(isupport.split())
    session.me.nick = nick
    session.registered = session.connected = True
    return made
