"""Open a chat link in the window: find the right account, open or join, or offer to add one.

The link is read by :func:`app.uri.parse_uri` into an intent. The account is one of the link's
protocol; for IRC one on the link's server (a network is its own world); for Matrix and XMPP
one on the link's server if there is one, else any (both federate, so any account reaches the
address). A person's link opens the 1:1 conversation (``core.conversations.open_direct``), a room's link joins
the room (``core.rooms.join``); then the window shows it. An account that is still connecting is waited
for. With no such account, a notice says so and the account dialog opens with the service (and,
for IRC, the server) filled in; once the account is added, the link is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLineEdit

from app import events as ev
from app.backend import Outcome
from app.models import Account, ConnectionState, Conversation, ConversationId
from app.runtime import Result
from app.uri import TargetKind, UriError, UriIntent, UriProblem, parse_uri
from ui.core_text import core_text
from ui.dialogs.account_dialog import AccountDialog
from ui.main_window import MainWindow

PROTOCOL_NAMES = {"xmpp": "XMPP", "matrix": "Matrix", "irc": "IRC"}
_WAIT_STATES = (ConnectionState.OFFLINE, ConnectionState.CONNECTING, ConnectionState.WAITING)


def account_server(account: Account) -> str:
    """The server an account signs in to: the domain of its address, or its server setting."""
    settings = account.settings
    for key, separator in (("user_id", ":"), ("jid", "@")):  # Matrix ID, XMPP address
        own = str(settings.get(key, ""))
        if separator in own:
            return own.split(separator, 1)[1].split("/", 1)[0].lower()
    return str(settings.get("server", "")).lower()


def choose_account(intent: UriIntent, accounts: list[Account]) -> Account | None:
    """The account to open ``intent`` with, or None when the user has none that fits."""
    mine = [a for a in accounts if a.protocol_id == intent.protocol]
    if intent.protocol == "irc" and intent.server:
        mine = [a for a in mine if account_server(a) == intent.server]
    wanted = intent.account.lower()

    def rank(account: Account) -> tuple[bool, bool, bool]:
        own = str(account.settings.get("jid", account.settings.get("user_id", ""))).lower()
        return (
            not (wanted and own.split("/", 1)[0] == wanted),
            account_server(account) != intent.server,
            not account.enabled,
        )

    return min(mine, key=rank, default=None)


class UriHandler(QObject):
    """Turns links into open conversations in ``window``.

    Signals: ``opened(object)``: the :class:`~app.models.ConversationId` a link led to.
    """

    opened = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._started = window.pages.currentIndex() != MainWindow.PAGE_LOADING
        self._pending: list[UriIntent] = []  # until the core has published its accounts
        self._waiting: dict[str, list[UriIntent]] = {}  # account id → until it is connected
        window.bridge.events.connect(self._handle_events)

    # -- entry points ------------------------------------------------------------------------

    @Slot(str)
    def open_uri(self, text: str) -> None:
        """Show the window and open ``text`` (a link from the command line or a later launch)."""
        self._raise_window()
        if not text:
            return
        result = parse_uri(text)
        if isinstance(result, UriError):
            self.window.notices.show_notice(
                self.tr("This link cannot be opened: {problem} ({uri})").format(
                    problem=self._problem_text(result.problem), uri=result.uri
                ),
                "error",
            )
            return
        if self._started:
            self.open_intent(result)
        else:
            self._pending.append(result)

    def open_intent(self, intent: UriIntent) -> None:
        account = choose_account(intent, self.window.sidebar_model.accounts())
        if account is None:
            self._offer_account(intent)
            return
        if intent.kind is TargetKind.SERVER:
            self.window.notices.show_notice(
                self.tr("You already have an account on {server}: “{account}”.").format(
                    server=intent.server, account=account.display_name
                ),
                "info",
            )
            return
        state = self.window.sidebar_model.account_state(account.id) or ConnectionState.OFFLINE
        if state is ConnectionState.CONNECTED:
            self._open_on(account, intent)
        elif account.enabled and state in _WAIT_STATES:
            self._waiting.setdefault(account.id, []).append(intent)
            self.window.notices.show_notice(
                self.tr("{address} opens once “{account}” is connected.").format(
                    address=intent.address, account=account.display_name
                ),
                "info",
            )
        else:
            self.window.notices.show_notice(
                self.tr(
                    "“{account}” is not connected, so {address} cannot be opened. "
                    "Enable or edit the account in the Accounts menu, then open the link again."
                ).format(account=account.display_name, address=intent.address),
                "warning",
            )

    # -- opening -----------------------------------------------------------------------------

    def _open_on(self, account: Account, intent: UriIntent) -> None:
        core = self.window.core
        if intent.kind is TargetKind.DIRECT:
            self.window.bridge.call(
                core.conversations.open_direct(account.id, intent.address), self._direct_opened
            )
            return
        known = self._known_room(account, intent.address)
        if known is not None:
            self._show(known.id)
            return
        self.window.bridge.call(
            core.rooms.join(account.id, intent.join_address, "", intent.password),
            lambda done: self._joined(account.id, intent, done),
        )

    def _known_room(self, account: Account, address: str) -> Conversation | None:
        folded = address.lower()
        for conv in self.window.sidebar_model.conversations_of(account.id):
            if conv.joined and conv.id.native_id.lower() == folded:
                return conv
        return None

    def _direct_opened(self, done: Result[Conversation]) -> None:
        if not done.ok:
            self._failed(core_text(done.error))
            return
        self._show(done.value.id)

    def _joined(self, account_id: str, intent: UriIntent, done: Result[Outcome]) -> None:
        if not done.ok:
            self._failed(core_text(done.error))
            return
        outcome = done.value
        if outcome.failure is not None:
            self._failed(core_text(outcome.failure.message))
            return
        self._show(ConversationId(account_id, outcome.value or intent.address))

    def _show(self, conv_id: ConversationId) -> None:
        self.window.show_conversation(conv_id)
        self.window.pane.composer_area.composer.setFocus()
        self.opened.emit(conv_id)

    def _failed(self, error: str | None) -> None:
        self.window.notices.show_notice(
            self.tr("The link could not be opened: {reason}").format(
                reason=error or self.tr("that did not work")
            ),
            "error",
        )

    # -- no account yet ----------------------------------------------------------------------

    def _offer_account(self, intent: UriIntent) -> None:
        protocol = PROTOCOL_NAMES.get(intent.protocol, intent.protocol)
        if intent.protocol == "irc" and intent.server:
            text = self.tr(
                "You have no IRC account on {server} to open {uri}. Add one: the link opens "
                "once it is added."
            ).format(server=intent.server, uri=intent.uri)
        else:
            text = self.tr(
                "You have no {protocol} account to open {uri}. Add one: the link opens "
                "once it is added."
            ).format(protocol=protocol, uri=intent.uri)
        self.window.notices.show_notice(text, "warning")
        self.window.add_account()
        dialog = self.window.account_dialog
        if dialog is not None:
            _DialogPreset(dialog, intent, self)

    @Slot(object)
    def _account_added(self, intent: UriIntent) -> None:
        if choose_account(intent, self.window.sidebar_model.accounts()) is not None:
            self.open_intent(intent)

    # -- events ------------------------------------------------------------------------------

    @Slot(list)
    def _handle_events(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.ConnectionStateChanged):
                if event.state is ConnectionState.CONNECTED:
                    for intent in self._waiting.pop(event.account_id, []):
                        self.open_intent(intent)
            elif isinstance(event, ev.CoreStarted):
                self._started = True
                pending, self._pending = self._pending, []
                for intent in pending:
                    self.open_intent(intent)

    def _raise_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def _problem_text(self, problem: UriProblem) -> str:
        texts = {
            UriProblem.EMPTY: self.tr("the link is empty"),
            UriProblem.TOO_LONG: self.tr("the link is too long"),
            UriProblem.UNKNOWN_SCHEME: self.tr(
                "Chinwag opens xmpp:, matrix:, irc: and ircs: links"
            ),
            UriProblem.MALFORMED: self.tr("the link is malformed"),
            UriProblem.NO_TARGET: self.tr("it names no person, room or server"),
            UriProblem.BAD_ADDRESS: self.tr("the address in it is not valid"),
            UriProblem.BAD_PORT: self.tr("the port in it is not valid"),
            UriProblem.UNSUPPORTED: self.tr("this kind of link is not supported"),
        }
        return texts[problem]


class _DialogPreset(QObject):
    """Picks the link's service in a new account dialog (once its services have loaded) and fills
    in what the link tells (an IRC server, port and TLS); when the account is added, the link is
    opened."""

    def __init__(self, dialog: AccountDialog, intent: UriIntent, handler: UriHandler) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.intent = intent
        self.handler = handler
        self._applied = False
        dialog.service.model().rowsInserted.connect(self._services_changed)
        dialog.accepted.connect(self._accepted)

    @Slot()
    def _services_changed(self) -> None:
        QTimer.singleShot(0, self, self._apply)  # after the dialog has built its form

    @Slot()
    def _apply(self) -> None:
        service = self.dialog.service
        row = service.findData(self.intent.protocol)
        if self._applied or row < 0 or not service.isEnabled():
            return
        self._applied = True
        service.setCurrentIndex(row)
        if self.intent.protocol != "irc" or not self.intent.server:
            return
        server = self.dialog.findChild(QLineEdit, "field_server")
        port = self.dialog.findChild(QLineEdit, "field_port")
        plain = self.dialog.findChild(QCheckBox, "field_plain_text")
        if server is not None:
            server.setText(self.intent.server)
        if port is not None and self.intent.port:
            port.setText(str(self.intent.port))
        if plain is not None:
            plain.setChecked(not self.intent.tls)

    @Slot()
    def _accepted(self) -> None:
        self.handler._account_added(self.intent)
