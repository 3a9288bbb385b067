"""What the delegate draws around the messages of the open window: day separators, whether a
message starts a new group (sender and time shown) or continues the one above, and where the
"new messages" line goes. Kept apart from :class:`~ui.models.message_model.MessageListModel`,
which loads and trims the window: these only read it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from app.models import Cursor, Message, MessageKind, same_author

GROUP_GAP = timedelta(minutes=5)


class RowMarks:
    """Reads the window's rows (``attach``: the model's lists of messages and their sort keys,
    both in order) and answers per row. Local days are cached per timestamp: ``astimezone`` is
    slow and every layout asks every row's day."""

    def __init__(self, day_text: Callable[[date], str], at_start: Callable[[], bool]) -> None:
        self._day_words = day_text
        self._at_start = at_start  # the window begins at the conversation's first message
        self._messages: list[Message] = []
        self._keys: list[tuple[int, int]] = []
        self._days: dict[int, date] = {}  # timestamp (ms) → local day
        self.read_marker: Cursor | None = None
        """Where the user had read up to when the conversation was opened."""

    def attach(self, messages: list[Message], keys: list[tuple[int, int]]) -> None:
        self._messages, self._keys, self._days = messages, keys, {}

    def forget_days_before(self, stamp_ms: int) -> None:
        """Rows older than ``stamp_ms`` left the window."""
        self._days = {k: v for k, v in self._days.items() if k >= stamp_ms}

    def day_of(self, row: int) -> date:
        stamp = self._keys[row][0]
        day = self._days.get(stamp)
        if day is None:
            day = self._days[stamp] = self._messages[row].timestamp.astimezone().date()
        return day

    def day_text(self, row: int) -> str:
        """The day separator above ``row``, or "" (same day as the row above)."""
        if row > 0 and self.day_of(row - 1) == self.day_of(row):
            return ""
        return self._day_words(self.day_of(row))

    def starts_group(self, row: int) -> bool:
        if row == 0 or self.day_text(row) or self.unread_marker_here(row):
            return True
        prev, msg = self._messages[row - 1], self._messages[row]
        # The same nick is not always the same person: where the room vouches for who wrote
        # each message (occupant ids), the next holder of a freed nick starts a group of their
        # own instead of reading as a continuation of the last holder's words.
        return (
            prev.sender != msg.sender
            or not same_author(prev, msg.sender, msg.occupant_id)
            or prev.direction != msg.direction
            or msg.kind in (MessageKind.EMOTE, MessageKind.SYSTEM, MessageKind.NOTICE)
            or msg.timestamp - prev.timestamp > GROUP_GAP
        )

    def unread_marker_here(self, row: int) -> bool:
        marker = self.read_marker
        if marker is None:
            return False
        key = (marker.timestamp_ms, marker.seq)
        if self._keys[row] <= key or self._messages[row].outgoing:
            return False
        for earlier in range(row - 1, -1, -1):
            if self._keys[earlier] <= key:
                return True
            if not self._messages[earlier].outgoing:
                return False
        return self._at_start()  # the first loaded message is only "first new" at the start
