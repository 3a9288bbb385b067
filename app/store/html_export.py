"""A readable, self-contained HTML copy of a history, for people rather than programs.

Every body is escaped, or is the already-sanitised HTML the store keeps; no scripts, no remote
resources (attachments are links, never embedded images), so opening the file leaks nothing.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import IO

from app.models import Conversation, DeliveryState, Message, MessageKind, Poll

_STYLE = """
body { font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.45; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; }
h3 { font-size: 0.95em; margin: 1.5em 0 0.5em; border-bottom: 1px solid; }
.msg { margin: 0.4em 0; } .meta { font-size: 0.85em; } .sender { font-weight: bold; }
.notice, .system { font-style: italic; }
"""


def write_html(
    out: IO[str],
    title: str,
    conversations: Iterable[tuple[Conversation, Iterable[Message]]],
) -> int:
    """Write the document; returns how many messages it holds."""
    count = 0
    out.write("<!DOCTYPE html>\n<html><head><meta charset='utf-8'>")
    out.write(f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>\n")
    out.write(f"<h1>{html.escape(title)}</h1>\n")
    for conv, messages in conversations:
        out.write(f"<h2>{html.escape(conv.name)}</h2>\n")
        if conv.topic:
            out.write(f"<p class='meta'>{html.escape(conv.topic)}</p>\n")
        day = None
        for msg in messages:
            local = msg.timestamp.astimezone()
            if local.date() != day:
                day = local.date()
                out.write(f"<h3>{day.isoformat()}</h3>\n")
            out.write(_message_html(msg, local.strftime("%H:%M")))
            count += 1
    out.write("</body></html>\n")
    return count


def poll_html(poll: Poll) -> str:
    """A poll as the page shows it: the question, each answer with its votes (when the
    results may be shown: disclosed, or ended), our own choice, and whether it ended."""
    shown = poll.results_shown
    items = []
    for answer in poll.answers:
        text = html.escape(answer.text)
        if shown:
            text += f" — {answer.votes} vote{'' if answer.votes == 1 else 's'}"
        if answer.id in poll.mine:
            text += " (your choice)"
        items.append(f"<li>{text}</li>")
    if not shown:
        state = "open; results are shown when it ends"
    else:
        voters = f"{poll.voters} voter{'' if poll.voters == 1 else 's'}"
        state = f"ended, {voters}" if poll.ended else f"open, {voters}"
    return (
        f"<span class='poll'>Poll: <b>{html.escape(poll.question)}</b></span>"
        f"<ul>{''.join(items)}</ul><span class='meta'>({state})</span>"
    )


def _message_html(msg: Message, time_text: str) -> str:
    sender = html.escape(msg.sender_name or msg.sender)
    if msg.retracted and msg.moderation is not None:
        by, reason = msg.moderation.by, msg.moderation.reason
        body = f"<em>(removed by {html.escape(by or 'a moderator')}{': ' if reason else ''}"
        body += f"{html.escape(reason)})</em>"
    elif msg.retracted:
        body = "<em>(deleted)</em>"
    elif msg.poll is not None:
        body = poll_html(msg.poll)
    elif msg.html:
        body = msg.html  # sanitised on the way in
    else:
        body = html.escape(msg.body).replace("\n", "<br>")
    if msg.kind is MessageKind.EMOTE:
        body = f"* {sender} {body}"
    notes = []
    if msg.edited:
        notes.append("edited")
    if msg.outgoing and msg.delivery is DeliveryState.FAILED:
        notes.append("not sent")
    for attachment in msg.attachments:
        name = html.escape(attachment.filename or attachment.url)
        body += f"<br>📎 <a href='{html.escape(attachment.url, quote=True)}'>{name}</a>"
    for reaction in msg.reactions:
        notes.append(f"{html.escape(reaction.key)} {len(reaction.senders)}")
    meta = f"<span class='meta'>{time_text}</span> <span class='sender'>{sender}</span>"
    tail = f" <span class='meta'>({', '.join(notes)})</span>" if notes else ""
    return f"<div class='msg {msg.kind.value}'>{meta}: {body}{tail}</div>\n"
