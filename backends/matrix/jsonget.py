"""Typed reads of Matrix JSON: a value of the expected type, or ``None`` (a server or another
client may send anything). Pure, and below every module that reads events, so that
:mod:`.relations` and :mod:`.convert` share one copy."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def get_str(d: Mapping[str, Any], key: str) -> str | None:
    value = d.get(key)
    return value if isinstance(value, str) else None


def get_int(d: Mapping[str, Any], key: str) -> int | None:
    """An integer, never a bool (JSON ``true`` is an ``int`` to Python)."""
    value = d.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def get_dict(d: Mapping[str, Any], key: str) -> dict[str, Any] | None:
    value = d.get(key)
    return value if isinstance(value, dict) else None


def get_list(d: Mapping[str, Any], key: str) -> list[Any] | None:
    value = d.get(key)
    return value if isinstance(value, list) else None
