"""Key backup's pure parts: the recovery key (reference vector, typos, junk), encrypting one Megolm
session to the backup key and back (and a reference ciphertext from matrix-rust-sdk), the upload
body, and what the backend remembers it uploaded."""

from __future__ import annotations

import os
from typing import Any

import pytest
import vodozemac
from nio.crypto.sessions import InboundGroupSession  # type: ignore[import-untyped]

from app.backend import Failure, FailureKind
from backends.matrix import keybackup as kb
from backends.matrix.crosssign import b64, unb64

REFERENCE_KEY = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
REFERENCE_TEXT = "EsTc LW2K PGiF wKEA 3As5 g5c4 BXwk qeeJ ZJV8 Q9fu gUMN UE4d"


def test_recovery_key_reference_vector() -> None:
    assert kb.encode_recovery_key(REFERENCE_KEY) == REFERENCE_TEXT
    for text in (
        REFERENCE_TEXT,
        REFERENCE_TEXT.replace(" ", ""),
        f"  {REFERENCE_TEXT[:20]}\r\n{REFERENCE_TEXT[20:]}  ",
    ):
        assert kb.decode_recovery_key(text) == REFERENCE_KEY


def test_random_recovery_keys_round_trip() -> None:
    for _ in range(50):
        key = os.urandom(32)
        text = kb.encode_recovery_key(key)
        assert all(len(group) == 4 for group in text.split()[:-1])
        assert kb.decode_recovery_key(text) == key
    zeros = bytes(32)
    assert kb.decode_recovery_key(kb.encode_recovery_key(zeros)) == zeros


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (REFERENCE_TEXT[:-1] + "e", "typo"),  # the parity byte no longer matches
        ("SSNc LW2K PGiF wKEA 3As5 g5c4 BXwk qeeJ ZJV8 Q9fu gUMN UE4d", "not a recovery key"),
        (REFERENCE_TEXT[:-5], "not a recovery key"),  # too short
        (REFERENCE_TEXT + " 1111", "not a recovery key"),
        ("0OIl", "never has"),  # not base58
        ("my pass-word", "never has"),
        ("my password", "not a recovery key"),
        ("", "Enter"),
        ("   ", "Enter"),
    ],
)
def test_bad_recovery_keys_say_why(text: str, says: str) -> None:
    result = kb.decode_recovery_key(text)
    assert isinstance(result, Failure), result
    assert result.kind is FailureKind.CONFIG and says in result.message


def test_base58_leading_zeros() -> None:
    for data in (b"", b"\0", b"\0\0\1", b"\xff" * 10, b"\0hello"):
        assert kb.b58decode(kb.b58encode(data)) == data
    assert kb.b58encode(b"\0\0\1") == "112"


# -- sessions ------------------------------------------------------------------------------------

ROOM = "!room:x"


def megolm_session() -> tuple[InboundGroupSession, vodozemac.GroupSession]:
    outbound = vodozemac.GroupSession()
    session = InboundGroupSession(
        outbound.session_key.to_base64(), "ed25519key", "curve25519key", ROOM
    )
    return session, outbound


def test_a_session_round_trips_through_the_backup() -> None:
    secret = vodozemac.Curve25519SecretKey()
    private, public = bytes(secret.to_bytes()), secret.public_key().to_base64()
    session, outbound = megolm_session()
    message = outbound.encrypt(b"secret text").to_base64()
    data = kb.key_backup_data(session, public)
    assert data["first_message_index"] == 0 and data["forwarded_count"] == 0
    assert set(data["session_data"]) == {"ephemeral", "ciphertext", "mac"}
    assert "curve25519key" not in str(data)  # everything about the session is encrypted

    restored = kb.session_from_backup(ROOM, session.id, data, private)
    assert restored is not None and restored.id == session.id
    assert restored.room_id == ROOM and restored.ed25519 == "ed25519key"
    assert restored.sender_key == "curve25519key"
    assert restored.forwarding_chain == ["curve25519key"]  # never counts as received directly
    assert restored.decrypt(message)[0] == "secret text"


def test_unusable_backup_entries_are_none_never_an_exception() -> None:
    secret = vodozemac.Curve25519SecretKey()
    private, public = bytes(secret.to_bytes()), secret.public_key().to_base64()
    session, _ = megolm_session()
    data = kb.key_backup_data(session, public)
    other = bytes(vodozemac.Curve25519SecretKey().to_bytes())
    assert kb.session_from_backup(ROOM, session.id, data, other) is None  # wrong key
    assert kb.session_from_backup(ROOM, "another id", data, private) is None
    tampered = {**data, "session_data": {**data["session_data"], "ciphertext": "AAAA"}}
    assert kb.session_from_backup(ROOM, session.id, tampered, private) is None
    junk: list[Any] = [
        None,
        5,
        {},
        {"session_data": None},
        {"session_data": {"ephemeral": 1, "ciphertext": "x", "mac": "y"}},
        {"session_data": {"ephemeral": "!!", "ciphertext": "!!", "mac": "!!"}},
    ]
    for entry in junk:
        assert kb.session_from_backup(ROOM, session.id, entry, private) is None
    # Well encrypted, but not a Megolm session inside.
    for payload in ({"algorithm": "m.olm.v1"}, {"algorithm": kb.MEGOLM, "session_key": 5}, []):
        sealed = {"session_data": kb.encrypt_session_data(public, payload)}  # type: ignore[arg-type]
        assert kb.session_from_backup(ROOM, session.id, sealed, private) is None
    broken = {**kb.session_export(session), "session_key": "AAAA"}
    sealed = {"session_data": kb.encrypt_session_data(public, broken)}
    assert kb.session_from_backup(ROOM, session.id, sealed, private) is None


def test_matrix_rust_sdk_reference_ciphertext() -> None:
    private = unb64("Ha9cklU/9NqFo9WKdVfGzmqUL/9wlkdxfEitbSIPVXw")
    session_data = {
        "ephemeral": "HlLi76oV6wxHz3PCqE/bxJi6yF1HnYz5Dq3T+d/KpRw",
        "ciphertext": (
            "MuM8E3Yc6TSAvhVGb77rQ++jE6p9dRepx63/3YPD2wACKAppkZHeFrnTH6wJ/HSyrmzo7HfwqVl6tKNpfooST"
            "HqUf6x1LHz+h4B/Id5ITO1WYt16AaI40LOnZqTkJZCfSPuE2oxalwEHnCS3biWybutcnrBFPR3LMtaeHvvkb+"
            "k3ny9l5ZpsU9G7vCm3XoeYkWfLekWXvDhbqWrylXD0+CNUuaQJ/S527TzLd4XKctqVjjO/cCH7q+9utt9WJAf"
            "K8LGaWT/mZ3AeWjf5kiqOpKKf5Cn4n5SSil5p/pvGYmjnURvZSEeQIzHgvunIBEPtzK/MYEPOXe/P5achNGlC"
            "x+5N19Ftyp9TFaTFlTWCTi0mpD7ePfCNISrwpozAz9HZc0OhA8+1aSc7rhYFIeAYXFU326NuFIFHI5pvpSxjz"
            "PQlOA+mavIKmiRAtjlLw11IVKTxgrdT4N8lXeMr4ndCSmvIkAzFMo1uZA4fzjiAdQJE4/2WeXFNNpvdfoYmX8"
            "Zl9CAYjpSO5HvpwkAbk4/iLEH3hDfCVUwDfMh05PdGLnxeRpiEFWSMSsJNp+OWAA+5JsF41BoRGrxoXXT+VKq"
            "lUDONd+O296Psu8Q+d8/S618"
        ),
        "mac": "GtMrurhDTwo",
    }
    payload = kb.decrypt_session_data(private, session_data)
    assert payload is not None
    assert payload["algorithm"] == kb.MEGOLM
    assert payload["sender_key"] == "wREG/hBdSspoqM9xPCEXd/4YwjpBFXlsobRkyDTo/Q8"
    assert payload["sender_claimed_keys"] == {
        "ed25519": "MnNLGwn4j9ArCvtgU6o1jG8TgJaEXQpDTxz7QU0h7GM"
    }
    assert payload["session_key"].startswith("AQAAAABwCEYsl5BrvPW0N8HTYP11")
    session = InboundGroupSession.import_session(
        payload["session_key"], "e", payload["sender_key"], ROOM
    )
    data = {"first_message_index": 0, "session_data": session_data}
    restored = kb.session_from_backup(ROOM, session.id, data, private)
    assert restored is not None and restored.id == session.id


def test_upload_body_groups_by_room() -> None:
    public = vodozemac.Curve25519SecretKey().public_key().to_base64()
    a, _ = megolm_session()
    b, _ = megolm_session()
    b.room_id = "!other:x"
    body = kb.upload_body([a, b], public)
    assert set(body["rooms"]) == {ROOM, "!other:x"}
    assert set(body["rooms"][ROOM]["sessions"]) == {a.id}


def test_what_was_uploaded_is_remembered_compactly() -> None:
    state = kb.BackupState("3", {})
    session, _ = megolm_session()
    assert state.needs(session)
    state.mark(session)
    assert not state.needs(session)
    again = kb.BackupState.parse(state.dump())
    assert again.version == "3" and not again.needs(session)
    assert all(len(k) == kb.SENT_ID_LENGTH for k in (again.sent or {}))
    # A better copy of a session (known from an earlier index) is uploaded again.
    state.sent = {session.id[: kb.SENT_ID_LENGTH]: 5}
    assert state.needs(session)
    for junk in (None, "", "[]", "{", '{"version": 3}', '{"version": "1", "sent": {"a": "b"}}'):
        parsed = kb.BackupState.parse(junk)
        assert parsed.sent == {} or parsed.sent is None


def test_public_key_of_a_recovery_key() -> None:
    secret = vodozemac.Curve25519SecretKey()
    text = kb.encode_recovery_key(bytes(secret.to_bytes()))
    decoded = kb.decode_recovery_key(text)
    assert isinstance(decoded, bytes)
    assert kb.public_key_of(decoded) == secret.public_key().to_base64()
    assert b64(decoded) == secret.to_base64().rstrip("=")
