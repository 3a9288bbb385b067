"""Secret storage cryptography against matrix-rust-sdk's published vectors, and bad input."""

from __future__ import annotations

import pytest

from app.backend import Failure
from backends.matrix import keybackup as kb
from backends.matrix import secretstore as ss

# matrix-rust-sdk crates/matrix-sdk-crypto/src/secret_storage.rs, tests
# from_account_data_and_base58 and from_account_data_and_passphrase.
RUST_KEY = "EsTj 3yST y93F SLpB jJsz eAXc 2XzA ygD3 w69H fGaN TKBj jXEd"
RUST_DESCRIPTION = {
    "algorithm": ss.ALGORITHM,
    "iv": "xv5b6/p3ExEw++wTyfSHEg==",
    "mac": "ujBBbXahnTAMkmPUX2/0+VTfUh63pGyVRuBcDMgmJC8=",
}
RUST_PASSPHRASE_DESCRIPTION = {
    "algorithm": ss.ALGORITHM,
    "iv": "gH2iNpiETFhApvW6/FFEJQ",
    "mac": "9Lw12m5SKDipNghdQXKjgpfdj1/K7HFI2brO+UWAGoM",
    "passphrase": {
        "algorithm": ss.PBKDF2,
        "salt": "IuLnH7S85YtZmkkBJKwNUKxWF42g9O1H",
        "iterations": 10,
    },
}
RUST_DECODED = bytes.fromhex("9fbd46bb345171c6f6022c9a25d5681ba54eec6a6c4953f3adc0b96e9d91ada3")


def test_a_recovery_key_made_by_rust_opens_its_description() -> None:
    key = kb.decode_recovery_key(RUST_KEY)
    assert isinstance(key, bytes)
    description = ss.parse_description("bmur2d9ypPUH1msSwCxQOJkuKRmJI55e", RUST_DESCRIPTION)
    assert description is not None and not description.has_passphrase
    assert ss.key_matches(key, description)
    assert not ss.key_matches(bytes(32), description)


def test_base58_parsing_ignores_whitespace_and_checks_parity() -> None:
    spaced = "EsT           pRvZTnjck8    YrhRAtw XLS84Nr2r9S9LGAWDaExVAPBvLRK   "
    assert kb.decode_recovery_key(spaced) == RUST_DECODED
    assert isinstance(
        kb.decode_recovery_key("EsTpRvZTnjck8YrhRAtwXLS84Nr2r9S9LGAWDaExVAPBvLRk"), Failure
    )
    assert kb.encode_recovery_key(RUST_DECODED).replace(" ", "") == spaced.replace(" ", "")


def test_a_passphrase_made_by_rust_opens_its_description() -> None:
    description = ss.parse_description(
        "DZkbKc0RtKSq0z8V61w6KBmJCK6OCiIu", RUST_PASSPHRASE_DESCRIPTION
    )
    assert description is not None and description.has_passphrase
    key = ss.passphrase_key("It's a secret to everybody", description.salt, description.iterations)
    assert ss.key_matches(key, description)
    wrong = ss.passphrase_key("It's a secret to nobody", description.salt, description.iterations)
    assert not ss.key_matches(wrong, description)


def test_a_secret_round_trips_and_a_wrong_name_or_key_or_tampering_is_refused() -> None:
    key = bytes(range(32))
    content = ss.encrypted_secret("kid", key, ss.MASTER, "seed-text")
    assert ss.open_secret("kid", key, ss.MASTER, content) == "seed-text"
    assert ss.open_secret("kid", key, ss.SELF_SIGNING, content) is None
    assert ss.open_secret("kid", bytes(32), ss.MASTER, content) is None
    assert ss.open_secret("other", key, ss.MASTER, content) is None
    sealed = dict(content["encrypted"]["kid"])
    sealed["ciphertext"] = ss.b64encode(b"x" + (ss.b64decode(sealed["ciphertext"]) or b"")[1:])
    assert ss.open_secret("kid", key, ss.MASTER, {"encrypted": {"kid": sealed}}) is None


def test_the_iv_has_bit_63_cleared() -> None:
    for _ in range(50):
        assert ss.new_iv()[8] & 0x80 == 0


def test_a_new_description_checks_its_own_key() -> None:
    key = bytes(range(32))
    description = ss.parse_description("k", ss.new_description(key))
    assert description is not None and ss.key_matches(key, description)


@pytest.mark.parametrize(
    "content",
    [
        None,
        "text",
        {},
        {"algorithm": "m.other"},
        {"algorithm": ss.ALGORITHM},  # no iv/mac: cannot be checked, so never matches
        {"algorithm": ss.ALGORITHM, "iv": "!!", "mac": 5},
    ],
)
def test_bad_descriptions_never_match(content: object) -> None:
    description = ss.parse_description("k", content)
    assert description is None or not ss.key_matches(bytes(32), description)


def test_a_hostile_iteration_count_is_not_used() -> None:
    content = dict(RUST_PASSPHRASE_DESCRIPTION)
    content["passphrase"] = {"algorithm": ss.PBKDF2, "salt": "s", "iterations": 10**12}
    description = ss.parse_description("k", content)
    assert description is not None and not description.has_passphrase


@pytest.mark.parametrize("data", [None, {}, {"iv": "AAAA", "ciphertext": "", "mac": ""}, [1]])
def test_malformed_encrypted_data_is_none(data: object) -> None:
    assert ss.decrypt(bytes(32), "n", data) is None
