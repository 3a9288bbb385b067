"""What a person does with their history as a whole: export an account, import an export or a
history kept when an account was removed, and delete an account's old messages.

Kept apart from the main window, which wires the Accounts menu to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.models import Account
from app.runtime import Result
from app.store.archive import KeptHistory

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ArchiveActions(QObject):
    """The Accounts menu's history entries, for the window that owns them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = window.bridge
        self.core = window.core

    def export(self, account: Account) -> None:
        w = self.window
        path, _ = QFileDialog.getSaveFileName(
            w,
            self.tr("Export account history"),
            f"{account.display_name}.jsonl",
            self.tr("JSON Lines, can be imported again (*.jsonl);;Web page (*.html)"),
        )
        if path:
            w.run(
                self.core.archive.export_account(account.id, Path(path)),
                success=self.tr("History exported to {path}.").format(path=path),
                finished=lambda: w.end_progress(account.id, "export"),
            )

    def import_history(self) -> None:
        """Offer the histories kept from removed accounts (and any export file)."""
        self.bridge.call(self.core.archive.kept_histories(), self._choose_import)

    def _choose_import(self, done: Result[list[KeptHistory]]) -> None:
        kept = done.value if done.ok else []
        if not kept:
            self._import_file()
            return
        labels = [
            self.tr("{name} ({service}), kept {when}, %n message(s)", "", k.messages).format(
                name=k.display_name,
                service=k.protocol_id,
                when=k.kept_at.astimezone().strftime("%Y-%m-%d") if k.kept_at else "?",
            )
            for k in kept
        ]
        other = self.tr("Another file (an export)…")
        dialog = QInputDialog(self.window)
        dialog.setObjectName("importChooser")
        dialog.setWindowTitle(self.tr("Import history"))
        dialog.setLabelText(self.tr("History kept from a removed account, or a file:"))
        dialog.setComboBoxItems([*labels, other])
        dialog.setComboBoxEditable(False)

        def chosen(text: str) -> None:
            if text in labels:
                self._import(kept[labels.index(text)].path)
            else:
                self._import_file()

        dialog.textValueSelected.connect(chosen)
        self.window.show_dialog(dialog)

    def _import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import history"),
            str(self.core.ctx.paths.archive_dir),
            self.tr("Chinwag history (*.jsonl *.sqlite3)"),
        )
        if path:
            self._import(Path(path))

    def _import(self, path: Path) -> None:
        self.window.run(
            self.core.archive.import_account(path),
            success=self.tr("History imported as a new, disabled account. Edit it to sign in."),
        )

    def prune(self, account: Account) -> None:
        """Delete old messages of one account (asked for how many days back)."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName("pruneDialog")
        dialog.setWindowTitle(self.tr("Delete old history"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, 36500)
        dialog.setIntValue(365)
        dialog.setLabelText(
            self.tr("Delete the messages of “{account}” older than this many days:").format(
                account=account.display_name
            )
        )
        dialog.intValueSelected.connect(lambda days: self._prune(account, days))
        self.window.show_dialog(dialog)

    def _prune(self, account: Account, days: int) -> None:
        def pruned(done: Result[int]) -> None:
            w = self.window
            if not w.report(done):
                return
            text = self.tr("%n old message(s) of {account} deleted.", "", done.value)
            w.notices.show_notice(text.format(account=account.display_name), "info")
            open_conv = w.pane.conversation
            if done.value and open_conv is not None and open_conv.account_id == account.id:
                w.pane.model.jump_to_latest()  # what is shown must still be stored

        self.bridge.call(self.core.archive.prune_history(days, account.id), pruned)
