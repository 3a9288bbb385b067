"""Room settings: the room's setup, people's roles, the ban list, and closing the room.

What the service says we may change is enabled, the rest is shown for reading (a member sees
how the room is set up; its owner changes it). Three tabs, each reachable by Ctrl+Tab and by its
mnemonic; every answer from the service (done, or why not) is said in the dialog itself.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import events as ev
from app.backend import BanEntry, Outcome, RoomFeature, RoomSettings
from app.models import ConversationId, Member, Role
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.models.member_model import MemberListModel, MemberRole, role_text
from ui.widgets.problem_label import ProblemLabel
from ui.widgets.room_options_form import RoomOptionsForm

_ALL = (
    RoomFeature.NAME
    | RoomFeature.TOPIC
    | RoomFeature.PUBLIC
    | RoomFeature.INVITE_ONLY
    | RoomFeature.KNOCK
    | RoomFeature.PASSWORD
    | RoomFeature.PERSISTENT
    | RoomFeature.MODERATED
    | RoomFeature.ENCRYPTED
)


class RoomSettingsDialog(QDialog):
    """Signals: ``closed(object)``: the room was closed for everyone (its ConversationId)."""

    closed = Signal(object)

    def __init__(
        self,
        bridge: CoreBridge,
        conv: ConversationId,
        title: str,
        members: tuple[Member, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roomSettingsDialog")
        self.setWindowTitle(self.tr("Settings of {room}").format(room=title))
        self.setAccessibleName(self.windowTitle())
        self.bridge = bridge
        self.conv = conv
        self.settings: RoomSettings | None = None
        self.features = _ALL  # narrowed to the service's once known
        self.pending = 0  # commands on their way (tests wait for 0)
        # Which command an answer belongs to: a success clears only a problem said by a command
        # started before it, never the refusal of a newer one (a slow success after a fast
        # refusal used to erase the refusal).
        self._started = 0
        self._answering = 0
        self._problem_from: float = 0
        self.tabs = QTabWidget()
        self.tabs.setObjectName("roomSettingsTabs")
        self.tabs.setAccessibleName(self.tr("Room settings"))

        # General
        general = QWidget()
        self.fields = RoomOptionsForm(creating=False)
        self.fields.changed.connect(self._clear)
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.setObjectName("saveRoomSettings")
        self.save_button.setAccessibleName(self.tr("Save changes"))
        self.save_button.clicked.connect(self.save)
        self.close_room_button = QPushButton(self.tr("C&lose the room for everyone…"))
        self.close_room_button.setObjectName("closeRoomButton")
        self.close_room_button.setAccessibleName(self.tr("Close the room for everyone"))
        self.close_room_button.clicked.connect(self.close_room)
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(self.fields)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.close_room_button)
        general_layout.addLayout(row)
        general_layout.addStretch(1)
        self.tabs.addTab(general, self.tr("&General"))

        # People and roles
        people = QWidget()
        self.members = MemberListModel(self)
        self.members.set_members(members)
        self.member_list = QListView()
        self.member_list.setObjectName("roomSettingsMembers")
        self.member_list.setAccessibleName(self.tr("People in the room"))
        self.member_list.setModel(self.members)
        self.role = QComboBox()
        self.role.setObjectName("roleChoice")
        self.role.setAccessibleName(self.tr("Role to give"))
        self.role_button = QPushButton(self.tr("Gi&ve role"))
        self.role_button.setObjectName("giveRoleButton")
        self.role_button.setAccessibleName(self.tr("Give the chosen role to the selected person"))
        self.role_button.clicked.connect(self.give_role)
        people_label = QLabel(self.tr("&People:"))
        people_label.setBuddy(self.member_list)
        role_label = QLabel(self.tr("&Role:"))
        role_label.setBuddy(self.role)
        role_row = QHBoxLayout()
        role_row.addWidget(role_label)
        role_row.addWidget(self.role, 1)
        role_row.addWidget(self.role_button)
        people_layout = QVBoxLayout(people)
        people_layout.addWidget(people_label)
        people_layout.addWidget(self.member_list, 1)
        people_layout.addLayout(role_row)
        self.tabs.addTab(people, self.tr("Pe&ople and roles"))

        # Bans
        bans = QWidget()
        self.ban_list = QListWidget()
        self.ban_list.setObjectName("banList")
        self.ban_list.setAccessibleName(self.tr("Banned"))
        self.ban_entry = QLineEdit()
        self.ban_entry.setObjectName("banEntry")
        self.ban_entry.setAccessibleName(self.tr("Address or mask to ban"))
        self.ban_entry.setPlaceholderText(self.tr("An address, or a mask such as *!*@spam.example"))
        self.ban_entry.textEdited.connect(self._clear)
        self.ban_entry.returnPressed.connect(self.add_ban)
        self.ban_button = QPushButton(self.tr("&Ban"))
        self.ban_button.setObjectName("addBanButton")
        self.ban_button.setAccessibleName(self.tr("Ban this address or mask"))
        self.ban_button.clicked.connect(self.add_ban)
        self.unban_button = QPushButton(self.tr("Lift the ba&n"))
        self.unban_button.setObjectName("liftBanButton")
        self.unban_button.setAccessibleName(self.tr("Lift the selected ban"))
        self.unban_button.clicked.connect(self.lift_ban)
        bans_label = QLabel(self.tr("Banned from the room:"))
        bans_label.setBuddy(self.ban_list)
        entry_form = QFormLayout()
        entry_label = QLabel(self.tr("&Address or mask:"))
        entry_label.setBuddy(self.ban_entry)
        entry_form.addRow(entry_label, self.ban_entry)
        ban_buttons = QHBoxLayout()
        ban_buttons.addWidget(self.ban_button)
        ban_buttons.addWidget(self.unban_button)
        ban_buttons.addStretch(1)
        bans_layout = QVBoxLayout(bans)
        bans_layout.addWidget(bans_label)
        bans_layout.addWidget(self.ban_list, 1)
        bans_layout.addLayout(entry_form)
        bans_layout.addLayout(ban_buttons)
        self.tabs.addTab(bans, self.tr("&Bans"))

        self.status = QLabel(self.tr("Reading the room's settings…"))
        self.status.setObjectName("roomSettingsStatus")
        self.status.setWordWrap(True)
        self.problem = ProblemLabel("roomSettingsProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, 520)
        self._enable(None)
        bridge.events.connect(self._events)
        self.load()

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        """What rooms of this service have (the fields to show), then this room's settings."""

        def known(done: Result[RoomFeature]) -> None:
            if done.ok and done.value:
                self.features = done.value
            self._run(self.bridge.core.rooms.room_settings(self.conv), self._loaded)

        self._run(self.bridge.core.rooms.room_features(self.conv.account_id), known)

    def _loaded(self, done: Result[RoomSettings]) -> None:
        if not done.ok:
            self.status.setText(self.tr("The settings could not be read."))
            self.problem.say(core_text(done.error) or "")
            return
        settings = done.value
        self.settings = settings
        self.fields.set_features(self.features | settings.editable, settings.editable)
        self.fields.set_options(settings.options)
        self.role.clear()
        for role in settings.roles:
            self.role.addItem(role_text(role), role.value)
        self._enable(settings)
        self.status.setText(
            self.tr("You may change this room's settings.")
            if settings.editable
            else self.tr("Only the room's owners may change its settings.")
        )
        if settings.can_ban:
            self.load_bans()

    def load_bans(self) -> None:
        self._run(self.bridge.core.rooms.ban_list(self.conv), self._bans_loaded)

    def _bans_loaded(self, done: Result[tuple[BanEntry, ...]]) -> None:
        if not done.ok:
            self.problem.say(core_text(done.error) or "")
            return
        self.ban_list.clear()
        for entry in done.value:
            text = entry.mask
            if entry.set_by:
                text += " " + self.tr("(by {who})").format(who=entry.set_by)
            if entry.reason:
                text += f" — {entry.reason}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.mask)
            self.ban_list.addItem(item)
        if not done.value:
            empty = QListWidgetItem(self.tr("Nobody is banned."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.ban_list.addItem(empty)

    def _enable(self, settings: RoomSettings | None) -> None:
        editable = settings is not None and bool(settings.editable)
        self.save_button.setEnabled(editable)
        self.close_room_button.setVisible(settings is not None and settings.can_close)
        can_role = settings is not None and bool(settings.roles)
        self.role.setEnabled(can_role)
        self.role_button.setEnabled(can_role)
        can_ban = settings is not None and settings.can_ban
        bans: tuple[QWidget, ...] = (self.ban_entry, self.ban_button, self.unban_button)
        for widget in (*bans, self.ban_list):
            widget.setEnabled(can_ban)

    # -- actions -----------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        options = self.fields.options()
        self._run(
            self.bridge.core.rooms.configure_room(self.conv, options),
            lambda done: self._outcome(done, self.tr("The room's settings were saved.")),
        )

    @Slot()
    def give_role(self) -> None:
        index = self.member_list.currentIndex()
        member = index.data(MemberRole) if index.isValid() else None
        if not isinstance(member, Member):
            self._say(self.tr("Choose a person in the list first."))
            return
        role = Role(str(self.role.currentData()))
        self._run(
            self.bridge.core.rooms.set_role(self.conv, member.native_id, role),
            lambda done: self._outcome(
                done,
                self.tr("{who} is now {role}.").format(who=member.name, role=role_text(role)),
            ),
        )

    @Slot()
    def add_ban(self) -> None:
        who = self.ban_entry.text().strip()
        if not who:
            self._say(self.tr("Type an address or a mask to ban."))
            return

        def banned(done: Result[Outcome]) -> None:
            if self._outcome(done, self.tr("{who} is banned.").format(who=who)):
                self.ban_entry.clear()
                self.load_bans()

        self._run(self.bridge.core.rooms.ban(self.conv, who), banned)

    @Slot()
    def lift_ban(self) -> None:
        item = self.ban_list.currentItem()
        mask = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not mask:
            self._say(self.tr("Choose a ban in the list first."))
            return

        def lifted(done: Result[Outcome]) -> None:
            if self._outcome(done, self.tr("The ban on {who} was lifted.").format(who=mask)):
                self.load_bans()

        self._run(self.bridge.core.rooms.unban(self.conv, str(mask)), lifted)

    @Slot()
    def close_room(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("closeRoomBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Close the room"))
        box.setText(
            self.tr(
                "Close this room for everyone? Everybody in it is removed, and it cannot be "
                "joined again."
            )
        )
        close = box.addButton(self.tr("Close the &room"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box

        def decided() -> None:
            if box.clickedButton() is close:

                def done_closing(done: Result[Outcome]) -> None:
                    if self._outcome(done, self.tr("The room was closed.")):
                        self.closed.emit(self.conv)
                        self.accept()

                self._run(self.bridge.core.rooms.close_room(self.conv), done_closing)

        box.finished.connect(decided)
        box.open()

    # -- plumbing ----------------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, Any], answered: Callable[[Any], object]) -> None:
        self.pending += 1
        self._started += 1
        ticket = self._started

        def done(result: Result[Any]) -> None:
            self.pending -= 1
            self._answering = ticket
            try:
                answered(result)
            finally:
                self._answering = 0

        self.bridge.call(coro, done)

    def _outcome(self, done: Result[Outcome], success: str) -> bool:
        if not done.ok:
            self._say(core_text(done.error) or self.tr("That did not work."))
            return False
        if done.value.failure is not None:
            self._say(core_text(done.value.failure.message))
            return False
        if self._problem_from <= self._answering:
            self.problem.clear_problem()
        self.status.setText(success)
        return True

    def _say(self, problem: str) -> None:
        # Said outside an answer (a local check): newer than every command started so far.
        said_at = self._answering or self._started + 0.5
        self._problem_from = max(self._problem_from, said_at)
        self.problem.say(problem)

    @Slot()
    def _clear(self) -> None:
        self.problem.clear_problem()

    @Slot(list)
    def _events(self, events: list[ev.Event]) -> None:
        """Roles given here (or by others) show at once, the chosen person kept chosen."""
        for event in events:
            if isinstance(event, ev.MembersChanged) and event.conversation_id == self.conv:
                index = self.member_list.currentIndex()
                chosen = index.data(MemberRole) if index.isValid() else None
                if not event.complete:  # row by row: the chosen row stays chosen
                    self.members.change(event.upserted, event.removed)
                    continue
                self.members.set_members(event.members)
                row = self.members.row_of(chosen.native_id) if isinstance(chosen, Member) else -1
                if row >= 0:
                    self.member_list.setCurrentIndex(self.members.index(row, 0))
