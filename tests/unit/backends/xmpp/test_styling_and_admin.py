"""Pure parts of rich text (XEP-0393 both ways) and of running rooms (configuration forms,
outcast lists), table-driven."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from app.backend import RoomOptions
from app.formatting import markdown_to_html
from backends.xmpp import muc_admin
from backends.xmpp.styling import html_to_styling, styling_to_html


@pytest.mark.parametrize(
    ("typed", "body"),
    [
        ("**bold** and _it_", "*bold* and _it_"),
        ("~~no~~ `code`", "~~no~~ `code`"),
        ("line one\nline two", "line one\nline two"),
        ("see [site](https://x.org) now", "see site <https://x.org> now"),
        ("- a\n- b", "• a\n• b"),
        ("> quoted\n\nafter", "> quoted\n\nafter"),
        ("```\nx = 1\n```", "```\nx = 1\n```"),
        ("مرحبا **بالعالم**", "مرحبا *بالعالم*"),
    ],
)
def test_composer_html_goes_out_as_styling(typed: str, body: str) -> None:
    html = markdown_to_html(typed)
    sent = html_to_styling(html) if html else typed  # as the message service sends it
    assert sent == body


@pytest.mark.parametrize(
    ("body", "html"),
    [
        ("plain text", None),
        ("file_name_here", None),
        ("2*3*4", None),
        ("*not bold *", None),
        ("a *b* c", "a <strong>*b*</strong> c"),
        ("x _y_.", "x <em>_y_</em>."),
        ("~gone~ `a<b`", "<s>~gone~</s> <code>a&lt;b</code>"),
        ("> hi\nyou", "<blockquote>hi</blockquote>you"),
        ("```\n<b>\n```", "<pre><code>&lt;b&gt;</code></pre>"),
        ("<script>*x*</script>", None),  # a directive must follow a space
    ],
)
def test_styling_arrives_as_html(body: str, html: str | None) -> None:
    assert styling_to_html(body) == html


FORM = """
<x xmlns='jabber:x:data' type='form'>
  <field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>
  <field var='muc#roomconfig_roomname'><value>Plans</value></field>
  <field var='muc#roomconfig_roomdesc'><value>Secret</value></field>
  <field var='muc#roomconfig_publicroom'><value>0</value></field>
  <field var='muc#roomconfig_membersonly'><value>1</value></field>
  <field var='muc#roomconfig_roomsecret'><value>pw</value></field>
  <field var='muc#roomconfig_persistentroom'><value>true</value></field>
  <field var='muc#roomconfig_moderatedroom'><value>0</value></field>
  <field var='muc#roomconfig_whois'><value>moderators</value></field>
</x>"""


def test_configuration_form_both_ways() -> None:
    values = muc_admin.form_values(ET.fromstring(FORM))
    options = muc_admin.options_from_config(values)
    assert options == RoomOptions(
        name="Plans", topic="Secret", invite_only=True, password="pw", persistent=True
    )
    sent = muc_admin.config_submission(options, list(values))
    assert sent["muc#roomconfig_membersonly"] == "1"
    assert sent["muc#roomconfig_whois"] == "anyone"  # members see who is who
    assert "muc#roomconfig_enablearchiving" not in sent  # not in this service's form
    assert "muc#roomconfig_passwordprotectedroom" not in sent


def test_outcasts_are_parsed_and_garbage_skipped() -> None:
    query = ET.fromstring(
        "<query xmlns='http://jabber.org/protocol/muc#admin'>"
        "<item affiliation='outcast' jid='b@x'><reason>spam</reason></item>"
        "<item affiliation='outcast' jid='a@x'/>"
        "<item affiliation='outcast'/>"
        "</query>"
    )
    entries = muc_admin.parse_outcasts(query)
    assert [(e.mask, e.reason) for e in entries] == [("a@x", ""), ("b@x", "spam")]
