"""What the account dialog asks for a Matrix account, its checks, and the TLS trust built from it.

Trust is explicit, as for XMPP: a self-hosted homeserver's certificate is trusted through a CA file
or a pinned SHA-256 fingerprint, and plain HTTP is refused for anything but this machine unless
the person says the path is safe another way.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from pathlib import Path

import aiohttp

from app.backend import AccountField, Failure, FailureKind, FieldKind
from app.i18n import CoreMessages
from app.tls import system_trust
from backends.matrix import convert as cv

TRUSTED_FINGERPRINT = "trusted_fingerprint"  # the name app.backend.TRUSTED_FINGERPRINT_FIELD gives
ALLOW_HTTP = "allow_http"
Settings = Mapping[str, str | int | bool]

ACCOUNT_FIELDS: tuple[AccountField, ...] = (
    AccountField(
        "user_id",
        CoreMessages.tr("Matrix ID"),
        required=True,
        pattern=r"@[^:\s]+:[^\s/]+",
        placeholder=CoreMessages.tr("@alice:example.org"),
        help=CoreMessages.tr("Your full Matrix ID. The homeserver is found from it."),
    ),
    AccountField(
        "password", CoreMessages.tr("Password"), FieldKind.PASSWORD, required=True, secret=True
    ),
    AccountField(
        "homeserver",
        CoreMessages.tr("Homeserver URL"),
        placeholder=CoreMessages.tr("https://matrix.example.org"),
        help=CoreMessages.tr("Only if it cannot be discovered from your Matrix ID (.well-known)."),
        pattern=r"https?://\S+",
        advanced=True,
    ),
    AccountField(
        "ca_file",
        CoreMessages.tr("Trusted CA certificate"),
        FieldKind.FILE,
        help=CoreMessages.tr(
            "A PEM file to trust in addition to the system's certificate authorities."
        ),
        advanced=True,
    ),
    AccountField(
        TRUSTED_FINGERPRINT,
        CoreMessages.tr("Trusted certificate fingerprint"),
        help=CoreMessages.tr(
            "The SHA-256 fingerprint (AA:BB:…) of a certificate to accept as it is."
        ),
        pattern=r"([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}",
        advanced=True,
    ),
    AccountField(
        ALLOW_HTTP,
        CoreMessages.tr("Allow unencrypted HTTP"),
        FieldKind.BOOLEAN,
        default=False,
        help=CoreMessages.tr(
            "Only for a homeserver you reach safely another way (a VPN, a tunnel). "
            "Password, access token and messages would travel without HTTPS."
        ),
        advanced=True,
    ),
    AccountField(
        "sliding_sync",
        CoreMessages.tr("Use sliding sync"),
        FieldKind.BOOLEAN,
        default=True,
        help=CoreMessages.tr(
            "Where the homeserver has it: the room list arrives in one answer, however many rooms."
        ),
        advanced=True,
    ),
)


def problems(settings: Settings) -> dict[str, str]:
    """Field name → what is wrong with it (empty when the settings can be used)."""
    found: dict[str, str] = {}
    if cv.parse_user_id(str(settings.get("user_id", "")).strip()) is None:
        found["user_id"] = CoreMessages.tr("A Matrix ID looks like @name:example.org.")
    ca_file = str(settings.get("ca_file", "") or "")
    if ca_file and not Path(ca_file).expanduser().is_file():
        found["ca_file"] = CoreMessages.tr("The CA certificate file does not exist.")
    homeserver = str(settings.get("homeserver", "") or "").strip()
    if homeserver:
        insecure = cv.insecure_homeserver(homeserver, allow_http=allow_http(settings))
        if insecure is not None:
            found["homeserver"] = insecure.message
    return found


def allow_http(settings: Settings) -> bool:
    return bool(settings.get(ALLOW_HTTP, False))


def homeserver_override(settings: Settings) -> str:
    """The homeserver URL the person entered (no trailing slash), or ""."""
    return str(settings.get("homeserver", "") or "").strip().rstrip("/")


def ssl_context(settings: Settings) -> ssl.SSLContext | aiohttp.Fingerprint | Failure:
    """The TLS trust for the homeserver: a pinned fingerprint, or the system CAs plus a CA file."""
    pinned = str(settings.get(TRUSTED_FINGERPRINT, "") or "").strip()
    if pinned:
        try:
            return aiohttp.Fingerprint(bytes.fromhex(pinned.replace(":", "")))
        except ValueError as exc:
            return Failure(
                FailureKind.CONFIG,
                CoreMessages.tr("The certificate fingerprint is invalid: %1").arg(exc),
            )
    ca_file = str(settings.get("ca_file", "") or "")
    try:  # the process's shared context for this trust (app.tls)
        return system_trust(Path(ca_file).expanduser() if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        return Failure(
            FailureKind.CONFIG,
            CoreMessages.tr("The CA certificate file cannot be used: %1").arg(exc),
        )
