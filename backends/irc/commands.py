"""Slash commands typed in the composer: ``/join``, ``/part``, ``/me``, ``/msg``, ``/nick``, ``/topic``,
``/whois``, ``/away``, ``/quote`` (and a few aliases and neighbours such as ``/notice``, ``/kick``,
``/invite``, ``/ctcp``, ``/mode``).

The commands every service has (``/me``, ``/join``, ``/part``, ``/topic``, ``/invite``,
``/kick``, ``/msg``) are Chinwag's own, carried out by the core (``app.commands``); the backend's
``run_command`` takes only IRC's (``/nick``, ``/whois``, ``/away``, ``/quote``, ``/notice``,
``/ctcp``, ``/mode``) and parses them here. The parser still reads the generic forms (its tests
keep the IRC syntax exact), but nothing acts on them here. :func:`parse_input` turns one line into either plain
text (``//text`` is a literal ``/text``) or a :data:`Command`; malformed commands come back as
:class:`Invalid` with a usage line for a person. It does no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_CHANTYPES = "#&"


@dataclass(frozen=True, slots=True)
class Join:
    channel: str
    key: str = ""


@dataclass(frozen=True, slots=True)
class Part:
    channel: str | None  # None: the current conversation
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Me:
    text: str


@dataclass(frozen=True, slots=True)
class Msg:
    target: str
    text: str
    notice: bool = False


@dataclass(frozen=True, slots=True)
class Nick:
    nick: str


@dataclass(frozen=True, slots=True)
class Topic:
    channel: str | None  # None: the current conversation
    topic: str | None  # None: ask for the topic instead of setting it


@dataclass(frozen=True, slots=True)
class Whois:
    nick: str


@dataclass(frozen=True, slots=True)
class Away:
    message: str | None  # None: back


@dataclass(frozen=True, slots=True)
class Quote:
    line: str


@dataclass(frozen=True, slots=True)
class Kick:
    channel: str | None
    nick: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Invite:
    nick: str
    channel: str | None


@dataclass(frozen=True, slots=True)
class CtcpRequest:
    nick: str
    command: str
    args: str = ""


@dataclass(frozen=True, slots=True)
class Mode:
    target: str | None  # None: the current conversation
    modes: str  # "+o bob", "+i", "" (ask)


@dataclass(frozen=True, slots=True)
class Invalid:
    name: str
    usage: str


@dataclass(frozen=True, slots=True)
class Unknown:
    name: str


Command = (
    Join
    | Part
    | Me
    | Msg
    | Nick
    | Topic
    | Whois
    | Away
    | Quote
    | Kick
    | Invite
    | CtcpRequest
    | Mode
    | Invalid
    | Unknown
)

USAGE = {
    "join": "/join #channel [key]",
    "part": "/part [#channel] [reason]",
    "me": "/me does something",
    "msg": "/msg nick message",
    "notice": "/notice nick message",
    "nick": "/nick newnick",
    "topic": "/topic [#channel] [new topic]",
    "whois": "/whois nick",
    "away": "/away [message]",
    "quote": "/quote RAW IRC LINE",
    "kick": "/kick [#channel] nick [reason]",
    "invite": "/invite nick [#channel]",
    "ctcp": "/ctcp nick COMMAND [arguments]",
    "mode": "/mode [#channel|nick] [+modes [arguments]]",
    "op": "/op nick [nick …]",
    "deop": "/deop nick [nick …]",
    "halfop": "/halfop nick [nick …]",
    "dehalfop": "/dehalfop nick [nick …]",
    "voice": "/voice nick [nick …]",
    "devoice": "/devoice nick [nick …]",
}
ALIASES = {
    "j": "join",
    "leave": "part",
    "action": "me",
    "query": "msg",
    "privmsg": "msg",
    "raw": "quote",
    "w": "whois",
    "back": "away",
}


PREFIX_MODE_COMMANDS = {
    "op": "+o",
    "deop": "-o",
    "halfop": "+h",
    "dehalfop": "-h",
    "voice": "+v",
    "devoice": "-v",
}
"""HexChat's and irssi's shorthands for a channel mode per nick, in the channel they are typed in."""


def _is_channel(word: str, chantypes: str) -> bool:
    return bool(word) and word[0] in chantypes


def parse_input(text: str, chantypes: str = DEFAULT_CHANTYPES) -> str | Command:
    """Plain text to send (a ``str``), or the command the line asks for."""
    if not text.startswith("/") or text.startswith("//"):
        return text[1:] if text.startswith("//") else text
    head, _, rest = text[1:].partition(" ")
    name = head.lower()
    if not name:  # "/ something": not a command, send as typed
        return text
    name = ALIASES.get(name, name)
    if head.lower() == "back":
        return Away(None)
    rest = rest.strip(" ")
    words = rest.split()
    usage = USAGE.get(name, "")
    match name:
        case "join":
            if not words:
                return Invalid(name, usage)
            channel = words[0] if _is_channel(words[0], chantypes) else "#" + words[0]
            return Join(channel, words[1] if len(words) > 1 else "")
        case "part":
            if words and _is_channel(words[0], chantypes):
                return Part(words[0], rest[len(words[0]) :].strip())
            return Part(None, rest)
        case "me":
            return Me(rest) if rest else Invalid(name, usage)
        case "msg" | "notice":
            if not words:
                return Invalid(name, USAGE[name])
            message = rest[len(words[0]) :].lstrip(" ")
            if not message:
                return Invalid(name, USAGE[name])
            return Msg(words[0], message, notice=name == "notice")
        case "nick":
            return Nick(words[0]) if len(words) == 1 else Invalid(name, usage)
        case "topic":
            if words and _is_channel(words[0], chantypes):
                topic = rest[len(words[0]) :].strip(" ")
                return Topic(words[0], topic or None)
            return Topic(None, rest or None)
        case "whois":
            return Whois(words[0]) if words else Invalid(name, usage)
        case "away":
            return Away(rest or None)
        case "quote":
            return Quote(rest) if rest else Invalid(name, usage)
        case "kick":
            where: str | None = None
            if words and _is_channel(words[0], chantypes):
                where = words[0]
                words = words[1:]
                rest = rest[len(where) :].strip(" ")
            if not words:
                return Invalid(name, usage)
            return Kick(where, words[0], rest[len(words[0]) :].strip(" "))
        case "invite":
            if not words or len(words) > 2:
                return Invalid(name, usage)
            return Invite(words[0], words[1] if len(words) > 1 else None)
        case "ctcp":
            if len(words) < 2:
                return Invalid(name, usage)
            args = rest.split(None, 2)[2] if len(words) > 2 else ""
            return CtcpRequest(words[0], words[1].upper(), args)
        case "op" | "deop" | "halfop" | "dehalfop" | "voice" | "devoice":
            if not words:
                return Invalid(name, usage)
            sign, letter = PREFIX_MODE_COMMANDS[name][0], PREFIX_MODE_COMMANDS[name][1]
            return Mode(None, sign + letter * len(words) + " " + " ".join(words))
        case "mode":
            if words and words[0][0] not in "+-":
                return Mode(words[0], rest[len(words[0]) :].strip(" "))
            return Mode(None, rest)
        case _:
            return Unknown(head)
