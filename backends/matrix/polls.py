"""Matrix polls (MSC3381), both the stable (``m.poll.*``) and the unstable names Element sends
(``org.matrix.msc3381.poll.*``): events → facts, and the contents we send.

A poll's start is shown as a message (its text fallback as the body, so search, history and
notifications have it) followed by a :class:`~app.facts.PollStarted` with the question and
answers; votes and ends are references to the start, reported as they are: the core applies
the rules of the tally (app.polls). Pure: malformed content is logged and dropped, never raised.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from app import facts as f
from app.models import Poll, PollAnswer
from app.polls import MAX_ANSWERS, MAX_ID, MAX_SELECTIONS, MAX_TEXT
from backends.matrix.jsonget import get_dict, get_int, get_list, get_str

START_TYPES = ("m.poll.start", "org.matrix.msc3381.poll.start")
RESPONSE_TYPES = ("m.poll.response", "org.matrix.msc3381.poll.response")
END_TYPES = ("m.poll.end", "org.matrix.msc3381.poll.end")
POLL_TYPES = START_TYPES + RESPONSE_TYPES + END_TYPES

UNSTABLE_START = "org.matrix.msc3381.poll.start"
UNSTABLE_RESPONSE = "org.matrix.msc3381.poll.response"
UNSTABLE_END = "org.matrix.msc3381.poll.end"
UNSTABLE_TEXT = "org.matrix.msc1767.text"
END_TEXT = "The poll has ended."  # the end's text for clients without polls (protocol text)
DISCLOSED = ("m.disclosed", "m.poll.disclosed", "org.matrix.msc3381.poll.disclosed")
UNDISCLOSED = "org.matrix.msc3381.poll.undisclosed"
MAX_ANSWERS_READ = 1000
"""Answers looked at before the list is cut to :data:`~app.polls.MAX_ANSWERS`: a list longer
than this is not a poll a client made, and is dropped whole."""


class Log(Protocol):
    def warning(self, msg: str, /, *args: object) -> None: ...


class EventHeader(Protocol):
    """What a poll event's header carries (:class:`.convert.EventHeader`; a protocol, as
    convert imports this module)."""

    @property
    def event_id(self) -> str: ...
    @property
    def sender(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def timestamp(self) -> datetime: ...
    @property
    def content(self) -> dict[str, Any]: ...
    @property
    def unsigned(self) -> dict[str, Any]: ...


class RoomContext(Protocol):
    """What converting a poll event needs of :class:`.convert.RoomContext`."""

    @property
    def room_id(self) -> str: ...
    @property
    def own_id(self) -> str: ...
    @property
    def log(self) -> Log: ...
    @property
    def may_redact(self) -> Callable[[str], bool]: ...


MessageOf = Callable[[Any, Any, str], f.MessageReceived]
"""Builds the message a poll's start is shown as (convert's ``_base_message``)."""


def poll_facts(header: EventHeader, ctx: RoomContext, message_of: MessageOf) -> list[f.Fact]:
    """One poll event as facts: ``[]`` for one that is malformed (logged) or redacted."""
    if "redacted_because" in header.unsigned:
        return []  # a redacted start is retracted by its redaction; a vote loses its content
    if header.type in START_TYPES:
        return _start_facts(header, ctx, message_of)
    target = reference_target(header.content)
    if target is None:
        ctx.log.warning("dropped poll event %s without a reference", header.event_id)
        return []
    if header.type in END_TYPES:
        moderator = ctx.may_redact(header.sender)
        return [f.PollEnded(ctx.room_id, target, header.sender, header.timestamp, moderator)]
    selections = selections_of(header.content)
    if selections is None:  # still the sender's latest vote, "even if that event is invalid"
        ctx.log.warning("poll vote %s: unreadable selections, a spoiled vote", header.event_id)
        selections = ()
    return [
        f.PollVoted(
            ctx.room_id,
            target,
            header.sender,
            header.timestamp,
            selections,
            own=header.sender == ctx.own_id,
            remote_id=header.event_id,
        )
    ]


def _start_facts(header: EventHeader, ctx: RoomContext, message_of: MessageOf) -> list[f.Fact]:
    poll = poll_of(header.content, ctx.log, header.event_id)
    fallback = text_of(header.content)
    if poll is None:
        if not fallback:
            return []
        return [message_of(header, ctx, fallback[: MAX_TEXT * (MAX_ANSWERS + 1)])]
    body = fallback or fallback_text(poll.question, [a.text for a in poll.answers])
    return [
        message_of(header, ctx, body[: MAX_TEXT * (MAX_ANSWERS + 1)]),
        f.PollStarted(ctx.room_id, header.event_id, poll),
    ]


def poll_of(content: Mapping[str, Any], log: Log, event_id: str) -> Poll | None:
    """The poll a start's content describes (None: malformed, logged)."""
    block = (
        get_dict(content, "m.poll")
        or get_dict(content, "m.poll.start")
        or get_dict(content, UNSTABLE_START)
    )
    if block is None:
        log.warning("dropped poll %s without a poll block", event_id)
        return None
    question = get_dict(block, "question")
    question_text = text_of(question) if question is not None else None
    raw_answers = get_list(block, "answers")
    if not question_text or raw_answers is None:
        log.warning("dropped poll %s without a question or answers", event_id)
        return None
    if len(raw_answers) > MAX_ANSWERS_READ:
        log.warning("dropped poll %s with %d answers", event_id, len(raw_answers))
        return None
    answers: dict[str, PollAnswer] = {}
    for raw in raw_answers:
        answer = _answer_of(raw)
        if answer is None or answer.id in answers:
            log.warning("dropped a malformed or repeated answer of poll %s", event_id)
            continue
        answers[answer.id] = answer
    if not answers:
        log.warning("dropped poll %s: no answer can be read", event_id)
        return None
    if len(answers) > MAX_ANSWERS:
        log.warning("poll %s: kept the first %d of %d answers", event_id, MAX_ANSWERS, len(answers))
    kept = tuple(answers.values())[:MAX_ANSWERS]
    chosen = get_int(block, "max_selections")
    most = 1 if chosen is None or chosen < 1 else min(chosen, len(kept))
    return Poll(
        question=question_text[:MAX_TEXT],
        answers=kept,
        disclosed=get_str(block, "kind") in DISCLOSED,
        max_selections=most,
    )


def _answer_of(raw: object) -> PollAnswer | None:
    if not isinstance(raw, dict):
        return None
    answer_id = get_str(raw, "m.id") or get_str(raw, "id")
    text = text_of(raw)
    if not answer_id or len(answer_id) > MAX_ID or not text:
        return None
    return PollAnswer(answer_id, text[:MAX_TEXT])


def text_of(content: Mapping[str, Any]) -> str | None:
    """The plain text of an extensible-events text block: ``m.text`` (a list of
    representations, or a string in older drafts), the unstable name, or ``body``."""
    for key in ("m.text", UNSTABLE_TEXT, "body"):
        value = content.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, list):
            for item in value:
                if not isinstance(item, dict):
                    continue
                mime = get_str(item, "mimetype")
                body = get_str(item, "body")
                if body and mime in (None, "text/plain"):
                    return body
    return None


def reference_target(content: Mapping[str, Any]) -> str | None:
    rel = get_dict(content, "m.relates_to")
    if rel is None or get_str(rel, "rel_type") != "m.reference":
        return None
    return get_str(rel, "event_id") or None


def selections_of(content: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The answer ids a vote names, cut first (as the MSC says) to
    :data:`~app.polls.MAX_SELECTIONS`, the most a poll can allow; None when they are missing
    or not all strings (a spoiled vote)."""
    raw = get_list(content, "m.selections")
    if raw is None:
        block = get_dict(content, UNSTABLE_RESPONSE) or get_dict(content, "m.poll.response")
        raw = get_list(block, "answers") if block is not None else None
    if raw is None:
        return None
    kept = raw[:MAX_SELECTIONS]
    return tuple(kept) if all(isinstance(i, str) for i in kept) else None


def fallback_text(question: str, answers: Sequence[str]) -> str:
    """The text a client without polls shows: the question and the numbered answers."""
    lines = [question] + [f"{n}. {text}" for n, text in enumerate(answers, 1)]
    return "\n".join(lines)


def response_content(target: str, answer_ids: Sequence[str]) -> dict[str, Any]:
    """A vote, under both names (Element reads the unstable one, the MSC the stable)."""
    return {
        "m.relates_to": {"rel_type": "m.reference", "event_id": target},
        UNSTABLE_RESPONSE: {"answers": list(answer_ids)},
        "m.selections": list(answer_ids),
    }


def end_content(target: str, text: str) -> dict[str, Any]:
    return {
        "m.relates_to": {"rel_type": "m.reference", "event_id": target},
        UNSTABLE_END: {},
        UNSTABLE_TEXT: text,
        "body": text,
    }


def start_content(
    question: str, answers: Sequence[str], *, disclosed: bool = True, max_selections: int = 1
) -> dict[str, Any]:
    """A new poll as Element sends it (unstable names), answers numbered as their ids."""
    fallback = fallback_text(question, answers)
    return {
        UNSTABLE_START: {
            "question": {UNSTABLE_TEXT: question, "body": question},
            "kind": DISCLOSED[2] if disclosed else UNDISCLOSED,
            "max_selections": max_selections,
            "answers": [{"id": f"a{n}", UNSTABLE_TEXT: text} for n, text in enumerate(answers, 1)],
        },
        UNSTABLE_TEXT: fallback,
        "body": fallback,
    }
