"""``core.commands``: a typed line carried out — the one place a slash command gets its meaning."""

from __future__ import annotations

from typing import Protocol

from app.backend import Outcome
from app.commands import GENERIC, SlashCommand, SlashResult, parse_slash
from app.formatting import markdown_to_html
from app.models import AccountId, Conversation, ConversationId, MessageKind

_NEEDS_ARGS = frozenset(
    {"me", "join", "topic", "invite", "kick", "ban", "unban", "ignore", "unignore"}
    | {"msg", "query", "poll"}
)


# What this group uses of the others (``core.messaging``, ``core.rooms``,
# ``core.conversations``), as protocols: command groups never import one another.
class Messaging(Protocol):
    async def send_message(
        self,
        conv: ConversationId,
        body: str,
        *,
        html: str | None = None,
        kind: MessageKind = MessageKind.TEXT,
    ) -> object: ...

    async def run_command(self, conv: ConversationId, name: str, args: str) -> Outcome: ...

    async def command_names(self, conv: ConversationId) -> tuple[str, ...]: ...


class Rooms(Protocol):
    async def join(
        self, account_id: AccountId, room: str, nick: str = "", password: str = ""
    ) -> Outcome: ...

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome: ...

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome: ...

    async def invite(self, conv: ConversationId, contact: str, reason: str = "") -> Outcome: ...

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome: ...

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome: ...

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome: ...


class Polls(Protocol):
    async def start(
        self, conv: ConversationId, question: str, answers: tuple[str, ...]
    ) -> Outcome: ...


class Conversations(Protocol):
    async def open_direct(
        self, account_id: AccountId, contact: str, title: str = ""
    ) -> Conversation: ...


class Contacts(Protocol):
    async def set_blocked(self, account_id: AccountId, contact: str, blocked: bool) -> Outcome: ...


class SlashCommands:
    def __init__(
        self,
        messaging: Messaging,
        rooms: Rooms,
        conversations: Conversations,
        polls: Polls,
        contacts: Contacts,
    ) -> None:
        self._messaging = messaging
        self._contacts = contacts
        self._rooms = rooms
        self._conversations = conversations
        self._polls = polls

    async def run(self, conv: ConversationId, text: str) -> SlashResult:
        """Carry out ``text`` typed in ``conv``. Plain text (and ``//text``) is not a command:
        the front end sends it as a message; here it is reported as unknown ("")."""
        command = parse_slash(text)
        if command is None:
            return SlashResult(unknown="")
        name = command.name
        if name in GENERIC:
            if name in _NEEDS_ARGS and not command.args:
                return SlashResult(usage=GENERIC[name])
            return await self._generic(conv, command)
        if name in await self._messaging.command_names(conv):
            return SlashResult(await self._messaging.run_command(conv, name, command.args))
        return SlashResult(unknown=name)

    async def _generic(self, conv: ConversationId, command: SlashCommand) -> SlashResult:
        name, args = command.name, command.args
        if name == "me":
            await self._messaging.send_message(
                conv, args, html=markdown_to_html(args), kind=MessageKind.EMOTE
            )
            return SlashResult()
        if name == "join":
            room, password = command.split(2)
            return SlashResult(await self._rooms.join(conv.account_id, room, password=password))
        if name in ("part", "leave"):
            return SlashResult(await self._rooms.leave(conv, args))
        if name == "topic":
            return SlashResult(await self._rooms.set_topic(conv, args))
        if name == "invite":
            who, reason = command.split(2)
            return SlashResult(await self._rooms.invite(conv, who, reason))
        if name == "kick":
            who, reason = command.split(2)
            return SlashResult(await self._rooms.kick(conv, who, reason))
        if name in ("ban", "unban"):
            who, reason = command.split(2)
            act = self._rooms.ban if name == "ban" else self._rooms.unban
            return SlashResult(await act(conv, who, reason))
        if name in ("ignore", "unignore"):  # IRC's word; blocking everywhere (HexChat, Element)
            blocked = name == "ignore"
            return SlashResult(await self._contacts.set_blocked(conv.account_id, args, blocked))
        if name in ("msg", "query"):
            who, body = command.split(2)
            direct = await self._conversations.open_direct(conv.account_id, who)
            if body:
                await self._messaging.send_message(direct.id, body)
            opened = direct.id if name == "query" or not body else None
            return SlashResult(open_conversation=opened)
        if name == "list":
            return SlashResult(browse=args)
        if name == "poll":  # "/poll Where? | Here | There": the question, then the answers
            question, *answers = (part.strip() for part in args.split("|"))
            return SlashResult(await self._polls.start(conv, question, tuple(answers)))
        own = await self._messaging.command_names(conv)
        lines = tuple(GENERIC.values()) + tuple(f"/{n}" for n in own if n not in GENERIC)
        return SlashResult(Outcome(), help=lines)
