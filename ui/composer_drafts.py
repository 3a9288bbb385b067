"""Each conversation's draft in the composer: kept when the person leaves it, put back when they
come back, saved so that a killed app loses at most the last second of typing.

The composer is one widget shared by every conversation; without this, text typed in room A
stayed in the box when room B opened, and Enter sent it there. Like Element (whose drafts are a
new message, a reply or an edit), a reply or an edit in progress is part of the draft and comes
back with it. Saving goes through ``core.drafts`` (the store worker, never this thread): a second
after the last keystroke, on leaving the conversation, on sending, and when the window closes. A
save that fails is logged and tried again at the next one; the box keeps its text either way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Slot

from app.models import Conversation, ConversationId, Draft, DraftMode, Message
from app.runtime import Result
from ui.bridge import CoreBridge
from ui.models.sidebar_model import SidebarModel
from ui.widgets.composer import ComposerArea

_log = logging.getLogger(__name__)
SAVE_AFTER_MS = 1000
"""A draft is saved this long after the last change (and at once on leaving or sending)."""


class ComposerDrafts(QObject):
    """Keeps ``area``'s text, reply and edit per conversation. No signals: it acts on the
    composer and the core; :meth:`leave`, :meth:`enter`, :meth:`sent` and :meth:`flush` are
    called by the pane and the window."""

    def __init__(
        self,
        bridge: CoreBridge,
        area: ComposerArea,
        sidebar: SidebarModel,
        quote: Callable[[Message], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._area = area
        self._sidebar = sidebar
        self._quote = quote
        self._conv: ConversationId | None = None
        self._visit = 0  # which opening a reply or edit target that comes back belongs to
        self._known: dict[ConversationId, Draft | None] = {}  # written since start, newest
        self._unsaved: dict[ConversationId, Draft | None] = {}  # not yet taken by the store
        self._pending: Draft | None = None  # the open draft's reply or edit, until it is found
        self._putting = False  # the box is being filled from a draft: not a change
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save_now)
        area.composer.textChanged.connect(self._changed)
        area.modeChanged.connect(self._mode_changed)

    # -- what the box holds ------------------------------------------------------------------

    def current(self) -> Draft | None:
        """The open conversation's draft as the composer shows it (None: nothing to keep)."""
        area = self._area
        text = area.composer.toPlainText()
        if area.editing is not None:
            return Draft(text, DraftMode.EDIT, area.editing.id.native_id)
        if area.reply_to is not None:
            return Draft(text, DraftMode.REPLY, area.reply_to.id.native_id)
        if self._pending is not None:  # its message is on its way back
            return Draft(text, self._pending.mode, self._pending.target)
        return Draft(text) if text.strip() else None

    def draft_of(self, conv: ConversationId) -> Draft | None:
        """The conversation's draft: as last written here, else as the store had it."""
        if conv in self._known:
            return self._known[conv]
        shown: Conversation | None = self._sidebar.conversation(conv)
        return shown.draft if shown is not None else None

    @Slot()
    def _changed(self) -> None:
        conv = self._conv
        if self._putting or conv is None:
            return
        self._known[conv] = self._unsaved[conv] = self.current()
        self._timer.start()

    @Slot()
    def _mode_changed(self) -> None:
        if not self._putting:
            self._pending = None  # a reply or edit chosen (or cancelled) by the person
        self._changed()

    # -- opening and leaving -----------------------------------------------------------------

    def leave(self) -> None:
        """The open conversation is being left: no longer typing there, its draft saved now."""
        if self._conv is not None:
            self._area.composer.stop_typing()
        self.flush()
        self._conv = None
        self._pending = None

    def enter(self, conv: ConversationId | None) -> None:
        """``conv`` opened: its draft in the box (empty without one); a reply or edit comes
        back once its message is found (the text does not wait for it)."""
        self._conv = conv
        self._pending = None
        self._visit += 1
        draft = self.draft_of(conv) if conv is not None else None
        text = draft.text if draft is not None else ""
        if self._area.composer.toPlainText() != text:  # (an empty box stays untouched)
            self._putting = True
            try:
                self._area.composer.put_text(text)
            finally:
                self._putting = False
        if conv is None or draft is None or draft.mode is DraftMode.NEW:
            return
        self._pending = draft
        visit = self._visit
        self._bridge.call(
            self._bridge.core.drafts.target(conv, draft),
            lambda done: self._target_found(done, visit),
        )

    def _target_found(self, done: Result[Message | None], visit: int) -> None:
        pending, area = self._pending, self._area
        if visit != self._visit or pending is None:
            return  # left since, or the person chose a reply or an edit themselves
        self._pending = None
        msg = done.value if done.ok else None
        if msg is None:
            _log.info("a draft's %s target is gone; it stays as a new message", pending.mode)
            self._changed()
            return
        self._putting = True
        try:
            if pending.mode is DraftMode.EDIT:
                area.resume_edit(msg)
            else:
                area.resume_reply(msg, self._quote(msg))
        finally:
            self._putting = False

    # -- saving ------------------------------------------------------------------------------

    def sent(self) -> None:
        """What the box held was sent (or run as a command): keep what is left, now."""
        self._changed()
        self.save_now()

    def flush(self) -> None:
        """Save what is not saved yet, now (leaving, sending, closing the window)."""
        conv = self._conv
        if conv is not None and not self._putting:
            now = self.current()
            if now != self.draft_of(conv):
                self._known[conv] = self._unsaved[conv] = now
        self.save_now()

    @Slot()
    def save_now(self) -> None:
        self._timer.stop()
        unsaved, self._unsaved = self._unsaved, {}
        for conv, draft in unsaved.items():
            self._bridge.call(
                self._bridge.core.drafts.save(conv, draft), partial(self._saved, conv, draft)
            )

    def _saved(self, conv: ConversationId, draft: Draft | None, done: Result[object]) -> None:
        if done.ok:
            return
        # The box and this session keep it; the next save (a keystroke, leaving) tries again.
        _log.warning("[%s] a draft was not saved: %s", conv.account_id, done.error)
        self._unsaved.setdefault(conv, draft)
