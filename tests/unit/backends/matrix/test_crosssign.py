"""Cross-signing's pure parts: canonical-JSON signing against the spec's vectors, parsing a key
query answer into checked identities, the trust rules (including a changed identity), and the
user-interactive auth of the key upload against a scripted server."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import vodozemac

from app.backend import FailureKind
from backends.matrix import crosssign as xs
from backends.matrix.http import Reply

ALICE, BOB = "@alice:x", "@bob:x"
LOG = logging.LoggerAdapter(logging.getLogger("test"), {"account": "t"})


# -- signing -----------------------------------------------------------------------------------


def test_signing_matches_the_spec_vectors() -> None:
    # Spec appendix "Signing JSON": seed YJDBA9…, the objects {} and {"one": 1, "two": "Two"}.
    key = xs.SigningKey(xs.unb64("YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"))
    empty = key.sign_json({}, "domain")
    key_id = f"ed25519:{key.public}"
    assert empty["signatures"]["domain"][key_id] == (
        "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ"
    )
    two = key.sign_json({"one": 1, "two": "Two"}, "domain")
    assert two["signatures"]["domain"][key_id] == (
        "KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw"
    )
    assert xs.verify_signature(two, "domain", key.public)


def test_rfc8032_public_key_and_signature() -> None:
    seed = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    key = xs.SigningKey(seed)
    assert xs.unb64(key.public).hex() == (
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
    )
    assert xs.unb64(key.sign(b"")).hex() == (
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
        "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    )


def test_verification_covers_the_content_not_signatures_or_unsigned() -> None:
    key = xs.SigningKey.generate()
    obj = key.sign_json({"b": [1, "ü"], "a": {"z": 1, "y": None}}, ALICE)
    assert xs.verify_signature(obj, ALICE, key.public)
    # More signatures and an unsigned section do not matter …
    other = xs.SigningKey.generate()
    both = other.sign_json({**obj, "unsigned": {"age": 5}}, BOB)
    assert xs.verify_signature(both, ALICE, key.public)
    assert xs.verify_signature(both, BOB, other.public)
    # … a changed field, another user's name, another key, or junk do.
    assert not xs.verify_signature({**obj, "b": [2]}, ALICE, key.public)
    assert not xs.verify_signature(obj, BOB, key.public)
    assert not xs.verify_signature(obj, ALICE, other.public)
    bad = {**obj, "signatures": {ALICE: {f"ed25519:{key.public}": "AAAA"}}}
    assert not xs.verify_signature(bad, ALICE, key.public)
    for junk in (None, [], {"signatures": 5}, {"signatures": {ALICE: []}}):
        assert not xs.verify_signature(junk, ALICE, key.public)
    assert not xs.verify_signature(obj, ALICE, "not a key")


def test_a_device_signature_made_by_vodozemac_verifies() -> None:
    account = vodozemac.Account()
    device = {"user_id": ALICE, "device_id": "D", "keys": {"ed25519:D": "x"}}
    signed = xs.sign_with_device(
        device, ALICE, "D", lambda text: account.sign(text.encode()).to_base64()
    )
    assert xs.verify_signature(signed, ALICE, account.ed25519_key.to_base64(), "D")


def test_keys_from_the_keyring() -> None:
    key = xs.SigningKey.generate()
    again = xs.SigningKey.from_secret(key.secret())
    assert again is not None and again.public == key.public
    for bad in (None, "", "!!!", xs.b64(b"short")):
        assert xs.SigningKey.from_secret(bad) is None
    assert key.secret() not in repr(key)


# -- identities from a key query ---------------------------------------------------------------


class Person:
    """A user with cross-signing keys and devices, producing key query answers."""

    def __init__(self, user_id: str) -> None:
        self.user_id = user_id
        self.accounts: dict[str, vodozemac.Account] = {}
        self.devices: dict[str, dict[str, Any]] = {}
        self.keys, body = xs.new_identity_keys(user_id, "D1", self.device_sign("D1"))
        self.master = body["master_key"]
        self.ssk = body["self_signing_key"]
        self.usk = body["user_signing_key"]

    def device_sign(self, device_id: str) -> Any:
        account = self.accounts.setdefault(device_id, vodozemac.Account())
        return lambda text: account.sign(text.encode()).to_base64()

    def device(self, device_id: str, *, signed: bool = True) -> str:
        account = self.accounts.setdefault(device_id, vodozemac.Account())
        ed = account.ed25519_key.to_base64()
        obj = {
            "user_id": self.user_id,
            "device_id": device_id,
            "algorithms": ["m.megolm.v1.aes-sha2"],
            "keys": {f"ed25519:{device_id}": ed, f"curve25519:{device_id}": "c"},
        }
        obj = xs.sign_with_device(obj, self.user_id, device_id, self.device_sign(device_id))
        if signed:
            obj = self.keys[xs.SELF_SIGNING].sign_json(obj, self.user_id)
        self.devices[device_id] = obj
        return ed

    def answer(self, *, with_usk: bool = False) -> dict[str, Any]:
        body: dict[str, Any] = {
            "device_keys": {self.user_id: self.devices},
            "master_keys": {self.user_id: self.master},
            "self_signing_keys": {self.user_id: self.ssk},
        }
        if with_usk:
            body["user_signing_keys"] = {self.user_id: self.usk}
        return body

    def identity(self, *, with_usk: bool = False) -> xs.Identity:
        return xs.parse_identity(self.answer(with_usk=with_usk), self.user_id)


def test_a_key_query_becomes_a_checked_identity() -> None:
    bob = Person(BOB)
    signed = bob.device("D1")
    unsigned = bob.device("D2", signed=False)
    identity = bob.identity(with_usk=True)
    assert identity.master == bob.keys[xs.MASTER].public
    assert identity.self_signing == bob.keys[xs.SELF_SIGNING].public
    assert identity.user_signing == bob.keys[xs.USER_SIGNING].public
    assert identity.signed_devices == {("D1", signed)}
    assert set(identity.devices) == {"D1", "D2"} and unsigned
    assert xs.queried_users(bob.answer()) == {BOB}


def test_keys_the_master_did_not_sign_are_ignored() -> None:
    bob = Person(BOB)
    bob.device("D1")
    forged = xs.SigningKey.generate()
    bob.ssk = forged.sign_json(xs.cross_signing_key(BOB, xs.SELF_SIGNING, forged.public), BOB)
    identity = bob.identity()
    assert identity.master and not identity.self_signing and not identity.signed_devices
    # a device signed with a key that is not the self-signing key
    carol = Person("@carol:x")
    obj = carol.devices["D1"] = forged.sign_json(
        {"user_id": "@carol:x", "device_id": "D1", "keys": {"ed25519:D1": "k"}}, "@carol:x"
    )
    assert obj and not carol.identity().signed_devices


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"master_keys": None},
        {"master_keys": {BOB: {"user_id": BOB, "usage": ["master"], "keys": {}}}},
        {
            "master_keys": {
                BOB: {"user_id": "@eve:x", "usage": ["master"], "keys": {"ed25519:k": "k"}}
            }
        },
        {"master_keys": {BOB: {"user_id": BOB, "usage": "master", "keys": {"ed25519:k": "k"}}}},
        {"master_keys": {BOB: {"user_id": BOB, "usage": ["master"], "keys": {"ed25519:a": "b"}}}},
        {"device_keys": {BOB: {"D": {"user_id": BOB, "device_id": "E", "keys": {}}}}},
        {"device_keys": {BOB: {"D": 5}}, "self_signing_keys": {BOB: []}},
    ],
)
def test_malformed_answers_give_an_empty_identity(body: dict[str, Any]) -> None:
    identity = xs.parse_identity(body, BOB)
    assert not identity.master and not identity.signed_devices and not identity.devices


# -- trust ---------------------------------------------------------------------------------------


def our_book(alice: Person, *, hold: bool = True) -> xs.TrustBook:
    book = xs.TrustBook(ALICE)
    if hold:
        book.stored = dict(alice.keys)
    book.update(alice.identity(with_usk=True))
    return book


def test_trust_reaches_devices_through_our_user_signing_key() -> None:
    alice, bob = Person(ALICE), Person(BOB)
    alice_other = alice.device("A2")
    bob_phone = bob.device("P")
    bob_new = bob.device("N", signed=False)
    book = our_book(alice)
    assert book.master_trusted(ALICE)  # we hold the private master key
    assert book.device_trusted(ALICE, "A2", alice_other)
    assert book.signing_key(xs.USER_SIGNING) is not None

    book.update(bob.identity())
    assert not book.master_trusted(BOB)
    assert not book.device_trusted(BOB, "P", bob_phone)
    # After SAS, our user-signing key signs Bob's master key (what the server then returns).
    usk = book.signing_key(xs.USER_SIGNING)
    assert usk is not None
    bob.master = usk.sign_json(bob.master, ALICE)
    book.update(bob.identity())
    assert book.master_trusted(BOB)
    assert book.device_trusted(BOB, "P", bob_phone)
    assert not book.device_trusted(BOB, "N", bob_new)  # not signed by its owner
    assert not book.device_trusted(BOB, "P", "another key")  # not the key that was signed


def test_a_changed_master_key_drops_trust() -> None:
    alice, bob = Person(ALICE), Person(BOB)
    phone = bob.device("P")
    book = our_book(alice)
    usk = book.signing_key(xs.USER_SIGNING)
    assert usk is not None
    bob.master = usk.sign_json(bob.master, ALICE)
    assert not book.update(bob.identity())
    assert book.device_trusted(BOB, "P", phone)
    # Bob (or the server) replaces his identity; the device is re-signed by the new key.
    old_master = bob.keys[xs.MASTER].public
    bob.keys, body = xs.new_identity_keys(BOB, "P", bob.device_sign("P"))
    bob.master, bob.ssk = body["master_key"], body["self_signing_key"]
    bob.device("P")
    assert book.update(bob.identity())  # reported: a trusted identity changed
    assert not book.master_trusted(BOB)
    assert not book.device_trusted(BOB, "P", phone)
    # Even a SAS note about the old master key does not carry over.
    book.set_verified(BOB, old_master)
    assert not book.master_trusted(BOB)


def test_keys_made_elsewhere_are_not_ours_until_verified() -> None:
    alice, bob = Person(ALICE), Person(BOB)
    other = alice.device("A2")
    book = our_book(alice, hold=False)
    assert not book.master_trusted(ALICE) and book.signing_key(xs.MASTER) is None
    assert not book.device_trusted(ALICE, "A2", other)
    # Stale private keys in the keyring (the account was reset elsewhere) do not count either.
    book.stored = {u: xs.SigningKey.generate() for u in xs.USAGES}
    book.changed()
    assert not book.master_trusted(ALICE) and book.signing_key(xs.SELF_SIGNING) is None
    # SAS with another of our devices that MACed our master key: now it is trusted.
    book.set_verified(ALICE, alice.keys[xs.MASTER].public)
    assert book.master_trusted(ALICE) and book.device_trusted(ALICE, "A2", other)
    # A person verified by SAS without our user-signing key is trusted by that note.
    phone = bob.device("P")
    book.update(bob.identity())
    book.set_verified(BOB, bob.keys[xs.MASTER].public)
    assert book.device_trusted(BOB, "P", phone)


def test_hooks_for_sas() -> None:
    alice, bob = Person(ALICE), Person(BOB)
    cross = xs.CrossSigning(
        http=None,  # type: ignore[arg-type]
        secrets=None,  # type: ignore[arg-type]
        state=None,  # type: ignore[arg-type]
        log=LOG,
        user_id=ALICE,
        device_id="A1",
        device_ed25519="e",
        device_sign=lambda _t: "",
    )
    assert cross.own_master() is None and cross.their_master(BOB) is None

    class Device:
        user_id, id, ed25519 = BOB, "P", "k"

    assert not cross.extra_trust(Device()) and BOB in cross.wanted  # asked after the next sync
    cross.book.stored = dict(alice.keys)
    cross.book.update(alice.identity(with_usk=True))
    cross.book.update(bob.identity())
    assert cross.own_master() == alice.keys[xs.MASTER].public
    assert cross.their_master(BOB) == bob.keys[xs.MASTER].public
    signed = cross.sign_json({"public_key": "p"})
    assert xs.verify_signature(signed, ALICE, alice.keys[xs.MASTER].public)


# -- user-interactive auth -------------------------------------------------------------------------


class ScriptedHttp:
    def __init__(self, *answers: Reply) -> None:
        self.answers = list(answers)
        self.sent: list[dict[str, Any]] = []

    async def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        self.sent.append(dict(kwargs.get("body") or {}))
        return self.answers.pop(0)


UIA = Reply(
    401,
    {"session": "S", "flows": [{"stages": ["m.login.password"]}], "params": {}},
)


async def test_first_upload_without_uia() -> None:
    http = ScriptedHttp(Reply(200, {}))
    failure = await xs.upload_signing_keys(http, ALICE, {"master_key": {}}, "pw")  # type: ignore[arg-type]
    assert failure is None and len(http.sent) == 1 and "auth" not in http.sent[0]


async def test_uia_is_answered_with_the_password() -> None:
    http = ScriptedHttp(UIA, Reply(200, {}))
    failure = await xs.upload_signing_keys(http, ALICE, {"master_key": {"k": 1}}, "pw")  # type: ignore[arg-type]
    assert failure is None
    auth = http.sent[1]["auth"]
    assert auth == {
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": ALICE},
        "password": "pw",
        "session": "S",
    }
    assert http.sent[1]["master_key"] == {"k": 1}


async def test_uia_failures_are_values() -> None:
    wrong = Reply(401, {**UIA.body, "errcode": "M_FORBIDDEN"})
    http = ScriptedHttp(UIA, wrong)
    failure = await xs.upload_signing_keys(http, ALICE, {}, "bad")  # type: ignore[arg-type]
    assert failure is not None and failure.kind is FailureKind.AUTH
    failure = await xs.upload_signing_keys(ScriptedHttp(UIA), ALICE, {}, None)  # type: ignore[arg-type]
    assert failure is not None and failure.kind is FailureKind.AUTH
    sso = Reply(401, {"session": "S", "flows": [{"stages": ["m.login.sso"]}]})
    failure = await xs.upload_signing_keys(ScriptedHttp(sso), ALICE, {}, "pw")  # type: ignore[arg-type]
    assert failure is not None and failure.kind is FailureKind.UNSUPPORTED
    failure = await xs.upload_signing_keys(
        ScriptedHttp(Reply(400, {"errcode": "M_INVALID_SIGNATURE", "error": "bad"})),  # type: ignore[arg-type]
        ALICE,
        {},
        "pw",
    )
    assert failure is not None and failure.kind is FailureKind.REJECTED
