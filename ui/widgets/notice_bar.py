"""A dismissable strip at the top of the window for things a person must read (plugin problems,
keyring errors, failed commands). Text, not colour, carries the meaning; each new notice is also
said by the screen reader (the window connects ``shown``).

A notice may offer what to do about it (the core's ``Notice.action``, e.g. "Try again now" when an
account's store could not save): a button beside the text, for the notice shown first, named for
what it does and the notice it answers. Pressing it takes the notice away and asks the window to
carry it out (``actionRequested``), as the requests panel's answer buttons do."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app import events as ev


@dataclass(frozen=True, slots=True)
class NoticeAction:
    """What a notice offers to do: ``kind`` (one of app.events' ``NOTICE_*``), for an account."""

    kind: str
    account_id: str | None = None


@dataclass(frozen=True, slots=True)
class _Shown:
    text: str
    action: NoticeAction | None


class NoticeBar(QFrame):
    """Signals: ``shown(str)``: a new notice, in words to be spoken; ``actionRequested(object)``:
    the person chose a notice's :class:`NoticeAction`."""

    shown = Signal(str)
    actionRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Notice"))
        self._notices: list[_Shown] = []
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Notice text"))
        # One label per kind of action the core may offer (app.events NOTICE_*).
        self._action_texts = {ev.NOTICE_RETRY_SAVING: self.tr("Try again now")}
        self.action = QPushButton(self._action_texts[ev.NOTICE_RETRY_SAVING])
        self.action.setObjectName("noticeAction")
        self.action.clicked.connect(self._act)
        self.action.hide()
        self.dismiss = QPushButton(self.tr("&Dismiss"))
        self.dismiss.setObjectName("noticeDismiss")
        self.dismiss.setAccessibleName(self.tr("Dismiss notice"))
        self.dismiss.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.dismiss)
        self.hide()

    @property
    def notices(self) -> list[str]:
        return [shown.text for shown in self._notices]

    def show_notice(
        self, text: str, level: str = "info", action: NoticeAction | None = None
    ) -> None:
        """``action``: offered beside the text while this notice is the one shown (an action of
        a kind this bar has no words for is left out)."""
        prefix = {"error": self.tr("Error: "), "warning": self.tr("Warning: ")}.get(level, "")
        if action is not None and action.kind not in self._action_texts:
            action = None
        self._notices.append(_Shown(prefix + text, action))
        self._refresh()
        spoken = {"error": self.tr("Error, {text}"), "warning": self.tr("Warning, {text}")}
        self.shown.emit(spoken.get(level, "{text}").format(text=text))

    @Slot()
    def _act(self) -> None:
        if not self._notices or self._notices[0].action is None:
            return
        action = self._notices.pop(0).action
        focused = self.action.hasFocus()
        self._refresh()
        if focused and self.isVisible() and not self.action.isVisible():
            self.dismiss.setFocus()  # the keyboard stays in the bar, on the next notice
        self.actionRequested.emit(action)

    @Slot()
    def _dismiss(self) -> None:
        if self._notices:
            self._notices.pop(0)
        self._refresh()

    def _refresh(self) -> None:
        if not self._notices:
            self.action.hide()
            self.hide()
            return
        first = self._notices[0]
        more = len(self._notices) - 1
        text = first.text
        if more:
            text += "  " + self.tr("(%n more)", "", more)
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        if first.action is not None:
            self.action.setText(self._action_texts[first.action.kind])
            self.action.setAccessibleName(
                self.tr("{action}: {notice}").format(
                    action=self._action_texts[first.action.kind],
                    notice=first.text,
                )
            )
        self.action.setVisible(first.action is not None)
        self.show()
