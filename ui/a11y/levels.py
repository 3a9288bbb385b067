"""Which new messages are read aloud: a level per conversation, a default per account.

Levels are the notification levels' words — every message / mentions and direct messages /
nothing — but kept apart from desktop notifications: someone may want a channel silent on screen
and still hear it, or the other way round. They are app preferences (the config file, through the
core like every preference), so they need no store change:

- ``a11y.announce.conversation.<account>/<conversation>``: one conversation's own level;
- ``a11y.announce.account.<account>``: the default for that account's conversations;
- otherwise "mentions and direct messages": busy channels stay quiet in the background, and a
  direct message is a mention by nature.

The conversation one has open is different: while the window is active its new messages are read
unless its level is "nothing" and unless the person turned that off (``a11y.read_open``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.models import ConversationId, ConversationKind, NotifyLevel

ACCOUNT_PREFIX = "a11y.announce.account."
CONVERSATION_PREFIX = "a11y.announce.conversation."
READ_OPEN = "a11y.read_open"
DEFAULT_LEVEL = NotifyLevel.MENTIONS


def account_key(account_id: str) -> str:
    return f"{ACCOUNT_PREFIX}{account_id}"


def conversation_key(conv: ConversationId) -> str:
    return f"{CONVERSATION_PREFIX}{conv.account_id}/{conv.native_id}"


def _level(value: Any) -> NotifyLevel | None:
    try:
        return NotifyLevel(value)
    except ValueError:
        return None


def account_level(prefs: Mapping[str, Any], account_id: str) -> NotifyLevel:
    return _level(prefs.get(account_key(account_id))) or DEFAULT_LEVEL


def own_level(prefs: Mapping[str, Any], conv: ConversationId) -> NotifyLevel | None:
    """The conversation's own level, or None when it follows its account."""
    return _level(prefs.get(conversation_key(conv)))


def level_for(prefs: Mapping[str, Any], conv: ConversationId) -> NotifyLevel:
    return own_level(prefs, conv) or account_level(prefs, conv.account_id)


def wanted(
    prefs: Mapping[str, Any],
    conv: ConversationId,
    kind: ConversationKind,
    mentions_me: bool,
    is_open: bool,
) -> bool:
    """Whether a new message (not ours) in ``conv`` is read aloud."""
    level = level_for(prefs, conv)
    if level is NotifyLevel.NONE:
        return False
    if is_open:
        return bool(prefs.get(READ_OPEN, True))
    return level is NotifyLevel.ALL or mentions_me or kind is ConversationKind.DIRECT
