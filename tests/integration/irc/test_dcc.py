"""Files over DCC between two backends through the real InspIRCd, on loopback: sent and received
(active and passive), resumed after a cut, declined, too large for the receiver, and hostile
offers (addresses, ports, names, sizes) refused without a connection or a file."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from app import facts as f
from app.backend import Capability, FailureKind
from app.models import ConversationId
from tests.integration.irc.helpers import BackendFactory, Made
from tests.integration.irc.peer import Peer, unique_channel
from tests.integration.irc.servers import IrcServer

pytestmark = pytest.mark.integration
OpenPeer = Callable[..., Awaitable[Peer]]
MB = 1024 * 1024


def conv(made: Made, native: str) -> ConversationId:
    return ConversationId(made.rec.account_id, native.lower())


def a_file(tmp_path: Path, size: int, name: str = "photo album.bin") -> Path:
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Progress:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))


async def pair(server: IrcServer, backends: BackendFactory, **sender: object) -> tuple[Made, Made]:
    alice, bob = await asyncio.gather(
        backends.connected(server, **sender), backends.connected(server)
    )
    await bob.backend.add_contact(alice.backend.own_id)  # bob knows alice: no question asked
    return alice, bob


async def offered(made: Made, name: str) -> f.MessageReceived:
    fact: f.MessageReceived = await made.wait_fact(
        f.MessageReceived, lambda x: bool(x.attachments) and x.attachments[0].filename == name
    )
    return fact


@pytest.mark.parametrize("passive", [False, True], ids=["active", "passive"])
async def test_a_file_goes_from_one_to_the_other(
    inspircd_server: IrcServer, backends: BackendFactory, tmp_path: Path, passive: bool
) -> None:
    alice, bob = await pair(inspircd_server, backends, dcc_passive=passive)
    assert alice.backend.capabilities(conv(alice, bob.backend.own_id)) & Capability.FILES
    assert not alice.backend.capabilities(conv(alice, "#chan")) & Capability.FILES
    source = a_file(tmp_path, 3 * MB + 17)
    sent_progress, got_progress = Progress(), Progress()
    upload = asyncio.create_task(
        alice.backend.upload(conv(alice, bob.backend.own_id), source, sent_progress)
    )
    message = await offered(bob, source.name)
    assert message.conversation == alice.backend.own_id.lower()
    attachment = message.attachments[0]
    assert attachment.size == source.stat().st_size
    target = tmp_path / "downloads" / "album.bin"
    target.parent.mkdir()
    got = await bob.backend.download(attachment.url, target, got_progress)
    assert got.ok, got.failure
    sent = await upload
    assert sent.ok, sent.failure
    assert digest(target) == digest(source)
    assert got_progress.calls[-1] == (source.stat().st_size, source.stat().st_size)
    assert sent_progress.calls[-1][0] == source.stat().st_size
    assert 2 < len(got_progress.calls) <= 110  # about every percent, not every chunk
    # Nothing left behind in the account's folder once the file is where it belongs.
    assert not list((bob.backend.ctx.data_dir / "dcc").glob("*.part"))


async def test_a_cut_transfer_resumes_where_it_stopped(
    inspircd_server: IrcServer, backends: BackendFactory, tmp_path: Path
) -> None:
    alice, bob = await pair(inspircd_server, backends)
    source = a_file(tmp_path, 8 * MB, "big.bin")
    where = conv(alice, bob.backend.own_id)
    first_upload = asyncio.create_task(alice.backend.upload(where, source, Progress()))
    first = await offered(bob, source.name)
    target = tmp_path / "big.bin.copy"
    cut_at = 2 * MB

    downloading: asyncio.Task[object]

    def cut(done: int, total: int) -> None:
        if done >= cut_at:
            downloading.cancel()  # the connection drops part-way

    downloading = asyncio.create_task(bob.backend.download(first.attachments[0].url, target, cut))
    with pytest.raises(asyncio.CancelledError):
        await downloading
    cut_upload = await first_upload
    assert cut_upload.failure is not None  # alice sees it did not arrive
    assert not target.exists()

    # Alice offers it again; bob's download asks to resume and only the rest travels.
    mark = bob.mark()
    second_upload = asyncio.create_task(alice.backend.upload(where, source, Progress()))
    second: f.MessageReceived = await bob.wait_fact(
        f.MessageReceived, lambda x: bool(x.attachments), after=mark
    )
    progress = Progress()
    got = await bob.backend.download(second.attachments[0].url, target, progress)
    assert got.ok, got.failure
    assert (await second_upload).ok
    assert digest(target) == digest(source)
    assert progress.calls[0][0] >= cut_at  # it started where the cut left it


async def test_a_declined_file_and_a_stranger_asked_first(
    inspircd_server: IrcServer, backends: BackendFactory, tmp_path: Path
) -> None:
    alice, bob = await asyncio.gather(
        backends.connected(inspircd_server), backends.connected(inspircd_server)
    )
    source = a_file(tmp_path, 1000, "hello.txt")
    where = conv(alice, bob.backend.own_id)
    upload = asyncio.create_task(alice.backend.upload(where, source, Progress()))
    question: f.FileOffered = await bob.wait_fact(f.FileOffered)
    assert (question.contact, question.filename, question.size) == (
        alice.backend.own_id,
        "hello.txt",
        1000,
    )
    assert not [x for x in bob.of(f.MessageReceived) if x.attachments]  # not shown before yes
    assert (await bob.backend.answer_file_offer(question.offer_id, False)).ok
    declined = await upload
    assert declined.failure is not None and declined.failure.kind is FailureKind.REJECTED

    # Asked again, bob says yes: the offer shows as a file, and later offers need no question.
    upload = asyncio.create_task(alice.backend.upload(where, source, Progress()))
    mark = bob.mark()
    again: f.FileOffered = await bob.wait_fact(f.FileOffered, after=mark)
    assert (await bob.backend.answer_file_offer(again.offer_id, True)).ok
    shown = await offered(bob, "hello.txt")
    target = tmp_path / "hello.copy"
    assert (await bob.backend.download(shown.attachments[0].url, target, Progress())).ok
    assert (await upload).ok
    assert target.read_bytes() == source.read_bytes()
    assert len(bob.of(f.FileOffered)) == 2


async def test_a_file_over_the_size_cap_is_refused(
    inspircd_server: IrcServer, backends: BackendFactory, tmp_path: Path
) -> None:
    alice = await backends.connected(inspircd_server)
    bob = await backends.connected(inspircd_server, dcc_max_mb=1)
    await bob.backend.add_contact(alice.backend.own_id)
    source = a_file(tmp_path, 2 * MB, "too-big.bin")
    result = await alice.backend.upload(conv(alice, bob.backend.own_id), source, Progress())
    assert result.failure is not None and result.failure.kind is FailureKind.REJECTED
    refused = await bob.wait_fact(f.BadInput, lambda x: x.what == "DCC offer refused")
    assert "larger" in refused.detail
    assert not [x for x in bob.of(f.MessageReceived) if x.attachments]


HOSTILE = [
    ("private address", "SEND safe.txt 167772161 5000 100"),  # 10.0.0.1 through a loopback server
    ("private v6", "SEND safe.txt fd00::1 5000 100"),
    ("broadcast", "SEND safe.txt 4294967295 5000 100"),
    ("unspecified", "SEND safe.txt 0 5000 100"),
    ("port 0 without a token", "SEND safe.txt 2130706433 0 100"),
    ("port too large", "SEND safe.txt 2130706433 70000 100"),
    ("dot dot slash", "SEND ../../.bashrc 2130706433 5000 100"),
    ("quoted escape", 'SEND "../x y" 2130706433 5000 100'),
    ("backslash", "SEND ..\\\\evil 2130706433 5000 100"),
    ("control character", "SEND bad\x07name 2130706433 5000 100"),
    ("size 2^64", f"SEND safe.txt 2130706433 5000 {2**64}"),
    ("negative size", "SEND safe.txt 2130706433 5000 -1"),
    ("garbage", 'SEND "unterminated 1 2 3'),
]


async def test_hostile_offers_are_refused_with_a_log_line(
    inspircd_server: IrcServer,
    backends: BackendFactory,
    peers: OpenPeer,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    made = await backends.connected(inspircd_server)
    peer = await peers(inspircd_server)
    await made.backend.add_contact(peer.nick)  # even a contact's offers are checked
    caplog.set_level(logging.WARNING)
    for _, args in HOSTILE:
        await peer.privmsg(made.backend.own_id, f"\x01DCC {args}\x01")
    await peer.privmsg(made.backend.own_id, "after the offers")
    await made.wait_fact(f.MessageReceived, lambda x: x.body == "after the offers")
    refused = made.of(f.BadInput)
    assert len([x for x in refused if x.what == "DCC offer refused"]) == len(HOSTILE)
    assert len([r for r in caplog.records if "refused a DCC offer" in r.getMessage()]) == len(
        HOSTILE
    )
    assert not [x for x in made.of(f.MessageReceived) if x.attachments]
    assert not made.of(f.FileOffered)
    assert not list(made.backend.ctx.data_dir.rglob("*.part"))
    assert made.backend.connected  # nothing broke


async def test_dcc_in_a_channel_is_not_offered(
    inspircd_server: IrcServer, backends: BackendFactory, tmp_path: Path
) -> None:
    made = await backends.connected(inspircd_server)
    channel = unique_channel()
    await made.backend.join(channel)
    result = await made.backend.upload(conv(made, channel), a_file(tmp_path, 10), Progress())
    assert result.failure is not None and result.failure.kind is FailureKind.UNSUPPORTED


async def test_an_offer_nobody_took_ends_with_the_connection(
    inspircd_server: IrcServer, backends: BackendFactory, tmp_path: Path
) -> None:
    alice, bob = await asyncio.gather(
        backends.connected(inspircd_server), backends.connected(inspircd_server)
    )
    source = a_file(tmp_path, 100, "waiting.txt")
    upload = asyncio.create_task(
        alice.backend.upload(conv(alice, bob.backend.own_id), source, Progress())
    )
    await bob.wait_fact(f.FileOffered)  # asked, and nobody answers
    await alice.backend.disconnect()
    result = await asyncio.wait_for(upload, 10)  # not the two minutes an offer may wait
    assert result.failure is not None and result.failure.retryable
    assert "connection closed" in result.failure.message
