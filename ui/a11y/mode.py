"""Screen-reader mode: off by default, offered once when a screen reader is found running.

What it changes (docs/accessibility.md):

- the keyboard focus starts in the conversation list, on the open (or most recent) conversation;
- message times are not read with every message, only on request (Ctrl+T on a message): turning
  the mode on takes "time" out of the parts read (:mod:`ui.a11y.verbosity`), which the person
  may put back;
- no animations (menus, combo boxes and tool tips appear at once);
- the window title carries the conversation's name but no unread count: a screen reader reads
  every change of the active window's title, and the count changes with every new message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.a11y.probe import AssistiveTech, AssistiveTechWatch
from ui.a11y.verbosity import MESSAGE_PARTS, TIME, Verbosity
from ui.a11y.widgets import delete_when_closed, name

SCREEN_READER_MODE = "a11y.screen_reader_mode"  # True / False; absent: never asked
EFFECTS = (
    Qt.UIEffect.UI_AnimateMenu,
    Qt.UIEffect.UI_FadeMenu,
    Qt.UIEffect.UI_AnimateCombo,
    Qt.UIEffect.UI_AnimateTooltip,
    Qt.UIEffect.UI_FadeTooltip,
    Qt.UIEffect.UI_AnimateToolBox,
)


class ScreenReaderOffer(QDialog):
    """ "A screen reader is running: turn on screen-reader mode?" — asked once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenReaderOffer")
        title = self.tr("Screen-reader mode")
        self.setWindowTitle(title)
        name(self, title)
        text = QLabel(
            self.tr(
                "A screen reader is running. Chinwag has a mode for it: the keyboard starts in "
                "the conversation list, message times are read only when you ask (Ctrl+T), and "
                "nothing is animated. You can change this later in Settings."
            )
        )
        text.setObjectName("screenReaderOfferText")
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.turn_on = buttons.addButton(
            self.tr("&Turn on screen-reader mode"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.turn_on.setObjectName("screenReaderOn")
        name(self.turn_on, self.tr("Turn on screen-reader mode"))
        self.not_now = buttons.addButton(
            self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.not_now.setObjectName("screenReaderOff")
        name(self.not_now, self.tr("Not now"))
        self.turn_on.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.turn_on.setFocus()


class ScreenReaderMode(QObject):
    """Follows the preference and applies the mode; offers it when a reader shows up.

    Signals: ``changed(bool)``: the mode was turned on or off; ``offer(object)``: ask the person
    (a :class:`ScreenReaderOffer` to be shown by the window, answered through :meth:`answer`).
    """

    changed = Signal(bool)
    offer = Signal(object)

    def __init__(self, set_preference: Any, watch: AssistiveTechWatch, parent: QObject) -> None:
        super().__init__(parent)
        self._set_preference = set_preference
        self.watch = watch
        self.on = False
        self._known: bool | None = None  # the preference; None until the core told us
        self._started = False
        self._offered = False
        self._defaults = {effect: QApplication.isEffectEnabled(effect) for effect in EFFECTS}
        watch.changed.connect(self._tech_changed)

    @Slot(dict)
    def preferences_changed(self, values: dict[str, Any]) -> None:
        raw = values.get(SCREEN_READER_MODE)
        self._known = raw if isinstance(raw, bool) else None
        on = raw is True
        if on != self.on:
            self.on = on
            self.apply()
            self.changed.emit(on)

    def started(self) -> None:
        """The core has published the preferences: offer the mode now if a reader runs."""
        self._started = True
        self.watch.refresh(force=True)
        self._maybe_offer()

    @Slot(object)
    def _tech_changed(self, tech: AssistiveTech) -> None:
        self._maybe_offer()

    def _maybe_offer(self) -> None:
        if (
            self._started
            and not self._offered
            and self._known is None
            and self.watch.current.screen_reader
        ):
            self._offered = True
            dialog = ScreenReaderOffer()
            delete_when_closed(dialog)
            dialog.accepted.connect(lambda: self.answer(True))
            dialog.rejected.connect(lambda: self.answer(False))
            self.offer.emit(dialog)

    def answer(self, on: bool, parts: Any = None) -> None:
        """Turn the mode on or off (the offer's answer, or the setting)."""
        self._set_preference(SCREEN_READER_MODE, on)
        if on:  # times only on request: take "time" out of what is read, keep the rest
            order = Verbosity.order_of(parts)
            read = set(Verbosity.from_preference(parts, screen_reader_mode=True).parts)
            read.discard(TIME)
            self._set_preference(
                MESSAGE_PARTS, Verbosity.to_preference(order, {p: p in read for p in order})
            )

    def apply(self) -> None:
        for effect in EFFECTS:
            QApplication.setEffectEnabled(effect, False if self.on else self._defaults[effect])
