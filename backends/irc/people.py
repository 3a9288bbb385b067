"""People: the watch list (the account's contacts, through MONITOR or polled ISON), who is away
(away-notify), services accounts (account-notify, account-tag), nick changes and WHOIS.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from app import facts as f
from app.backend import ContactDetails, Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import Contact, ContactId, Presence, PresenceState
from backends.irc import convert
from backends.irc.members import Membership
from backends.irc.protocol import Line, format_line
from backends.irc.session import IrcSession, bounded_insert, error_text
from backends.irc.settings import NICK_PATTERN
from backends.irc.state import SavedState, plain_nick

MAX_OPEN_WHOIS = 16
WHOIS_PARTS = ("310", "311", "312", "313", "317", "319", "330", "338", "671", "301")
NICK_ERRORS = frozenset({"431", "432", "433", "436", "437"})
WhoisAnswer = Callable[[Mapping[str, tuple[str, ...]]], None]


@dataclass
class WhoisBook:
    """WHOIS replies being collected, and who asked for them. Nothing in it outlives its
    request, and it stays small whatever the server sends (replies without their end)."""

    replies: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    """folded nick → numeric → params after our nick, until the end (318)."""
    asked: dict[str, str] = field(default_factory=dict)  # folded → conversation of a /whois
    answers: dict[str, str] = field(default_factory=dict)  # folded → summary, for that /whois
    internal: dict[str, WhoisAnswer] = field(default_factory=dict)  # answers nobody sees


class People:
    """See the module docstring."""

    def __init__(
        self,
        session: IrcSession,
        membership: Membership,
        saved: SavedState,
        account_id: str,
    ) -> None:
        self._session = session
        self._members = membership
        self._saved = saved
        self._account_id = account_id
        self._online: dict[str, bool] = {}
        self._nick_requested: str | None = None
        self.whois = WhoisBook()
        session.on("AWAY", self._on_away)
        session.on("ACCOUNT", self._on_account)
        session.on("CHGHOST", self._on_chghost)
        session.on("QUIT", self._on_quit)
        session.on("NICK", self._on_nick)
        session.on_numeric(("305", "306", "730", "731", "303", "734"), self._on_numeric)
        session.on_numeric(WHOIS_PARTS, self._on_whois_numeric)
        session.on_numeric(("401",), self._on_no_such_nick)
        session.on_numeric(("318",), self._on_whois_numeric)

    @property
    def _info(self) -> convert.ServerInfo:
        return self._session.info

    # -- the watch list ------------------------------------------------------------------------

    def contact(self, folded: str) -> Contact:
        blocked = self._saved.blocked_nicks()
        nick = self._saved.watch.get(folded) or blocked.get(folded) or folded
        return Contact(
            ContactId(self._account_id, folded),
            self._saved.names.get(folded) or nick,
            blocked=folded in blocked,
        )

    def start(self) -> None:
        """Signed in: report the contacts (the watch list, the people we ignore by nick and
        the host masks we ignore, all in the "Blocked" list) and watch them."""
        watch = self._saved.watch
        everyone = dict.fromkeys([*watch, *self._saved.blocked_nicks()])
        masks = tuple(
            Contact(ContactId(self._account_id, m), m, blocked=True)
            for m in self._saved.ignored
            if plain_nick(m) is None
        )
        if everyone or masks:
            self._session.report(
                f.ContactsChanged((*(self.contact(k) for k in everyone), *masks), complete=True)
            )
        if watch:
            self._watch_nicks(list(watch.values()))
        if self._info.monitor is None:
            self._session.spawn(self._poll_ison())

    def _watch_nicks(self, nicks: list[str]) -> None:
        if not nicks:
            return
        if self._info.monitor is not None:
            for start in range(0, len(nicks), 20):
                self._session.send(format_line("MONITOR", "+", ",".join(nicks[start : start + 20])))
        else:
            self._session.send(format_line("ISON", *nicks[:40]))

    def _set_online(self, folded: str, online: bool) -> None:
        if folded not in self._saved.watch or self._online.get(folded) == online:
            return  # only the people we watch (the server may name others)
        self._online[folded] = online
        state = PresenceState.AVAILABLE if online else PresenceState.OFFLINE
        self._session.report(f.PresenceChanged(folded, Presence(state)))

    async def _poll_ison(self) -> None:
        while not self._session.closed:
            await asyncio.sleep(self._session.tunables.ison_interval)
            if self._saved.watch:
                self._watch_nicks(list(self._saved.watch.values()))

    async def add_contact(self, contact: str, name: str = "") -> Outcome:
        nick = contact.strip()
        if not re.fullmatch(NICK_PATTERN, nick):
            return Outcome(Failure(FailureKind.CONFIG, CoreMessages.tr("That is not a nickname.")))
        folded = self._info.fold(nick)
        self._saved.watch[folded] = nick
        if name and name != nick:
            self._saved.names[folded] = name
        await self._saved.save()
        self._session.report(f.ContactsChanged((self.contact(folded),)))
        if self._session.usable:
            self._watch_nicks([nick])
        return Outcome(value=folded)

    async def remove_contact(self, contact: str) -> Outcome:
        folded = self._info.fold(contact)
        nick = self._saved.watch.pop(folded, contact)
        self._saved.names.pop(folded, None)
        self._online.pop(folded, None)
        await self._saved.save()
        if self._session.usable and self._info.monitor is not None:
            self._session.send(format_line("MONITOR", "-", nick))
        if folded in self._saved.blocked_nicks():  # still ignored: still listed, as blocked
            self._session.report(f.ContactsChanged((self.contact(folded),)))
        else:
            self._session.report(f.ContactsChanged(removed=(folded,)))
        return Outcome()

    async def rename_contact(self, contact: str, name: str) -> Outcome:
        """IRC has no server-side names for contacts: the name is ours, kept in the state."""
        folded = self._info.fold(contact)
        if folded not in self._saved.watch:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("That nick is not in your contacts."))
            )
        name = name.strip()
        if name and name != self._saved.watch[folded]:
            self._saved.names[folded] = name
        else:
            self._saved.names.pop(folded, None)
        await self._saved.save()
        self._session.report(f.ContactsChanged((self.contact(folded),)))
        return Outcome()

    # -- presence ------------------------------------------------------------------------------

    async def set_presence(self, presence: Presence) -> Outcome:
        message = convert.away_message_for(presence)
        wanted = "305" if message is None else "306"

        def check(line: Line, label: str | None) -> Outcome | None:
            return Outcome() if line.command == wanted else None

        parts = ("AWAY",) if message is None else ("AWAY", message.replace("\n", " ") or "Away")
        return await self._session.request(parts, check)

    def _on_numeric(self, line: Line, label: str | None) -> bool:
        report = self._session.report
        match line.command:
            case "305":
                report(f.OwnPresenceChanged(Presence(PresenceState.AVAILABLE)))
            case "306":
                report(f.OwnPresenceChanged(Presence(PresenceState.AWAY)))
            case "730" | "731":
                for nick in convert.monitor_targets(line.param(-1)):
                    self._set_online(self._info.fold(nick), line.command == "730")
            case "303":
                online = {self._info.fold(n) for n in line.param(-1).split()}
                for folded in self._saved.watch:
                    self._set_online(folded, folded in online)
            case "734":
                report(f.ServiceNotice(CoreMessages.tr("The server's watch list is full.")))
        return True

    def _on_away(self, line: Line) -> None:
        folded = self._info.fold(line.nick)
        presence = convert.presence_from_away(line.params[0] if line.params else None)
        self._members.note_away(folded, presence if presence.state is PresenceState.AWAY else None)
        self._members.report_everywhere(folded)
        if folded in self._saved.watch:
            self._session.report(f.PresenceChanged(folded, presence))

    def _on_account(self, line: Line) -> None:
        self._members.note_account(line.nick, line.param(0))

    def _on_chghost(self, line: Line) -> None:
        if self._session.is_me(line.nick) and len(line.params) >= 2:
            self._session.me.user, self._session.me.host = line.params[0], line.params[1]

    def _on_quit(self, line: Line) -> None:
        self._members.quit(line.nick)
        folded = self._info.fold(line.nick)
        if folded in self._saved.watch and self._info.monitor is None:
            self._set_online(folded, False)

    # -- nicks ---------------------------------------------------------------------------------

    def _on_nick(self, line: Line) -> None:
        old = line.nick
        new = line.param(0)
        if not new:
            return
        requested = self._nick_requested
        me = self._session.me
        # InspIRCd answers a labeled NICK with the *new* nick as the source: still us.
        if self._session.is_me(old) or (
            requested and self._info.fold(old) == requested == self._info.fold(new)
        ):
            self._nick_requested = None
            old, me.nick = me.nick, new
        self._members.rename(old, new)

    async def change_nick(self, nick: str) -> Outcome:
        folded = self._info.fold(nick)
        self._nick_requested = folded

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "NICK" and self._info.fold(line.param(0)) == folded:
                return Outcome(value=nick)
            if line.command in NICK_ERRORS:
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        return await self._session.request(("NICK", nick), check)

    # -- WHOIS ---------------------------------------------------------------------------------

    def ask(self, nick: str, answer: WhoisAnswer) -> None:
        """A WHOIS for ourselves (is NickServ genuine?): the replies go to ``answer``."""
        self.whois.internal[self._info.fold(nick)] = answer
        self._session.send(format_line("WHOIS", nick))

    def _on_no_such_nick(self, line: Line, label: str | None) -> bool:
        folded = self._info.fold(line.param(1))
        if folded not in self.whois.asked and folded not in self.whois.internal:
            return False
        return self._on_whois_numeric(line, label)

    def _on_whois_numeric(self, line: Line, label: str | None) -> bool:
        if line.command == "318":
            self._on_whois_end(line)
            return True
        if len(line.params) < 2:
            return True
        folded = self._info.fold(line.params[1])
        replies = self.whois.replies.get(folded)
        if replies is None:
            # Replies without their end (318) must not pile up: keep a few WHOIS at a time.
            replies = {}
            bounded_insert(self.whois.replies, folded, replies, MAX_OPEN_WHOIS)
        if len(replies) < 32:
            replies[line.command] = line.params[1:]
        return True

    def _on_whois_end(self, line: Line) -> None:
        nick = line.param(1)
        folded = self._info.fold(nick)
        replies = self.whois.replies.pop(folded, {})
        internal = self.whois.internal.pop(folded, None)
        if internal is not None:  # ours (is NickServ genuine?), not the person's
            internal(replies)
            return
        asked = folded in self.whois.asked
        conversation = self.whois.asked.pop(folded, None) or None
        text = convert.whois_text(nick, replies)
        if asked:  # /whois waits for it (and takes it away); nobody waits for a /quote WHOIS
            self.whois.answers[folded] = text
        self._session.report(f.ServiceNotice(text, conversation))

    async def details(self, nick: str) -> ContactDetails | Failure:
        """WHOIS as a typed result, shown nowhere else (a contact's details view)."""
        nick = nick.strip()
        if not re.fullmatch(NICK_PATTERN, nick):
            return Failure(FailureKind.CONFIG, CoreMessages.tr("That is not a nickname."))
        if not self._session.usable:
            return Failure(
                FailureKind.NOT_CONNECTED, CoreMessages.tr("Not connected."), retryable=True
            )
        folded = self._info.fold(nick)
        answer: asyncio.Future[Mapping[str, tuple[str, ...]]]
        answer = asyncio.get_running_loop().create_future()

        def arrived(replies: Mapping[str, tuple[str, ...]]) -> None:
            if not answer.done():
                answer.set_result(replies)

        self.ask(nick, arrived)
        try:
            async with asyncio.timeout(self._session.tunables.command_timeout):
                replies = await answer
        except TimeoutError:
            return Failure(
                FailureKind.NETWORK, CoreMessages.tr("The server did not answer."), retryable=True
            )
        finally:
            self.whois.internal.pop(folded, None)
        return convert.whois_details(nick, replies)

    async def whois_command(self, nick: str, conversation: str | None) -> Outcome:
        """WHOIS: the summary comes back as ``Outcome.value`` and as a service notice."""
        folded = self._info.fold(nick)
        self.whois.asked[folded] = conversation or ""

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "318" and self._info.fold(line.param(1)) == folded:
                return Outcome(value=self.whois.answers.pop(folded, ""))
            return None

        try:
            return await self._session.request(("WHOIS", nick), check)
        finally:  # unanswered (timeout, lost connection): leave nothing behind
            self.whois.asked.pop(folded, None)
            self.whois.answers.pop(folded, None)
