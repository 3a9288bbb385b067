"""Making an IRC account from the app: ``NickServ REGISTER`` (Atheme, Anope).

IRC has no protocol for accounts: the network's services bot takes ``REGISTER <password>
<e-mail>`` from the nick to register and answers in a NOTICE, in words. So this is a short
conversation on its own connection (TLS as the account's settings say): sign on with the chosen
nick, ask NickServ, read its answer, quit. The answer is classified by the phrases Atheme and
Anope use; anything unknown is reported with the bot's own words rather than guessed.

Atheme's ``auth = email`` networks send a confirmation code by mail; the account is made and
must be confirmed with the code (``VERIFY REGISTER``): the form then asks for that code.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass

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
from backends.irc import formatting, protocol, transport

REGISTER_TIMEOUT = 30.0
SERVICES = "NickServ"
FIELD_EMAIL = "email"
FIELD_CODE = "code"


@dataclass(frozen=True, slots=True)
class Reply:
    """What NickServ's answer means: ``done`` (registered), ``confirm`` (a code was mailed),
    or a failure."""

    kind: str
    text: str


def register_line(password: str, email: str) -> str:
    return protocol.format_line("PRIVMSG", SERVICES, f"REGISTER {password} {email}")


def verify_line(nick: str, code: str) -> str:
    return protocol.format_line("PRIVMSG", SERVICES, f"VERIFY REGISTER {nick} {code}")


_DONE = ("is now registered", "has been registered", "registered to", "nickname registered")
_CONFIRM = ("activation", "verify register", "confirm your", "has been sent to")
_TAKEN = (
    "is already registered",
    "already registered",
    "is registered to someone else",
    "this nickname is registered",  # Atheme's greeting to anyone who takes a registered nick
    "nickname is owned by someone else",  # Anope's
)
_EMAIL = ("invalid email", "is not a valid e-mail", "not a valid email", "email address")
_PASSWORD = ("password", "obscure")
_WAIT = ("wait", "too many", "too soon", "please try again later")
_CLOSED = ("registration is disabled", "unknown command", "disabled", "is not available")


def classify(text: str) -> Reply | Failure:
    """NickServ's NOTICE text → what happened (phrases of Atheme and Anope)."""
    text = formatting.strip(text)
    low = text.lower()
    if (any(p in low for p in _CONFIRM) and "registered" in low) or (
        "sent to" in low and "@" in low
    ):
        return Reply("confirm", text)
    if any(p in low for p in _TAKEN):
        return Failure(
            FailureKind.REJECTED,
            CoreMessages.tr("This nickname is already registered."),
            field="nick",
        )
    if any(p in low for p in _DONE) or re.match(r"nickname \S+ registered", low):
        return Reply("done", text)
    if any(p in low for p in _CLOSED):
        return Failure(
            FailureKind.REJECTED,
            CoreMessages.tr("This network does not register accounts here: %1").arg(text),
        )
    if any(p in low for p in _EMAIL) and ("invalid" in low or "not a valid" in low):
        return Failure(FailureKind.REJECTED, text, field=FIELD_EMAIL)
    if any(p in low for p in _PASSWORD) and ("short" in low or "obscure" in low or "weak" in low):
        return Failure(FailureKind.REJECTED, text, field="password")
    if any(p in low for p in _WAIT):
        return Failure(FailureKind.RATE_LIMITED, text, retryable=True)
    return Failure(FailureKind.PROTOCOL, CoreMessages.tr("NickServ said: %1").arg(text))


def email_form(nick: str, network: str, errors: Mapping[str, str] | None = None) -> SignUpForm:
    return SignUpForm(
        f"Register {nick} on {network}",
        CoreMessages.tr(
            "The network's NickServ keeps your nickname for you. It asks for an e-mail address "
            "(to reset a lost password, and on some networks to confirm the account)."
        ),
        (FormField(FIELD_EMAIL, "E-mail address", required=True),),
        dict(errors or {}),
    )


def code_form(nick: str, network: str, said: str) -> SignUpForm:
    return SignUpForm(
        f"Confirm {nick} on {network}",
        said + "\nEnter the code from the e-mail.",
        (FormField(FIELD_CODE, "Confirmation code", FieldKind.TEXT, required=True),),
    )


class NickServRegistration:
    """One registration: its own connection, the nick, the password, the e-mail."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        tls: transport.TlsOptions | None,
        nick: str,
        password: str,
        server_password: str = "",
        log: logging.LoggerAdapter[logging.Logger],
    ) -> None:
        self.host, self.port, self.tls = host, port, tls
        self.nick, self.password, self.server_password = nick, password, server_password
        self.log = log
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._lines: AsyncIterator[bytes] | None = None
        self._awaiting_code = False

    def _credentials(self) -> Credentials:
        return Credentials({"nick": self.nick, "account": self.nick}, {"password": self.password})

    async def step(self, answers: Mapping[str, str | bool]) -> SignUpForm | Credentials | Failure:
        if not self.password:
            return Failure(
                FailureKind.CONFIG,
                CoreMessages.tr("Choose a password for the account."),
                field="password",
            )
        if any(ch.isspace() for ch in self.password):
            return Failure(
                FailureKind.CONFIG,
                CoreMessages.tr("NickServ passwords cannot contain spaces."),
                field="password",
            )
        if self._awaiting_code:
            code = str(answers.get(FIELD_CODE, "")).strip()
            if not code or any(ch.isspace() for ch in code):
                return code_form(self.nick, self.host, "")
            return await self._converse(verify_line(self.nick, code), verifying=True)
        email = str(answers.get(FIELD_EMAIL, "")).strip()
        if not email or "@" not in email or any(ch.isspace() for ch in email):
            errors = {FIELD_EMAIL: CoreMessages.tr("Enter an e-mail address.")} if answers else None
            return email_form(self.nick, self.host, errors)
        return await self._converse(register_line(self.password, email), verifying=False)

    async def _converse(self, line: str, *, verifying: bool) -> SignUpForm | Credentials | Failure:
        try:
            async with asyncio.timeout(REGISTER_TIMEOUT):
                if self._writer is None:
                    opened = await self._sign_on()
                    if isinstance(opened, Failure):
                        return opened
                self._send(line)
                text = await self._services_notice()
        except TimeoutError:
            await self.close()
            return Failure(
                FailureKind.NETWORK,
                CoreMessages.tr("NickServ did not answer in time."),
                retryable=True,
            )
        if isinstance(text, Failure):
            await self.close()
            return text
        result = classify(text)
        if isinstance(result, Failure):
            await self.close()
            if result.field == FIELD_EMAIL:
                return email_form(self.nick, self.host, {FIELD_EMAIL: result.message})
            if verifying and result.field == "":
                return code_form(self.nick, self.host, result.message)
            return result
        if result.kind == "confirm" and not verifying:
            self._awaiting_code = True
            return code_form(self.nick, self.host, result.text)
        await self.close()
        self.log.info("nick %s registered with NickServ", self.nick)
        return self._credentials()

    async def _sign_on(self) -> Failure | None:
        opened = await transport.open_connection(self.host, self.port, tls=self.tls)
        if isinstance(opened, Failure):
            return opened
        self._reader, self._writer = opened
        self._lines = transport.read_lines(self._reader, lambda _size: None)
        if self.server_password:
            self._send(protocol.format_line("PASS", self.server_password))
        self._send(protocol.format_line("NICK", self.nick))
        self._send(protocol.format_line("USER", self.nick[:10] or "chinwag", "0", "*", self.nick))
        while True:
            message = await self._next()
            if message is None:
                return Failure(
                    FailureKind.NETWORK, CoreMessages.tr("The server closed the connection."), True
                )
            if message.command == "001":
                return None
            if message.command in ("433", "432", "436"):
                await self.close()
                return Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr(
                        "Someone is using this nickname right now, or the network refuses it."
                    ),
                    field="nick",
                )
            if message.command == "ERROR":
                await self.close()
                return Failure(FailureKind.NETWORK, message.param(-1) or "Refused.", True)

    async def _services_notice(self) -> str | Failure:
        while True:
            message = await self._next()
            if message is None:
                return Failure(
                    FailureKind.NETWORK, CoreMessages.tr("The server closed the connection."), True
                )
            if message.command == "NOTICE" and message.nick.lower() == SERVICES.lower():
                return message.param(-1)
            if message.command in ("401", "440"):  # no such nick / services down
                return Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("This network has no NickServ to register with."),
                )

    async def _next(self) -> protocol.Line | None:
        lines = self._lines
        assert lines is not None
        async for raw in lines:
            message = protocol.parse_line(raw.decode("utf-8", "replace"))
            if message is None:
                continue
            if message.command == "PING":
                self._send(protocol.format_line("PONG", *message.params))
                continue
            return message
        return None

    def _send(self, line: str) -> None:
        assert self._writer is not None
        self._writer.write(line.encode("utf-8") + b"\r\n")

    async def close(self) -> None:
        writer, self._writer = self._writer, None
        if writer is None:
            return
        with contextlib.suppress(Exception):
            writer.write(b"QUIT :Registered with Chinwag\r\n")
            await writer.drain()
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()


async def begin(ctx: BackendContext) -> NickServRegistration | Failure:
    """A registration for the nick, server and password typed into the account's settings."""
    values = ctx.settings
    host = str(values.get("server", "") or "").strip()
    nick = str(values.get("nick", "") or "").strip()
    if not host or not nick:
        return Failure(
            FailureKind.CONFIG, CoreMessages.tr("A server and a nickname are needed."), field="nick"
        )
    port = values.get("port", 6697)
    if not isinstance(port, int) or isinstance(port, bool):
        return Failure(
            FailureKind.CONFIG, CoreMessages.tr("The port must be a number."), field="port"
        )
    tls = None
    if not values.get("plain_text"):
        tls = transport.TlsOptions(
            ca_file=str(values.get("ca_file", "") or ""),
            fingerprint=str(values.get("trusted_fingerprint", "") or ""),
        )
    return NickServRegistration(
        host=host,
        port=port,
        tls=tls,
        nick=nick,
        password=await ctx.secrets.get("password") or "",
        server_password=await ctx.secrets.get("server_password") or "",
        log=ctx.logger,
    )
