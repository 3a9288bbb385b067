"""Players laid over the message list where audio and video messages are.

The list is painted by a delegate (no widget per row: 10,000 rows stay cheap). For each audio or
video attachment that has been downloaded, the delegate leaves a slot of the player's size, and
this keeps a real player widget (keyboard focus, accessible names) over that slot while its row is
on screen. Widgets are made for rows that come into view and dropped when their rows leave the
model, so the count stays near what fits on one screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Slot
from PySide6.QtWidgets import QWidget

from app.models import Attachment, Message
from ui.media.audio_player import AudioPlayer
from ui.media.support import AUDIO, VIDEO, media_kind, multimedia_available
from ui.models.message_model import MessageListModel
from ui.models.message_texts import DownloadState
from ui.widgets.message_view import MessageView

AUDIO_SIZE = QSize(380, 44)
VIDEO_SIZE = QSize(380, 250)
MAX_IDLE_PLAYERS = 40  # players kept for rows scrolled away (a playing one is always kept)

Player = QWidget  # AudioPlayer or VideoPlayer (both have toggle(), stop(), playing, path)


class InlineMedia(QObject):
    """Keeps the inline players of one message view.

    ``enabled`` is False without QtMultimedia: no slots are left, and media stay attachments
    opened in another program.
    """

    def __init__(self, view: MessageView, model: MessageListModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self.enabled = multimedia_available()
        self.players: dict[tuple[str, int], Player] = {}
        self.windows: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.place)
        if not self.enabled:
            return
        view.message_delegate.media_size = self.slot_size
        for signal in (
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
            view.verticalScrollBar().valueChanged,
            view.verticalScrollBar().rangeChanged,
        ):
            signal.connect(self._schedule)
        view.viewport().installEventFilter(self)

    def slot_size(self, attachment: Attachment, state: DownloadState | None) -> QSize | None:
        """The room a player needs in a row, or None to draw the attachment as before."""
        if state is None or not state.finished or not state.path:
            return None
        kind = media_kind(attachment)
        return AUDIO_SIZE if kind == AUDIO else VIDEO_SIZE if kind == VIDEO else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._schedule()
        return False

    @Slot()
    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    # -- placing ---------------------------------------------------------------------------

    @Slot()
    def place(self) -> None:
        """Put a player over each media slot in sight; hide the others."""
        placed: set[tuple[str, int]] = set()
        area = self.view.viewport().rect()
        index = self.view.indexAt(QPoint(4, 0))
        row = index.row() if index.isValid() else 0
        count = self.model.rowCount()
        while row < count:
            index = self.model.index(row)
            rect = self.view.visualRect(index)
            if rect.top() > area.bottom():
                break
            msg = self.model.message(row)
            for i, attachment in enumerate(msg.attachments):
                state = self.model.download_state(msg.local_id, i)
                if self.slot_size(attachment, state) is None or state is None:
                    continue
                slot = self.view.attachment_rect(index, i)
                if slot is None:
                    continue
                player = self._player(msg, i, attachment, Path(state.path))
                player.setGeometry(slot)
                player.show()
                placed.add((msg.local_id, i))
            row += 1
        for key, player in list(self.players.items()):
            if key not in placed:
                player.hide()
        self._forget_gone()

    def _player(self, msg: Message, index: int, attachment: Attachment, path: Path) -> Player:
        key = (msg.local_id, index)
        player = self.players.get(key)
        if player is None:
            if media_kind(attachment) == VIDEO:
                from ui.media.video_player import VideoPlayer

                video = VideoPlayer(path, attachment, self.view.viewport())
                video.openLargerRequested.connect(self._open_larger)
                player = video
            else:
                player = AudioPlayer(path, attachment, self.view.viewport())
            player.escapePressed.connect(self._back_to_list)
            self.players[key] = player
        return player

    def _forget_gone(self) -> None:
        """Drop players whose rows left the model, and idle hidden ones beyond the limit."""
        hidden = [k for k, p in self.players.items() if not p.isVisible()]
        for key in hidden:
            player = self.players[key]
            if getattr(player, "playing", False):
                continue
            if self.model.row_of(key[0]) < 0 or len(self.players) > MAX_IDLE_PLAYERS:
                del self.players[key]
                player.deleteLater()

    # -- from the keyboard and the message's actions ----------------------------------------

    def player_for(self, msg: Message, index: int) -> Player | None:
        return self.players.get((msg.local_id, index))

    def activate(self, msg: Message, index: int) -> bool:
        """Enter on a media message whose player is there: focus it and play. False when there
        is no player (not downloaded yet, or no QtMultimedia): the caller does what it did."""
        if not self.enabled:
            return False
        row = self.model.row_of(msg.local_id)
        if row >= 0:
            self.view.scrollTo(self.model.index(row))
            self.place()
        player = self.player_for(msg, index)
        if player is None:
            return False
        player.setFocus(Qt.FocusReason.OtherFocusReason)
        player.toggle()  # type: ignore[attr-defined]
        return True

    @Slot()
    def _back_to_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _open_larger(self) -> None:
        from ui.media.video_player import VideoPlayer, VideoWindow

        source = self.sender()
        if not isinstance(source, VideoPlayer):
            return
        position = int(source.player.position())
        source.player.pause()
        window = VideoWindow(source.path, source.attachment, position, self.view.window())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._window_closed)
        self.windows.append(window)
        window.show()
        window.player.toggle()

    @Slot(QObject)
    def _window_closed(self, window: QObject) -> None:
        self.windows = [w for w in self.windows if w is not window]

    def stop_all(self) -> None:
        """Leaving the conversation stops what plays in it."""
        for player in self.players.values():
            player.stop()  # type: ignore[attr-defined]
