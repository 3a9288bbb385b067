"""Add or edit an account: the service, the address and the password, and little else.

What a person types first is what every service needs: the address (the server is found from
it where the service allows, and shown) and the password — or, where the server signs in through
a web page, one "Sign in with …" button per identity provider. Everything else the backend
declares (:class:`~app.backend.AccountField` with ``advanced``) waits under an "Advanced" section
that opens and closes. "Create account" stands beside "Sign in" for services that can make
accounts; the server's own questions (a CAPTCHA, a token, the terms) then get a page of their own.

Each problem is shown under the field it is about (and read by a screen reader with that field);
only what concerns no single field goes to the message below the form. Before saving, the
dialog tries the connection: a certificate it does not trust is shown with its fingerprint and
can be trusted; "the server cannot be reached" may be saved anyway (it may be down for a moment).
Secrets go to the core, and from there only to the keyring; editing leaves a password field
empty to keep the saved one.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.backend import (
    TRUSTED_FINGERPRINT_FIELD,
    AccountField,
    Failure,
    FailureKind,
    FieldKind,
    Outcome,
    SignInMethods,
)
from app.core import BackendInfo, SignUpStep
from app.models import Account
from app.runtime import Result
from ui.a11y.widgets import announce_on_tab, tab_chain
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.dialogs.account_buttons import AccountButtons
from ui.dialogs.account_details import AccountDetailsPage
from ui.dialogs.account_form import (
    FileField,
    editor_for_account_field,
    value_of,
)
from ui.dialogs.sign_up_page import SignUpPage

PROBE_DELAY_MS = 700
"""How long typing must pause before the dialog asks the server how one signs in there."""


class AccountDialog(QDialog):
    """Signals: only QDialog's (``accepted`` once the account is saved or made)."""

    PAGE_DETAILS = 0
    PAGE_SIGN_UP = 1

    def __init__(
        self, bridge: CoreBridge, parent: QWidget | None = None, account: Account | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.account = account
        title = self.tr("Edit account") if account else self.tr("Add an account")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._bridge = bridge
        self._backends: list[BackendInfo] = []
        self._fields: dict[str, AccountField] = {}
        self._busy = False
        self._sign_up_id = ""
        self._browser_pending = False
        self._methods: SignInMethods | None = None
        self._fingerprint = ""

        self.details = AccountDetailsPage(account)
        page = self.details
        self.service, self.basic, self.server_found = page.service, page.basic, page.server_found
        self.sso_box, self.advanced_form, self.name_edit = (
            page.sso_box,
            page.advanced_form,
            page.name_edit,
        )
        self.advanced, self.error, self.status = page.advanced, page.error, page.status
        self.trust_button = page.trust_button
        self.service.currentIndexChanged.connect(self._service_changed)
        self.sso_box.chosen.connect(self.sign_in_with_browser)
        self.trust_button.clicked.connect(self._trust)
        self.sign_up_page = SignUpPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.details)
        self.pages.addWidget(self.sign_up_page)

        self.account_buttons = AccountButtons(editing=account is not None, parent=self)
        self.buttons = self.account_buttons.box
        self.ok_button, self.create_button = self.account_buttons.ok, self.account_buttons.create
        self.test_button, self.anyway_button = (
            self.account_buttons.test,
            self.account_buttons.anyway,
        )
        self.back_button = self.account_buttons.back
        self.create_button.clicked.connect(self.create_account)
        self.test_button.clicked.connect(self.test_connection)
        self.anyway_button.clicked.connect(self._save)
        self.back_button.clicked.connect(self._back)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(self.account_buttons.secondary)
        layout.addWidget(self.buttons)
        self.resize(520, 440)
        self._probe_timer = QTimer(self)
        self._probe_timer.setSingleShot(True)
        self._probe_timer.setInterval(PROBE_DELAY_MS)
        self._probe_timer.timeout.connect(self._probe_methods)
        bridge.call(bridge.core.accounts.backends(), self._backends_loaded)

    def showEvent(self, event: QShowEvent) -> None:
        """Enter means the primary action (Sign in, Save, Create account on the server's
        page), whichever other button came first or had the focus last."""
        super().showEvent(event)
        self._make_primary_default()

    def _make_primary_default(self) -> None:
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.ok_button.setDefault(True)

    # -- loading the services ------------------------------------------------------------

    def _backends_loaded(self, done: Result[list[BackendInfo]]) -> None:
        self.service.clear()
        if not done.ok or not done.value:
            self.service.addItem(self.tr("No services available"))
            self._show_error(
                core_text(done.error)
                or self.tr("No service plugins are installed, so no account can be added.")
            )
            return
        backends = done.value
        if self.account is not None:
            backends = [b for b in backends if b.protocol_id == self.account.protocol_id]
        self._backends = backends
        self.service.blockSignals(True)  # build the form once, below
        for info in self._backends:
            self.service.addItem(info.display_name, info.protocol_id)
        self.service.blockSignals(False)
        self.service.setEnabled(self.account is None)  # editing keeps its service
        self.ok_button.setEnabled(bool(backends))
        self.test_button.setEnabled(bool(backends))
        self._service_changed(0)

    @Slot(int)
    def _service_changed(self, row: int) -> None:
        if not 0 <= row < len(self._backends):
            return
        info = self._backends[row]
        self.basic.clear()
        self.advanced_form.clear()
        self._fields = {}
        self._methods = None
        self._clear_sso()
        self.server_found.hide()
        for fld in info.fields:
            form = self.advanced_form if fld.advanced else self.basic
            current = self.account.settings.get(fld.name) if self.account else None
            value = current if current is not None else fld.default
            editor = editor_for_account_field(fld, value, self.account is not None)
            for line_edit in [editor, *editor.findChildren(QLineEdit)]:
                if isinstance(line_edit, QLineEdit):
                    announce_on_tab(line_edit)
            form.add(
                fld.name,
                core_text(fld.label),
                editor,
                required=fld.required,
                help_text=core_text(fld.help),
            )
            self._fields[fld.name] = fld
            probe = info.browser_sign_in and fld.required and not fld.secret
            if probe and isinstance(editor, QLineEdit):
                editor.textChanged.connect(self._schedule_probe)
        self.advanced.set_open(False)
        self.create_button.setVisible(info.sign_up and self.account is None)
        self._clear_messages()
        self._tab_order()
        first = next(iter(self.basic.rows.values()), None)
        if first is not None:
            # New rows are shown on the next event loop turn; focus them once they are.
            QTimer.singleShot(0, first.focus_target, first.focus_target.setFocus)
        if info.browser_sign_in and self._address_ready():
            self._schedule_probe()

    def _tab_order(self) -> None:
        """Service, the basic fields, the sign-in buttons, Advanced and what it holds."""
        chain: list[QWidget] = [self.service]
        for row in (*self.basic.rows.values(), None, *self.advanced_form.rows.values()):
            if row is None:
                chain += [*self.sso_buttons, self.advanced.button, self.name_edit]
            elif isinstance(row.editor, FileField):
                chain += [row.editor.edit, row.editor.browse]
            else:
                chain.append(row.editor)
        tab_chain(chain)

    # -- values ----------------------------------------------------------------------------

    @property
    def protocol_id(self) -> str:
        row = self.service.currentIndex()
        return self._backends[row].protocol_id if 0 <= row < len(self._backends) else ""

    def _info(self) -> BackendInfo | None:
        row = self.service.currentIndex()
        return self._backends[row] if 0 <= row < len(self._backends) else None

    def _rows(self) -> dict[str, Any]:
        return {**self.basic.rows, **self.advanced_form.rows}

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        settings: dict[str, Any] = {}
        secrets: dict[str, str] = {}
        rows = self._rows()
        for name, fld in self._fields.items():
            value = value_of(rows[name].editor, strip=not fld.secret)
            if fld.secret:
                if value:
                    secrets[name] = str(value)
            elif value != "":
                settings[name] = value
        return settings, secrets

    def local_problems(self, *, sign_up: bool = False) -> dict[str, str]:
        """Field → problem, for what can be seen without asking anyone."""
        settings, secrets = self.values()
        problems: dict[str, str] = {}
        password_free = self._methods is not None and not self._methods.password
        for name, fld in self._fields.items():
            value = secrets.get(name) if fld.secret else settings.get(name)
            missing = value is None or value == ""
            needed = fld.required or (sign_up and fld.kind is FieldKind.PASSWORD)
            if fld.secret and (self.account is not None or password_free) and not sign_up:
                needed = False
            if needed and missing:
                problems[name] = self.tr("{label} is required.").format(label=core_text(fld.label))
            elif (
                fld.pattern
                and isinstance(value, str)
                and value
                and not re.fullmatch(fld.pattern, value)
            ):
                hint = f" {core_text(fld.placeholder)}" if core_text(fld.placeholder) else ""
                problems[name] = (
                    self.tr("This does not look right; for example:{hint}").format(hint=hint)
                    if hint
                    else self.tr("{label} has the wrong form.").format(label=core_text(fld.label))
                )
        return problems

    def _check_locally(self, *, sign_up: bool = False) -> bool:
        problems = self.local_problems(sign_up=sign_up)
        self._show_field_errors(problems)
        if problems:
            self._focus_first_error()
        return not problems

    # -- finding out how one signs in --------------------------------------------------------

    def _address_ready(self) -> bool:
        settings, _ = self.values()
        for name, fld in self._fields.items():
            if fld.required and not fld.secret:
                value = settings.get(name)
                if not isinstance(value, str) or not value:
                    return False
                if fld.pattern and not re.fullmatch(fld.pattern, value):
                    return False
        return True

    @Slot()
    def _schedule_probe(self) -> None:
        self._probe_timer.start()

    @Slot()
    def _probe_methods(self) -> None:
        if not self._address_ready() or self._busy:
            return
        settings, _ = self.values()
        protocol = self.protocol_id
        self._bridge.call(
            self._bridge.core.signin.sign_in_methods(protocol, settings),
            lambda done: self._methods_known(done, protocol, settings),
        )

    def _methods_known(
        self, done: Result[SignInMethods | Failure], protocol: str, settings: dict[str, Any]
    ) -> None:
        if protocol != self.protocol_id or settings != self.values()[0]:
            return  # the person typed on meanwhile; a newer answer is on its way
        if not done.ok:
            return
        found = done.value
        if isinstance(found, Failure):
            self._methods = None
            self._clear_sso()
            if found.field and found.field in self._rows():
                self._rows()[found.field].set_error(core_text(found.message))
            return
        self._methods = found
        if found.server:
            self.server_found.setText(self.tr("Server: {server}").format(server=found.server))
            self.server_found.setAccessibleName(self.server_found.text())
            self.server_found.show()
        self._clear_sso()
        self.sso_box.show_for(found)
        for name, fld in self._fields.items():
            if fld.secret and fld.kind is FieldKind.PASSWORD:
                self.basic.set_row_visible(name, found.password)
        self.ok_button.setVisible(found.password or self.account is not None)
        self._tab_order()
        self._make_primary_default()

    @property
    def sso_buttons(self) -> list[QPushButton]:
        return self.sso_box.buttons

    def _clear_sso(self) -> None:
        self.sso_box.clear()
        for name, fld in self._fields.items():
            if fld.secret and fld.kind is FieldKind.PASSWORD:
                self.basic.set_row_visible(name, True)
        self.ok_button.setVisible(True)

    def sign_in_with_browser(self, provider_id: str) -> None:
        problems = {
            k: v
            for k, v in self.local_problems().items()
            if not self._fields.get(k, AccountField(k, k)).secret
        }
        self._show_field_errors(problems)
        if problems:
            return
        settings, _ = self.values()
        self._clear_messages()
        self._set_busy(
            True,
            self.tr(
                "Continue in your web browser: sign in there (with your second factor, if you "
                "have one), then come back here."
            ),
        )
        self._browser_pending = True
        self._bridge.call(
            self._bridge.core.signin.sign_in_with_browser(
                self.protocol_id,
                settings,
                provider_id,
                account_id=self.account.id if self.account else None,
                display_name=self.name_edit.text().strip(),
            ),
            self._browser_done,
        )

    def _browser_done(self, done: Result[Account | Failure]) -> None:
        self._browser_pending = False
        self._set_busy(False)
        if not done.ok:
            self._show_error(core_text(done.error) or self.tr("The sign-in did not finish."))
            return
        if isinstance(done.value, Failure):
            self._show_failure(done.value)
            return
        self.accept()

    # -- making an account -------------------------------------------------------------------

    @Slot()
    def create_account(self) -> None:
        if self._busy or not self._check_locally(sign_up=True):
            return
        settings, secrets = self.values()
        self._clear_messages()
        self._set_busy(True, self.tr("Asking the server for a new account…"))
        self._bridge.call(
            self._bridge.core.signin.begin_sign_up(
                self.protocol_id, settings, secrets, display_name=self.name_edit.text().strip()
            ),
            self._sign_up_step,
        )

    def _sign_up_step(self, done: Result[SignUpStep]) -> None:
        self._set_busy(False)
        if not done.ok:
            self._show_error(core_text(done.error) or self.tr("The account could not be made."))
            if done.problems:
                self._show_field_errors({k: core_text(v) for k, v in done.problems.items()})
            return
        step = done.value
        self._sign_up_id = step.sign_up_id
        if step.account is not None:
            self._sign_up_id = ""
            self.accept()
        elif step.form is not None:
            again = self.pages.currentIndex() == self.PAGE_SIGN_UP and bool(step.form.errors)
            self.sign_up_page.show_form(
                step.form, keep=self.sign_up_page.answers() if again else None
            )
            self._show_page(self.PAGE_SIGN_UP)
            self._make_primary_default()
        elif step.failure is not None:
            self._sign_up_id = ""
            failure = step.failure
            on_page = self.pages.currentIndex() == self.PAGE_SIGN_UP
            if on_page and failure.field in self.sign_up_page.form.rows:
                self.sign_up_page.form.show_errors({failure.field: core_text(failure.message)})
                return
            self._show_page(self.PAGE_DETAILS)
            self._show_failure(failure, sign_up=True)

    @Slot()
    def _answer_sign_up(self) -> None:
        if self._busy or not self._sign_up_id:
            return
        answers = self.sign_up_page.answers()
        self.sign_up_page.show_error("")
        self._set_busy(True, self.tr("Sending your answers…"))
        self._bridge.call(
            self._bridge.core.signin.answer_sign_up(self._sign_up_id, answers),
            self._sign_up_step,
        )

    @Slot()
    def _back(self) -> None:
        self._end_sign_up()
        self._show_page(self.PAGE_DETAILS)

    def _end_sign_up(self) -> None:
        if self._sign_up_id:
            self._bridge.call(self._bridge.core.signin.cancel_sign_up(self._sign_up_id))
            self._sign_up_id = ""

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        sign_up = page == self.PAGE_SIGN_UP
        info = self._info()
        self.account_buttons.show_page(
            sign_up=sign_up, can_sign_up=info is not None and info.sign_up
        )
        if sign_up:
            self.sign_up_page.focus_first()

    # -- testing and saving ------------------------------------------------------------------

    @Slot()
    def test_connection(self, then_save: bool = False) -> None:
        if not self._check_locally():
            return
        settings, secrets = self.values()
        self._clear_messages()
        self._set_busy(True, self.tr("Testing the connection…"))
        self._bridge.call(
            self._bridge.core.accounts.test_connection(
                self.protocol_id,
                settings,
                secrets,
                account_id=self.account.id if self.account else None,
            ),
            functools.partial(self._tested, then_save=then_save),
        )

    def _tested(self, done: Result[Outcome], then_save: bool) -> None:
        self._set_busy(False)
        if not done.ok:
            self._show_error(
                core_text(done.error) or self.tr("The connection could not be tested.")
            )
            if done.problems:
                self._show_field_errors({k: core_text(v) for k, v in done.problems.items()})
            return
        failure = done.value.failure
        if failure is None:
            self._show_status(self.tr("Connected successfully."))
            if then_save:
                self._save()
            return
        self._show_failure(failure)

    def _show_failure(self, failure: Failure, *, sign_up: bool = False) -> None:
        rows = self._rows()
        if failure.field in rows:
            # The problem has a field: say it there, and open the section it is in.
            rows[failure.field].set_error(core_text(failure.message))
            if failure.field in self.advanced_form.rows:
                self.advanced.set_open(True)
            self._focus_first_error()
            if failure.kind not in (FailureKind.TLS, FailureKind.NETWORK):
                return
        if sign_up and failure.kind in (FailureKind.REJECTED, FailureKind.UNSUPPORTED):
            text = core_text(failure.message)
        else:
            text = explanation(failure.kind) + "\n" + core_text(failure.message)
        self.trust_button.hide()
        self.anyway_button.setVisible(
            failure.kind is FailureKind.NETWORK and self.account is None and not sign_up
        )
        if failure.kind is FailureKind.TLS and failure.detail:
            self._fingerprint = failure.detail
            text += "\n\n" + self.tr(
                "Its fingerprint (SHA-256) is:\n{fp}\nTrust it only if it matches the one your "
                "server's administrator gave you."
            ).format(fp=failure.detail)
            self.trust_button.setVisible(TRUSTED_FINGERPRINT_FIELD in self._fields)
        self._show_error(text)

    @Slot()
    def _trust(self) -> None:
        row = self._rows().get(TRUSTED_FINGERPRINT_FIELD)
        if row is None or not self._fingerprint:
            return
        if isinstance(row.editor, QLineEdit):
            row.editor.setText(self._fingerprint)
        self.trust_button.hide()
        self._show_status(self.tr("Certificate trusted for this account. Test or save again."))

    @Slot()
    def _submit(self) -> None:
        if self._busy:
            return
        if self.pages.currentIndex() == self.PAGE_SIGN_UP:
            self._answer_sign_up()
        else:
            self.test_connection(then_save=True)

    @Slot()
    def _save(self) -> None:
        if not self._check_locally():
            return
        settings, secrets = self.values()
        core = self._bridge.core
        name = self.name_edit.text().strip()
        self._set_busy(True, self.tr("Saving…"))
        if self.account is None:
            self._bridge.call(
                core.accounts.add_account(self.protocol_id, settings, secrets, display_name=name),
                self._saved,
            )
        else:
            self._bridge.call(
                core.accounts.update_account(
                    self.account.id, settings=settings, secrets=secrets, display_name=name or None
                ),
                self._saved,
            )

    def _saved(self, done: Result[Account]) -> None:
        self._set_busy(False)
        if done.ok:
            self.accept()
        else:
            if done.problems:
                self._show_field_errors({k: core_text(v) for k, v in done.problems.items()})
            self._show_error(core_text(done.error) or self.tr("The account could not be saved."))

    def reject(self) -> None:
        self._end_sign_up()
        if self._browser_pending:
            self._bridge.call(self._bridge.core.signin.cancel_browser_sign_in())
        super().reject()

    # -- messages --------------------------------------------------------------------------

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for button in (*self.account_buttons.actions(), *self.sso_buttons):
            button.setEnabled(not busy)
        if text:
            self._show_status(text)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        self.status.show()

    def _show_error(self, text: str) -> None:
        target = self.sign_up_page if self.pages.currentIndex() == self.PAGE_SIGN_UP else None
        self.status.hide()
        if target is not None:
            target.show_error(text)
            return
        self.error.setText(text)
        self.error.setAccessibleDescription(text)
        self.error.setVisible(bool(text))

    def _show_field_errors(self, problems: dict[str, str]) -> None:
        """Each problem under its field (opening Advanced when one is there), and all of them
        in the summary below the form (an error summary, as accessible forms have)."""
        self.basic.show_errors(problems)
        self.advanced_form.show_errors(problems)
        if any(name in self.advanced_form.rows for name in problems):
            self.advanced.set_open(True)
        if problems:
            self._show_error("\n".join(problems.values()))

    def _focus_first_error(self) -> None:
        row = self.basic.first_error() or self.advanced_form.first_error()
        if row is not None:
            row.focus_target.setFocus()

    def _clear_messages(self) -> None:
        self.error.hide()
        self.status.hide()
        self.trust_button.hide()
        self.anyway_button.hide()
        self.basic.show_errors({})
        self.advanced_form.show_errors({})


def explanation(kind: FailureKind) -> str:
    """What a failed sign-in or connection test means, before the server's own words."""
    if kind is FailureKind.AUTH:
        return QCoreApplication.translate(
            "AccountDialog", "The server refused the sign-in: check the address and the password."
        )
    if kind is FailureKind.NETWORK:
        return QCoreApplication.translate(
            "AccountDialog",
            "The server cannot be reached: check the address, the port and your network. It may "
            "also be down for a moment.",
        )
    if kind is FailureKind.TLS:
        return QCoreApplication.translate(
            "AccountDialog",
            "The server's certificate is not trusted, so the connection could be intercepted.",
        )
    if kind is FailureKind.CONFIG:
        return QCoreApplication.translate("AccountDialog", "The settings are not usable.")
    return QCoreApplication.translate("AccountDialog", "That did not work.")
