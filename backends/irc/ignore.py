"""Ignoring people (the blocking feature): by ``nick!user@host`` mask, on the server where it
offers SILENCE, and here always.

Here, lines from an ignored mask (messages, notices, CTCP and DCC offers, client tags, invites)
are dropped before any service sees them, so they are neither stored nor notified. The server's
SILENCE list (ISUPPORT ``SILENCE``) keeps them from being sent to us at all; it lasts only for
the connection, so it is set again on every connect. A mask that matches everyone is refused.
"""

from __future__ import annotations

import re

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import Contact, ContactId
from backends.irc.convert import ServerInfo
from backends.irc.protocol import Line, format_line
from backends.irc.session import IrcSession, error_text
from backends.irc.state import SavedState, plain_nick

FILTERED = frozenset({"PRIVMSG", "NOTICE", "TAGMSG", "INVITE"})
MAX_MASK = 200
SILENCE_ERRORS = frozenset({"952", "511"})  # ERR_SILENCE (InspIRCd), ERR_SILELISTFULL


def normalise_mask(text: str) -> str | None:
    """``bob`` → ``bob!*@*``, ``user@host`` → ``*!user@host``, ``nick!user`` → ``nick!user@*``;
    None when it cannot be a mask (spaces, control characters, empty parts, too long)."""
    text = text.strip()
    if not text or len(text) > MAX_MASK or any(c.isspace() or ord(c) < 32 for c in text):
        return None
    if text.count("!") > 1 or text.count("@") > 1:
        return None
    nick, bang, rest = text.partition("!")
    if not bang:
        if "@" in text:
            nick, rest = "*", text
        else:
            nick, rest = text, "*@*"
    user, at, host = rest.partition("@")
    if not at:
        host = "*"
    if not nick or not user or not host:
        return None
    return f"{nick}!{user}@{host}"


def not_a_mask(text: str) -> Outcome:
    """The refusal of ``text`` that :func:`normalise_mask` could not read (ban, unban, ignore)."""
    return Outcome(
        Failure(FailureKind.CONFIG, CoreMessages.tr("%1 is not a nick or a mask.").arg(repr(text)))
    )


def matches_everyone(mask: str) -> bool:
    """Whether every part is only wildcards (``*!*@*``, ``?*!*@*``…): it would ignore all."""
    return all(part and set(part) <= {"*", "?"} for part in re.split("[!@]", mask))


def mask_regex(mask: str, info: ServerInfo) -> re.Pattern[str]:
    pattern = "".join(
        ".*" if c == "*" else "." if c == "?" else re.escape(c) for c in info.fold(mask)
    )
    return re.compile(pattern, re.DOTALL)


class Ignore:
    """See the module docstring."""

    def __init__(
        self, session: IrcSession, saved: SavedState, account_id: str, *, contacts_only: bool
    ) -> None:
        self._session = session
        self._saved = saved
        self._account_id = account_id
        self._contacts_only = contacts_only
        self._compiled: dict[str, re.Pattern[str]] = {}
        session.add_filter(self._drops, idle=self._drops_nothing)

    @property
    def server_side(self) -> bool:
        return "SILENCE" in self._session.info.raw

    @property
    def _callerid(self) -> str:
        """The user mode of the server's accept list (+g), when it has one."""
        return self._session.info.raw.get("CALLERID", "g") if self._has_callerid else ""

    @property
    def _has_callerid(self) -> bool:
        return "CALLERID" in self._session.info.raw

    def _pattern(self, mask: str) -> re.Pattern[str]:
        compiled = self._compiled.get(mask)
        if compiled is None:
            compiled = self._compiled[mask] = mask_regex(mask, self._session.info)
        return compiled

    def ignores(self, source: str) -> bool:
        """Whether ``nick!user@host`` is ignored."""
        if not self._saved.ignored or "!" not in source:
            return False
        folded = self._session.info.fold(source)
        return any(self._pattern(m).fullmatch(folded) for m in self._saved.ignored)

    def _drops_nothing(self) -> bool:
        """Nobody is ignored and strangers may write: :meth:`_drops` is False for every line."""
        return not (self._saved.ignored or self._contacts_only)

    def _drops(self, line: Line) -> bool:
        if line.command not in FILTERED or self._drops_nothing():
            return False
        if self._session.is_me(line.nick):
            return False
        if self.ignores(line.source):
            self._session.log.debug("dropped a %s from an ignored sender", line.command)
            return True
        if self._contacts_only and self._stranger_in_private(line):
            self._session.log.debug(
                "dropped a private %s from someone not in the contacts", line.command
            )
            return True
        return False

    def _stranger_in_private(self, line: Line) -> bool:
        info = self._session.info
        if "!" not in line.source or info.is_channel(info.strip_statusmsg(line.param(0))):
            return False
        folded = info.fold(line.nick)
        return folded not in self._saved.watch and folded != info.fold("NickServ")

    def start(self) -> None:
        """Signed in: the server forgot our SILENCE and ACCEPT lists with the last connection."""
        if self.server_side:
            for mask in self._saved.ignored:
                self._session.send(format_line("SILENCE", "+" + mask))
        if self._contacts_only and self._has_callerid:
            self._session.send(format_line("MODE", self._session.me.nick, "+" + self._callerid))
            self.accept(list(self._saved.watch.values()), True)

    def accept(self, nicks: list[str], accepted: bool) -> None:
        """Keep the server's accept list (+g) the contact list, less the people we block."""
        if not (self._contacts_only and self._has_callerid and self._session.usable):
            return
        blocked = self._saved.blocked_nicks()
        info = self._session.info
        names = [
            n if accepted else "-" + n for n in nicks if not accepted or info.fold(n) not in blocked
        ]
        for start in range(0, len(names), 20):
            self._session.send(format_line("ACCEPT", ",".join(names[start : start + 20])))

    async def set_blocked(self, contact: str, blocked: bool) -> Outcome:
        mask = normalise_mask(contact)
        if mask is None:
            return not_a_mask(contact)
        if matches_everyone(mask):
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr(
                        "%1 matches everyone: block a nick (bob) or a host (*!*@host) instead."
                    ).arg(mask),
                )
            )
        ignored = self._saved.ignored
        folded = self._session.info.fold(mask)
        present = [m for m in ignored if self._session.info.fold(m) == folded]
        if blocked and not present:
            ignored.append(mask)
        elif not blocked:
            for m in present:
                ignored.remove(m)
        await self._saved.save()
        nick = plain_nick(mask)
        if nick is not None:
            if nick and self._session.info.fold(nick) in self._saved.watch:
                self.accept([nick], not blocked)
            folded_nick = self._session.info.fold(nick)
            watched = folded_nick in self._saved.watch
            if blocked or watched:
                name = self._saved.names.get(folded_nick) or nick
                contact_id = ContactId(self._account_id, folded_nick)
                self._session.report(
                    f.ContactsChanged((Contact(contact_id, name, blocked=blocked),))
                )
            else:
                self._session.report(f.ContactsChanged(removed=(folded_nick,)))
        elif blocked:  # a host mask: listed as itself in the "Blocked" list
            listed = Contact(ContactId(self._account_id, mask), mask, blocked=True)
            self._session.report(f.ContactsChanged((listed,)))
        else:
            self._session.report(f.ContactsChanged(removed=(mask, *present)))
        if self.server_side and self._session.usable:
            return await self._silence(mask, blocked)
        return Outcome(value=mask)

    async def _silence(self, mask: str, add: bool) -> Outcome:
        """Tell the server; the mask stays ignored here whatever it answers."""
        info = self._session.info
        wanted = info.fold(mask)

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "SILENCE" and info.fold(line.param(0).lstrip("+-")) == wanted:
                return Outcome(value=mask)
            if line.command in SILENCE_ERRORS:
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        outcome = await self._session.request(("SILENCE", ("+" if add else "-") + mask), check)
        if outcome.failure is not None:
            self._session.log.info("the server refused a SILENCE change: %s", outcome.failure)
            return Outcome(value=mask)  # ignored here all the same
        return outcome
