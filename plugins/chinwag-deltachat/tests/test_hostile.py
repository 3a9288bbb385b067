"""Hostile mail, handed to the real Postfix (or, past its size limit, put straight into the
Maildir): each ends in a clear state — shown for what it is, or dropped — never a crash, a hang,
or a padlock it has not earned. After each, the account still works."""

from __future__ import annotations

import asyncio
import base64
import os
import time
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

from app.api import BadInput, ConversationKind, MessageReceived, OutgoingMessage, Trust
from app.api import utc_now as now
from conftest import Backends, Connected, PeerFactory
from dc_peer import Peer
from mail_servers import MailServers
from test_chat import conv, pair, received


def mail(sender: str, to: list[str], subject: str, text: str, **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now())
    msg["Message-ID"] = make_msgid(domain="example.org")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(text)
    return msg


async def still_works(conn: Connected, peer: Peer) -> None:
    """The account still sends and receives after the hostile mail."""
    text = f"still alive {uuid.uuid4().hex[:6]}"
    chat = await asyncio.to_thread(peer.chat_with, conn.box.address)
    await asyncio.to_thread(peer.send_text, chat, text)
    await received(conn, text)
    reply = await conn.backend.send_message(
        conv(conn, peer.address), OutgoingMessage(f"txn-{text}", f"re: {text}")
    )
    assert reply.ok, reply.failure
    await asyncio.to_thread(peer.wait_text, f"re: {text}")
    assert not any(isinstance(f, BadInput) for f in conn.facts)


@pytest.mark.parametrize("allow_unencrypted", [False, True])
async def test_forged_chat_version_from_a_verified_contact(
    backends: Backends, mailbox, peers: PeerFactory, mail: MailServers, allow_unencrypted: bool
) -> None:
    """Someone sends plain mail that claims to come from our verified peer, with Delta Chat's
    own headers. It must never show as encrypted or verified."""
    conn = await backends.open(mailbox("me"), allow_unencrypted=allow_unencrypted)
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)
    forged = mail_msg = globals()["mail"](
        peer.address,
        [conn.box.address],
        "Message from Delta Chat",
        "I am your verified friend, honest",
        Chat_Version="1.0",
        Chat_Disposition_Notification_To=peer.address,
    )
    del mail_msg
    delivered = len(mail.wire_copies())
    mail.smtp_send(forged, peer.address, [conn.box.address])
    await asyncio.to_thread(mail.wait_delivered, conn.box.address, delivered)
    await still_works(conn, peer)  # fetched after the forged mail, and handled after it
    forged_facts = [
        f for f in conn.facts if isinstance(f, MessageReceived) and "verified friend" in f.body
    ]
    assert len(forged_facts) == (1 if allow_unencrypted else 0)
    for fact in forged_facts:
        assert fact.trust is Trust.NONE, fact
        assert fact.conversation == f"mailto:{peer.address}", "mixed into the verified chat"
        assert "unencrypted" in fact.conversation_title
    print(f"forged Chat-Version mail, allow_unencrypted={allow_unencrypted}: {forged_facts}")


@pytest.mark.parametrize("allow_unencrypted", [False, True])
async def test_group_mail_from_a_stranger(
    backends: Backends, mailbox, peers: PeerFactory, mail: MailServers, allow_unencrypted: bool
) -> None:
    conn = await backends.open(mailbox("me"), allow_unencrypted=allow_unencrypted)
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)
    stranger = "mallory@elsewhere.example"
    group_mail = globals()["mail"](
        stranger,
        [conn.box.address, peer.address, "eve@elsewhere.example"],
        "Chat: Totally legit group",
        "join my group, click http://example.invalid",
        Chat_Version="1.0",
        Chat_Group_ID="FakeGroupId1234567890",
        Chat_Group_Name="Totally legit group",
    )
    delivered = len(mail.wire_copies())
    mail.smtp_send(group_mail, stranger, [conn.box.address])
    await asyncio.to_thread(mail.wait_delivered, conn.box.address, delivered)
    await still_works(conn, peer)
    shown = [f for f in conn.facts if isinstance(f, MessageReceived) and "join my group" in f.body]
    assert len(shown) == (1 if allow_unencrypted else 0)  # encrypted-only: not shown at all
    for fact in shown:
        assert fact.trust is Trust.NONE
        assert fact.sender == stranger
        assert fact.conversation_kind is ConversationKind.GROUP
        assert fact.conversation_title == "Totally legit group"
    print(f"stranger's group mail, allow_unencrypted={allow_unencrypted}: {shown}")


async def test_broken_autocrypt_headers(
    backends: Backends, mailbox, peers: PeerFactory, mail: MailServers
) -> None:
    conn = await backends.open(mailbox("me"), allow_unencrypted=True)
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)
    sender = "broken@elsewhere.example"
    delivered = len(mail.wire_copies())
    garbage = base64.b64encode(os.urandom(300)).decode()
    for i, header in enumerate(
        [
            f"addr={sender}; keydata=!!!not base64!!!",
            f"addr={sender}; prefer-encrypt=mutual; keydata={garbage}",
            "keydata=",
            "addr=; keydata=" + "A" * 10_000,
        ]
    ):
        bad = globals()["mail"](
            sender, [conn.box.address], f"broken {i}", f"broken autocrypt {i}", Autocrypt=header
        )
        mail.smtp_send(bad, sender, [conn.box.address])
    # and a PGP/MIME message whose encrypted part is garbage
    raw = (
        f"From: {sender}\r\nTo: {conn.box.address}\r\nSubject: ...\r\n"
        f"Message-ID: <{uuid.uuid4().hex}@elsewhere.example>\r\n"
        'MIME-Version: 1.0\r\nContent-Type: multipart/encrypted; protocol="application/pgp-encrypted";'
        ' boundary="b"\r\n\r\n--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n'
        "--b\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n\r\n"
        f"{garbage}\r\n-----END PGP MESSAGE-----\r\n--b--\r\n"
    ).encode()
    mail.smtp_send(raw, sender, [conn.box.address])
    for i in range(4):
        await received(conn, f"broken {i} – broken autocrypt {i}")
    await asyncio.to_thread(mail.wait_delivered, conn.box.address, delivered + 4)
    await still_works(conn, peer)
    shown = [f for f in conn.facts if isinstance(f, MessageReceived) and f.sender == sender]
    assert len(shown) == 4, shown  # the plain ones, their broken keys ignored; the PGP one dropped
    for fact in shown:
        assert fact.trust in (Trust.NONE, Trust.UNDECRYPTABLE), fact
    print(f"broken Autocrypt: {[(f.body[:30], f.trust.value) for f in shown]}")
    contacts = await asyncio.to_thread(
        peer.rpc.get_contacts, peer.account, 0, None
    )  # the peer is untouched too
    assert contacts is not None


async def test_a_50_mb_attachment_arrives_whole(
    backends: Backends, mailbox, peers: PeerFactory, mail: MailServers, tmp_path: Path
) -> None:
    """Larger than Postfix lets through, so it is put straight into the Maildir, as a provider
    with a higher limit would deliver it. It is shown with its size and can be saved."""
    conn = await backends.open(mailbox("me"), allow_unencrypted=True)
    peer = await peers(mailbox("peer"))
    await pair(conn, peer)
    sender = "big@elsewhere.example"
    msg = globals()["mail"](sender, [conn.box.address], "big file", "a big file for you")
    payload = os.urandom(50 * 1024 * 1024)
    msg.add_attachment(payload, maintype="application", subtype="octet-stream", filename="big.bin")
    mail.inject(conn.box.address, msg.as_bytes())
    del payload
    started = time.monotonic()
    fact = await conn.rec.wait_for(
        lambda f: isinstance(f, MessageReceived) and "a big file for you" in f.body, 180
    )
    print(f"50 MB mail fetched and shown in {time.monotonic() - started:.1f} s")
    assert isinstance(fact, MessageReceived)
    assert fact.body == "big file – a big file for you"  # plain mail: subject – text
    assert fact.trust is Trust.NONE
    assert len(fact.attachments) == 1
    attachment = fact.attachments[0]
    assert (attachment.filename, attachment.size) == ("big.bin", 50 * 1024 * 1024)
    target = tmp_path / "saved" / "big.bin"
    saved = await conn.backend.download(attachment.url, target, lambda d, t: None)
    assert saved.ok, saved.failure
    assert target.stat().st_size == 50 * 1024 * 1024
    target.unlink()
    await still_works(conn, peer)
