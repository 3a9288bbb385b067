"""Signing in: capability negotiation, SASL, the nick, the welcome, MOTD and NickServ.

``CAP LS 302`` goes out *before* NICK/USER, so an IRCv3 server holds registration until
``CAP END``; we request the capabilities we understand, sign in with SASL (PLAIN or EXTERNAL)
when offered, fall back to ``NickServ IDENTIFY`` otherwise (only after a WHOIS showed NickServ is
the network's own service), and try the alternate nicks when ours is taken. The sign-in is done
when the server welcomed us, sent its MOTD and NickServ is done with us.
"""

from __future__ import annotations

import base64
import enum
import re
import secrets
from collections import deque
from collections.abc import Callable, Mapping
from typing import Protocol

from app import facts as f
from app.backend import ConnectResult, FailureKind
from app.i18n import CoreMessages
from backends.irc import convert, formatting
from backends.irc.protocol import Line, format_line, split_source
from backends.irc.session import IrcSession
from backends.irc.settings import Settings

NICKSERV_BAD = (
    "invalid password",
    "incorrect password",
    "password incorrect",
    "wrong password",
    "authentication failed",
    "is not a registered",
    "isn't registered",
    "is not registered",
)
NICKSERV_GOOD = ("you are now identified", "you are now logged in", "password accepted")
MAX_MOTD_LINES = 1000


class NickServStage(enum.Enum):
    """Where identifying to NickServ stands; registration waits while it is not IDLE."""

    IDLE = enum.auto()  # not used, or done
    CHECKING = enum.auto()  # asked the server whether NickServ is the network's service
    IDENTIFYING = enum.auto()  # sent IDENTIFY, waiting for the answer


class QuietWhois(Protocol):
    """A WHOIS whose answer goes to ``answer`` instead of the person (the people service)."""

    def ask(self, nick: str, answer: Callable[[Mapping[str, tuple[str, ...]]], None]) -> None: ...


class SignIn:
    """Registration of one connection; see the module docstring."""

    def __init__(
        self,
        session: IrcSession,
        settings: Settings,
        quiet_whois: QuietWhois,
    ) -> None:
        self._session = session
        self._settings = settings
        self._password: str | None = None
        self._quiet_whois = quiet_whois
        self._cap_pending = 0
        self._cap_ended = False
        self._cap_ls_buffer: dict[str, str] = {}
        self._sasl_mechanism: str | None = None
        self._sasl_ok = False
        self.nickserv = NickServStage.IDLE
        self._motd_done = False
        self._motd: list[str] = []
        self.sent_server_password = False
        self._nick_candidates: deque[str] = deque(settings.words("alt_nicks"))
        self._nick_tries = 0
        session.on("CAP", self._on_cap)
        session.on("AUTHENTICATE", self._on_authenticate)
        session.on("ERROR", self._on_error)
        session.on("NOTICE", self._on_notice)
        session.on_numeric(
            (
                "001",
                "005",
                "375",
                "372",
                "376",
                "422",
                "900",
                "901",
                "902",
                "903",
                "904",
                "905",
                "906",
                "907",
                "908",
                "464",
                "465",
                "431",
                "432",
                "433",
                "436",
                "437",
            ),
            self._on_numeric,
        )
        session.on_numeric(("401",), self._no_nickserv)

    @property
    def _nickserv_pending(self) -> bool:
        return self.nickserv is not NickServStage.IDLE

    def start(self, nick: str, password: str | None, server_password: str | None) -> None:
        """The first lines: CAP LS, PASS, NICK and USER."""
        self._password = password
        send = self._session.send
        send("CAP LS 302", urgent=True)
        if server_password:
            self.sent_server_password = True
            send(format_line("PASS", server_password), urgent=True)
        send(format_line("NICK", nick), urgent=True)
        username = (
            re.sub(r"[^A-Za-z0-9_-]", "", self._settings.text("username") or nick)[:10] or "chinwag"
        )
        realname = self._settings.text("realname") or nick
        send(format_line("USER", username, "0", "*", realname), urgent=True)

    def _maybe_registered(self) -> None:
        if self._session.registered and self._motd_done and not self._nickserv_pending:
            self._session.finish_signin(ConnectResult())

    # -- capabilities and SASL -----------------------------------------------------------------

    def _on_cap(self, line: Line) -> None:
        caps = self._session.caps
        sub = line.param(1).upper()
        args = line.params[2:]
        if sub == "LS":
            more = len(args) >= 2 and args[0] == "*"
            self._cap_ls_buffer.update(_parse_caps(args[-1] if args else ""))
            if more:
                return
            caps.available.update(self._cap_ls_buffer)
            self._cap_ls_buffer = {}
            if not self._session.registered:
                self._request_caps()
        elif sub == "ACK":
            for name in (args[-1] if args else "").split():
                if name.startswith("-"):
                    caps.enabled.discard(name[1:])
                else:
                    caps.enabled.add(name)
            self._cap_answered()
        elif sub == "NAK":
            self._session.log.info("server refused capabilities: %s", args[-1] if args else "")
            self._cap_answered()
        elif sub == "NEW":
            new = _parse_caps(args[-1] if args else "")
            caps.available.update(new)
            wanted = [
                c for c in self._session.tunables.wanted_caps if c in new and c not in caps.enabled
            ]
            if wanted:
                self._session.send(format_line("CAP", "REQ", " ".join(wanted)))
        elif sub == "DEL":
            for name in (args[-1] if args else "").split():
                caps.available.pop(name, None)
                caps.enabled.discard(name)

    def _choose_sasl(self) -> str | None:
        available = self._session.caps.available
        if "sasl" not in available:
            return None
        offered = {m.upper() for m in available["sasl"].split(",") if m}
        auth = self._settings.auth
        has_cert = bool(self._settings.text("client_cert"))
        if (auth == "sasl-external" or (auth == "auto" and has_cert)) and (
            not offered or "EXTERNAL" in offered
        ):
            return "EXTERNAL"
        if (
            auth in ("sasl-plain", "auto")
            and self._password
            and (not offered or "PLAIN" in offered)
        ):
            return "PLAIN"
        return None

    def _request_caps(self) -> None:
        available = self._session.caps.available
        wanted = [c for c in self._session.tunables.wanted_caps if c in available]
        if "labeled-response" in wanted and "batch" not in wanted:
            wanted.remove("labeled-response")
        self._sasl_mechanism = self._choose_sasl()
        if self._settings.auth.startswith("sasl-") and self._sasl_mechanism is None:
            self._session.fail_signin(
                FailureKind.CONFIG,
                CoreMessages.tr(
                    "The server does not offer the SASL sign-in this account is set to use."
                ),
            )
            return
        if self._sasl_mechanism:
            wanted.append("sasl")
        if not wanted:
            self._cap_end()
            return
        chunk: list[str] = []
        for cap in wanted:
            if len(" ".join([*chunk, cap])) > 400:
                self._cap_pending += 1
                self._session.send(format_line("CAP", "REQ", " ".join(chunk)), urgent=True)
                chunk = []
            chunk.append(cap)
        if chunk:
            self._cap_pending += 1
            self._session.send(format_line("CAP", "REQ", " ".join(chunk)), urgent=True)

    def _cap_answered(self) -> None:
        if self._cap_pending <= 0:
            return
        self._cap_pending -= 1
        if self._cap_pending or self._session.registered:
            return
        if self._sasl_mechanism and "sasl" in self._session.caps:
            self._session.send(format_line("AUTHENTICATE", self._sasl_mechanism), urgent=True)
        else:
            self._cap_end()

    def _cap_end(self) -> None:
        if not self._cap_ended:
            self._cap_ended = True
            self._session.send("CAP END", urgent=True)

    def _on_authenticate(self, line: Line) -> None:
        if line.param(0) != "+" or not self._sasl_mechanism:
            return
        send = self._session.send
        if self._sasl_mechanism == "EXTERNAL":
            send("AUTHENTICATE +", urgent=True)
            return
        account = self._settings.text("account") or self._settings.text("nick")
        payload = f"{account}\0{account}\0{self._password or ''}".encode()
        encoded = base64.b64encode(payload).decode("ascii")
        for start in range(0, len(encoded), 400):
            send(format_line("AUTHENTICATE", encoded[start : start + 400]), urgent=True)
        if len(encoded) % 400 == 0:
            send("AUTHENTICATE +", urgent=True)

    # -- the nick, the welcome, the MOTD -------------------------------------------------------

    def _next_nick(self) -> str:
        self._nick_tries += 1
        if self._nick_candidates:
            return self._nick_candidates.popleft()
        base = self._settings.text("nick")[: max(1, self._session.info.nicklen - 4)]
        if self._nick_tries <= 3:
            return base + "_" * self._nick_tries
        return f"{base}{secrets.randbelow(10000):04d}"

    def _on_welcome(self, line: Line) -> None:
        session = self._session
        session.registered = True
        session.me.nick = line.param(0) or session.me.nick
        welcome = line.param(-1).split()
        if welcome and "!" in welcome[-1] and "@" in welcome[-1]:
            _, session.me.user, session.me.host = split_source(welcome[-1])
        auth = self._settings.auth
        wants_nickserv = auth == "nickserv" or (
            auth == "auto" and bool(self._password) and not self._sasl_ok
        )
        if wants_nickserv and self._password and session.me.account is None:
            # Anyone may hold the nick "NickServ" where no services guard it: ask the server
            # who it is before handing it the password (see _nickserv_checked).
            self.nickserv = NickServStage.CHECKING
            self._quiet_whois.ask("NickServ", self._nickserv_checked)
            session.later(session.tunables.nickserv_check_timeout, self._nickserv_check_timed_out)
        session.later(session.tunables.motd_grace, self._motd_timed_out)

    def _motd_timed_out(self) -> None:
        if not self._motd_done:
            self._motd_done = True
            self._maybe_registered()

    def _on_numeric(self, line: Line, label: str | None) -> bool:
        session = self._session
        match line.command:
            case "001":
                self._on_welcome(line)
            case "005":
                params = line.params
                session.info.update(params[1:-1] if len(params) > 2 else params[1:])
            case "375":
                self._motd = []
            case "372":
                if len(self._motd) < MAX_MOTD_LINES:
                    self._motd.append(formatting.strip(line.param(-1)).removeprefix("- "))
            case "376" | "422":
                if self._motd:
                    session.report(f.ServiceNotice("\n".join(self._motd)))
                    self._motd = []
                self._motd_done = True
                self._maybe_registered()
            case "900":
                session.me.account = line.param(2) or None
                if self._nickserv_pending:  # signed in (by NickServ, or services saw our cert)
                    self.nickserv = NickServStage.IDLE
                    self._maybe_registered()
            case "901":
                session.me.account = None
            case "903" | "907":
                self._sasl_ok = True
                self._cap_end()
            case "904" | "905" | "902":
                if not session.registered:
                    session.fail_signin(
                        FailureKind.AUTH,
                        CoreMessages.tr(
                            "The server did not accept the account name or password (SASL)."
                        ),
                    )
            case "906" | "908":
                session.log.info("SASL: %s", line.param(-1))
            case "464":
                session.fail_signin(
                    FailureKind.AUTH, CoreMessages.tr("The server password was not accepted.")
                )
            case "465":
                session.fail_signin(
                    FailureKind.REJECTED, f"Banned from this server: {line.param(-1)}"
                )
            case "433" | "432" | "437" | "436" | "431" if not session.registered:
                new = self._next_nick()
                session.me.nick = new
                session.send(format_line("NICK", new), urgent=True)
            case _:
                return False
        return True

    def _on_error(self, line: Line) -> None:
        if self._session.registered:
            return
        text = line.param(0, CoreMessages.tr("The server closed the connection."))
        if self.sent_server_password or "password" in text.lower():
            # Servers say "Access denied" (InspIRCd) or "Bad password" for a wrong PASS.
            self._session.fail_signin(
                FailureKind.AUTH, f"The server refused the server password: {text}"
            )
        else:
            self._session.fail_signin(
                FailureKind.NETWORK, self._session.close_reason, retryable=True
            )

    # -- NickServ ------------------------------------------------------------------------------

    def _is_nickserv(self, nick: str) -> bool:
        info = self._session.info
        return info.fold(nick) == info.fold("NickServ")

    def _nickserv_checked(self, replies: Mapping[str, tuple[str, ...]]) -> None:
        """The WHOIS of NickServ is in: identify only to the network's own services."""
        if self.nickserv is not NickServStage.CHECKING:
            return
        if not convert.is_network_service(replies):
            self._session.log.warning(
                "NickServ does not look like the network's services; not identifying"
            )
            self._nickserv_not_trusted(
                CoreMessages.tr(
                    "Your password was not sent to NickServ: the user with that nickname is not "
                    "marked as the network's services, so it could be anyone."
                )
            )
            return
        account = self._settings.text("account") or self._settings.text("nick")
        self.nickserv = NickServStage.IDENTIFYING
        self._session.send(
            format_line("PRIVMSG", "NickServ", f"IDENTIFY {account} {self._password}")
        )
        self._session.later(self._session.tunables.nickserv_timeout, self._nickserv_timed_out)

    def _nickserv_not_trusted(self, why: str) -> None:
        self.nickserv = NickServStage.IDLE
        self._session.report(f.ServiceNotice(why))
        self._maybe_registered()

    def _nickserv_check_timed_out(self) -> None:
        if self.nickserv is NickServStage.CHECKING:
            self._session.log.warning("no WHOIS answer about NickServ; not identifying")
            self._nickserv_not_trusted(
                CoreMessages.tr(
                    "Your password was not sent to NickServ: the server did not say in time whether "
                    "NickServ is the network's services."
                )
            )

    def _no_nickserv(self, line: Line, label: str | None) -> bool:
        """A 401 about NickServ while we wanted it: sign in without identifying."""
        if not self._nickserv_pending or not self._is_nickserv(line.param(1)):
            return False
        self._session.log.info("this network has no NickServ; signed in without identifying")
        self._nickserv_not_trusted(
            CoreMessages.tr("This network has no NickServ: signed in without identifying.")
        )
        return True

    def _nickserv_timed_out(self) -> None:
        if self.nickserv is NickServStage.IDENTIFYING:
            self._session.log.warning("NickServ did not confirm the identification; carrying on")
            self.nickserv = NickServStage.IDLE
            self._maybe_registered()

    def _on_notice(self, line: Line) -> None:
        if self.nickserv is not NickServStage.IDENTIFYING or not self._is_nickserv(line.nick):
            return
        lowered = formatting.strip(line.param(-1)).lower()
        if any(p in lowered for p in NICKSERV_BAD):
            self.nickserv = NickServStage.IDLE
            self._session.fail_signin(
                FailureKind.AUTH, CoreMessages.tr("NickServ did not accept the password.")
            )
        elif any(p in lowered for p in NICKSERV_GOOD):
            self.nickserv = NickServStage.IDLE
            self._maybe_registered()


def _parse_caps(text: str) -> dict[str, str]:
    caps: dict[str, str] = {}
    for item in text.split():
        name, _, value = item.partition("=")
        if name:
            caps[name] = value
    return caps
