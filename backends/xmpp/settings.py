"""What the account dialog asks for an XMPP account, and the checked form the backend connects with.

Trust is explicit: a self-hosted server's certificate is trusted through its CA file or its pinned
SHA-256 fingerprint. There is deliberately no "accept any certificate" switch.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.backend import AccountField, FieldKind
from app.i18n import CoreMessages

JID_PATTERN = r"[^@/\s\"&'<>:]+@[^@/\s\"&'<>]+"
_FINGERPRINT_HEX = re.compile(r"^[0-9a-fA-F]{64}$")
TLS_MODES = ("auto", "starttls", "direct")
DEFAULT_RESOURCE = "chinwag"
FINGERPRINT_FIELD = "trusted_fingerprint"
"""The same name as ``app.backend.TRUSTED_FINGERPRINT_FIELD``: after a ``TLS`` failure the account
dialog offers to pin the certificate by filling it with ``Failure.detail``."""

ACCOUNT_FIELDS: tuple[AccountField, ...] = (
    AccountField(
        "jid",
        CoreMessages.tr("XMPP address"),
        required=True,
        pattern=JID_PATTERN,
        placeholder=CoreMessages.tr("you@example.org"),
        help=CoreMessages.tr("Your address on the server, like an e-mail address."),
    ),
    AccountField(
        "password", CoreMessages.tr("Password"), FieldKind.PASSWORD, required=True, secret=True
    ),
    AccountField(
        "resource",
        CoreMessages.tr("Device name (resource)"),
        default=DEFAULT_RESOURCE,
        pattern=r"[^\s/@]{1,64}",
        help=CoreMessages.tr(
            "Tells your devices apart; a short random tag is added so two never collide."
        ),
    ),
    AccountField(
        "host",
        CoreMessages.tr("Server host"),
        advanced=True,
        help=CoreMessages.tr("Only if the server cannot be found from your address (DNS SRV)."),
    ),
    AccountField(
        "port",
        CoreMessages.tr("Port"),
        FieldKind.INTEGER,
        advanced=True,
        help=CoreMessages.tr("Used with Server host."),
    ),
    AccountField(
        "tls_mode",
        CoreMessages.tr("Encryption"),
        FieldKind.CHOICE,
        default="auto",
        choices=TLS_MODES,
        advanced=True,
        help=CoreMessages.tr(
            "auto: as the server announces; starttls or direct TLS for a given host and port."
        ),
    ),
    AccountField(
        "ca_file",
        CoreMessages.tr("Trusted CA certificate file"),
        FieldKind.FILE,
        advanced=True,
        help=CoreMessages.tr("A PEM file with the certificate authority of a self-hosted server."),
    ),
    AccountField(
        FINGERPRINT_FIELD,
        CoreMessages.tr("Pinned certificate fingerprint (SHA-256)"),
        advanced=True,
        pattern=r"(?:[0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}",
        placeholder=CoreMessages.tr("AA:BB:…"),
        help=CoreMessages.tr(
            "Trust exactly this server certificate, even if no authority vouches for it."
        ),
    ),
    AccountField(
        "client_cert",
        CoreMessages.tr("Client certificate"),
        FieldKind.FILE,
        advanced=True,
        help=CoreMessages.tr(
            "A PEM certificate (with its key, or give the key below) naming your address: "
            "signs in with it (SASL EXTERNAL) instead of the password."
        ),
    ),
    AccountField(
        "client_key", CoreMessages.tr("Client certificate key"), FieldKind.FILE, advanced=True
    ),
)


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    """An account's settings, checked and normalised."""

    jid: str  # bare
    resource: str
    host: str
    port: int
    tls_mode: str
    ca_file: Path | None
    fingerprint: str  # "AA:BB:…" upper case, or ""
    client_cert: Path | None = None
    client_key: Path | None = None

    @property
    def domain(self) -> str:
        return self.jid.partition("@")[2]

    @property
    def localpart(self) -> str:
        return self.jid.partition("@")[0]


def normalise_fingerprint(text: str) -> str:
    """``aabb…`` / ``AA:BB:…`` / with spaces → ``AA:BB:…``; ``""`` when it is not a SHA-256 digest."""
    hexdigits = re.sub(r"[\s:]", "", text)
    if not _FINGERPRINT_HEX.match(hexdigits):
        return ""
    hexdigits = hexdigits.upper()
    return ":".join(hexdigits[i : i + 2] for i in range(0, 64, 2))


def problems(settings: Mapping[str, str | int | bool]) -> dict[str, str]:
    """Field name → problem, for what the field declarations alone cannot say."""
    found: dict[str, str] = {}
    jid = str(settings.get("jid", "")).strip()
    if jid and not re.fullmatch(JID_PATTERN, jid):
        found["jid"] = CoreMessages.tr("The address must look like name@example.org.")
    port = settings.get("port")
    if port not in (None, "") and not (isinstance(port, int) and 0 < port < 65536):
        found["port"] = CoreMessages.tr("The port must be between 1 and 65535.")
    if port not in (None, "") and not str(settings.get("host", "")).strip():
        found["host"] = CoreMessages.tr("A port needs a server host.")
    fingerprint = str(settings.get(FINGERPRINT_FIELD, "") or "")
    if fingerprint and not normalise_fingerprint(fingerprint):
        found[FINGERPRINT_FIELD] = CoreMessages.tr(
            "A SHA-256 fingerprint has 32 pairs of hex digits."
        )
    cert = str(settings.get("client_cert", "") or "").strip()
    key = str(settings.get("client_key", "") or "").strip()
    if cert and not Path(cert).expanduser().is_file():
        found["client_cert"] = CoreMessages.tr("The client certificate file does not exist.")
    if key and not cert:
        found["client_key"] = CoreMessages.tr("A key needs its client certificate.")
    elif key and not Path(key).expanduser().is_file():
        found["client_key"] = CoreMessages.tr("The key file does not exist.")
    mode = str(settings.get("tls_mode", "auto") or "auto")
    if mode not in TLS_MODES:
        found["tls_mode"] = CoreMessages.tr("Choose one of %1.").arg(", ".join(TLS_MODES))
    return found


def parse(settings: Mapping[str, str | int | bool]) -> ConnectionSettings | str:
    """The checked settings, or a sentence saying what is wrong."""
    found = problems(settings)
    jid = str(settings.get("jid", "")).strip()
    if not jid:
        found.setdefault("jid", CoreMessages.tr("An XMPP address is required."))
    if found:
        return " ".join(found.values())
    local, _, domain = jid.partition("@")
    host = str(settings.get("host", "") or "").strip()
    raw_port = settings.get("port")
    port = int(raw_port) if isinstance(raw_port, int) and not isinstance(raw_port, bool) else 0
    ca = str(settings.get("ca_file", "") or "").strip()
    cert = str(settings.get("client_cert", "") or "").strip()
    key = str(settings.get("client_key", "") or "").strip()
    return ConnectionSettings(
        jid=f"{local}@{domain.lower()}",
        resource=str(settings.get("resource", "") or "").strip() or DEFAULT_RESOURCE,
        host=host,
        port=port or (5222 if host else 0),
        tls_mode=str(settings.get("tls_mode", "auto") or "auto"),
        ca_file=Path(ca).expanduser() if ca else None,
        fingerprint=normalise_fingerprint(str(settings.get(FINGERPRINT_FIELD, "") or "")),
        client_cert=Path(cert).expanduser() if cert else None,
        client_key=Path(key).expanduser() if key else None,
    )
