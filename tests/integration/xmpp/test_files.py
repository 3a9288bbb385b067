"""Files: HTTP File Upload (XEP-0363) with progress; out-of-band links (XEP-0066) as attachments."""

from __future__ import annotations

import asyncio
import os
import ssl
import urllib.request
from pathlib import Path

import pytest

from app import facts as f
from app.backend import FailureKind, OutgoingMessage
from app.models import Attachment, ConversationId
from tests.integration.xmpp.conftest import Backends, PeerFactory
from tests.integration.xmpp.peer import Peer
from tests.integration.xmpp.server import ProsodyServer

pytestmark = pytest.mark.integration

OOB = "{jabber:x:oob}"


def download(url: str, ca_file: Path) -> bytes:
    context = ssl.create_default_context(cafile=str(ca_file))
    with urllib.request.urlopen(url, context=context, timeout=15) as response:
        data: bytes = response.read()
        return data


async def test_upload_with_progress_then_download(
    prosody: ProsodyServer, xmpp: Backends, tmp_path: Path
) -> None:
    me = await xmpp.open()
    content = os.urandom(300_000)
    path = tmp_path / "holiday photo.jpg"
    path.write_bytes(content)
    seen: list[tuple[int, int]] = []
    outcome = await me.backend.upload(
        ConversationId(me.rec.account_id, "x@localhost"), path, lambda d, t: seen.append((d, t))
    )
    assert outcome.ok, outcome.failure
    url = outcome.value
    assert url is not None and url.startswith(f"https://{prosody.domain}:{prosody.https_port}/")
    assert seen[0] == (0, len(content)) and seen[-1] == (len(content), len(content))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 2
    assert await asyncio.to_thread(download, url, prosody.tls.ca_cert) == content

    got: list[tuple[int, int]] = []
    target = tmp_path / "downloaded.jpg"
    fetched = await me.backend.download(url, target, lambda d, t: got.append((d, t)))
    assert fetched.ok, fetched.failure
    assert target.read_bytes() == content and got[-1] == (len(content), len(content))
    assert not (tmp_path / "downloaded.jpg.part").exists()


async def test_upload_trusts_a_pinned_certificate(
    prosody: ProsodyServer, xmpp: Backends, tmp_path: Path
) -> None:
    me = await xmpp.open(ca_file="", trusted_fingerprint=prosody.tls.fingerprint_sha256)
    path = tmp_path / "notes.txt"
    path.write_text("pinned, not verified by a CA")
    outcome = await me.backend.upload(
        ConversationId(me.rec.account_id, "x@localhost"), path, lambda d, t: None
    )
    assert outcome.ok, outcome.failure
    assert outcome.value
    target = tmp_path / "back.txt"
    assert (await me.backend.download(outcome.value, target, lambda d, t: None)).ok
    assert target.read_text() == "pinned, not verified by a CA"


async def test_too_large_file_is_refused_before_uploading(xmpp: Backends, tmp_path: Path) -> None:
    me = await xmpp.open()
    path = tmp_path / "huge.bin"
    with path.open("wb") as out:
        out.truncate(11 * 1024 * 1024)
    calls: list[tuple[int, int]] = []
    outcome = await me.backend.upload(
        ConversationId(me.rec.account_id, "x@localhost"), path, lambda d, t: calls.append((d, t))
    )
    assert outcome.failure is not None and outcome.failure.kind is FailureKind.REJECTED
    assert "too large" in outcome.failure.message and not calls


async def test_attachments_are_sent_and_received_as_out_of_band_links(
    xmpp: Backends,
    peers: PeerFactory,
    tmp_path: Path,
) -> None:
    me = await xmpp.open()
    peer: Peer = await peers()
    conv = ConversationId(me.rec.account_id, peer.jid)
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 fake")
    url = (await me.backend.upload(conv, path, lambda d, t: None)).value
    assert url
    attachment = Attachment(url=url, filename="report.pdf", mime_type="application/pdf")
    await me.backend.send_message(
        conv, OutgoingMessage("txn-file", "report.pdf", attachments=(attachment,))
    )
    wire = await peer.wait_body(url)  # the bare URL: what other clients show inline
    assert wire.findtext(f"{OOB}x/{OOB}url") == url

    peer.chat(
        me.account.jid,
        "https://files.example.org/share/Summer%20trip.png",
        extra="<x xmlns='jabber:x:oob'><url>https://files.example.org/share/Summer%20trip.png</url></x>",
    )
    got = await me.wait(f.MessageReceived, lambda m: bool(m.attachments))
    assert [(a.url, a.filename) for a in got.attachments] == [
        ("https://files.example.org/share/Summer%20trip.png", "Summer trip.png")
    ]
