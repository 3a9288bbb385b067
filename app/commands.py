"""Slash commands typed in the composer: what a line means, decided here and only here.

:func:`parse_slash` reads a line (pure, table-tested); the core's :class:`app.core.commands.
SlashCommands` carries it out: the generic commands below mean the same for every service and map
to core commands; any other name goes to the backend if it lists it (``SupportsCommands``, e.g.
IRC's /whois or /quote), and a backend never sees a generic one. Front ends hand the whole line to
``core.commands.run`` and show the :class:`SlashResult`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.backend import Outcome
from app.i18n import CoreMessages
from app.models import ConversationId

GENERIC = {
    "me": CoreMessages.tr("/me ACTION — describe what you do"),
    "join": CoreMessages.tr("/join ROOM [PASSWORD] — join a room or channel"),
    "part": CoreMessages.tr("/part [REASON] — leave this room"),
    "leave": CoreMessages.tr("/leave [REASON] — leave this room"),
    "topic": CoreMessages.tr("/topic TEXT — change the topic"),
    "invite": CoreMessages.tr("/invite WHO [REASON] — invite someone here"),
    "kick": CoreMessages.tr("/kick WHO [REASON] — remove someone from this room"),
    "ban": CoreMessages.tr("/ban WHO [REASON] — keep someone out of this room"),
    "unban": CoreMessages.tr("/unban WHO — let someone back into this room"),
    "ignore": CoreMessages.tr("/ignore WHO — block someone: you no longer see what they write"),
    "unignore": CoreMessages.tr("/unignore WHO — unblock someone"),
    "msg": CoreMessages.tr("/msg WHO TEXT — send a private message"),
    "list": CoreMessages.tr("/list [WORDS] — browse the public rooms or channels"),
    "poll": CoreMessages.tr("/poll QUESTION | ANSWER | ANSWER … — start a poll"),
    "query": CoreMessages.tr("/query WHO — open a private conversation"),
    "help": CoreMessages.tr("/help — list the commands"),
}


@dataclass(frozen=True, slots=True)
class SlashCommand:
    name: str
    args: str

    def split(self, parts: int) -> list[str]:
        """The arguments as at most ``parts`` words, the last keeping its spaces."""
        words = self.args.split(None, parts - 1) if self.args else []
        return words + [""] * (parts - len(words))


def parse_slash(text: str) -> SlashCommand | None:
    """A command if ``text`` starts with one "/"; "//text" is plain text starting with "/"."""
    if not text.startswith("/") or text.startswith("//"):
        return None
    head, _, rest = text[1:].partition(" ")
    name = head.strip().lower()
    if not name or not name.replace("-", "").replace("_", "").isalnum():
        return None
    return SlashCommand(name, rest.strip())


def unescape_slash(text: str) -> str:
    """What to send for plain text: "//x" becomes "/x"."""
    return text[1:] if text.startswith("//") else text


@dataclass(frozen=True, slots=True)
class SlashResult:
    """What became of a line: the outcome, and what the front end should do next."""

    outcome: Outcome = field(default_factory=Outcome)
    open_conversation: ConversationId | None = None  # /query, or /msg WHO without text
    browse: str | None = None  # /list: show the room directory, searching for this
    help: tuple[str, ...] = ()  # /help: the lines to show
    unknown: str = ""  # a name no one understands (the front end says so in its language)
    usage: str = ""  # a generic command without what it needs: how to use it
