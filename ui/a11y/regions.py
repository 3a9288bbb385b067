"""F6 and Shift+F6: jump between the regions of the window.

The cycle goes sidebar → composer → messages (→ members) → sidebar: pick a conversation, write,
read what came; from the composer one key reaches the messages (Escape does too). Which region one
is in comes from the window's last focused widget, so a key pressed right after a dialog closed
(before the focus has settled) still knows where it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def region_of(regions: Sequence[QWidget], widget: QWidget | None) -> int:
    """The index of the region holding ``widget``, or -1."""
    if widget is None:
        return -1
    for i, region in enumerate(regions):
        if widget is region or region.isAncestorOf(widget):
            return i
    return -1


def cycle(
    regions: Sequence[QWidget],
    focused: QWidget | None,
    delta: int,
    enter: Callable[[QWidget], None] | None = None,
) -> QWidget | None:
    """Move the focus ``delta`` regions on from the one holding ``focused``; returns the target."""
    shown = [r for r in regions if r.isVisible() and r.isEnabled()]
    if not shown:
        return None
    current = region_of(shown, focused)
    if current < 0:
        target = shown[0] if delta > 0 else shown[-1]
    else:
        target = shown[(current + delta) % len(shown)]
    if enter is not None:
        enter(target)
    else:
        target.setFocus(Qt.FocusReason.TabFocusReason)
    return target
