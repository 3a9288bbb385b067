"""XEP-0454 links and file encryption: strict parsing, the spec's example, AES-256-GCM files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from backends.xmpp.omemo import aesgcm

# XEP-0454 §3's example.
SPEC_URL = "https://download.montague.tld/4a771ac1-f0b2-4a4a-9700-f2a26fa2bb67/tr%C3%A8s%20cool.jpg"
SPEC_IV = "8c3d050e9386ec173861778f"
SPEC_KEY = "68e9af38a97aaf82faa4063b4d0878a61261534410c8a84331eaac851759f587"
SPEC_LINK = (
    "aesgcm://download.montague.tld/4a771ac1-f0b2-4a4a-9700-f2a26fa2bb67/tr%C3%A8s%20cool.jpg#"
    + SPEC_IV
    + SPEC_KEY
)


def test_the_spec_example_both_ways() -> None:
    assert aesgcm.make_link(SPEC_URL, bytes.fromhex(SPEC_IV), bytes.fromhex(SPEC_KEY)) == SPEC_LINK
    link = aesgcm.parse_link(SPEC_LINK)
    assert link is not None
    assert link.https_url == SPEC_URL
    assert link.iv.hex() == SPEC_IV and link.key.hex() == SPEC_KEY
    assert link.filename == "très cool.jpg"
    assert link.link() == SPEC_LINK


def test_older_clients_16_byte_ivs_are_read() -> None:
    link = aesgcm.parse_link(f"aesgcm://h.example/f.txt#{'ab' * 16}{'cd' * 32}")
    assert link is not None and len(link.iv) == 16 and len(link.key) == 32


@pytest.mark.parametrize(
    "text",
    [
        f"https://h.example/f.txt#{SPEC_IV}{SPEC_KEY}",
        "aesgcm://h.example/f.txt",
        f"aesgcm://h.example/f.txt#{SPEC_IV}{SPEC_KEY[:-2]}",
        f"aesgcm://h.example/f.txt#{SPEC_IV}{SPEC_KEY}00",
        f"aesgcm://h.example/f.txt#{SPEC_IV}{SPEC_KEY[:-1]}g",
        f"aesgcm://h.example/f txt#{SPEC_IV}{SPEC_KEY}",
        f"aesgcm://h.example/#{SPEC_IV}{SPEC_KEY}",
        f"aesgcm:///f.txt#{SPEC_IV}{SPEC_KEY}",
        "",
    ],
)
def test_links_are_parsed_strictly(text: str) -> None:
    assert aesgcm.parse_link(text) is None


def test_a_message_is_a_shared_file_only_when_it_is_just_the_link() -> None:
    assert aesgcm.parse_body(SPEC_LINK) is not None
    assert aesgcm.parse_body(SPEC_LINK + "\ndata:image/jpeg,/9j/4AAQ") is not None
    assert aesgcm.parse_body("look: " + SPEC_LINK) is None
    assert aesgcm.parse_body(SPEC_LINK + "\nand some words") is None
    assert aesgcm.parse_body(SPEC_LINK + "\ndata:image/jpeg,x\nmore") is None


def test_links_are_only_made_of_https_urls() -> None:
    with pytest.raises(ValueError, match="https"):
        aesgcm.make_link("http://h.example/f", bytes(12), bytes(32))
    with pytest.raises(ValueError, match="size"):
        aesgcm.make_link("https://h.example/f", bytes(12), bytes(16))


def test_a_file_round_trips_in_pieces_and_matches_one_shot_aes_gcm(tmp_path: Path) -> None:
    plain = os.urandom(aesgcm.CHUNK * 2 + 12345)
    source, sealed, opened = tmp_path / "in", tmp_path / "sealed", tmp_path / "out"
    source.write_bytes(plain)
    iv, key = aesgcm.new_secrets()
    aesgcm.encrypt_file(source, sealed, iv, key)
    data = sealed.read_bytes()
    assert len(data) == aesgcm.encrypted_size(len(plain))
    assert data == AESGCM(key).encrypt(iv, plain, None)  # ciphertext then tag, as others send
    assert stat.S_IMODE(sealed.stat().st_mode) == 0o600
    aesgcm.decrypt_file(sealed, opened, iv, key)
    assert opened.read_bytes() == plain
    assert stat.S_IMODE(opened.stat().st_mode) == 0o600


@pytest.mark.parametrize("damage", ["flip", "truncate", "tiny", "key"])
def test_an_altered_file_is_refused_and_nothing_is_left(tmp_path: Path, damage: str) -> None:
    source, sealed, opened = tmp_path / "in", tmp_path / "sealed", tmp_path / "out"
    source.write_bytes(b"secret plans " * 1000)
    iv, key = aesgcm.new_secrets()
    aesgcm.encrypt_file(source, sealed, iv, key)
    data = bytearray(sealed.read_bytes())
    if damage == "flip":
        data[100] ^= 1
    elif damage == "truncate":
        data = data[:-1]
    elif damage == "tiny":
        data = data[:10]
    else:
        key = bytes(32)
    sealed.write_bytes(bytes(data))
    with pytest.raises(aesgcm.FileCryptoError):
        aesgcm.decrypt_file(sealed, opened, iv, key)
    assert not opened.exists()


def test_a_file_that_cannot_be_read_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(aesgcm.FileCryptoError, match="Cannot encrypt"):
        aesgcm.encrypt_file(tmp_path / "missing", tmp_path / "out", bytes(12), bytes(32))
    assert not (tmp_path / "out").exists()
