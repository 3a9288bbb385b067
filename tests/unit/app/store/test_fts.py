from __future__ import annotations

import pytest

from app.store.fts import fts_query


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("hello", '"hello"*'),
        ("hello world", '"hello" "world"*'),
        ('say "hi"', '"say" "hi"*'),
        ("NEAR(a b)", '"NEAR" "a" "b"*'),
        ("  ", ""),
        ("*", ""),
        ("-", ""),
        ("don't", '"don\'t"*'),
        ("café au lait", '"café" "au" "lait"*'),
        ("你好 世界", '"你好" "世界"*'),
        # A space after the last word: it is finished, and matched whole (no prefix).
        ("hello ", '"hello"'),
        ("hello world\t", '"hello" "world"'),
        ("hello *", '"hello"*'),
        (" ", ""),
    ],
)
def test_fts_query(text: str, query: str) -> None:
    assert fts_query(text) == query
