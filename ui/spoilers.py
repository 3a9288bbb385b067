"""Spoilers in the window: hidden (a labelled block in the row, "Spoiler: reason" in every
text made of the message) until the reader reveals them; revealed stays so for that message
while the app runs (Element and Gajim do the same). See :mod:`app.spoilers`."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QPalette

from app.models import Message
from app.spoilers import has_spoiler, hide_spoilers
from ui.core_text import shown_body

SPOILER_URL = "chinwag-spoiler:reveal"
"""The placeholder's link: a click on it reveals the message's spoilers."""
# Our colours, never the sender's: the palette's text and window colours swapped, so the block
# has the text's own contrast in any theme (high contrast too).
_BLOCK = (
    '<a href="{url}"><span style="background-color:{back}; color:{fore}">'
    "&#xa0;{label}&#xa0;</span></a>"
)

_revealed: set[str] = set()  # local ids of messages the reader revealed


def label(reason: str) -> str:
    """What stands in a spoiler's place: "Spoiler", with the sender's reason when given."""
    if reason:
        return QCoreApplication.translate("Spoilers", "Spoiler: {reason}").format(reason=reason)
    return QCoreApplication.translate("Spoilers", "Spoiler")


def is_hidden(msg: Message) -> bool:
    """Whether ``msg`` has spoilers the reader has not revealed."""
    return has_spoiler(msg.html) and not msg.retracted and msg.local_id not in _revealed


def reveal(msg: Message) -> None:
    """Show ``msg``'s spoilers from now on (the views redraw it: see the caller)."""
    _revealed.add(msg.local_id)


def guarded_body(msg: Message) -> str:
    """The body as any text made of the message shows it (previews, notifications, screen
    readers): spoilers stand as their label until revealed."""
    if not is_hidden(msg) or msg.html is None:
        return shown_body(msg.body)
    return hide_spoilers(msg.html, lambda _reason: "", label).text


def shown_html(msg: Message) -> str | None:
    """The HTML the row's document is made from: spoilers as a labelled block (a link that
    reveals them) until revealed."""
    if not is_hidden(msg) or msg.html is None:
        return msg.html
    palette = QGuiApplication.palette()
    back = palette.color(QPalette.ColorRole.WindowText).name()
    fore = palette.color(QPalette.ColorRole.Window).name()

    def block(reason: str) -> str:
        shown = html.escape(label(reason), quote=False)
        return _BLOCK.format(url=SPOILER_URL, back=back, fore=fore, label=shown)

    return hide_spoilers(msg.html, block, label).html
