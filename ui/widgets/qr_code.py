"""A QR code drawn from text (a device's ``xmpp:`` verification URI), for a phone to scan.

segno (pure Python) computes the modules; they are painted black on white whatever the theme
(scanners need the contrast), with the standard quiet zone of four modules, scaled to whole
pixels so every module has the same size. The widget is only a picture: what it encodes is also
shown as text beside it, and its accessible description says so.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)


class QrCode(QWidget):
    """Shows one QR code; :meth:`set_text` changes it, an empty text shows nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._modules: tuple[tuple[bool, ...], ...] = ()
        self.text = ""
        self.setMinimumSize(QSize(164, 164))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_text(self, text: str) -> None:
        self.text = text
        if text:
            import segno  # noqa: PLC0415  (on first use: 0.4 MB the window need not carry)

            code = segno.make(text, error="m", micro=False)
            self._modules = tuple(tuple(bool(m) for m in row) for row in code.matrix)
        else:
            self._modules = ()
        self.update()

    @property
    def modules(self) -> tuple[tuple[bool, ...], ...]:
        """The code's dark (True) and light modules, row by row, without the quiet zone."""
        return self._modules

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._modules:
            return
        count = len(self._modules) + 2 * QUIET_ZONE
        side = min(self.width(), self.height())
        scale = max(1, side // count)
        size = scale * count
        left = (self.width() - size) // 2
        top = (self.height() - size) // 2
        painter = QPainter(self)
        painter.fillRect(QRect(left, top, size, size), QColor(Qt.GlobalColor.white))
        dark = QColor(Qt.GlobalColor.black)
        for y, row in enumerate(self._modules):
            for x, on in enumerate(row):
                if on:
                    painter.fillRect(
                        left + (x + QUIET_ZONE) * scale,
                        top + (y + QUIET_ZONE) * scale,
                        scale,
                        scale,
                        dark,
                    )
        painter.end()
