from __future__ import annotations

import pytest

from app.json_record import json_record


def test_an_object_with_its_key_of_the_right_kind_reads_back() -> None:
    assert json_record('{"a": [1], "b": 2}', "a", list) == {"a": [1], "b": 2}


@pytest.mark.parametrize(
    "raw",
    [None, "", "not json", "[1, 2]", '"text"', '{"b": 1}', '{"a": "not a list"}', '{"a": null}'],
)
def test_anything_else_reads_as_none(raw: str | None) -> None:
    assert json_record(raw, "a", list) is None
