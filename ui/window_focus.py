"""Where the keyboard goes on the main window's chat page: the F6 regions and the Tab order.

Apart from :class:`~ui.main_window.MainWindow`, which builds the widgets and hands them in;
the window keeps ``regions()``, ``tab_order()`` and ``cycle_region()`` and asks here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from ui.a11y import regions
from ui.a11y.widgets import tab_target
from ui.conversation_pane import ConversationPane
from ui.widgets.contact_list import ContactList
from ui.widgets.notice_bar import NoticeBar
from ui.widgets.requests_panel import RequestsPanel
from ui.widgets.sidebar import Sidebar
from ui.widgets.view_switcher import ViewSwitcher


class WindowFocus:
    """The chat page's regions (F6) and reading order (Tab), from its widgets."""

    def __init__(
        self,
        *,
        notices: NoticeBar,
        requests: RequestsPanel,
        sidebar: Sidebar,
        contact_list: ContactList,
        left_tabs: ViewSwitcher,
        pane: ConversationPane,
    ) -> None:
        self.notices = notices
        self.requests = requests
        self.sidebar = sidebar
        self.contact_list = contact_list
        self.left_tabs = left_tabs
        self.pane = pane

    def regions(self) -> list[QWidget]:
        """The F6 cycle (see ui/a11y/regions.py): the sidebar (or the contact list when its tab
        is shown), composer, messages, members."""
        found: list[QWidget] = [
            self.contact_list.tree if self.left_tabs.currentIndex() == 1 else self.sidebar.tree,
            self.pane.composer_area.composer,
            self.pane.view,
        ]
        if self.pane.members.isVisible():
            found.append(self.pane.members.list)
        if self.requests.isVisible():
            found.insert(0, self.requests)
        return found

    def tab_order(self) -> list[QWidget]:
        """Tab and Shift+Tab on the chat page, in reading order, round and round."""
        return [
            self.notices.action,
            self.notices.dismiss,
            *self.requests.findChildren(QPushButton),
            self.sidebar.filter,
            self.sidebar.tree,
            self.contact_list.filter,
            self.contact_list.tree,
            self.contact_list.add_button,
            *self.pane.tab_order(),
        ]

    def next_target(self, focused: QWidget | None, forward: bool) -> QWidget | None:
        """What Tab (``forward``) or Shift+Tab moves to from ``focused`` (None: Qt decides)."""
        return tab_target(self.tab_order(), focused, forward)

    def cycle(self, focused: QWidget | None, delta: int) -> None:
        """F6 (``delta`` 1) and Shift+F6 (-1): the focus moves to the next region."""
        regions.cycle(self.regions(), focused, delta, self._enter_region)

    def _enter_region(self, target: QWidget) -> None:
        if target is self.requests:
            buttons = target.findChildren(QWidget)
            focusable = [
                b for b in buttons if b.focusPolicy() != Qt.FocusPolicy.NoFocus and b.isVisible()
            ]
            (focusable[0] if focusable else target).setFocus(Qt.FocusReason.TabFocusReason)
        else:
            target.setFocus(Qt.FocusReason.TabFocusReason)
