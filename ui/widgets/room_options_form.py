"""The fields of a room's setup (name, topic, address, who may join, password, persistent,
moderated, encrypted), shown only where the service honours them (:class:`RoomFeature`).

Shared by the "New room" and "Room settings" dialogs, so both read and say the same things;
every field has a label with a mnemonic and an accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.backend import RoomFeature, RoomOptions

ACCESS_LISTED = "listed"  # anyone can find it in the directory and join
ACCESS_OPEN = "open"  # anyone with the address can join
ACCESS_INVITED = "invited"  # only people who were invited (or made members)
ACCESS_KNOCK = "knock"  # invited people; others may ask to join


def access_of(options: RoomOptions) -> str:
    if options.invite_only:
        return ACCESS_KNOCK if options.knock else ACCESS_INVITED
    return ACCESS_LISTED if options.public else ACCESS_OPEN


class RoomOptionsForm(QWidget):
    """Signals: ``changed()``: the person changed a field."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, creating: bool = True) -> None:
        super().__init__(parent)
        self._creating = creating
        self._features = RoomFeature.NONE
        self._editable = RoomFeature.NONE
        self._encryption_touched = False
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.name = self._line("roomName", self.tr("&Name:"), self.tr("Room name"))
        self.address = self._line(
            "roomAddress", self.tr("Add&ress:"), self.tr("Room address (optional)")
        )
        self.address.setPlaceholderText(self.tr("Chosen from the name when left empty"))
        self.topic = self._line("roomTopic", self.tr("&Topic:"), self.tr("Topic or description"))
        self.access = QComboBox()
        self.access.setObjectName("roomAccess")
        self.access.setAccessibleName(self.tr("Who can join"))
        self._row(self.tr("&Who can join:"), self.access)
        self.access.currentIndexChanged.connect(self._access_changed)
        self.access.activated.connect(self._access_chosen)
        self._access_set = False  # the person (or the room's own setting) chose one
        self.password = self._line(
            "roomPassword", self.tr("&Password:"), self.tr("Room password (optional)")
        )
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.persistent = self._check(
            "roomPersistent", self.tr("&Keep the room when everyone has left")
        )
        self.persistent.setChecked(True)
        self.moderated = self._check(
            "roomModerated", self.tr("&Moderated: only people given a voice may write")
        )
        self.encrypted = self._check("roomEncrypted", self.tr("&End-to-end encrypted"))
        self.encrypted.toggled.connect(self._encryption_toggled)
        self.invite = self._line(
            "roomInvite", self.tr("&Invite:"), self.tr("People to invite, separated by commas")
        )
        self.invite.setPlaceholderText(self.tr("Addresses, separated by commas"))
        self.set_features(RoomFeature.NONE, RoomFeature.NONE)

    # -- building ----------------------------------------------------------------------------

    def _row(self, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        self.form.addRow(label, field)

    def _line(self, name: str, label: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(self.changed)
        self._row(label, edit)
        return edit

    def _check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setAccessibleName(text.replace("&", ""))
        box.toggled.connect(self.changed)
        self.form.addRow(box)
        return box

    # -- showing -----------------------------------------------------------------------------

    def set_features(self, features: RoomFeature, editable: RoomFeature | None = None) -> None:
        """Show the fields the service honours; enable the ones we may change."""
        self._features = features
        self._editable = features if editable is None else editable
        for widget, feature in (
            (self.name, RoomFeature.NAME),
            (self.address, RoomFeature.ADDRESS),
            (self.topic, RoomFeature.TOPIC),
            (self.password, RoomFeature.PASSWORD),
            (self.persistent, RoomFeature.PERSISTENT),
            (self.moderated, RoomFeature.MODERATED),
            (self.encrypted, RoomFeature.ENCRYPTED),
            (self.invite, RoomFeature.INVITEES),
        ):
            shown = bool(features & feature) and (self._creating or feature not in _CREATE_ONLY)
            self.form.setRowVisible(widget, shown)
            widget.setEnabled(bool(self._editable & feature))
        current = self.access.currentData()
        self.access.blockSignals(True)
        self.access.clear()
        choices = [
            (ACCESS_LISTED, self.tr("Anyone: listed in the room directory"), RoomFeature.PUBLIC),
            (ACCESS_OPEN, self.tr("Anyone who knows the address"), RoomFeature.NONE),
            (ACCESS_INVITED, self.tr("Only people who are invited"), RoomFeature.INVITE_ONLY),
            (ACCESS_KNOCK, self.tr("Invited people; others may ask to join"), RoomFeature.KNOCK),
        ]
        for value, text, needs in choices:
            if needs == RoomFeature.NONE or features & needs:
                self.access.addItem(text, value)
        index = self.access.findData(current) if self._access_set else -1
        if index < 0 and self._creating:
            index = self.access.findData(ACCESS_INVITED)  # private unless asked otherwise
        self.access.setCurrentIndex(max(index, 0))
        self.access.blockSignals(False)
        access_features = RoomFeature.PUBLIC | RoomFeature.INVITE_ONLY | RoomFeature.KNOCK
        self.form.setRowVisible(self.access, bool(features & access_features))
        self.access.setEnabled(bool(self._editable & access_features))
        self._access_changed()

    def set_options(self, options: RoomOptions) -> None:
        """Fill the fields from a room's current setup."""
        self.name.setText(options.name)
        self.address.setText(options.address)
        self.topic.setText(options.topic)
        self.password.setText(options.password)
        self.persistent.setChecked(options.persistent)
        self.moderated.setChecked(options.moderated)
        self.encrypted.blockSignals(True)
        self.encrypted.setChecked(options.encrypted)
        self.encrypted.blockSignals(False)
        self._encryption_touched = True  # a room's own setting is never changed for it
        self._access_set = True
        self.access.setCurrentIndex(max(self.access.findData(access_of(options)), 0))

    # -- reading -----------------------------------------------------------------------------

    def options(self) -> RoomOptions:
        access = str(self.access.currentData() or ACCESS_OPEN)
        invite = tuple(
            p.strip() for p in self.invite.text().replace(";", ",").split(",") if p.strip()
        )
        features = self._features
        return RoomOptions(
            name=self.name.text().strip() if features & RoomFeature.NAME else "",
            address=self.address.text().strip() if features & RoomFeature.ADDRESS else "",
            topic=self.topic.text().strip() if features & RoomFeature.TOPIC else "",
            public=access == ACCESS_LISTED,
            invite_only=access in (ACCESS_INVITED, ACCESS_KNOCK),
            knock=access == ACCESS_KNOCK,
            password=self.password.text() if features & RoomFeature.PASSWORD else "",
            persistent=self.persistent.isChecked(),
            moderated=self.moderated.isChecked() and bool(features & RoomFeature.MODERATED),
            encrypted=self.encrypted.isChecked() and bool(features & RoomFeature.ENCRYPTED),
            invite=invite if features & RoomFeature.INVITEES else (),
        )

    # -- reacting ----------------------------------------------------------------------------

    @Slot()
    def _access_changed(self) -> None:
        """Private rooms are encrypted by default (until the person decides otherwise)."""
        if self._creating and not self._encryption_touched:
            private = self.access.currentData() in (ACCESS_INVITED, ACCESS_KNOCK)
            self.encrypted.blockSignals(True)
            self.encrypted.setChecked(private and bool(self._features & RoomFeature.ENCRYPTED))
            self.encrypted.blockSignals(False)
        self.changed.emit()

    @Slot(int)
    def _access_chosen(self, _index: int) -> None:
        self._access_set = True

    @Slot(bool)
    def _encryption_toggled(self, _on: bool) -> None:
        self._encryption_touched = True


_CREATE_ONLY = (RoomFeature.ADDRESS, RoomFeature.INVITEES)
