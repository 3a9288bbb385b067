"""A JSON object a store column holds (a thread's summary, a poll's tally), read back safely."""

from __future__ import annotations

import json
from typing import Any


def json_record(raw: str | None, key: str, kind: type) -> dict[str, Any] | None:
    """The object stored as ``raw``; None when there is none, it is not JSON, or it is not one
    we wrote (not an object, or its ``key`` is not of ``kind``): a damaged column then reads as
    empty rather than raising in the middle of a page."""
    if not raw:
        return None
    try:
        state = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(state, dict) or not isinstance(state.get(key), kind):
        return None
    return state
