"""Decoding with the cp1252/Latin-1 fallback, case mapping, and splitting on UTF-8 boundaries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backends.irc.text import _TABLES, decode, fold, fold_text, split_text


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"plain ascii", "plain ascii"),
        ("Grüße — 你好 👋🏽".encode(), "Grüße — 你好 👋🏽"),
        (b"caf\xe9", "café"),  # Latin-1/cp1252 é
        (b"\x80 euro", "€ euro"),  # cp1252 only
        (b"\x81 undefined in cp1252", "\x81 undefined in cp1252"),  # Latin-1 for the gaps
        ("ok ü ".encode() + b"\xfc bad", "ok ü ü bad"),  # mixed: good UTF-8 kept
        (b"\xff\xfe", "ÿþ"),
        (b"\xe2\x82", "â‚"),  # a truncated UTF-8 sequence
        (b"", ""),
    ],
)
def test_decode(raw: bytes, text: str) -> None:
    assert decode(raw) == text


@pytest.mark.parametrize(
    ("name", "mapping", "folded"),
    [
        ("#Chan", "rfc1459", "#chan"),
        ("Nick[A]\\~", "rfc1459", "nick{a}|^"),
        ("Nick[A]\\~", "strict-rfc1459", "nick{a}|~"),
        ("Nick[A]", "ascii", "nick[a]"),
        ("ÄÖÜ", "ascii", "ÄÖÜ"),
        ("ÄÖÜ", "rfc7613", "äöü"),
        ("#MiXeD", "something-new", "#mixed"),
    ],
)
def test_fold(name: str, mapping: str, folded: str) -> None:
    assert fold(name, mapping) == folded
    assert fold_text(name, mapping) == folded


@given(
    st.text(alphabet=st.sampled_from("aZ09 []\\~{}|^-_#ÄäİßΣ!@.")),
    st.sampled_from(["ascii", "rfc1459", "strict-rfc1459", "other"]),
)
def test_fold_text_takes_shortcuts_without_changing_the_result(text: str, mapping: str) -> None:
    """ASCII text goes through str.lower: the same result as the mapping's table, always."""
    table = _TABLES.get(mapping, _TABLES["rfc1459"])
    assert fold_text(text, mapping) == text.translate(table) == fold(text, mapping)


SPLIT_CASES = [
    ("short", 10),
    ("hello world this is a test", 10),
    ("ä" * 50, 7),  # two-byte characters, odd limit
    ("你好" * 40, 10),
    ("👋🏽" * 20, 9),  # emoji + skin tone stay together
    ("e\u0301" * 30, 5),  # combining accents stay on their letter
    ("x" * 1000, 450),
    ("word " * 200, 100),
]


@pytest.mark.parametrize(("text", "limit"), SPLIT_CASES)
def test_split_text(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")  # nothing lost but spaces
    assert len(" ".join(pieces)) >= len(text) - 1
    for piece in pieces:
        assert 0 < len(piece.encode("utf-8")) <= limit
        piece.encode("utf-8").decode("utf-8")  # every piece is valid UTF-8 on its own
    if "\U0001f3fd" in text:
        assert all(not p.startswith("\U0001f3fd") for p in pieces)
    if "\u0301" in text:
        assert all(not p.startswith("\u0301") for p in pieces)


def test_split_prefers_word_boundaries() -> None:
    pieces = split_text("alpha beta gamma delta", 12)
    assert pieces == ["alpha beta", "gamma delta"]
    assert split_text("abcdefghij klm", 8) == ["abcdefgh", "ij klm"]  # no space in reach: cut
    assert " ".join(split_text("word " * 200, 100)) == "word " * 200


def test_split_rejects_tiny_limits() -> None:
    with pytest.raises(ValueError):
        split_text("abc", 3)
