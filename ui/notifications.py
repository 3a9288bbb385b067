"""Telling the user about new messages: desktop notifications (by the conversation's "notify me"
level: all / mentions / none), the tray icon with the unread count, and what the screen reader
says (by its own read-aloud levels, ui/a11y/levels.py; merged and paced by ui/a11y/announcer.py).

Desktop notifications go over D-Bus (ui/desktop_notifier.py) from a worker thread, so a slow or
missing notification daemon can never stall the window; a click on one opens its conversation
(so does a click on the tray's balloon message, where there is no notification service).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QPolygon,
)
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from app import events as ev
from app.models import Conversation, ConversationId, ConversationKind, Message, NotifyLevel
from ui.a11y import levels
from ui.a11y.announcer import Announcer, Arrival
from ui.desktop_notifier import FreedesktopNotifier, Notifier
from ui.models.message_model import MessageListModel
from ui.models.sidebar_model import SidebarModel
from ui.preferences import NOTIFICATIONS, Preferences
from ui.spoilers import guarded_body

_log = logging.getLogger(__name__)


def unread_label(count: int) -> str:
    """The text written on the tray icon: the count, capped so it stays legible."""
    if count <= 0:
        return ""
    return str(count) if count < 1000 else "999+"


def unread_icon(count: int, palette: QPalette) -> QIcon:
    """The app icon with the unread count written on it (text, not just a dot)."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRect(4, 8, 56, 44), 12, 12)
    painter.drawPolygon(QPolygon([QPoint(14, 48), QPoint(30, 48), QPoint(14, 62)]))
    label = unread_label(count)
    if label:
        painter.setPen(QColor(palette.color(QPalette.ColorRole.HighlightedText)))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(26 if len(label) < 3 else 18)
        painter.setFont(font)
        painter.drawText(QRect(4, 8, 56, 44), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return QIcon(pixmap)


class TrayStatus(QObject):
    """What the tray icon shows (the unread count on the icon and in the tooltip), kept current
    whether or not the desktop has a system tray, so it can be checked without one.

    Signals: ``changed()``: the count (and so the icon and tooltip) changed.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.tooltip = self.tr("Chinwag")
        self.label = ""
        self._palette_key: int | None = None
        self._icon: QIcon | None = None

    def set_count(self, count: int) -> bool:
        """Follow the total unread count; True if anything shown changed."""
        if count == self.count:
            return False
        self.count = count
        self.label = unread_label(count)
        self.tooltip = self.tr("Chinwag — %n unread", "", count) if count else self.tr("Chinwag")
        self._icon = None
        self.changed.emit()
        return True

    def icon(self, palette: QPalette) -> QIcon:
        """The icon for the count, drawn in the palette's highlight colours (cached)."""
        key = palette.cacheKey()
        if self._icon is None or key != self._palette_key:
            self._icon = unread_icon(self.count, palette)
            self._palette_key = key
        return self._icon


class NotificationCenter(QObject):
    """Decides what deserves a notification and an announcement, and keeps the tray current.

    Signals: ``activated()``: the user clicked the tray icon (show the window).
    ``openRequested(ConversationId)``: the user clicked a notification about that conversation.
    """

    activated = Signal()
    openRequested = Signal(object)

    def __init__(
        self,
        window: QWidget,
        sidebar: SidebarModel,
        preferences: Preferences,
        notifier: Notifier | None,
        announcer: Announcer,
        *,
        system_tray: bool | None = None,
    ) -> None:
        """``system_tray``: whether the desktop shows tray icons (``None``: ask Qt)."""
        super().__init__(window)
        self.window = window
        self.sidebar = sidebar
        self.preferences = preferences
        self.notifier = notifier
        self.announcer = announcer
        self.open_conversation: object = None
        self.tray_status = TrayStatus(self)
        self.tray: QSystemTrayIcon | None = None
        if system_tray is None:
            system_tray = QSystemTrayIcon.isSystemTrayAvailable()
        if system_tray:
            self.tray = QSystemTrayIcon(self.tray_status.icon(QApplication.palette()), self)
            self.tray.setToolTip(self.tray_status.tooltip)
            self.tray.activated.connect(self._tray_activated)
            self.tray.messageClicked.connect(self._balloon_clicked)
            self.tray.show()
        if isinstance(notifier, FreedesktopNotifier):
            notifier.clicked.connect(self._notification_clicked)
        self._balloon_target: object = None  # what the tray's last balloon message was about
        self.sent: list[tuple[str, str]] = []  # what was notified (tests, debugging)

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.MessagesAdded) and event.live:
                self._messages(event)
        # After every batch: unread counts also drop when conversations or accounts go away.
        self._update_tray()

    def _messages(self, event: ev.MessagesAdded) -> None:
        conv = self.sidebar.conversation(event.conversation_id)
        if conv is None:
            return
        incoming = [m for m in event.messages if not m.outgoing]
        if not incoming:
            return
        focused = self.window.isActiveWindow()
        is_open = event.conversation_id == self.open_conversation
        self._announce(conv, incoming, is_open and focused)
        if is_open and focused:
            return
        if conv.notify is NotifyLevel.NONE or not self.preferences.get(NOTIFICATIONS):
            return
        wanted = [m for m in incoming if self._wanted(m, conv.notify, conv.kind)]
        if not wanted:
            return
        title = conv.name
        if len(wanted) == 1:
            msg = wanted[0]
            body = f"{msg.sender_name or msg.sender}: {guarded_body(msg)}"
        else:
            body = self.tr("%n new message(s)", "", len(wanted))
        body = body if len(body) <= 200 else body[:199] + "…"
        self.tell(title, body, conv.id)

    def tell(self, title: str, body: str, target: ConversationId | None = None) -> None:
        """One desktop notification (the tray's balloon where there is no notification service);
        a click on it opens ``target``."""
        self.sent.append((title, body))
        if self.notifier is not None:
            self.notifier.notify(title, body, target)
        elif self.tray is not None:
            self._balloon_target = target
            self.tray.showMessage(title, body)

    @Slot(object)
    def _notification_clicked(self, target: object) -> None:
        if isinstance(target, ConversationId):
            _log.info("%s: notification clicked, opening its conversation", target.account_id)
            self.openRequested.emit(target)

    @Slot()
    def _balloon_clicked(self) -> None:
        self._notification_clicked(self._balloon_target)

    def _announce(self, conv: Conversation, messages: list[Message], is_open: bool) -> None:
        """Tell the screen reader, by the conversation's read-aloud level (every message of a
        burst counts: the announcer merges them, it never drops any).

        The level depends on the conversation, and on a message only through whether it
        mentions us, so it is looked up twice per batch, not once per message; and only the
        first two messages become arrivals (all a sentence quotes): a flood's batch of
        thousands costs a count."""
        prefs = self.preferences.values()
        if levels.wanted(prefs, conv.id, conv.kind, False, is_open):
            said = messages
        elif levels.wanted(prefs, conv.id, conv.kind, True, is_open):
            said = [m for m in messages if m.mentions_me]
        else:
            said = []
        direct = conv.kind is ConversationKind.DIRECT
        account = self.sidebar.account_name(conv.id.account_id)
        head = [
            Arrival(
                conversation=conv.id,
                conversation_name=conv.name,
                account_name=account,
                direct=direct,
                sender=msg.sender_name or msg.sender,
                text=_spoken_body(msg),
                mention=msg.mentions_me,
                is_open=is_open,
            )
            for msg in said[:2]
        ]
        self.announcer.many_accounts = len(self.sidebar.account_ids()) > 1
        self.announcer.add_many(
            head,
            len(said),
            sum(1 for m in said if m.mentions_me),
            (m.sender_name or m.sender for m in said),
        )
        _log.debug(
            "%s: %d new, %d to read aloud (open and active: %s)",
            conv.id.account_id,
            len(messages),
            len(said),
            is_open,
        )

    @staticmethod
    def _wanted(msg: Message, level: NotifyLevel, kind: ConversationKind) -> bool:
        if level is NotifyLevel.NONE:
            return False
        if level is NotifyLevel.ALL:
            return True
        return msg.mentions_me or kind is ConversationKind.DIRECT

    def _update_tray(self) -> None:
        status = self.tray_status
        if status.set_count(self.sidebar.total_unread()) and self.tray is not None:
            self.tray.setIcon(status.icon(QApplication.palette()))
            self.tray.setToolTip(status.tooltip)

    def refresh_icon(self) -> None:
        """Redraw the tray icon in the current palette (after a theme change)."""
        if self.tray is not None:
            self.tray.setIcon(self.tray_status.icon(QApplication.palette()))

    @Slot(QSystemTrayIcon.ActivationReason)
    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A click shows the window; the context menu (its own reason) must not.
        if reason is not QSystemTrayIcon.ActivationReason.Context:
            self.activated.emit()


def _spoken_body(msg: Message) -> str:
    """The message as it is read out: its text, or what it carries when it has none."""
    text = " ".join(MessageListModel.display_body(msg).split())
    if text:
        return text
    names = ", ".join(a.filename or a.url for a in msg.attachments)
    return QCoreApplication.translate("NotificationCenter", "sent {files}").format(files=names)
