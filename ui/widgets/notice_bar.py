"""A dismissable strip at the top of the window for things a person must read (plugin problems,
keyring errors, failed commands). Text, not colour, carries the meaning; each new notice is also
said by the screen reader (the window connects ``shown``)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    """Signals: ``shown(str)``: a new notice, in words to be spoken."""

    shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Notice"))
        self._notices: list[str] = []
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Notice text"))
        self.dismiss = QPushButton(self.tr("&Dismiss"))
        self.dismiss.setObjectName("noticeDismiss")
        self.dismiss.setAccessibleName(self.tr("Dismiss notice"))
        self.dismiss.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss)
        self.hide()

    @property
    def notices(self) -> list[str]:
        return list(self._notices)

    def show_notice(self, text: str, level: str = "info") -> None:
        prefix = {"error": self.tr("Error: "), "warning": self.tr("Warning: ")}.get(level, "")
        self._notices.append(prefix + text)
        self._refresh()
        spoken = {"error": self.tr("Error, {text}"), "warning": self.tr("Warning, {text}")}
        self.shown.emit(spoken.get(level, "{text}").format(text=text))

    @Slot()
    def _dismiss(self) -> None:
        if self._notices:
            self._notices.pop(0)
        self._refresh()

    def _refresh(self) -> None:
        if not self._notices:
            self.hide()
            return
        more = len(self._notices) - 1
        text = self._notices[0]
        if more:
            text += "  " + self.tr("(%n more)", "", more)
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.show()
