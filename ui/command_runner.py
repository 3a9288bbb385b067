"""Runs a core command for the main window and its action classes, and says in the notice bar
what went wrong (or what worked, when that is worth saying)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeGuard, TypeVar

from PySide6.QtCore import QObject

from app.backend import Outcome
from app.runtime import Done, Result
from ui.bridge import CoreBridge
from ui.core_text import core_text
from ui.widgets.notice_bar import NoticeBar

T = TypeVar("T")


class CommandRunner(QObject):
    def __init__(
        self, bridge: CoreBridge, notices: NoticeBar, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.notices = notices

    def call(
        self,
        coro: Coroutine[Any, Any, T],
        success: str = "",
        success_fn: Callable[[T], str] | None = None,
        finished: Callable[[], None] | None = None,
    ) -> None:
        """Run a command; say what went wrong, or ``success`` (or ``success_fn(value)``)."""

        def answered(done: Result[T]) -> None:
            if finished is not None:
                finished()
            if self.report(done) and (success or success_fn):
                self.notices.show_notice(success_fn(done.value) if success_fn else success, "info")

        self.bridge.call(coro, answered)

    def report(self, done: Result[T]) -> TypeGuard[Done[T]]:
        """Whether the command worked; if not, say why in the notice bar."""
        if not done.ok:
            self.notices.show_notice(
                core_text(done.error) or self.tr("That did not work."), "error"
            )
            return False
        if isinstance(done.value, Outcome) and done.value.failure is not None:
            self.notices.show_notice(core_text(done.value.failure.message), "error")
            return False
        return True
