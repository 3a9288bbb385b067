"""The pure conversions, table by table (no core, no servers)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.api import (
    ConversationId,
    ConversationKind,
    DeliveryState,
    FailureKind,
    MessageKind,
    Role,
    Trust,
)
from chinwag_deltachat import convert, settings


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (10, None),  # incoming, fresh
        (16, None),  # incoming, seen
        (18, DeliveryState.PENDING),
        (20, DeliveryState.PENDING),
        (24, DeliveryState.FAILED),
        (26, DeliveryState.SENT),  # handed to the SMTP server
        (28, DeliveryState.READ),  # a read receipt came back
        (0, None),
    ],
)
def test_delivery_state(state: int, expected: DeliveryState | None) -> None:
    assert convert.delivery_state(state) is expected


@pytest.mark.parametrize(
    ("chat_type", "kind"),
    [
        ("Single", ConversationKind.DIRECT),
        ("Group", ConversationKind.GROUP),
        ("Mailinglist", ConversationKind.GROUP),
        ("OutBroadcast", ConversationKind.GROUP),
        ("InBroadcast", ConversationKind.GROUP),
    ],
)
def test_conversation_kind(chat_type: str, kind: ConversationKind) -> None:
    assert convert.conversation_kind(chat_type) is kind


@pytest.mark.parametrize(
    ("native", "chat_id"),
    [
        ("chat:12", 12),
        ("chat:9", None),  # the core's special chats are not conversations
        ("chat:", None),
        ("chat:-3", None),
        ("chat:1e3", None),
        ("chat:١٢", None),  # Arabic-Indic digits: isdigit() but not ours
        ("alice@example.org", None),
        ("mailto:alice@example.org", None),
    ],
)
def test_chat_native_ids(native: str, chat_id: int | None) -> None:
    assert convert.parse_chat_native_id(native) == chat_id
    if chat_id is not None:
        assert convert.chat_native_id(chat_id) == native


@pytest.mark.parametrize(
    ("native", "expected"),
    [
        ("Alice@Example.org", ("alice@example.org", False)),
        (" bob@example.org ", ("bob@example.org", False)),
        ("mailto:Bob@example.org", ("bob@example.org", True)),
    ],
)
def test_direct_native_ids(native: str, expected: tuple[str, bool]) -> None:
    assert convert.parse_direct_native_id(native) == expected
    if expected[1]:
        assert convert.plain_native_id(expected[0]) == native.lower()


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("alice@example.org", True),
        ("a.b+c@sub.example.org", True),
        ("alice@localhost", False),
        ("alice", False),
        ("@example.org", False),
        ("alice@", False),
        ("Alice <alice@example.org>", False),
        ("al ice@example.org", False),
    ],
)
def test_looks_like_address(text: str, ok: bool) -> None:
    assert convert.looks_like_address(text) is ok


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("report.pdf", "report.pdf"),
        ("../../.bashrc", "bashrc"),
        ("..\\..\\windows\\system32\\evil.dll", "evil.dll"),
        ("/etc/passwd", "passwd"),
        ("bell\x07and\nnewline.txt", "bellandnewline.txt"),
        ("", "attachment"),
        (None, "attachment"),
        ("...", "attachment"),
        ("x" * 300 + ".tar.gz", "x" * 117 + ".gz"),
        ("Cafe\u0301.txt", "Café.txt"),  # one normal form, so names compare
    ],
)
def test_safe_filename(name: str | None, safe: str) -> None:
    assert convert.safe_filename(name) == safe
    assert len(convert.safe_filename(name)) <= convert.MAX_FILENAME


MSG: dict[str, Any] = {
    "id": 42,
    "chatId": 12,
    "fromId": 10,
    "text": "hello",
    "timestamp": 1_700_000_000,
    "showPadlock": True,
    "downloadState": "Done",
    "isInfo": False,
    "sender": {"address": "Bob@Example.org", "displayName": "Bob"},
    "file": None,
    "quote": None,
}


@pytest.mark.parametrize(
    ("changes", "verified", "trust"),
    [
        ({}, False, Trust.UNVERIFIED),
        ({}, True, Trust.VERIFIED),
        ({"showPadlock": False}, True, Trust.NONE),  # plain mail is never "verified"
        ({"downloadState": "Undecipherable"}, False, Trust.UNDECRYPTABLE),
        ({"showPadlock": None}, False, Trust.NONE),
    ],
)
def test_trust(changes: dict[str, Any], verified: bool, trust: Trust) -> None:
    assert convert.trust({**MSG, **changes}, sender_verified=verified) is trust


@pytest.mark.parametrize(
    ("changes", "body"),
    [
        ({}, "hello"),
        ({"text": "", "file": "/blobs/x", "fileName": "../a.pdf"}, "a.pdf"),
        ({"text": "", "subject": "Re: hi"}, "Re: hi"),
        ({"text": None}, ""),
    ],
)
def test_body(changes: dict[str, Any], body: str) -> None:
    assert convert.body({**MSG, **changes}) == body


@pytest.mark.parametrize(
    ("quote", "reply_to"),
    [
        (None, None),
        ({"kind": "JustText", "text": "x"}, None),
        ({"kind": "WithMessage", "messageId": 7, "chatId": 12}, "7"),
        ({"kind": "WithMessage", "messageId": 7, "chatId": 99}, None),  # another chat
        ("garbage", None),
    ],
)
def test_reply_to(quote: object, reply_to: str | None) -> None:
    assert convert.reply_to({**MSG, "quote": quote}) == reply_to


def test_message_fact_incoming() -> None:
    fact = convert.message_fact(
        MSG,
        conversation="bob@example.org",
        kind=ConversationKind.DIRECT,
        title="Bob",
        own_address="me@example.org",
    )
    assert fact.sender == "bob@example.org"
    assert fact.sender_name == "Bob"
    assert fact.remote_id == "42"
    assert fact.timestamp == datetime.fromtimestamp(1_700_000_000, UTC)
    assert not fact.outgoing
    assert fact.kind is MessageKind.TEXT
    assert fact.trust is Trust.UNVERIFIED
    assert fact.attachments == ()


def test_message_fact_ours_with_a_file_and_info() -> None:
    msg = {
        **MSG,
        "fromId": 1,
        "file": "/blobs/abc.png",
        "fileName": "photo.png",
        "fileMime": "image/png",
        "fileBytes": 1234,
        "dimensionsWidth": 640,
        "dimensionsHeight": 0,
        "timestamp": 0,
    }
    fact = convert.message_fact(
        msg, conversation="chat:12", kind=ConversationKind.GROUP, title="G", own_address="me@x.org"
    )
    assert fact.outgoing and fact.sender == "me@x.org" and fact.sender_name == ""
    assert fact.timestamp is None
    (attachment,) = fact.attachments
    assert attachment.url == "dcmsg:42"
    assert (attachment.filename, attachment.mime_type, attachment.size) == (
        "photo.png",
        "image/png",
        1234,
    )
    assert (attachment.width, attachment.height) == (640, None)
    info = convert.message_fact(
        {**MSG, "isInfo": True},
        conversation="chat:12",
        kind=ConversationKind.GROUP,
        title="G",
        own_address="me@x.org",
    )
    assert info.kind is MessageKind.SYSTEM


@pytest.mark.parametrize(
    ("url", "msg_id"),
    [("dcmsg:42", 42), ("dcmsg:", None), ("dcmsg:../../x", None), ("https://x/y", None)],
)
def test_attachment_urls(url: str, msg_id: int | None) -> None:
    assert convert.parse_attachment_url(url) == msg_id


def test_contact_and_member() -> None:
    data = {"address": "Carol@Example.org", "displayName": "Carol", "isBlocked": True}
    contact = convert.contact("acct", data)
    assert contact.id.native_id == "carol@example.org"
    assert contact.display_name == "Carol" and contact.blocked
    member = convert.member(ConversationId("acct", "chat:12"), data, "acct", owner=True)
    assert member.native_id == "carol@example.org" and member.role is Role.OWNER
    assert member.contact is not None and member.contact.native_id == "carol@example.org"


@pytest.mark.parametrize(
    ("text", "kind", "retryable"),
    [
        (
            "Error:\n\n“IMAP failed to login as a@x.org: no response: code: None, info: "
            'Some("[AUTHENTICATIONFAILED] Authentication failed.")”',
            FailureKind.AUTH,
            False,
        ),
        ("SMTP failed: 535 5.7.8 Error: authentication failed", FailureKind.AUTH, False),
        (
            "Error:\n\n“Could not find your mail server.\n\nPlease check your internet connection.”",
            FailureKind.NETWORK,
            True,
        ),
        ("connection refused", FailureKind.NETWORK, True),
        ("invalid peer certificate: UnknownIssuer", FailureKind.TLS, False),
        ("something else entirely", FailureKind.PROTOCOL, True),
        ("", FailureKind.PROTOCOL, True),
    ],
)
def test_configure_failure(text: str, kind: FailureKind, retryable: bool) -> None:
    failure = convert.configure_failure(text)
    assert failure.kind is kind
    assert failure.retryable is retryable
    assert (
        failure.message and "“" not in failure.message and not failure.message.startswith("Error")
    )


@pytest.mark.parametrize(
    ("values", "params"),
    [
        (
            {"address": " Me@Example.org "},
            {"addr": "me@example.org", "password": "pw"},
        ),
        (
            {
                "address": "me@example.org",
                "imap_server": "127.0.0.1",
                "imap_port": 1143,
                "imap_security": "starttls",
                "smtp_server": "127.0.0.1",
                "smtp_port": "1025",
                "smtp_security": "automatic",
                "accept_invalid_certificates": True,
            },
            {
                "addr": "me@example.org",
                "password": "pw",
                "imapServer": "127.0.0.1",
                "imapUser": "me@example.org",
                "imapPort": 1143,
                "imapSecurity": "starttls",
                "smtpServer": "127.0.0.1",
                "smtpUser": "me@example.org",
                "smtpPort": 1025,
                "certificateChecks": "acceptInvalidCertificates",
            },
        ),
    ],
)
def test_login_params(values: dict[str, Any], params: dict[str, Any]) -> None:
    assert settings.login_params(values, "pw") == params


def test_same_login_compares_what_was_asked() -> None:
    configured = {
        "addr": "me@example.org",
        "password": "pw",
        "imapServer": "imap.example.org",
        "certificateChecks": "automatic",
    }
    assert settings.same_login(configured, {"addr": "me@example.org", "password": "pw"})
    assert not settings.same_login(configured, {"addr": "me@example.org", "password": "new"})
    assert settings.same_login(
        {**configured, "certificateChecks": None}, {"addr": "me@example.org"}
    )


@pytest.mark.parametrize(
    ("values", "problems"),
    [
        ({"address": "me@example.org"}, set()),
        ({"address": "me"}, {"address"}),
        ({"address": "me@example.org", "imap_port": "http"}, {"imap_port"}),
        ({"address": "me@example.org", "smtp_port": 70000}, {"smtp_port"}),
    ],
)
def test_validate(values: dict[str, Any], problems: set[str]) -> None:
    assert set(settings.validate(values)) == problems


@pytest.mark.parametrize(
    ("value", "bytes_"),
    [(None, 25 * 2**20), (10, 10 * 2**20), ("x", 25 * 2**20), (0, 25 * 2**20), (-5, 2**20)],
)
def test_max_file_bytes(value: object, bytes_: int) -> None:
    assert settings.max_file_bytes({"max_file_mb": value}) == bytes_  # type: ignore[dict-item]
