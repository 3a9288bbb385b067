"""The page of the account dialog that shows what a server asks while an account is made.

The form comes from the server (:class:`~app.backend.SignUpForm`): an XMPP registration form with
its CAPTCHA image, a Matrix registration token and terms, NickServ's e-mail. Each error stands
under its field; a step only a web page can do gets a button that opens it in the browser.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.backend import FieldKind, SignUpForm
from ui.core_text import core_text
from ui.dialogs.account_form import (
    FieldForm,
    LinkButton,
    editor_for_form_field,
    image_label,
    value_of,
)


class SignUpPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signUpPage")
        self.title = QLabel()
        self.title.setObjectName("signUpTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.instructions = QLabel()
        self.instructions.setObjectName("signUpInstructions")
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.PlainText)
        self.instructions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = FieldForm()
        self.form.setAccessibleName(self.tr("What the server asks"))
        self.web: LinkButton | None = None
        self.web_host = QVBoxLayout()
        self.error = QLabel()
        self.error.setObjectName("signUpError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.instructions)
        layout.addWidget(self.form)
        layout.addLayout(self.web_host)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def show_form(self, form: SignUpForm, keep: dict[str, str | bool] | None = None) -> None:
        """Show ``form``; ``keep``: the person's last answers, kept when the same form comes
        back with errors (a fresh CAPTCHA picture, but the rest as typed)."""
        self.title.setText(form.title)
        self.setAccessibleName(form.title)
        self.instructions.setText(form.instructions)
        self.instructions.setVisible(bool(form.instructions))
        self.form.clear()
        for fld in form.fields:
            editor = editor_for_form_field(fld)
            if keep is not None and fld.name in keep and not fld.media:
                _restore(editor, keep[fld.name])
            if fld.media:
                picture = image_label(fld.media, core_text(fld.label))
                if picture is not None:
                    picture.setObjectName(f"media_{fld.name}")
                    self.form.add_widget(picture)
            extra = None
            if fld.link:
                extra = LinkButton(fld.link, self.tr("Read it"))
                extra.setObjectName(f"link_{fld.name}")
                extra.setAccessibleName(self.tr("Read: {label}").format(label=core_text(fld.label)))
            self.form.add(
                fld.name,
                core_text(fld.label),
                editor,
                required=fld.required and fld.kind is not FieldKind.BOOLEAN,
                help_text=core_text(fld.help),
                extra=extra,
            )
        if self.web is not None:
            self.web.deleteLater()
            self.web = None
        if form.url:
            self.web = LinkButton(form.url, self.tr("Open the server's page in the browser"))
            self.web.setObjectName("signUpWeb")
            self.web_host.addWidget(self.web)
        left = self.form.show_errors(dict(form.errors))
        self.show_error("\n".join(left))
        self.focus_first()

    def focus_first(self) -> None:
        row = self.form.first_error() or next(iter(self.form.rows.values()), None)
        if row is not None:
            row.focus_target.setFocus()
        elif self.web is not None:
            self.web.setFocus()

    def answers(self) -> dict[str, str | bool]:
        found: dict[str, str | bool] = {}
        for name, editor in self.form.editors():
            value = value_of(editor, strip=not _is_password(editor))
            found[name] = value if isinstance(value, bool) else str(value)
        return found

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleDescription(text)
        self.error.setVisible(bool(text))


def _is_password(editor: QWidget) -> bool:
    return isinstance(editor, QLineEdit) and editor.echoMode() == QLineEdit.EchoMode.Password


def _restore(editor: QWidget, value: str | bool) -> None:
    if isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QComboBox):
        editor.setCurrentText(str(value))
    elif isinstance(editor, QLineEdit):
        editor.setText(str(value))
