"""Which of our contacts' keys are verified.

Delta Chat 2 names a person by their key (a *key-contact*), so a contact id stands for one key for
ever: when we finished a SecureJoin with someone (they scanned our QR code or we scanned theirs),
the key of that contact id came to us out of band and is verified. The core's JSON-RPC API does not
say so itself (2.65 has no "verified" field), so we keep the ids in the account's state; a new
key for the same address is a new contact id and starts unverified.
"""

from __future__ import annotations

import json

from app.api import StateAccess

STATE_KEY = "deltachat.verified_contacts"


class TrustBook:
    def __init__(self, state: StateAccess) -> None:
        self._state = state
        self._verified: set[int] = set()

    async def load(self) -> None:
        raw = await self._state.get(STATE_KEY)
        try:
            values = json.loads(raw) if raw else []
            self._verified = {int(v) for v in values if isinstance(v, int)}
        except (ValueError, TypeError):
            self._verified = set()

    def is_verified(self, contact_id: int) -> bool:
        return contact_id in self._verified

    async def mark_verified(self, contact_id: int) -> None:
        if contact_id in self._verified:
            return
        self._verified.add(contact_id)
        await self._state.set(STATE_KEY, json.dumps(sorted(self._verified)))
