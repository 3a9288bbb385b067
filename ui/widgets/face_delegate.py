"""Rows of people drawn with their face and their name in their colour (member and contact lists).

The face comes from the :class:`~ui.avatars.AvatarStore` (the stored picture, or initials on the
person's colour until it is decoded or when there is none); the name keeps its text, so the
colour is never the only cue. Selected rows keep the palette's highlighted text colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.avatars import AvatarStore, untinted_icon

ModelIndex = QModelIndex | QPersistentModelIndex
FACE = 24


@dataclass(frozen=True, slots=True)
class Face:
    """Whose face a row shows: the account, their id there and (a room member) the room."""

    account_id: str
    entity: str
    name: str
    conversation: str = ""


class FaceDelegate(QStyledItemDelegate):
    """``who(index)`` says whose row it is (None: draw the row as it is, an account or group)."""

    def __init__(
        self,
        who: Callable[[ModelIndex], Face | None],
        parent: QWidget | None = None,
        *,
        colour_names: bool = True,
    ) -> None:
        super().__init__(parent)
        self.who = who
        self.colour_names = colour_names
        self.avatars: AvatarStore | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if self.avatars is None:
            return size
        return QSize(size.width(), max(size.height(), FACE + 6))

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        face = self.who(index)
        if face is None or self.avatars is None:
            return
        ratio = option.widget.devicePixelRatioF() if option.widget is not None else 1.0
        pixmap = self.avatars.pixmap(
            face.account_id,
            face.entity,
            face.name,
            FACE,
            conversation=face.conversation,
            ratio=ratio,
        )
        option.icon = untinted_icon(pixmap)
        option.decorationSize = QSize(FACE, FACE)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        if self.colour_names and not option.state & QStyle.StateFlag.State_Selected:
            color = self.avatars.name_color(face.account_id, face.entity, option.palette)
            option.palette.setColor(QPalette.ColorRole.Text, color)


def show_faces(view: QAbstractItemView, delegate: FaceDelegate, avatars: AvatarStore) -> None:
    """Give ``view`` its faces from ``avatars`` and repaint it whenever they change."""
    delegate.avatars = avatars
    view.setIconSize(QSize(FACE, FACE))
    repaint = _Repaint(view)
    avatars.updated.connect(repaint.update)
    view.scheduleDelayedItemsLayout()
    view.viewport().update()


class _Repaint(QObject):
    """A QObject owned by the view, so the connection ends with it (a lambda would outlive it)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    @Slot(str)
    def update(self, _account_id: str) -> None:
        self._view.viewport().update()
