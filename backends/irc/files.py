"""Files over DCC SEND, both ways, with RESUME/ACCEPT, passive (reverse) DCC for people behind
NAT, a port range, progress, a size cap and a question before a stranger's file is shown.

An offer from someone in the contact list (or someone the person already said yes to) appears
as a message with the file attached; downloading it connects to the sender (or, for a passive
offer, listens and tells them where). An offer from anyone else is first put to the person as
a :class:`~app.facts.FileOffered` question. Sending offers a file to one person and returns when
it has arrived (or was declined, cut or never taken).

What arrives goes to a ``.part`` file in the account's own folder, named after the sender, the
file name and its size, so an offer of the same file again resumes where a cut transfer
stopped; only a complete file is moved to the destination the core chose.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ipaddress
import secrets
import shutil
import struct
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import Attachment, ConversationKind
from backends.irc import ctcp, dcc
from backends.irc.protocol import format_line
from backends.irc.session import IrcSession
from backends.irc.settings import Settings
from backends.irc.state import SavedState

CHUNK = 64 * 1024
MAX_OFFERS = 32  # open offers to us kept at once; a flood drops the oldest
URL_PREFIX = "dcc:"
Progress = Callable[[int, int], None]


class _Paced:
    """Progress said about every percent (a 2 GB file is 32,000 chunks, not 32,000 events)."""

    def __init__(self, progress: Progress, size: int) -> None:
        self._progress = progress
        self._size = size
        self._step = max(CHUNK, size // 100)
        self._said = -1

    def __call__(self, done: int) -> None:
        if done >= self._size or self._said < 0 or done - self._said >= self._step:
            self._said = done
            self._progress(done, self._size)


@dataclass
class _Offer:
    """A file offered to us."""

    nick: str
    send: dcc.Send
    resumed: asyncio.Future[int] | None = None  # the sender's ACCEPT of our RESUME


@dataclass
class _Sending:
    """A file we offered, waiting to be taken."""

    nick: str  # folded
    name: str
    size: int
    port: int  # ours (active), or 0 (passive)
    token: str
    position: int = 0
    answer: asyncio.Future[dcc.Send | dcc.Reject | dcc.Refused] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class DccFiles:
    """See the module docstring."""

    def __init__(
        self,
        session: IrcSession,
        saved: SavedState,
        settings: Settings,
        folder: Path,
    ) -> None:
        self._session = session
        self._saved = saved
        self._settings = settings
        self._folder = folder
        self._offers: OrderedDict[str, _Offer] = OrderedDict()
        self._asked: dict[str, _Offer] = {}  # offers put to the person as a question
        self._trusted: set[str] = set()  # folded nicks the person accepted a file from
        self._sending: list[_Sending] = []

    # -- settings ------------------------------------------------------------------------------

    @property
    def max_size(self) -> int:
        try:
            megabytes = int(self._settings.raw("dcc_max_mb", 2048))
        except (TypeError, ValueError):
            megabytes = 2048
        return max(0, megabytes) * 1024 * 1024

    @property
    def passive(self) -> bool:
        return self._settings.flag("dcc_passive")

    def _ports(self) -> range:
        ports = dcc.parse_ports(self._settings.text("dcc_ports"))
        return range(ports[0], ports[1] + 1) if ports else range(0, 1)

    # -- what arrives --------------------------------------------------------------------------

    def on_ctcp(self, nick: str, request: ctcp.Ctcp) -> None:
        """A CTCP DCC from ``nick`` (already past the ignore list)."""
        parsed = dcc.parse(
            request.args, server=self._session.server_address, max_size=self.max_size
        )
        if parsed is None:
            self._session.log.info("ignored a DCC request we do not handle")
            return
        folded = self._session.info.fold(nick)
        match parsed:
            case dcc.Refused(reason):
                self._refused(nick, reason, request.args)
            case dcc.Send() as send:
                mine = self._ours(folded, send.filename, token=send.token or None)
                if mine is not None and send.token and mine.port == 0:
                    if not mine.answer.done():
                        mine.answer.set_result(send)  # where to connect for our passive offer
                else:
                    self._offered(nick, send)
            case dcc.Resume(accept=False) as resume:
                self._resume_asked(nick, folded, resume)
            case dcc.Resume(accept=True) as resume:
                self._resume_accepted(folded, resume)
            case dcc.Reject(filename):
                mine = self._ours(folded, filename)
                if mine is not None and not mine.answer.done():
                    mine.answer.set_result(parsed)

    def _refused(self, nick: str, reason: str, args: str) -> None:
        self._session.log.warning("refused a DCC offer from %s: %s", nick, reason)
        self._session.report(f.BadInput("DCC offer refused", f"{reason}: {args[:120]}"))
        self._session.report(
            f.ServiceNotice(
                CoreMessages.tr("A file from %1 was refused: %2.").arg(nick, reason),
                conversation=self._session.info.fold(nick),
            )
        )
        words = args.split()
        if "larger" in reason and len(words) > 1:  # tell the sender, who would wait otherwise
            self._ctcp(nick, f"REJECT SEND {words[1]}", notice=True)

    def _offered(self, nick: str, send: dcc.Send) -> None:
        offer_id = secrets.token_hex(8)
        while len(self._offers) >= MAX_OFFERS:
            old_id, _ = self._offers.popitem(last=False)
            self._asked.pop(old_id, None)
        offer = _Offer(nick, send)
        self._offers[offer_id] = offer
        folded = self._session.info.fold(nick)
        if folded in self._saved.watch or folded in self._trusted:
            self._show(offer_id, offer)
        else:
            self._asked[offer_id] = offer
            self._session.report(f.FileOffered(nick, offer_id, send.filename, send.size))

    def _show(self, offer_id: str, offer: _Offer) -> None:
        send = offer.send
        self._session.report(
            f.MessageReceived(
                conversation=self._session.info.fold(offer.nick),
                sender=offer.nick,
                body=send.filename,
                conversation_kind=ConversationKind.DIRECT,
                conversation_title=offer.nick,
                sender_name=offer.nick,
                attachments=(Attachment(URL_PREFIX + offer_id, send.filename, size=send.size),),
            )
        )

    def answer(self, offer_id: str, accept: bool) -> Outcome:
        """The person said yes or no to a file from someone not in their contacts."""
        offer = self._asked.pop(offer_id, None)
        if offer is None:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("That file offer is no longer open."))
            )
        if accept:
            self._trusted.add(self._session.info.fold(offer.nick))
            self._show(offer_id, offer)
        else:
            self._offers.pop(offer_id, None)
            self._ctcp(offer.nick, f"REJECT SEND {dcc.quote(offer.send.filename)}", notice=True)
        return Outcome()

    def _ours(self, folded: str, name: str, token: str | None = None) -> _Sending | None:
        for mine in self._sending:
            if mine.nick != folded:
                continue
            if (token is not None and mine.token == token) or (
                token is None and name in (mine.name, dcc.quote(mine.name))
            ):
                return mine
        return None

    def _resume_asked(self, nick: str, folded: str, resume: dcc.Resume) -> None:
        mine = self._ours(folded, resume.filename, token=resume.token or None)
        if mine is None or resume.port != mine.port or not 0 <= resume.position <= mine.size:
            self._session.log.info("ignored a DCC RESUME for nothing we offered")
            return
        mine.position = resume.position
        args = dcc.resume_args(
            mine.name,
            mine.port,
            resume.position,
            mine.token if mine.port == 0 else "",
            accept=True,
        )
        self._ctcp(nick, args)

    def _resume_accepted(self, folded: str, resume: dcc.Resume) -> None:
        for offer in self._offers.values():
            waiting = offer.resumed
            if (
                waiting is not None
                and not waiting.done()
                and self._session.info.fold(offer.nick) == folded
                and offer.send.port == resume.port
                and (not resume.token or resume.token == offer.send.token)
            ):
                waiting.set_result(resume.position)
                return

    def _ctcp(self, nick: str, args: str, *, notice: bool = False) -> asyncio.Future[bool]:
        command = "NOTICE" if notice else "PRIVMSG"
        return self._session.send(format_line(command, nick, ctcp.build("DCC", args)))

    def stop(self) -> None:
        """The connection is ending: offers waiting to be taken fail now, not after a timeout."""
        for mine in self._sending:
            if not mine.answer.done():
                mine.answer.set_result(dcc.Refused("the connection closed first"))

    # -- receiving -----------------------------------------------------------------------------

    def _part_file(self, offer: _Offer) -> Path:
        key = f"{self._session.info.fold(offer.nick)}\0{offer.send.filename}\0{offer.send.size}"
        return self._folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".part")

    async def download(self, url: str, destination: Path, progress: Progress) -> Outcome:
        offer_id = url.removeprefix(URL_PREFIX)
        offer = self._offers.get(offer_id)
        if not url.startswith(URL_PREFIX) or offer is None or offer_id in self._asked:
            return _failed(
                CoreMessages.tr("This file offer is no longer open (offers last one connection).")
            )
        send = offer.send
        part = self._part_file(offer)
        part.parent.mkdir(parents=True, exist_ok=True)
        have = part.stat().st_size if part.exists() else 0
        position = have if 0 < have < send.size else 0
        if position and not await self._ask_resume(offer, position):
            position = 0  # the sender will not resume: from the start
        try:
            streams = await self._open_for(offer)
            if isinstance(streams, Failure):
                return Outcome(streams)
            reader, writer = streams
            try:
                result = await self._receive(
                    reader,
                    writer=writer,
                    part=part,
                    position=position,
                    size=send.size,
                    progress=progress,
                )
            finally:
                writer.close()
                with contextlib.suppress(Exception):
                    await writer.wait_closed()
        except OSError as exc:
            return _failed(f"The transfer failed: {exc.strerror or exc}", retryable=True)
        if result is not None:
            return Outcome(result)
        await asyncio.to_thread(shutil.move, part, destination)
        self._offers.pop(offer_id, None)
        return Outcome(value=str(destination))

    async def _ask_resume(self, offer: _Offer, position: int) -> bool:
        send = offer.send
        offer.resumed = asyncio.get_running_loop().create_future()
        self._ctcp(
            offer.nick,
            dcc.resume_args(send.filename, send.port, position, send.token, accept=False),
        )
        try:
            async with asyncio.timeout(self._session.tunables.dcc_resume_timeout):
                return await offer.resumed == position
        except TimeoutError:
            return False
        finally:
            offer.resumed = None

    async def _open_for(
        self, offer: _Offer
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | Failure:
        send = offer.send
        timeout = self._session.tunables.dcc_timeout
        if not send.passive:
            try:
                async with asyncio.timeout(timeout):
                    return await asyncio.open_connection(str(send.address), send.port)
            except (OSError, TimeoutError) as exc:
                return Failure(
                    FailureKind.NETWORK,
                    CoreMessages.tr("Could not reach %1: %2").arg(offer.nick, exc),
                    retryable=True,
                )
        # Passive: we listen and tell the sender where.
        accepted: asyncio.Future[tuple[asyncio.StreamReader, asyncio.StreamWriter]]
        accepted = asyncio.get_running_loop().create_future()
        server = await self._listen(accepted)
        if isinstance(server, Failure):
            return server
        try:
            port = server.sockets[0].getsockname()[1]
            args = dcc.send_args(send.filename, self._own_address(), port, send.size, send.token)
            self._ctcp(offer.nick, args)
            async with asyncio.timeout(timeout):
                return await accepted
        except TimeoutError:
            return Failure(
                FailureKind.NETWORK,
                CoreMessages.tr("%1 did not connect.").arg(offer.nick),
                retryable=True,
            )
        finally:
            server.close()

    async def _receive(
        self,
        reader: asyncio.StreamReader,
        *,
        writer: asyncio.StreamWriter,
        part: Path,
        position: int,
        size: int,
        progress: Progress,
    ) -> Failure | None:
        """Read into ``part`` from ``position`` to ``size``, acknowledging as DCC asks."""
        total = position
        paced = _Paced(progress, size)
        paced(total)
        with part.open("r+b" if position else "wb") as out:
            out.seek(position)
            out.truncate()
            while total < size:
                chunk = await reader.read(min(CHUNK, size - total))
                if not chunk:
                    return Failure(
                        FailureKind.NETWORK,
                        CoreMessages.tr(
                            "The transfer was cut at %1 of %2 bytes; ask for the file again to resume."
                        ).arg(total, size),
                        retryable=True,
                    )
                out.write(chunk)
                total += len(chunk)
                writer.write(struct.pack("!I", total & 0xFFFFFFFF))
                paced(total)
        await writer.drain()
        return None

    # -- sending -------------------------------------------------------------------------------

    def _own_address(self) -> dcc.Address:
        return self._session.local_address or ipaddress.IPv4Address("127.0.0.1")

    async def _listen(
        self, accepted: asyncio.Future[tuple[asyncio.StreamReader, asyncio.StreamWriter]]
    ) -> asyncio.Server | Failure:
        def connected(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            if accepted.done():
                writer.close()  # one connection per transfer
            else:
                accepted.set_result((reader, writer))

        host = str(self._own_address())
        for port in self._ports():
            try:
                return await asyncio.start_server(connected, host, port)
            except OSError:
                continue
        return Failure(
            FailureKind.NETWORK, CoreMessages.tr("No free port for DCC in the configured range.")
        )

    async def upload(self, nick: str, path: Path, progress: Progress) -> Outcome:
        """Offer ``path`` to ``nick``; done when it arrived, was declined or never taken."""
        info = self._session.info
        if not nick or info.is_channel(nick):
            return Outcome(
                Failure(FailureKind.UNSUPPORTED, CoreMessages.tr("DCC sends a file to one person."))
            )
        try:
            size = path.stat().st_size
        except OSError as exc:
            return _failed(f"Cannot read {path.name}: {exc.strerror}")
        name = dcc.safe_name(path.name) or "file"
        passive = self.passive
        mine = _Sending(info.fold(nick), name, size, 0, secrets.token_hex(6) if passive else "")
        self._sending.append(mine)
        server: asyncio.Server | Failure | None = None
        accepted: asyncio.Future[tuple[asyncio.StreamReader, asyncio.StreamWriter]]
        accepted = asyncio.get_running_loop().create_future()
        try:
            if not passive:
                server = await self._listen(accepted)
                if isinstance(server, Failure):
                    return Outcome(server)
                mine.port = server.sockets[0].getsockname()[1]
            args = dcc.send_args(name, self._own_address(), mine.port, size, mine.token)
            if not await self._ctcp(nick, args):
                return Outcome(
                    Failure(
                        FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                    )
                )
            streams = await self._taken(mine, accepted)
            if isinstance(streams, Failure):
                return Outcome(streams)
            return await self._stream(mine, path, *streams, progress)
        finally:
            self._sending.remove(mine)
            if isinstance(server, asyncio.Server):
                server.close()

    async def _taken(
        self,
        mine: _Sending,
        accepted: asyncio.Future[tuple[asyncio.StreamReader, asyncio.StreamWriter]],
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | Failure:
        """Wait for the receiver: a connection (active), or where to connect (passive)."""
        timeout = self._session.tunables.dcc_timeout
        ended = asyncio.ensure_future(self._session.ended.wait())
        try:
            async with asyncio.timeout(timeout):
                waiting: set[asyncio.Future[object]] = {accepted, mine.answer, ended}  # type: ignore[arg-type]
                done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
                if ended in done and not accepted.done() and not mine.answer.done():
                    return Failure(
                        FailureKind.NETWORK,
                        CoreMessages.tr(
                            "Not sent: the connection closed before the file was taken."
                        ),
                        retryable=True,
                    )
                if accepted in done:
                    return accepted.result()
                answer = mine.answer.result()
                if isinstance(answer, dcc.Reject):
                    return Failure(
                        FailureKind.REJECTED,
                        CoreMessages.tr("%1 declined the file.").arg(mine.nick),
                    )
                if isinstance(answer, dcc.Refused):
                    return Failure(
                        FailureKind.NETWORK,
                        CoreMessages.tr("Not sent: %1.").arg(answer.reason),
                        retryable=True,
                    )
                return await asyncio.open_connection(str(answer.address), answer.port)
        except TimeoutError:
            return Failure(
                FailureKind.NETWORK,
                CoreMessages.tr("Nobody took the file in time."),
                retryable=True,
            )
        except OSError as exc:
            return Failure(
                FailureKind.NETWORK,
                CoreMessages.tr("Could not connect: %1").arg(exc),
                retryable=True,
            )
        finally:
            ended.cancel()
            if not accepted.done():
                accepted.cancel()

    async def _stream(
        self,
        mine: _Sending,
        path: Path,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        progress: Progress,
    ) -> Outcome:
        sent = mine.position
        expected = struct.pack("!I", mine.size & 0xFFFFFFFF)
        try:
            with path.open("rb") as source:
                source.seek(sent)
                paced = _Paced(progress, mine.size)
                paced(sent)
                while sent < mine.size:
                    chunk = source.read(CHUNK)
                    if not chunk:
                        return _failed(
                            CoreMessages.tr("%1 got shorter while it was sent.").arg(path.name)
                        )
                    writer.write(chunk)
                    await writer.drain()
                    sent += len(chunk)
                    paced(sent)
            # The receiver acknowledges with its running total; wait for the last one.
            async with asyncio.timeout(self._session.tunables.dcc_timeout):
                acks = b""
                while True:
                    data = await reader.read(4096)
                    if not data:
                        break
                    acks = (acks + data)[-4:]
                    if acks == expected:
                        break
            if acks != expected and mine.size:
                return _failed(
                    CoreMessages.tr("The file was sent but its arrival was not confirmed.")
                )
            return Outcome(value=URL_PREFIX + mine.name)
        except (OSError, TimeoutError) as exc:
            return _failed(
                CoreMessages.tr("The transfer was cut at %1 of %2 bytes (%3).").arg(
                    sent, mine.size, exc or "timeout"
                ),
                retryable=True,
            )
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


def _failed(message: str, *, retryable: bool = False) -> Outcome:
    return Outcome(Failure(FailureKind.NETWORK, message, retryable=retryable))
