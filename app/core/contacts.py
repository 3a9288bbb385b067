"""Contact commands: the roster (adding, renaming, removing), subscriptions and blocking.

Presence and roster changes arrive as events (``PresenceChanged``, ``ContactsChanged``); these
commands only ask the service, through :class:`~app.backend.SupportsRoster` and
:class:`~app.backend.SupportsBlocking`, and return once the facts they caused are stored.
"""

from __future__ import annotations

from app.backend import (
    ContactDetails,
    Failure,
    Outcome,
    SupportsBlocking,
    SupportsContactDetails,
    SupportsRoster,
)
from app.core.services import CommandError, CoreServices
from app.models import AccountId, Contact


class ContactCommands:
    """``core.contacts``: the people an account knows, and whom it blocks."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def list_contacts(self, account_id: AccountId) -> list[Contact]:
        """The stored contacts of an account (its roster as last seen)."""
        session = self._s.session(account_id)
        return await self._s.worker.run(session.store.contacts)

    async def add_contact(
        self, account_id: AccountId, contact: str, name: str = "", message: str = ""
    ) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsRoster, lambda b: b.add_contact(contact, name, message)
        )

    async def remove_contact(self, account_id: AccountId, contact: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsRoster, lambda b: b.remove_contact(contact)
        )

    async def rename_contact(self, account_id: AccountId, contact: str, name: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsRoster, lambda b: b.rename_contact(contact, name)
        )

    async def answer_subscription(
        self, account_id: AccountId, contact: str, accept: bool
    ) -> Outcome:
        """Accept or refuse someone's request to see our presence."""
        return await self._s.delegate(
            account_id, SupportsRoster, lambda b: b.answer_subscription(contact, accept)
        )

    async def details(self, account_id: AccountId, contact: str) -> ContactDetails:
        """What the service tells about someone (IRC: WHOIS), for a details view."""
        backend = self._s.require(self._s.session(account_id), SupportsContactDetails)
        found = await backend.contact_details(contact)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def set_blocked(self, account_id: AccountId, contact: str, blocked: bool) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsBlocking, lambda b: b.set_blocked(contact, blocked)
        )
