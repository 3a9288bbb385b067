"""Long work in the main window's status bar: "alice: Exporting 500 of 2000", then "… done".

Kept apart from the main window (one concern). Upload and download progress is shown where
it happens (the composer, the message), not here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from app import events as ev
from ui.core_text import core_text
from ui.models.sidebar_model import SidebarModel


class ProgressLine(QObject):
    def __init__(self, bar: QStatusBar, sidebar_model: SidebarModel) -> None:
        super().__init__(bar)
        self.bar = bar
        self.sidebar_model = sidebar_model
        # Long operations still running, (account id, task) -> the status line they show.
        self.running: dict[tuple[str, str], str] = {}

    def progress(self, event: ev.ProgressChanged) -> None:
        key = (event.account_id, event.task)
        account = self.sidebar_model.account_name(event.account_id)
        if event.total is not None and event.done >= event.total:  # 0 of 0 is done too
            self.running.pop(key, None)
            self._show(
                self.tr("{account}: {label} done").format(
                    account=account, label=core_text(event.label)
                )
            )
            return
        if event.total:
            text = self.tr("{account}: {label} {done} of {total}").format(
                account=account, label=core_text(event.label), done=event.done, total=event.total
            )
        else:
            text = self.tr("{account}: {label} ({done})").format(
                account=account, label=core_text(event.label), done=event.done
            )
        self.running[key] = text
        self._show()

    def end(self, account_id: str, task: str) -> None:
        """A command whose progress has no known total has finished: stop showing it."""
        if self.running.pop((account_id, task), None) is not None:
            self._show()

    def _show(self, finished: str = "") -> None:
        """The newest running task; else what just finished, for a few seconds; else nothing."""
        if self.running:
            self.bar.showMessage(list(self.running.values())[-1])
        elif finished:
            self.bar.showMessage(finished, 5000)
        else:
            self.bar.clearMessage()
