"""End-to-end encryption commands: devices and their trust, verification, key backup.

Verification progress arrives as events; these commands start, answer or cancel it through
:class:`~app.backend.SupportsVerification` and :class:`~app.backend.SupportsKeyBackup`.
"""

from __future__ import annotations

from app.backend import (
    Failure,
    FailureKind,
    Outcome,
    SupportsDeviceTrust,
    SupportsKeyBackup,
    SupportsVerification,
    as_capable,
)
from app.core.services import CommandError, CoreServices
from app.i18n import CoreMessages, Text
from app.models import AccountId, ConversationId, Device, DeviceTrust, VerificationMethods

PASSPHRASE_MIN_LENGTH = 12
"""The shortest secure storage passphrase accepted: the encrypted secrets sit on the server, so
the passphrase is all that stands between a copy of them and an offline guesser (PBKDF2 only
slows each guess down)."""


def passphrase_problem(passphrase: str) -> Text | None:
    """Why ``passphrase`` cannot protect secure storage, or None. Spaces at either end are
    refused because a passphrase typed (or pasted) to open the storage is trimmed."""
    if len(passphrase) < PASSPHRASE_MIN_LENGTH:
        return CoreMessages.tr(
            "The passphrase is too short: use at least %1 characters (a few unrelated words are "
            "easy to remember and hard to guess)."
        ).arg(PASSPHRASE_MIN_LENGTH)
    if passphrase != passphrase.strip():
        return CoreMessages.tr("The passphrase cannot begin or end with a space.")
    return None


class EncryptionCommands:
    """``core.encryption``: what a person does to trust devices and keep their keys."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def devices(self, account_id: AccountId, contact: str) -> tuple[Device, ...]:
        """The devices of ``contact`` with their trust (encryption-capable services)."""
        session = self._s.session(account_id)
        manual = as_capable(session.backend, SupportsDeviceTrust)
        if manual is not None:
            found = await manual.devices(contact)
        else:
            backend = self._s.require(session, SupportsVerification)
            found = await backend.devices(contact)
        if isinstance(found, Failure):
            raise CommandError(found.message)
        return found

    async def verification_methods(self, account_id: AccountId) -> VerificationMethods:
        """How this account's devices are verified (which buttons the devices dialog offers)."""
        backend = self._s.session(account_id).backend
        return VerificationMethods(
            interactive=as_capable(backend, SupportsVerification) is not None,
            fingerprints=as_capable(backend, SupportsDeviceTrust) is not None,
        )

    async def set_device_trust(
        self, account_id: AccountId, contact: str, device_id: str, trust: DeviceTrust
    ) -> Outcome:
        """The user compared a device's fingerprint (VERIFIED), distrusts it (BLOCKED), or takes
        the decision back (UNVERIFIED)."""
        return await self._s.delegate(
            account_id,
            SupportsDeviceTrust,
            lambda b: b.set_device_trust(contact, device_id, trust),
        )

    async def repair_encryption(self, conv: ConversationId) -> Outcome:
        """New encryption sessions with the devices whose messages in ``conv`` failed."""
        return await self._s.delegate(
            conv.account_id, SupportsDeviceTrust, lambda b: b.repair_encryption(conv)
        )

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

    async def create_key_backup(self, account_id: AccountId, passphrase: str = "") -> Outcome:
        """Back keys up on the server; the recovery key (``Outcome.value``) is shown once.

        With a ``passphrase`` the secure storage opens with it too (it derives the storage key);
        one that :func:`passphrase_problem` refuses is a CONFIG failure. It is never logged nor
        stored: it goes to the backend and is dropped."""
        if passphrase:
            problem = passphrase_problem(passphrase)
            if problem is not None:
                return Outcome(Failure(FailureKind.CONFIG, problem))
        return await self._s.delegate(
            account_id,
            SupportsKeyBackup,
            # without one, called as before: a plugin written before passphrases still works
            lambda b: b.create_key_backup(passphrase) if passphrase else b.create_key_backup(),
        )

    async def restore_key_backup(self, account_id: AccountId, recovery_key: str) -> Outcome:
        return await self._s.delegate(
            account_id, SupportsKeyBackup, lambda b: b.restore_key_backup(recovery_key)
        )
