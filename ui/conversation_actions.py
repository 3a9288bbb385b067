"""What the header and the member panel do with the open conversation: show the members,
invite, change the topic, leave, remove or ban someone, its notification level, export it,
verify the other person's devices, and ask for its settings or a search in it.

Kept out of ConversationPane (one concern: the pane lays out the open conversation and keeps
track of it; this acts on it through the core).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from app.backend import Outcome
from app.core import ConversationDetails
from app.models import ConversationId, Member, NotifyLevel, Verification
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.message_actions import Call
from ui.widgets.conversation_header import ConversationHeader
from ui.widgets.member_panel import MemberPanel

if TYPE_CHECKING:
    from ui.dialogs.devices_dialog import DevicesDialog
    from ui.dialogs.poll_dialog import PollDialog


class ConversationActions(QObject):
    """The header's and the member panel's actions, wired to them here.

    Signals (the pane passes them on): ``notice(str, str)``, ``verificationOpened(str,
    object)``, ``settingsRequested(object)``, ``searchRequested(object)``.
    """

    notice = Signal(str, str)
    verificationOpened = Signal(str, object)
    settingsRequested = Signal(object)
    searchRequested = Signal(object)

    def __init__(
        self,
        bridge: CoreBridge,
        header: ConversationHeader,
        members: MemberPanel,
        *,
        conversation: Callable[[], ConversationId | None],
        details: Callable[[], ConversationDetails | None],
        call: Call,
        parent: QWidget,
    ) -> None:
        """``conversation`` / ``details``: the open conversation and its details (None while
        they load); ``parent``: the widget the dialogs open over."""
        super().__init__(parent)
        self.bridge = bridge
        self.core = bridge.core
        self.members = members
        self.header = header
        self._conversation = conversation
        self._details = details
        self._call = call
        self._widget = parent
        self.devices_dialog: DevicesDialog | None = None
        self.poll_dialog: PollDialog | None = None
        header.membersToggled.connect(self.toggle_members)
        header.inviteRequested.connect(self.invite)
        header.topicRequested.connect(self.change_topic)
        header.leaveRequested.connect(self.leave)
        header.notifyChosen.connect(self.set_notify)
        header.exportRequested.connect(self.export)
        header.searchRequested.connect(self.search_here)
        header.verifyRequested.connect(self.verify_contact)
        header.settingsRequested.connect(self.settings)
        header.pollRequested.connect(self.start_poll)
        members.kickRequested.connect(self.kick)
        members.banRequested.connect(self.ban)

    @property
    def conversation(self) -> ConversationId | None:
        return self._conversation()

    @property
    def details(self) -> ConversationDetails | None:
        return self._details()

    @Slot(bool)
    def toggle_members(self, shown: bool) -> None:
        self.members.setVisible(shown)
        if shown:
            self.members.list.setFocus()
            if self.conversation is not None:  # services that load members lazily: all now
                self._call(self.core.rooms.refresh_members(self.conversation))

    @Slot()
    def invite(self) -> None:
        if self.conversation is None:
            return
        who, ok = QInputDialog.getText(
            self._widget, self.tr("Invite"), self.tr("Address of the person to invite:")
        )
        if ok and who.strip():
            self._call(self.core.rooms.invite(self.conversation, who.strip()))

    @Slot()
    def change_topic(self) -> None:
        if self.conversation is None or self.details is None:
            return
        topic, ok = QInputDialog.getText(
            self._widget,
            self.tr("Topic"),
            self.tr("New topic:"),
            text=self.details.conversation.topic,
        )
        if ok:
            self._call(self.core.rooms.set_topic(self.conversation, topic))

    @Slot()
    def start_poll(self) -> None:
        """Ask for a poll (question, answers, kind, choices) and start it here."""
        from ui.dialogs.poll_dialog import PollDialog  # noqa: PLC0415  (not at start)

        conv = self.conversation
        if conv is None:
            return
        dialog = PollDialog(self._widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(functools.partial(self._poll_chosen, conv, dialog))
        dialog.finished.connect(self._poll_closed)
        self.poll_dialog = dialog
        dialog.open()
        dialog.activateWindow()  # a window manager would; and the screen reader follows it

    @Slot()
    def _poll_closed(self) -> None:
        self.poll_dialog = None  # deleted on close

    def _poll_chosen(self, conv: ConversationId, dialog: PollDialog) -> None:
        poll = dialog.poll()
        self._call(
            self.core.polls.start(
                conv,
                poll.question,
                poll.answers,
                disclosed=poll.disclosed,
                max_selections=poll.max_selections,
            )
        )

    @Slot()
    def leave(self) -> None:
        if self.conversation is None:
            return
        answer = QMessageBox.question(
            self._widget, self.tr("Leave"), self.tr("Leave this conversation?")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._call(self.core.rooms.leave(self.conversation))

    @Slot(object)
    def kick(self, member: Member) -> None:
        if self.conversation is None:
            return
        reason, ok = QInputDialog.getText(
            self._widget,
            self.tr("Remove from room"),
            self.tr("Remove {name}? Reason (optional):").format(name=member.name),
        )
        if ok:
            self._call(self.core.rooms.kick(self.conversation, member.native_id, reason))

    @Slot(object)
    def ban(self, member: Member) -> None:
        if self.conversation is None:
            return
        reason, ok = QInputDialog.getText(
            self._widget,
            self.tr("Ban from room"),
            self.tr("Ban {name} (they cannot come back)? Reason (optional):").format(
                name=member.name
            ),
        )
        if ok:
            self._call(self.core.rooms.ban(self.conversation, member.native_id, reason))

    @Slot(str)
    def set_notify(self, level: str) -> None:
        if self.conversation is not None:
            self.bridge.call(
                self.core.conversations.set_notify(self.conversation, NotifyLevel(level)),
                self._notify_answered,
            )

    def _notify_answered(self, done: Result[object]) -> None:
        """A level that could not be saved does not stay checked: the stored one is shown."""
        if done.ok:
            return
        details = self._details()
        if details is not None:
            self.header.show_notify(details.conversation.notify)
        self.notice.emit(core_text(done.error) or self.tr("That did not work."), "error")

    @Slot()
    def export(self) -> None:
        if self.conversation is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self._widget,
            self.tr("Export conversation"),
            "conversation.html",
            self.tr("Web page (*.html);;JSON Lines (*.jsonl)"),
        )
        if path:
            self._call(
                self.core.archive.export_conversation(self.conversation, Path(path)),
                success=self.tr("Conversation exported to {path}.").format(path=path),
            )

    @Slot()
    def verify_contact(self) -> None:
        """Verify the other person of a direct conversation (their devices, then emojis)."""
        from ui.dialogs.devices_dialog import DevicesDialog  # noqa: PLC0415

        conv, details = self.conversation, self.details
        if conv is None or details is None:
            return
        others = [m for m in details.members if m.native_id != details.own_id]
        contact = (
            others[0].contact.native_id
            if others and others[0].contact
            else others[0].native_id
            if others
            else conv.native_id
        )
        dialog = DevicesDialog(
            self.bridge, conv.account_id, contact, self._widget, own=details.own_id
        )
        dialog.verifyRequested.connect(functools.partial(self.start_verification, contact))
        self.devices_dialog = dialog
        dialog.open()

    def start_verification(self, contact: str, device_id: str) -> None:
        conv = self.conversation
        if conv is None:
            return
        account_id = conv.account_id
        self.bridge.call(
            self.core.encryption.start_verification(account_id, contact, device_id),
            lambda done: self._verification_started(done, account_id, contact, device_id),
        )

    def _verification_started(
        self, done: Result[Outcome], account_id: str, contact: str, device_id: str
    ) -> None:
        outcome = done.value if done.ok else None
        if outcome is None or not outcome.ok or not outcome.value:
            message = core_text(done.error) or (
                core_text(outcome.failure.message)
                if outcome is not None and outcome.failure
                else self.tr("Could not verify.")
            )
            self.notice.emit(message, "error")
            return
        self.verificationOpened.emit(account_id, Verification(outcome.value, contact, device_id))

    @Slot()
    def settings(self) -> None:
        if self.conversation is not None:
            self.settingsRequested.emit(self.conversation)

    @Slot()
    def search_here(self) -> None:
        if self.conversation is not None:
            self.searchRequested.emit(self.conversation)
