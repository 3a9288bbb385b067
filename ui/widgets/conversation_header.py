"""The open conversation's face, name, topic, service and server, encryption state and member
count, and the actions the service allows here (hidden otherwise, never greyed-out guesses)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.backend import Capability
from app.core import ConversationDetails
from app.models import Account, Conversation, ConversationKind, NotifyLevel, Trust
from ui.avatars import AvatarStore
from ui.service_identity import server_of, service_description, service_icon, service_name

FACE = 40
BADGE = 16


class ConversationHeader(QWidget):
    """Signals: ``membersToggled(bool)``, ``inviteRequested()``, ``topicRequested()``,
    ``leaveRequested()``, ``notifyChosen(str)``, ``exportRequested()``, ``searchRequested()``,
    ``verifyRequested()``, ``settingsRequested()`` (a room's settings),
    ``announceChosen(str)``: what is read aloud here ("" follows the account's default)."""

    membersToggled = Signal(bool)
    inviteRequested = Signal()
    topicRequested = Signal()
    leaveRequested = Signal()
    notifyChosen = Signal(str)
    exportRequested = Signal()
    searchRequested = Signal()
    verifyRequested = Signal()
    settingsRequested = Signal()
    pollRequested = Signal()
    announceChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationHeaderArea")
        self.title = QLabel(self.tr("No conversation open"))
        self.title.setObjectName("conversationHeader")
        self.title.setAccessibleName(self.tr("Conversation"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self._fit_title_font()
        self.topic = QLabel()
        self.topic.setObjectName("conversationTopic")
        self.topic.setAccessibleName(self.tr("Topic"))
        self.topic.setTextFormat(Qt.TextFormat.PlainText)
        self.topic.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("conversationInfo")
        self.info.setAccessibleName(self.tr("Conversation details"))
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.avatars: AvatarStore | None = None
        self.account_of: Callable[[str], Account | None] = lambda _id: None
        self._conversation: Conversation | None = None
        self.face = QLabel()
        self.face.setObjectName("conversationFace")
        self.face.setFixedSize(FACE, FACE)
        self.face.hide()
        self.service_icon = QLabel()
        self.service_icon.setObjectName("conversationService")
        self.service_icon.setFixedSize(BADGE, BADGE)
        self.service_text = QLabel()
        self.service_text.setObjectName("conversationServer")
        self.service_text.setAccessibleName(self.tr("Service and server"))
        self.service_text.setTextFormat(Qt.TextFormat.PlainText)

        self.members_button = self._button(
            self.tr("&Members"), self.tr("Show members"), "membersButton"
        )
        self.members_button.setCheckable(True)
        self.members_button.toggled.connect(self.membersToggled)
        self.invite_button = self._button(
            self.tr("&Invite…"), self.tr("Invite someone"), "inviteButton"
        )
        self.invite_button.clicked.connect(self.inviteRequested)
        self.topic_button = self._button(
            self.tr("To&pic…"), self.tr("Change the topic"), "topicButton"
        )
        self.topic_button.clicked.connect(self.topicRequested)
        self.leave_button = self._button(
            self.tr("&Leave"), self.tr("Leave this conversation"), "leaveButton"
        )
        self.leave_button.clicked.connect(self.leaveRequested)

        self.more_button = QToolButton()
        self.more_button.setObjectName("conversationMenuButton")
        self.more_button.setText(self.tr("More"))
        self.more_button.setAccessibleName(self.tr("More conversation actions"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.more_button)
        self.menu.setObjectName("conversationMenu")
        search = self.menu.addAction(self.tr("&Search in this conversation…"))
        search.triggered.connect(self.searchRequested)
        export = self.menu.addAction(self.tr("&Export history…"))
        export.triggered.connect(self.exportRequested)
        self.verify_action = self.menu.addAction(self.tr("&Verify contact…"))
        self.verify_action.triggered.connect(self.verifyRequested)
        self.settings_action = self.menu.addAction(self.tr("Room se&ttings…"))
        self.settings_action.triggered.connect(self.settingsRequested)
        self.poll_action = self.menu.addAction(self.tr("Start a &poll…"))
        self.poll_action.triggered.connect(self.pollRequested)
        notify_menu = self.menu.addMenu(self.tr("&Notify me"))
        self.notify_actions: dict[NotifyLevel, QAction] = {}
        group = QActionGroup(self)
        for level, label in (
            (NotifyLevel.ALL, self.tr("For every message")),
            (NotifyLevel.MENTIONS, self.tr("Only when mentioned")),
            (NotifyLevel.NONE, self.tr("Never")),
        ):
            action = notify_menu.addAction(label)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, lv=level.value: self.notifyChosen.emit(lv))
            self.notify_actions[level] = action
        announce_menu = self.menu.addMenu(self.tr("&Read aloud"))
        self.announce_actions: dict[str, QAction] = {}
        announce_group = QActionGroup(self)
        for value, label in (
            ("", ""),  # "Like the account (…)", labelled by show_announce()
            (NotifyLevel.ALL.value, self.tr("Every message")),
            (NotifyLevel.MENTIONS.value, self.tr("Mentions and direct messages")),
            (NotifyLevel.NONE.value, self.tr("Nothing")),
        ):
            action = announce_menu.addAction(label)
            action.setCheckable(True)
            announce_group.addAction(action)
            action.triggered.connect(lambda _=False, v=value: self.announceChosen.emit(v))
            self.announce_actions[value] = action
        self.more_button.setMenu(self.menu)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in (
            self.members_button,
            self.invite_button,
            self.topic_button,
            self.leave_button,
        ):
            top.addWidget(button)
        top.addWidget(self.more_button)
        identity = QHBoxLayout()
        identity.setSpacing(4)
        identity.addWidget(self.service_icon)
        identity.addWidget(self.service_text)
        identity.addSpacing(8)
        identity.addWidget(self.info, 1)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.addLayout(top)
        text.addWidget(self.topic)
        text.addLayout(identity)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.face, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        self.show_details(None)

    def set_sources(
        self, avatars: AvatarStore, account_of: Callable[[str], Account | None]
    ) -> None:
        """Where the face (``avatars``) and the service and server (``account_of(id)``) come
        from."""
        self.avatars = avatars
        self.account_of = account_of
        avatars.updated.connect(self._avatars_updated)
        self._show_identity()

    @Slot(str)
    def _avatars_updated(self, account_id: str) -> None:
        if self._conversation is not None and self._conversation.id.account_id == account_id:
            self._show_identity()

    def _show_identity(self) -> None:
        conv = self._conversation
        account = self.account_of(conv.id.account_id) if conv is not None else None
        for widget in (self.service_icon, self.service_text):
            widget.setVisible(account is not None)
        self.face.setVisible(conv is not None and self.avatars is not None)
        if conv is not None and self.avatars is not None:
            self.face.setPixmap(
                self.avatars.pixmap(
                    conv.id.account_id,
                    conv.id.native_id,
                    conv.name,
                    FACE,
                    ratio=self.devicePixelRatioF(),
                )
            )
            self.face.setAccessibleName(self.tr("Picture of {name}").format(name=conv.name))
        if account is None:
            return
        name = service_name(account.protocol_id)
        self.service_icon.setPixmap(
            service_icon(account.protocol_id, BADGE, self.devicePixelRatioF())
        )
        self.service_icon.setAccessibleName(name)
        described = service_description(account)
        self.service_icon.setToolTip(described)
        server = server_of(account)
        shown = " · ".join(p for p in (name, server, account.display_name) if p)
        self.service_text.setText(shown)
        self.service_text.setToolTip(
            self.tr("On {service}, account {account}").format(
                service=described, account=account.display_name
            )
        )

    def _fit_title_font(self) -> None:
        """The title: bold and a little larger than the text around it, at any text size."""
        font = self.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size setting changed
            self._fit_title_font()
        elif event.type() == QEvent.Type.PaletteChange:  # a theme: badges and initials follow
            self._show_identity()
        super().changeEvent(event)

    def tab_order(self) -> list[QWidget]:
        return [
            self.members_button,
            self.invite_button,
            self.topic_button,
            self.leave_button,
            self.more_button,
        ]

    def show_announce(self, state: tuple[str, str]) -> None:
        """Check the conversation's read-aloud level; ``state`` is (own level or "", the
        account's level)."""
        own, account = state
        words = {
            NotifyLevel.ALL.value: self.tr("every message"),
            NotifyLevel.MENTIONS.value: self.tr("mentions and direct messages"),
            NotifyLevel.NONE.value: self.tr("nothing"),
        }
        self.announce_actions[""].setText(
            self.tr("Like the account ({level})").format(level=words.get(account, account))
        )
        self.announce_actions[own if own in self.announce_actions else ""].setChecked(True)

    def _button(self, text: str, name: str, object_name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAccessibleName(name)
        return button

    def show_conversation(self, conv: Conversation | None) -> None:
        if conv is None:
            self.show_details(None)
            return
        self._conversation = conv
        self._show_identity()
        self.title.setText(conv.name)
        self.topic.setText(conv.topic)
        self.topic.setVisible(bool(conv.topic))
        self.show_notify(conv.notify)

    def show_notify(self, level: NotifyLevel) -> None:
        """Check the stored level (also after a choice that could not be saved)."""
        for each, action in self.notify_actions.items():
            action.setChecked(each is level)

    def trust_text(self, conv: Conversation) -> str:
        """Encryption state in words (never just a padlock icon)."""
        if not conv.encrypted:
            return self.tr("Not encrypted")
        if conv.trust is Trust.VERIFIED:
            return self.tr("Encrypted, all devices verified")
        if conv.trust is Trust.UNVERIFIED:
            return self.tr("Encrypted, some devices not verified")
        return self.tr("Encrypted")

    def show_details(
        self, details: ConversationDetails | None, member_count: int | None = None
    ) -> None:
        """``member_count``: the room's now, when it changed since ``details`` were read."""
        if details is None:
            self._conversation = None
            self._show_identity()
            self.title.setText(self.tr("No conversation open"))
            self.topic.hide()
            self.info.setText("")
            for button in (
                self.members_button,
                self.invite_button,
                self.topic_button,
                self.leave_button,
                self.more_button,
            ):
                button.hide()
            return
        conv = details.conversation
        self.show_conversation(conv)
        caps = details.capabilities
        group = conv.kind is ConversationKind.GROUP
        parts = [self.trust_text(conv)]
        count = len(details.members) if member_count is None else member_count
        if group and count:  # none known yet (not "0 members": we are one)
            parts.append(self.tr("%n member(s)", "", count))
        if not details.connected:
            parts.append(self.tr("offline: messages wait in the outbox"))
        text = " · ".join(parts)
        self.info.setText(text)
        self.info.setAccessibleDescription(text)
        self.members_button.setVisible(group)
        self.invite_button.setVisible(group and bool(caps & Capability.INVITE))
        self.topic_button.setVisible(group and bool(caps & Capability.TOPIC))
        self.leave_button.setVisible(group and bool(caps & Capability.GROUP_CHAT))
        self.verify_action.setVisible(not group and bool(caps & Capability.ENCRYPTION))
        self.settings_action.setVisible(group and bool(caps & Capability.GROUP_CHAT))
        self.poll_action.setVisible(bool(caps & Capability.POLLS))
        self.more_button.show()
        account = self.account_of(conv.id.account_id)
        where = f"{service_description(account)}. " if account is not None else ""
        accessible = f"{conv.name}. {conv.topic + '. ' if conv.topic else ''}{where}{text}"
        self.title.setAccessibleDescription(accessible)
