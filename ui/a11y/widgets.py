"""The patterns every widget follows so a screen reader user can rely on it (docs/accessibility.md).

- :func:`name`: an accessible name (short: what it is) and, only when it helps, a description;
- :func:`tab_chain`: the Tab order of a region, in reading order, set in one place;
- :func:`name_clear_button`: a line edit's built-in clear button gets a name too;
- :class:`ListFocus`: a list or tree that a screen reader hears correctly — entering it speaks
  the item one is on (that item is selected), and only the focused view has a "focused" item;
- :func:`delete_when_closed`: a dialog leaves the accessibility tree when it closes;
- :func:`announce_on_tab`: a line edit reached by Tab is named by the screen reader.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit, QToolButton, QWidget


def name(widget: QWidget, text: str, description: str = "") -> QWidget:
    """Name ``widget`` for screen readers. Keep descriptions rare and short: Orca reads them every
    time the widget gets the focus."""
    widget.setAccessibleName(text)
    widget.setAccessibleDescription(description)
    return widget


def tab_chain(widgets: Sequence[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (hidden or disabled ones are skipped by Qt)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def tab_target(order: Sequence[QWidget], focused: QWidget | None, forward: bool) -> QWidget | None:
    """Where Tab (or Shift+Tab) goes from ``focused`` in the cyclic ``order``: the next widget
    that is shown, enabled and takes the focus by Tab; None when ``focused`` is not in it.

    A window overrides ``focusNextPrevChild`` with this: Qt's own focus chain is one cycle
    through every widget ever created, where a widget inserted with setTabOrder drags its
    neighbours along, and the composer area looped back on itself."""
    index = next(
        (
            i
            for i, widget in enumerate(order)
            if focused is not None and (focused is widget or widget.isAncestorOf(focused))
        ),
        -1,
    )
    if index < 0:
        return None
    step = 1 if forward else -1
    for offset in range(1, len(order) + 1):
        widget = order[(index + step * offset) % len(order)]
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
    return None


def name_clear_button(edit: QLineEdit, text: str = "") -> None:
    """The clear button Qt adds to a line edit has no name of its own: give it one."""
    label = text or QCoreApplication.translate("Accessibility", "Clear {field}").format(
        field=edit.accessibleName() or edit.placeholderText()
    )
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(label)


class _QuietTabFocus(QObject):
    """See :func:`announce_on_tab`."""

    REASONS = (
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() in self.REASONS
        ):
            watched.focusInEvent(QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason))
            return True
        return False


_quiet_tab = _QuietTabFocus()


def announce_on_tab(*edits: QLineEdit) -> None:
    """Make Tab into these line edits heard as "Name, text".

    A QLineEdit reached by Tab selects its text first, which sends "caret moved" and
    "selection changed" before "focused"; Orca 43 then takes the caret event for the focus
    change and never says the field's name and role. Without the select-all, only the focus
    event goes out. (Tab no longer selects the field's text; typing still replaces nothing.)"""
    for edit in edits:
        edit.installEventFilter(_quiet_tab)


def delete_when_closed(dialog: QDialog) -> None:
    """A closed dialog must not stay in the accessibility tree (nor in memory)."""
    dialog.finished.connect(dialog.deleteLater)


class ListFocus(QObject):
    """Makes a list or tree speak well (installed on the view as an event filter).

    - On entering, the current item is made current *and selected* (the one remembered, or the
      one ``fallback`` picks): Orca speaks a focused list's selected item, not only "list with N
      items".
    - On leaving (except for a popup menu opened from it), the current index is remembered and
      cleared: Qt reports every view's current item as "focused", so otherwise a dialog's list,
      the sidebar and the message list all claimed the focus at once.

    ``tree=True`` (a QTreeView): Qt 6 reports a tree's selected item to AT-SPI by its row
    *within its parent*, so Orca, entering a tree that has a selection, read the item that many
    rows from the top (the wrong one). A tree therefore keeps no selection while it is not
    focused (the delegate marks the chosen item) and selects its item only after it has
    announced itself as focused.
    """

    def __init__(
        self, view: QAbstractItemView, fallback: object = None, *, tree: bool = False
    ) -> None:
        super().__init__(view)
        self.view = view
        self.fallback = fallback  # callable returning a QModelIndex, or None
        self.tree = tree
        self.remembered = QPersistentModelIndex()
        self._pending = False  # a tree's entry waits for its own focus event
        # Tells Qt a current index was chosen: its focus-in then no longer makes the top row
        # current by itself (we pick the item, see enter()).
        view.setCurrentIndex(QModelIndex())
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while the view is torn down, Qt may still filter its events after Python
        # has let go of this object's attributes (a logged AttributeError otherwise).
        if watched is getattr(self, "view", None):
            if self._pending and event.type() in (
                QEvent.Type.KeyPress,
                QEvent.Type.MouseButtonPress,
            ):
                self.enter()  # a key pressed at once moves on from the remembered item
            if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
                self._entered()
            elif (
                event.type() == QEvent.Type.FocusOut
                and isinstance(event, QFocusEvent)
                and event.reason() != Qt.FocusReason.PopupFocusReason
            ):
                self._left()
        return False

    def current(self) -> QModelIndex:
        """The item one is on, even while the view is not focused."""
        index = self.view.currentIndex()
        if index.isValid():
            return index
        return _index(self.remembered)

    def _entered(self) -> None:
        if self.tree:  # after the view's own focus event (see the class)
            self._pending = True
            QTimer.singleShot(0, self, self._deferred_enter)
        else:
            self.enter()

    @Slot()
    def _deferred_enter(self) -> None:
        if self._pending:
            self.enter()

    def enter(self) -> None:
        """Make the remembered (or fallback) item current and selected; call it right after
        giving the view the focus when the item must be current at once."""
        self._pending = False
        if not self.view.hasFocus():
            return
        # Rows inserted or moved meanwhile are laid out later; Qt numbers the item it reports
        # focused from that layout: lay them out first.
        self.view.executeDelayedItemsLayout()
        index = self.view.currentIndex()
        if not index.isValid():
            index = _index(self.remembered)
        if not index.isValid() and callable(self.fallback):
            index = self.fallback()
        if index.isValid():
            selection = self.view.selectionModel()
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select(self, index: QModelIndex) -> None:
        """Make ``index`` the item one is on: current if the view has the focus, else selected
        and remembered for when the focus comes back."""
        selection = self.view.selectionModel()
        if self.view.hasFocus():
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            self.remembered = QPersistentModelIndex(index)
            if self.tree:
                selection.clearSelection()
            else:
                selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    @Slot()
    def _left(self) -> None:
        self._pending = False
        current = self.view.currentIndex()
        if current.isValid():
            self.remembered = QPersistentModelIndex(current)
        if self.tree:
            self.view.setCurrentIndex(QModelIndex())  # and no selection either
        elif current.isValid():
            self.view.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
            )


def _index(persistent: QPersistentModelIndex) -> QModelIndex:
    """The plain index a persistent one stands for now (invalid if its row went away)."""
    model = persistent.model()
    if not persistent.isValid() or model is None:
        return QModelIndex()
    return model.index(persistent.row(), persistent.column(), persistent.parent())
