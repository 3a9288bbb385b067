"""Whether a transaction whose COMMIT raised is in the store all the same.

SQLite can report an error for a COMMIT that reached the disk: ``SQLITE_IOERR`` on the fsync after
the WAL frame was written, a file system that fails after writing. The caller takes the batch for
unsaved and tries it again (:mod:`app.save_retry`): a Matrix event or an XMPP message comes back
under its id and is de-duplicated, but an IRC line has no id, and would be stored twice.

So every transaction of facts writes a fresh token (:data:`SAVED_BATCH_KEY` in the state table)
as its last statement. When its COMMIT raises, the token read back says whether it went through:
if so it counts as saved. When that read fails too (the disk), the transaction is *unsure*: the
token is read again before the next transaction (:meth:`CommitCheck.settle`), which then leaves
out the facts that turn out to be saved and hands over their events, once.

Runs on the store thread, like the dispatcher that uses it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from app import events as ev
from app.store.account_store import AccountStore

T = TypeVar("T")

SAVED_BATCH_KEY = "core.saved_batch"
"""State key of the token of the last batch of facts committed (written in its transaction)."""


@dataclass(eq=False)
class _Unsure:
    token: str
    facts: list[object]  # the very objects: the session hands them back when it tries again
    done: Callable[[], list[ev.Event]]  # marks its state writes committed, returns its events


class CommitCheck:
    def __init__(self, store: AccountStore, log: logging.LoggerAdapter[logging.Logger]) -> None:
        self.store = store
        self.log = log
        self._unsure: _Unsure | None = None

    @staticmethod
    def token() -> str:
        """A token no other transaction writes."""
        return os.urandom(12).hex()

    def mark(self, token: str) -> None:
        """Inside the transaction, as its last write."""
        self.store.set_state(SAVED_BATCH_KEY, token)

    def committed_anyway(
        self,
        token: str,
        exc: sqlite3.Error,
        facts: Sequence[object],
        done: Callable[[], list[ev.Event]],
    ) -> bool:
        """The COMMIT of the transaction that wrote ``token`` raised ``exc``: whether the
        transaction is in the store all the same. Unknown (the store cannot be read): no for
        now, and asked again by :meth:`settle` before the next transaction (``done`` then gives
        its events, should it be there)."""
        try:
            on_disk = self.store.get_state(SAVED_BATCH_KEY)
        except sqlite3.Error as read_error:
            self.log.warning(
                "COMMIT failed (%s) and whether it went through cannot be read (%s); "
                "asked again before the next try",
                exc,
                read_error,
            )
            self._unsure = _Unsure(token, list(facts), done)
            return False
        if on_disk != token:
            return False
        self.log.warning("COMMIT reported an error (%s) but committed all the same", exc)
        return True

    def settle(self, facts: list[T]) -> tuple[list[ev.Event], list[T]]:
        """Before a transaction of ``facts``: whether the unsure one went through after all. If
        so, its events are due now and its facts (tried again at the front of ``facts``) are
        left out, found by identity, never by content. Raises a transient error (everything is
        kept) while the store still cannot be read."""
        unsure = self._unsure
        if unsure is None:
            return [], facts
        try:
            on_disk = self.store.get_state(SAVED_BATCH_KEY)
        except sqlite3.Error as exc:
            # Always transient: a deterministic error would have the facts split and dropped.
            raise sqlite3.OperationalError(
                f"whether the last transaction went through cannot be read: {exc}"
            ) from exc
        self._unsure = None
        if on_disk != unsure.token:
            return [], facts  # rolled back: saved as usual
        self.log.warning("the transaction whose COMMIT raised was committed all the same")
        saved = {id(x) for x in unsure.facts}
        return unsure.done(), [x for x in facts if id(x) not in saved]
