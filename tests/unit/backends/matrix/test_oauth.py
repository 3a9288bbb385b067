"""Next-generation Matrix auth, the pure parts: metadata validation, client registration, PKCE
(RFC 7636's own vector), the authorization URL, the redirect's state, token answers."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from app.backend import Failure, FailureKind
from backends.matrix import oauth

META: dict[str, Any] = {
    "issuer": "https://auth.example.org/",
    "authorization_endpoint": "https://auth.example.org/authorize",
    "token_endpoint": "https://auth.example.org/oauth2/token",
    "registration_endpoint": "https://auth.example.org/oauth2/registration",
    "revocation_endpoint": "https://auth.example.org/oauth2/revoke",
    "response_types_supported": ["code"],
    "grant_types_supported": ["authorization_code", "refresh_token"],
    "response_modes_supported": ["query", "fragment"],
    "code_challenge_methods_supported": ["S256"],
    "prompt_values_supported": ["create"],
    "account_management_uri": "https://auth.example.org/account",
}


def test_metadata_is_validated() -> None:
    meta = oauth.parse_metadata(META)
    assert isinstance(meta, oauth.ServerMetadata)
    assert meta.token_endpoint == META["token_endpoint"] and meta.prompt_create
    assert meta.revocation_endpoint == META["revocation_endpoint"]


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        ({"token_endpoint": "http://auth.example.org/token"}, FailureKind.PROTOCOL),
        ({"registration_endpoint": None}, FailureKind.PROTOCOL),
        ({"response_types_supported": ["token"]}, FailureKind.UNSUPPORTED),
        ({"grant_types_supported": ["implicit"]}, FailureKind.UNSUPPORTED),
        ({"code_challenge_methods_supported": ["plain"]}, FailureKind.UNSUPPORTED),
        ({"code_challenge_methods_supported": None}, FailureKind.UNSUPPORTED),
    ],
)
def test_unusable_metadata(change: dict[str, Any], kind: FailureKind) -> None:
    result = oauth.parse_metadata({**META, **change})
    assert isinstance(result, Failure) and result.kind is kind


def test_loopback_http_is_allowed_for_a_local_server() -> None:
    local = {
        k: v.replace("https://auth.example.org", "http://127.0.0.1:8080")
        if isinstance(v, str)
        else v
        for k, v in META.items()
    }
    assert isinstance(oauth.parse_metadata(local), oauth.ServerMetadata)


def test_pkce_matches_rfc_7636_appendix_b() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert oauth.challenge_of(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    pair = oauth.new_pkce()
    assert 43 <= len(pair.verifier) <= 128 and pair.challenge == oauth.challenge_of(pair.verifier)
    assert oauth.new_pkce().verifier != pair.verifier


def test_client_registration_is_a_public_native_app() -> None:
    body = oauth.client_metadata("http://127.0.0.1:4567/cb")
    assert body["application_type"] == "native"
    assert body["token_endpoint_auth_method"] == "none"
    assert body["redirect_uris"] == ["http://127.0.0.1:4567/cb"]
    assert oauth.client_id_of({"client_id": "abc"}) == "abc"
    assert isinstance(oauth.client_id_of({}), Failure)


def test_authorization_url() -> None:
    meta = oauth.parse_metadata(META)
    assert isinstance(meta, oauth.ServerMetadata)
    pkce = oauth.Pkce("v", "c")
    device = oauth.new_device_id()
    assert len(device) == 10 and device.isupper()
    url = oauth.authorization_url(
        meta,
        client_id="cid",
        redirect_uri="http://127.0.0.1:1/cb",
        pkce=pkce,
        state="st",
        device_id=device,
        create_account=True,
        login_hint="@ann:example.org",
    )
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == META["authorization_endpoint"]
    q = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert q == {
        "response_type": "code",
        "response_mode": "query",
        "client_id": "cid",
        "redirect_uri": "http://127.0.0.1:1/cb",
        "scope": f"openid urn:matrix:client:api:* urn:matrix:client:device:{device}",
        "state": "st",
        "code_challenge": "c",
        "code_challenge_method": "S256",
        "prompt": "create",
        "login_hint": "mxid:@ann:example.org",
    }


def test_the_redirect_must_carry_our_state() -> None:
    assert oauth.code_of({"state": "s", "code": "C"}, "s") == "C"
    forged = oauth.code_of({"state": "other", "code": "C"}, "s")
    assert isinstance(forged, Failure) and forged.kind is FailureKind.PROTOCOL
    denied = oauth.code_of({"state": "s", "error": "access_denied"}, "s")
    assert isinstance(denied, Failure) and denied.kind is FailureKind.REJECTED
    assert isinstance(oauth.code_of({"state": "s"}, "s"), Failure)


def test_token_answers() -> None:
    tokens = oauth.tokens_of(
        200, {"access_token": "A", "refresh_token": "R", "token_type": "Bearer", "expires_in": 300}
    )
    assert tokens == oauth.Tokens("A", "R", 300.0)
    kept = oauth.tokens_of(200, {"access_token": "A2", "token_type": "bearer"}, "R")
    assert kept == oauth.Tokens("A2", "R", None)
    gone = oauth.tokens_of(400, {"error": "invalid_grant"})
    assert isinstance(gone, Failure) and gone.kind is FailureKind.AUTH
    assert isinstance(oauth.tokens_of(200, {"access_token": "A", "token_type": "mac"}), Failure)
    assert oauth.token_request(client_id="c", code="k", redirect_uri="r", verifier="v") == {
        "grant_type": "authorization_code",
        "code": "k",
        "redirect_uri": "r",
        "client_id": "c",
        "code_verifier": "v",
    }
    assert oauth.refresh_request(client_id="c", refresh_token="R")["grant_type"] == "refresh_token"


def test_issuer_discovery_fallback() -> None:
    assert oauth.issuer_of({"issuer": "https://auth.example.org/"}) == "https://auth.example.org/"
    assert oauth.issuer_of({"issuer": "http://evil"}) is None
    assert oauth.openid_configuration_url("https://a.org/") == (
        "https://a.org/.well-known/openid-configuration"
    )
