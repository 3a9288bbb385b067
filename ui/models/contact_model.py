"""The contact list: per account, its people by group (XMPP roster groups), each with their
presence, status text and last seen in words, requests still waiting, and a "Blocked" group.

Fed by ``ContactsChanged`` events (and the stored list the core gives once per account); an
account that is not connected shows its people with their presence unknown, never a stale
"available".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app import events as ev
from app.models import Account, ConnectionState, Contact, Presence, PresenceState
from ui.models.member_model import presence_text

KindRole = Qt.ItemDataRole.UserRole + 1  # "account" | "group" | "contact"
AccountRole = Qt.ItemDataRole.UserRole + 2
ContactRole = Qt.ItemDataRole.UserRole + 3
OnlineRole = Qt.ItemDataRole.UserRole + 4

_OFFLINE = (PresenceState.OFFLINE, PresenceState.UNKNOWN)


class PresenceWords(QObject):
    """Presence phrases with plural forms (``self.tr`` is what Qt's catalogue tools read)."""

    def seen(self, when: datetime, now: datetime | None = None) -> str:
        """ "last seen 5 minutes ago", in words a screen reader reads well."""
        now = now or datetime.now(UTC)
        minutes = max(0, int((now - when).total_seconds() // 60))
        if minutes < 1:
            return self.tr("active just now")
        if minutes < 60:
            return self.tr("last seen %n minute(s) ago", "", minutes)
        hours = minutes // 60
        if hours < 48:
            return self.tr("last seen %n hour(s) ago", "", hours)
        return self.tr("last seen %n day(s) ago", "", hours // 24)


def seen_text(when: datetime, now: datetime | None = None) -> str:
    return PresenceWords().seen(when, now)


def waiting(contact: Contact) -> bool:
    """We asked to see their presence and they have not answered (XMPP ``ask``)."""
    return contact.subscription.endswith("+ask")


def describe(contact: Contact, online: bool = True) -> str:
    """Presence, status, last seen and subscription of a contact, in words."""
    presence = contact.presence if online else Presence(PresenceState.UNKNOWN)
    if (
        online
        and presence.state is PresenceState.UNKNOWN
        and contact.subscription in ("to", "both")
    ):
        # We are subscribed: the server tells us every device that is online, so none is offline.
        presence = Presence(PresenceState.OFFLINE, last_seen=presence.last_seen)
    parts = [presence_text(presence.state)]
    if presence.status:
        parts.append(presence.status)
    if presence.last_seen is not None:
        parts.append(seen_text(presence.last_seen))
    if contact.blocked:
        parts.append(QCoreApplication.translate("ContactListModel", "blocked"))
    elif waiting(contact):
        parts.append(
            QCoreApplication.translate(
                "ContactListModel", "asked to see their status, waiting for them"
            )
        )
    elif contact.subscription in ("none", "from"):
        parts.append(QCoreApplication.translate("ContactListModel", "you do not see their status"))
    return ", ".join(parts)


def _sort_key(contact: Contact) -> tuple[str, str]:
    """By name only: rows that moved whenever someone came online would lose the reader."""
    return (contact.name.casefold(), contact.id.native_id)


class ContactListModel(QStandardItemModel):
    """Accounts → groups → contacts. Signals: ``accountAdded(str)``: an account appeared whose
    stored contacts should be loaded (the owner asks the core and calls :meth:`set_contacts`)."""

    accountAdded = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts: dict[str, Account] = {}
        self._contacts: dict[str, dict[str, Contact]] = {}
        self._online: dict[str, bool] = {}

    # -- reading -----------------------------------------------------------------------------

    def contacts(self, account_id: str) -> list[Contact]:
        return sorted(self._contacts.get(account_id, {}).values(), key=_sort_key)

    def contact(self, account_id: str, native_id: str) -> Contact | None:
        return self._contacts.get(account_id, {}).get(native_id)

    def account_ids(self) -> list[str]:
        return list(self._accounts)

    # -- feeding -----------------------------------------------------------------------------

    def set_contacts(self, account_id: str, contacts: list[Contact]) -> None:
        if account_id not in self._accounts:
            return
        known = self._contacts.setdefault(account_id, {})
        for contact in contacts:
            known.setdefault(contact.id.native_id, contact)  # events may already be newer
        self._rebuild(account_id)

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        dirty: dict[str, None] = {}
        for event in events:
            if isinstance(event, ev.AccountsChanged):
                self._accounts_changed(event.accounts)
            elif isinstance(event, ev.ContactsChanged):
                if self._contacts_changed(event):
                    dirty[event.account_id] = None
            elif (
                isinstance(event, ev.ConnectionStateChanged) and event.account_id in self._accounts
            ):
                online = event.state is ConnectionState.CONNECTED
                if self._online.get(event.account_id) != online:
                    self._online[event.account_id] = online
                    dirty[event.account_id] = None
        for account_id in dirty:
            self._rebuild(account_id)

    def _accounts_changed(self, accounts: tuple[Account, ...]) -> None:
        new = {a.id: a for a in accounts}
        for gone in [a for a in self._accounts if a not in new]:
            self._accounts.pop(gone)
            self._contacts.pop(gone, None)
            row = self._account_row(gone)
            if row is not None:
                self.removeRow(row)
        for account in accounts:
            added = account.id not in self._accounts
            self._accounts[account.id] = account
            if added:
                self._contacts.setdefault(account.id, {})
                self.appendRow(self._account_item(account))
                self.accountAdded.emit(account.id)
            else:
                row = self._account_row(account.id)
                if row is not None:
                    item = self.item(row)
                    item.setText(account.display_name)
                    item.setData(account.display_name, Qt.ItemDataRole.AccessibleTextRole)

    def _contacts_changed(self, event: ev.ContactsChanged) -> bool:
        known = self._contacts.get(event.account_id)
        if known is None:
            return False
        if event.presence_only:
            changed = False
            for contact in event.upserted:
                old = known.get(contact.id.native_id)
                if old is not None and old.presence != contact.presence:
                    known[contact.id.native_id] = replace(old, presence=contact.presence)
                    changed = True
            return changed
        if event.complete:
            keep = {c.id.native_id for c in event.upserted}
            for native in [n for n in known if n not in keep]:
                del known[native]
        for contact in event.upserted:
            old = known.get(contact.id.native_id)
            presence = contact.presence
            if presence.state is PresenceState.UNKNOWN and old is not None:
                presence = old.presence  # a roster change says nothing of presence
            known[contact.id.native_id] = replace(contact, presence=presence)
        for native in event.removed:
            known.pop(native, None)
        return True

    # -- building ----------------------------------------------------------------------------

    def _account_row(self, account_id: str) -> int | None:
        for row in range(self.rowCount()):
            if self.item(row).data(AccountRole) == account_id:
                return row
        return None

    def _account_item(self, account: Account) -> QStandardItem:
        item = QStandardItem(account.display_name)
        item.setEditable(False)
        item.setData("account", KindRole)
        item.setData(account.id, AccountRole)
        item.setData(account.display_name, Qt.ItemDataRole.AccessibleTextRole)
        return item

    def _rebuild(self, account_id: str) -> None:
        """Bring the account's subtree in line with what is known, changing rows in place: a
        presence change must not move the keyboard focus or collapse a group."""
        row = self._account_row(account_id)
        if row is None:
            return
        parent = self.item(row)
        online = self._online.get(account_id, False)
        groups: dict[str, list[Contact]] = {}
        blocked: list[Contact] = []
        for contact in self._contacts.get(account_id, {}).values():
            if contact.blocked:
                blocked.append(contact)
                continue
            for group in contact.groups or (
                QCoreApplication.translate("ContactListModel", "Contacts"),
            ):
                groups.setdefault(group, []).append(contact)
        wanted = sorted(groups.items(), key=lambda kv: kv[0].casefold())
        if blocked:
            wanted.append((QCoreApplication.translate("ContactListModel", "Blocked"), blocked))
        names = [name for name, _ in wanted]
        for r in reversed(range(parent.rowCount())):
            if parent.child(r).text() not in names:
                parent.removeRow(r)
        for position, (name, members) in enumerate(wanted):
            node = parent.child(position) if position < parent.rowCount() else None
            if node is None or node.text() != name:
                node = QStandardItem(name)
                node.setEditable(False)
                node.setData("group", KindRole)
                node.setData(account_id, AccountRole)
                parent.insertRow(position, [node])
            members.sort(key=_sort_key)
            self._sync_group(node, members, online)
            shown = sum(1 for c in members if online and c.presence.state not in _OFFLINE)
            label = self.tr("{group}, %n contact(s)", "", len(members)).format(group=name)
            node.setData(
                label
                + ", "
                + QCoreApplication.translate("ContactListModel", "{online} online").format(
                    online=shown
                ),
                Qt.ItemDataRole.AccessibleTextRole,
            )
        total = len(self._contacts.get(account_id, {}))
        name = self._accounts[account_id].display_name
        parent.setData(
            self.tr("{account}, %n contact(s)", "", total).format(account=name),
            Qt.ItemDataRole.AccessibleTextRole,
        )

    def _sync_group(self, group: QStandardItem, members: list[Contact], online: bool) -> None:
        wanted = [c.id.native_id for c in members]
        for r in reversed(range(group.rowCount())):
            contact = group.child(r).data(ContactRole)
            if not isinstance(contact, Contact) or contact.id.native_id not in wanted:
                group.removeRow(r)
        for position, contact in enumerate(members):
            item = group.child(position) if position < group.rowCount() else None
            current = item.data(ContactRole) if item is not None else None
            if item is not None and isinstance(current, Contact) and current.id == contact.id:
                self._fill(item, contact, online)
                continue
            for later in range(position + 1, group.rowCount()):
                moved = group.child(later).data(ContactRole)
                if isinstance(moved, Contact) and moved.id == contact.id:
                    group.removeRow(later)  # renamed: it moves to its new place
                    break
            item = QStandardItem()
            item.setEditable(False)
            self._fill(item, contact, online)
            group.insertRow(position, [item])

    def _fill(self, item: QStandardItem, contact: Contact, online: bool) -> None:
        state = describe(contact, online)
        address = contact.id.native_id
        who = contact.name if contact.name == address else f"{contact.name} ({address})"
        values: dict[int, Any] = {
            Qt.ItemDataRole.DisplayRole: f"{contact.name} — {state}",
            KindRole: "contact",
            AccountRole: contact.id.account_id,
            ContactRole: contact,
            OnlineRole: online and contact.presence.state not in _OFFLINE,
            Qt.ItemDataRole.AccessibleTextRole: f"{who}, {state}",
            Qt.ItemDataRole.ToolTipRole: f"{address}\n{state}",
        }
        for role, value in values.items():
            if item.data(role) != value:
                item.setData(value, role)
