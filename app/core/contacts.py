"""Contact commands: the roster (adding, renaming, removing), subscriptions, details, blocking.

Presence and roster changes arrive as events (``ContactsChanged``, with each contact's current
presence); these commands ask the service through :class:`~app.backend.SupportsRoster`,
:class:`~app.backend.SupportsBlocking` and :class:`~app.backend.SupportsContactDetails`, and
return once the facts they caused are stored.
"""

from __future__ import annotations

from dataclasses import replace

from app.backend import (
    ContactDetails,
    Failure,
    Outcome,
    SupportsBlocking,
    SupportsContactDetails,
    SupportsRoster,
)
from app.core.services import CommandError, CoreServices, matches_everyone
from app.i18n import CoreMessages
from app.models import AccountId, Contact


class ContactCommands:
    """``core.contacts``: the people an account knows, and whom it blocks."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def list_contacts(self, account_id: AccountId) -> list[Contact]:
        """The account's contacts (its roster as last seen, the blocked included), each with
        the presence last reported this session."""
        session = self._s.session(account_id)
        dispatcher = session.dispatcher
        online = session.backend is not None  # offline, what we last heard is stale

        def read() -> list[Contact]:
            return [
                replace(c, presence=dispatcher.presence.get(c.id.native_id, c.presence))
                if online
                else c
                for c in session.store.contacts()
            ]

        return await self._s.worker.run(read)

    async def blocked(self, account_id: AccountId) -> list[Contact]:
        """The account's "Blocked" list."""
        return [c for c in await self.list_contacts(account_id) if c.blocked]

    async def add_contact(
        self, account_id: AccountId, contact: str, name: str = "", message: str = ""
    ) -> Outcome:
        who = contact.strip()
        if not who:
            raise CommandError(CoreMessages.tr("Whom do you want to add?"))
        return await self._s.delegate(
            account_id, SupportsRoster, lambda b: b.add_contact(who, name.strip(), message)
        )

    async def remove_contact(self, account_id: AccountId, contact: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsRoster, lambda b: b.remove_contact(contact)
        )

    async def rename_contact(self, account_id: AccountId, contact: str, name: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsRoster, lambda b: b.rename_contact(contact, name.strip())
        )

    async def answer_subscription(
        self, account_id: AccountId, contact: str, accept: bool
    ) -> Outcome:
        """Accept or refuse someone's request to see our presence."""
        return await self._s.delegate(
            account_id, SupportsRoster, lambda b: b.answer_subscription(contact, accept)
        )

    async def details(self, account_id: AccountId, contact: str) -> ContactDetails:
        """What the service tells about someone (IRC: WHOIS; XMPP: resources and clients;
        Matrix: profile and devices), for a details view."""
        backend = self._s.require(self._s.session(account_id), SupportsContactDetails)
        found = await backend.contact_details(contact)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def set_blocked(self, account_id: AccountId, contact: str, blocked: bool) -> Outcome:
        """Block (or unblock) an address or, on IRC, a ``nick!user@host`` mask."""
        who = contact.strip()
        if not who:
            raise CommandError(CoreMessages.tr("Whom do you want to block?"))
        if blocked and matches_everyone(who):
            raise CommandError(f"“{who}” would block everyone.")
        return await self._s.delegate(
            account_id, SupportsBlocking, lambda b: b.set_blocked(who, blocked)
        )
