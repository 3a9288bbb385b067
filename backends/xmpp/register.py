"""Making an XMPP account from the app: in-band registration (XEP-0077).

The server's form is shown as it is: its legacy fields (``username``, ``password``, ``email`` …)
or, when it sends one, its data form (XEP-0004), including CAPTCHA forms (XEP-0158) whose image
travels in the same stanza as Bits of Binary (XEP-0231) or as a link. Hidden fields go back
untouched. When the server only points at a web page (``jabber:x:oob``), the form is that link.

The stream is encrypted before anything is asked (the password travels in it) and is never
signed in: once the server said yes, it is closed and the new account signs in as any other.
When everything the server asks is already known (the address and the password typed in the
account dialog), the answer is sent without showing a form, as Conversations does.

The parsing and building are pure functions on ElementTree (table-tested); :class:`Registration`
drives one slixmpp stream.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import dataclasses
import logging
import ssl
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from slixmpp.exceptions import IqError, IqTimeout
from slixmpp.plugins.xep_0077.stanza import Register
from slixmpp.stanza import Iq
from slixmpp.xmlstream import register_stanza_plugin

from app.backend import (
    BackendContext,
    Credentials,
    Failure,
    FailureKind,
    FieldKind,
    FormField,
    SignUpForm,
)
from app.i18n import CoreMessages
from backends.xmpp import discovery, tls
from backends.xmpp import settings as account_settings
from backends.xmpp.client import ChinwagClient
from backends.xmpp.settings import ConnectionSettings

NS_REGISTER = "jabber:iq:register"
NS_DATA = "jabber:x:data"
NS_OOB = "jabber:x:oob"
NS_BOB = "urn:xmpp:bob"
NS_MEDIA = "urn:xmpp:media-element"
NS_CAPTCHA = "urn:xmpp:captcha"
REGISTER_TIMEOUT = 30.0
MAX_MEDIA_BYTES = 256 * 1024

LEGACY_FIELDS = {
    # XEP-0077 §14.5: the registered legacy fields, with words for a person
    "username": ("Username", FieldKind.TEXT),
    "password": ("Password", FieldKind.PASSWORD),
    "email": ("E-mail address", FieldKind.TEXT),
    "name": ("Full name", FieldKind.TEXT),
    "first": ("First name", FieldKind.TEXT),
    "last": ("Last name", FieldKind.TEXT),
    "nick": ("Nickname", FieldKind.TEXT),
    "phone": ("Phone", FieldKind.TEXT),
    "url": ("Web site", FieldKind.TEXT),
}
_DATA_KINDS = {
    "text-single": FieldKind.TEXT,
    "text-private": FieldKind.PASSWORD,
    "text-multi": FieldKind.TEXT,
    "boolean": FieldKind.BOOLEAN,
    "list-single": FieldKind.CHOICE,
    "jid-single": FieldKind.TEXT,
}


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


@dataclass(frozen=True)
class ParsedForm:
    """A registration form: what to show, and what to send back that is not shown."""

    form: SignUpForm
    data_form: bool
    hidden: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    types: Mapping[str, str] = field(default_factory=dict)
    registered: bool = False


def collect_bob(stanza: ET.Element) -> dict[str, tuple[str, bytes]]:
    """Bits of Binary carried in a stanza: cid → (type, bytes). Oversized or broken data is left
    out (a CAPTCHA image is a few kB)."""
    found: dict[str, tuple[str, bytes]] = {}
    for data in stanza.iter(_q(NS_BOB, "data")):
        cid = data.get("cid", "")
        try:
            raw = base64.b64decode((data.text or "").strip(), validate=False)
        except (binascii.Error, ValueError):
            continue
        if cid and 0 < len(raw) <= MAX_MEDIA_BYTES:
            found[cid] = (data.get("type", ""), raw)
    return found


def _media(element: ET.Element, bob: Mapping[str, tuple[str, bytes]]) -> tuple[bytes, str, str]:
    """(image bytes, type, link) of a field's XEP-0221 media element."""
    link = ""
    for uri in element.iter(_q(NS_MEDIA, "uri")):
        text = (uri.text or "").strip()
        kind = uri.get("type", "")
        if text.startswith("cid:") and text[4:] in bob:
            data_type, raw = bob[text[4:]]
            return raw, kind or data_type, ""
        if text.startswith("https://") and not link:
            link = text
    return b"", "", link


def parse_registration(
    query: ET.Element, bob: Mapping[str, tuple[str, bytes]], domain: str
) -> ParsedForm:
    """The form of a ``jabber:iq:register`` query (a data form wins over legacy fields)."""
    title = f"Create an account on {domain}"
    registered = query.find(_q(NS_REGISTER, "registered")) is not None
    instructions = (query.findtext(_q(NS_REGISTER, "instructions")) or "").strip()
    oob = query.find(_q(NS_OOB, "x"))
    url = (oob.findtext(_q(NS_OOB, "url")) or "").strip() if oob is not None else ""
    data = query.find(_q(NS_DATA, "x"))
    if data is not None and data.get("type", "form") == "form":
        return _parse_data_form(
            data, bob, title=title, instructions=instructions, url=url, registered=registered
        )
    fields = []
    for child in query:
        tag = child.tag.rpartition("}")[2]
        if child.tag.startswith(f"{{{NS_REGISTER}}}") and tag in LEGACY_FIELDS:
            label, kind = LEGACY_FIELDS[tag]
            fields.append(FormField(tag, label, kind, required=True, value=child.text or ""))
    return ParsedForm(
        SignUpForm(title, instructions, tuple(fields), url=url if not fields else ""),
        data_form=False,
        registered=registered,
    )


def _parse_data_form(
    data: ET.Element,
    bob: Mapping[str, tuple[str, bytes]],
    *,
    title: str,
    instructions: str,
    url: str,
    registered: bool,
) -> ParsedForm:
    title = (data.findtext(_q(NS_DATA, "title")) or "").strip() or title
    notes = [(data.findtext(_q(NS_DATA, "instructions")) or "").strip() or instructions]
    fields: list[FormField] = []
    hidden: dict[str, tuple[str, ...]] = {}
    types: dict[str, str] = {}
    for element in data.findall(_q(NS_DATA, "field")):
        var = element.get("var", "")
        kind = element.get("type", "text-single")
        values = tuple(v.text or "" for v in element.findall(_q(NS_DATA, "value")))
        label = element.get("label", "") or LEGACY_FIELDS.get(var, (var, None))[0]
        if kind == "fixed":
            notes.extend(v for v in values if v)
            continue
        if not var:
            continue
        types[var] = kind
        if kind == "hidden" or var == "FORM_TYPE":
            hidden[var] = values
            continue
        media, media_type, link = _media(element, bob)
        choices = tuple(
            o.findtext(_q(NS_DATA, "value")) or "" for o in element.findall(_q(NS_DATA, "option"))
        )
        fields.append(
            FormField(
                var,
                label or var,
                _DATA_KINDS.get(kind, FieldKind.TEXT),
                required=element.find(_q(NS_DATA, "required")) is not None,
                value="\n".join(values) if kind == "text-multi" else (values[0] if values else ""),
                choices=choices,
                help=(element.findtext(_q(NS_DATA, "desc")) or "").strip(),
                media=media,
                media_type=media_type,
                link=link,
            )
        )
    text = "\n".join(n for n in notes if n)
    return ParsedForm(
        SignUpForm(title, text, tuple(fields), url=url if not fields else ""),
        data_form=True,
        hidden=hidden,
        types=types,
        registered=registered,
    )


def answer_query(parsed: ParsedForm, answers: Mapping[str, str | bool]) -> ET.Element:
    """The ``<query xmlns='jabber:iq:register'/>`` that answers ``parsed`` with ``answers``."""
    query = ET.Element(_q(NS_REGISTER, "query"))
    if not parsed.data_form:
        for fld in parsed.form.fields:
            child = ET.SubElement(query, _q(NS_REGISTER, fld.name))
            child.text = str(answers.get(fld.name, fld.value))
        return query
    x = ET.SubElement(query, _q(NS_DATA, "x"), {"type": "submit"})
    for var, kept in parsed.hidden.items():
        element = ET.SubElement(x, _q(NS_DATA, "field"), {"var": var})
        for value in kept:
            ET.SubElement(element, _q(NS_DATA, "value")).text = value
    for fld in parsed.form.fields:
        raw = answers.get(fld.name, fld.value)
        element = ET.SubElement(x, _q(NS_DATA, "field"), {"var": fld.name})
        if fld.kind is FieldKind.BOOLEAN:
            values = ["1" if raw in (True, "1", "true") else "0"]
        elif parsed.types.get(fld.name) == "text-multi":
            values = str(raw).splitlines()
        else:
            values = [str(raw)]
        for value in values:
            ET.SubElement(element, _q(NS_DATA, "value")).text = value
    return query


def prefilled(parsed: ParsedForm, known: Mapping[str, str]) -> dict[str, str | bool] | None:
    """Answers from what the person already typed, when they cover every field; else None."""
    answers: dict[str, str | bool] = {}
    for fld in parsed.form.fields:
        value = known.get(fld.name) or fld.value
        if not value:
            return None
        answers[fld.name] = value
    return answers if parsed.form.fields else None


def refusal(condition: str, text: str, *, asking: bool) -> Failure | dict[str, str]:
    """What a registration error means: a :class:`Failure` that ends the sign-up, or errors per
    field (``""`` for the form) to show with the form again."""
    said = f" The server said: {text}" if text else ""
    if asking or condition in ("feature-not-implemented", "service-unavailable"):
        if condition in ("not-allowed", "forbidden", "service-unavailable", "not-authorized"):
            return Failure(
                FailureKind.REJECTED,
                CoreMessages.tr("This server does not let new accounts be made from an app.")
                + said,
            )
        return Failure(
            FailureKind.UNSUPPORTED, CoreMessages.tr("This server cannot make accounts.") + said
        )
    if condition == "conflict":
        return {"username": text or CoreMessages.tr("This username is taken: choose another one.")}
    if condition in ("resource-constraint", "policy-violation"):
        return Failure(
            FailureKind.RATE_LIMITED,
            CoreMessages.tr("The server will not make more accounts right now; try again later.")
            + said,
            retryable=True,
        )
    return {"": text or CoreMessages.tr("The server did not accept these answers.")}


class Registration:
    """One in-band registration over one encrypted stream (see the module docstring)."""

    def __init__(
        self,
        settings: ConnectionSettings,
        password: str,
        ssl_context: ssl.SSLContext,
        *,
        nameservers: tuple[str, ...] = (),
        host_meta_port: int = 443,
        log: logging.LoggerAdapter[logging.Logger],
    ) -> None:
        self.settings = settings
        self.log = log
        self.known = {"username": settings.localpart, "password": password}
        self.client = ChinwagClient(
            f"{settings.localpart or 'new'}@{settings.domain}",
            "",
            ssl_context,
            settings.fingerprint,
        )
        self.client.nameservers = nameservers
        self.client.host_meta_port = host_meta_port
        self.client.discovery_log = log
        self.client.enable_plaintext = False
        self.client.enable_direct_tls = settings.tls_mode != "starttls" and not settings.host
        self.client.enable_starttls = settings.tls_mode != "direct"
        # Once the stream is encrypted, the server lists its SASL mechanisms: that is where
        # registration happens instead of signing in (whether or not it announces
        # iq-register, as XEP-0077 §3 allows). Nothing is sent before TLS.
        self.client._stream_feature_handlers["mechanisms"] = (self._on_features, False)
        register_stanza_plugin(Iq, Register)
        self.client.add_event_handler("disconnected", self._on_gone)
        self.client.add_event_handler("connection_failed", self._on_failed)
        self._task: asyncio.Task[None] | None = None
        loop = asyncio.get_running_loop()
        self._step: asyncio.Future[SignUpForm | Credentials | Failure] = loop.create_future()
        self._answers: asyncio.Future[Mapping[str, str | bool]] | None = None
        self._failure: Failure | None = None

    async def start(self) -> SignUpForm | Credentials | Failure:
        s = self.settings
        attempt = self.client.connect(s.host or None, s.port or None)
        try:
            async with asyncio.timeout(REGISTER_TIMEOUT):
                await attempt  # every address tried, or one connected
        except (TimeoutError, asyncio.CancelledError):
            pass
        if not self.client.is_connected():
            self._on_failed("no address answered")
            self._publish(
                self._failure
                or Failure(FailureKind.NETWORK, CoreMessages.tr("Cannot reach the server."))
            )
        return await self._next()

    async def answer(self, answers: Mapping[str, str | bool]) -> SignUpForm | Credentials | Failure:
        if self._answers is None or self._answers.done():
            return Failure(
                FailureKind.PROTOCOL,
                CoreMessages.tr("No registration form is waiting for answers."),
            )
        self._step = asyncio.get_running_loop().create_future()
        self._answers.set_result(answers)
        return await self._next()

    async def close(self) -> None:
        if self._answers is not None and not self._answers.done():
            self._answers.cancel()
        task, self._task = self._task, None
        if task is not None and task is not asyncio.current_task() and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):
            self.client.abort()

    async def _next(self) -> SignUpForm | Credentials | Failure:
        try:
            async with asyncio.timeout(REGISTER_TIMEOUT):
                step = await self._step
        except TimeoutError:
            step = Failure(
                FailureKind.NETWORK, CoreMessages.tr("The server did not answer in time."), True
            )
        if not isinstance(step, SignUpForm):
            await self.close()
        return step

    def _publish(self, step: SignUpForm | Credentials | Failure) -> None:
        if not self._step.done():
            self._step.set_result(step)

    # -- slixmpp events -------------------------------------------------------------------------

    def _on_failed(self, error: object) -> None:
        found = self.client.discovered
        if found is not None and not found.endpoints:
            self._failure = Failure(
                FailureKind.CONFIG,
                " ".join(found.notes)
                or CoreMessages.tr("No XMPP server was found for %1.").arg(self.settings.domain),
                field="jid",
            )
        elif self._failure is None:
            self._failure = Failure(
                FailureKind.NETWORK,
                CoreMessages.tr("Cannot reach the server (%1).").arg(error),
                retryable=True,
            )

    def _on_gone(self, _reason: object) -> None:
        trust = self.client.trust_failure
        if trust is not None:
            self._publish(Failure(FailureKind.TLS, str(trust), detail=trust.fingerprint))
        self._publish(
            self._failure
            or Failure(
                FailureKind.NETWORK,
                CoreMessages.tr("The server closed the connection."),
                retryable=True,
            )
        )

    def _on_features(self, _features: Any) -> bool:
        if not self.client.is_encrypted():
            self._publish(
                Failure(
                    FailureKind.TLS,
                    CoreMessages.tr("The server does not offer an encrypted connection."),
                )
            )
            self.client.abort()
            return True
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())
        return True

    async def _run(self) -> None:
        try:
            stanza = await self._fresh_form()
            if stanza is not None:
                await self._converse(stanza)
        except asyncio.CancelledError:
            pass
        except Exception as exc:  # a bug must not leave the dialog waiting
            self.log.exception("in-band registration failed")
            self._publish(
                Failure(FailureKind.PROTOCOL, CoreMessages.tr("Internal error: %1").arg(exc))
            )

    async def _converse(self, stanza: ET.Element) -> None:
        errors: dict[str, str] = {}
        first = True
        while True:
            query = stanza.find(_q(NS_REGISTER, "query"))
            if query is None:
                self._publish(
                    Failure(FailureKind.PROTOCOL, CoreMessages.tr("The server sent no form."))
                )
                return
            parsed = parse_registration(query, collect_bob(stanza), self.settings.domain)
            known = prefilled(parsed, self.known) if first and not errors else None
            first = False
            answers: Mapping[str, str | bool]
            if known is not None:
                answers = known
            else:
                if not parsed.form.fields:
                    if parsed.form.url:
                        self._publish(parsed.form)  # only the server's web page can do it
                    else:
                        self._publish(
                            Failure(
                                FailureKind.UNSUPPORTED, CoreMessages.tr("The server sent no form.")
                            )
                        )
                    return
                form = parsed.form
                fields = tuple(
                    f
                    if f.value or f.kind is FieldKind.PASSWORD
                    else dataclasses.replace(f, value=self.known.get(f.name, ""))
                    for f in form.fields
                )
                self._publish(SignUpForm(form.title, form.instructions, fields, errors, form.url))
                self._answers = asyncio.get_running_loop().create_future()
                answers = await self._answers
            iq = self._register_iq("set")
            for child in answer_query(parsed, answers):
                iq["register"].xml.append(child)
            try:
                await iq.send(timeout=REGISTER_TIMEOUT)
            except IqTimeout:
                self._publish(
                    Failure(
                        FailureKind.NETWORK, CoreMessages.tr("The server did not answer."), True
                    )
                )
                return
            except IqError as exc:
                outcome = refusal(exc.condition, exc.text, asking=False)
                if isinstance(outcome, Failure):
                    self._publish(outcome)
                    return
                errors = outcome
                self.log.info("registration refused: %s", exc.condition)
                fresh = await self._fresh_form()  # a new CAPTCHA, the same fields
                if fresh is None:
                    return
                stanza = fresh
                continue
            username = str(answers.get("username", "") or self.settings.localpart)
            password = str(answers.get("password", "") or self.known["password"])
            self.log.info("account registered on %s", self.settings.domain)
            self._publish(
                Credentials({"jid": f"{username}@{self.settings.domain}"}, {"password": password})
            )
            return

    def _register_iq(self, kind: str) -> Any:
        """An iq with slixmpp's register payload: before sign-in slixmpp sends no other kind."""
        iq = self.client.Iq()
        iq["type"] = kind
        iq.enable("register")
        return iq

    async def _fresh_form(self) -> ET.Element | None:
        """Ask for the form (again: a refused answer may need a new CAPTCHA)."""
        iq = self._register_iq("get")
        try:
            result = await iq.send(timeout=REGISTER_TIMEOUT)
        except IqTimeout:
            self._publish(
                Failure(FailureKind.NETWORK, CoreMessages.tr("The server did not answer."), True)
            )
            return None
        except IqError as exc:
            outcome = refusal(exc.condition, exc.text, asking=True)
            self._publish(
                outcome if isinstance(outcome, Failure) else Failure(FailureKind.PROTOCOL, exc.text)
            )
            return None
        return result.xml  # type: ignore[no-any-return]


async def begin(ctx: BackendContext) -> Registration | Failure:
    """A registration for the address (and password) typed into the account's settings."""
    parsed = account_settings.parse(ctx.settings)
    if isinstance(parsed, str):
        return Failure(FailureKind.CONFIG, parsed)
    try:
        context = tls.build_context(parsed.ca_file, parsed.fingerprint)
    except tls.TrustConfigError as exc:
        return Failure(FailureKind.CONFIG, str(exc))
    nameservers, host_meta_port = discovery.overrides(ctx.network)
    return Registration(
        parsed,
        await ctx.secrets.get("password") or "",
        context,
        nameservers=nameservers,
        host_meta_port=host_meta_port,
        log=ctx.logger,
    )
