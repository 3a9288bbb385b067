"""Avatar facts from XMPP stanzas, table-driven: XEP-0153 presence (contact, occupant, room),
XEP-0084 metadata notifications, malformed input dropped."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

import pytest

from app import facts as f
from backends.xmpp.avatars import pep_avatar, presence_avatar, vcard_photo

H = "a" * 40
ROOMS = {"room@muc.example"}


def is_room(bare: str) -> bool:
    return bare in ROOMS


def x(xml: str) -> ET.Element:
    return ET.fromstring(
        xml.replace("<presence", "<presence xmlns='jabber:client'", 1).replace(
            "<message", "<message xmlns='jabber:client'", 1
        )
    )


UPDATE = "<x xmlns='vcard-temp:x:update'>{}</x>"


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (
            f"<presence from='bob@example/phone'>{UPDATE.format(f'<photo>{H}</photo>')}</presence>",
            f.AvatarChanged("bob@example", f"{H} bob@example"),
        ),
        (
            f"<presence from='bob@example/phone'>{UPDATE.format('<photo/>')}</presence>",
            f.AvatarChanged("bob@example", ""),
        ),
        (f"<presence from='bob@example/phone'>{UPDATE.format('')}</presence>", None),
        (f"<presence from='bob@example'>{UPDATE.format('<photo>xyz</photo>')}</presence>", None),
        ("<presence from='bob@example/phone'/>", None),
        (
            f"<presence from='bob@example/phone' type='unavailable'>"
            f"{UPDATE.format(f'<photo>{H}</photo>')}</presence>",
            None,
        ),
        (  # an occupant: theirs inside the room; asked of their real JID when the room shows it
            f"<presence from='room@muc.example/Romeo'>{UPDATE.format(f'<photo>{H}</photo>')}"
            "<x xmlns='http://jabber.org/protocol/muc#user'>"
            "<item affiliation='member' role='participant' jid='romeo@example/x'/></x></presence>",
            f.AvatarChanged("Romeo", f"{H} romeo@example", conversation="room@muc.example"),
        ),
        (  # anonymous: asked of the occupant's address
            f"<presence from='room@muc.example/Romeo'>{UPDATE.format(f'<photo>{H.upper()}</photo>')}"
            "<x xmlns='http://jabber.org/protocol/muc#user'><item role='participant'/></x>"
            "</presence>",
            f.AvatarChanged(
                "Romeo", f"{H} room@muc.example/Romeo", conversation="room@muc.example"
            ),
        ),
        (  # the room itself (XEP-0486)
            f"<presence from='room@muc.example'>{UPDATE.format(f'<photo>{H}</photo>')}</presence>",
            f.AvatarChanged("room@muc.example", f"{H} room@muc.example"),
        ),
        (f"<presence from=''>{UPDATE.format(f'<photo>{H}</photo>')}</presence>", None),
    ],
)
def test_presence_avatar(xml: str, expected: f.AvatarChanged | None) -> None:
    assert presence_avatar(x(xml), is_room) == expected


EVENT = (
    "<message from='juliet@capulet.lit'><event xmlns='http://jabber.org/protocol/pubsub#event'>"
    "<items node='{node}'><item id='{id}'>{payload}</item></items></event></message>"
)
META = "<metadata xmlns='urn:xmpp:avatar:metadata'>{}</metadata>"


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (
            EVENT.format(
                node="urn:xmpp:avatar:metadata",
                id=H,
                payload=META.format(f"<info id='{H}' bytes='12' type='image/png'/>"),
            ),
            f.AvatarChanged("juliet@capulet.lit", f"{H} juliet@capulet.lit"),
        ),
        (  # PNG preferred; an info with a URL is not in PEP
            EVENT.format(
                node="urn:xmpp:avatar:metadata",
                id=H,
                payload=META.format(
                    f"<info id='{'b' * 40}' type='image/jpeg' url='https://x/y'/>"
                    f"<info id='{'c' * 40}' type='image/webp'/><info id='{H}' type='image/png'/>"
                ),
            ),
            f.AvatarChanged("juliet@capulet.lit", f"{H} juliet@capulet.lit"),
        ),
        (
            EVENT.format(node="urn:xmpp:avatar:metadata", id="current", payload=META.format("")),
            f.AvatarChanged("juliet@capulet.lit", ""),
        ),
        (
            EVENT.format(
                node="urn:xmpp:avatar:metadata",
                id="x",
                payload=META.format("<info id='../../etc' type='image/png'/>"),
            ),
            None,
        ),
        (EVENT.format(node="urn:xmpp:mood", id=H, payload=""), None),
        ("<message from='juliet@capulet.lit'><body>hi</body></message>", None),
    ],
)
def test_pep_avatar(xml: str, expected: f.AvatarChanged | None) -> None:
    assert pep_avatar(x(xml)) == expected


def test_vcard_photo() -> None:
    data = b"\x89PNG\r\n\x1a\nabc"
    b64 = base64.b64encode(data).decode()
    vcard = ET.fromstring(
        f"<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE>"
        f"<BINVAL>{b64[:4]}\n {b64[4:]}</BINVAL></PHOTO></vCard>"
    )
    image = vcard_photo(vcard)
    assert image is not None and image.data == data and image.mime_type == "image/png"
    assert vcard_photo(ET.fromstring("<vCard xmlns='vcard-temp'/>")) is None
    broken = "<vCard xmlns='vcard-temp'><PHOTO><BINVAL>%%%</BINVAL></PHOTO></vCard>"
    assert vcard_photo(ET.fromstring(broken)) is None
