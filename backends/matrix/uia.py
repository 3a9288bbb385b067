"""User-interactive authentication (spec "User-interactive authentication API").

Registration, deleting a device and uploading cross-signing keys may answer 401 with a set of
*flows* (lists of stages) and a ``session``; the client completes one flow stage by stage. Here:

- parsing the challenge and choosing a flow made of stages the app can do (shortest first);
- the stages done without asking (``m.login.dummy``), with the person's answers in one form
  (``m.login.registration_token``, ``m.login.terms``, ``m.login.password``), or in the browser
  through the homeserver's fallback page (``m.login.sso``, ``m.login.recaptcha``);
- a clear sentence when no flow can be done (e-mail or phone verification).

:class:`Interaction` drives one request through it, independent of the HTTP client (the caller
passes ``send(auth) -> (status, body)``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.backend import Failure, FailureKind, FieldKind, FormField, SignUpForm
from app.i18n import CoreMessages
from backends.matrix import sso

DUMMY = "m.login.dummy"
TERMS = "m.login.terms"
TOKEN = "m.login.registration_token"
PASSWORD = "m.login.password"
SSO = "m.login.sso"
RECAPTCHA = "m.login.recaptcha"
EMAIL = "m.login.email.identity"
MSISDN = "m.login.msisdn"

ASKED = frozenset({TERMS, TOKEN, PASSWORD})
"""Stages that need an answer from the person, asked in one form."""
IN_BROWSER = frozenset({SSO, RECAPTCHA})
"""Stages the homeserver's fallback web page does."""
SUPPORTED = frozenset({DUMMY}) | ASKED | IN_BROWSER

STAGE_NAMES = {
    EMAIL: "an e-mail address to confirm",
    MSISDN: "a phone number to confirm",
    RECAPTCHA: "a CAPTCHA",
    TERMS: "accepting the terms",
    TOKEN: "a registration token",
    SSO: "a sign-in through single sign-on",
    PASSWORD: "the password",
}

FIELD_TOKEN = "registration_token"
FIELD_TERMS = "accept_terms"
FIELD_PASSWORD = "password"
FIELD_BROWSER_DONE = "browser_done"


@dataclass(frozen=True)
class Challenge:
    """A 401 answer of user-interactive auth."""

    session: str
    flows: tuple[tuple[str, ...], ...]
    params: Mapping[str, Any] = field(default_factory=dict)
    completed: tuple[str, ...] = ()
    errcode: str = ""
    error: str = ""


def parse_challenge(body: Mapping[str, Any]) -> Challenge | None:
    """The challenge in a 401 body, or None when it is not one (malformed → None)."""
    flows_raw = body.get("flows")
    if not isinstance(flows_raw, list):
        return None
    flows: list[tuple[str, ...]] = []
    for flow in flows_raw:
        stages = flow.get("stages") if isinstance(flow, dict) else None
        if isinstance(stages, list) and all(isinstance(s, str) for s in stages) and stages:
            flows.append(tuple(stages))
    if not flows:
        return None
    params = body.get("params")
    completed = body.get("completed")
    session = body.get("session")
    return Challenge(
        session=session if isinstance(session, str) else "",
        flows=tuple(flows),
        params=params if isinstance(params, dict) else {},
        completed=tuple(c for c in completed if isinstance(c, str))
        if isinstance(completed, list)
        else (),
        errcode=str(body.get("errcode") or ""),
        error=str(body.get("error") or ""),
    )


def choose_flow(challenge: Challenge, can: frozenset[str] = SUPPORTED) -> tuple[str, ...] | None:
    """The flow to follow: one whose stages (those not done yet) the app can all do; the one
    with the fewest stages that need the person, then the shortest. None when there is none."""
    usable = [
        flow
        for flow in challenge.flows
        if all(stage in can or stage in challenge.completed for stage in flow)
        and all(stage in flow for stage in challenge.completed)
    ]
    if not usable:
        return None
    return min(usable, key=lambda f: (sum(s not in (DUMMY,) for s in f), len(f)))


def remaining(challenge: Challenge, flow: Sequence[str]) -> list[str]:
    return [stage for stage in flow if stage not in challenge.completed]


def cannot_do(challenge: Challenge) -> Failure:
    """Why no flow can be followed, naming what the server wants."""
    wanted: list[str] = []
    for flow in challenge.flows:
        for stage in flow:
            if stage not in SUPPORTED and stage not in wanted:
                wanted.append(stage)
    names = ", ".join(STAGE_NAMES.get(s, s) for s in wanted) or "steps Chinwag does not know"
    return Failure(
        FailureKind.UNSUPPORTED,
        CoreMessages.tr(
            "The server asks for %1, which Chinwag cannot do. Use the server's web site for this, then come back."
        ).arg(names),
    )


def policies(params: Mapping[str, Any], language: str = "en") -> list[tuple[str, str]]:
    """(name, URL) of each policy of an ``m.login.terms`` stage, in the person's language or
    the first the server gives."""
    found: list[tuple[str, str]] = []
    terms = params.get(TERMS)
    policy_map = terms.get("policies") if isinstance(terms, dict) else None
    if not isinstance(policy_map, dict):
        return found
    for key, policy in policy_map.items():
        if not isinstance(policy, dict):
            continue
        texts = [v for k, v in policy.items() if k != "version" and isinstance(v, dict)]
        chosen = policy.get(language) if isinstance(policy.get(language), dict) else None
        entry = chosen or (texts[0] if texts else None)
        if entry is None:
            continue
        url = entry.get("url")
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            found.append((str(entry.get("name") or key), url))
    return found


def form_for(
    challenge: Challenge,
    stages: Sequence[str],
    *,
    title: str,
    homeserver: str,
    errors: Mapping[str, str] | None = None,
) -> SignUpForm:
    """One form asking for everything the remaining ``stages`` need from the person."""
    fields: list[FormField] = []
    notes: list[str] = []
    url = ""
    for stage in stages:
        if stage == TOKEN:
            fields.append(
                FormField(
                    FIELD_TOKEN,
                    "Registration token",
                    required=True,
                    help=CoreMessages.tr(
                        "This server gives accounts only to people with a token from its admins."
                    ),
                )
            )
        elif stage == TERMS:
            for name, link in policies(challenge.params) or [("the terms", "")]:
                fields.append(
                    FormField(
                        FIELD_TERMS,
                        f"I accept {name}",
                        FieldKind.BOOLEAN,
                        required=True,
                        link=link,
                    )
                )
                break  # one box accepts every policy, as Element does; the links are listed
            for name, link in policies(challenge.params)[1:]:
                notes.append(f"{name}: {link}")
        elif stage == PASSWORD:
            fields.append(FormField(FIELD_PASSWORD, "Password", FieldKind.PASSWORD, required=True))
        elif stage in IN_BROWSER and not url:
            url = sso.fallback_url(homeserver, stage, challenge.session)
            notes.append(
                CoreMessages.tr(
                    "The server asks for %1 on its web page: it opens in your browser. Come back here when you are done there."
                ).arg(STAGE_NAMES.get(stage, stage))
            )
            fields.append(
                FormField(FIELD_BROWSER_DONE, "I have finished in the browser", FieldKind.BOOLEAN)
            )
    return SignUpForm(title, "\n".join(notes), tuple(fields), dict(errors or {}), url)


def needs_person(stages: Sequence[str]) -> bool:
    return any(stage in ASKED or stage in IN_BROWSER for stage in stages)


def auth_for(
    stage: str,
    session: str,
    answers: Mapping[str, str | bool],
    *,
    user_id: str = "",
) -> dict[str, Any]:
    """The ``auth`` object that completes ``stage``."""
    if stage in IN_BROWSER:
        return {"session": session}  # the fallback page did it; just carry on (spec)
    auth: dict[str, Any] = {"type": stage, "session": session}
    if stage == TOKEN:
        auth["token"] = str(answers.get(FIELD_TOKEN, "")).strip()
    elif stage == PASSWORD:
        auth["identifier"] = {"type": "m.id.user", "user": user_id}
        auth["password"] = str(answers.get(FIELD_PASSWORD, ""))
    return auth


def answer_problems(stages: Sequence[str], answers: Mapping[str, str | bool]) -> dict[str, str]:
    """What is missing from the person's answers before anything is sent."""
    problems: dict[str, str] = {}
    if TOKEN in stages and not str(answers.get(FIELD_TOKEN, "")).strip():
        problems[FIELD_TOKEN] = CoreMessages.tr("Enter the registration token you were given.")
    if TERMS in stages and answers.get(FIELD_TERMS) not in (True, "1", "true"):
        problems[FIELD_TERMS] = CoreMessages.tr(
            "The server makes accounts only for people who accept its terms."
        )
    if PASSWORD in stages and not answers.get(FIELD_PASSWORD):
        problems[FIELD_PASSWORD] = CoreMessages.tr("Enter your password.")
    return problems


def stage_error(stage: str, body: Mapping[str, Any]) -> tuple[str, str]:
    """(field, message) for a stage the server refused."""
    error = str(body.get("error") or "")
    if stage == TOKEN:
        return FIELD_TOKEN, CoreMessages.tr("The server does not accept this registration token.")
    if stage == PASSWORD:
        return FIELD_PASSWORD, CoreMessages.tr("Wrong password.")
    if stage in IN_BROWSER:
        return FIELD_BROWSER_DONE, CoreMessages.tr(
            "The web page was not finished: try again in the browser."
        )
    return "", error or CoreMessages.tr("The server refused this step.")


Send = Callable[[dict[str, Any] | None], Awaitable[tuple[int, dict[str, Any]]]]
"""Sends the request with this ``auth`` (None: without); returns (HTTP status, JSON body)."""


class Interaction:
    """One request that may need user-interactive auth, driven one answer at a time.

    :meth:`step` sends (or resends) the request with what it has and returns the server's final
    answer ``(status, body)``, a :class:`SignUpForm` to show, or a :class:`Failure`. Stages that
    need nobody are done on the way; one form gathers all the answers the flow needs.
    """

    def __init__(
        self,
        send: Send,
        *,
        homeserver: str,
        title: str,
        user_id: str = "",
        open_url: Callable[[str], None] | None = None,
        poll: float = 2.0,
        browser_timeout: float = 300.0,
    ) -> None:
        """``open_url``: for a request made without a form to show (a background task), a
        stage done in the browser is opened there at once and the request retried every
        ``poll`` seconds until the page is done (or ``browser_timeout``)."""
        self._send = send
        self._homeserver = homeserver
        self._title = title
        self._user_id = user_id
        self._open_url = open_url
        self._poll = poll
        self._browser_timeout = browser_timeout
        self._challenge: Challenge | None = None
        self._answers: dict[str, str | bool] = {}
        self._asked = False

    async def step(
        self, answers: Mapping[str, str | bool] | None = None
    ) -> tuple[int, dict[str, Any]] | SignUpForm | Failure:
        if answers:
            self._answers.update(answers)
        errors: dict[str, str] = {}
        if self._challenge is None:
            status, body = await self._send(None)
            challenge = parse_challenge(body) if status == 401 else None
            if challenge is None:
                return status, body
            self._challenge = challenge
        for _ in range(12):  # a flow has a handful of stages; never loop forever
            challenge = self._challenge
            flow = choose_flow(challenge)
            if flow is None:
                return cannot_do(challenge)
            todo = remaining(challenge, flow)
            if not todo:
                status, body = await self._send({"session": challenge.session})
            elif todo[0] in IN_BROWSER and self._open_url is not None:
                answer = await self._in_browser(challenge, todo[0])
                if isinstance(answer, Failure):
                    return answer
                status, body = answer
            else:
                if (needs_person(todo) and not self._asked) or errors:
                    self._asked = True
                    return form_for(
                        challenge,
                        todo,
                        title=self._title,
                        homeserver=self._homeserver,
                        errors=errors,
                    )
                missing = answer_problems(todo, self._answers)
                if missing:
                    return form_for(
                        challenge,
                        todo,
                        title=self._title,
                        homeserver=self._homeserver,
                        errors=missing,
                    )
                stage = todo[0]
                status, body = await self._send(
                    auth_for(stage, challenge.session, self._answers, user_id=self._user_id)
                )
            if status != 401:
                return status, body
            nxt = parse_challenge(body)
            if nxt is None:
                return status, body
            if not todo or todo[0] not in nxt.completed:
                refused = todo[0] if todo else ""
                name, message = stage_error(refused, body)
                self._answers.pop(name, None)
                errors = {name: message}
            self._challenge = Challenge(
                nxt.session or challenge.session,
                nxt.flows,
                nxt.params or challenge.params,
                nxt.completed,
                nxt.errcode,
                nxt.error,
            )
        return Failure(
            FailureKind.PROTOCOL, CoreMessages.tr("The server kept asking for more steps.")
        )

    async def _in_browser(
        self, challenge: Challenge, stage: str
    ) -> tuple[int, dict[str, Any]] | Failure:
        """Open the stage's fallback page and retry with the session until it is done there."""
        assert self._open_url is not None
        self._open_url(sso.fallback_url(self._homeserver, stage, challenge.session))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._browser_timeout
        while True:
            status, body = await self._send({"session": challenge.session})
            if status != 401:
                return status, body
            again = parse_challenge(body)
            if again is None or stage in again.completed:
                return status, body
            if loop.time() > deadline:
                return Failure(
                    FailureKind.AUTH,
                    CoreMessages.tr(
                        "The confirmation in the browser (%1) was not finished in time."
                    ).arg(STAGE_NAMES.get(stage, stage)),
                )
            await asyncio.sleep(self._poll)
