"""Builders for what the backend sends: payload elements, pure and testable.

The network side puts these into slixmpp's ``<message>``/``<iq>``/``<presence>`` stanzas; keeping
the XEP shapes here means the wire format is reviewed and tested in one place.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from backends.xmpp import ns
from backends.xmpp.ns import q

RETRACT_FALLBACK = (
    "This person attempted to retract a previous message, but it's unsupported by your client."
)


def el(namespace: str, name: str, text: str | None = None, **attrs: str | None) -> ET.Element:
    node = ET.Element(q(namespace, name), {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        node.text = text
    return node


def hint(name: str) -> ET.Element:
    """XEP-0334 processing hint: ``store`` or ``no-store``."""
    return el(ns.HINTS, name)


def message_payload(
    txn_id: str,
    *,
    request_receipt: bool,
    markable: bool,
    reply_to: tuple[str, str] | None = None,
    urls: Sequence[str] = (),
) -> list[ET.Element]:
    """Extensions of an ordinary chat message: its origin-id, receipt request, marker, reply, OOB."""
    out = [el(ns.SID, "origin-id", id=txn_id)]
    if request_receipt:
        out.append(el(ns.RECEIPTS, "request"))
    if markable:
        out.append(el(ns.MARKERS, "markable"))
    if reply_to is not None:
        to, ref = reply_to
        out.append(el(ns.REPLY, "reply", id=ref, to=to or None))
    for url in urls:
        x = el(ns.OOB, "x")
        x.append(el(ns.OOB, "url", url))
        out.append(x)
    return out


def correction(ref: str) -> ET.Element:
    return el(ns.CORRECT, "replace", id=ref)


def reactions(ref: str, keys: Iterable[str]) -> list[ET.Element]:
    node = el(ns.REACTIONS, "reactions", id=ref)
    for key in dict.fromkeys(keys):
        node.append(el(ns.REACTIONS, "reaction", key))
    return [node, hint("store")]


def retraction(ref: str) -> list[ET.Element]:
    """XEP-0424 in its current form, plus the older fastening form older clients understand."""
    legacy = el(ns.FASTEN, "apply-to", id=ref)
    legacy.append(el(ns.RETRACT_0, "retract"))
    return [
        el(ns.RETRACT, "retract", id=ref),
        legacy,
        el(ns.FALLBACK, "fallback", **{"for": ns.RETRACT}),
        hint("store"),
    ]


def chat_state(typing: bool) -> list[ET.Element]:
    return [el(ns.CHATSTATES, "composing" if typing else "active"), hint("no-store")]


def displayed(ref: str) -> list[ET.Element]:
    return [el(ns.MARKERS, "displayed", id=ref), hint("store")]


def receipt(ref: str) -> ET.Element:
    return el(ns.RECEIPTS, "received", id=ref)


def direct_invite(room: str, reason: str = "", password: str = "") -> ET.Element:
    return el(ns.CONFERENCE, "x", jid=room, reason=reason or None, password=password or None)


def mediated_invite(contact: str, reason: str = "") -> ET.Element:
    x = el(ns.MUC_USER, "x")
    invite = el(ns.MUC_USER, "invite", to=contact)
    if reason:
        invite.append(el(ns.MUC_USER, "reason", reason))
    x.append(invite)
    return x


def mediated_decline(inviter: str, reason: str = "") -> ET.Element:
    x = el(ns.MUC_USER, "x")
    decline = el(ns.MUC_USER, "decline", to=inviter)
    if reason:
        decline.append(el(ns.MUC_USER, "reason", reason))
    x.append(decline)
    return x


def muc_join(password: str = "", max_history: int = 20) -> ET.Element:
    x = el(ns.MUC, "x")
    if password:
        x.append(el(ns.MUC, "password", password))
    x.append(el(ns.MUC, "history", maxstanzas=str(max_history)))
    return x


def owner_query() -> ET.Element:
    return el(ns.MUC_OWNER, "query")


def instant_room() -> ET.Element:
    """The owner's empty submission that unlocks a new room with its default configuration."""
    query = owner_query()
    query.append(el(ns.DATA_FORMS, "x", type="submit"))
    return query


def room_config(values: Mapping[str, str | Sequence[str]]) -> ET.Element:
    query = owner_query()
    form = el(ns.DATA_FORMS, "x", type="submit")
    form.append(_field("FORM_TYPE", "http://jabber.org/protocol/muc#roomconfig"))
    for var, value in values.items():
        form.append(_field(var, value))
    query.append(form)
    return query


def _field(var: str, value: str | Sequence[str]) -> ET.Element:
    node = el(ns.DATA_FORMS, "field", var=var)
    for v in [value] if isinstance(value, str) else value:
        node.append(el(ns.DATA_FORMS, "value", v))
    return node


def kick(nick: str, reason: str = "") -> ET.Element:
    query = el(ns.MUC_ADMIN, "query")
    item = el(ns.MUC_ADMIN, "item", nick=nick, role="none")
    if reason:
        item.append(el(ns.MUC_ADMIN, "reason", reason))
    query.append(item)
    return query


def mam_query(
    query_id: str,
    *,
    with_jid: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    before: str | None = None,
    after: str | None = None,
    ids: Sequence[str] = (),
    max_items: int = 50,
) -> ET.Element:
    """A XEP-0313 query: ``before`` pages backwards (``""``: the newest page), ``after`` forwards."""
    query = el(ns.MAM, "query", queryid=query_id)
    form = el(ns.DATA_FORMS, "x", type="submit")
    form.append(_field("FORM_TYPE", ns.MAM))
    if with_jid:
        form.append(_field("with", with_jid))
    if start is not None:
        form.append(_field("start", start.strftime("%Y-%m-%dT%H:%M:%SZ")))
    if end is not None:
        form.append(_field("end", end.strftime("%Y-%m-%dT%H:%M:%SZ")))
    if ids:
        form.append(_field("ids", list(ids)))
    query.append(form)
    rsm = el(ns.RSM, "set")
    rsm.append(el(ns.RSM, "max", str(max_items)))
    if before is not None:
        rsm.append(el(ns.RSM, "before", before))
    elif after is not None:
        rsm.append(el(ns.RSM, "after", after))
    query.append(rsm)
    return query


def mam_prefs_request() -> ET.Element:
    return el(ns.MAM, "prefs")


def roster_item(
    contact: str, *, name: str = "", groups: Sequence[str] = (), remove: bool = False
) -> ET.Element:
    query = el(ns.ROSTER, "query")
    item = el(ns.ROSTER, "item", jid=contact)
    if remove:
        item.set("subscription", "remove")
    else:
        if name:
            item.set("name", name)
        for group in groups:
            item.append(el(ns.ROSTER, "group", group))
    query.append(item)
    return query


def blocklist_request() -> ET.Element:
    return el(ns.BLOCKING, "blocklist")


def block(contacts: Sequence[str], *, blocked: bool) -> ET.Element:
    node = el(ns.BLOCKING, "block" if blocked else "unblock")
    for contact in contacts:
        node.append(el(ns.BLOCKING, "item", jid=contact))
    return node


def upload_request(filename: str, size: int, content_type: str) -> ET.Element:
    return el(
        ns.UPLOAD, "request", filename=filename, size=str(size), **{"content-type": content_type}
    )


def carbons_enable() -> ET.Element:
    return el(ns.CARBONS, "enable")


def nick(name: str) -> ET.Element:
    return el(ns.NICK, "nick", name)
