"""OMEMO trust in the app's words: device trust, message and conversation trust, fingerprints.

Trust is *blind trust before verification* (BTBV, as Conversations, Dino and Gajim do by default):
a person's devices are trusted blindly — messages are encrypted to them and read from them — until
the user verifies one of that person's devices by comparing its fingerprint. From then on a new
device of that person is not used until the user decides about it; a device the user distrusts is
never used again. What the window says follows the library's levels exactly:

============== ================== ===================================================
level          ``DeviceTrust``    in a conversation / on a message
============== ================== ===================================================
TRUSTED        VERIFIED           verified (the user compared its fingerprint)
BLINDLY_TRUSTED UNVERIFIED        encrypted, but not verified
UNDECIDED      UNVERIFIED         encrypted, but not verified (nothing is sent to it)
DISTRUSTED     BLOCKED            never used; its messages are refused
============== ================== ===================================================

Fingerprints are the identity key in its Curve25519 form (XEP-0384 §9: what OMEMO 0.3 clients
show too), lowercase hex in eight groups of eight; the ``xmpp:`` URI carries it as Conversations
does (``xmpp:alice@example.org?omemo-sid-1234=<64 hex digits>``), which phones scan from a QR code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

import xeddsa

from app.models import DeviceTrust, Trust

# slixmpp-omemo's trust level values, spelled out: importing that package loads the whole OMEMO
# stack (~1.6 s, mostly XML schemas built at import), which must stay off the way to signing in
# (a unit test checks that they match the library's).
TRUSTED = "TRUSTED"
BLINDLY_TRUSTED = "BLINDLY_TRUSTED"
UNDECIDED = "UNDECIDED"
DISTRUSTED = "DISTRUSTED"

_DEVICE_TRUST = {
    TRUSTED: DeviceTrust.VERIFIED,
    BLINDLY_TRUSTED: DeviceTrust.UNVERIFIED,
    UNDECIDED: DeviceTrust.UNVERIFIED,
    DISTRUSTED: DeviceTrust.BLOCKED,
}
_LEVEL_FOR = {
    DeviceTrust.VERIFIED: TRUSTED,
    DeviceTrust.BLOCKED: DISTRUSTED,
    DeviceTrust.UNVERIFIED: BLINDLY_TRUSTED,
}


def device_trust(level: str) -> DeviceTrust:
    """The app's word for a library trust level (unknown levels are not trusted)."""
    return _DEVICE_TRUST.get(level, DeviceTrust.UNVERIFIED)


def level_for(trust: DeviceTrust) -> str:
    """The library's level for what the user decided."""
    return _LEVEL_FOR[trust]


def message_trust(level: str) -> Trust:
    """How far a message decrypted from (or encrypted to) a device of this level is trusted."""
    return Trust.VERIFIED if level == TRUSTED else Trust.UNVERIFIED


def conversation_trust(levels: Iterable[str]) -> Trust:
    """VERIFIED when every device involved is verified (distrusted ones take no part) and at
    least one is; UNVERIFIED otherwise."""
    used = [level for level in levels if level != DISTRUSTED]
    if used and all(level == TRUSTED for level in used):
        return Trust.VERIFIED
    return Trust.UNVERIFIED


def fingerprint_hex(identity_key: bytes) -> str:
    """The identity key (Ed25519, as python-omemo keeps it) in Curve25519 form, as 64 hex digits."""
    return bytes(xeddsa.ed25519_pub_to_curve25519_pub(identity_key)).hex()


def fingerprint(identity_key: bytes) -> str:
    """For reading and comparing: eight groups of eight hex digits (XEP-0384's recommendation)."""
    hexed = fingerprint_hex(identity_key)
    return " ".join(hexed[i : i + 8] for i in range(0, len(hexed), 8))


def device_uri(bare_jid: str, device_id: int, identity_key: bytes) -> str:
    """The ``xmpp:`` URI Conversations puts in its QR code for one device."""
    return f"xmpp:{quote(bare_jid, safe='@')}?omemo-sid-{device_id}={fingerprint_hex(identity_key)}"


@dataclass(frozen=True, slots=True)
class DeviceChange:
    """A device of someone we talk to that is new, or whose identity key changed."""

    bare_jid: str
    device_id: int
    identity_key: str  # base64, as the snapshot keeps it
    changed: bool  # True: the same device id now has another identity key


def device_changes(
    bare_jid: str, before: Mapping[int, str] | None, now: Mapping[int, str]
) -> list[DeviceChange]:
    """What to announce when a person's devices (id → identity key, base64) went from ``before``
    to ``now``. Nothing the first time we learn someone's devices (``before`` is None): the
    conversation's "encrypted" state says that much."""
    if before is None:
        return []
    out: list[DeviceChange] = []
    for device_id, key in sorted(now.items()):
        old = before.get(device_id)
        if old == key:
            continue
        out.append(DeviceChange(bare_jid, device_id, key, changed=old is not None))
    return out
