"""Slash commands typed in the composer: parsing only (pure, tested table-driven).

Generic commands map to core commands for every service; anything else goes to the backend if it
understands it (``SupportsCommands``, e.g. IRC's /whois or /quote), otherwise the user is told.
"""

from __future__ import annotations

from dataclasses import dataclass

GENERIC = {
    "me": "/me ACTION — describe what you do",
    "join": "/join ROOM [PASSWORD] — join a room or channel",
    "part": "/part [REASON] — leave this room",
    "leave": "/leave [REASON] — leave this room",
    "topic": "/topic TEXT — change the topic",
    "invite": "/invite WHO [REASON] — invite someone here",
    "kick": "/kick WHO [REASON] — remove someone from this room",
    "msg": "/msg WHO TEXT — send a private message",
    "list": "/list [WORDS] — browse the public rooms or channels",
    "query": "/query WHO — open a private conversation",
    "help": "/help — list the commands",
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
