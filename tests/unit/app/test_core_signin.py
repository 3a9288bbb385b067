"""core.signin over the fake service: methods, a browser sign-in (finished, cancelled, for an
existing account), sign-up steps, problems named by field."""

from __future__ import annotations

import asyncio

from app import events as ev
from app.backend import Failure, FailureKind, IdentityProvider
from app.core import Core
from tests.fakes.fake_backend import FakeServer


async def test_methods_name_the_providers(core: Core, fake_server: FakeServer) -> None:
    fake_server.sso_providers = [IdentityProvider("corp", "Corp")]
    methods = await core.signin.sign_in_methods("fake", {"user": "sam"})
    assert not isinstance(methods, Failure)
    assert methods.providers == (IdentityProvider("corp", "Corp"),) and methods.password


async def test_a_browser_sign_in_adds_the_account(core: Core, fake_server: FakeServer) -> None:
    opened: list[str] = []
    core.bus.subscribe(ev.OpenInBrowser, lambda e: opened.append(e.url))
    task = asyncio.ensure_future(core.signin.sign_in_with_browser("fake", {"user": "sam"}, "corp"))
    while not opened:
        await asyncio.sleep(0.01)
    fake_server.finish_browser("sam")
    account = await task
    assert not isinstance(account, Failure)
    assert account.settings["user"] == "sam"
    assert core.ctx.secrets.get(account.id, "password") == "sso-session"


async def test_a_browser_sign_in_can_be_cancelled(core: Core) -> None:
    opened: list[str] = []
    core.bus.subscribe(ev.OpenInBrowser, lambda e: opened.append(e.url))
    task = asyncio.ensure_future(core.signin.sign_in_with_browser("fake", {"user": "sam"}, "corp"))
    while not opened:
        await asyncio.sleep(0.01)
    await core.signin.cancel_browser_sign_in()
    outcome = await task
    assert isinstance(outcome, Failure) and outcome.kind is FailureKind.REJECTED
    assert core.accounts.list_accounts() == []


async def test_sign_up_without_questions_adds_the_account(
    core: Core, fake_server: FakeServer
) -> None:
    step = await core.signin.begin_sign_up("fake", {"user": "neo"}, {"password": "pw"})
    assert step.account is not None and step.failure is None
    assert fake_server.passwords["neo"] == "pw"
    done = await core.signin.answer_sign_up(step.sign_up_id, {})
    assert done.failure is not None  # that sign-up is over


async def test_problems_are_named_by_field(core: Core) -> None:
    assert await core.signin.check_settings("fake", {"user": "Bad Name"}) == {
        "user": "User name: has the wrong form"
    }
    step = await core.signin.begin_sign_up("fake", {"user": "alice"}, {"password": "x"})
    assert step.failure is not None and step.failure.field == "user"
