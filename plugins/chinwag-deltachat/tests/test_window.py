"""The window with a Delta Chat account, against Dovecot + Postfix on loopback and independent
Delta Chat cores: a contact request is answered with its buttons, by keyboard. "Accept" opens
an ordinary chat; "Block" (what declining means in Delta Chat, and what the button says) is
proven by mail: the blocked sender's next message is delivered to our mailbox and never shown,
nor asked about again, while a later message from someone else is."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chinwag_deltachat import DeltaChatBackend
from conftest import Mailbox, settings_for
from dc_peer import Peer
from mail_servers import MailServers
from tests.e2e.harness import Signed, signed_in_window


@pytest.fixture
def started(tmp_path: Path) -> Iterator[list[Peer]]:
    peers: list[Peer] = []
    yield peers
    for peer in peers:
        peer.stop()


def peer(mail: MailServers, box: Mailbox, tmp_path: Path, started: list[Peer]) -> Peer:
    name = box.address.split("@")[0]
    one = Peer(tmp_path / f"peer-{name}", mail, box.address, box.password, plain=True)
    started.append(one)
    one.start()
    return one


def bodies(signed: Signed) -> dict[str, list[str]]:
    """Every stored message of the account, by conversation (through core commands)."""
    core = signed.core
    found: dict[str, list[str]] = {}
    for conv in signed.call(core.conversations.list_conversations(signed.account_id)):
        page = signed.call(core.conversations.fetch_page(conv.id, None, 200))
        found[conv.id.native_id] = [m.body for m in page.messages]
    return found


def shown(signed: Signed, text: str) -> bool:
    return any(text in texts for texts in bodies(signed).values())


def test_a_contact_request_is_accepted_or_blocked_from_the_window(
    qtbot: QtBot,
    tmp_path: Path,
    mail: MailServers,
    mailbox: Callable[[str], Mailbox],
    started: list[Peer],
) -> None:
    me = mailbox("me")
    alice = peer(mail, mailbox("alice"), tmp_path, started)
    bob = peer(mail, mailbox("bob"), tmp_path, started)
    with signed_in_window(
        qtbot,
        tmp_path / "app",
        DeltaChatBackend,
        settings_for(mail, me, allow_unencrypted=True),
        {"password": me.password},
    ) as signed:
        a_chat = alice.chat_with(me.address)
        alice.send_text(a_chat, "may I write to you?")
        b_chat = bob.chat_with(me.address)
        bob.send_text(b_chat, "buy my stuff")

        requests = signed.window.requests
        signed.wait(lambda: {r.target for r in requests.requests} >= {alice.address, bob.address})
        assert all(r.declining_blocks for r in requests.requests)
        signed.answer_request(lambda r: r.target == alice.address, accept=True)
        blocked = signed.answer_request(lambda r: r.target == bob.address, accept=False)
        assert blocked.declining_blocks
        signed.wait(lambda: not requests.requests)

        # Accepted: an ordinary chat; what alice writes next is shown there.
        alice.send_text(a_chat, "thank you")
        signed.wait(lambda: shown(signed, "thank you"), timeout=90_000)
        alice_conv = next(n for n, texts in bodies(signed).items() if "thank you" in texts)
        signed.open(alice_conv)
        signed.wait(lambda: "thank you" in [m.body for m in signed.messages()])

        # Blocked: bob's next mail reaches our mailbox, but it is not shown, and nobody asks
        # again. Alice writes after it is delivered: Delta Chat fetches in IMAP UID order, so
        # once hers is shown, bob's has been dealt with.
        delivered = len(mail.wire_copies())
        bob.send_text(b_chat, "you cannot see me")
        mail.wait_delivered(me.address, delivered)
        alice.send_text(a_chat, "after bob")
        signed.wait(lambda: shown(signed, "after bob"), timeout=90_000)
        assert not shown(signed, "you cannot see me")
        assert not requests.requests
