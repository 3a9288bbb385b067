"""A conversation's draft (:class:`app.models.Draft`) in its store column, both ways.

One JSON object in ``conversations.draft`` (migration 0011): the text, the mode and the target.
A damaged value reads as no draft, never as an error while the conversation list loads."""

from __future__ import annotations

import json
import logging

from app.json_record import json_record
from app.models import Draft, DraftMode

_log = logging.getLogger(__name__)


def dump_draft(draft: Draft | None) -> str | None:
    """The column's value for ``draft`` (NULL for none)."""
    if draft is None:
        return None
    record: dict[str, str] = {"text": draft.text}
    if draft.mode is not DraftMode.NEW:
        record["mode"] = draft.mode.value
    if draft.target:
        record["target"] = draft.target
    return json.dumps(record, ensure_ascii=False)


def draft_of(raw: str | None) -> Draft | None:
    """The draft stored as ``raw``; None when there is none or it cannot be read (logged)."""
    record = json_record(raw, "text", str)
    if record is None:
        if raw:
            _log.warning("a stored draft could not be read; dropped")
        return None
    target = record.get("target", "")
    try:
        mode = DraftMode(record.get("mode", DraftMode.NEW.value))
    except ValueError:  # a newer version's mode: the text is what matters
        mode = DraftMode.NEW
    return Draft(record["text"], mode, target if isinstance(target, str) else "")
