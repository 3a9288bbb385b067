"""One dispatcher batch: the events it produced, in order, and what it touched.

Apart from :class:`~app.dispatch.AccountDispatcher` so its fact handlers
(:mod:`app.dispatch_people`) share it without importing the dispatcher.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace

from app import events as ev
from app.models import ConversationId, Member, Message
from app.store.account_store import AccountStore

_log = logging.getLogger("chinwag.dispatch")


class MemberChange:
    """A room's member facts of one batch, merged: who joined or changed, who left (the last
    fact about a member wins), or that the whole list was replaced."""

    def __init__(self) -> None:
        self.upserted: dict[str, Member] = {}
        self.removed: dict[str, None] = {}
        self.complete = False

    def add(self, upserted: tuple[Member, ...], removed: tuple[str, ...], complete: bool) -> None:
        if complete:
            self.complete = True
            self.upserted.clear()
            self.removed.clear()
        if self.complete:
            return
        for native_id in removed:
            self.upserted.pop(native_id, None)
            self.removed[native_id] = None
        for member in upserted:
            self.removed.pop(member.native_id, None)
            self.upserted[member.native_id] = member

    def event(self, store: AccountStore, native: str) -> ev.MembersChanged:
        """The event: the whole stored list when it was replaced; else only what changed, as
        the store now has it (the store keeps the last fact about a member whole), and how
        many members there are now. A batch of changes costs the changes, not the room."""
        conv_id = ConversationId(store.account_id, native)
        people = store.people
        if self.complete:
            return ev.MembersChanged(conv_id, tuple(people.members(native)))
        return ev.MembersChanged(
            conv_id,
            upserted=tuple(people.as_stored(native, m) for m in self.upserted.values()),
            removed=tuple(self.removed),
            complete=False,
            count=people.member_count(native),
        )


class Batch:
    """Events of one batch, in order, plus the conversations it touched."""

    def __init__(self) -> None:
        self.events: list[ev.Event] = []
        self.touched: dict[str, None] = {}
        self.members: dict[str, MemberChange] = {}
        self.spaces = False  # the account's spaces changed

    def add(self, event: ev.Event) -> None:
        self.events.append(event)

    def finish(self, store: AccountStore) -> list[ev.Event]:
        """The batch's events, once its transaction committed. Reading spaces and members back
        may fail now (the disk …): that costs those events and a log line, never an error to
        the caller, who would take the batch for unsaved and save it twice (app.save_retry)."""
        out: list[ev.Event] = []
        convs = [c for c in (store.conversation(n) for n in self.touched) if c is not None]
        if convs:
            out.append(ev.ConversationsChanged(tuple(convs)))
        out.extend(coalesce(self.events))
        try:
            if self.spaces:
                out.append(ev.SpacesChanged(store.account_id, tuple(store.spaces.all())))
            for native, change in self.members.items():
                out.append(change.event(store, native))
        except sqlite3.Error:
            _log.exception(
                "%s: saved a batch, but could not read its spaces or members back", store.account_id
            )
        return out


def coalesce(events: list[ev.Event]) -> list[ev.Event]:
    """Merge runs of MessagesAdded/MessagesUpdated of the same conversation into one event.

    Linear: a run's messages are gathered first and the event rebuilt once per run (rebuilding it
    per message made a 5,000-message batch copy 12 million tuple items).
    """
    out: list[ev.Event] = []
    added: list[Message] = []  # the messages of the run that ends at out[-1], if it is one
    updated: dict[str, Message] = {}
    merged = False  # whether out[-1] took in a later event

    def close_run() -> None:
        nonlocal merged
        last = out[-1] if out else None
        if merged and isinstance(last, ev.MessagesAdded):
            out[-1] = replace(last, messages=tuple(added))
        elif merged and isinstance(last, ev.MessagesUpdated):
            out[-1] = replace(last, messages=tuple(updated.values()))
        added.clear()
        updated.clear()
        merged = False

    for event in events:
        last = out[-1] if out else None
        if (
            isinstance(event, ev.MessagesAdded)
            and isinstance(last, ev.MessagesAdded)
            and last.conversation_id == event.conversation_id
            and last.live == event.live
        ):
            added.extend(event.messages)
            merged = True
        elif (
            isinstance(event, ev.MessagesUpdated)
            and isinstance(last, ev.MessagesUpdated)
            and last.conversation_id == event.conversation_id
        ):
            updated.update((m.local_id, m) for m in event.messages)
            merged = True
        else:
            close_run()
            out.append(event)
            if isinstance(event, ev.MessagesAdded):
                added.extend(event.messages)
            elif isinstance(event, ev.MessagesUpdated):
                updated.update((m.local_id, m) for m in event.messages)
    close_run()
    return out
