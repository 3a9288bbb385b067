"""Next-generation Matrix auth: OAuth 2.0 as merged into the spec (v1.15, MSC3861 and friends).

A homeserver that delegates sign-in to an authorization server says so at
``GET /_matrix/client/v1/auth_metadata`` (RFC 8414 metadata; the unstable MSC2965
``auth_issuer`` + OpenID discovery is the fallback). The client then:

1. registers itself (RFC 7591 dynamic client registration, Matrix's client metadata: a native
   application with a loopback redirect URI, no client secret);
2. sends the browser to ``authorization_endpoint`` with authorization code + PKCE (RFC 7636,
   S256), a ``state``, and the Matrix scopes ``urn:matrix:client:api:*`` and
   ``urn:matrix:client:device:<new device id>``;
3. takes the ``code`` at its one-shot loopback listener (RFC 8252 §7.3, :mod:`.sso`) and exchanges
   it at ``token_endpoint`` for an access token and a refresh token — both only ever in the
   keyring;
4. refreshes with ``grant_type=refresh_token`` before expiry, and revokes on sign-out.

Everything here is pure (URLs, bodies, validation), so it is table-tested; the requests are made
by the backend.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from app.backend import Failure, FailureKind
from app.i18n import CoreMessages

AUTH_METADATA_PATH = "/_matrix/client/v1/auth_metadata"
UNSTABLE_ISSUER_PATH = "/_matrix/client/unstable/org.matrix.msc2965/auth_issuer"
SCOPE_API = "urn:matrix:client:api:*"
SCOPE_DEVICE = "urn:matrix:client:device:"
CLIENT_URI = "https://chinwag.example.org/"  # the homepage the AppStream metadata names
DEVICE_ID_LENGTH = 10


@dataclass(frozen=True, slots=True)
class ServerMetadata:
    """What the authorization server says about itself (RFC 8414), validated."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    registration_endpoint: str
    revocation_endpoint: str = ""
    account_management_uri: str = ""
    prompt_create: bool = False
    """Whether ``prompt=create`` opens the sign-up page (MSC2925)."""


@dataclass(frozen=True, slots=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: float | None


@dataclass(frozen=True, slots=True)
class Pkce:
    verifier: str
    challenge: str


def _secure_url(url: object, *, allow_loopback_http: bool = True) -> bool:
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    return (
        allow_loopback_http
        and parts.scheme == "http"
        and parts.hostname in ("127.0.0.1", "localhost", "::1")
    )


def parse_metadata(body: Mapping[str, Any]) -> ServerMetadata | Failure:
    """Validated metadata: HTTPS endpoints (loopback http for tests), the authorization-code
    grant, the ``code`` response type and S256 PKCE. Anything else is a failure in words."""
    issuer = body.get("issuer")
    endpoints = {
        key: body.get(key)
        for key in ("authorization_endpoint", "token_endpoint", "registration_endpoint")
    }
    missing = [k for k, v in {"issuer": issuer, **endpoints}.items() if not _secure_url(v)]
    if missing:
        return Failure(
            FailureKind.PROTOCOL,
            CoreMessages.tr(
                "The homeserver's sign-in service describes itself incompletely (%1 missing or not HTTPS)."
            ).arg(", ".join(missing)),
        )
    if "code" not in _strings(body.get("response_types_supported")):
        return Failure(
            FailureKind.UNSUPPORTED,
            CoreMessages.tr("The sign-in service offers no authorization code."),
        )
    grants = _strings(body.get("grant_types_supported")) or ["authorization_code"]
    if "authorization_code" not in grants:
        return Failure(
            FailureKind.UNSUPPORTED,
            CoreMessages.tr("The sign-in service refuses authorization codes."),
        )
    if "S256" not in _strings(body.get("code_challenge_methods_supported")):
        return Failure(
            FailureKind.UNSUPPORTED,
            CoreMessages.tr(
                "The sign-in service does not support PKCE (S256), so it "
                "cannot be used safely by a desktop app."
            ),
        )
    revocation = body.get("revocation_endpoint")
    account = body.get("account_management_uri")
    return ServerMetadata(
        issuer=str(issuer),
        authorization_endpoint=str(endpoints["authorization_endpoint"]),
        token_endpoint=str(endpoints["token_endpoint"]),
        registration_endpoint=str(endpoints["registration_endpoint"]),
        revocation_endpoint=str(revocation) if _secure_url(revocation) else "",
        account_management_uri=str(account) if _secure_url(account) else "",
        prompt_create="create" in _strings(body.get("prompt_values_supported")),
    )


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def issuer_of(body: Mapping[str, Any]) -> str | None:
    """The issuer of the unstable ``auth_issuer`` answer (MSC2965)."""
    issuer = body.get("issuer")
    return issuer if _secure_url(issuer) else None


def openid_configuration_url(issuer: str) -> str:
    return issuer.rstrip("/") + "/.well-known/openid-configuration"


def client_metadata(redirect_uri: str, *, name: str = "Chinwag") -> dict[str, Any]:
    """RFC 7591 registration of a native app with a loopback redirect (Matrix spec
    "Client registration": ``application_type: native``, public client)."""
    return {
        "client_name": name,
        "client_uri": CLIENT_URI,
        "application_type": "native",
        "redirect_uris": [redirect_uri],
        "token_endpoint_auth_method": "none",
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
    }


def client_id_of(body: Mapping[str, Any]) -> str | Failure:
    client_id = body.get("client_id")
    if isinstance(client_id, str) and client_id:
        return client_id
    return Failure(
        FailureKind.PROTOCOL, CoreMessages.tr("The sign-in service did not register the app.")
    )


def client_secret_of(body: Mapping[str, Any]) -> str:
    """A secret the server issued although a public client was asked for (RFC 7591 §3.2.1
    allows it); then it authenticates the token requests (``client_secret_post``)."""
    secret = body.get("client_secret")
    return secret if isinstance(secret, str) else ""


def new_pkce() -> Pkce:
    """A PKCE pair (RFC 7636 §4.1-4.2): 43 characters of verifier, its S256 challenge."""
    verifier = secrets.token_urlsafe(32)
    return Pkce(verifier, challenge_of(verifier))


def challenge_of(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_device_id() -> str:
    """A device id to name in the scope: the client chooses it with OAuth (spec)."""
    alphabet = string.ascii_uppercase
    return "".join(secrets.choice(alphabet) for _ in range(DEVICE_ID_LENGTH))


def scope(device_id: str) -> str:
    """The Matrix scopes, with ``openid`` as Element asks too (an OpenID Connect provider behind
    the homeserver wants it; a plain OAuth server ignores it)."""
    return f"openid {SCOPE_API} {SCOPE_DEVICE}{device_id}"


def authorization_url(
    meta: ServerMetadata,
    *,
    client_id: str,
    redirect_uri: str,
    pkce: Pkce,
    state: str,
    device_id: str,
    create_account: bool = False,
    login_hint: str = "",
) -> str:
    """Where the browser goes (authorization code + PKCE, the answer in the query)."""
    params = {
        "response_type": "code",
        "response_mode": "query",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": scope(device_id),
        "state": state,
        "code_challenge": pkce.challenge,
        "code_challenge_method": "S256",
    }
    if create_account and meta.prompt_create:
        params["prompt"] = "create"
    if login_hint:
        params["login_hint"] = f"mxid:{login_hint}"
    separator = "&" if urlsplit(meta.authorization_endpoint).query else "?"
    return meta.authorization_endpoint + separator + urlencode(params)


def code_of(query: Mapping[str, str], state: str) -> str | Failure:
    """The authorization code of the redirect, after checking ``state`` (CSRF, RFC 6749 §10.12)."""
    if query.get("state") != state:
        return Failure(
            FailureKind.PROTOCOL,
            CoreMessages.tr("The sign-in answer does not belong to this sign-in."),
        )
    error = query.get("error")
    if error:
        text = query.get("error_description") or error
        kind = FailureKind.REJECTED if error == "access_denied" else FailureKind.AUTH
        return Failure(kind, CoreMessages.tr("The sign-in was not finished: %1.").arg(text))
    code = query.get("code")
    if not code:
        return Failure(FailureKind.PROTOCOL, CoreMessages.tr("The sign-in answer carries no code."))
    return code


def token_request(
    *, client_id: str, code: str, redirect_uri: str, verifier: str, client_secret: str = ""
) -> dict[str, str]:
    """The form body of the code exchange (``application/x-www-form-urlencoded``)."""
    body = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "client_id": client_id,
        "code_verifier": verifier,
    }
    if client_secret:
        body["client_secret"] = client_secret
    return body


def refresh_request(
    *, client_id: str, refresh_token: str, client_secret: str = ""
) -> dict[str, str]:
    body = {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id}
    if client_secret:
        body["client_secret"] = client_secret
    return body


def revocation_request(*, client_id: str, token: str, hint: str) -> dict[str, str]:
    return {"token": token, "token_type_hint": hint, "client_id": client_id}


def tokens_of(status: int, body: Mapping[str, Any], previous_refresh: str = "") -> Tokens | Failure:
    """The token endpoint's answer (RFC 6749 §5.1/5.2). A refresh answer may keep the old refresh
    token (it then has none of its own)."""
    if status != 200:
        error = str(body.get("error") or status)
        if error == "invalid_grant":
            return Failure(
                FailureKind.AUTH,
                CoreMessages.tr("The sign-in is no longer valid: sign in again."),
                detail="invalid_grant",
            )
        return Failure(
            FailureKind.PROTOCOL,
            CoreMessages.tr("The sign-in service refused the token request (%1).").arg(error),
            retryable=status >= 500,
        )
    access = body.get("access_token")
    refresh = body.get("refresh_token") or previous_refresh
    if (
        not isinstance(access, str)
        or not access
        or str(body.get("token_type", "")).lower() != ("bearer")
    ):
        return Failure(
            FailureKind.PROTOCOL,
            CoreMessages.tr("The sign-in service sent no usable access token."),
        )
    expires = body.get("expires_in")
    return Tokens(
        access,
        refresh if isinstance(refresh, str) else "",
        float(expires) if isinstance(expires, (int, float)) and expires > 0 else None,
    )
