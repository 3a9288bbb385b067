"""The activity inbox for the main window: the model, kept fed by the core's events, and the
dialog (Ctrl+I) whose choices the window carries out.

Signals:
    openConversation(object, object): show a conversation (ConversationId) at a message or None.
    requestsWanted(): show the invitations and requests waiting for an answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from ui.avatars import AvatarStore
from ui.bridge import CoreBridge
from ui.models.activity_model import ActivityModel
from ui.models.sidebar_model import SidebarModel

if TYPE_CHECKING:
    from ui.dialogs.activity_dialog import ActivityDialog


class ActivityActions(QObject):
    openConversation = Signal(object, object)
    requestsWanted = Signal()

    def __init__(
        self,
        bridge: CoreBridge,
        sidebar_model: SidebarModel,
        avatars: AvatarStore | None,
        window: QWidget,
        present: Callable[[QDialog], None] | None = None,
    ) -> None:
        """``present``: how the window opens a dialog (window-modal, the focus back to it
        when it closes); plain ``open()`` without one."""
        super().__init__(window)
        self._present = present
        self._bridge = bridge
        self._avatars = avatars
        self._window = window
        self.model = ActivityModel(bridge, sidebar_model, self)
        bridge.events.connect(self.model.handle_events)
        self.dialog: ActivityDialog | None = None

    @Slot()
    def show(self) -> ActivityDialog:
        """Open the inbox (or bring it forward when it is open)."""
        from ui.dialogs.activity_dialog import ActivityDialog  # noqa: PLC0415

        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ActivityDialog(self._bridge, self.model, self._avatars, self._window)
        dialog.openRequested.connect(self.openConversation)
        dialog.requestsRequested.connect(self.requestsWanted)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        if self._present is not None:
            self._present(dialog)
        else:
            dialog.open()
        dialog.activateWindow()
        dialog.focus_list()
        return dialog

    @Slot()
    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
