"""Models: the store's cheap copy of a message with its sequence equals dataclasses.replace."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from app.models import (
    Attachment,
    ConversationId,
    DeliveryState,
    Direction,
    Message,
    MessageId,
    MessageKind,
    Reaction,
    Trust,
)


def test_with_seq_is_replace_and_leaves_both_frozen() -> None:
    original = Message(
        id=MessageId("a", "l1"),
        conversation_id=ConversationId("a", "#c"),
        sender="bob",
        sender_name="Bob",
        timestamp=datetime(2026, 12, 5, 12, 0, tzinfo=UTC),
        body="hi",
        direction=Direction.OUTGOING,
        kind=MessageKind.EMOTE,
        remote_id="r1",
        html="<b>hi</b>",
        attachments=(Attachment("mxc://x", "f.png", "image/png", 3),),
        reply_to="r0",
        edited=True,
        delivery=DeliveryState.DELIVERED,
        failure_reason="no",
        reactions=(Reaction("👍", ("bob",)),),
        mentions_me=True,
        ref_id="o1",
        trust=Trust.VERIFIED,
    )
    copy = original.with_seq(42)
    assert copy == dataclasses.replace(original, seq=42)
    assert hash(copy) == hash(dataclasses.replace(original, seq=42))
    assert (copy.seq, original.seq) == (42, 0)
    for name in (f.name for f in dataclasses.fields(Message) if f.name != "seq"):
        assert getattr(copy, name) is getattr(original, name)
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.seq = 1  # type: ignore[misc]
