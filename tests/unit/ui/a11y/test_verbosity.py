"""A message's spoken text from the parts a person chose, and times as speech says them."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QLocale

from ui.a11y import verbosity as v
from ui.a11y.verbosity import Verbosity, compose, spoken_time

VALUES = {
    v.SENDER: "Bob",
    v.TEXT: "Lunch?",
    v.TIME: "12 05",
    v.REPLY: "in reply to Alice, free today?",
    v.REACTIONS: "",
    v.DELIVERY: "",
    v.EDITED: "edited",
}


def test_default_order_reads_sender_and_text_first() -> None:
    assert compose(VALUES, Verbosity.default()) == (
        "Bob, Lunch? in reply to Alice, free today? edited. 12 05"
    )
    assert v.TIME not in Verbosity.default(screen_reader_mode=True).parts


def test_chosen_parts_in_the_chosen_order() -> None:
    chosen = Verbosity.from_preference([["time", True], ["text", True], ["sender", False]])
    assert chosen.parts == ("time", "text")
    assert compose(VALUES, chosen) == "12 05. Lunch?"
    # White space inside a part is folded: a body starting with a newline reads cleanly.
    assert compose({v.SENDER: "Bob", v.TEXT: "\n\n  quoted  \n"}, Verbosity.default()) == (
        "Bob, quoted"
    )


def test_bad_preferences_fall_back() -> None:
    assert Verbosity.from_preference("nonsense") == Verbosity.default()
    assert Verbosity.from_preference([["bogus", True], ["text", True], ["text", True]]).parts == (
        "text",
    )
    assert Verbosity.order_of([["time", True]])[0] == "time"
    assert set(Verbosity.order_of(None)) == set(v.ALL_PARTS)


def test_times_are_said_without_colons() -> None:
    moment = datetime(2026, 11, 20, 20, 5, tzinfo=UTC).astimezone()
    local = moment.astimezone()
    assert spoken_time(moment, locale=QLocale(QLocale.Language.German)) == (
        f"{local.hour} {local.minute:02d}"
    )
    twelve = spoken_time(
        moment, locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    assert ":" not in twelve and twelve.split()[-1] in ("AM", "PM")
    assert spoken_time(moment, "Yesterday", QLocale(QLocale.Language.German)).startswith(
        "Yesterday, "
    )
