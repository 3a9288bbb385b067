"""Cross-signing (spec "Cross-signing"): our master / self-signing / user-signing keys, and trust in
other people's devices through theirs.

matrix-nio 0.26 has none of it (no key generation, no ``keys/device_signing/upload``, no
``keys/signatures/upload``, and its key query drops ``master_keys`` / ``self_signing_keys``), so it
is built here: Ed25519 signing with pycryptodome (a dependency of matrix-nio), verification with
vodozemac, and our own raw ``/keys/query``.

The model (spec): a user's *master* key signs their *self-signing* key (which signs their devices)
and their *user-signing* key (which signs other people's master keys). We trust

- our own master key when we hold its private key (we made it) or verified it by SAS from one of
  our other devices;
- another person's master key when our user-signing key signed it (after SAS) or we verified it by
  SAS ourselves (remembered per account in ``ctx.state``, for accounts whose keys we do not hold);
- a device when its owner's self-signing key signed it and we trust that owner's master key.

A *changed* master key is a changed identity: nothing carries over (our signature and our SAS note
are on the old key).

The pure parts (canonical JSON signing and verification, parsing a key query, :class:`TrustBook`)
do no I/O. :class:`CrossSigning` does the requests, keeps the private keys only in the keyring
(``ctx.secrets``) and never overwrites cross-signing keys made elsewhere.
"""

from __future__ import annotations

import base64
import binascii
import functools
import secrets as random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import vodozemac
from Crypto.PublicKey import ECC
from Crypto.Signature import eddsa

from app.backend import Failure, FailureKind, SecretAccess, StateAccess
from app.i18n import CoreMessages
from backends.matrix import convert as cv
from backends.matrix.bounded import BoundedDict
from backends.matrix.http import V3, MatrixHttp
from backends.matrix.niotypes import OlmDevice
from backends.matrix.verification import canonical_json, unpadded_b64

MASTER = "master"
SELF_SIGNING = "self_signing"
USER_SIGNING = "user_signing"
USAGES = (MASTER, SELF_SIGNING, USER_SIGNING)
SECRET_KEYS = {
    MASTER: "cross_signing_master",
    SELF_SIGNING: "cross_signing_self_signing",
    USER_SIGNING: "cross_signing_user_signing",
}
"""Keyring entries of our private cross-signing keys (unpadded base64 of the 32-byte seed)."""
STATE_VERIFIED = "cross_signing_verified:"
"""+ user id: the master key we verified by SAS (``ctx.state``; public, not secret)."""
MAX_IDENTITIES = 5_000
QUERY_CHUNK = 200


b64 = unpadded_b64  # the spec's encoding of keys and signatures


def unb64(text: str) -> bytes:
    """Unpadded (or padded) standard base64; ``ValueError`` when it is not base64."""
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except binascii.Error as exc:
        raise ValueError(str(exc)) from exc


def signable(obj: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a signed JSON object that signatures cover (spec "Signing JSON")."""
    return {k: v for k, v in obj.items() if k not in ("signatures", "unsigned")}


def signed_bytes(obj: Mapping[str, Any]) -> bytes:
    return canonical_json(signable(obj)).encode()


def with_signature(
    obj: Mapping[str, Any], user_id: str, key_id: str, signature: str
) -> dict[str, Any]:
    """A copy of ``obj`` with one more signature (the ones it had are kept)."""
    out = dict(obj)
    signatures = {u: dict(s) for u, s in (obj.get("signatures") or {}).items()}
    signatures.setdefault(user_id, {})[key_id] = signature
    out["signatures"] = signatures
    return out


def sign_with_device(
    obj: Mapping[str, Any], user_id: str, device_id: str, device_sign: Callable[[str], str]
) -> dict[str, Any]:
    """``obj`` signed by our device's Ed25519 key (``device_sign`` signs canonical JSON text)."""
    signature = device_sign(canonical_json(signable(obj)))
    return with_signature(obj, user_id, f"ed25519:{device_id}", signature)


def verify_signature(obj: object, user_id: str, public_key: str, key_name: str = "") -> bool:
    """Whether ``obj`` carries a valid signature of ``user_id``'s Ed25519 key ``public_key``,
    under the key id ``ed25519:<key_name>`` (the key itself for cross-signing keys, the device
    id for devices). Never raises."""
    if not isinstance(obj, Mapping) or not public_key:
        return False
    signatures = obj.get("signatures")
    by_user = signatures.get(user_id) if isinstance(signatures, Mapping) else None
    signature = (
        by_user.get(f"ed25519:{key_name or public_key}") if isinstance(by_user, Mapping) else None
    )
    if not isinstance(signature, str):
        return False
    try:
        key = vodozemac.Ed25519PublicKey.from_base64(public_key)
        key.verify_signature(signed_bytes(obj), vodozemac.Ed25519Signature.from_base64(signature))
    except (ValueError, TypeError):  # vodozemac's Key/Signature/Decode exceptions are ValueErrors
        return False
    return True


@dataclass(frozen=True)
class SigningKey:
    """An Ed25519 private key (its 32-byte seed) that signs JSON the Matrix way."""

    seed: bytes = field(repr=False)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(random.token_bytes(32))

    @classmethod
    def from_secret(cls, text: str | None) -> SigningKey | None:
        """From its keyring form; ``None`` for nothing or something that is not a key."""
        if not text:
            return None
        try:
            seed = unb64(text)
        except ValueError:
            return None
        return cls(seed) if len(seed) == 32 else None

    def secret(self) -> str:
        return b64(self.seed)

    @functools.cached_property
    def public(self) -> str:
        key = ECC.construct(curve="Ed25519", seed=self.seed)
        return b64(key.public_key().export_key(format="raw"))

    def sign(self, message: bytes) -> str:
        key = ECC.construct(curve="Ed25519", seed=self.seed)
        return b64(eddsa.new(key, "rfc8032").sign(message))

    def sign_json(self, obj: Mapping[str, Any], user_id: str) -> dict[str, Any]:
        """``obj`` with our signature added under ``ed25519:<public key>``."""
        return with_signature(obj, user_id, f"ed25519:{self.public}", self.sign(signed_bytes(obj)))


def cross_signing_key(user_id: str, usage: str, public: str) -> dict[str, Any]:
    """An unsigned ``CrossSigningKey`` object."""
    return {"user_id": user_id, "usage": [usage], "keys": {f"ed25519:{public}": public}}


def key_of(obj: object, user_id: str, usage: str) -> str:
    """The public key of a well-formed ``CrossSigningKey`` of ``user_id`` for ``usage``, or ""."""
    if not isinstance(obj, Mapping) or obj.get("user_id") != user_id:
        return ""
    usages = obj.get("usage")
    keys = obj.get("keys")
    if not isinstance(usages, list) or usage not in usages or not isinstance(keys, Mapping):
        return ""
    found = [
        v
        for k, v in keys.items()
        if isinstance(v, str) and isinstance(k, str) and k == f"ed25519:{v}"
    ]
    return found[0] if len(found) == 1 and len(keys) == 1 else ""


def device_ed25519(obj: object, user_id: str, device_id: str) -> str:
    """The Ed25519 key of a well-formed device-keys object, or ""."""
    if not isinstance(obj, Mapping):
        return ""
    if obj.get("user_id") != user_id or obj.get("device_id") != device_id:
        return ""
    keys = obj.get("keys")
    key = keys.get(f"ed25519:{device_id}") if isinstance(keys, Mapping) else None
    return key if isinstance(key, str) else ""


@dataclass(frozen=True)
class Identity:
    """What a key query told us about one user's cross-signing, checked.

    ``self_signing`` and ``user_signing`` are set only when the master key signed them;
    ``signed_devices`` holds (device id, Ed25519 key) of the devices the self-signing key signed.
    """

    user_id: str
    master: str = ""
    self_signing: str = ""
    user_signing: str = ""
    master_key: Mapping[str, Any] = field(default_factory=dict)
    devices: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    signed_devices: frozenset[tuple[str, str]] = frozenset()


def parse_identity(body: Mapping[str, Any], user_id: str) -> Identity:
    """One user's :class:`Identity` from a ``/keys/query`` answer (pure; never raises)."""

    def section(name: str) -> object:
        block = body.get(name)
        return block.get(user_id) if isinstance(block, Mapping) else None

    master_obj = section("master_keys")
    master = key_of(master_obj, user_id, MASTER)
    ssk_obj, usk_obj = section("self_signing_keys"), section("user_signing_keys")
    ssk = key_of(ssk_obj, user_id, SELF_SIGNING)
    usk = key_of(usk_obj, user_id, USER_SIGNING)
    if not master or not verify_signature(ssk_obj, user_id, master):
        ssk = ""
    if not master or not verify_signature(usk_obj, user_id, master):
        usk = ""
    raw_devices = section("device_keys")
    devices: dict[str, Mapping[str, Any]] = {}
    signed: set[tuple[str, str]] = set()
    if isinstance(raw_devices, Mapping):
        for device_id, obj in raw_devices.items():
            key = device_ed25519(obj, user_id, device_id) if isinstance(device_id, str) else ""
            if not key:
                continue
            devices[device_id] = obj
            if ssk and verify_signature(obj, user_id, ssk):
                signed.add((device_id, key))
    return Identity(
        user_id,
        master,
        ssk,
        usk,
        dict(master_obj) if master and isinstance(master_obj, Mapping) else {},
        devices,
        frozenset(signed),
    )


def queried_users(body: Mapping[str, Any]) -> set[str]:
    """Every user a ``/keys/query`` answer speaks about."""
    users: set[str] = set()
    for name in ("device_keys", "master_keys", "self_signing_keys"):
        block = body.get(name)
        if isinstance(block, Mapping):
            users.update(u for u in block if isinstance(u, str))
    return users


class TrustBook:
    """Which master keys and devices we trust through cross-signing (pure).

    ``stored`` are our private keys from the keyring; they count only while the server's keys are
    theirs (see :meth:`signing_key`). ``verified`` are master keys verified by SAS, per user.
    """

    def __init__(self, own_user: str, limit: int = MAX_IDENTITIES) -> None:
        self.own_user = own_user
        self.own: Identity | None = None
        self.others: BoundedDict[str, Identity] = BoundedDict(limit)
        self.stored: dict[str, SigningKey] = {}
        self.verified: dict[str, str] = {}
        self._masters: dict[str, bool] = {}

    def identity(self, user_id: str) -> Identity | None:
        return self.own if user_id == self.own_user else self.others.get(user_id)

    def knows(self, user_id: str) -> bool:
        return self.identity(user_id) is not None

    def changed(self) -> None:
        self._masters.clear()

    def update(self, identity: Identity) -> bool:
        """Take a fresh identity; True when a master key we trusted was replaced."""
        old = self.identity(identity.user_id)
        lost = bool(
            old is not None
            and old.master
            and old.master != identity.master
            and self.master_trusted(identity.user_id)
        )
        if identity.user_id == self.own_user:
            self.own = identity
        else:
            self.others[identity.user_id] = identity
        self.changed()
        return lost

    def set_verified(self, user_id: str, master: str | None) -> None:
        if master:
            self.verified[user_id] = master
        else:
            self.verified.pop(user_id, None)
        self.changed()

    def signing_key(self, usage: str) -> SigningKey | None:
        """Our private key for ``usage`` if it is the one the server has for us."""
        key = self.stored.get(usage)
        own = self.own
        if key is None or own is None:
            return None
        public = {
            MASTER: own.master,
            SELF_SIGNING: own.self_signing,
            USER_SIGNING: own.user_signing,
        }
        return key if public[usage] and key.public == public[usage] else None

    def master_trusted(self, user_id: str) -> bool:
        if user_id not in self._masters:
            self._masters[user_id] = self._master_trusted(user_id)
        return self._masters[user_id]

    def _master_trusted(self, user_id: str) -> bool:
        identity = self.identity(user_id)
        if identity is None or not identity.master:
            return False
        if self.verified.get(user_id) == identity.master:
            return True
        if user_id == self.own_user:
            return self.signing_key(MASTER) is not None
        own = self.own
        if own is None or not own.user_signing or not self.master_trusted(self.own_user):
            return False
        return verify_signature(identity.master_key, self.own_user, own.user_signing)

    def device_trusted(self, user_id: str, device_id: str, ed25519: str) -> bool:
        """Signed by its owner's self-signing key, whose master key we trust."""
        identity = self.identity(user_id)
        return (
            identity is not None
            and (device_id, ed25519) in identity.signed_devices
            and self.master_trusted(user_id)
        )


async def upload_signing_keys(
    http: MatrixHttp, user_id: str, keys: Mapping[str, Any], password: str | None
) -> Failure | None:
    """``POST /keys/device_signing/upload``, answering user-interactive auth with the password.

    Synapse lets the first upload through without UIA (MSC3967); replacing keys asks for it.
    """
    path = f"{V3}/keys/device_signing/upload"
    reply = await http.request("POST", path, body=dict(keys), timeout=60)
    if reply.ok:
        return None
    flows = reply.body.get("flows")
    if reply.status != 401 or not isinstance(flows, list):
        return reply.failure()
    if not any(
        isinstance(flow, Mapping) and flow.get("stages") == ["m.login.password"] for flow in flows
    ):
        return Failure(
            FailureKind.UNSUPPORTED,
            CoreMessages.tr(
                "The server asks for another way of confirming than the password to set up "
                "cross-signing."
            ),
        )
    if not password:
        return Failure(
            FailureKind.AUTH, CoreMessages.tr("The password is needed to set up cross-signing.")
        )
    auth = {
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": user_id},
        "password": password,
    }
    session = reply.body.get("session")
    if isinstance(session, str):
        auth["session"] = session
    reply = await http.request("POST", path, body={**keys, "auth": auth}, timeout=60)
    if reply.ok:
        return None
    if reply.status == 401:
        return Failure(
            FailureKind.AUTH,
            CoreMessages.tr("The server did not accept the password for cross-signing."),
        )
    return reply.failure()


def new_identity_keys(
    user_id: str, device_id: str, device_sign: Callable[[str], str]
) -> tuple[dict[str, SigningKey], dict[str, Any]]:
    """Three fresh keys and the upload body: the master key signed by our device, the two
    others signed by the master key (pure apart from the randomness)."""
    made = {usage: SigningKey.generate() for usage in USAGES}
    master = made[MASTER]
    master_obj = cross_signing_key(user_id, MASTER, master.public)
    master_obj = sign_with_device(master_obj, user_id, device_id, device_sign)
    body = {
        "master_key": master_obj,
        "self_signing_key": master.sign_json(
            cross_signing_key(user_id, SELF_SIGNING, made[SELF_SIGNING].public), user_id
        ),
        "user_signing_key": master.sign_json(
            cross_signing_key(user_id, USER_SIGNING, made[USER_SIGNING].public), user_id
        ),
    }
    return made, body


class CrossSigning:
    """Cross-signing of one session: bootstrap, signing after SAS, trust in others' devices."""

    def __init__(
        self,
        http: MatrixHttp,
        secrets: SecretAccess,
        state: StateAccess,
        log: cv.ServiceLog,
        *,
        user_id: str,
        device_id: str,
        device_ed25519: str,
        device_sign: Callable[[str], str],
        notice: Callable[[str], None] = lambda _text: None,
    ) -> None:
        self.http = http
        self.notice = notice  # tells the person (a service notice), e.g. an identity change
        self.secrets = secrets
        self.state = state
        self.log = log
        self.user_id = user_id
        self.device_id = device_id
        self.device_ed25519 = device_ed25519
        self.device_sign = device_sign
        self.book = TrustBook(user_id)
        self.wanted: BoundedDict[str, None] = BoundedDict(MAX_IDENTITIES)
        """Users whose cross-signing keys a trust question needed; queried after the next sync."""
        self.set_up = False
        """Whether this session finished looking at (and if needed making) our keys."""

    # -- the SAS hooks ---------------------------------------------------------------------------

    def own_master(self) -> str | None:
        """Our master key, for our SAS MAC — only when we trust it ourselves."""
        own = self.book.own
        return own.master if own is not None and self.book.master_trusted(self.user_id) else None

    def their_master(self, user_id: str) -> str | None:
        """The master key the server gives for ``user_id`` (what their SAS MAC must match)."""
        identity = self.book.identity(user_id)
        return identity.master if identity is not None and identity.master else None

    def extra_trust(self, device: OlmDevice) -> bool:
        """Whether nio's ``device`` is trusted through its owner's cross-signing (never raises)."""
        user_id = str(getattr(device, "user_id", ""))
        if not self.book.knows(user_id):
            self.wanted[user_id] = None
            return False
        return self.book.device_trusted(
            user_id, str(getattr(device, "id", "")), str(getattr(device, "ed25519", ""))
        )

    # -- key queries -------------------------------------------------------------------------------

    async def refresh(self, users: Iterable[str]) -> Failure | None:
        """Query the cross-signing keys (and signed device keys) of ``users``."""
        asked = set(users)
        for user_id in asked:
            self.wanted.pop(user_id, None)
        wanted = sorted(u for u in asked if cv.parse_user_id(u) is not None)
        for start in range(0, len(wanted), QUERY_CHUNK):
            chunk = wanted[start : start + QUERY_CHUNK]
            reply = await self.http.request(
                "POST",
                f"{V3}/keys/query",
                body={"device_keys": {u: [] for u in chunk}},
                timeout=30,
            )
            if not reply.ok:
                failure = reply.failure()
                self.log.info("cross-signing keys not queried: %s", failure.message)
                for user_id in wanted[start:]:
                    self.wanted[user_id] = None  # asked again after the next sync
                return failure
            for user_id in chunk:
                identity = parse_identity(reply.body, user_id)
                if not self.book.knows(user_id):  # else the book has it already (we write both)
                    verified = await self.state.get(STATE_VERIFIED + user_id)
                    self.book.set_verified(user_id, verified)
                if self.book.update(identity):
                    self.log.info(
                        "the cryptographic identity of %s changed; their devices are no "
                        "longer verified through it",
                        user_id,
                    )
                    self.notice(
                        CoreMessages.tr(
                            "The encryption identity of %1 changed, so their devices are no longer verified. Verify them again before you trust new messages."
                        ).arg(user_id)
                    )
        return None

    async def refresh_wanted(self) -> Failure | None:
        wanted = list(self.wanted)
        return await self.refresh(wanted) if wanted else None

    # -- our own keys ----------------------------------------------------------------------------

    async def _load_stored(self) -> None:
        for usage, name in SECRET_KEYS.items():
            key = SigningKey.from_secret(await self.secrets.get(name))
            if key is None:
                self.book.stored.pop(usage, None)
            else:
                self.book.stored[usage] = key
        self.book.changed()

    async def set_up_keys(self) -> Failure | None:
        """Make our cross-signing keys if the account has none; sign this device if we can.

        Keys the account already has are never replaced: without their private keys we only
        evaluate trust with them.
        """
        await self._load_stored()
        failure = await self.refresh([self.user_id])
        if failure is not None:
            return failure
        own = self.book.own
        if own is None or not own.master:
            failure = await self._bootstrap()
            if failure is not None:
                return failure
        elif self.book.signing_key(MASTER) is None:
            self.log.info(
                "this account's cross-signing keys were made on another device; "
                "they are used for trust only, never replaced"
            )
        failure = await self._sign_this_device()
        if failure is None:
            self.set_up = True
        return failure

    async def _bootstrap(self) -> Failure | None:
        made, body = new_identity_keys(self.user_id, self.device_id, self.device_sign)
        for usage, key in made.items():  # first: a crash after the upload must not lose them
            await self.secrets.set(SECRET_KEYS[usage], key.secret())
        password = await self.secrets.get("password")
        failure = await upload_signing_keys(self.http, self.user_id, body, password)
        if failure is not None:
            self.log.info("cross-signing keys not uploaded: %s", failure.message)
            return failure
        self.log.info("cross-signing set up (new master, self-signing and user-signing keys)")
        await self._load_stored()
        return await self.refresh([self.user_id])

    async def _sign_this_device(self) -> Failure | None:
        own = self.book.own
        if own is None or (self.device_id, self.device_ed25519) in own.signed_devices:
            return None
        if self.book.signing_key(SELF_SIGNING) is None:
            return None  # not ours to sign: another of our devices can do it after SAS
        if self.device_id not in own.devices:
            return Failure(
                FailureKind.PROTOCOL,
                CoreMessages.tr("This device's keys are not on the server yet."),
                retryable=True,
            )
        return await self.sign_own_device(self.device_id)

    async def sign_own_device(self, device_id: str) -> Failure | None:
        """Sign one of our devices with our self-signing key (after SAS, or this one)."""
        key = self.book.signing_key(SELF_SIGNING)
        own = self.book.own
        if key is None or own is None:
            return None
        device = own.devices.get(device_id)
        if device is None:
            failure = await self.refresh([self.user_id])
            own = self.book.own
            device = own.devices.get(device_id) if own is not None else None
            if failure is not None or device is None:
                return failure or Failure(
                    FailureKind.PROTOCOL, CoreMessages.tr("No keys for device %1.").arg(device_id)
                )
        signed = key.sign_json(signable(device), self.user_id)
        failure = await self._upload_signatures({self.user_id: {device_id: signed}})
        if failure is None:
            self.log.info("signed device %s with our self-signing key", device_id)
            return await self.refresh([self.user_id])
        return failure

    async def master_verified(self, user_id: str, master: str) -> Failure | None:
        """SAS proved ``user_id``'s master key: remember it and, for others, sign it with our
        user-signing key so every device of ours trusts it (and them) too."""
        await self.state.set(STATE_VERIFIED + user_id, master)
        self.book.set_verified(user_id, master)
        if user_id == self.user_id:
            self.log.info("our own cross-signing identity was verified")
            return None
        self.log.info("verified the cryptographic identity of %s", user_id)
        key = self.book.signing_key(USER_SIGNING)
        if key is None or not self.book.master_trusted(self.user_id):
            return None
        identity = self.book.identity(user_id)
        if identity is None or identity.master != master:
            await self.refresh([user_id])
            identity = self.book.identity(user_id)
        if identity is None or identity.master != master:
            return Failure(
                FailureKind.PROTOCOL,
                CoreMessages.tr("The master key of %1 changed meanwhile.").arg(user_id),
            )
        signed = key.sign_json(signable(identity.master_key), self.user_id)
        failure = await self._upload_signatures({user_id: {master: signed}})
        if failure is None:
            self.log.info("signed the master key of %s with our user-signing key", user_id)
            return await self.refresh([user_id])
        return failure

    async def _upload_signatures(self, signed: Mapping[str, Any]) -> Failure | None:
        reply = await self.http.request(
            "POST", f"{V3}/keys/signatures/upload", body=dict(signed), timeout=30
        )
        if not reply.ok:
            failure = reply.failure()
            self.log.info("signature not uploaded: %s", failure.message)
            return failure
        failures = reply.body.get("failures")
        if isinstance(failures, Mapping) and failures:
            self.log.info("the server refused a signature: %s", failures)
            return Failure(
                FailureKind.REJECTED, CoreMessages.tr("The server refused the signature.")
            )
        return None

    def sign_json(self, obj: Mapping[str, Any]) -> dict[str, Any]:
        """``obj`` signed by our master key when we hold it (key backup ``auth_data``)."""
        key = self.book.signing_key(MASTER)
        return key.sign_json(obj, self.user_id) if key is not None else dict(obj)
