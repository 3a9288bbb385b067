"""IRC lines: parse what the server sends, format what we send (RFC 1459/2812 + IRCv3 message-tags).

Pure and total: :func:`parse_line` returns ``None`` for anything it cannot make sense of (the
caller logs and drops it), and never raises, whatever bytes a hostile server sends. Formatting is
strict instead: a CR, LF or NUL inside a parameter would let text inject a second command, so
:func:`format_line` refuses it with :class:`ValueError` (a bug in the caller, never user input:
callers split user text on line breaks first).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.frozen import fast_init

MAX_LINE_BYTES = 512
"""The classic limit for the message part, CR LF included (tags have their own budget)."""
MAX_TAGS_BYTES = 8191
"""The IRCv3 budget for the tags part (``@...`` and its trailing space)."""

_COMMAND = re.compile(r"^(?:[A-Za-z]+|[0-9]{3})$")
_FORBIDDEN = ("\r", "\n", "\0")
_TAG_UNESCAPE = {":": ";", "s": " ", "\\": "\\", "r": "\r", "n": "\n"}
_TAG_ESCAPE = {";": "\\:", " ": "\\s", "\\": "\\\\", "\r": "\\r", "\n": "\\n"}


@fast_init
@dataclass(frozen=True, slots=True)
class Line:
    """One message from the server: tags, source (prefix without the colon), command, parameters."""

    command: str
    params: tuple[str, ...] = ()
    source: str = ""
    tags: Mapping[str, str] = field(default_factory=dict)

    @property
    def nick(self) -> str:
        """The nick of a user source (``nick!user@host``), or the whole source for a server."""
        return split_source(self.source)[0]

    def param(self, index: int, default: str = "") -> str:
        return self.params[index] if -len(self.params) <= index < len(self.params) else default


def split_source(source: str) -> tuple[str, str, str]:
    """``nick!user@host`` → (nick, user, host); parts that are missing are empty."""
    nick, _, rest = source.partition("!")
    if rest:
        user, _, host = rest.partition("@")
        return nick, user, host
    nick, _, host = nick.partition("@")
    return nick, "", host


def unescape_tag_value(value: str) -> str:
    if "\\" not in value:
        return value  # the common case, on every line: nothing to undo
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        nxt = next(chars, "")
        # An unknown escape stands for the character itself; a lone trailing backslash is dropped.
        out.append(_TAG_UNESCAPE.get(nxt, nxt))
    return "".join(out)


def escape_tag_value(value: str) -> str:
    return "".join(_TAG_ESCAPE.get(ch, ch) for ch in value)


def parse_tags(raw: str) -> dict[str, str]:
    tags: dict[str, str] = {}
    for item in raw.split(";"):
        key, _, value = item.partition("=")
        if key:
            tags[key] = unescape_tag_value(value) if "\\" in value else value
    return tags


_KNOWN_COMMANDS: dict[str, str] = {}  # command as sent → upper case, once it passed _COMMAND
_MAX_KNOWN_COMMANDS = 512  # a hostile server may invent any number of words


def parse_line(text: str) -> Line | None:
    """The line, or ``None`` when it is not a well-formed IRC message."""
    text = text.rstrip("\r\n")
    if not text or "\0" in text:
        return None
    tags: dict[str, str] = {}
    rest = text
    if rest[0] == "@":
        raw_tags, _, rest = rest[1:].partition(" ")
        tags = parse_tags(raw_tags)
    rest = rest.lstrip(" ")
    source = ""
    if rest[:1] == ":":
        source, _, rest = rest[1:].partition(" ")
        if not source:
            return None
    rest = rest.lstrip(" ")
    head, sep, trailing = rest.partition(" :")
    if not sep and head[:1] == ":":  # a command cannot start with ':'
        return None
    words = head.split()
    if not words:
        return None
    command = _KNOWN_COMMANDS.get(words[0])
    if command is None:
        if not _COMMAND.match(words[0]):
            return None
        command = words[0].upper()
        if len(_KNOWN_COMMANDS) < _MAX_KNOWN_COMMANDS:
            _KNOWN_COMMANDS[words[0]] = command
    if sep:
        words.append(trailing)
    return Line(command, tuple(words[1:]), source, tags)


def split_message(text: str) -> tuple[dict[str, str], str, str, str, str] | None:
    """A line of the shape ``[@tags] :source COMMAND target :text`` (what nearly every line of a
    busy channel is) as (tags, source, command, target, text), read exactly as
    :func:`parse_line` reads it: ``Line(command, (target, text), source, tags)``. ``None`` for
    any other shape, or anything unusual (extra spaces, a command in lower case): those are
    :func:`parse_line`'s to read. Cheaper than it, and makes no :class:`Line`."""
    if not text or "\0" in text or text[-1] in "\r\n":
        return None
    tags: dict[str, str] = {}
    rest = text
    if text[0] == "@":
        raw_tags, _, rest = text[1:].partition(" ")
        tags = parse_tags(raw_tags)
    if rest[:1] != ":":
        return None
    source, _, rest = rest[1:].partition(" ")
    head, sep, trailing = rest.partition(" :")
    words = head.split()
    if not source or not sep or len(words) != 2 or words[0] not in _KNOWN_COMMANDS:
        return None
    return tags, source, _KNOWN_COMMANDS[words[0]], words[1], trailing


def format_line(command: str, *params: str, tags: Mapping[str, str] | None = None) -> str:
    """A line to send, without CR LF. The last parameter may contain spaces."""
    if not _COMMAND.match(command):
        raise ValueError(f"not an IRC command: {command!r}")
    parts: list[str] = []
    if tags:
        rendered = ";".join(f"{k}={escape_tag_value(v)}" if v else k for k, v in tags.items())
        parts.append("@" + rendered)
    parts.append(command)
    for index, param in enumerate(params):
        if any(ch in param for ch in _FORBIDDEN):
            raise ValueError("IRC parameters cannot contain CR, LF or NUL")
        last = index == len(params) - 1
        if last and (not param or " " in param or param.startswith(":")):
            parts.append(":" + param)
        elif not param or " " in param or param.startswith(":"):
            raise ValueError(
                f"only the last IRC parameter may be empty or contain spaces: {param!r}"
            )
        else:
            parts.append(param)
    return " ".join(parts)


def message_bytes(line: str) -> int:
    """How many bytes of the 512-byte budget a formatted line uses (CR LF included, tags not)."""
    if line.startswith("@"):
        line = line.partition(" ")[2]
    return len(line.encode("utf-8")) + 2


JOIN_LINE_BYTES = 400
"""The most a JOIN of several channels uses of the 512-byte budget (room for a server that
counts its own prefix in)."""


def join_lines(channels: Sequence[tuple[str, str]], budget: int = JOIN_LINE_BYTES) -> list[str]:
    """``JOIN #a,#b,#c key-a`` lines for (channel, key) pairs, as few as fit in ``budget``
    bytes each: one line per channel made a rejoin of many channels wait on the send queue's
    pace (2 lines a second once its burst is spent). Keys pair with the first channels of their
    line, so keyed channels go first; a key with a comma or a space cannot be listed and its
    channel gets a JOIN of its own."""
    keyed = [(c, k) for c, k in channels if k and "," not in k and " " not in k]
    odd = [(c, k) for c, k in channels if k and ("," in k or " " in k)]
    plain = [(c, k) for c, k in channels if not k]
    lines: list[str] = []
    names: list[str] = []
    keys: list[str] = []

    def line(names: list[str], keys: list[str]) -> str:
        params = [",".join(names)] + ([",".join(keys)] if keys else [])
        return format_line("JOIN", *params)

    for channel, key in keyed + plain:
        more_names, more_keys = [*names, channel], [*keys, key] if key else keys
        if names and message_bytes(line(more_names, more_keys)) > budget:
            lines.append(line(names, keys))
            more_names, more_keys = [channel], [key] if key else []
        names, keys = more_names, more_keys
    if names:
        lines.append(line(names, keys))
    lines += [format_line("JOIN", c, k) for c, k in odd]
    return lines
