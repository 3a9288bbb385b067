"""Settings → Accessibility: screen-reader mode, what is read aloud, and how a message is read.

- *Screen-reader mode* (ui/a11y/mode.py);
- *Read aloud*: whether the open conversation's new messages are read, and each account's default
  level for its conversations (each conversation can differ: its "More" menu → Read aloud);
- *Reading a message*: which parts are read and in which order — a checkable list with Move up /
  Move down (also Alt+Up / Alt+Down in the list) — and a preview of the result, which is also
  spoken when it changes.

Every change goes to the core at once, like the other settings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models import NotifyLevel
from ui.a11y import levels, verbosity
from ui.a11y.mode import SCREEN_READER_MODE
from ui.a11y.verbosity import MESSAGE_PARTS, Verbosity
from ui.a11y.widgets import name, tab_chain
from ui.preferences import Preferences

PartRole = Qt.ItemDataRole.UserRole + 1


def sample_values() -> dict[str, str]:
    """A message to preview the reading with (what the message list would give each part)."""
    sent = datetime.now().astimezone().replace(hour=12, minute=5, second=0, microsecond=0)
    translate = QCoreApplication.translate
    return {
        verbosity.SENDER: translate("AccessibilityPage", "Bob"),
        verbosity.TEXT: translate("AccessibilityPage", "Lunch at noon?"),
        verbosity.TIME: verbosity.spoken_time(sent),
        verbosity.REPLY: translate("AccessibilityPage", "in reply to Alice, anyone free today?"),
        verbosity.REACTIONS: translate("AccessibilityPage", "reactions, 👍 2"),
        verbosity.ATTACHMENTS: translate("AccessibilityPage", "attachments, menu.pdf"),
        verbosity.DELIVERY: translate("AccessibilityPage", "read"),
        verbosity.EDITED: translate("AccessibilityPage", "edited"),
        verbosity.SECURITY: translate("AccessibilityPage", "sent from an unverified device"),
    }


class AccessibilityPage(QWidget):
    def __init__(
        self,
        prefs: Preferences,
        accounts: Sequence[tuple[str, str]],
        set_preference: Callable[[str, Any], None],
        set_mode: Callable[[bool, Any], None],
        *,
        say: Callable[..., None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accessibilityPage")
        self._prefs = prefs
        self._set = set_preference
        self._set_mode = set_mode
        self._say = say
        self._echoes: list[Any] = []  # parts we saved whose PreferencesChanged is still to come
        values = prefs.values()

        self.mode = QCheckBox(self.tr("Screen-&reader mode"))
        self.mode.setObjectName("screenReaderMode")
        name(self.mode, self.tr("Screen-reader mode"))
        self.mode.setChecked(values.get(SCREEN_READER_MODE) is True)
        self.mode.toggled.connect(self._mode_toggled)
        mode_help = QLabel(
            self.tr(
                "Starts in the conversation list, reads message times only on request (Ctrl+T) "
                "and turns animations off."
            )
        )
        mode_help.setWordWrap(True)

        self.read_open = QCheckBox(self.tr("Read new messages of the &open conversation"))
        self.read_open.setObjectName("readOpenConversation")
        name(self.read_open, self.tr("Read new messages of the open conversation"))
        self.read_open.setChecked(bool(values.get(levels.READ_OPEN, True)))
        self.read_open.toggled.connect(lambda on: self._set(levels.READ_OPEN, bool(on)))

        aloud = QGroupBox(self.tr("Read aloud in the background"))
        aloud_form = QFormLayout(aloud)
        self.account_levels: dict[str, QComboBox] = {}
        for account_id, account_name in accounts:
            combo = QComboBox()
            combo.setObjectName(f"announceLevel:{account_id}")
            name(combo, self.tr("Read aloud in {account}").format(account=account_name))
            for level, label in (
                (NotifyLevel.ALL, self.tr("Every message")),
                (NotifyLevel.MENTIONS, self.tr("Mentions and direct messages")),
                (NotifyLevel.NONE, self.tr("Nothing")),
            ):
                combo.addItem(label, level.value)
            current = levels.account_level(values, account_id)
            combo.setCurrentIndex(max(combo.findData(current.value), 0))
            combo.currentIndexChanged.connect(
                lambda _i, a=account_id, c=combo: self._set(levels.account_key(a), c.currentData())
            )
            account_label = QLabel(account_name)
            account_label.setBuddy(combo)
            aloud_form.addRow(account_label, combo)
            self.account_levels[account_id] = combo
        if not accounts:
            aloud_form.addRow(QLabel(self.tr("No accounts yet.")))

        reading = QGroupBox(self.tr("Reading a message"))
        self.parts = QListWidget()
        self.parts.setObjectName("messageParts")
        name(self.parts, self.tr("Parts read, in order"))
        self.parts.installEventFilter(self)
        self._fill_parts(values.get(MESSAGE_PARTS))
        self.parts.itemChanged.connect(self._parts_changed)
        parts_label = QLabel(self.tr("&Parts read, in order (check to read):"))
        parts_label.setBuddy(self.parts)
        self.up = QPushButton(self.tr("Move &up"))
        self.up.setObjectName("partUp")
        name(self.up, self.tr("Move the part up"))
        self.up.clicked.connect(lambda: self.move_part(-1))
        self.down = QPushButton(self.tr("Move &down"))
        self.down.setObjectName("partDown")
        name(self.down, self.tr("Move the part down"))
        self.down.clicked.connect(lambda: self.move_part(1))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("verbosityPreview")
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setFixedHeight(self.preview.fontMetrics().lineSpacing() * 3 + 12)
        name(self.preview, self.tr("Preview"))
        preview_label = QLabel(self.tr("Pre&view:"))
        preview_label.setBuddy(self.preview)
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.parts, 1)
        row.addLayout(buttons)
        reading_layout = QVBoxLayout(reading)
        reading_layout.addWidget(parts_label)
        reading_layout.addLayout(row)
        reading_layout.addWidget(preview_label)
        reading_layout.addWidget(self.preview)

        layout = QVBoxLayout(self)
        layout.addWidget(self.mode)
        layout.addWidget(mode_help)
        layout.addWidget(self.read_open)
        layout.addWidget(aloud)
        layout.addWidget(reading, 1)
        tab_chain(
            [
                self.mode,
                self.read_open,
                *self.account_levels.values(),
                self.parts,
                self.up,
                self.down,
                self.preview,
            ]
        )
        self._show_preview(speak=False)
        prefs.changed.connect(self._preferences_changed)

    # -- the parts list ---------------------------------------------------------------------

    def _fill_parts(self, raw: Any) -> None:
        read = set(
            Verbosity.from_preference(raw, self._prefs.get(SCREEN_READER_MODE) is True).parts
        )
        self.parts.blockSignals(True)
        current = self.parts.currentRow()
        self.parts.clear()
        for part in Verbosity.order_of(raw):
            item = QListWidgetItem(verbosity.part_label(part))
            item.setData(PartRole, part)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Checked if part in read else Qt.CheckState.Unchecked)
            self.parts.addItem(item)
        self.parts.setCurrentRow(max(current, 0))
        self.parts.blockSignals(False)

    def order(self) -> list[str]:
        return [str(self.parts.item(i).data(PartRole)) for i in range(self.parts.count())]

    def chosen(self) -> Verbosity:
        return Verbosity(
            tuple(
                str(self.parts.item(i).data(PartRole))
                for i in range(self.parts.count())
                if self.parts.item(i).checkState() == Qt.CheckState.Checked
            )
        )

    def move_part(self, delta: int) -> None:
        row = self.parts.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.parts.count():
            return
        self.parts.blockSignals(True)
        item = self.parts.takeItem(row)
        self.parts.insertItem(target, item)
        self.parts.setCurrentRow(target)
        self.parts.blockSignals(False)
        self._save()
        if self._say is not None:
            self._say(
                self.tr("{part}, now {position} of {count}").format(
                    part=item.text(), position=target + 1, count=self.parts.count()
                ),
                key="parts",
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.parts
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.AltModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self.move_part(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    @Slot(QListWidgetItem)
    def _parts_changed(self, item: QListWidgetItem) -> None:
        if not self.chosen().parts:  # at least one part: a message must say something
            self.parts.blockSignals(True)
            item.setCheckState(Qt.CheckState.Checked)
            self.parts.blockSignals(False)
        self._save()

    def _save(self) -> None:
        chosen = set(self.chosen().parts)
        order = self.order()
        value = Verbosity.to_preference(order, {p: p in chosen for p in order})
        self._echoes.append(value)
        self._set(MESSAGE_PARTS, value)
        self._show_preview()

    def _show_preview(self, speak: bool = True) -> None:
        text = verbosity.compose(sample_values(), self.chosen())
        self.preview.setPlainText(text)
        if speak and self._say is not None:
            self._say(self.tr("Preview, {text}").format(text=text), key="preview", delay=0.6)

    # -- keeping up with the preferences ------------------------------------------------------

    @Slot(bool)
    def _mode_toggled(self, on: bool) -> None:
        self._set_mode(on, self._prefs.get(MESSAGE_PARTS))

    @Slot(dict)
    def _preferences_changed(self, values: dict[str, Any]) -> None:
        """Screen-reader mode changes the parts (no time): show what holds now."""
        raw = values.get(MESSAGE_PARTS)
        if raw in self._echoes:  # our own change coming back (a later one may be on its way)
            del self._echoes[: self._echoes.index(raw) + 1]
            raw = None if self._echoes else raw
        if raw is None and self._echoes:
            return
        wanted = Verbosity.from_preference(raw, values.get(SCREEN_READER_MODE) is True)
        if wanted != self.chosen() or Verbosity.order_of(raw) != self.order():
            self._fill_parts(raw)
            self._show_preview(speak=False)
        self.mode.blockSignals(True)
        self.mode.setChecked(values.get(SCREEN_READER_MODE) is True)
        self.mode.blockSignals(False)
