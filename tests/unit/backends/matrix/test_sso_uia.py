"""Pure parts of Matrix sign-in: login flows, SSO URLs, the loopback redirect, user-interactive
auth (flow choice, forms, answers, refusals)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from typing import Any

import aiohttp
import pytest

from app.backend import Failure, FailureKind, FieldKind, IdentityProvider, SignUpForm
from backends.matrix import sso, uia

FLOWS = {
    "flows": [
        {
            "type": "m.login.sso",
            "identity_providers": [
                {"id": "oidc-llng", "name": "LemonLDAP::NG"},
                {"id": "oidc-github", "name": "GitHub", "brand": "github", "icon": "mxc://x/y"},
                {"id": 3, "name": "bad"},
                "junk",
                {"name": "no id"},
            ],
        },
        {"type": "m.login.token", "get_login_token": True},
        {"type": "m.login.password"},
        {"no": "type"},
        7,
    ]
}


def test_login_flows() -> None:
    flows = sso.parse_login_flows(FLOWS)
    assert flows.password and flows.token and flows.sso
    assert flows.providers == (
        IdentityProvider("oidc-llng", "LemonLDAP::NG"),
        IdentityProvider("oidc-github", "GitHub", "github"),
    )


@pytest.mark.parametrize("body", [{}, {"flows": "x"}, {"flows": [None]}, []])
def test_malformed_login_flows_are_empty(body: Any) -> None:
    assert sso.parse_login_flows(body if isinstance(body, dict) else {}) == sso.LoginFlows()


def test_urls() -> None:
    assert sso.redirect_url("https://hs.example/", "oidc-a b", "http://127.0.0.1:5/c?x") == (
        "https://hs.example/_matrix/client/v3/login/sso/redirect/oidc-a%20b"
        "?redirectUrl=http%3A%2F%2F127.0.0.1%3A5%2Fc%3Fx"
    )
    assert sso.redirect_url("https://hs", "", "http://x").startswith(
        "https://hs/_matrix/client/v3/login/sso/redirect?"
    )
    assert sso.fallback_url("https://hs", "m.login.sso", "s/1") == (
        "https://hs/_matrix/client/v3/auth/m.login.sso/fallback/web?session=s%2F1"
    )
    body = sso.token_login_body("tok", "DEV", "Chinwag")
    assert body == {
        "type": "m.login.token",
        "token": "tok",
        "initial_device_display_name": "Chinwag",
        "refresh_token": True,
        "device_id": "DEV",
    }
    assert "device_id" not in sso.token_login_body("tok", "", "Chinwag")


def test_login_token_of_the_redirect() -> None:
    assert sso.login_token({"loginToken": "abc"}) == "abc"
    failure = sso.login_token({"error": "access_denied", "error_description": "no"})
    assert isinstance(failure, Failure) and failure.kind is FailureKind.AUTH
    assert isinstance(sso.login_token({}), Failure)


async def test_the_loopback_listener_answers_once_and_only_on_its_path() -> None:
    listener = await sso.LoopbackRedirect().start()
    assert listener.url.startswith("http://127.0.0.1:")
    waiting = asyncio.ensure_future(listener.wait(10))
    async with aiohttp.ClientSession() as session:
        base = listener.url.rsplit("/", 1)[0]
        async with session.get(base + "/guess?loginToken=evil") as resp:
            assert resp.status == 404  # another path does not end the wait
        assert not waiting.done()
        async with session.get(listener.url + "?loginToken=good") as resp:
            page = await resp.text()
            assert resp.status == 200 and "close this window" in page
    assert await waiting == {"loginToken": "good"}
    async with aiohttp.ClientSession() as session:  # one-shot: nothing listens any more
        with pytest.raises(aiohttp.ClientConnectionError):
            await session.get(listener.url)


async def test_the_listener_gives_up_after_its_timeout() -> None:
    listener = await sso.LoopbackRedirect().start()
    outcome = await listener.wait(0.05)
    assert isinstance(outcome, Failure) and "did not come back" in outcome.message


# -- user-interactive auth ------------------------------------------------------------------


def challenge(
    *flows: list[str], completed: list[str] | None = None, **params: Any
) -> uia.Challenge:
    parsed = uia.parse_challenge(
        {
            "session": "S",
            "flows": [{"stages": f} for f in flows],
            "params": params,
            "completed": completed or [],
        }
    )
    assert parsed is not None
    return parsed


def test_parse_challenge_rejects_what_is_not_one() -> None:
    assert uia.parse_challenge({"errcode": "M_FORBIDDEN"}) is None
    assert uia.parse_challenge({"flows": [{"stages": []}, {"stages": [3]}]}) is None


def test_choose_the_flow_that_asks_least() -> None:
    c = challenge(
        ["m.login.email.identity"],
        ["m.login.recaptcha", "m.login.terms", "m.login.dummy"],
        ["m.login.dummy"],
    )
    assert uia.choose_flow(c) == ("m.login.dummy",)
    c = challenge(["m.login.email.identity"], ["m.login.registration_token", "m.login.dummy"])
    assert uia.choose_flow(c) == ("m.login.registration_token", "m.login.dummy")


def test_a_flow_that_cannot_be_done_is_named() -> None:
    c = challenge(["m.login.email.identity"], ["m.login.msisdn", "m.login.foo"])
    assert uia.choose_flow(c) is None
    failure = uia.cannot_do(c)
    assert failure.kind is FailureKind.UNSUPPORTED
    assert "an e-mail address to confirm" in failure.message
    assert "a phone number to confirm" in failure.message and "m.login.foo" in failure.message


def test_completed_stages_pick_their_flow() -> None:
    c = challenge(
        ["m.login.terms", "m.login.dummy"], ["m.login.dummy"], completed=["m.login.terms"]
    )
    assert uia.choose_flow(c) == ("m.login.terms", "m.login.dummy")
    assert uia.remaining(c, ("m.login.terms", "m.login.dummy")) == ["m.login.dummy"]


TERMS = {
    "policies": {
        "privacy": {
            "version": "1",
            "de": {"name": "Datenschutz", "url": "https://hs/de"},
            "en": {"name": "Privacy", "url": "https://hs/en"},
        },
        "rules": {"version": "2", "fr": {"name": "Règles", "url": "https://hs/fr"}},
        "bad": {"version": "3", "en": {"name": "x", "url": "javascript:alert(1)"}},
    }
}


def test_one_form_for_token_terms_and_a_browser_stage() -> None:
    c = challenge(
        ["m.login.registration_token", "m.login.terms", "m.login.recaptcha"],
        **{"m.login.terms": TERMS},
    )
    form = uia.form_for(c, uia.remaining(c, c.flows[0]), title="T", homeserver="https://hs")
    fields = {f.name: f for f in form.fields}
    assert fields[uia.FIELD_TOKEN].required
    assert fields[uia.FIELD_TERMS].kind is FieldKind.BOOLEAN
    assert fields[uia.FIELD_TERMS].link == "https://hs/en"
    assert "Règles: https://hs/fr" in form.instructions
    assert "javascript" not in form.instructions
    assert form.url == "https://hs/_matrix/client/v3/auth/m.login.recaptcha/fallback/web?session=S"


def test_answers_and_auth_objects() -> None:
    stages = ["m.login.registration_token", "m.login.terms"]
    assert set(uia.answer_problems(stages, {})) == {uia.FIELD_TOKEN, uia.FIELD_TERMS}
    assert uia.answer_problems(stages, {uia.FIELD_TOKEN: " t ", uia.FIELD_TERMS: True}) == {}
    assert uia.auth_for("m.login.registration_token", "S", {uia.FIELD_TOKEN: " t "}) == {
        "type": "m.login.registration_token",
        "session": "S",
        "token": "t",
    }
    assert uia.auth_for("m.login.password", "S", {"password": "pw"}, user_id="@a:b") == {
        "type": "m.login.password",
        "session": "S",
        "identifier": {"type": "m.id.user", "user": "@a:b"},
        "password": "pw",
    }
    assert uia.auth_for("m.login.sso", "S", {}) == {"session": "S"}


class Server:
    """A scripted user-interactive auth server for :class:`uia.Interaction`."""

    def __init__(self, flows: list[list[str]], accept: dict[str, Any]) -> None:
        self.flows, self.accept = flows, accept
        self.completed: list[str] = []
        self.sent: list[dict[str, Any] | None] = []

    async def send(self, auth: dict[str, Any] | None) -> tuple[int, dict[str, Any]]:
        self.sent.append(auth)
        if auth is not None and auth.get("type") in self.accept:
            check = self.accept[auth["type"]]
            if check is True or check(auth):
                self.completed.append(auth["type"])
        flow = self.flows[0]
        if all(s in self.completed for s in flow):
            return 200, {"done": True}
        return 401, {
            "session": "S",
            "flows": [{"stages": f} for f in self.flows],
            "completed": self.completed,
            "params": {},
        }


async def test_interaction_dummy_needs_no_form() -> None:
    server = Server([["m.login.dummy"]], {"m.login.dummy": True})
    interaction = uia.Interaction(server.send, homeserver="https://hs", title="T")
    assert await interaction.step() == (200, {"done": True})
    assert server.sent == [None, {"type": "m.login.dummy", "session": "S"}]


async def test_interaction_asks_then_retries_a_refused_token() -> None:
    server = Server(
        [["m.login.registration_token", "m.login.dummy"]],
        {"m.login.registration_token": lambda a: a["token"] == "good", "m.login.dummy": True},
    )
    interaction = uia.Interaction(server.send, homeserver="https://hs", title="T")
    form = await interaction.step()
    assert isinstance(form, SignUpForm) and not form.errors
    form = await interaction.step({uia.FIELD_TOKEN: "bad"})
    assert isinstance(form, SignUpForm) and uia.FIELD_TOKEN in form.errors
    assert await interaction.step({uia.FIELD_TOKEN: "good"}) == (200, {"done": True})


async def test_interaction_without_a_challenge_returns_the_answer() -> None:
    async def send(auth: dict[str, Any] | None) -> tuple[int, dict[str, Any]]:
        return 400, {"errcode": "M_USER_IN_USE"}

    assert await uia.Interaction(send, homeserver="h", title="T").step() == (
        400,
        {"errcode": "M_USER_IN_USE"},
    )


def test_the_backend_comes_without_aiohttps_server_side() -> None:
    """aiohttp.web (2.2 MB) is the SSO listener's alone; the backend imports it on first use."""
    code = (
        "import json, sys; import backends.matrix; "
        "print(json.dumps([m for m in sys.modules if m.startswith('aiohttp.web')]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
