"""The two ids of an XMPP message, kept side by side for this session.

Chinwag knows a message by one remote id (the archive's stanza-id, see :mod:`backends.xmpp.convert`),
but XMPP peers reference 1:1 messages by the id their *sender* gave them, and corrections reference
that id in rooms too. This bounded map translates between the two for messages seen since connecting;
older ones are looked up in the archive by the backend when needed.
"""

from __future__ import annotations

from collections import OrderedDict

from backends.xmpp.convert import IdLink

MAX_ENTRIES = 20_000


class MessageIdMap:
    """(conversation, sender's id) ↔ (conversation, remote id), least recently used dropped first."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._max = max_entries
        self._by_ref: OrderedDict[tuple[str, str], IdLink] = OrderedDict()
        self._by_remote: OrderedDict[tuple[str, str], IdLink] = OrderedDict()

    def __len__(self) -> int:
        return len(self._by_ref)

    def remember(self, link: IdLink) -> None:
        for table, key in (
            (self._by_ref, (link.conversation, link.ref)),
            (self._by_remote, (link.conversation, link.remote_id)),
        ):
            table[key] = link
            table.move_to_end(key)
            while len(table) > self._max:
                table.popitem(last=False)

    def remote_for(self, conversation: str, ref: str) -> str:
        """The remote id of the message a stanza references by ``ref`` (``ref`` if unknown)."""
        link = self._by_ref.get((conversation, ref))
        return link.remote_id if link is not None else ref

    def link_for_remote(self, conversation: str, remote_id: str) -> IdLink | None:
        return self._by_remote.get((conversation, remote_id))

    def knows_ref(self, conversation: str, ref: str) -> bool:
        return (conversation, ref) in self._by_ref

    def knows_remote(self, conversation: str, remote_id: str) -> bool:
        return (conversation, remote_id) in self._by_remote
