"""IRCv3 client tags that carry no text: typing (``+typing``) and reactions (``+draft/react``,
``+draft/unreact``, each with ``+draft/reply`` naming the message), sent and received as TAGMSG.

They need ``message-tags``; without it (ngIRCd, older servers) they are off, not faked: the
backend's capabilities leave out TYPING and REACTIONS. A server may also deny single client tags
(ISUPPORT ``CLIENTTAGDENY``), which turns off just those.

Typing follows https://ircv3.net/specs/client-tags/typing: ``active`` at most once every
3 seconds, repeated while the person types, ``done`` when they stop; a received ``active``
lapses after 6 seconds without another.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import ConversationId
from backends.irc.protocol import Line, format_line
from backends.irc.session import IrcSession, written

TYPING = "+typing"
REACT = "+draft/react"
UNREACT = "+draft/unreact"
REPLY = "+draft/reply"
TYPING_RESEND = 3.0  # seconds between two "active" we send
TYPING_LAPSE = 6.0  # seconds after which a received "active" no longer holds
MAX_REACTION_LENGTH = 64  # characters of one reaction key we accept
MAX_REMEMBERED = 2000  # messages whose reactions of ours we remember (for removing them)


class ClientTags:
    """See the module docstring."""

    def __init__(self, session: IrcSession) -> None:
        self._session = session
        self._typing_to: dict[str, asyncio.Task[None]] = {}  # folded target → resender
        self._typing_from: dict[tuple[str, str], asyncio.TimerHandle] = {}
        self._reacted: OrderedDict[tuple[str, str], frozenset[str]] = OrderedDict()
        session.on("TAGMSG", self._on_tagmsg)
        idle = self._nobody_typing
        session.on("PRIVMSG", self._on_message, idle=idle)
        session.on("NOTICE", self._on_message, idle=idle)

    def allowed(self, tag: str) -> bool:
        """Whether we may send ``tag``: message-tags is on and the server does not deny it."""
        if "message-tags" not in self._session.caps:
            return False
        denied = self._session.info.raw.get("CLIENTTAGDENY", "")
        name = tag.removeprefix("+")
        verdict = True
        for item in filter(None, denied.split(",")):
            if item == "*":
                verdict = False
            elif item.startswith("-") and item[1:] == name:
                verdict = True
            elif item == name:
                verdict = False
        return verdict

    # -- typing --------------------------------------------------------------------------------

    async def send_typing(self, conv: ConversationId, typing: bool) -> None:
        if not self._session.usable or not self.allowed(TYPING):
            return
        target = conv.native_id
        folded = self._session.info.fold(target)
        resender = self._typing_to.pop(folded, None)
        if typing:
            if resender is not None and not resender.done():
                self._typing_to[folded] = resender  # already saying so, every 3 seconds
                return
            task = asyncio.get_running_loop().create_task(self._keep_typing(target))
            self._typing_to[folded] = task
            return
        if resender is not None:
            resender.cancel()
            self._send_typing(target, "done")

    async def _keep_typing(self, target: str) -> None:
        while not self._session.closed:
            self._send_typing(target, "active")
            await asyncio.sleep(TYPING_RESEND)

    def _send_typing(self, target: str, state: str) -> None:
        self._session.send(format_line("TAGMSG", target, tags={TYPING: state}))

    def stop(self) -> None:
        for task in self._typing_to.values():
            task.cancel()
        self._typing_to.clear()
        for timer in self._typing_from.values():
            timer.cancel()
        self._typing_from.clear()

    def _typing_changed(self, conversation: str, sender: str, state: str) -> None:
        key = (conversation, self._session.info.fold(sender))
        timer = self._typing_from.pop(key, None)
        if timer is not None:
            timer.cancel()
        active = state == "active"
        if active:
            handle = self._session.later(
                TYPING_LAPSE, lambda: self._typing_lapsed(key, conversation, sender)
            )
            if handle is not None:
                self._typing_from[key] = handle
            if timer is not None:
                return  # still typing: said already
        elif timer is None:
            return  # paused or done after it lapsed: said already
        self._session.report(f.TypingChanged(conversation, sender, active))

    def _typing_lapsed(self, key: tuple[str, str], conversation: str, sender: str) -> None:
        if self._typing_from.pop(key, None) is not None:
            self._session.report(f.TypingChanged(conversation, sender, False))

    # -- reactions -----------------------------------------------------------------------------

    async def react(
        self, conv: ConversationId, target_remote_id: str, keys: tuple[str, ...]
    ) -> Outcome:
        """Make our reactions on a message exactly ``keys``: a TAGMSG for each one added and
        (``+draft/unreact``) each one taken back. What we reacted before this connection is not
        known here, so only this connection's reactions can be taken back."""
        if not self.allowed(REACT):
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("This server does not relay reactions."),
                )
            )
        if not self._session.usable:
            return Outcome(
                Failure(
                    FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
                )
            )
        key = (self._session.info.fold(conv.native_id), target_remote_id)
        before = self._reacted.pop(key, frozenset())
        wanted = frozenset(k for k in keys if k)
        ok = True
        for reaction in sorted(wanted - before):
            tags = {REPLY: target_remote_id, REACT: reaction}
            ok &= await self._session.send(format_line("TAGMSG", conv.native_id, tags=tags))
        if before - wanted and self.allowed(UNREACT):
            for reaction in sorted(before - wanted):
                tags = {REPLY: target_remote_id, UNREACT: reaction}
                ok &= await self._session.send(format_line("TAGMSG", conv.native_id, tags=tags))
        if wanted:
            self._reacted[key] = wanted
            while len(self._reacted) > MAX_REMEMBERED:
                self._reacted.popitem(last=False)
        return written(ok)

    # -- incoming ------------------------------------------------------------------------------

    def _conversation(self, line: Line) -> tuple[str, bool] | None:
        """The conversation a tagged line belongs to, and whether it is ours (an echo)."""
        server = "!" not in line.source and "." in line.source
        if not line.params or not line.nick or server:
            return None
        info = self._session.info
        target = info.strip_statusmsg(line.params[0])
        outgoing = self._session.is_me(line.nick)
        if info.is_channel(target):
            return info.fold(target), outgoing
        return info.fold(target if outgoing else line.nick), outgoing

    def _on_tagmsg(self, line: Line) -> None:
        where = self._conversation(line)
        if where is None:
            return
        conversation, outgoing = where
        history = self._session.from_history(line)
        typing = line.tags.get(TYPING)
        if typing in ("active", "paused", "done") and not outgoing and not history:
            self._typing_changed(conversation, line.nick, typing)
        target = line.tags.get(REPLY, "")
        for tag, added in ((REACT, True), (UNREACT, False)):
            key = line.tags.get(tag, "")
            if not key or not target or (outgoing and not history):
                continue  # our own echo: the core already shows what we set
            if len(key) > MAX_REACTION_LENGTH or not key.isprintable():
                self._session.log.info("dropped an unusable reaction")
                self._session.report(f.BadInput("IRC reaction", key[:80]))
                continue
            self._session.report(
                f.ReactionChanged(conversation, target, line.nick, key, added=added)
            )

    def _nobody_typing(self) -> bool:
        return not self._typing_from

    def _on_message(self, line: Line) -> None:
        """A message ends its sender's typing (the core clears it too; the timer must go)."""
        if not self._typing_from:  # nobody is typing: nothing to end (every line of a flood)
            return
        where = self._conversation(line)
        if where is not None and not where[1]:
            key = (where[0], self._session.info.fold(line.nick))
            timer = self._typing_from.pop(key, None)
            if timer is not None:
                timer.cancel()
