"""A room moderator removes someone else's message for everyone, with an optional reason.

Kept apart from :class:`~ui.message_actions.MessageActions`, which adds the entry to a message's
menu. The removal becomes a core command (``core.messaging.moderate``); the message changes
when the room announces the removal, and a refusal comes back as a notice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from app.backend import Capability
from app.core import Core
from app.models import Message

Call = Callable[..., None]


class ModerationActions(QObject):
    """Removing others' messages in the rooms we moderate."""

    def __init__(self, core: Core, call: Call, parent: QWidget) -> None:
        super().__init__(parent)
        self.core = core
        self._call = call
        self._widget = parent
        self.dialog: QInputDialog | None = None  # the open "why?" question, if any
        self._target: Message | None = None

    @staticmethod
    def allowed(msg: Message, caps: Capability) -> bool:
        """Someone else's message the service has confirmed, in a room we moderate."""
        return (
            bool(caps & Capability.MODERATION)
            and msg.remote_id is not None
            and not msg.retracted
            and not msg.outgoing
        )

    def add_to_menu(self, menu: QMenu, msg: Message, caps: Capability) -> None:
        if self.allowed(msg, caps):
            action = menu.addAction(self.tr("Re&move as moderator…"), lambda: self.remove(msg))
            action.setData("moderate")

    def remove(self, msg: Message) -> None:
        """Ask for a reason (optional, shown to everyone), then remove ``msg``."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = QInputDialog(self._widget)
        dialog.setObjectName("moderateDialog")
        dialog.setWindowTitle(self.tr("Remove message"))
        dialog.setLabelText(
            self.tr("Remove this message for everyone in the room? Reason (optional, public):")
        )
        dialog.setAccessibleName(self.tr("Remove message"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("Remove"))
        dialog.textValueSelected.connect(self._confirmed)
        dialog.finished.connect(self._closed)
        self._target, self.dialog = msg, dialog
        dialog.open()

    @Slot(str)
    def _confirmed(self, reason: str) -> None:
        if self._target is not None:
            self._call(self.core.messaging.moderate(self._target.id, reason.strip()))

    @Slot(int)
    def _closed(self, _result: int) -> None:
        # QInputDialog says "finished" before the text chosen: the target stays for that
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
