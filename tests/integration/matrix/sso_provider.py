"""A real identity provider for the sign-in tests, and a homeserver that signs people in through it.

- :class:`IdentityProvider`: a LemonLDAP::NG portal (Debian's ``liblemonldap-ng-portal-perl``) on
  127.0.0.1, served by ``plackup`` without a web server. It is an OpenID Connect provider whose
  people must pass a **TOTP second factor** after their password; their TOTP devices are
  registered ahead (``llng/add_totp.pl``), so a test computes the code from the shared secret.
- :func:`start_auth_stack`: that provider plus a second Synapse configured for what sign-in and
  registration meet in the wild: ``oidc_providers`` (the portal, and one whose server is down),
  refreshable access tokens that expire within seconds, and registration that asks for a
  registration token and acceptance of the terms.
- :class:`Browser`: the person's web browser, played by an HTTP client with cookies: it follows
  redirects, fills in the portal's login and TOTP forms, and finally opens the app's loopback
  redirect, exactly as a browser would.

Pitfalls met (see ``shared/reference/sso-lemonldap``): LemonLDAP::NG refuses to start without a
cookie ``domain``; a few Perl modules it loads at run time are only "recommended" by Debian; Synapse's
``oidc_session`` cookie is ``Secure`` although the test homeserver is plain http on loopback (real
browsers treat loopback as a secure origin; the :class:`Browser` is told to do the same).
"""

from __future__ import annotations

import asyncio
import html.parser
import itertools
import json
import os
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import aiohttp
import pytest
from yarl import URL

from chinwag.testing.support import free_port, in_ci, require_binary
from tests.integration.matrix.synapse import Synapse, require_synapse, start_synapse
from tests.integration.support import LOOPBACK, ServerProcess

LLNG_DIR = Path(__file__).resolve().parent / "llng"
INSTALL_HINT = "bash scripts/setup test"
LLNG_PORTAL_MODULE = Path("/usr/share/perl5/Lemonldap/NG/Portal/Main.pm")
IDP_ID = "oidc-llng"
"""What Synapse calls the provider (``oidc-`` + its ``idp_id``) in login flows and URLs."""
DOWN_IDP_ID = "oidc-down"
ACCESS_TOKEN_LIFETIME = 8.0
"""Seconds a refreshable access token of the auth homeserver lives (Synapse's default is 5 min)."""
USER_POOL = 40
_pool = itertools.count(1)


def require_llng() -> None:
    """Skip (fail under CI) when LemonLDAP::NG or plackup is not installed."""
    require_binary("plackup", INSTALL_HINT)
    if not LLNG_PORTAL_MODULE.exists():
        message = f"LemonLDAP::NG's portal is not installed (install it with: {INSTALL_HINT})"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@dataclass(frozen=True)
class Person:
    """Someone the identity provider knows: their password and their authenticator's secret."""

    uid: str
    password: str
    totp_secret: str

    def code(self, *, offset: int = 0) -> str:
        """The six digits their authenticator app shows now (``offset`` time steps away)."""
        import pyotp

        totp = pyotp.TOTP(self.totp_secret)
        return str(totp.at(time.time() + offset * totp.interval))


def lmconf(
    portal: str, client_id: str, client_secret: str, redirect_uris: list[str], state: Path
) -> dict[str, Any]:
    """The portal's configuration (``lmConf-1.json``): Demo users, TOTP, an OIDC issuer."""
    private = (state / "oidc-key.pem").read_text()
    public = (state / "oidc-pub.pem").read_text()
    return {
        "cfgNum": 1,
        "cfgAuthor": "chinwag-tests",
        "cfgDate": str(int(time.time())),
        "cfgVersion": "2.16.1",
        "portal": portal,
        "domain": LOOPBACK,  # LLNG refuses an empty domain; its cookie gets Domain=127.0.0.1
        "securedCookie": 0,
        "cookieName": "lemonldap",
        "authentication": "Demo",
        "userDB": "Same",
        "passwordDB": "Demo",
        "registerDB": "Null",
        "demoExportedVars": {"cn": "cn", "mail": "mail", "uid": "uid"},
        "exportedVars": {},
        "groups": {},
        "macros": {},
        "whatToTrace": "uid",
        "globalStorage": "Apache::Session::File",
        "globalStorageOptions": {
            "Directory": f"{state}/sessions",
            "LockDirectory": f"{state}/sessions/lock",
            "generateModule": "Lemonldap::NG::Common::Apache::Session::Generate::SHA256",
        },
        "persistentStorage": "Apache::Session::File",
        "persistentStorageOptions": {
            "Directory": f"{state}/psessions",
            "LockDirectory": f"{state}/psessions/lock",
        },
        "localSessionStorage": "Cache::FileCache",
        "localSessionStorageOptions": {
            "cache_root": f"{state}/cache",
            "cache_depth": 3,
            "default_expires_in": 600,
            "namespace": "lemonldap-ng-sessions",
        },
        "notification": 0,
        "loginHistoryEnabled": 0,
        "portalSkin": "bootstrap",
        "timeout": 72000,
        "locationRules": {},
        "exportedHeaders": {},
        "applicationList": {},
        "captcha_mail_enabled": 0,
        "captcha_register_enabled": 0,
        # The second factor: TOTP, devices registered ahead by add_totp.pl.
        "totp2fActivation": 1,
        "totp2fSelfRegistration": 0,
        "totp2fDigits": 6,
        "totp2fInterval": 30,
        "totp2fRange": 1,
        # OpenID Connect provider, Synapse its one relying party.
        "issuerDBOpenIDConnectActivation": 1,
        "oidcServiceMetaDataIssuer": portal.rstrip("/"),
        "oidcServicePrivateKeySig": private,
        "oidcServicePublicKeySig": public,
        "oidcServiceKeyIdSig": "chinwag-test",
        "oidcServiceAllowAuthorizationCodeFlow": 1,
        "oidcServiceIgnoreScopeForClaims": 1,
        # OAuth 2.0 clients may register themselves (RFC 7591): the next-generation Matrix
        # auth client is tested against this authorization server.
        "oidcServiceAllowDynamicRegistration": 1,
        "oidcRPMetaDataOptions": {
            "synapse": {
                "oidcRPMetaDataOptionsClientID": client_id,
                "oidcRPMetaDataOptionsClientSecret": client_secret,
                "oidcRPMetaDataOptionsRedirectUris": " ".join(redirect_uris),
                "oidcRPMetaDataOptionsIDTokenSignAlg": "RS256",
                "oidcRPMetaDataOptionsBypassConsent": 1,
                "oidcRPMetaDataOptionsIDTokenForceClaims": 1,
                "oidcRPMetaDataOptionsPublic": 0,
            }
        },
        "oidcRPMetaDataExportedVars": {
            "synapse": {"preferred_username": "uid", "email": "mail", "name": "cn"}
        },
    }


@dataclass
class IdentityProvider:
    """A LemonLDAP::NG portal on loopback; its people pass a password and a TOTP code."""

    directory: Path
    port: int = field(default_factory=free_port)
    client_id: str = "synapse"
    client_secret: str = field(default_factory=lambda: secrets.token_hex(16))
    redirect_uris: list[str] = field(default_factory=list)
    process: ServerProcess | None = None
    uids: tuple[str, ...] = tuple(f"person{n}" for n in range(1, USER_POOL + 1))

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/"

    @property
    def issuer(self) -> str:
        return self.url.rstrip("/")

    def write_config(self) -> Path:
        s = self.directory
        for sub in ("conf", "cache", "sessions/lock", "psessions/lock"):
            (s / sub).mkdir(parents=True, exist_ok=True)
        key = s / "oidc-key.pem"
        subprocess.run(
            ["openssl", "genrsa", "-out", str(key), "2048"], check=True, capture_output=True
        )
        subprocess.run(
            ["openssl", "rsa", "-in", str(key), "-pubout", "-out", str(s / "oidc-pub.pem")],
            check=True,
            capture_output=True,
        )
        ini = (LLNG_DIR / "lemonldap-ng.ini.tmpl").read_text()
        ini = ini.replace("@STATE@", str(s)).replace(
            "@LOGLEVEL@", os.environ.get("CHINWAG_LLNG_LOGLEVEL", "notice")
        )
        (s / "lemonldap-ng.ini").write_text(ini)
        conf = lmconf(self.url, self.client_id, self.client_secret, self.redirect_uris, s)
        (s / "conf" / "lmConf-1.json").write_text(json.dumps(conf, indent=1))
        return s / "lemonldap-ng.ini"

    def start(self) -> IdentityProvider:
        """Start the portal; :meth:`wait_ready` waits for its OIDC metadata."""
        ini = self.write_config()
        self.process = ServerProcess(
            "lemonldap-ng",
            [
                "plackup",
                "-s",
                "HTTP::Server::PSGI",
                "--host",
                LOOPBACK,
                "--port",
                str(self.port),
                "-E",
                "deployment",
                str(LLNG_DIR / "portal.psgi"),
            ],
            log_path=self.directory / "portal.log",
            env={"LLNG_DEFAULTCONFFILE": str(ini), "CHINWAG_LLNG_USERS": ",".join(self.uids)},
        ).start()
        return self

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            assert self.process is not None and self.process.proc is not None
            if self.process.proc.poll() is not None:
                raise RuntimeError(f"the LemonLDAP::NG portal exited:\n{self.process.log_tail()}")
            try:
                with urllib.request.urlopen(
                    self.url + ".well-known/openid-configuration", timeout=2
                ) as resp:
                    json.loads(resp.read())
                return
            except (OSError, ValueError):
                if time.monotonic() > deadline:
                    raise TimeoutError(
                        f"the portal did not answer:\n{self.process.log_tail()}"
                    ) from None
                time.sleep(0.05)

    def add_totp(self, uid: str, secret_b32: str) -> None:
        """Register a TOTP authenticator for ``uid`` (what the portal's own enrolment stores)."""
        subprocess.run(
            [
                "perl",
                str(LLNG_DIR / "add_totp.pl"),
                str(self.directory / "psessions"),
                uid,
                secret_b32,
            ],
            check=True,
            capture_output=True,
        )

    def new_person(self) -> Person:
        """Someone no other test signs in as, with a fresh TOTP authenticator."""
        import pyotp

        index = next(_pool)
        if index > len(self.uids):
            raise RuntimeError(f"the portal knows only {len(self.uids)} people; raise USER_POOL")
        uid = self.uids[index - 1]
        person = Person(uid, uid, pyotp.random_base32())  # Demo: the password is the uid
        self.add_totp(uid, person.totp_secret)
        return person

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()


@dataclass
class AuthStack:
    """The identity provider and the homeserver that trusts it."""

    idp: IdentityProvider
    synapse: Synapse
    admin_token: str = ""

    def mxid(self, person: Person) -> str:
        return self.synapse.mxid(person.uid)

    def new_registration_token(self, uses: int = 1) -> str:
        status, body = self.synapse.request(
            "POST",
            "/_synapse/admin/v1/registration_tokens/new",
            {"uses_allowed": uses},
            self.admin_token,
        )
        assert status == 200, body
        return str(body["token"])

    def set_locked(self, user_id: str, locked: bool) -> None:
        from urllib.parse import quote

        status, body = self.synapse.request(
            "PUT",
            f"/_synapse/admin/v2/users/{quote(user_id, safe='')}",
            {"locked": locked},
            self.admin_token,
        )
        assert status == 200, body


CONSENT_PAGE = """<!doctype html><html lang="en"><head><title>Terms of service</title></head>
<body><h1>Terms of service</h1><p>Be kind. This is a test server.</p>
{% if not public_version %}<form method="post" action="consent">
<input type="hidden" name="v" value="{{version}}"><input type="hidden" name="u" value="{{user}}">
<input type="hidden" name="h" value="{{userhmac}}"><input type="submit" value="Agree"></form>
{% endif %}</body></html>"""


def _auth_config(idp: IdentityProvider, down_port: int, consent_dir: Path) -> Any:
    def extra(server: Synapse) -> dict[str, Any]:
        base = f"http://{LOOPBACK}:{server.http_port}/"
        idp.redirect_uris = [f"{base}_synapse/client/oidc/callback"]
        mapping = {
            "config": {
                "localpart_template": "{{ user.preferred_username }}",
                "display_name_template": "{{ user.name }}",
            }
        }
        return {
            "public_baseurl": base,
            "registration_requires_token": True,
            "user_consent": {
                "template_dir": str(consent_dir),
                "version": "1.0",
                "require_at_registration": True,
                "policy_name": "Terms of service",
            },
            "refreshable_access_token_lifetime": int(ACCESS_TOKEN_LIFETIME * 1000),  # ms
            "oidc_providers": [
                {
                    "idp_id": "llng",
                    "idp_name": "LemonLDAP::NG",
                    "issuer": idp.issuer,
                    "client_id": idp.client_id,
                    "client_secret": idp.client_secret,
                    "scopes": ["openid", "profile", "email"],
                    "skip_verification": True,  # the issuer is plain http on loopback
                    "user_profile_method": "userinfo_endpoint",
                    "user_mapping_provider": mapping,
                },
                {
                    # A provider whose server is down: nothing listens on its port.
                    "idp_id": "down",
                    "idp_name": "Broken Sign-On",
                    "issuer": f"http://{LOOPBACK}:{down_port}",
                    "client_id": "chinwag",
                    "client_secret": "unused",
                    "skip_verification": True,
                    "user_mapping_provider": mapping,
                },
            ],
        }

    return extra


def start_auth_stack(directory: Path) -> AuthStack:
    """Start the portal and Synapse side by side (about 5 s, Synapse being the slow one)."""
    require_llng()
    require_synapse()
    consent = directory / "consent"
    (consent / "en").mkdir(parents=True, exist_ok=True)
    (consent / "en" / "1.0.html").write_text(CONSENT_PAGE)
    (consent / "en" / "success.html").write_text("<html><body>Thank you.</body></html>")
    idp = IdentityProvider(directory / "llng")
    down_port = free_port()
    # Synapse first (it decides its port, which the portal must know as a redirect URI), the
    # portal while Synapse boots.
    synapse = start_synapse(
        directory / "synapse", _auth_config(idp, down_port, consent), wait=False
    )
    try:
        idp.start()
        idp.wait_ready()
        synapse.wait_ready()
    except BaseException:
        idp.stop()
        if synapse.process is not None:
            synapse.process.stop()
        raise
    stack = AuthStack(idp, synapse)
    admin = synapse.register(synapse.unique_name("admin"), "admin password", admin=True)
    stack.admin_token = synapse.login(admin, "admin password")
    return stack


@pytest.fixture(scope="session")
def auth_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AuthStack]:
    """One identity provider and one auth homeserver for the whole session."""
    require_llng()
    require_synapse()
    started = time.monotonic()
    stack = start_auth_stack(tmp_path_factory.mktemp("auth-stack"))
    stack.synapse.directory.joinpath("startup-seconds").write_text(
        f"{time.monotonic() - started:.2f}"
    )
    try:
        yield stack
    finally:
        stack.idp.stop()
        assert stack.synapse.process is not None
        stack.synapse.process.stop()


# -- the person's browser ------------------------------------------------------------------


class _Forms(html.parser.HTMLParser):
    """The page's forms (action, method, fields) and links."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self.links: list[str] = []
        self._current: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self._current = {
                "action": a.get("action") or "",
                "method": (a.get("method") or "get").lower(),
                "fields": {},
                "unchecked": {},
            }
            self.forms.append(self._current)
        elif tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        elif tag in ("input", "button") and self._current is not None and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                self._current["unchecked"][a["name"]] = a.get("value") or "on"
                return
            self._current["fields"].setdefault(a["name"], a.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None


@dataclass
class Page:
    url: str
    status: int
    text: str

    def form_with(self, name: str) -> dict[str, Any] | None:
        """The first form with a field ``name`` (an unchecked box counts)."""
        parser = _Forms()
        parser.feed(self.text)
        return next(
            (f for f in parser.forms if name in f["fields"] or name in f["unchecked"]), None
        )

    def links(self) -> list[str]:
        parser = _Forms()
        parser.feed(self.text)
        return [urljoin(self.url, link) for link in parser.links]


class SignInRefused(AssertionError):
    """The identity provider did not let the person through (wrong password or code)."""


class Browser:
    """A person's web browser: cookies, redirects, the portal's two forms.

    Loopback origins count as secure (as in real browsers), so Synapse's ``Secure`` session cookie
    is sent back over plain http to 127.0.0.1.
    """

    def __init__(self, secure_origins: list[str], *, accept_terms: bool = True) -> None:
        self.accept_terms = accept_terms
        self._jar = aiohttp.CookieJar(
            unsafe=True, treat_as_secure_origin=[URL(o) for o in secure_origins]
        )
        self.session = aiohttp.ClientSession(cookie_jar=self._jar)
        self.visited: list[str] = []

    async def close(self) -> None:
        await self.session.close()

    async def __aenter__(self) -> Browser:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _fetch(self, method: str, url: str, data: dict[str, str] | None = None) -> Page:
        """One request and every redirect after it, as a browser follows them."""
        for _ in range(20):
            self.visited.append(f"{method} {url}")
            async with self.session.request(
                method, url, data=data, allow_redirects=False, timeout=aiohttp.ClientTimeout(30)
            ) as resp:
                text = await resp.text(errors="replace")
                if resp.status in (301, 302, 303, 307, 308) and "Location" in resp.headers:
                    url = urljoin(url, resp.headers["Location"])
                    method, data = "GET", None
                    continue
                return Page(str(resp.url), resp.status, text)
        raise AssertionError("too many redirects: " + " → ".join(self.visited[-20:]))

    async def open(self, url: str) -> Page:
        return await self._fetch("GET", url)

    async def submit(self, page: Page, form: dict[str, Any]) -> Page:
        action = urljoin(page.url, form["action"] or page.url)
        if form["method"] == "post":
            return await self._fetch("POST", action, {k: str(v) for k, v in form["fields"].items()})
        return await self._fetch("GET", str(URL(action).with_query(form["fields"])))

    async def sign_in(self, start_url: str, person: Person, *, code: str | None = None) -> Page:
        """Open ``start_url`` (an SSO redirect), sign in at the portal with the password, then the
        TOTP code (the current one unless ``code`` is given), and follow where it leads: Synapse,
        its "continue to your app" page, and finally the app's redirect."""
        page = await self.open(start_url)
        if page.form_with("password") is None:
            # Synapse's "Confirm it's you" page (user-interactive auth by SSO): a link to the
            # provider, to click.
            onward = [link for link in page.links() if "/oauth2/authorize" in link]
            if onward:
                page = await self.open(onward[0])
        login = page.form_with("password")
        if login is None:
            raise AssertionError(f"no login form at {page.url}:\n{page.text[:2000]}")
        login["fields"].update(user=person.uid, password=person.password)
        page = await self.submit(page, login)
        if page.form_with("password") is not None:
            raise SignInRefused(f"the portal refused the password at {page.url}")
        totp = page.form_with("code")
        if totp is None:
            raise SignInRefused(f"no TOTP form after the password at {page.url}")
        totp["fields"]["code"] = code if code is not None else person.code()
        portal = urlsplit(page.url).netloc
        page = await self.submit(page, totp)
        consent = page.form_with("confirm") if urlsplit(page.url).netloc == portal else None
        if consent is not None and self.accept_terms:
            # "Do you accept to give … these rights?" (an app the portal does not know yet):
            # the person clicks Accept, which sends the form as it is.
            page = await self.submit(page, consent)
        if urlsplit(page.url).netloc == portal:
            parser = _Forms()
            parser.feed(page.text)
            raise SignInRefused(
                f"the portal kept the person at {page.url}:\n{_text_of(page)}\n{parser.forms}"
            )
        return await self.continue_to_app(page)

    async def continue_to_app(self, page: Page) -> Page:
        """What Synapse shows a person signing in through a provider: for a new account, the
        terms to agree to (tick, continue); for an app it does not know, "Continue to your
        account?" (click it)."""
        terms = page.form_with("accepted_version")
        if terms is not None and self.accept_terms:
            terms["fields"]["accepted_version"] = terms["unchecked"].pop("accepted_version", "1")
            page = await self.submit(page, terms)
        for link in page.links():
            if "loginToken=" in link:
                return await self.open(link)
        if page.form_with("code") is not None or page.form_with("password") is not None:
            raise SignInRefused(f"the portal refused the sign-in at {page.url}")
        return page


def _text_of(page: Page) -> str:
    """The page's words, for a failure message."""
    import re

    text = re.sub(r"<(script|style)\b.*?</\1>", " ", page.text, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())[:1500]


def login_token_of(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("loginToken")
    return values[0] if values else None


async def wait_http(url: str, timeout: float = 10.0) -> int:
    """Status of ``url`` (for tests that only want to see a server answer)."""

    def get() -> int:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as resp:
                return int(resp.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)

    return await asyncio.to_thread(get)
