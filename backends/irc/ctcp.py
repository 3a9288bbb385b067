"""CTCP (Client-To-Client Protocol): requests and replies wrapped in ``\\x01`` inside PRIVMSG/NOTICE.

Only ACTION (``/me``) is a message; VERSION, PING, TIME and CLIENTINFO are answered (through
a rate limit, by the backend); anything else is logged and dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

DELIM = "\x01"
ANSWERED = ("ACTION", "CLIENTINFO", "PING", "TIME", "VERSION")


@dataclass(frozen=True, slots=True)
class Ctcp:
    command: str  # upper case
    args: str = ""


def parse(text: str) -> Ctcp | None:
    """The CTCP inside a message text, or ``None`` if it is an ordinary message."""
    if len(text) < 2 or not text.startswith(DELIM):
        return None
    body = text[1:]
    if body.endswith(DELIM):
        body = body[:-1]
    command, _, args = body.partition(" ")
    if not command or DELIM in command or not command.isprintable():
        return None
    return Ctcp(command.upper(), args.replace(DELIM, ""))


def build(command: str, args: str = "") -> str:
    body = command.upper() + (" " + args if args else "")
    return DELIM + body.replace(DELIM, "") + DELIM


def reply_for(request: Ctcp, *, version: str, now_text: str) -> str | None:
    """The reply text (to send in a NOTICE) for a request we answer; ``None`` for the rest."""
    match request.command:
        case "VERSION":
            return build("VERSION", version)
        case "PING":
            return build("PING", request.args[:64])
        case "TIME":
            return build("TIME", now_text)
        case "CLIENTINFO":
            return build("CLIENTINFO", " ".join(ANSWERED))
        case _:
            return None
