"""Whether QtMultimedia can be used, and how media attachments are named, without importing it."""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractSlider, QApplication, QWidget

from app.models import Attachment, Message
from app.voice import format_duration

log = logging.getLogger(__name__)

AUDIO = "audio"
VIDEO = "video"


@functools.cache
def _installed() -> bool:
    try:
        return importlib.util.find_spec("PySide6.QtMultimedia") is not None
    except (ImportError, ValueError):
        return False


def multimedia_available() -> bool:
    """QtMultimedia is installed (not imported: that happens on first use)."""
    return _installed()


def media_kind(attachment: Attachment) -> str | None:
    """AUDIO or VIDEO for what a player plays inline, else None."""
    major = attachment.mime_type.partition("/")[0].lower()
    if major == AUDIO or attachment.voice:
        return AUDIO
    return VIDEO if major == VIDEO else None


def media_title(attachment: Attachment) -> str:
    """What a media attachment is called in the list and to a screen reader: "Voice message,
    0:07", "Audio: talk.ogg, 3:10"; other attachments: their file name."""
    name = attachment.filename or attachment.url
    length = format_duration(attachment.duration_ms) if attachment.duration_ms else ""
    if attachment.voice:
        title = QCoreApplication.translate("Media", "Voice message")
    elif media_kind(attachment) == AUDIO:
        title = QCoreApplication.translate("Media", "Audio: {name}").format(name=name)
    elif media_kind(attachment) == VIDEO:
        title = QCoreApplication.translate("Media", "Video: {name}").format(name=name)
    else:
        return name
    return f"{title}, {length}" if length else title


def caption_is_name(msg: Message) -> bool:
    """A lone audio/video attachment whose text only repeats its file name (or Element's "Voice
    message"): the player says it already, so the text is not drawn again."""
    if len(msg.attachments) != 1 or media_kind(msg.attachments[0]) is None:
        return False
    body = msg.body.strip()
    return body in (msg.attachments[0].filename, "Voice message")


def tab_within(controls: Sequence[QWidget], forward: bool) -> bool:
    """Tab inside a player: from one of its ``controls`` to the next shown and enabled one. False
    at either end (the window's own order then takes the focus on, out of the message list)."""
    usable = [w for w in controls if w.isVisible() and w.isEnabled()]
    focused = QApplication.focusWidget()
    index = next((i for i, w in enumerate(usable) if w is focused), -1)
    if index < 0:
        return False
    target = index + (1 if forward else -1)
    if not 0 <= target < len(usable):
        return False
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    usable[target].setFocus(reason)
    return True


def quiet_multimedia_logging() -> None:
    """The FFmpeg backend warns about every optional library it probes (PipeWire, VA-API) and
    about a machine without a sound server; that is not a problem worth a warning here."""
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules(
        "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"
    )


def follow_position(slider: QAbstractSlider, position: int) -> None:
    """Move a player's slider to where playback is, unless the user is dragging it; silently,
    so the move is not taken for a seek."""
    if not slider.isSliderDown():
        slider.blockSignals(True)
        slider.setValue(position)
        slider.blockSignals(False)
