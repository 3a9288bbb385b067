"""End-to-end encryption commands: devices and their trust, verification, key backup.

Verification progress arrives as events; these commands start, answer or cancel it through
:class:`~app.backend.SupportsVerification` and :class:`~app.backend.SupportsKeyBackup`.
"""

from __future__ import annotations

from app.backend import Failure, Outcome, SupportsKeyBackup, SupportsVerification
from app.core.services import CommandError, CoreServices
from app.models import AccountId, Device


class EncryptionCommands:
    """``core.encryption``: what a person does to trust devices and keep their keys."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def devices(self, account_id: AccountId, contact: str) -> tuple[Device, ...]:
        """The devices of ``contact`` with their trust (encryption-capable services)."""
        backend = self._s.require(self._s.session(account_id), SupportsVerification)
        found = await backend.devices(contact)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def start_verification(
        self, account_id: AccountId, contact: str, device_id: str = ""
    ) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsVerification, lambda b: b.start_verification(contact, device_id)
        )

    async def accept_verification(self, account_id: AccountId, verification_id: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsVerification, lambda b: b.accept_verification(verification_id)
        )

    async def confirm_verification(
        self, account_id: AccountId, verification_id: str, match: bool
    ) -> Outcome:
        return await self._s.delegate(
            account_id,
            SupportsVerification,
            lambda b: b.confirm_verification(verification_id, match),
        )

    async def cancel_verification(self, account_id: AccountId, verification_id: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsVerification, lambda b: b.cancel_verification(verification_id)
        )

    async def create_key_backup(self, account_id: AccountId) -> Outcome:
        """Back keys up on the server; the recovery key (``Outcome.value``) is shown once."""
        return await self._s.delegate(
            account_id, SupportsKeyBackup, lambda b: b.create_key_backup()
        )

    async def restore_key_backup(self, account_id: AccountId, recovery_key: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsKeyBackup, lambda b: b.restore_key_backup(recovery_key)
        )
