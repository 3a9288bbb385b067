"""End-to-end encryption for one session: the Olm machine, cross-signing and key backup, wired.

The pieces live in their own modules (:mod:`.crypto` feeds nio's Olm machine and decrypts,
:mod:`.crosssign` keeps cross-signing trust, :mod:`.keybackup` the server-side backup,
:mod:`.verification` the SAS state machine); :class:`Encryption` opens them once the Olm store is
loaded and answers what the other services ask: open this event, is this room encrypted, make nio
ready to send there, how far is this conversation trusted. SAS itself is :mod:`.verifying`.

Without matrix-nio[e2e] (vodozemac) none of it imports: rooms stay plain, encrypted events show
:data:`NO_E2E_BODY`, and sending into an encrypted room is refused.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

import nio  # type: ignore[import-untyped]

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import Trust
from backends.matrix import convert as cv
from backends.matrix.http import V3, q
from backends.matrix.niotypes import NioRoom
from backends.matrix.session import Logger, MatrixSession, not_connected

try:  # end-to-end encryption needs matrix-nio[e2e] (vodozemac); without it rooms stay plain
    from backends.matrix import crosssign as xs
    from backends.matrix import crypto as e2e
    from backends.matrix import keybackup as kb
    from backends.matrix import ssss
    from backends.matrix import verification as sas

    E2E_AVAILABLE = True
except ImportError:  # pragma: no cover - depends on the installed extras
    E2E_AVAILABLE = False

NO_E2E_BODY = CoreMessages.tr(
    "This message is end-to-end encrypted; install matrix-nio[e2e] to read it."
)
MAX_CROSS_SIGNING_ATTEMPTS = 3  # per session, when the server could not be reached
MAX_UNSEEN_ROOMS = 200  # encrypted rooms whose members we load ourselves, per session
STATE_WAITING = "megolm_waiting"
"""JSON: the messages still waiting for their Megolm key (room, session, event ids), so a key
that arrives after a restart — or at a crash — still decrypts them in place."""


@dataclass(frozen=True)
class Opened:
    """A timeline event ready to convert: the plaintext (when it could be decrypted), how far it
    can be trusted, and the text to show instead when it cannot be read."""

    event: object
    trust: Trust = Trust.NONE
    placeholder: str | None = None


@dataclass(frozen=True)
class CryptoParts:
    """What exists once this device's Olm store is open (all of it, or none)."""

    e2e: e2e.E2E
    cross: xs.CrossSigning
    verifications: sas.Verifications
    backup: kb.KeyBackup
    storage: ssss.SecretStorage


async def guarded(step: Awaitable[object], what: str, log: Logger) -> None:
    """Run an encryption side step; a bug in it is logged and costs only that step."""
    try:
        await step
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("%s failed", what)


class Encryption:
    """The encryption of one session (inactive until :meth:`open`)."""

    def __init__(self, session: MatrixSession) -> None:
        self.session = session
        self.log = session.log
        self.parts: CryptoParts | None = None
        self.room_trust: dict[str, Trust] = {}
        self._encrypted_cache: dict[str, bool] = {}
        self._cross_attempts = 0
        self._watched: set[str] = set()  # encrypted rooms whose members we loaded ourselves
        self._checked: set[str] = set()  # rooms looked at for members, once per session
        self._waiting_saved = ""
        self.cross_signing_checked = asyncio.Event()
        """Set once this session has looked at (and if needed made) its cross-signing keys."""

    @property
    def active(self) -> bool:
        return self.parts is not None

    async def open(self) -> None:
        """Wire the Olm machine nio loaded from its store with cross-signing, SAS and backup."""
        session = self.session
        client = session.nio
        olm = client.olm
        if olm is None:
            raise RuntimeError("the encryption store is not loaded")
        ctx = session.ctx
        machine = e2e.E2E(client, self.log)
        cross = xs.CrossSigning(
            session.api,
            ctx.secrets,
            ctx.state,
            self.log,
            user_id=str(client.user_id),
            device_id=str(client.device_id),
            device_ed25519=machine.ed25519,
            device_sign=olm.account.sign,
            notice=lambda text: ctx.report(f.ServiceNotice(text)),
        )
        machine.extra_trust = cross.extra_trust
        verifications = sas.Verifications(
            str(client.user_id),
            str(client.device_id),
            machine.ed25519,
            self._device_key,
            own_master=cross.own_master,
            their_master=cross.their_master,
        )
        backup = kb.KeyBackup(
            session.api,
            ctx.secrets,
            ctx.state,
            self.log,
            olm=olm,
            sign_auth_data=self._sign_auth_data,
        )
        await backup.load()
        saved = await ctx.state.get(STATE_WAITING)
        try:
            machine.restore_index(json.loads(saved) if saved else [])
        except ValueError:
            self.log.warning("the list of messages waiting for a key is unreadable; dropped")
        self._waiting_saved = saved or ""
        storage = ssss.SecretStorage(
            session.api,
            ctx.secrets,
            self.log,
            user_id=str(client.user_id),
            cross=cross,
            backup=backup,
        )
        self.parts = CryptoParts(machine, cross, verifications, backup, storage)
        self.log.info("end-to-end encryption ready (device %s)", client.device_id)

    def close(self) -> None:
        self.parts = None

    def _sign_auth_data(self, auth: dict[str, Any]) -> dict[str, Any]:
        """Key backup ``auth_data`` signed by this device and, when we hold it, our master key."""
        client = self.session.nio
        assert client.olm is not None
        signed = xs.sign_with_device(
            auth, str(client.user_id), str(client.device_id), client.olm.account.sign
        )
        return self.parts.cross.sign_json(signed) if self.parts is not None else signed

    def _device_key(self, user_id: str, device_id: str) -> str | None:
        device = self.parts.e2e.device(user_id, device_id) if self.parts is not None else None
        return str(device.ed25519) if device is not None else None

    # -- events ------------------------------------------------------------------------------------

    def open_event(self, room_id: str, event: dict[str, Any]) -> Opened:
        """An ``m.room.encrypted`` event decrypted, or left as it is with the reason it cannot be
        read (waiting for its key, broken, or no encryption support installed)."""
        if self.parts is None:
            return Opened(event, Trust.UNDECRYPTABLE, NO_E2E_BODY)
        result = self.parts.e2e.decrypt(room_id, event)
        if isinstance(result, e2e.Decrypted):
            return Opened(result.event, result.trust)
        return Opened(event, Trust.UNDECRYPTABLE, result.body)

    def ready_sessions(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """Events whose Megolm key arrived since they did (room id, raw events)."""
        return self.parts.e2e.ready_sessions() if self.parts is not None else []

    def ready_restored(self) -> list[tuple[str, list[str]]]:
        """Events an earlier session left waiting whose key is here now (room id, event ids)."""
        return self.parts.e2e.ready_restored() if self.parts is not None else []

    async def save_waiting(self) -> None:
        """Keep what still waits for a key (before the sync position moves past it)."""
        if self.parts is None:
            return
        text = json.dumps(self.parts.e2e.waiting_index(), separators=(",", ":"))
        if text != self._waiting_saved:
            self._waiting_saved = text
            self.session.keep(STATE_WAITING, text)

    # -- the sync answer -----------------------------------------------------------------------

    async def feed(self, body: dict[str, Any]) -> None:
        """Let nio see the answer's room keys and device lists before timelines are decrypted."""
        if self.parts is None:
            return
        try:
            await self.parts.e2e.feed(body)
        except Exception:  # nio must never stop the sync; the events show as undecryptable
            self.log.exception("the encryption layer failed on a sync answer")
            self.session.report(f.BadInput("matrix sync answer (encryption part)"))

    async def after_sync(self) -> None:
        """Send what nio queued (keys, queries, claims); keep cross-signing keys current."""
        if self.parts is None:
            return
        changed = await self.parts.e2e.after_sync(self.session.api.call)
        await guarded(self._cross_signing_step(changed), "cross-signing", self.log)

    async def request_keys(self) -> None:
        """Ask our other devices for the keys of messages still waiting for one."""
        if self.parts is not None:
            await self.parts.e2e.request_keys(self.session.api.call)

    async def settle(self) -> None:
        """After a sync answer: back up new room keys and report trust that changed."""
        parts = self.parts
        if parts is None:
            return
        await guarded(parts.backup.upload_new(), "key backup", self.log)
        await self.save_waiting()
        parts.e2e.device_lists_changed = False
        self.update_trust()
        if parts.cross.wanted:
            # Trust questions about people whose cross-signing keys we never asked for.
            await guarded(parts.cross.refresh_wanted(), "cross-signing", self.log)
            self.update_trust()

    async def _cross_signing_step(self, changed: list[str]) -> None:
        """Set up our cross-signing keys once per session; keep others' current (their device
        lists changed, or a trust question needed them)."""
        if self.parts is None:
            return
        cross = self.parts.cross
        if not cross.set_up and self._cross_attempts < MAX_CROSS_SIGNING_ATTEMPTS:
            self._cross_attempts += 1
            failure = await cross.set_up_keys()
            if failure is not None:
                self.log.info("cross-signing not set up: %s", failure.message)
                if not failure.retryable:
                    self._cross_attempts = MAX_CROSS_SIGNING_ATTEMPTS
            if failure is None or self._cross_attempts >= MAX_CROSS_SIGNING_ATTEMPTS:
                self.cross_signing_checked.set()
        listed = self.parts.e2e.take_changed_users()
        users = set(changed) | set(cross.wanted) | {u for u in listed if cross.book.knows(u)}
        if users:
            await cross.refresh(users)

    # -- trust -----------------------------------------------------------------------------------

    def update_trust(self) -> None:
        """Report the trust of encrypted conversations whose answer changed."""
        if self.parts is None:
            return
        session = self.session
        # nio's store remembers which rooms are encrypted: after a restart a resumed sync rarely
        # repeats a room's state, yet its trust can change (cross-signing) once members are known.
        known = session.client.encrypted_rooms if session.client is not None else set()
        rooms = list(session.rooms) + sorted((self._watched & session.joined) - set(session.rooms))
        for room_id in rooms:
            room = session.rooms.get(room_id)
            members = session.room_members(room_id)
            seen_encrypted = room is not None and bool(room.encrypted)
            if not seen_encrypted and (
                (room_id not in known and room_id not in self._watched)
                or not members - {session.own_id}
            ):
                continue
            trust = self.parts.e2e.users_trust(members)
            if self.room_trust.get(room_id) is not trust:
                self.room_trust[room_id] = trust
                session.report(
                    f.ConversationUpdated(
                        room_id, session.kind(room_id), encrypted=True, trust=trust
                    )
                )

    def sending_trust(self, room_id: str) -> Trust:
        """How far a message we just encrypted into a room can be trusted to stay private:
        ``VERIFIED`` only when every device that got its key is verified (as for the room)."""
        if self.parts is None:
            return Trust.UNVERIFIED
        return self.parts.e2e.users_trust(self.session.room_members(room_id))

    async def watch_rooms_without_members(self) -> None:
        """Encrypted rooms whose members this session does not know — not mentioned by a
        resumed sync, or mentioned without membership (lazy loading) — would keep the trust an
        earlier session found. Load their members (and device lists) once, so that a device
        added meanwhile, or later, changes what they show. At most ``MAX_UNSEEN_ROOMS`` rooms
        per session."""
        if self.parts is None:
            return
        session = self.session
        client = session.nio
        encrypted = set(client.encrypted_rooms) | set(session.encrypted_since)
        encrypted |= {r for r, room in session.rooms.items() if room.encrypted}
        own = {session.own_id}
        waiting = sorted(
            r
            for r in encrypted & session.joined
            if r not in self._checked and not session.room_members(r) - own
        )
        if not waiting:
            return
        budget = max(0, MAX_UNSEEN_ROOMS - len(self._checked))
        if len(waiting) > budget:
            self.log.info("trust of %d encrypted rooms not rechecked", len(waiting) - budget)
        for room_id in waiting[:budget]:
            self._checked.add(room_id)
            nio_room = client.rooms.get(room_id)
            if nio_room is None:
                nio_room = client.rooms[room_id] = nio.MatrixRoom(room_id, session.own_id, True)
            nio_room.encrypted = True
            if not nio_room.members_synced:
                failure = await self._load_members_for_keys(nio_room)
                if failure is not None:
                    self.log.info("members of %s not loaded: %s", room_id, failure.message)
                    continue
            self._watched.add(room_id)
        self.update_trust()

    # -- sending -----------------------------------------------------------------------------------

    async def is_encrypted(self, room_id: str) -> bool | Failure:
        """Whether a room is encrypted; asks the server when this session has not seen its state
        (never send plain text into a room only because we did not look)."""
        session = self.session
        room = session.rooms.get(room_id)
        if room is not None and room.encrypted is not None:
            return room.encrypted
        if session.client is not None and room_id in session.client.encrypted_rooms:
            return True
        if room_id in self._encrypted_cache:
            return self._encrypted_cache[room_id]
        reply = await session.api.request(
            "GET", f"{V3}/rooms/{q(room_id)}/state/m.room.encryption/", timeout=30
        )
        if reply.ok:
            encrypted = bool(cv.get_str(reply.body, "algorithm"))
        elif reply.status == 404:
            encrypted = False
        else:
            return reply.failure()
        self._encrypted_cache[room_id] = encrypted
        return encrypted

    async def prepare_room(self, room_id: str) -> bool | Failure:
        """Make nio ready to send to a room: it must know the room, whether it is encrypted and,
        if so, every joined and invited member (whose devices get the Megolm key). Returns
        whether what is sent there will be encrypted."""
        encrypted = await self.is_encrypted(room_id)
        if isinstance(encrypted, Failure):
            return encrypted
        if self.parts is None:
            if encrypted:
                return Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr(
                        "This room is end-to-end encrypted, and encryption support (matrix-nio[e2e]) "
                        "is not installed."
                    ),
                )
            return False
        client = self.session.nio
        nio_room = client.rooms.get(room_id)
        if nio_room is None:
            nio_room = client.rooms[room_id] = nio.MatrixRoom(
                room_id, self.session.own_id, encrypted
            )
        if not encrypted:
            return False
        nio_room.encrypted = True
        client.encrypted_rooms.add(room_id)
        if not nio_room.members_synced:
            failure = await self._load_members_for_keys(nio_room)
            if failure is not None:
                return failure
        return True

    async def _load_members_for_keys(self, nio_room: NioRoom) -> Failure | None:
        session = self.session
        reply = await session.api.request(
            "GET",
            f"{V3}/rooms/{q(nio_room.room_id)}/members",
            query={"not_membership": "leave"},
            timeout=60,
        )
        if not reply.ok:
            return reply.failure()
        for event in cv.events_of({"events": reply.body.get("chunk")}):
            user = cv.get_str(event, "state_key")
            content = cv.get_dict(event, "content") or {}
            membership = cv.get_str(content, "membership")
            if user is None or membership not in ("join", "invite"):
                continue
            if user not in nio_room.users:
                nio_room.add_member(
                    user,
                    cv.get_str(content, "displayname"),
                    cv.get_str(content, "avatar_url"),
                    membership == "invite",
                )
        nio_room.members_synced = True
        client = session.nio
        assert client.olm is not None
        client.olm.update_tracked_users(nio_room)
        if client.should_query_keys:
            await session.api.call(client.keys_query())
        return None

    # -- key backup --------------------------------------------------------------------------------

    def ready(self) -> Failure | None:
        """Why encryption actions cannot run now (not connected, not installed), or None."""
        if not self.session.connected():
            return not_connected()
        if self.parts is None:
            return Failure(
                FailureKind.UNSUPPORTED,
                CoreMessages.tr(
                    "End-to-end encryption support (matrix-nio[e2e]) is not installed."
                ),
            )
        return None

    async def create_backup(self, passphrase: str = "") -> Outcome:
        """Set up secret storage holding our cross-signing keys and a key backup's key (the
        backup is made when there is none); ``Outcome.value`` is the recovery key (shown once)."""
        failure = self.ready()
        if failure is not None or self.parts is None:
            return Outcome(failure or not_connected())
        outcome: Outcome = await self.parts.storage.set_up(passphrase)
        return outcome

    async def restore_backup(self, recovery_key: str) -> tuple[Outcome, int]:
        """Open the account's secret storage with a recovery key (or passphrase) — taking the
        cross-signing keys and the backup key — then import the backup's keys: the outcome, and
        how many keys were new. A bare backup key (Chinwag before secret storage) still works."""
        failure = self.ready()
        if failure is not None or self.parts is None:
            return Outcome(failure or not_connected()), 0
        outcome: Outcome
        try:
            outcome, imported = await self.parts.storage.unlock(recovery_key)
        except ssss.NoStorage:
            outcome, imported = await self.parts.backup.restore(recovery_key)
            return outcome, imported
        if outcome.failure is not None and outcome.failure.kind is FailureKind.REJECTED:
            bare, bare_imported = await self.parts.backup.restore(recovery_key)
            if bare.failure is None:
                return bare, bare_imported
        return outcome, imported
