"""Form pieces of the account dialog: one editor per field, each with its own error line.

Both the account's own fields (:class:`~app.backend.AccountField`, declared by the backend) and
the forms a server sends while an account is made (:class:`~app.backend.FormField`) become rows
of a :class:`FieldForm`. An error is shown *under the field it is about*, starts with a warning
sign (not colour alone), and becomes the editor's accessible description, so a screen reader
reads it when the field gets the focus. :class:`Disclosure` is the "Advanced" section that opens
and closes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QImage, QIntValidator, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.backend import AccountField, FieldKind, FormField
from ui.core_text import core_text

MAX_CAPTCHA_SIZE = 600


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountForm", text)


class FileField(QWidget):
    """A path with a Browse… button (CA files, client certificates)."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setAccessibleName(self.tr("Choose a file for {label}").format(label=label))
        self.browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        # No focus proxy: the row would then report "focused" along with its field.

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"))
        if path:
            self.edit.setText(path)


class FieldRow(QWidget):
    """An editor with the line that tells what is wrong with it."""

    def __init__(self, name: str, label: str, editor: QWidget, help_text: str = "") -> None:
        super().__init__()
        self.name = name
        self.label_text = label
        self.editor = editor
        self.help_text = help_text
        self.error = QLabel()
        self.error.setObjectName(f"error_{name}")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Problem with {label}").format(label=label))
        self.error.setProperty("role", "fieldError")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self.focus_target: QWidget = editor.edit if isinstance(editor, FileField) else editor

    def set_error(self, text: str) -> None:
        target = self.focus_target
        if text:
            self.error.setText("⚠ " + text)
            self.error.show()
            target.setAccessibleDescription(
                self.tr("Problem: {text}").format(text=text)
                + (" " + self.help_text if self.help_text else "")
            )
        else:
            self.error.clear()
            self.error.hide()
            target.setAccessibleDescription(self.help_text)

    def has_error(self) -> bool:
        return self.error.isVisibleTo(self)


def _line_edit(kind: FieldKind, secret: bool) -> QLineEdit:
    line = QLineEdit()
    if kind is FieldKind.PASSWORD or secret:
        line.setEchoMode(QLineEdit.EchoMode.Password)
    if kind is FieldKind.INTEGER:
        line.setValidator(QIntValidator(0, 2**31 - 1, line))
    return line


def editor_for_account_field(fld: AccountField, value: Any, editing: bool) -> QWidget:
    """The editor of one of the account's own fields, filled with ``value``."""
    editor: QWidget
    if fld.kind is FieldKind.BOOLEAN:
        box = QCheckBox(fld.label)
        box.setChecked(bool(value))
        editor = box
    elif fld.kind is FieldKind.CHOICE:
        combo = QComboBox()
        combo.addItems(list(fld.choices))
        if value in fld.choices:
            combo.setCurrentText(str(value))
        editor = combo
    elif fld.kind is FieldKind.FILE:
        file_field = FileField(fld.label)
        if value:
            file_field.edit.setText(str(value))
        editor = file_field
    else:
        line = _line_edit(fld.kind, fld.secret)
        if (fld.kind is FieldKind.PASSWORD or fld.secret) and editing:
            line.setPlaceholderText(_tr("Leave empty to keep the saved one"))
        if value is not None and not fld.secret:
            line.setText(str(value))
        if not line.placeholderText():
            line.setPlaceholderText(fld.placeholder)
        editor = line
    editor.setObjectName(f"field_{fld.name}")
    editor.setAccessibleName(fld.label)
    if core_text(fld.help):
        editor.setToolTip(fld.help)
        editor.setAccessibleDescription(fld.help)
    return editor


def editor_for_form_field(fld: FormField) -> QWidget:
    """The editor of a field a server's form asks for."""
    editor: QWidget
    if fld.kind is FieldKind.BOOLEAN:
        box = QCheckBox(fld.label)
        box.setChecked(fld.value in ("1", "true"))
        editor = box
    elif fld.kind is FieldKind.CHOICE and fld.choices:
        combo = QComboBox()
        combo.addItems(list(fld.choices))
        if fld.value in fld.choices:
            combo.setCurrentText(fld.value)
        editor = combo
    else:
        line = _line_edit(fld.kind, False)
        line.setText(fld.value)
        editor = line
    editor.setObjectName(f"signup_{fld.name}")
    editor.setAccessibleName(fld.label)
    if core_text(fld.help):
        editor.setToolTip(fld.help)
        editor.setAccessibleDescription(fld.help)
    return editor


def value_of(editor: QWidget, *, strip: bool = True) -> str | int | bool:
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, FileField):
        return editor.edit.text().strip()
    assert isinstance(editor, QLineEdit)
    return editor.text().strip() if strip else editor.text()


class FieldForm(QWidget):
    """Rows of labelled editors with their error lines; the order is the tab order."""

    def __init__(self, parent: QWidget | None = None, *, fixed_rows: int = 0) -> None:
        """``fixed_rows``: rows added first that :meth:`clear` keeps (the service choice)."""
        super().__init__(parent)
        self.fixed_rows = fixed_rows
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, FieldRow] = {}

    def clear(self) -> None:
        while self.layout_.rowCount() > self.fixed_rows:
            self.layout_.removeRow(self.fixed_rows)
        self.rows.clear()

    def add(
        self,
        name: str,
        label: str,
        editor: QWidget,
        *,
        required: bool = False,
        help_text: str = "",
        extra: QWidget | None = None,
    ) -> FieldRow:
        row = FieldRow(name, label, editor, help_text)
        if isinstance(editor, QCheckBox):
            self.layout_.addRow(row)  # a check box carries its own label
        else:
            caption = QLabel(label + (" *" if required else "") + ":")
            caption.setBuddy(editor.edit if isinstance(editor, FileField) else editor)
            caption.setWordWrap(True)
            self.layout_.addRow(caption, row)
        if extra is not None:
            self.layout_.addRow("", extra)
        self.rows[name] = row
        return row

    def add_widget(self, widget: QWidget) -> None:
        self.layout_.addRow(widget)

    def set_row_visible(self, name: str, visible: bool) -> None:
        row = self.rows.get(name)
        if row is not None:
            self.layout_.setRowVisible(row, visible)

    def editors(self) -> Iterable[tuple[str, QWidget]]:
        return ((name, row.editor) for name, row in self.rows.items())

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Put each error under its field; returns the errors no field here took."""
        left = []
        for name, row in self.rows.items():
            row.set_error(errors.get(name, ""))
        for name, text in errors.items():
            if name not in self.rows:
                left.append(text)
        return left

    def first_error(self) -> FieldRow | None:
        return next((row for row in self.rows.values() if row.has_error()), None)


class Disclosure(QWidget):
    """A section that opens and closes ("Advanced"): a tool button with an arrow, keyboard
    operable, whose accessible name says whether it is open.

    Signals: ``toggled(bool)``."""

    toggled = Signal(bool)

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.button = QToolButton()
        self.button.setObjectName("advancedToggle")
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.toggled.connect(self._toggled)
        self.content = content
        content.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(content)
        self._describe(False)

    def _describe(self, open_: bool) -> None:
        state = self.tr("expanded") if open_ else self.tr("collapsed")
        self.button.setAccessibleName(f"{self._title.replace('&', '')} ({state})")
        self.button.setAccessibleDescription(
            self.tr("Shows the settings most accounts never need.")
        )

    @Slot(bool)
    def _toggled(self, open_: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.content.setVisible(open_)
        self._describe(open_)
        self.toggled.emit(open_)

    def set_open(self, open_: bool) -> None:
        self.button.setChecked(open_)

    def is_open(self) -> bool:
        return self.button.isChecked()


def image_label(data: bytes, label: str) -> QLabel | None:
    """A CAPTCHA image from its bytes (PNG, JPEG …), scaled down if huge; None if unreadable."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    if image.width() > MAX_CAPTCHA_SIZE or image.height() > MAX_CAPTCHA_SIZE:
        image = image.scaled(
            MAX_CAPTCHA_SIZE,
            MAX_CAPTCHA_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    picture = QLabel()
    picture.setPixmap(QPixmap.fromImage(image))
    picture.setAccessibleName(_tr("Image for {label}").format(label=label))
    picture.setAccessibleDescription(
        _tr("A picture to read; if you cannot, use the server's web page instead.")
    )
    return picture


class LinkButton(QPushButton):
    """Opens its URL (https only, or loopback http for a local server) in the browser."""

    def __init__(self, url: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.url = url
        self.setAccessibleName(text)
        self.setToolTip(url)
        self.setAccessibleDescription(url)
        self.clicked.connect(self._open)

    @Slot()
    def _open(self) -> None:
        open_link(self.url)


def open_link(url: str) -> bool:
    qurl = QUrl(url)
    if qurl.scheme() == "https" or (
        qurl.scheme() == "http" and qurl.host() in ("127.0.0.1", "localhost", "::1")
    ):
        return bool(QDesktopServices.openUrl(qurl))
    return False
