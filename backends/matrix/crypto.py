"""End-to-end encryption glue: matrix-nio's Olm machine (vodozemac underneath) fed by our sync loop.

The backend keeps its own sync loop and raw-dict conversion; nio keeps the keys. After each sync
answer, :meth:`E2E.feed` hands nio only what its Olm machine needs (to-device messages, device-list
changes, one-time-key counts, membership and encryption state) and then :meth:`E2E.after_sync`
sends what nio queued (to-device messages, key uploads, device queries, one-time-key claims).
Timeline events are decrypted here one by one (:meth:`E2E.decrypt`), so a broken or replayed event
costs that event only — it becomes an "undecryptable" placeholder — never the whole answer.

Keys at rest: nio's ``SqliteStore`` under ``ctx.data_dir/nio-store`` pickles the Olm account, the
Olm sessions and the Megolm inbound sessions with vodozemac's pickle encryption (AES-256-CBC +
HMAC-SHA-256, keyed by SHA-256 of nio's ``pickle_key``). The pickle key is 32 random bytes made on
first use and kept only in the system keyring (``ctx.secrets["e2e_pickle_key"]``). See
``docs/matrix.md`` for exactly what is and is not encrypted in that file.

Verification (SAS) is in :mod:`.verification`; verification to-device events are taken out of the
answer before nio sees it, because nio 0.26's own SAS is not interoperable with the spec (it hashes
the commitment as hex and re-bins the emoji indices).
"""

from __future__ import annotations

import dataclasses
import json
import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nio  # type: ignore[import-untyped]
from nio.crypto import OlmDevice as NioOlmDevice  # type: ignore[import-untyped]
from nio.crypto import TrustState
from nio.exceptions import EncryptionError  # type: ignore[import-untyped]
from nio.store import SqliteStore  # type: ignore[import-untyped]

from app.backend import Failure
from app.i18n import CoreMessages
from app.models import DeviceTrust, Trust
from backends.matrix import convert as cv
from backends.matrix.bounded import BoundedDict
from backends.matrix.niotypes import MegolmEvent, NioClient, OlmDevice, OlmMachine

SECRET_PICKLE_KEY = "e2e_pickle_key"
MEGOLM = "m.megolm.v1.aes-sha2"
WAITING_BODY = CoreMessages.tr("Waiting for the key to decrypt this message…")
BROKEN_BODY = CoreMessages.tr("This message could not be decrypted.")
MAX_PENDING_SESSIONS = 1_000  # Megolm sessions we wait for a key of (each with its events)
MAX_SECRET_SENDS = 20  # per sync: more secrets than we ever ask for is noise
MAX_PENDING_PER_SESSION = 200
MAX_WAITING_SAVED = 2_000  # event ids of messages waiting for a key, kept across restarts
VERIFICATION_PREFIX = "m.key.verification."
Call = Callable[[Awaitable[Any]], Awaitable[tuple[Any, Failure | None]]]
""":meth:`MatrixHttp.call`: a nio request's response, or why it failed."""


def new_pickle_key() -> str:
    """32 random bytes, URL-safe base64: the passphrase nio derives the pickle key from."""
    return secrets.token_urlsafe(32)


def store_config(base: Any, pickle_key: str) -> Any:
    """``base`` (an ``AsyncClientConfig``) with encryption on, our store class and pickle key."""
    return dataclasses.replace(
        base, encryption_enabled=True, store=SqliteStore, pickle_key=pickle_key
    )


def store_files(store_dir: Path, user_id: str, device_id: str) -> list[Path]:
    """The files nio keeps for one device (the database and its journal)."""
    base = store_dir / f"{user_id}_{device_id}.db"
    return [base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")]


def crypto_view(body: dict[str, Any]) -> dict[str, Any]:
    """The part of a sync answer nio's Olm machine needs, with shapes checked (pure).

    Timeline messages are left out (decrypted one by one later), and so are verification
    to-device events (handled by :mod:`.verification`). What remains is small and well-formed, so
    nio's schema validation of the whole answer cannot reject it.
    """
    view: dict[str, Any] = {"next_batch": cv.get_str(body, "next_batch") or ""}
    to_device = [
        e
        for e in cv.events_of(body.get("to_device"))
        if isinstance(e.get("type"), str)
        and not e["type"].startswith(VERIFICATION_PREFIX)
        and isinstance(e.get("sender"), str)
        and isinstance(e.get("content"), dict)
    ]
    view["to_device"] = {"events": to_device}
    lists = cv.get_dict(body, "device_lists") or {}
    view["device_lists"] = {
        k: [u for u in (cv.get_list(lists, k) or []) if isinstance(u, str)]
        for k in ("changed", "left")
    }
    counts = cv.get_dict(body, "device_one_time_keys_count") or {}
    view["device_one_time_keys_count"] = {
        k: v
        for k, v in counts.items()
        if k in ("curve25519", "signed_curve25519")
        if isinstance(v, int) and not isinstance(v, bool)
    }
    join: dict[str, Any] = {}
    rooms = cv.get_dict(body, "rooms") or {}
    for room_id, data in (cv.get_dict(rooms, "join") or {}).items():
        if not isinstance(room_id, str) or not isinstance(data, dict):
            continue
        timeline = cv.get_dict(data, "timeline") or {}
        entry: dict[str, Any] = {
            "state": {"events": _crypto_state(cv.events_of(data.get("state")))},
            "timeline": {"events": _crypto_state(cv.events_of(timeline))},
        }
        summary = cv.get_dict(data, "summary")
        if summary is not None:
            clean: dict[str, Any] = {}
            for key in ("m.joined_member_count", "m.invited_member_count"):
                value = cv.get_int(summary, key)
                if value is not None:
                    clean[key] = value
            heroes = cv.get_list(summary, "m.heroes")
            if heroes is not None:
                clean["m.heroes"] = [h for h in heroes if isinstance(h, str)]
            entry["summary"] = clean
        join[room_id] = entry
    view["rooms"] = {"join": join}
    return view


def _crypto_state(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Membership and encryption state events that have every field nio requires."""
    out: list[dict[str, Any]] = []
    for event in events:
        etype = cv.get_str(event, "type")
        if etype not in ("m.room.member", "m.room.encryption"):
            continue
        content = cv.get_dict(event, "content")
        if (
            content is None
            or cv.get_str(event, "state_key") is None
            or cv.get_str(event, "event_id") is None
            or cv.get_str(event, "sender") is None
            or cv.get_int(event, "origin_server_ts") is None
        ):
            continue
        if etype == "m.room.member" and cv.get_str(content, "membership") is None:
            continue
        if etype == "m.room.encryption" and cv.get_str(content, "algorithm") is None:
            continue
        out.append(event)
    return out


@dataclass(frozen=True)
class Decrypted:
    """A timeline event whose ciphertext was opened: the plaintext event and how far to trust it."""

    event: dict[str, Any]
    trust: Trust


@dataclass(frozen=True)
class Undecryptable:
    """An encrypted event we cannot read: ``waiting`` for its key, or broken for good."""

    waiting: bool
    session_id: str = ""
    sender_key: str = ""
    reason: str = ""

    @property
    def body(self) -> str:
        return WAITING_BODY if self.waiting else BROKEN_BODY


def plaintext_event(raw: dict[str, Any], decrypted: Any) -> dict[str, Any]:
    """The raw encrypted event with the decrypted type and content put in (pure).

    Everything the server added (``unsigned``: transaction id, bundled relations, redaction) stays;
    ``m.relates_to`` travels in the clear on encrypted events and is kept when the plaintext lacks it.
    """
    source = getattr(decrypted, "source", None)
    plain = source if isinstance(source, dict) else {}
    content = plain.get("content")
    content = dict(content) if isinstance(content, dict) else {}
    outer = cv.get_dict(raw, "content") or {}
    if "m.relates_to" not in content and isinstance(outer.get("m.relates_to"), dict):
        content["m.relates_to"] = outer["m.relates_to"]
    event = dict(raw)
    event["type"] = plain.get("type") if isinstance(plain.get("type"), str) else "m.room.message"
    event["content"] = content
    return event


def fingerprint(key: str) -> str:
    """An Ed25519 key in groups of four, as clients show it for reading aloud."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


class E2E:
    """nio's Olm machine for one session of one account."""

    def __init__(self, client: NioClient, log: cv.ServiceLog) -> None:
        self.client = client
        self.log = log
        # (room, session id) → the raw events waiting for that Megolm session's key
        self.pending: BoundedDict[tuple[str, str], list[dict[str, Any]]] = BoundedDict(
            MAX_PENDING_SESSIONS
        )
        self.requested: BoundedDict[str, None] = BoundedDict(MAX_PENDING_SESSIONS)
        # (room, session id) → (sender key, event ids): waiting since an earlier session
        self.restored: BoundedDict[tuple[str, str], tuple[str, list[str]]] = BoundedDict(
            MAX_PENDING_SESSIONS
        )
        self.key_requests: list[MegolmEvent] = []  # whose key we should ask for
        self.device_lists_changed = False
        self.changed_users: set[str] = set()
        """Users the server said changed keys since the last :meth:`take_changed_users`."""
        self._fed_counts: dict[str, int] | None = None  # one-time-key counts nio last saw
        self.extra_trust: Callable[[OlmDevice], bool] = lambda _device: False
        """Cross-signing: whether a device is trusted through its owner's verified identity."""
        self.secret_sends: list[tuple[str, str, dict[str, Any]]] = []
        """``m.secret.send`` payloads nio decrypted (sender, sender Curve25519 key, content)."""
        self._hook_secret_sends()

    def _hook_secret_sends(self) -> None:
        """nio drops Olm payloads of types it does not know; keep ``m.secret.send`` (secret
        sharing) for :mod:`.secretshare`. nio has checked sender and recipient keys by then."""
        olm: Any = self.client.olm
        handle = getattr(olm, "_handle_olm_event", None)
        if handle is None:  # not nio's machine (a test's fake), or a nio that renamed it
            self.log.info("secrets sent by our other devices cannot be received")
            return

        def handle_olm_event(sender: str, sender_key: str, payload: dict[str, Any]) -> object:
            content = payload.get("content")
            if payload.get("type") == "m.secret.send" and isinstance(content, dict):
                if len(self.secret_sends) < MAX_SECRET_SENDS:
                    self.secret_sends.append((sender, sender_key, content))
                return None
            return handle(sender, sender_key, payload)

        olm._handle_olm_event = handle_olm_event

    @property
    def olm(self) -> OlmMachine:
        olm = self.client.olm
        if olm is None:
            raise RuntimeError("the encryption store is not loaded")
        return olm

    @property
    def ed25519(self) -> str:
        return str(self.olm.account.identity_keys["ed25519"])

    @property
    def curve25519(self) -> str:
        return str(self.olm.account.identity_keys["curve25519"])

    # -- sync ----------------------------------------------------------------------------------

    def _news_for_nio(self, view: dict[str, Any]) -> bool:
        """Whether a crypto view tells nio anything: to-device messages, device-list changes,
        one-time-key counts other than the last ones, membership or encryption state, or a room
        nio does not know yet. A flood of plain messages tells it nothing, and then nio's schema
        validation and its store writes (sync token, encrypted rooms) are skipped."""
        if view["to_device"]["events"] or any(view["device_lists"].values()):
            return True
        if view["device_one_time_keys_count"] != self._fed_counts:
            return True
        known = self.client.rooms
        for room_id, entry in view["rooms"]["join"].items():
            if room_id not in known or entry["state"]["events"] or entry["timeline"]["events"]:
                return True
        return False

    async def feed(self, body: dict[str, Any]) -> None:
        """Let nio's Olm machine see a sync answer (room keys, device lists, key counts)."""
        view = crypto_view(body)
        if not self._news_for_nio(view):
            return
        self._fed_counts = view["device_one_time_keys_count"]
        response = nio.SyncResponse.from_dict(view)
        if not isinstance(response, nio.SyncResponse):
            self.log.warning("nio could not read the sync answer's encryption part: %s", response)
            return
        before = set(self.olm.users_for_key_query)
        await self.client.receive_response(response)
        changed = view["device_lists"]["changed"]
        # nio only re-queries people it sees in an encrypted room *this session*; after a
        # restart a resumed sync names few members, so a tracked person's new device (or new
        # cross-signing identity) would go unnoticed.
        tracked = self.olm.tracked_users
        self.olm.users_for_key_query.update(u for u in changed if u in tracked)
        self.changed_users.update(changed)
        if changed or set(self.olm.users_for_key_query) - before:
            self.device_lists_changed = True

    def take_changed_users(self) -> set[str]:
        changed, self.changed_users = self.changed_users, set()
        return changed

    async def after_sync(self, call: Call) -> list[str]:
        """Send what nio queued; returns the users whose devices changed (a key query answered).

        ``call`` is :meth:`MatrixHttp.call` (a failure is logged; the next sync retries).
        """
        client = self.client
        changed: list[str] = []
        if client.outgoing_to_device_messages:
            await call(client.send_to_device_messages())
        if client.should_upload_keys:
            _resp, failure = await call(client.keys_upload())
            if failure is not None:
                self.log.info("key upload failed: %s", failure.message)
        if client.should_query_keys:
            resp, failure = await call(client.keys_query())
            if failure is None:
                changed.extend(getattr(resp, "changed", {}) or {})
                changed.extend(getattr(resp, "device_keys", {}) or {})
        if client.should_claim_keys:
            await call(client.keys_claim(client.get_users_for_key_claiming()))
        if client.outgoing_to_device_messages:
            await call(client.send_to_device_messages())
        return sorted(set(changed))

    # -- decryption ------------------------------------------------------------------------------

    def decrypt(self, room_id: str, raw: dict[str, Any]) -> Decrypted | Undecryptable:
        """Open one ``m.room.encrypted`` timeline event. Never raises."""
        try:
            return self._decrypt(room_id, raw)
        except Exception as exc:  # a bug in nio or vodozemac must not stop the sync
            self.log.warning("could not decrypt %s: %s", cv.get_str(raw, "event_id"), exc)
            return Undecryptable(False, reason=str(exc))

    def _decrypt(self, room_id: str, raw: dict[str, Any]) -> Decrypted | Undecryptable:
        content = cv.get_dict(raw, "content") or {}
        if cv.get_str(content, "algorithm") != MEGOLM:
            return Undecryptable(False, reason="unsupported algorithm")
        event = nio.Event.parse_event(raw)
        if not isinstance(event, nio.MegolmEvent):
            return Undecryptable(False, reason="malformed encrypted event")
        event.room_id = room_id
        session_id = str(event.session_id)
        sender_key = str(event.sender_key)
        if self.olm.inbound_group_store.get(room_id, sender_key, session_id) is None:
            self._wait_for_key(room_id, session_id, raw, event)
            return Undecryptable(True, session_id, sender_key, "no key yet")
        try:
            decrypted = self.olm.decrypt_megolm_event(event, room_id)
        except EncryptionError as exc:
            # The key is there, so this is a corrupted ciphertext or a replayed message index.
            return Undecryptable(False, session_id, sender_key, str(exc))
        if not isinstance(decrypted, nio.Event) or isinstance(
            decrypted, nio.BadEvent | nio.UnknownBadEvent
        ):
            return Undecryptable(False, session_id, sender_key, "malformed plaintext")
        return Decrypted(plaintext_event(raw, decrypted), self._message_trust(event, decrypted))

    def _wait_for_key(
        self, room_id: str, session_id: str, raw: dict[str, Any], event: MegolmEvent
    ) -> None:
        waiting = self.pending.setdefault_new((room_id, session_id), list)
        if len(waiting) < MAX_PENDING_PER_SESSION and raw not in waiting:
            waiting.append(raw)
        if session_id not in self.requested:
            self.requested[session_id] = None
            self.key_requests.append(event)

    def _message_trust(self, event: MegolmEvent, decrypted: object) -> Trust:
        if bool(getattr(decrypted, "verified", False)):
            return Trust.VERIFIED
        device = self.device(str(event.sender), str(event.device_id))
        if device is None or device.curve25519 != event.sender_key:
            return Trust.UNVERIFIED
        session = self.olm.inbound_group_store.get(
            event.room_id, event.sender_key, event.session_id
        )
        if session is None or session.forwarding_chain or session.ed25519 != device.ed25519:
            return Trust.UNVERIFIED
        return (
            Trust.VERIFIED
            if self.device_trust(device) is DeviceTrust.VERIFIED
            else (Trust.UNVERIFIED)
        )

    def ready_sessions(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """Pending events whose key has arrived since: (room id, raw events), removed from waiting."""
        ready: list[tuple[str, list[dict[str, Any]]]] = []
        store = self.olm.inbound_group_store
        for (room_id, session_id), events in list(self.pending.items()):
            sender_keys = {
                cv.get_str(cv.get_dict(e, "content") or {}, "sender_key") or "" for e in events
            }
            if any(store.get(room_id, k, session_id) is not None for k in sender_keys):
                del self.pending[(room_id, session_id)]
                self.requested.pop(session_id, None)
                ready.append((room_id, events))
        return ready

    def waiting_index(self) -> list[list[Any]]:
        """What is waiting for a key, small enough to keep across a restart: ``[room, session
        id, sender key, [event ids]]`` (the newest sessions first, at most
        ``MAX_WAITING_SAVED`` ids); the events themselves can be fetched again by id."""
        merged: dict[tuple[str, str], tuple[str, list[str]]] = {
            key: (sender, list(ids)) for key, (sender, ids) in self.restored.items()
        }
        for key, events in self.pending.items():
            first = events[0] if events else {}
            sender = cv.get_str(cv.get_dict(first, "content") or {}, "sender_key") or ""
            ids = merged.setdefault(key, (sender, []))[1]
            for event in events:
                event_id = cv.get_str(event, "event_id")
                if event_id and event_id not in ids:
                    ids.append(event_id)
        index: list[list[Any]] = []
        room: str
        session: str
        budget = MAX_WAITING_SAVED
        for (room, session), (sender, ids) in reversed(list(merged.items())):
            if budget <= 0:
                break
            kept = ids[-budget:]
            budget -= len(kept)
            index.append([room, session, sender, kept])
        return index

    def restore_index(self, index: object) -> None:
        """Messages an earlier session left waiting for a key (see :meth:`waiting_index`)."""
        if not isinstance(index, list):
            return
        for entry in reversed(index):
            if (
                isinstance(entry, list)
                and len(entry) == 4
                and all(isinstance(x, str) for x in entry[:3])
                and isinstance(entry[3], list)
            ):
                ids = [i for i in entry[3] if isinstance(i, str)][:MAX_PENDING_PER_SESSION]
                self.restored[(entry[0], entry[1])] = (entry[2], ids)

    def ready_restored(self) -> list[tuple[str, list[str]]]:
        """Waiting messages of an earlier session whose key is here now: (room, event ids)."""
        ready: list[tuple[str, list[str]]] = []
        store = self.olm.inbound_group_store
        for (room_id, session_id), (sender, ids) in list(self.restored.items()):
            if store.get(room_id, sender, session_id) is not None:
                del self.restored[(room_id, session_id)]
                ready.append((room_id, ids))
        return ready

    async def request_keys(self, call: Call) -> None:
        """Ask our other devices for keys we wait for (``m.room_key_request``, spec "Key
        requests"); nio accepts the forwarded key only from our own verified devices. The
        sender's devices re-share by themselves when they see us (a late ``m.room_key``)."""
        requests, self.key_requests = self.key_requests, []
        for event in requests:
            if event.session_id in self.client.outgoing_key_requests:
                continue
            try:
                _resp, failure = await call(self.client.request_room_key(event))
            except nio.LocalProtocolError:
                continue
            if failure is not None:
                self.log.info("key request not sent: %s", failure.message)

    # -- devices and trust -------------------------------------------------------------------------

    def device(self, user_id: str, device_id: str) -> OlmDevice | None:
        try:
            device = self.olm.device_store[user_id][device_id]
        except KeyError:
            return None
        return device if isinstance(device, NioOlmDevice) else None

    def devices_of(self, user_id: str) -> list[OlmDevice]:
        return list(self.olm.device_store.active_user_devices(user_id))

    def device_trust(self, device: OlmDevice) -> DeviceTrust:
        if device.user_id == self.client.user_id and device.id == self.client.device_id:
            return DeviceTrust.VERIFIED
        if self.olm.is_device_blacklisted(device):
            return DeviceTrust.BLOCKED
        if self.olm.is_device_verified(device) or self.extra_trust(device):
            return DeviceTrust.VERIFIED
        return DeviceTrust.UNVERIFIED

    def users_trust(self, users: Iterable[str]) -> Trust:
        """VERIFIED only when what holds says so: every other person has at least one verified
        device and no unverified one (blocked devices get no keys), our own other devices are
        verified, and no device list is still unknown or being re-queried. Anything less —
        nobody else, a person with no devices, a list not answered yet — is UNVERIFIED."""
        own = self.client.user_id
        users = set(users)
        if not users - {own}:
            return Trust.UNVERIFIED  # nobody else known yet: nothing to vouch for
        olm = self.olm
        for user in users:
            if user != own and user not in olm.tracked_users:
                return Trust.UNVERIFIED  # devices not known yet: nothing is verified
            if user in olm.users_for_key_query:
                return Trust.UNVERIFIED  # the list changed and is being asked again
            verified = 0
            for device in self.devices_of(user):
                if device.user_id == own and device.id == self.client.device_id:
                    continue
                trust = self.device_trust(device)
                if trust is DeviceTrust.UNVERIFIED:
                    return Trust.UNVERIFIED
                verified += trust is DeviceTrust.VERIFIED
            if user != own and not verified:
                return Trust.UNVERIFIED  # no device (or only blocked ones): nothing verified
        return Trust.VERIFIED

    def verify(self, device: OlmDevice) -> None:
        """Mark a device verified (after SAS): stored by nio, outbound sessions re-shared."""
        self.client.verify_device(device)
        device.trust_state = TrustState.verified


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
