"""Setting up secure storage and the key backup kept in it: with a generated recovery key, or
with a passphrase the person chooses (as Element offers both).

A dialog of its own because the choice, the passphrase typed twice and what the server refuses
belong next to the fields, and deriving a key from a passphrase takes a moment that is shown. The
passphrase goes to the core once; it is cleared from the fields when the dialog is done and is
never kept. With a passphrase a recovery key is still made: the passphrase derives the storage
key, and that key, written as a recovery key, is the way back when the passphrase is forgotten.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.backend import Outcome
from app.core.encryption import PASSPHRASE_MIN_LENGTH, passphrase_problem
from app.runtime import Result
from ui.a11y.widgets import announce_on_tab, name, tab_chain
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.widgets.problem_label import ProblemLabel


class SecureStorageDialog(QDialog):
    """Signals: ``created(str, bool)``: the storage is set up; its recovery key (to show once)
    and whether a passphrase opens it too."""

    created = Signal(str, bool)

    def __init__(self, bridge: CoreBridge, account_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secureStorageDialog")
        self.setWindowTitle(self.tr("Set up secure storage"))
        self.setAccessibleName(self.windowTitle())
        self.bridge = bridge
        self.account_id = account_id
        self.busy = False
        intro = QLabel(
            self.tr(
                "Secure storage keeps your cross-signing keys and the key of your message "
                "backup on the server, encrypted. A new device (Chinwag, Element or another "
                "app) opens it to read your old encrypted messages and to take over your "
                "verified identity."
            )
        )
        intro.setObjectName("secureStorageIntro")
        intro.setWordWrap(True)
        question = QLabel(self.tr("How do you want to open it?"))
        self.generate = QRadioButton(self.tr("&Generate a recovery key"))
        self.generate.setObjectName("secureStorageGenerate")
        name(
            self.generate,
            self.tr("Generate a recovery key"),
            self.tr("Recommended: a key to keep in a password manager"),
        )
        self.use_passphrase = QRadioButton(self.tr("&Use a passphrase"))
        self.use_passphrase.setObjectName("secureStoragePassphrase")
        name(
            self.use_passphrase,
            self.tr("Use a passphrase"),
            self.tr("A recovery key is made as well, in case you forget the passphrase"),
        )
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.generate)
        self.choice.addButton(self.use_passphrase)
        self.generate.setChecked(True)
        hint = self.tr("At least {count} characters.").format(count=PASSPHRASE_MIN_LENGTH)
        self.passphrase = self._masked("secureStoragePhrase", self.tr("Passphrase"), hint)
        self.repeat = self._masked("secureStorageRepeat", self.tr("Repeat passphrase"), "")
        form = QFormLayout()
        for text, edit in (
            (self.tr("P&assphrase:"), self.passphrase),
            (self.tr("&Repeat passphrase:"), self.repeat),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.hint = QLabel(hint)
        self.hint.setObjectName("secureStorageHint")
        form.addRow("", self.hint)
        self.progress = QLabel()
        self.progress.setObjectName("secureStorageProgress")
        self.progress.setWordWrap(True)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.error = ProblemLabel("secureStorageError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.set_up_button = self.buttons.addButton(
            self.tr("&Set up"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.set_up_button.setObjectName("secureStorageSetUp")
        self.set_up_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
            if isinstance(button, QPushButton) and button is not self.set_up_button:
                button.setAutoDefault(False)  # Enter in a field sets up, never cancels
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        layout = self.box = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(question)
        layout.addWidget(self.generate)
        layout.addWidget(self.use_passphrase)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        tab_chain([self.generate, self.use_passphrase, self.passphrase, self.repeat, self.error])
        self.use_passphrase.toggled.connect(self._choice_changed)
        self._choice_changed()

    def _masked(self, object_name: str, text: str, description: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        name(edit, text, description)
        announce_on_tab(edit)
        edit.textEdited.connect(self._edited)
        return edit

    @Slot()
    def _choice_changed(self) -> None:
        on = self.use_passphrase.isChecked()
        for widget in (self.passphrase, self.repeat, self.hint):
            widget.setEnabled(on)
        self.error.clear_problem()

    @Slot()
    def _edited(self) -> None:
        self.error.clear_problem()

    def chosen_passphrase(self) -> str:
        """The passphrase to set up with; "" for a generated recovery key."""
        return self.passphrase.text() if self.use_passphrase.isChecked() else ""

    # -- setting up ----------------------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        if self.busy:
            return
        passphrase = self.chosen_passphrase()
        if self.use_passphrase.isChecked() and not self._acceptable(passphrase):
            return
        self.busy = True
        self.error.clear_problem()
        for widget in (self.generate, self.use_passphrase, self.passphrase, self.repeat):
            widget.setEnabled(False)
        self.set_up_button.setEnabled(False)
        self.cancel_button.setEnabled(False)  # the result (its recovery key) must be shown
        self.progress.setText(
            self.tr("Setting up secure storage; deriving a key from a passphrase takes a moment…")
            if passphrase
            else self.tr("Setting up secure storage…")
        )
        self.progress.show()
        self._fit()
        self.bridge.call(
            self.bridge.core.encryption.create_key_backup(self.account_id, passphrase),
            self._answered,
        )

    def _acceptable(self, passphrase: str) -> bool:
        """Whether the passphrase is long enough and typed the same twice; if not, say so next
        to the field to correct and put the focus there."""
        for edit in (self.passphrase, self.repeat):
            edit.setAccessibleDescription("")
        problem = passphrase_problem(passphrase)
        if problem is not None:
            self._refuse(core_text(problem), self.passphrase)
            return False
        if self.repeat.text() != passphrase:
            self._refuse(
                self.tr("The two passphrases differ: type the same passphrase in both fields."),
                self.repeat,
            )
            return False
        return True

    def _say(self, problem: str) -> None:
        self.error.say(problem)
        self._fit()

    def _fit(self) -> None:
        """Grow to show a line that appeared: a window does not grow on its own for wrapped
        text (its minimum height ignores how many lines a label needs at this width)."""
        self.box.activate()
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _refuse(self, text: str, edit: QLineEdit) -> None:
        self._say(text)
        edit.setAccessibleDescription(text)
        edit.setFocus()
        edit.selectAll()

    def _answered(self, done: Result[Outcome]) -> None:
        self.busy = False
        self.progress.hide()
        key = ""
        failed = self.tr("Secure storage could not be set up.")
        if not done.ok:
            problem = core_text(done.error) or failed
        elif done.value.failure is not None:
            problem = core_text(done.value.failure.message)
        else:
            key = str(done.value.value or "")
            problem = "" if key else failed
        if problem:
            self.generate.setEnabled(True)
            self.use_passphrase.setEnabled(True)
            self._choice_changed()
            self.set_up_button.setEnabled(True)
            self.cancel_button.setEnabled(True)
            self._say(problem)
            self.set_up_button.setFocus()
            return
        with_passphrase = self.use_passphrase.isChecked()
        self._forget()
        self.accept()  # closed first: the window then gives the focus to the recovery key's box
        self.created.emit(key, with_passphrase)

    def reject(self) -> None:
        if self.busy:  # Escape while the server works: the recovery key must not be lost
            return
        self._forget()
        super().reject()

    def _forget(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
