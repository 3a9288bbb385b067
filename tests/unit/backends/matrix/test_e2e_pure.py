"""The pure parts of encryption: the SAS state machine (spec flow between two of ours, the legacy
flow against matrix-nio's own ``Sas``), tampering, and the sync view nio is fed."""

from __future__ import annotations

import logging
from typing import Any

import vodozemac
from nio.crypto import OlmDevice, Sas  # type: ignore[import-untyped]
from nio.events import ToDeviceEvent  # type: ignore[import-untyped]

from app.models import Attachment, VerificationState
from backends.matrix import convert as cv
from backends.matrix import crypto
from backends.matrix import verification as v

ALICE, BOB = "@alice:x", "@bob:x"
LOG = logging.getLogger("test")


def machine(
    user: str, device: str, account: Any, keys: dict[tuple[str, str], str]
) -> v.Verifications:
    return v.Verifications(
        user, device, account.ed25519_key.to_base64(), lambda u, d: keys.get((u, d))
    )


def deliver(to: v.Verifications, sender: str, out: list[v.Outgoing]) -> list[v.Outgoing]:
    replies: list[v.Outgoing] = []
    for message in out:
        _flow, more = to.handle(message.type, sender, message.content)
        replies.extend(more)
    return replies


def pair() -> tuple[v.Verifications, v.Verifications]:
    a, b = vodozemac.Account(), vodozemac.Account()
    keys = {(ALICE, "A"): a.ed25519_key.to_base64(), (BOB, "B"): b.ed25519_key.to_base64()}
    return machine(ALICE, "A", a, keys), machine(BOB, "B", b, keys)


def test_request_ready_start_to_done_between_two_spec_clients() -> None:
    alice, bob = pair()
    flow, out = alice.request(BOB, ("B",))
    out = deliver(bob, ALICE, out)
    incoming = bob.flows[flow.id]
    assert incoming.incoming and incoming.state is VerificationState.REQUESTED and not out
    out = bob.accept(flow.id)  # ready
    to_bob: list[v.Outgoing] = deliver(alice, BOB, out)  # start
    assert flow.state is VerificationState.READY
    while to_bob:  # accept / key / key until both compare
        to_alice = deliver(bob, ALICE, to_bob)
        to_bob = deliver(alice, BOB, to_alice)
    assert flow.state is incoming.state is VerificationState.COMPARE
    assert flow.emojis == incoming.emojis and len(flow.emojis) == 7
    assert flow.decimals == incoming.decimals and not flow.legacy
    deliver(bob, ALICE, alice.confirm(flow.id, True))
    done = deliver(alice, BOB, bob.confirm(flow.id, True))
    assert incoming.state is VerificationState.DONE
    assert flow.state is VerificationState.DONE
    assert [m.type for m in done] == ["m.key.verification.done"]  # alice closes the request
    assert alice.verified == [(BOB, "B")] and bob.verified == [(ALICE, "A")]
    assert flow.snapshot().emojis == ()  # only shown while comparing


def test_a_mismatch_and_a_forged_mac_cancel() -> None:
    alice, bob = pair()
    flow, out = alice.start_direct(BOB, "B")
    deliver(bob, ALICE, out)
    to_bob = deliver(alice, BOB, bob.accept(flow.id))
    while to_bob:
        to_bob = deliver(alice, BOB, deliver(bob, ALICE, to_bob))
    cancel = bob.confirm(flow.id, False)
    assert cancel[0].type == "m.key.verification.cancel"
    assert cancel[0].content["code"] == "m.mismatched_sas"
    deliver(alice, BOB, cancel)
    assert flow.state is VerificationState.CANCELLED and not alice.verified

    alice, bob = pair()
    flow, out = alice.start_direct(BOB, "B")
    deliver(bob, ALICE, out)
    to_bob = deliver(alice, BOB, bob.accept(flow.id))
    while to_bob:
        to_bob = deliver(alice, BOB, deliver(bob, ALICE, to_bob))
    alice.confirm(flow.id, True)
    forged = bob.confirm(flow.id, True)
    forged[0].content["mac"] = {"ed25519:B": "AAAA"}
    deliver(alice, BOB, forged)
    assert flow.state is VerificationState.CANCELLED and not alice.verified


def test_garbage_never_raises() -> None:
    alice, _bob = pair()
    for etype, content in [
        ("m.key.verification.start", {"transaction_id": "t"}),
        ("m.key.verification.key", {"transaction_id": "t", "key": 5}),
        ("m.key.verification.mac", {"transaction_id": 7}),
        ("m.key.verification.request", {"transaction_id": "u", "methods": "m.sas.v1"}),
        ("m.key.verification.nonsense", {"transaction_id": "t"}),
    ]:
        alice.handle(etype, BOB, content)
    flow, _ = alice.start_direct(BOB, "B")
    alice.handle("m.key.verification.accept", BOB, {"transaction_id": flow.id, "commitment": 1})
    assert flow.state is VerificationState.CANCELLED
    alice.handle("m.key.verification.key", BOB, {"transaction_id": flow.id, "key": "not base64"})


def nio_event(message: Any, sender: str) -> Any:
    return ToDeviceEvent.parse_event(
        {"type": message.type, "sender": sender, "content": message.content}
    )


def test_the_legacy_flow_agrees_with_matrix_nio() -> None:
    ours, theirs = vodozemac.Account(), vodozemac.Account()
    our_key = ours.ed25519_key.to_base64()
    their_key = theirs.ed25519_key.to_base64()
    keys = {(BOB, "NIO"): their_key}
    alice = machine(ALICE, "A", ours, keys)
    our_device = OlmDevice(ALICE, "A", {"ed25519": our_key, "curve25519": "c"})
    nio_sas = Sas(BOB, "NIO", their_key, our_device)
    start = nio_sas.start_verification()
    flow, out = alice.handle(start.type, BOB, start.content)
    assert flow is not None and flow.incoming and not out
    accept = alice.accept(flow.id)
    assert flow.legacy  # nio 0.26 offers only hkdf-hmac-sha256
    nio_sas.receive_accept_event(nio_event(v.Outgoing(**accept[0].__dict__), ALICE))
    key = nio_sas.share_key()
    reply = alice.handle(key.type, BOB, key.content)[1]
    nio_sas.receive_key_event(nio_event(reply[0], ALICE))
    assert not nio_sas.canceled
    assert [e for e, _ in flow.emojis] == [e for e, _ in nio_sas.get_emoji()]
    nio_sas.accept_sas()
    alice.handle(nio_sas.get_mac().type, BOB, nio_sas.get_mac().content)
    mac = alice.confirm(flow.id, True)
    nio_sas.receive_mac_event(nio_event(mac[0], ALICE))
    assert nio_sas.verified and flow.state is VerificationState.DONE


def test_commitment_and_emoji_encodings() -> None:
    start = {"b": 1, "a": "é"}
    assert v.commitment("K", start, legacy=True) != v.commitment("K", start, legacy=False)
    assert len(v.commitment("K", start, legacy=True)) == 64
    assert v.emoji_from_indices(bytes([0, 1, 63, 2, 3, 4, 5]), legacy=False)[2] == ("📌", "Pin")
    assert len(v.emoji_from_indices(bytes(range(7)), legacy=True)) == 7


def test_the_view_nio_is_fed_is_small_and_well_formed() -> None:
    member = {
        "type": "m.room.member",
        "state_key": BOB,
        "sender": BOB,
        "event_id": "$m",
        "origin_server_ts": 1,
        "content": {"membership": "join"},
    }
    body = {
        "next_batch": "s9",
        "to_device": {
            "events": [
                {"type": "m.room.encrypted", "sender": BOB, "content": {"a": 1}},
                {"type": "m.key.verification.start", "sender": BOB, "content": {}},
                {"type": 5, "sender": BOB, "content": {}},
                "junk",
            ]
        },
        "device_lists": {"changed": [BOB, 3], "left": "x"},
        "device_one_time_keys_count": {"signed_curve25519": 50, "other": 1, "curve25519": "9"},
        "rooms": {
            "join": {
                "!r:x": {
                    "state": {"events": [member, {"type": "m.room.member", "content": {}}]},
                    "timeline": {
                        "events": [
                            {"type": "m.room.message", "event_id": "$t", "content": {}},
                            {**member, "event_id": "$m2"},
                        ]
                    },
                    "summary": {"m.heroes": [BOB, 1], "m.joined_member_count": "2"},
                },
                "!bad:x": "not a room",
            }
        },
    }
    view = crypto.crypto_view(body)
    assert [e["type"] for e in view["to_device"]["events"]] == ["m.room.encrypted"]
    assert view["device_lists"] == {"changed": [BOB], "left": []}
    assert view["device_one_time_keys_count"] == {"signed_curve25519": 50}
    room = view["rooms"]["join"]["!r:x"]
    assert room["state"]["events"] == [member]
    assert [e["event_id"] for e in room["timeline"]["events"]] == ["$m2"]
    assert room["summary"] == {"m.heroes": [BOB]}
    assert "!bad:x" not in view["rooms"]["join"]


def test_plaintext_keeps_the_server_fields_and_the_clear_relation() -> None:
    raw = {
        "type": "m.room.encrypted",
        "event_id": "$e",
        "sender": BOB,
        "origin_server_ts": 5,
        "unsigned": {"transaction_id": "t1"},
        "content": {"ciphertext": "x", "m.relates_to": {"rel_type": "m.replace", "event_id": "$o"}},
    }

    class Decrypted:
        def __init__(self) -> None:
            self.source = {"type": "m.room.message", "content": {"msgtype": "m.text", "body": "hi"}}

    event = crypto.plaintext_event(raw, Decrypted())
    assert event["type"] == "m.room.message" and event["unsigned"] == {"transaction_id": "t1"}
    assert event["content"]["body"] == "hi"
    assert event["content"]["m.relates_to"]["event_id"] == "$o"
    assert raw["type"] == "m.room.encrypted"  # the original is untouched
    assert crypto.fingerprint("abcdefghij") == "abcd efgh ij"


def test_encrypted_file_info_travels_in_the_url_and_back_into_file() -> None:
    info = {
        "v": "v2",
        "key": {"kty": "oct", "alg": "A256CTR", "k": "secretkey", "ext": True},
        "iv": "ivivivivivivivivivivivivivivivivivivivivivivivi",
        "hashes": {"sha256": "hash"},
        "url": "mxc://x/ignored",
    }
    url = cv.encrypted_url("mxc://example.org/abc", info)
    mxc, back = cv.split_encrypted_url(url)
    assert mxc == "mxc://example.org/abc" and back is not None
    assert back["key"]["k"] == "secretkey" and "url" not in back
    content = cv.media_content(Attachment(url=url, filename="a.png", mime_type="image/png"))
    assert "url" not in content and content["file"]["url"] == "mxc://example.org/abc"
    assert content["file"]["iv"] == info["iv"]
    incoming = cv.attachment_of(
        {"msgtype": "m.image", "body": "a.png", "file": {**info, "url": "mxc://example.org/abc"}},
        "m.image",
    )
    assert incoming is not None and cv.split_encrypted_url(incoming.url)[1] == back
    assert incoming.thumbnail_url == ""  # the server cannot scale ciphertext
    assert cv.split_encrypted_url("mxc://x/y#e2e=!!!") == ("mxc://x/y", {})
    assert cv.split_encrypted_url("mxc://x/y") == ("mxc://x/y", None)
    broken = {"msgtype": "m.file", "body": "f", "file": {"url": "mxc://x/y", "iv": "i"}}
    assert cv.attachment_of(broken, "m.file") is None  # no key: dropped, logged


def test_what_waits_for_a_key_survives_a_restart_in_a_bounded_index(
    monkeypatch: Any,
) -> None:
    class Store:
        def __init__(self) -> None:
            self.have: set[tuple[str, str, str]] = set()

        def get(self, room: str, sender: str, session: str) -> object | None:
            return object() if (room, sender, session) in self.have else None

    class Olm:
        inbound_group_store = Store()

    class Client:
        olm = Olm()

    def waiting(room: str, session: str, event_id: str) -> dict[str, Any]:
        return {"event_id": event_id, "content": {"sender_key": "K", "session_id": session}}

    first = crypto.E2E(Client(), LOG)  # type: ignore[arg-type]
    first.pending[("!a", "s1")] = [waiting("!a", "s1", "$1"), waiting("!a", "s1", "$2")]
    first.pending[("!b", "s2")] = [waiting("!b", "s2", "$3")]
    index = first.waiting_index()
    assert sorted(map(tuple, ([r, s, k, tuple(i)] for r, s, k, i in index))) == [
        ("!a", "s1", "K", ("$1", "$2")),
        ("!b", "s2", "K", ("$3",)),
    ]
    again = crypto.E2E(Client(), LOG)  # type: ignore[arg-type]
    again.restore_index([*index, "garbage", [1, 2, 3, 4], ["!c", "s3", "K", "not a list"]])
    assert again.ready_restored() == []  # no key yet
    Olm.inbound_group_store.have.add(("!a", "K", "s1"))
    assert again.ready_restored() == [("!a", ["$1", "$2"])]
    assert again.ready_restored() == []  # handed out once
    assert [e[:2] for e in again.waiting_index()] == [["!b", "s2"]]
    monkeypatch.setattr(crypto, "MAX_WAITING_SAVED", 1)
    assert sum(len(e[3]) for e in first.waiting_index()) == 1  # bounded, newest kept
