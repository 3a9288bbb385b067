"""``core.signed_in``: our own sign-ins elsewhere on a service (Element's "Sessions").

For a person who lost a laptop or signed in on a friend's computer: see where the account is
signed in, name each, and sign the others out. Only services that keep such sign-ins
(:class:`~app.backend.SupportsSignedInDevices`, today Matrix) offer it.
"""

from __future__ import annotations

from app.backend import Failure, Outcome, SignedInDevice, SupportsSignedInDevices
from app.core.services import CommandError, CoreServices
from app.models import AccountId


class SignedInCommands:
    def __init__(self, services: CoreServices) -> None:
        self._s = services

    def offered(self, account_id: AccountId) -> bool:
        """Whether the account's service keeps sign-ins to list (the menu shows the action)."""
        session = self._s.sessions.get(account_id)
        return session is not None and isinstance(session.backend, SupportsSignedInDevices)

    async def devices(self, account_id: AccountId) -> tuple[SignedInDevice, ...]:
        """This app's own sign-in first, then the others, most recently seen first."""
        backend = self._s.require(self._s.session(account_id), SupportsSignedInDevices)
        found = await backend.signed_in_devices()
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def rename(self, account_id: AccountId, device_id: str, name: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsSignedInDevices, lambda b: b.rename_device(device_id, name)
        )

    async def sign_out(self, account_id: AccountId, device_ids: tuple[str, ...]) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsSignedInDevices, lambda b: b.sign_out_devices(device_ids)
        )
