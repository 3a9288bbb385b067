"""Trust levels in the app's words, fingerprints, QR URIs, and what a device change announces."""

from __future__ import annotations

import pytest
from omemo.session_manager import SessionManager

from app.models import DeviceTrust, Trust
from backends.xmpp.omemo import trust

# An Ed25519 public key (RFC 8032 test 1) as python-omemo keeps identity keys.
IK = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")


@pytest.mark.parametrize(
    ("level", "device", "message"),
    [
        ("TRUSTED", DeviceTrust.VERIFIED, Trust.VERIFIED),
        ("BLINDLY_TRUSTED", DeviceTrust.UNVERIFIED, Trust.UNVERIFIED),
        ("UNDECIDED", DeviceTrust.UNVERIFIED, Trust.UNVERIFIED),
        ("DISTRUSTED", DeviceTrust.BLOCKED, Trust.UNVERIFIED),
        ("SOMETHING_NEW", DeviceTrust.UNVERIFIED, Trust.UNVERIFIED),
    ],
)
def test_levels(level: str, device: DeviceTrust, message: Trust) -> None:
    assert trust.device_trust(level) is device
    assert trust.message_trust(level) is message


def test_decisions_map_back() -> None:
    assert trust.level_for(DeviceTrust.VERIFIED) == "TRUSTED"
    assert trust.level_for(DeviceTrust.BLOCKED) == "DISTRUSTED"
    assert trust.level_for(DeviceTrust.UNVERIFIED) == "BLINDLY_TRUSTED"


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        (["TRUSTED"], Trust.VERIFIED),
        (["TRUSTED", "DISTRUSTED"], Trust.VERIFIED),  # a distrusted device takes no part
        (["TRUSTED", "BLINDLY_TRUSTED"], Trust.UNVERIFIED),
        (["TRUSTED", "UNDECIDED"], Trust.UNVERIFIED),
        (["DISTRUSTED"], Trust.UNVERIFIED),
        ([], Trust.UNVERIFIED),
    ],
)
def test_conversation_trust(levels: list[str], expected: Trust) -> None:
    assert trust.conversation_trust(levels) is expected


def test_fingerprints_are_what_other_clients_show() -> None:
    groups = trust.fingerprint(IK).split()
    assert groups == SessionManager.format_identity_key(IK)  # python-omemo's own formatting
    assert len(groups) == 8 and all(len(g) == 8 for g in groups)
    assert trust.fingerprint_hex(IK) == "".join(groups)
    assert trust.fingerprint_hex(IK) != IK.hex()  # the Curve25519 form, not the Ed25519 key


def test_device_uri_as_conversations_writes_it() -> None:
    uri = trust.device_uri("juliet@capulet.lit", 1234, IK)
    assert uri == f"xmpp:juliet@capulet.lit?omemo-sid-1234={trust.fingerprint_hex(IK)}"


def test_device_changes_are_new_and_changed_devices_only() -> None:
    assert trust.device_changes("b@x", None, {1: "k1"}) == []  # first sight: nothing to say
    assert trust.device_changes("b@x", {1: "k1"}, {1: "k1"}) == []
    assert trust.device_changes("b@x", {1: "k1", 2: "k2"}, {1: "k1"}) == []  # one went away
    changes = trust.device_changes("b@x", {1: "k1", 2: "k2"}, {1: "k1", 2: "new", 3: "k3"})
    assert [(c.device_id, c.changed) for c in changes] == [(2, True), (3, False)]
    assert changes[0].bare_jid == "b@x"


def test_levels_and_versions_are_the_libraries_own() -> None:
    """The values are spelled out so that the backend loads without the OMEMO stack."""
    import oldmemo.oldmemo
    import twomemo.twomemo
    from slixmpp_omemo.base_session_manager import TrustLevel

    from backends.xmpp.omemo import content

    assert {trust.TRUSTED, trust.BLINDLY_TRUSTED, trust.UNDECIDED, trust.DISTRUSTED} == {
        level.value for level in TrustLevel
    }
    assert content.TWOMEMO == twomemo.twomemo.NAMESPACE
    assert content.OLDMEMO == oldmemo.oldmemo.NAMESPACE
