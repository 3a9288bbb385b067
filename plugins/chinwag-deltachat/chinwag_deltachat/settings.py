"""What the account dialog asks for, and how it becomes the core's login parameters.

Only the address and the password are needed: with no server given, the core finds the servers
itself (the provider database, then autoconfig and DNS lookups). Giving any server field skips
those lookups; the tests use that to stay on loopback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.api import AccountField, FieldKind
from chinwag_deltachat import convert

SECURITY_CHOICES = ("automatic", "ssl", "starttls", "plain")
_SECURITY = {"ssl": "ssl", "starttls": "starttls", "plain": "plain"}
DEFAULT_MAX_FILE_MB = 25
"""Most providers refuse mail over 25–50 MB, and an attachment grows by a third in transit."""

Settings = Mapping[str, str | int | bool]

FIELDS = (
    AccountField(
        "address",
        "E-mail address",
        required=True,
        placeholder="you@example.org",
        pattern=r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+",
        help="Delta Chat sends chat messages as end-to-end encrypted e-mail from this address.",
    ),
    AccountField("password", "Password", FieldKind.PASSWORD, secret=True, required=True),
    AccountField("display_name", "Your name", help="Shown to the people you write to."),
    AccountField("imap_server", "IMAP server", advanced=True, help="Empty: found automatically."),
    AccountField("imap_port", "IMAP port", FieldKind.INTEGER, advanced=True),
    AccountField(
        "imap_security",
        "IMAP security",
        FieldKind.CHOICE,
        default="automatic",
        choices=SECURITY_CHOICES,
        advanced=True,
    ),
    AccountField("smtp_server", "SMTP server", advanced=True, help="Empty: found automatically."),
    AccountField("smtp_port", "SMTP port", FieldKind.INTEGER, advanced=True),
    AccountField(
        "smtp_security",
        "SMTP security",
        FieldKind.CHOICE,
        default="automatic",
        choices=SECURITY_CHOICES,
        advanced=True,
    ),
    AccountField(
        "accept_invalid_certificates",
        "Accept any server certificate",
        FieldKind.BOOLEAN,
        default=False,
        advanced=True,
        help="Only for a server you run yourself with a self-signed certificate.",
    ),
    AccountField(
        "allow_unencrypted",
        "Also send unencrypted e-mail",
        FieldKind.BOOLEAN,
        default=False,
        advanced=True,
        help="To people whose key is not known yet (plain e-mail users). Off: only encrypted.",
    ),
    AccountField(
        "max_file_mb",
        "Largest file to send (MB)",
        FieldKind.INTEGER,
        default=DEFAULT_MAX_FILE_MB,
        advanced=True,
    ),
)


def address(settings: Settings) -> str:
    return convert.normalise_address(str(settings.get("address") or ""))


def force_encryption(settings: Settings) -> bool:
    return not bool(settings.get("allow_unencrypted"))


def max_file_bytes(settings: Settings) -> int:
    try:
        mb = int(settings.get("max_file_mb") or DEFAULT_MAX_FILE_MB)
    except (TypeError, ValueError):
        mb = DEFAULT_MAX_FILE_MB
    return max(1, mb) * 1024 * 1024


def login_params(settings: Settings, password: str) -> dict[str, Any]:
    """The core's ``EnteredLoginParam`` (camelCase JSON) for ``add_or_update_transport``."""
    addr = address(settings)
    params: dict[str, Any] = {"addr": addr, "password": password}
    for proto in ("imap", "smtp"):
        server = str(settings.get(f"{proto}_server") or "").strip()
        if server:
            params[f"{proto}Server"] = server
            params[f"{proto}User"] = addr
        port = settings.get(f"{proto}_port")
        if port not in (None, "", 0):
            params[f"{proto}Port"] = int(port)
        security = _SECURITY.get(str(settings.get(f"{proto}_security") or ""))
        if security:
            params[f"{proto}Security"] = security
    if settings.get("accept_invalid_certificates"):
        params["certificateChecks"] = "acceptInvalidCertificates"
    return params


def same_login(configured: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    """Whether the core's configured transport already is what the settings ask for (then
    signing in needs no new configuration, which costs a round of server probing)."""
    for key, value in wanted.items():
        have = configured.get(key)
        if key == "certificateChecks":
            have = have or "automatic"
        if have != value:
            return False
    return True


def validate(settings: Settings) -> dict[str, str]:
    problems = {}
    if not convert.looks_like_address(str(settings.get("address") or "")):
        problems["address"] = "Enter an e-mail address such as you@example.org."
    for proto in ("imap", "smtp"):
        port = settings.get(f"{proto}_port")
        if port not in (None, "") and not (isinstance(port, int) and 0 <= port <= 65535):
            try:
                if not 0 <= int(str(port)) <= 65535:
                    raise ValueError
            except ValueError:
                problems[f"{proto}_port"] = "A port is a number from 1 to 65535."
    return problems
