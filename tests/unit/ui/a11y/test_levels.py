"""Which new messages are read aloud: conversation level, account default, open conversation."""

from __future__ import annotations

import pytest

from app.models import ConversationId, ConversationKind, NotifyLevel
from ui.a11y import levels

CHAN = ConversationId("acc", "#chan")
DM = ConversationId("acc", "bob")
GROUP, DIRECT = ConversationKind.GROUP, ConversationKind.DIRECT


@pytest.mark.parametrize(
    ("prefs", "conv", "kind", "mention", "is_open", "read"),
    [
        ({}, CHAN, GROUP, False, False, False),  # channels: mentions only in the background
        ({}, CHAN, GROUP, True, False, True),
        ({}, DM, DIRECT, False, False, True),  # a direct message is a mention by nature
        ({}, CHAN, GROUP, False, True, True),  # the open conversation: everything
        ({levels.READ_OPEN: False}, CHAN, GROUP, False, True, False),
        ({levels.conversation_key(CHAN): "none"}, CHAN, GROUP, True, True, False),
        ({levels.conversation_key(CHAN): "all"}, CHAN, GROUP, False, False, True),
        ({levels.account_key("acc"): "all"}, CHAN, GROUP, False, False, True),
        ({levels.account_key("acc"): "none"}, DM, DIRECT, False, False, False),
        (  # the conversation's own level wins over the account's
            {levels.account_key("acc"): "none", levels.conversation_key(DM): "mentions"},
            DM,
            DIRECT,
            False,
            False,
            True,
        ),
        ({levels.account_key("acc"): "garbage"}, CHAN, GROUP, False, False, False),
    ],
)
def test_wanted(
    prefs: dict[str, object],
    conv: ConversationId,
    kind: ConversationKind,
    mention: bool,
    is_open: bool,
    read: bool,
) -> None:
    assert levels.wanted(prefs, conv, kind, mention, is_open) is read


def test_levels_resolve_from_conversation_to_account_to_default() -> None:
    prefs = {levels.account_key("acc"): "all"}
    assert levels.level_for(prefs, CHAN) is NotifyLevel.ALL
    assert levels.own_level(prefs, CHAN) is None
    assert levels.level_for({}, CHAN) is levels.DEFAULT_LEVEL is NotifyLevel.MENTIONS
