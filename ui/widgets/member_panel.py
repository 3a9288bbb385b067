"""Members of a group conversation with their roles and presence; kick where allowed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import ConversationId, Member
from ui.a11y.widgets import ListFocus
from ui.avatars import AvatarStore
from ui.models.member_model import MemberListModel, MemberRole
from ui.widgets.face_delegate import Face, FaceDelegate, ModelIndex, show_faces

BURST = 64
"""More changes than this at once (a netsplit rejoining, a bridge syncing) reload the list in
one reset, the selection and the first row in sight kept, rather than move rows one by one."""


def member_face(index: ModelIndex) -> Face | None:
    member = index.data(MemberRole)
    if not isinstance(member, Member):
        return None
    conv = member.conversation_id
    return Face(conv.account_id, member.native_id, member.name, conv.native_id)


class MemberPanel(QWidget):
    """Signals: ``kickRequested(object)`` / ``banRequested(object)``: remove (and keep out) a
    :class:`Member`; ``blockRequested(object)``: block them everywhere on the account."""

    kickRequested = Signal(object)
    banRequested = Signal(object)
    blockRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPanel")
        self.model = MemberListModel(self)
        self.label = QLabel(self.tr("Members"))
        self.list = QListView()
        self.list.setObjectName("memberList")
        self.list.setAccessibleName(self.tr("Members"))
        self.list.setModel(self.model)
        # Every row is a face and a name, one height: without this a reset asked the size of
        # each row (1.2 s for 1,000 members; 32 ms with it). Long names are elided.
        self.list.setUniformItemSizes(True)
        # Not QListView.Batched: a row inserted or removed lays the whole list out again (Qt
        # asks the Python rowCount once per row: 30-40 ms a change at 5,000 members), and in
        # batches that is cheaper, but the view paints nothing until a layout is complete, so
        # under steady joins and parts the list stayed blank (114 of 116 looks, 2026-12-06).
        self.delegate = FaceDelegate(member_face, self.list)
        self.list.setItemDelegate(self.delegate)
        self.list_focus = ListFocus(self.list, lambda: self.model.index(0, 0))
        self.label.setBuddy(self.list)
        self.kick_button = QPushButton(self.tr("&Remove from room"))
        self.kick_button.setObjectName("kickButton")
        self.kick_button.setAccessibleName(self.tr("Remove the selected member from the room"))
        self.kick_button.clicked.connect(self._kick)
        self.ban_button = QPushButton(self.tr("&Ban from room"))
        self.ban_button.setObjectName("banButton")
        self.ban_button.setAccessibleName(self.tr("Ban the selected member from the room"))
        self.ban_button.clicked.connect(self._ban)
        self.block_button = QPushButton(self.tr("Bloc&k…"))
        self.block_button.setObjectName("blockMemberButton")
        self.block_button.setAccessibleName(self.tr("Block the selected member"))
        self.block_button.clicked.connect(self._block)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.kick_button)
        layout.addWidget(self.ban_button)
        layout.addWidget(self.block_button)
        self.set_members((), can_kick=False)

    def set_avatars(self, avatars: AvatarStore) -> None:
        """Members with their faces, names in their colours."""
        show_faces(self.list, self.delegate, avatars)

    def set_members(
        self,
        members: tuple[Member, ...],
        *,
        can_kick: bool,
        can_ban: bool = False,
        can_block: bool = False,
    ) -> None:
        self.model.set_members(members)
        self._show_count_and_buttons(len(members), can_kick, can_ban, can_block)

    def change_members(
        self,
        conv: ConversationId,
        upserted: tuple[Member, ...],
        removed: tuple[str, ...],
        count: int,
        *,
        can_kick: bool,
        can_ban: bool = False,
        can_block: bool = False,
    ) -> bool:
        """Members joined, changed or left (``count``: how many there are after it): only
        their rows change; a burst is one reset keeping the selected member and the first one
        in sight. False if the rows do not match the room (another room was shown, or a
        change was missed: the caller reloads the whole list)."""
        model = self.model
        if model.conversation() not in (None, conv):
            return False
        if len(upserted) + len(removed) <= BURST:
            model.change(upserted, removed)
        else:
            self._reset_in_place(lambda: model.change_in_reset(upserted, removed))
        self._show_count_and_buttons(count, can_kick, can_ban, can_block)
        return model.rowCount() == count

    def _reset_in_place(self, reset: Callable[[], None]) -> None:
        current = self.list.currentIndex()
        chosen = current.data(MemberRole) if current.isValid() else None
        top = self.list.indexAt(self.list.viewport().rect().topLeft())
        first = top.data(MemberRole) if top.isValid() else None
        reset()
        # The selection first: selecting scrolls to the row, the place in sight is put back after.
        if isinstance(chosen, Member):
            row = self.model.row_of(chosen.native_id)
            if row >= 0:
                self.list.selectionModel().setCurrentIndex(
                    self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
        if isinstance(first, Member):
            row = self.model.row_of(first.native_id)
            if row >= 0:
                self.list.scrollTo(
                    self.model.index(row), QAbstractItemView.ScrollHint.PositionAtTop
                )

    def _show_count_and_buttons(
        self, count: int, can_kick: bool, can_ban: bool, can_block: bool
    ) -> None:
        self.label.setText(self.tr("Members (%n)", "", count))
        self.kick_button.setVisible(can_kick)
        self.ban_button.setVisible(can_ban)
        self.block_button.setVisible(can_block)

    def selected(self) -> Member | None:
        index = self.list_focus.current()  # the Remove button has the focus when it asks
        member = index.data(MemberRole) if index.isValid() else None
        return member if isinstance(member, Member) else None

    @Slot()
    def _kick(self) -> None:
        member = self.selected()
        if member is not None:
            self.kickRequested.emit(member)

    @Slot()
    def _block(self) -> None:
        member = self.selected()
        if member is not None:
            self.blockRequested.emit(member)

    @Slot()
    def _ban(self) -> None:
        member = self.selected()
        if member is not None:
            self.banRequested.emit(member)
