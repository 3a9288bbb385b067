"""What is said about new messages: merged, in order of importance, never cut, paced."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.models import ConversationId
from ui.a11y import announcer as announcer_module
from ui.a11y.announcer import Announcer, Arrival, Pending, describe, speaking_time
from ui.application import install_translations


@pytest.fixture(autouse=True, scope="module")
def _english_plurals(qapp: QApplication) -> None:
    install_translations(qapp)  # "%n new message(s)" → "5 new messages", as in the app


PY = ConversationId("libera", "#python")
BOB = ConversationId("libera", "bob")
RUST = ConversationId("oftc", "#rust")


def arrival(conv: ConversationId, sender: str, text: str, **kw: object) -> Arrival:
    names = {PY: "#python", BOB: "bob", RUST: "#rust"}
    return Arrival(
        conversation=conv,
        conversation_name=names[conv],
        account_name="Libera" if conv.account_id == "libera" else "OFTC",
        direct=conv is BOB,
        sender=sender,
        text=text,
        **kw,  # type: ignore[arg-type]
    )


def test_one_message_in_the_open_conversation(qapp: QApplication) -> None:
    said = describe([arrival(PY, "bob", "hello there", is_open=True)], many_accounts=False)
    assert said == "bob, hello there."
    assert ":" not in said  # Orca's default punctuation reads colons aloud


def test_a_burst_is_one_count_with_its_senders(qapp: QApplication) -> None:
    burst = [arrival(PY, s, f"line {i}", is_open=True) for i, s in enumerate("abcab")]
    assert describe(burst, False) == "5 new messages in #python, from a and 2 others."
    two = [arrival(PY, "a", "x"), arrival(PY, "b", "y"), arrival(PY, "a", "z")]
    assert describe(two, False) == "3 new messages in #python, from a and b."


def test_direct_messages_and_mentions_first_and_accounts_named(qapp: QApplication) -> None:
    said = describe(
        [
            arrival(PY, "carol", "chatter", is_open=True),
            arrival(RUST, "dan", "ping alice", mention=True),
            arrival(BOB, "bob", "lunch?"),
        ],
        many_accounts=True,
    )
    assert said == (
        "dan mentioned you in #rust on OFTC, ping alice. "
        "Private message from bob on Libera, lunch? "
        "carol, chatter."
    )


def test_a_flood_is_counted_not_kept(qapp: QApplication) -> None:
    pending = Pending()
    for i in range(10_000):
        pending.add(arrival(PY, f"user{i % 7}", f"line {i}"))
    group = next(iter(pending.groups.values()))
    assert group.count == 10_000 and len(group.texts) == 2 and len(group.senders) == 7
    assert pending.sentence(False) == "10000 new messages in #python, from user0 and 6 others."


@pytest.mark.parametrize("split", [1, 2, 3, 500])
def test_a_batch_counted_at_once_says_what_its_arrivals_one_by_one_say(
    qapp: QApplication, split: int
) -> None:
    """``add_many`` (a flood's batch as a count) and ``add`` for each arrival: one sentence."""
    burst = [
        arrival(PY, f"user{i % 5}", f"line {i}", mention=i % 4 == 1, is_open=i >= 700)
        for i in range(1000)
    ]
    one_by_one, at_once = Pending(), Pending()
    for item in burst:
        one_by_one.add(item)
    for start in range(0, len(burst), split):
        part = burst[start : start + split]
        same = [a for a in part if a.is_open == part[0].is_open]
        rest = [a for a in part if a.is_open != part[0].is_open]
        for group in (same, rest):  # one conversation and one state at a time, as it is used
            if group:
                at_once.add_many(
                    group[:2],
                    len(group),
                    sum(a.mention for a in group),
                    (a.sender for a in group),
                )
    assert at_once.sentence(True) == one_by_one.sentence(True)
    assert at_once.sentence(False) == one_by_one.sentence(False)


def test_speaking_time_is_bounded() -> None:
    assert speaking_time("hi") == 1.0
    assert speaking_time("x" * 10_000) == 8.0
    assert 2 < speaking_time("x" * 45) < 4


class FakeSpeech:
    def __init__(self) -> None:
        self.spoken: list[str] = []
        self.times: list[float] = []

    def say(self, text: str) -> None:
        self.spoken.append(text)
        self.times.append(time.monotonic())


@pytest.fixture
def speech() -> FakeSpeech:
    return FakeSpeech()


def test_what_comes_while_speaking_waits_and_is_merged(
    qtbot: QtBot, speech: FakeSpeech, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(announcer_module, "speaking_time", lambda _text: 0.6)
    announcer = Announcer(speech)  # type: ignore[arg-type]
    announcer.collect_seconds = 0.05
    announcer.add([arrival(PY, "bob", "first", is_open=True)])
    qtbot.waitUntil(lambda: len(speech.spoken) == 1, timeout=3000)
    for i in range(4):  # while "first" is being spoken
        announcer.add([arrival(PY, "carol", f"more {i}", is_open=True)])
    qtbot.waitUntil(lambda: len(speech.spoken) == 2, timeout=3000)
    assert speech.spoken == ["bob, first.", "4 new messages in #python, from carol."]
    assert speech.times[1] - speech.times[0] >= 0.55  # not cut: it waited its turn


def test_keyed_sentences_replace_each_other(qtbot: QtBot, speech: FakeSpeech) -> None:
    announcer = Announcer(speech)  # type: ignore[arg-type]
    announcer.paced = False
    for n in (5, 3, 1):
        announcer.say(f"{n} conversations found", key="switcher", delay=0.1)
    announcer.say("Error, wrong password")  # not keyed: said too, with a full stop
    qtbot.waitUntil(lambda: bool(speech.spoken), timeout=3000)
    qtbot.wait(200)
    assert speech.spoken == ["1 conversations found. Error, wrong password."]
