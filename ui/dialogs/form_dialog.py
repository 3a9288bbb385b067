"""A small generic form ("Add contact", "Join room", "Start conversation"), so every simple dialog
has labelled fields, an account choice where it matters, and the same keyboard behaviour. A field
left empty gets the focus back with the problem as its description, so a screen reader says it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.a11y.widgets import announce_on_tab
from ui.widgets.problem_label import ProblemLabel


class FormDialog(QDialog):
    """Signals: ``submitted()``: the fields are filled and the dialog waits for an answer (only
    after :meth:`wait_for_answer`; the owner then calls :meth:`answered`)."""

    submitted = Signal()

    def __init__(
        self,
        title: str,
        fields: list[tuple[str, str, bool]],
        accounts: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
        intro: str = "",
    ) -> None:
        """``fields``: (name, label, required); ``accounts``: (id, name) to choose from."""
        super().__init__(parent)
        self.setObjectName("formDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        form = QFormLayout()
        self.account: QComboBox | None = None
        if accounts:
            self.account = QComboBox()
            self.account.setObjectName("formAccount")
            self.account.setAccessibleName(self.tr("Account"))
            for account_id, name in accounts:
                self.account.addItem(name, account_id)
            label = QLabel(self.tr("&Account:"))
            label.setBuddy(self.account)
            form.addRow(label, self.account)
        self.edits: dict[str, QLineEdit] = {}
        self._required = {name for name, _, required in fields if required}
        for name, text, required in fields:
            edit = QLineEdit()
            edit.setObjectName(f"form_{name}")
            edit.setAccessibleName(text)
            announce_on_tab(edit)
            label = QLabel(text + (" *" if required else "") + ":")
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[name] = edit
        self.error = ProblemLabel("formError")
        self._waits = False
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            info = QLabel(intro)
            info.setWordWrap(True)
            layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def value(self, name: str) -> str:
        return self.edits[name].text().strip()

    def account_id(self) -> str:
        return str(self.account.currentData()) if self.account is not None else ""

    def wait_for_answer(self) -> None:
        """OK does not close the dialog: it emits ``submitted`` and waits for :meth:`answered`,
        so what the service refuses is said here, next to the fields."""
        self._waits = True

    def answered(self, problem: str = "") -> None:
        if problem:
            self._ok.setEnabled(True)
            self.error.say(problem)
        else:
            self.accept()

    def _check(self) -> None:
        missing = [n for n in self.edits if n in self._required and not self.value(n)]
        for edit in self.edits.values():
            edit.setAccessibleDescription("")
        if missing:
            names = ", ".join(self.edits[n].accessibleName() for n in missing)
            self.error.say(self.tr("Please fill in: {fields}").format(fields=names))
            first = self.edits[missing[0]]
            first.setAccessibleDescription(self.tr("Required, still empty"))
            first.setFocus()
            return
        if self._waits:
            self.error.clear_problem()
            self._ok.setEnabled(False)
            self.submitted.emit()
            return
        self.accept()
