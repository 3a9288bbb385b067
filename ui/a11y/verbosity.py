"""Which parts of a message a screen reader reads, in which order — chosen by the person.

A message item's accessible name is built from *parts* (sender, text, time, reply context,
reactions, attachments, delivery state, edited, encryption warning). The preference
``a11y.message_parts`` holds every part in the chosen order with whether it is read; the message
list and the preview in the settings both go through :func:`compose`.

Spoken text uses only commas and full stops between parts: Orca's default punctuation level
("most") reads a colon, a dash or a parenthesis aloud ("bob colon hello"), and times are said as
"8 55" for the same reason (never "08:55", which became "zero eight colon fifty-five").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

MESSAGE_PARTS = "a11y.message_parts"
SENDER, TEXT, TIME, REPLY, REACTIONS, ATTACHMENTS, DELIVERY, EDITED, SECURITY = (
    "sender",
    "text",
    "time",
    "reply",
    "reactions",
    "attachments",
    "delivery",
    "edited",
    "security",
)
ALL_PARTS = (SENDER, TEXT, REPLY, ATTACHMENTS, REACTIONS, EDITED, DELIVERY, SECURITY, TIME)


def part_label(part: str) -> str:
    """The part's name in the settings."""
    return {
        SENDER: QCoreApplication.translate("Verbosity", "Sender"),
        TEXT: QCoreApplication.translate("Verbosity", "Text"),
        TIME: QCoreApplication.translate("Verbosity", "Time"),
        REPLY: QCoreApplication.translate("Verbosity", "Message replied to"),
        REACTIONS: QCoreApplication.translate("Verbosity", "Reactions"),
        ATTACHMENTS: QCoreApplication.translate("Verbosity", "Attachments"),
        DELIVERY: QCoreApplication.translate("Verbosity", "Delivery state"),
        EDITED: QCoreApplication.translate("Verbosity", "Edited"),
        SECURITY: QCoreApplication.translate("Verbosity", "Encryption"),
    }[part]


@dataclass(frozen=True, slots=True)
class Verbosity:
    """The parts read, in order (parts not listed are not read)."""

    parts: tuple[str, ...] = ALL_PARTS

    @classmethod
    def default(cls, screen_reader_mode: bool = False) -> Verbosity:
        """Everything; in screen-reader mode the time only on request."""
        return cls(tuple(p for p in ALL_PARTS if not (screen_reader_mode and p == TIME)))

    @classmethod
    def from_preference(cls, value: Any, screen_reader_mode: bool = False) -> Verbosity:
        """Read ``[[part, read], …]`` (every part in order); anything malformed → defaults."""
        if not isinstance(value, list):
            return cls.default(screen_reader_mode)
        chosen = []
        for entry in value:
            if (
                isinstance(entry, (list, tuple))
                and len(entry) == 2
                and entry[0] in ALL_PARTS
                and entry[0] not in chosen
                and entry[1]
            ):
                chosen.append(entry[0])
        return cls(tuple(chosen))

    @staticmethod
    def to_preference(order: Sequence[str], read: Mapping[str, bool]) -> list[list[Any]]:
        return [[part, bool(read.get(part))] for part in order]

    @staticmethod
    def order_of(value: Any) -> list[str]:
        """Every part, in the order the preference lists them (new parts at the end)."""
        order = []
        if isinstance(value, list):
            for entry in value:
                if (
                    isinstance(entry, (list, tuple))
                    and entry
                    and entry[0] in ALL_PARTS
                    and entry[0] not in order
                ):
                    order.append(entry[0])
        return order + [p for p in ALL_PARTS if p not in order]


def spoken_time(moment: datetime, day: str = "", locale: QLocale | None = None) -> str:
    """A time as speech says it well: "8 55", "8 55 PM", with the day when it is not today."""
    local = moment.astimezone()
    locale = locale or QLocale()
    twelve = "ap" in locale.timeFormat(QLocale.FormatType.ShortFormat).lower()
    hour = local.hour % 12 or 12 if twelve else local.hour
    text = f"{hour} {local.minute:02d}"
    if twelve:
        text += " " + (locale.pmText() if local.hour >= 12 else locale.amText())
    return f"{day}, {text}" if day else text


def compose(values: Mapping[str, str], verbosity: Verbosity) -> str:
    """The spoken text: the chosen parts that have something to say, in the chosen order.

    Sender and text read as one phrase ("bob, hello"); other parts follow as sentences."""
    out = ""
    previous = ""
    for part in verbosity.parts:
        value = " ".join(values.get(part, "").split())
        if not value:
            continue
        if not out:
            out = value
        elif previous == SENDER and part == TEXT:
            out += ", " + value
        else:
            out += ("" if out[-1] in ".!?…" else ".") + " " + value
        previous = part
    return out
