"""How a message reads: delivery and trust in words, its time and day, the message it quotes,
its thread's summary and the sentence a screen reader says for it.

Kept apart from :class:`~ui.models.message_model.MessageListModel`, which holds the rows and
their paging; the model hands in its lookups (the message a reply quotes, download states, link
previews) and the person's choices (verbosity, whether the conversation is encrypted).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from app.models import DeliveryState, LinkPreview, Message, MessageKind, Trust
from ui.a11y import verbosity
from ui.bidi import isolate
from ui.core_text import TranslationContext, core_text
from ui.media.support import media_title
from ui.models.poll_texts import poll_spoken
from ui.spoilers import guarded_body


def delivery_text(msg: Message) -> str:
    """The delivery state in words (never shown by an icon or colour alone)."""
    if not msg.outgoing:
        return ""
    return {
        DeliveryState.PENDING: QCoreApplication.translate("MessageListModel", "sending…"),
        DeliveryState.SENT: QCoreApplication.translate("MessageListModel", "sent"),
        DeliveryState.DELIVERED: QCoreApplication.translate("MessageListModel", "delivered"),
        DeliveryState.READ: QCoreApplication.translate("MessageListModel", "read"),
        DeliveryState.FAILED: QCoreApplication.translate("MessageListModel", "not sent"),
    }[msg.delivery]


MessageListModel = TranslationContext("MessageListModel")
"""Plural messages of the message list's context (see :class:`TranslationContext`)."""


@dataclass(frozen=True)
class DownloadState:
    done: int = 0
    total: int | None = None
    path: str = ""
    error: str = ""

    @property
    def finished(self) -> bool:
        return bool(self.path) and not self.error


def trust_text(msg: Message, encrypted: bool = False) -> str:
    """What a reader must know about a message's encryption, in words ("" if nothing).

    ``encrypted``: the conversation is end-to-end encrypted, so a plain message someone sent
    into it is pointed out. Our own messages say only what the service confirmed (a service
    that does not say leaves them unmarked, never "not encrypted")."""
    if msg.trust is Trust.UNVERIFIED:
        if msg.outgoing:
            return QCoreApplication.translate("MessageListModel", "encrypted")
        return QCoreApplication.translate("MessageListModel", "sent from an unverified device")
    if msg.trust is Trust.VERIFIED:
        return QCoreApplication.translate("MessageListModel", "encrypted, verified")
    if msg.trust is Trust.UNDECRYPTABLE:
        return QCoreApplication.translate("MessageListModel", "waiting for the key")
    if msg.trust is Trust.UNREADABLE:
        return QCoreApplication.translate("MessageListModel", "could not be decrypted")
    if msg.trust is Trust.PLAINTEXT:  # the service saw it sent in the clear after encryption
        return QCoreApplication.translate("MessageListModel", "not encrypted")
    if encrypted and not msg.outgoing and msg.kind is not MessageKind.SYSTEM:
        return QCoreApplication.translate("MessageListModel", "not encrypted")
    return ""


def attachment_words(name: str, state: DownloadState | None) -> str:
    """An attachment's name with its download state, as the screen reader says it."""
    if state is None:
        return name
    if state.error:
        done = QCoreApplication.translate("MessageListModel", "download failed")
    elif state.finished:
        done = QCoreApplication.translate("MessageListModel", "downloaded")
    elif state.total:
        done = QCoreApplication.translate("MessageListModel", "downloading {percent}%").format(
            percent=int(state.done * 100 / state.total)
        )
    else:
        done = QCoreApplication.translate("MessageListModel", "downloading")
    return f"{name}, {done}"


def display_body(msg: Message) -> str:
    if msg.retracted:
        return removed_text(msg)
    if msg.trust in (Trust.UNDECRYPTABLE, Trust.UNREADABLE):
        # not the sender's words (there are none to show) but the backend's placeholder,
        # stored in English: shown in the window's language (see app.i18n)
        return core_text(msg.body)
    if msg.kind is MessageKind.EMOTE:
        return f"* {msg.sender_name or msg.sender} {guarded_body(msg)}"
    return guarded_body(msg)


def removed_text(msg: Message) -> str:
    """What stands in place of a removed message: by its sender, or by a room moderator (who
    and why, when said)."""
    moderation = msg.moderation
    if moderation is None:
        return QCoreApplication.translate("MessageListModel", "This message was deleted.")
    moderator, reason = moderation.by, moderation.reason
    if not moderator:
        return QCoreApplication.translate("MessageListModel", "Removed by a moderator.")
    if not reason:
        return QCoreApplication.translate("MessageListModel", "Removed by {moderator}.").format(
            moderator=moderator
        )
    return QCoreApplication.translate(
        "MessageListModel", "Removed by {moderator}: {reason}"
    ).format(moderator=moderator, reason=reason)


class MessageTexts:
    """The words of one model's messages (its locale, its lookups)."""

    def __init__(
        self,
        original_of: Callable[[str], Message | None],
        download_of: Callable[[tuple[str, int]], DownloadState | None],
        preview_of: Callable[[str], LinkPreview | None],
    ) -> None:
        self._original_of = original_of  # remote (or ref, or own local) id → the message
        self._download_of = download_of  # (local id, attachment index) → its download
        self._preview_of = preview_of  # local id → its link's preview
        self.locale = QLocale()

    def time_text(self, msg: Message) -> str:
        local = msg.timestamp.astimezone()
        qtime = QTime(local.hour, local.minute, local.second)
        return self.locale.toString(qtime, QLocale.FormatType.ShortFormat)

    def day_text(self, day: date, today: date | None = None) -> str:
        today = today or date.today()
        if day == today:
            return QCoreApplication.translate("MessageListModel", "Today")
        if day == today - timedelta(days=1):
            return QCoreApplication.translate("MessageListModel", "Yesterday")
        return self.locale.toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )

    def reply_text(self, msg: Message, *, isolated: bool = False) -> str:
        """The quoted message a reply answers: "Name: text". ``isolated``: for painting, name
        and text each a Unicode isolate, so an Arabic name beside English text (or the other
        way) does not reorder the line; never for screen readers, which get the plain words."""
        if not msg.reply_to:
            return ""
        original = self._original_of(msg.reply_to)
        if original is None:
            return QCoreApplication.translate("MessageListModel", "In reply to an earlier message")
        text = " ".join(display_body(original).split())
        if not text and original.attachments:  # a photo on its own: name what was sent
            text = ", ".join(a.filename or a.url for a in original.attachments)
        if len(text) > 140:
            text = text[:139] + "…"
        name = original.sender_name or original.sender
        if isolated:
            name, text = isolate(name), isolate(text)
        return f"{name}: {text}"

    def thread_text(self, msg: Message, *, spoken: bool = False) -> str:
        """Under a thread's first message: how many replies, and the latest ("" if none, and
        inside the thread itself). ``spoken``: with commas only (a screen reader at its default
        punctuation level reads a colon aloud); else for painting, with the name and the text
        isolated (see :meth:`reply_text`)."""
        summary = msg.thread
        if summary is None or summary.count <= 0:
            return ""
        n = summary.count  # lupdate reads a plain name as the count, not an attribute
        count = MessageListModel.tr("%n message(s) in thread", "", n)
        if not (summary.latest_sender_name or summary.latest_sender):
            return count
        latest = " ".join(summary.latest_body.split())
        if len(latest) > 80:
            latest = latest[:79] + "…"
        sender = summary.latest_sender_name or summary.latest_sender
        if spoken:
            return QCoreApplication.translate(
                "MessageListModel", "{count}, latest from {sender}, {text}"
            ).format(count=count, sender=sender, text=latest)
        return QCoreApplication.translate(
            "MessageListModel", "{count}, latest from {sender}: {text}"
        ).format(count=count, sender=isolate(sender), text=isolate(latest))

    def preview_text(self, preview: LinkPreview) -> str:
        """A link preview as a screen reader says it: "link preview, site, title, description"
        (commas only, see :meth:`thread_text`)."""
        parts = [p for p in (preview.site_name, preview.title, preview.description) if p]
        return QCoreApplication.translate("MessageListModel", "link preview, {text}").format(
            text=", ".join(parts) or preview.url
        )

    def accessible_text(
        self, msg: Message, chosen: verbosity.Verbosity, *, encrypted: bool, thread: str
    ) -> str:
        """What a screen reader says for the message: the parts the person chose, in their
        order (ui/a11y/verbosity.py), with commas and full stops only."""
        reply = self.reply_text(msg)
        values = {
            verbosity.SENDER: msg.sender_name or msg.sender,
            verbosity.TEXT: (
                poll_spoken(msg.poll) if msg.poll and not msg.retracted else display_body(msg)
            ),
            verbosity.TIME: verbosity.spoken_time(msg.timestamp, self._spoken_day(msg)),
            verbosity.REPLY: (
                QCoreApplication.translate("MessageListModel", "in reply to {quote}").format(
                    quote=reply.replace(": ", ", ", 1)
                )
                if reply
                else ""
            ),
            verbosity.EDITED: (
                QCoreApplication.translate("MessageListModel", "edited") if msg.edited else ""
            ),
            verbosity.DELIVERY: delivery_text(msg),
            verbosity.SECURITY: trust_text(msg, encrypted),
        }
        if msg.attachments:
            names = ", ".join(
                attachment_words(media_title(a), self._download_of((msg.local_id, i)))
                for i, a in enumerate(msg.attachments)
            )
            values[verbosity.ATTACHMENTS] = QCoreApplication.translate(
                "MessageListModel", "attachments, {names}"
            ).format(names=names)
        if msg.reactions:
            chips = ", ".join(f"{r.key} {len(r.senders)}" for r in msg.reactions)
            values[verbosity.REACTIONS] = QCoreApplication.translate(
                "MessageListModel", "reactions, {chips}"
            ).format(chips=chips)
        values[verbosity.THREAD] = thread
        preview = self._preview_of(msg.local_id)
        if preview is not None:
            values[verbosity.PREVIEW] = self.preview_text(preview)
        return verbosity.compose(values, chosen) or values[verbosity.TEXT].strip()

    def _spoken_day(self, msg: Message) -> str:
        """The day to say with a time: none for today."""
        day = msg.timestamp.astimezone().date()
        return "" if day == date.today() else self.day_text(day)
