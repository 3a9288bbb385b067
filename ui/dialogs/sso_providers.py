"""The "Sign in with …" buttons a server's identity providers give the account dialog.

Kept apart from the dialog so the dialog holds the flow and this holds the widgets: one button
per provider under a heading that says whether a password works too, each named for a screen
reader and saying that the browser opens.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.backend import SignInMethods


class SsoProviders(QWidget):
    """Signals: ``chosen(str)`` with the provider id of the button pressed."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ssoProviders")
        self.setAccessibleName(self.tr("Sign in through a web page"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_for(self, found: SignInMethods) -> None:
        """One button per identity provider ``found`` offers; hidden when there is none."""
        self.clear()
        if not found.providers:
            return
        heading = QLabel(
            self.tr("Sign in through your organisation's page:")
            if found.password
            else self.tr("This server signs you in through a web page:")
        )
        heading.setWordWrap(True)
        self._layout.addWidget(heading)
        for provider in found.providers:
            text = self.tr("Sign in with {name}").format(name=provider.name)
            button = QPushButton(text)
            button.setObjectName(f"sso_{provider.id}")
            button.setAccessibleName(text)
            button.setAccessibleDescription(
                self.tr("Opens your web browser; come back here when you are signed in.")
            )
            button.setProperty("provider", provider.id)
            button.clicked.connect(self._clicked)
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.show()

    def clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        self.hide()

    @Slot()
    def _clicked(self) -> None:
        button = self.sender()
        self.chosen.emit(str(button.property("provider")) if button is not None else "")
