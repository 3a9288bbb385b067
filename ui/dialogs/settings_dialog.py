"""Settings: theme, text size, notifications, running in the background and at login
(docs/background.md) and privacy on the first tab, accessibility on the second
(ui/dialogs/accessibility_page.py). Each change goes to the core at once (``set_preference``);
the UI follows the core's PreferencesChanged event like everything else. Starting at login is
the one exception: its setting is the autostart file itself (ui/autostart.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSignalBlocker, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import (
    PREF_LINK_PREVIEWS,
    PREF_ONLY_CONTACTS,
    PREF_SEND_RECEIPTS,
    PREF_SEND_TYPING,
)
from app.highlights import PREF_HIGHLIGHT_WORDS, HighlightWords
from app.runtime import Result
from ui import autostart
from ui.a11y.widgets import tab_chain
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.dialogs.accessibility_page import AccessibilityPage
from ui.preferences import (
    KEEP_RUNNING,
    NOTIFICATIONS,
    REMOTE_MEDIA,
    SPELL_CHECK,
    TEXT_SCALE,
    THEME,
    Preferences,
)

_log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    def __init__(
        self,
        bridge: CoreBridge,
        prefs: Preferences,
        parent: QWidget | None = None,
        *,
        accounts: Sequence[tuple[str, str]] = (),
        set_mode: Callable[[bool, Any], None] | None = None,
        say: Callable[..., None] | None = None,
        system_tray: bool = True,
    ):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._bridge = bridge
        self._say = say
        self._restoring = False
        self._shown: dict[str, Callable[[], None]] = {}  # key: show the stored value again
        self.problem = QLabel()
        self.problem.setObjectName("settingsProblem")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.theme = self._combo(
            "themeChoice",
            self.tr("Theme"),
            THEME,
            prefs,
            [
                ("system", self.tr("Follow the system")),
                ("light", self.tr("Light")),
                ("dark", self.tr("Dark")),
                ("high-contrast", self.tr("High contrast")),
            ],
        )
        self.text_scale = QSpinBox()
        self.text_scale.setObjectName("textScale")
        self.text_scale.setAccessibleName(self.tr("Text size in percent"))
        self.text_scale.setRange(70, 250)
        self.text_scale.setSingleStep(10)
        self.text_scale.setSuffix(" %")
        self.text_scale.setValue(int(prefs.get(TEXT_SCALE)))
        self.text_scale.valueChanged.connect(lambda v: self._set(TEXT_SCALE, int(v)))
        self._shown[TEXT_SCALE] = lambda: self.text_scale.setValue(int(prefs.get(TEXT_SCALE)))
        self.notifications = self._check(
            "notificationsEnabled", self.tr("Show desktop notifications"), NOTIFICATIONS, prefs
        )
        self.highlight_words = QLineEdit(
            ", ".join(HighlightWords.of(prefs.get(PREF_HIGHLIGHT_WORDS)).words)
        )
        self.highlight_words.setObjectName("highlightWords")
        self.highlight_words.setAccessibleName(self.tr("Words that count as a mention"))
        self.highlight_words.setAccessibleDescription(
            self.tr(
                "Separated by commas. A message holding one of them as a word counts as "
                "mentioning you, like your name: it is highlighted and notifies you."
            )
        )
        self.highlight_words.setToolTip(self.highlight_words.accessibleDescription())
        self.highlight_words.setPlaceholderText(self.tr("e.g. release, Chinwag"))
        self.highlight_words.editingFinished.connect(self._highlight_words_edited)
        self._shown[PREF_HIGHLIGHT_WORDS] = lambda: self.highlight_words.setText(
            ", ".join(HighlightWords.of(prefs.get(PREF_HIGHLIGHT_WORDS)).words)
        )
        self.keep_running = self._check(
            "keepRunning",
            self.tr("Keep running in the background when the window is closed"),
            KEEP_RUNNING,
            prefs,
        )
        if not system_tray:  # nothing would bring the window back: closing quits
            with QSignalBlocker(self.keep_running):  # shown off, the preference kept
                self.keep_running.setChecked(False)
            self.keep_running.setEnabled(False)
            self.keep_running.setAccessibleDescription(
                self.tr("This desktop has no system tray, so closing the window quits Chinwag.")
            )
            self.keep_running.setToolTip(self.keep_running.accessibleDescription())
        self.start_at_login = self._start_at_login()
        self.spell_check = self._check(
            "spellCheck", self.tr("Check spelling while I type"), SPELL_CHECK, prefs
        )
        self.remote_media = self._combo(
            "remoteMedia",
            self.tr("Load images from the network"),
            REMOTE_MEDIA,
            prefs,
            [
                ("never", self.tr("Never")),
                ("ask", self.tr("When I ask")),
                ("always", self.tr("Always")),
            ],
        )
        self.send_typing = self._check(
            "sendTyping", self.tr("Let others see when I am typing"), PREF_SEND_TYPING, prefs
        )
        self.send_receipts = self._check(
            "sendReceipts", self.tr("Send read receipts"), PREF_SEND_RECEIPTS, prefs
        )
        self.only_contacts = self._check(
            "onlyContacts",
            self.tr("Accept new private conversations only from contacts"),
            PREF_ONLY_CONTACTS,
            prefs,
        )

        look = QGroupBox(self.tr("Appearance"))
        look_form = QFormLayout(look)
        look_form.addRow(self._label(self.tr("&Theme:"), self.theme), self.theme)
        look_form.addRow(self._label(self.tr("Text si&ze:"), self.text_scale), self.text_scale)
        privacy = QGroupBox(self.tr("Privacy"))
        privacy_form = QFormLayout(privacy)
        privacy_form.addRow(self._label(self.tr("&Images:"), self.remote_media), self.remote_media)
        privacy_form.addRow(self.send_typing)
        privacy_form.addRow(self.send_receipts)
        privacy_form.addRow(self.only_contacts)
        self.link_previews = self._check(
            "linkPreviews", self.tr("Show previews of web links"), PREF_LINK_PREVIEWS, prefs
        )
        self.link_previews.setAccessibleDescription(
            self.tr(
                "Your server fetches each linked page for you (the site never sees your "
                "address). Never in end-to-end encrypted conversations."
            )
        )
        self.link_previews.setToolTip(self.link_previews.accessibleDescription())
        privacy_form.addRow(self.link_previews)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.accept)
        general = QWidget()
        general.setObjectName("generalPage")
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(look)
        general_layout.addWidget(self.notifications)
        mentions = QFormLayout()
        mentions.addRow(
            self._label(self.tr("Also &mention me for:"), self.highlight_words),
            self.highlight_words,
        )
        general_layout.addLayout(mentions)
        general_layout.addWidget(self.keep_running)
        if self.start_at_login is not None:
            general_layout.addWidget(self.start_at_login)
        general_layout.addWidget(self.spell_check)
        general_layout.addWidget(privacy)
        general_layout.addStretch(1)
        self.accessibility = AccessibilityPage(
            prefs,
            accounts,
            self._set,
            set_mode or (lambda on, _parts: self._set("a11y.screen_reader_mode", on)),
            say=say,
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(self.accessibility, self.tr("A&ccessibility"))
        chain: list[QWidget] = [
            self.tabs.tabBar(),
            self.theme,
            self.text_scale,
            self.notifications,
            self.highlight_words,
            self.keep_running,
        ]
        if self.start_at_login is not None:
            chain.append(self.start_at_login)
        tab_chain(
            [
                *chain,
                self.spell_check,
                self.remote_media,
                self.send_typing,
                self.send_receipts,
                self.only_contacts,
                self.link_previews,
            ]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _start_at_login(self) -> QCheckBox | None:
        """The login autostart entry's check box (None where the system has no XDG autostart).
        The file is the setting, not a preference: what the desktop's own settings change
        shows here too."""
        if not autostart.supported():
            return None
        text = self.tr("Start Chinwag when I log in")
        box = QCheckBox(text)
        box.setObjectName("startAtLogin")
        box.setAccessibleName(text)
        box.setAccessibleDescription(
            self.tr("Chinwag starts with its window hidden in the system tray, where there is one.")
        )
        box.setToolTip(box.accessibleDescription())
        box.setChecked(autostart.is_enabled())
        box.toggled.connect(self._set_start_at_login)
        return box

    @Slot(bool)
    def _set_start_at_login(self, on: bool) -> None:
        box = self.start_at_login
        assert box is not None
        try:
            autostart.set_enabled(on)
        except OSError as exc:
            _log.warning("could not change the autostart entry: %s", exc)
            with QSignalBlocker(box):
                box.setChecked(autostart.is_enabled())
            problem = self.tr("Could not change the start at login: {error}").format(
                error=exc.strerror or exc
            )
            box.setToolTip(problem)
            if self._say is not None:
                self._say(problem)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _combo(
        self,
        name: str,
        accessible: str,
        key: str,
        prefs: Preferences,
        choices: list[tuple[str, str]],
    ) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for value, label in choices:
            combo.addItem(label, value)
        self._shown[key] = lambda: combo.setCurrentIndex(max(combo.findData(prefs.get(key)), 0))
        self._shown[key]()
        combo.currentIndexChanged.connect(lambda _i: self._set(key, combo.currentData()))
        return combo

    def _check(self, name: str, text: str, key: str, prefs: Preferences) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setAccessibleName(text)
        self._shown[key] = lambda: box.setChecked(bool(prefs.get(key)))
        self._shown[key]()
        box.toggled.connect(lambda on: self._set(key, bool(on)))
        return box

    def _highlight_words_edited(self) -> None:
        """Saved as a list, tidied (blank and repeated words left out) and shown as saved."""
        words = HighlightWords.of(self.highlight_words.text()).words
        self.highlight_words.setText(", ".join(words))
        self._set(PREF_HIGHLIGHT_WORDS, list(words))

    def _set(self, key: str, value: Any) -> None:
        if self._restoring:
            return
        self._bridge.call(
            self._bridge.core.preferences.set(key, value), lambda done: self._answered(done, key)
        )

    def _answered(self, done: Result[None], key: str) -> None:
        """A change that could not be saved is said, and its control shows the stored value
        again (the preferences are unchanged: no PreferencesChanged came)."""
        if done.ok:
            self.problem.hide()
            return
        self.problem.setText(core_text(done.error) or self.tr("That did not work."))
        self.problem.show()
        show = self._shown.get(key)
        if show is not None:
            self._restoring = True  # putting it back is no new choice
            try:
                show()
            finally:
                self._restoring = False
