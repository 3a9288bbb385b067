"""CTCP parsing and replies; the token bucket that paces lines and CTCP answers."""

from __future__ import annotations

import pytest

from backends.irc import ctcp
from backends.irc.ratelimit import TokenBucket


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("\x01ACTION waves\x01", ctcp.Ctcp("ACTION", "waves")),
        ("\x01ACTION waves", ctcp.Ctcp("ACTION", "waves")),  # missing closing delimiter
        ("\x01version\x01", ctcp.Ctcp("VERSION", "")),
        ("\x01PING 12345\x01", ctcp.Ctcp("PING", "12345")),
        ("\x01\x01", None),
        ("\x01", None),
        ("plain text", None),
        ("text \x01ACTION x\x01", None),  # CTCP must start the message
        ("\x01 leading space\x01", None),
        ("\x01ACTION a\x01b\x01", ctcp.Ctcp("ACTION", "ab")),
    ],
)
def test_parse(text: str, parsed: ctcp.Ctcp | None) -> None:
    assert ctcp.parse(text) == parsed


def test_build_round_trip() -> None:
    assert ctcp.build("action", "x\x01y") == "\x01ACTION xy\x01"
    assert ctcp.parse(ctcp.build("PING", "42")) == ctcp.Ctcp("PING", "42")


@pytest.mark.parametrize(
    ("request_", "reply"),
    [
        (ctcp.Ctcp("VERSION"), "\x01VERSION Chinwag\x01"),
        (ctcp.Ctcp("PING", "123"), "\x01PING 123\x01"),
        (ctcp.Ctcp("PING", "9" * 500), "\x01PING " + "9" * 64 + "\x01"),
        (ctcp.Ctcp("TIME"), "\x01TIME now\x01"),
        (ctcp.Ctcp("CLIENTINFO"), "\x01CLIENTINFO ACTION CLIENTINFO PING TIME VERSION\x01"),
        (ctcp.Ctcp("DCC", "SEND x"), None),
        (ctcp.Ctcp("FINGER"), None),
    ],
)
def test_reply_for(request_: ctcp.Ctcp, reply: str | None) -> None:
    assert ctcp.reply_for(request_, version="Chinwag", now_text="now") == reply


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_a_burst_then_paces() -> None:
    clock = Clock()
    bucket = TokenBucket(3, 2.0, clock)
    assert [bucket.try_take() for _ in range(4)] == [True, True, True, False]
    clock.now += 0.5  # one token back at 2 per second
    assert bucket.try_take()
    assert not bucket.try_take()
    clock.now += 100
    assert bucket.tokens == 3  # never more than the capacity


def test_reservations_queue_in_order() -> None:
    clock = Clock()
    bucket = TokenBucket(2, 4.0, clock)
    delays = [bucket.reserve() for _ in range(5)]
    assert delays == [0.0, 0.0, 0.25, 0.5, 0.75]
    clock.now += 1.0
    assert bucket.reserve() == 0.0


@pytest.mark.parametrize(("capacity", "rate"), [(0, 1.0), (1, 0.0), (2, -1.0)])
def test_bucket_rejects_nonsense(capacity: float, rate: float) -> None:
    with pytest.raises(ValueError):
        TokenBucket(capacity, rate)
