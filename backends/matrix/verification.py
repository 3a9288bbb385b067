"""Interactive SAS (emoji) verification over to-device messages, as a pure state machine.

Spec "Short Authentication String (SAS) verification": ``m.key.verification.request`` →
``ready`` → ``start`` → ``accept`` → ``key`` ×2 → (the people compare) → ``mac`` ×2 → ``done``.
Clients that predate requests (matrix-nio) send ``start`` directly; both ways are handled, from
either side.

Why not nio's ``Sas`` class: matrix-nio 0.26 (vodozemac port) sends the commitment as a *hex*
SHA-256 and derives the emojis by re-binning vodozemac's already-computed emoji indices, so it only
agrees with another nio 0.26. Here, when the ``hkdf-hmac-sha256.v2`` MAC is negotiated (every
current client offers it) everything follows the spec; when only the old ``hkdf-hmac-sha256`` is
(nio 0.26), the nio way is used for the commitment, the emojis and the MAC encoding, so the two
sides agree. Incoming commitments and MACs are accepted in either encoding.

This module does no I/O: methods return :class:`Outgoing` messages for the backend to send, and the
backend reports :class:`~app.models.Verification` snapshots (:meth:`Flow.snapshot`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import vodozemac

from app.i18n import CoreMessages
from app.models import Verification, VerificationState

SAS_V1 = "m.sas.v1"
KEY_AGREEMENT = "curve25519-hkdf-sha256"
KEY_AGREEMENT_OLD = "curve25519"
HASH = "sha256"
MAC_V2 = "hkdf-hmac-sha256.v2"
MAC_OLD = "hkdf-hmac-sha256"
STRINGS = ["decimal", "emoji"]
MAX_FLOWS = 50

EMOJI: tuple[tuple[str, str], ...] = (
    ("🐶", "Dog"), ("🐱", "Cat"), ("🦁", "Lion"), ("🐎", "Horse"), ("🦄", "Unicorn"),
    ("🐷", "Pig"), ("🐘", "Elephant"), ("🐰", "Rabbit"), ("🐼", "Panda"), ("🐓", "Rooster"),
    ("🐧", "Penguin"), ("🐢", "Turtle"), ("🐟", "Fish"), ("🐙", "Octopus"), ("🦋", "Butterfly"),
    ("🌷", "Flower"), ("🌳", "Tree"), ("🌵", "Cactus"), ("🍄", "Mushroom"), ("🌏", "Globe"),
    ("🌙", "Moon"), ("☁️", "Cloud"), ("🔥", "Fire"), ("🍌", "Banana"), ("🍎", "Apple"),
    ("🍓", "Strawberry"), ("🌽", "Corn"), ("🍕", "Pizza"), ("🎂", "Cake"), ("❤️", "Heart"),
    ("😀", "Smiley"), ("🤖", "Robot"), ("🎩", "Hat"), ("👓", "Glasses"), ("🔧", "Spanner"),
    ("🎅", "Santa"), ("👍", "Thumbs Up"), ("☂️", "Umbrella"), ("⌛", "Hourglass"), ("⏰", "Clock"),
    ("🎁", "Gift"), ("💡", "Light Bulb"), ("📕", "Book"), ("✏️", "Pencil"), ("📎", "Paperclip"),
    ("✂️", "Scissors"), ("🔒", "Lock"), ("🔑", "Key"), ("🔨", "Hammer"), ("☎️", "Telephone"),
    ("🏁", "Flag"), ("🚂", "Train"), ("🚲", "Bicycle"), ("✈️", "Aeroplane"), ("🚀", "Rocket"),
    ("🏆", "Trophy"), ("⚽", "Ball"), ("🎸", "Guitar"), ("🎺", "Trumpet"), ("🔔", "Bell"),
    ("⚓", "Anchor"), ("🎧", "Headphones"), ("📁", "Folder"), ("📌", "Pin"),
)  # fmt: skip
"""The spec's SAS emoji table (index → emoji, English name)."""


def canonical_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def unpadded_b64(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=")


def commitment(public_key: str, start_content: dict[str, Any], *, legacy: bool) -> str:
    """``sha256(key ‖ canonical(start))``: unpadded base64 (spec) or hex (matrix-nio 0.26)."""
    digest = hashlib.sha256((public_key + canonical_json(start_content)).encode())
    return digest.hexdigest() if legacy else unpadded_b64(digest.digest())


def emoji_from_indices(indices: bytes, *, legacy: bool) -> tuple[tuple[str, str], ...]:
    """The seven emojis. vodozemac already gives the seven 6-bit indices (spec); nio 0.26
    re-reads them as bytes and takes the first 42 bits — ``legacy`` reproduces that."""
    if not legacy:
        return tuple(EMOJI[i & 63] for i in indices[:7])
    bits = "".join(f"{b:08b}" for b in indices)[:42]
    return tuple(EMOJI[int(bits[i : i + 6], 2)] for i in range(0, 42, 6))


@dataclass(frozen=True)
class Outgoing:
    """A to-device message to send: ``content`` for each device of ``user`` in ``devices``."""

    type: str
    user: str
    devices: tuple[str, ...]
    content: dict[str, Any]


@dataclass
class Flow:
    """One verification with one person (and, once known, one of their devices)."""

    id: str
    user: str
    device: str = ""
    incoming: bool = False
    via_request: bool = False
    state: VerificationState = VerificationState.REQUESTED
    we_start: bool = False  # we send (or sent) m.key.verification.start
    accepted_by_user: bool = False
    start_content: dict[str, Any] | None = None
    their_commitment: str = ""
    key_agreement: str = KEY_AGREEMENT
    mac_method: str = MAC_V2
    sas: vodozemac.Sas = field(default_factory=vodozemac.Sas)
    our_key: str = ""
    their_key: str = ""
    established: vodozemac.EstablishedSas | None = None
    emojis: tuple[tuple[str, str], ...] = ()
    decimals: tuple[int, ...] = ()
    confirmed: bool = False
    their_mac: dict[str, Any] | None = None
    verified_master: str = ""  # their master key, when its MAC matched
    reason: str = ""
    requested_devices: tuple[str, ...] = ()
    created: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.our_key = self.sas.public_key.to_base64()

    @property
    def legacy(self) -> bool:
        return self.mac_method == MAC_OLD

    @property
    def finished(self) -> bool:
        return self.state in (VerificationState.DONE, VerificationState.CANCELLED)

    def snapshot(self) -> Verification:
        return Verification(
            id=self.id,
            contact=self.user,
            device_id=self.device,
            state=self.state,
            incoming=self.incoming,
            emojis=self.emojis if self.state is VerificationState.COMPARE else (),
            decimals=self.decimals if self.state is VerificationState.COMPARE else (),
            reason=self.reason,
        )


KeyLookup = Callable[[str, str], str | None]
"""(user, device) → that device's Ed25519 key, if its keys were queried."""


class Verifications:
    """Every verification of one session, keyed by transaction id."""

    def __init__(  # noqa: PLR0917 - the session's identity, given once
        self,
        own_user: str,
        own_device: str,
        own_ed25519: str,
        device_key: KeyLookup,
        own_master: Callable[[], str | None] = lambda: None,
        their_master: Callable[[str], str | None] = lambda _user: None,
    ) -> None:
        self.own_user = own_user
        self.own_device = own_device
        self.own_ed25519 = own_ed25519
        self.device_key = device_key
        self.own_master = own_master
        self.their_master = their_master
        self.flows: dict[str, Flow] = {}
        self.verified: list[tuple[str, str]] = []  # (user, device) verified, for the caller
        self.masters_verified: list[tuple[str, str]] = []  # (user, master key)

    def _add(self, flow: Flow) -> Flow:
        self.flows[flow.id] = flow
        if len(self.flows) > MAX_FLOWS:
            for old in sorted(self.flows.values(), key=lambda x: x.created):
                if old.finished or len(self.flows) > MAX_FLOWS:
                    del self.flows[old.id]
                if len(self.flows) <= MAX_FLOWS:
                    break
        return flow

    # -- starting ----------------------------------------------------------------------------

    def request(self, user: str, devices: tuple[str, ...]) -> tuple[Flow, list[Outgoing]]:
        """Ask ``devices`` of ``user`` to verify (``m.key.verification.request``)."""
        flow = self._add(
            Flow(uuid.uuid4().hex, user, via_request=True, we_start=True, accepted_by_user=True)
        )
        flow.requested_devices = devices
        content = {
            "from_device": self.own_device,
            "methods": [SAS_V1],
            "timestamp": int(time.time() * 1000),
            "transaction_id": flow.id,
        }
        return flow, [Outgoing("m.key.verification.request", user, devices, content)]

    def start_direct(self, user: str, device: str) -> tuple[Flow, list[Outgoing]]:
        """Start at once with one device (the pre-request flow; what matrix-nio understands)."""
        flow = self._add(Flow(uuid.uuid4().hex, user, device, we_start=True, accepted_by_user=True))
        return flow, [self._start(flow)]

    def _start(self, flow: Flow) -> Outgoing:
        content = {
            "from_device": self.own_device,
            "method": SAS_V1,
            "transaction_id": flow.id,
            "key_agreement_protocols": [KEY_AGREEMENT],
            "hashes": [HASH],
            "message_authentication_codes": [MAC_V2, MAC_OLD],
            "short_authentication_string": STRINGS,
        }
        flow.start_content = content
        return Outgoing("m.key.verification.start", flow.user, (flow.device,), content)

    # -- the user's answers ----------------------------------------------------------------------

    def accept(self, flow_id: str) -> list[Outgoing]:
        flow = self.flows.get(flow_id)
        if flow is None or flow.finished or flow.accepted_by_user:
            return []
        flow.accepted_by_user = True
        if flow.via_request and flow.start_content is None:
            flow.state = VerificationState.READY
            content = {
                "from_device": self.own_device,
                "methods": [SAS_V1],
                "transaction_id": flow.id,
            }
            return [Outgoing("m.key.verification.ready", flow.user, (flow.device,), content)]
        return self._accept_start(flow)

    def confirm(self, flow_id: str, match: bool) -> list[Outgoing]:
        flow = self.flows.get(flow_id)
        if flow is None or flow.state is not VerificationState.COMPARE:
            return []
        if not match:
            return self._cancel(
                flow, "m.mismatched_sas", CoreMessages.tr("The emojis did not match.")
            )
        flow.confirmed = True
        out = [self._mac(flow)]
        if flow.their_mac is not None:
            out.extend(self._check_mac(flow))
        return out

    def cancel(
        self, flow_id: str, reason: str = CoreMessages.tr("Cancelled by the user.")
    ) -> list[Outgoing]:
        flow = self.flows.get(flow_id)
        if flow is None or flow.finished:
            return []
        return self._cancel(flow, "m.user", reason)

    def _cancel(self, flow: Flow, code: str, reason: str) -> list[Outgoing]:
        flow.state = VerificationState.CANCELLED
        flow.reason = reason
        devices = (flow.device,) if flow.device else flow.requested_devices or ("*",)
        content = {"code": code, "reason": reason, "transaction_id": flow.id}
        return [Outgoing("m.key.verification.cancel", flow.user, devices, content)]

    # -- incoming events ---------------------------------------------------------------------------

    def handle(
        self, etype: str, sender: str, content: dict[str, Any]
    ) -> tuple[Flow | None, list[Outgoing]]:
        """One ``m.key.verification.*`` to-device event; returns the flow it moved (if any)."""
        flow_id = content.get("transaction_id")
        if not isinstance(flow_id, str) or not flow_id:
            return None, []
        kind = etype.removeprefix("m.key.verification.")
        flow = self.flows.get(flow_id)
        if kind == "request":
            return self._on_request(flow_id, sender, content)
        if kind == "start" and flow is None:
            return self._on_fresh_start(flow_id, sender, content)
        if flow is None or flow.finished or sender != flow.user:
            return None, []
        handler = {
            "ready": self._on_ready,
            "start": self._on_start,
            "accept": self._on_accept,
            "key": self._on_key,
            "mac": self._on_mac,
            "cancel": self._on_cancel,
            "done": self._on_done,
        }.get(kind)
        if handler is None:
            return None, []
        try:
            out = handler(flow, content)
        except (ValueError, TypeError, KeyError, vodozemac.KeyException) as exc:
            out = self._cancel(flow, "m.invalid_message", f"Invalid verification message: {exc}")
        return flow, out

    def _on_request(
        self, flow_id: str, sender: str, content: dict[str, Any]
    ) -> tuple[Flow | None, list[Outgoing]]:
        device = content.get("from_device")
        methods = content.get("methods")
        if flow_id in self.flows or not isinstance(device, str) or not isinstance(methods, list):
            return None, []
        flow = self._add(Flow(flow_id, sender, device, incoming=True, via_request=True))
        if SAS_V1 not in methods:
            return flow, self._cancel(
                flow, "m.unknown_method", CoreMessages.tr("Only emoji verification is known.")
            )
        return flow, []

    def _on_fresh_start(
        self, flow_id: str, sender: str, content: dict[str, Any]
    ) -> tuple[Flow | None, list[Outgoing]]:
        device = content.get("from_device")
        if not isinstance(device, str):
            return None, []
        flow = self._add(Flow(flow_id, sender, device, incoming=True))
        return flow, self._take_start(flow, content)

    def _on_ready(self, flow: Flow, content: dict[str, Any]) -> list[Outgoing]:
        device = content.get("from_device")
        if not flow.we_start or flow.start_content is not None or not isinstance(device, str):
            return []
        methods = content.get("methods")
        if not isinstance(methods, list) or SAS_V1 not in methods:
            return self._cancel(
                flow, "m.unknown_method", CoreMessages.tr("Only emoji verification is known.")
            )
        flow.device = device
        flow.state = VerificationState.READY
        out = [self._start(flow)]
        others = tuple(d for d in flow.requested_devices if d not in (device, "*"))
        if others:  # the other devices may stop asking (spec: cancel with m.accepted)
            cancel = {
                "code": "m.accepted",
                "reason": "Answered elsewhere",
                "transaction_id": flow.id,
            }
            out.append(Outgoing("m.key.verification.cancel", flow.user, others, cancel))
        return out

    def _on_start(self, flow: Flow, content: dict[str, Any]) -> list[Outgoing]:
        if flow.start_content is not None:
            # Both sides started: the one with the lexicographically smaller user/device wins.
            ours = (self.own_user, self.own_device)
            theirs = (flow.user, flow.device)
            if ours < theirs:
                return []
            flow.we_start = False
        return self._take_start(flow, content)

    def _take_start(self, flow: Flow, content: dict[str, Any]) -> list[Outgoing]:
        if content.get("method") != SAS_V1:
            return self._cancel(
                flow, "m.unknown_method", CoreMessages.tr("Only emoji verification is known.")
            )
        agreements = content.get("key_agreement_protocols") or []
        macs = content.get("message_authentication_codes") or []
        strings = content.get("short_authentication_string") or []
        hashes = content.get("hashes") or []
        if KEY_AGREEMENT in agreements:
            flow.key_agreement = KEY_AGREEMENT
        elif KEY_AGREEMENT_OLD in agreements:
            flow.key_agreement = KEY_AGREEMENT_OLD
        else:
            return self._cancel(
                flow, "m.unknown_method", CoreMessages.tr("No common key agreement.")
            )
        if MAC_V2 in macs:
            flow.mac_method = MAC_V2
        elif MAC_OLD in macs:
            flow.mac_method = MAC_OLD
        else:
            return self._cancel(flow, "m.unknown_method", CoreMessages.tr("No common MAC method."))
        if HASH not in hashes or "emoji" not in strings:
            return self._cancel(flow, "m.unknown_method", CoreMessages.tr("No common SAS method."))
        flow.we_start = False
        flow.start_content = dict(content)
        flow.device = str(content.get("from_device") or flow.device)
        if flow.accepted_by_user:  # we said yes to their request already
            return self._accept_start(flow)
        return []

    def _accept_start(self, flow: Flow) -> list[Outgoing]:
        if flow.start_content is None or flow.we_start:
            return []
        flow.state = VerificationState.READY
        content = {
            "transaction_id": flow.id,
            "method": SAS_V1,
            "key_agreement_protocol": flow.key_agreement,
            "hash": HASH,
            "message_authentication_code": flow.mac_method,
            "short_authentication_string": ["decimal", "emoji"],
            "commitment": commitment(flow.our_key, flow.start_content, legacy=flow.legacy),
        }
        return [Outgoing("m.key.verification.accept", flow.user, (flow.device,), content)]

    def _on_accept(self, flow: Flow, content: dict[str, Any]) -> list[Outgoing]:
        if not flow.we_start or flow.start_content is None or flow.their_commitment:
            return self._cancel(flow, "m.unexpected_message", CoreMessages.tr("Unexpected accept."))
        agreement = content.get("key_agreement_protocol")
        mac = content.get("message_authentication_code")
        strings = content.get("short_authentication_string") or []
        got = content.get("commitment")
        if agreement != KEY_AGREEMENT or mac not in (MAC_V2, MAC_OLD) or "emoji" not in strings:
            return self._cancel(flow, "m.unknown_method", CoreMessages.tr("No common method."))
        if content.get("hash") != HASH or not isinstance(got, str):
            return self._cancel(flow, "m.unknown_method", CoreMessages.tr("No common hash."))
        flow.key_agreement = agreement
        flow.mac_method = str(mac)
        flow.their_commitment = got
        flow.state = VerificationState.READY
        key = {"transaction_id": flow.id, "key": flow.our_key}
        return [Outgoing("m.key.verification.key", flow.user, (flow.device,), key)]

    def _on_key(self, flow: Flow, content: dict[str, Any]) -> list[Outgoing]:
        key = content.get("key")
        if not isinstance(key, str) or flow.their_key or flow.start_content is None:
            return self._cancel(flow, "m.unexpected_message", CoreMessages.tr("Unexpected key."))
        out: list[Outgoing] = []
        if flow.we_start:
            if not flow.their_commitment:
                return self._cancel(
                    flow, "m.unexpected_message", CoreMessages.tr("Key before accept.")
                )
            expected = {
                commitment(key, flow.start_content, legacy=False),
                commitment(key, flow.start_content, legacy=True),
            }
            if flow.their_commitment not in expected:
                return self._cancel(
                    flow, "m.mismatched_commitment", CoreMessages.tr("Mismatched commitment.")
                )
        else:
            if not flow.accepted_by_user:
                return self._cancel(
                    flow, "m.unexpected_message", CoreMessages.tr("Key before accept.")
                )
            out.append(
                Outgoing(
                    "m.key.verification.key",
                    flow.user,
                    (flow.device,),
                    {"transaction_id": flow.id, "key": flow.our_key},
                )
            )
        flow.their_key = key
        established = flow.sas.diffie_hellman(vodozemac.Curve25519PublicKey.from_base64(key))
        flow.established = established
        sas_bytes = established.bytes(self._sas_info(flow))
        flow.emojis = emoji_from_indices(bytes(sas_bytes.emoji_indices), legacy=flow.legacy)
        flow.decimals = tuple(sas_bytes.decimals)
        flow.state = VerificationState.COMPARE
        return out

    def _sas_info(self, flow: Flow) -> str:
        me = (self.own_user, self.own_device, flow.our_key)
        them = (flow.user, flow.device, flow.their_key)
        first, second = (me, them) if flow.we_start else (them, me)
        if flow.key_agreement == KEY_AGREEMENT_OLD:
            return f"MATRIX_KEY_VERIFICATION_SAS{first[0]}{first[1]}{second[0]}{second[1]}{flow.id}"
        return (
            f"MATRIX_KEY_VERIFICATION_SAS|{first[0]}|{first[1]}|{first[2]}|"
            f"{second[0]}|{second[1]}|{second[2]}|{flow.id}"
        )

    @staticmethod
    def _shared(flow: Flow) -> vodozemac.EstablishedSas:
        """The key agreement of a flow past the key exchange (MACs only exist after it)."""
        if flow.established is None:
            raise ValueError("no key exchange yet")
        return flow.established

    def _calc(self, flow: Flow, data: str, info: str) -> str:
        return str(self._shared(flow).calculate_mac(data, info))

    def _mac(self, flow: Flow) -> Outgoing:
        info = (
            f"MATRIX_KEY_VERIFICATION_MAC{self.own_user}{self.own_device}"
            f"{flow.user}{flow.device}{flow.id}"
        )
        keys = {f"ed25519:{self.own_device}": self.own_ed25519}
        master = self.own_master()
        if master:
            keys[f"ed25519:{master}"] = master
        mac = {key_id: self._calc(flow, key, info + key_id) for key_id, key in keys.items()}
        content = {
            "transaction_id": flow.id,
            "mac": mac,
            "keys": self._calc(flow, ",".join(sorted(mac)), info + "KEY_IDS"),
        }
        return Outgoing("m.key.verification.mac", flow.user, (flow.device,), content)

    def _on_mac(self, flow: Flow, content: dict[str, Any]) -> list[Outgoing]:
        if flow.state is not VerificationState.COMPARE or flow.their_mac is not None:
            return self._cancel(flow, "m.unexpected_message", CoreMessages.tr("Unexpected MAC."))
        if not isinstance(content.get("mac"), dict) or not isinstance(content.get("keys"), str):
            return self._cancel(flow, "m.invalid_message", CoreMessages.tr("Malformed MAC."))
        flow.their_mac = content
        return self._check_mac(flow) if flow.confirmed else []

    def _matches(self, flow: Flow, data: str, info: str, got: object) -> bool:
        if not isinstance(got, str):
            return False
        if got == self._calc(flow, data, info):
            return True
        # The old method as the spec (libolm) encodes it, for clients other than nio 0.26.
        return flow.legacy and got == self._shared(flow).calculate_mac_invalid_base64(data, info)

    def _check_mac(self, flow: Flow) -> list[Outgoing]:
        content = flow.their_mac or {}
        macs: dict[str, Any] = content.get("mac") or {}
        info = (
            f"MATRIX_KEY_VERIFICATION_MAC{flow.user}{flow.device}"
            f"{self.own_user}{self.own_device}{flow.id}"
        )
        if not self._matches(flow, ",".join(sorted(macs)), info + "KEY_IDS", content.get("keys")):
            return self._cancel(flow, "m.key_mismatch", CoreMessages.tr("The keys did not match."))
        device_key = self.device_key(flow.user, flow.device)
        device_ok = False
        master_key = self.their_master(flow.user)
        for key_id, got in macs.items():
            algorithm, _, name = str(key_id).partition(":")
            if algorithm != "ed25519":
                return self._cancel(flow, "m.key_mismatch", CoreMessages.tr("Unknown key type."))
            if name == flow.device:
                if device_key is None or not self._matches(flow, device_key, info + key_id, got):
                    return self._cancel(
                        flow, "m.key_mismatch", CoreMessages.tr("The device key did not match.")
                    )
                device_ok = True
            elif master_key and name == master_key:
                if not self._matches(flow, master_key, info + key_id, got):
                    return self._cancel(
                        flow, "m.key_mismatch", CoreMessages.tr("The identity did not match.")
                    )
                flow.verified_master = master_key
        if not device_ok:
            return self._cancel(
                flow, "m.key_mismatch", CoreMessages.tr("The device key was not confirmed.")
            )
        flow.state = VerificationState.DONE
        self.verified.append((flow.user, flow.device))
        if flow.verified_master:
            self.masters_verified.append((flow.user, flow.verified_master))
        done = {"transaction_id": flow.id}
        return [Outgoing("m.key.verification.done", flow.user, (flow.device,), done)]

    def _on_done(self, flow: Flow, content: dict[str, Any]) -> list[Outgoing]:
        return []

    def _on_cancel(self, flow: Flow, content: dict[str, Any]) -> list[Outgoing]:
        reason = content.get("reason")
        code = content.get("code")
        flow.state = VerificationState.CANCELLED
        flow.reason = str(reason or code or CoreMessages.tr("Cancelled by the other side."))
        return []

    def expire(self, max_age: float = 600.0) -> list[Flow]:
        """Cancel flows older than ``max_age`` seconds (spec: 10 minutes); returns them."""
        now = time.monotonic()
        gone: list[Flow] = []
        for flow in list(self.flows.values()):
            if not flow.finished and now - flow.created > max_age:
                flow.state = VerificationState.CANCELLED
                flow.reason = CoreMessages.tr("Timed out.")
                gone.append(flow)
        return gone
