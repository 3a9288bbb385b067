"""Which ``m.secret.request`` messages are noted for an answer (pure part of secret sharing)."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

from backends.matrix import secretshare as sh
from backends.matrix import secretstore as ss

ME, MY_DEVICE = "@me:example.org", "THISONE"


def sharing() -> sh.SecretSharing:
    session: Any = SimpleNamespace(
        own_id=ME, nio=SimpleNamespace(device_id=MY_DEVICE), log=logging.getLogger("t")
    )
    return sh.SecretSharing(session, SimpleNamespace(parts=None))  # type: ignore[arg-type]


def request(sender: str = ME, **content: object) -> dict[str, Any]:
    body = {
        "name": ss.MASTER,
        "action": "request",
        "requesting_device_id": "OTHER",
        "request_id": "r1",
        **content,
    }
    return {"type": sh.REQUEST, "sender": sender, "content": body}


def answers(*events: object) -> dict[tuple[str, str], tuple[str, int]]:
    s = sharing()
    s.handle_events({"to_device": {"events": list(events)}})
    return s._answers


def test_a_request_from_another_device_of_ours_is_noted() -> None:
    assert answers(request()) == {("OTHER", "r1"): (ss.MASTER, 0)}


def test_requests_we_never_answer_are_not_noted() -> None:
    assert answers(request(sender="@someone:example.org")) == {}
    assert answers(request(requesting_device_id=MY_DEVICE)) == {}
    assert answers(request(name="m.something.else")) == {}
    assert answers(request(action="nonsense")) == {}
    assert answers(request(request_id=5)) == {}
    assert answers({"type": sh.REQUEST, "sender": ME, "content": "not an object"}) == {}
    assert answers("not an event", None) == {}


def test_a_cancellation_removes_the_request() -> None:
    cancel = request(action="request_cancellation")
    assert answers(request(), cancel) == {}


def test_a_flood_of_requests_is_bounded() -> None:
    flood = [request(request_id=str(i)) for i in range(500)]
    assert len(answers(*flood)) == sh.MAX_ANSWERS_PER_SYNC


def test_nio_still_has_the_hook_that_receives_secrets() -> None:
    """``crypto.E2E`` wraps nio's handler of decrypted Olm payloads to keep ``m.secret.send``;
    a nio release without it would silently stop secret sharing."""
    from nio.crypto import Olm  # type: ignore[import-untyped]

    assert callable(getattr(Olm, "_handle_olm_event", None))
