"""In-band registration forms (XEP-0077) as the server sends them: legacy fields, data forms,
CAPTCHA forms with Bits of Binary (XEP-0158/0231), a web page only; answers and refusals."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

import pytest

from app.backend import Failure, FailureKind, FieldKind
from backends.xmpp import register as reg

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40

LEGACY = """<iq xmlns='jabber:client' type='result'><query xmlns='jabber:iq:register'>
<instructions>Choose a username and password.</instructions><username/><password/><email/>
</query></iq>"""

CAPTCHA = f"""<iq xmlns='jabber:client' type='result'><query xmlns='jabber:iq:register'>
<instructions>Use the form.</instructions>
<x xmlns='jabber:x:data' type='form'>
  <title>Sign up at example.org</title>
  <instructions>Fill in the form and the CAPTCHA.</instructions>
  <field type='hidden' var='FORM_TYPE'><value>urn:xmpp:captcha</value></field>
  <field type='hidden' var='challenge'><value>F3A6292C</value></field>
  <field type='hidden' var='sid'><value>spam1</value></field>
  <field type='fixed'><value>Humans only, please.</value></field>
  <field type='text-single' var='username' label='Username'><required/></field>
  <field type='text-private' var='password' label='Password'><required/></field>
  <field type='boolean' var='accept' label='I agree'><desc>The rules</desc></field>
  <field type='list-single' var='lang' label='Language'>
    <option><value>en</value></option><option><value>de</value></option><value>en</value>
  </field>
  <field type='text-single' var='ocr' label='Enter the text you see'>
    <media xmlns='urn:xmpp:media-element' height='80' width='290'>
      <uri type='image/png'>cid:sha1+f24030b8d91d233bac14777be5ab531ca3b9f102@bob.xmpp.org</uri>
    </media><required/>
  </field>
</x></query>
<data xmlns='urn:xmpp:bob' cid='sha1+f24030b8d91d233bac14777be5ab531ca3b9f102@bob.xmpp.org'
 type='image/png' max-age='0'>{base64.b64encode(PNG).decode()}</data>
</iq>"""

WEB_ONLY = """<iq xmlns='jabber:client' type='result'><query xmlns='jabber:iq:register'>
<instructions>Sign up on our web site.</instructions>
<x xmlns='jabber:x:oob'><url>https://example.org/register</url></x></query></iq>"""


def _parse(text: str) -> reg.ParsedForm:
    iq = ET.fromstring(text)
    query = iq.find("{jabber:iq:register}query")
    assert query is not None
    return reg.parse_registration(query, reg.collect_bob(iq), "example.org")


def test_legacy_fields() -> None:
    parsed = _parse(LEGACY)
    assert not parsed.data_form
    assert [(f.name, f.kind) for f in parsed.form.fields] == [
        ("username", FieldKind.TEXT),
        ("password", FieldKind.PASSWORD),
        ("email", FieldKind.TEXT),
    ]
    assert parsed.form.instructions == "Choose a username and password."
    query = reg.answer_query(parsed, {"username": "ann", "password": "pw", "email": "a@b"})
    assert [(c.tag.rpartition("}")[2], c.text) for c in query] == [
        ("username", "ann"),
        ("password", "pw"),
        ("email", "a@b"),
    ]


def test_captcha_data_form_with_its_image() -> None:
    parsed = _parse(CAPTCHA)
    form = parsed.form
    assert parsed.data_form
    assert form.title == "Sign up at example.org"
    assert "Humans only, please." in form.instructions
    fields = {f.name: f for f in form.fields}
    assert set(fields) == {"username", "password", "accept", "lang", "ocr"}
    assert fields["ocr"].media == PNG and fields["ocr"].media_type == "image/png"
    assert fields["ocr"].required
    assert fields["accept"].kind is FieldKind.BOOLEAN and fields["accept"].help == "The rules"
    assert fields["lang"].choices == ("en", "de") and fields["lang"].value == "en"
    assert fields["password"].kind is FieldKind.PASSWORD


def test_the_answer_keeps_the_hidden_fields() -> None:
    parsed = _parse(CAPTCHA)
    query = reg.answer_query(
        parsed, {"username": "ann", "password": "pw", "accept": True, "ocr": "7nHL3"}
    )
    x = query.find("{jabber:x:data}x")
    assert x is not None and x.get("type") == "submit"
    values = {
        f.get("var"): [v.text for v in f.findall("{jabber:x:data}value")]
        for f in x.findall("{jabber:x:data}field")
    }
    assert values["FORM_TYPE"] == ["urn:xmpp:captcha"]
    assert values["challenge"] == ["F3A6292C"] and values["sid"] == ["spam1"]
    assert values["ocr"] == ["7nHL3"] and values["accept"] == ["1"] and values["lang"] == ["en"]


def test_a_web_page_only() -> None:
    form = _parse(WEB_ONLY).form
    assert form.fields == () and form.url == "https://example.org/register"


def test_prefilled_only_when_everything_is_known() -> None:
    legacy = _parse(LEGACY)
    assert reg.prefilled(legacy, {"username": "ann", "password": "pw"}) is None  # e-mail?
    simple = _parse(LEGACY.replace("<email/>", ""))
    assert reg.prefilled(simple, {"username": "ann", "password": "pw"}) == {
        "username": "ann",
        "password": "pw",
    }
    assert reg.prefilled(_parse(CAPTCHA), {"username": "a", "password": "p"}) is None


def test_oversized_or_broken_bob_is_dropped() -> None:
    big = base64.b64encode(b"x" * (reg.MAX_MEDIA_BYTES + 1)).decode()
    iq = ET.fromstring(
        f"<iq xmlns='jabber:client'><data xmlns='urn:xmpp:bob' cid='a'>{big}</data>"
        "<data xmlns='urn:xmpp:bob' cid='b'>!!!</data></iq>"
    )
    assert reg.collect_bob(iq) == {}


@pytest.mark.parametrize(
    ("condition", "asking", "expected"),
    [
        ("conflict", False, {"username"}),
        ("not-acceptable", False, {""}),
        ("bad-request", False, {""}),
        ("not-allowed", True, FailureKind.REJECTED),
        ("service-unavailable", True, FailureKind.REJECTED),
        ("feature-not-implemented", False, FailureKind.UNSUPPORTED),
        ("resource-constraint", False, FailureKind.RATE_LIMITED),
    ],
)
def test_refusals(condition: str, asking: bool, expected: object) -> None:
    outcome = reg.refusal(condition, "", asking=asking)
    if isinstance(expected, FailureKind):
        assert isinstance(outcome, Failure) and outcome.kind is expected
    else:
        assert isinstance(outcome, dict) and set(outcome) == expected
