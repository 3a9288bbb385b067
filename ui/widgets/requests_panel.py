"""Things waiting for the user's decision: subscription (contact) requests and room invites,
each with Accept and Decline buttons that name what they answer (for screen readers)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import events as ev
from app.models import ConversationId, VerificationState
from ui.widgets.message_view import human_size


@dataclass(frozen=True)
class Request:
    kind: str  # "subscription" | "invite" | "verification" | "file"
    account_id: str
    target: str  # contact address or room native id
    text: str
    declining_blocks: bool = False  # saying no blocks the sender: the button says so


class RequestsPanel(QFrame):
    """Signals: ``answered(object, bool)``: a :class:`Request` was accepted or declined."""

    answered = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestsPanel")
        self.setAccessibleName(self.tr("Requests waiting for you"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.tr("Requests"))
        self.title.setObjectName("requestsTitle")
        self.rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.rows)
        self._requests: list[Request] = []
        self._widgets: dict[Request, QWidget] = {}
        self.hide()

    @property
    def requests(self) -> list[Request]:
        return list(self._requests)

    def focus_first(self) -> bool:
        """Put the keyboard on the first answer button (False: nothing is waiting)."""
        if not self._requests:
            return False
        buttons = [
            b for b in self.findChildren(QPushButton) if b.isVisibleTo(self) and b.isEnabled()
        ]
        if not buttons:
            return False
        buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def handle(self, event: ev.Event, account_name: str) -> None:
        if isinstance(event, ev.SubscriptionRequested):
            who = event.display_name or event.contact
            text = self.tr("{who} ({address}) wants to add you as a contact on {account}.").format(
                who=who, address=event.contact, account=account_name
            )
            if event.message:
                text += " " + self.tr("They wrote: {message}").format(message=event.message)
            self.add(
                Request(
                    "subscription", event.account_id, event.contact, text, event.declining_blocks
                )
            )
        elif isinstance(event, ev.VerificationChanged) and event.verification.incoming:
            v = event.verification
            if v.state is VerificationState.REQUESTED:
                text = self.tr(
                    "{who} wants to verify your device on {account}, to trust each "
                    "other's encrypted messages."
                ).format(who=v.contact, account=account_name)
                self.add(Request("verification", event.account_id, v.id, text))
            else:
                for request in self._requests:
                    if request.kind == "verification" and request.target == v.id:
                        self.remove(request)
                        break
        elif isinstance(event, ev.FileOffered):
            text = self.tr("{who} wants to send you a file on {account}: {name}").format(
                who=event.contact, account=account_name, name=event.filename
            )
            if event.size is not None:
                text += " (" + human_size(event.size) + ")"
            text += ". " + self.tr("Accept files from this person?")
            self.add(Request("file", event.account_id, event.offer_id, text))
        elif isinstance(event, ev.InviteReceived):
            conv = event.conversation_id
            text = self.tr("{inviter} invites you to {room} on {account}.").format(
                inviter=event.inviter, room=conv.native_id, account=account_name
            )
            if event.reason:
                text += " " + event.reason
            self.add(Request("invite", conv.account_id, conv.native_id, text))

    def add(self, request: Request) -> None:
        if any(
            (r.kind, r.account_id, r.target) == (request.kind, request.account_id, request.target)
            for r in self._requests
        ):
            return
        row = QWidget()
        label = QLabel(request.text)
        label.setWordWrap(True)
        label.setAccessibleName(request.text)
        accept = QPushButton(self.tr("Accept"))
        accept.setAccessibleName(self.tr("Accept: {text}").format(text=request.text))
        if request.declining_blocks:
            decline = QPushButton(self.tr("Block"))
            decline.setAccessibleName(self.tr("Block: {text}").format(text=request.text))
            decline.setToolTip(self.tr("Say no and block this person: nothing more from them."))
        else:
            decline = QPushButton(self.tr("Decline"))
            decline.setAccessibleName(self.tr("Decline: {text}").format(text=request.text))
        accept.clicked.connect(lambda: self._answer(request, True))
        decline.clicked.connect(lambda: self._answer(request, False))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(accept)
        layout.addWidget(decline)
        self.rows.addWidget(row)
        self._requests.append(request)
        self._widgets[request] = row
        self._refresh()

    def _answer(self, request: Request, accept: bool) -> None:
        self.remove(request)
        self.answered.emit(request, accept)

    def remove(self, request: Request) -> None:
        if request in self._widgets:
            self._widgets.pop(request).deleteLater()
            self._requests.remove(request)
        self._refresh()

    def _refresh(self) -> None:
        self.title.setText(self.tr("Requests (%n)", "", len(self._requests)))
        self.setVisible(bool(self._requests))

    @staticmethod
    def conversation_of(request: Request) -> ConversationId:
        return ConversationId(request.account_id, request.target)
