"""XML namespaces the XMPP backend reads and writes, in one place so a typo cannot hide in a tag."""

from __future__ import annotations

CLIENT = "jabber:client"
STREAM = "http://etherx.jabber.org/streams"
STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas"
TLS = "urn:ietf:params:xml:ns:xmpp-tls"
ROSTER = "jabber:iq:roster"
DATA_FORMS = "jabber:x:data"
DISCO_INFO = "http://jabber.org/protocol/disco#info"
DISCO_ITEMS = "http://jabber.org/protocol/disco#items"
RSM = "http://jabber.org/protocol/rsm"
NICK = "http://jabber.org/protocol/nick"
XHTML_IM = "http://jabber.org/protocol/xhtml-im"
XHTML = "http://www.w3.org/1999/xhtml"
DELAY = "urn:xmpp:delay"
FORWARD = "urn:xmpp:forward:0"
HINTS = "urn:xmpp:hints"
SID = "urn:xmpp:sid:0"  # XEP-0359 stanza-id / origin-id
OCCUPANT_ID = "urn:xmpp:occupant-id:0"  # XEP-0421
RECEIPTS = "urn:xmpp:receipts"  # XEP-0184
MARKERS = "urn:xmpp:chat-markers:0"  # XEP-0333
CHATSTATES = "http://jabber.org/protocol/chatstates"  # XEP-0085
CORRECT = "urn:xmpp:message-correct:0"  # XEP-0308
REPLY = "urn:xmpp:reply:0"  # XEP-0461
FALLBACK = "urn:xmpp:fallback:0"  # XEP-0428
SPOILER = "urn:xmpp:spoiler:0"  # XEP-0382
REACTIONS = "urn:xmpp:reactions:0"  # XEP-0444
RETRACT = "urn:xmpp:message-retract:1"  # XEP-0424 (current)
RETRACT_0 = "urn:xmpp:message-retract:0"  # XEP-0424 (older, wrapped in fastening)
FASTEN = "urn:xmpp:fasten:0"
MODERATE = "urn:xmpp:message-moderate:1"  # XEP-0425 (current, inside a XEP-0424 retraction)
MODERATE_0 = "urn:xmpp:message-moderate:0"  # XEP-0425 (older, wrapped in fastening)
OOB = "jabber:x:oob"  # XEP-0066
CARBONS = "urn:xmpp:carbons:2"  # XEP-0280
MAM = "urn:xmpp:mam:2"  # XEP-0313
MUC = "http://jabber.org/protocol/muc"  # XEP-0045
MUC_USER = "http://jabber.org/protocol/muc#user"
MUC_ADMIN = "http://jabber.org/protocol/muc#admin"
MUC_OWNER = "http://jabber.org/protocol/muc#owner"
CONFERENCE = "jabber:x:conference"  # XEP-0249 direct invitations
BLOCKING = "urn:xmpp:blocking"  # XEP-0191
UPLOAD = "urn:xmpp:http:upload:0"  # XEP-0363
SM = "urn:xmpp:sm:3"  # XEP-0198
STYLING = "urn:xmpp:styling:0"  # XEP-0393
IDLE = "urn:xmpp:idle:1"  # XEP-0319
LAST = "jabber:iq:last"  # XEP-0012
VERSION = "jabber:iq:version"  # XEP-0092
PUBSUB = "http://jabber.org/protocol/pubsub"  # XEP-0060
PUBSUB_EVENT = "http://jabber.org/protocol/pubsub#event"
BOOKMARKS = "urn:xmpp:bookmarks:1"  # XEP-0402 (node and payload)


def q(namespace: str, name: str) -> str:
    """An ElementTree qualified name: ``{namespace}name``."""
    return f"{{{namespace}}}{name}"
