"""What goes on the wire, the account settings, trust and the id map."""

from __future__ import annotations

import ssl
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import backend as app_backend
from app.registry import BackendRegistry
from backends.xmpp import XmppBackend, settings, stanzas, tls
from backends.xmpp.convert import IdLink
from backends.xmpp.ids import MessageIdMap


def tags(elements: list[ET.Element]) -> list[str]:
    return [e.tag for e in elements]


def test_message_payload() -> None:
    payload = stanzas.message_payload(
        "txn", request_receipt=True, markable=True, reply_to=("a@b", "m1"), urls=["https://u/f"]
    )
    assert tags(payload) == [
        "{urn:xmpp:sid:0}origin-id",
        "{urn:xmpp:receipts}request",
        "{urn:xmpp:chat-markers:0}markable",
        "{urn:xmpp:reply:0}reply",
        "{jabber:x:oob}x",
    ]
    assert payload[0].get("id") == "txn" and payload[3].attrib == {"id": "m1", "to": "a@b"}
    assert payload[4].findtext("{jabber:x:oob}url") == "https://u/f"


def test_retraction_speaks_both_versions_and_is_stored() -> None:
    assert tags(stanzas.retraction("m1")) == [
        "{urn:xmpp:message-retract:1}retract",
        "{urn:xmpp:fasten:0}apply-to",
        "{urn:xmpp:fallback:0}fallback",
        "{urn:xmpp:hints}store",
    ]


def test_reactions_deduplicate() -> None:
    node = stanzas.reactions("m1", ["👍", "👍", "🎉"])[0]
    assert [r.text for r in node] == ["👍", "🎉"] and node.get("id") == "m1"


def test_archive_query_form() -> None:
    query = stanzas.mam_query("q1", with_jid="p@x", before="", max_items=10)
    fields = {
        f.get("var"): f.findtext("{jabber:x:data}value") for f in query.iter("{jabber:x:data}field")
    }
    assert fields == {"FORM_TYPE": "urn:xmpp:mam:2", "with": "p@x"}
    rsm = query.find("{http://jabber.org/protocol/rsm}set")
    assert rsm is not None and rsm.findtext("{http://jabber.org/protocol/rsm}max") == "10"
    assert rsm.find("{http://jabber.org/protocol/rsm}before") is not None


def test_instant_room_is_an_empty_submission() -> None:
    query = stanzas.instant_room()
    form = query.find("{jabber:x:data}x")
    assert query.tag == "{http://jabber.org/protocol/muc#owner}query"
    assert form is not None and form.get("type") == "submit" and len(form) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aa" * 32, ":".join(["AA"] * 32)),
        (":".join(["ab"] * 32), ":".join(["AB"] * 32)),
        (" ".join(["0F"] * 32), ":".join(["0F"] * 32)),
        ("aa" * 31, ""),
        ("zz" * 32, ""),
    ],
)
def test_fingerprint_spellings(text: str, expected: str) -> None:
    assert settings.normalise_fingerprint(text) == expected


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"jid": "no-at-sign"}, "jid"),
        ({"jid": "a@b", "port": 70000, "host": "h"}, "port"),
        ({"jid": "a@b", "port": 5222}, "host"),
        ({"jid": "a@b", "trusted_fingerprint": "12:34"}, "trusted_fingerprint"),
        ({"jid": "a@b", "tls_mode": "off"}, "tls_mode"),
    ],
)
def test_settings_problems(values: dict[str, str | int | bool], field: str) -> None:
    assert field in settings.problems(values)


def test_settings_are_normalised() -> None:
    parsed = settings.parse(
        {"jid": "Me@Example.ORG", "host": "h", "trusted_fingerprint": "aa" * 32}
    )
    assert isinstance(parsed, settings.ConnectionSettings)
    assert (parsed.jid, parsed.resource, parsed.port) == ("Me@example.org", "chinwag", 5222)
    assert parsed.fingerprint.startswith("AA:AA")


def test_account_fields_keep_the_password_secret_and_trust_advanced() -> None:
    fields = {f.name: f for f in XmppBackend.account_fields}
    assert fields["password"].secret
    assert all(fields[n].advanced for n in ("host", "port", "ca_file", "trusted_fingerprint"))
    # The account dialog fills this field after a TLS failure (app.backend's agreed name).
    assert getattr(app_backend, "TRUSTED_FINGERPRINT_FIELD", "trusted_fingerprint") in fields
    assert not fields["jid"].advanced and not fields["resource"].advanced
    assert BackendRegistry().add_class(XmppBackend).loaded


def test_trust_contexts_never_turn_verification_off_silently(tmp_path: Path) -> None:
    verified = tls.build_context(None, "")
    assert verified.verify_mode is ssl.CERT_REQUIRED and verified.check_hostname
    pinned = tls.build_context(None, ":".join(["AA"] * 32))
    assert pinned.verify_mode is ssl.CERT_NONE  # the pin is checked on the presented certificate
    with pytest.raises(tls.TrustConfigError):
        tls.build_context(tmp_path / "missing.pem", "")


def test_id_map_translates_both_ways_and_forgets_the_oldest() -> None:
    ids = MessageIdMap(max_entries=2)
    ids.remember(IdLink("p@x", "orig-1", "sid-1", "sid-1", "p@x"))
    ids.remember(IdLink("p@x", "orig-2", "sid-2", "sid-2", "p@x"))
    assert ids.remote_for("p@x", "orig-1") == "sid-1"
    link = ids.link_for_remote("p@x", "sid-2")
    assert link is not None and link.ref == "orig-2"
    assert ids.remote_for("other@x", "orig-1") == "orig-1"  # per conversation
    ids.remember(IdLink("p@x", "orig-3", "sid-3"))
    assert not ids.knows_ref("p@x", "orig-1") and ids.knows_remote("p@x", "sid-3")
