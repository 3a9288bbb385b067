"""The IRC account: what the account dialog asks, how settings are checked, and the tunables.

Kept apart from the connection so the account dialog, the registry and the tests read it without
building a backend.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.backend import AccountField, FieldKind
from app.i18n import CoreMessages
from backends.irc import dcc, transport

NICK_PATTERN = r"[A-Za-z\[\]\\`_^{|}][A-Za-z0-9\[\]\\`_^{|}-]{0,31}"
FINGERPRINT_PATTERN = r"(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}"
AUTH_CHOICES = ("auto", "sasl-plain", "sasl-external", "nickserv", "none")
FINGERPRINT_FIELD = "trusted_fingerprint"
"""``app.backend.TRUSTED_FINGERPRINT_FIELD``: the account dialog fills it to trust a certificate."""

WANTED_CAPS = (
    "cap-notify",
    "server-time",
    "echo-message",
    "message-tags",
    "account-tag",
    "away-notify",
    "account-notify",
    "extended-join",
    "multi-prefix",
    "userhost-in-names",
    "batch",
    "labeled-response",
    "chghost",
    "invite-notify",
    "setname",
    "extended-monitor",
    "draft/chathistory",
    "chathistory",
)

ACCOUNT_FIELDS = (
    AccountField(
        "server",
        CoreMessages.tr("Server"),
        required=True,
        placeholder=CoreMessages.tr("irc.libera.chat"),
        help=CoreMessages.tr("The host name of the IRC network's server."),
    ),
    AccountField(
        "port",
        CoreMessages.tr("Port"),
        FieldKind.INTEGER,
        default=6697,
        help=CoreMessages.tr(
            "6697 is the usual port for TLS; plain-text servers usually listen on 6667."
        ),
    ),
    AccountField("nick", CoreMessages.tr("Nickname"), required=True, pattern=NICK_PATTERN),
    AccountField(
        "alt_nicks",
        CoreMessages.tr("Alternate nicknames"),
        help=CoreMessages.tr(
            "Tried in order when your nickname is taken; separate them with spaces."
        ),
    ),
    AccountField(
        "password",
        CoreMessages.tr("Password"),
        FieldKind.PASSWORD,
        secret=True,
        help=CoreMessages.tr(
            "Your services (NickServ) account password: used for SASL, or for NickServ "
            "IDENTIFY where the server offers no SASL."
        ),
    ),
    AccountField(
        "plain_text",
        CoreMessages.tr("Connect without encryption (plain text)"),
        FieldKind.BOOLEAN,
        default=False,
        help=CoreMessages.tr(
            "Only for servers without TLS: anyone on the way can read what you send, "
            "passwords included."
        ),
    ),
    AccountField(
        "account",
        CoreMessages.tr("Account name"),
        advanced=True,
        help=CoreMessages.tr("Your services account, when it differs from your nickname."),
    ),
    AccountField(
        "auth",
        CoreMessages.tr("Sign-in method"),
        FieldKind.CHOICE,
        default="auto",
        choices=AUTH_CHOICES,
        advanced=True,
        help=CoreMessages.tr(
            "auto: SASL when the server offers it (EXTERNAL with a client certificate, "
            "else PLAIN), NickServ IDENTIFY otherwise."
        ),
    ),
    AccountField(
        "server_password",
        CoreMessages.tr("Server password"),
        FieldKind.PASSWORD,
        secret=True,
        advanced=True,
        help=CoreMessages.tr("Sent with PASS before signing in (private servers, bouncers)."),
    ),
    AccountField("username", CoreMessages.tr("User name (ident)"), advanced=True),
    AccountField("realname", CoreMessages.tr("Real name"), advanced=True),
    AccountField(
        "ca_file",
        CoreMessages.tr("Trust this CA certificate"),
        FieldKind.FILE,
        advanced=True,
        help=CoreMessages.tr(
            "A PEM file, for networks whose certificate is signed by their own CA."
        ),
    ),
    AccountField(
        FINGERPRINT_FIELD,
        CoreMessages.tr("Trust this server certificate (SHA-256 fingerprint)"),
        pattern=FINGERPRINT_PATTERN,
        advanced=True,
        help=CoreMessages.tr(
            "Pins one certificate, e.g. a self-signed one, instead of checking its issuer."
        ),
    ),
    AccountField(
        "client_cert",
        CoreMessages.tr("Client certificate"),
        FieldKind.FILE,
        advanced=True,
        help=CoreMessages.tr(
            "A PEM certificate (with its key, or give the key below) for SASL EXTERNAL / CertFP."
        ),
    ),
    AccountField(
        "client_key", CoreMessages.tr("Client certificate key"), FieldKind.FILE, advanced=True
    ),
    AccountField(
        "contacts_only",
        CoreMessages.tr("Only my contacts may message me privately"),
        FieldKind.BOOLEAN,
        default=False,
        advanced=True,
        help=CoreMessages.tr(
            "Private messages from anyone else are refused: by the server with user mode +g "
            "where it offers it (CALLERID), else dropped here. Channels are not affected."
        ),
    ),
    AccountField(
        "dcc_passive",
        CoreMessages.tr("Passive file transfers (behind NAT)"),
        FieldKind.BOOLEAN,
        default=False,
        advanced=True,
        help=CoreMessages.tr(
            "Ask the other side to listen when you send a file (DCC passive mode): for "
            "computers that others cannot connect to."
        ),
    ),
    AccountField(
        "dcc_ports",
        CoreMessages.tr("Ports for file transfers"),
        pattern=r"\d{4,5}(-\d{4,5})?",
        placeholder="50000-50100",
        advanced=True,
        help=CoreMessages.tr(
            "The ports DCC listens on (open them in your firewall); empty: any free port."
        ),
    ),
    AccountField(
        "dcc_max_mb",
        CoreMessages.tr("Largest file to accept (MB)"),
        FieldKind.INTEGER,
        default=2048,
        advanced=True,
        help=CoreMessages.tr("Offers of larger files are refused."),
    ),
    AccountField(
        "channels",
        CoreMessages.tr("Join these channels"),
        advanced=True,
        placeholder=CoreMessages.tr("#chinwag #python"),
        help=CoreMessages.tr(
            "Joined on every connect, besides the channels you were in last time."
        ),
    ),
)


@dataclass(frozen=True)
class Tunables:
    """Pace and patience. The backend's class attributes fill it, so a test or a network
    profile changes them by subclassing the backend. (No slots: the class attributes are the
    defaults the backend reads.)"""

    wanted_caps: tuple[str, ...] = WANTED_CAPS
    send_burst: float = 5
    send_rate: float = 2.0  # lines per second after the burst
    ctcp_burst: float = 3
    ctcp_rate: float = 0.2  # CTCP answers per second after the burst
    registration_timeout: float = 40.0
    tls_handshake_timeout: float = 10.0
    motd_grace: float = 5.0
    nickserv_timeout: float = 10.0
    nickserv_check_timeout: float = 5.0  # for the WHOIS that vets NickServ
    command_timeout: float = 15.0
    ping_interval: float = 90.0
    ping_timeout: float = 60.0
    ison_interval: float = 60.0
    version_reply: str = "Chinwag (https://chinwag.invalid)"
    dcc_timeout: float = 120.0  # for the other side to take a file we offer, or to answer
    dcc_resume_timeout: float = 15.0  # for the sender to agree to resume


class Settings:
    """Read access to the account's settings, trimmed, with defaults."""

    def __init__(self, values: Mapping[str, str | int | bool]) -> None:
        self._values = values

    def text(self, key: str, default: str = "") -> str:
        value = self._values.get(key, default)
        return str(value).strip() if value is not None else default

    def flag(self, key: str) -> bool:
        return bool(self._values.get(key, False))

    def raw(self, key: str, default: str | int | bool) -> str | int | bool:
        return self._values.get(key, default)

    @property
    def auth(self) -> str:
        return self.text("auth", "auto") or "auto"

    def words(self, key: str) -> list[str]:
        """A list typed with spaces or commas (alternate nicks, channels)."""
        return [w for w in self.text(key).replace(",", " ").split() if w]


def account_label(settings: Mapping[str, str | int | bool], fallback: str) -> str:
    nick, server = str(settings.get("nick", "")), str(settings.get("server", ""))
    return f"{nick} on {server}" if nick and server else nick or server or fallback


def problems(settings: Mapping[str, str | int | bool]) -> dict[str, str]:
    """Field name → what is wrong with it, beyond what the fields themselves declare."""
    found: dict[str, str] = {}
    port = settings.get("port", 6697)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        found["port"] = CoreMessages.tr("The port must be a number from 1 to 65535.")
    for name in str(settings.get("alt_nicks", "")).replace(",", " ").split():
        if not re.fullmatch(NICK_PATTERN, name):
            found["alt_nicks"] = CoreMessages.tr("%1 is not a valid nickname.").arg(repr(name))
    fingerprint = str(settings.get(FINGERPRINT_FIELD, ""))
    if fingerprint and not transport.normalise_fingerprint(fingerprint):
        found[FINGERPRINT_FIELD] = CoreMessages.tr(
            "A SHA-256 fingerprint has 32 pairs of hex digits."
        )
    for key in ("ca_file", "client_cert", "client_key"):
        value = str(settings.get(key, ""))
        if value and not transport.exists(value):
            found[key] = f"No such file: {value}"
    ports = str(settings.get("dcc_ports", "") or "")
    if ports.strip() and dcc.parse_ports(ports) is None:
        found["dcc_ports"] = CoreMessages.tr(
            "A port or a range of ports from 1024 to 65535, like 50000-50100."
        )
    auth = str(settings.get("auth", "auto"))
    if auth == "sasl-external" and not settings.get("client_cert"):
        found["client_cert"] = CoreMessages.tr("SASL EXTERNAL needs a client certificate.")
    return found
