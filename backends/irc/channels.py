"""Channels: joining (and rejoining after a reconnect), members (NAMES, modes, joins, parts,
kicks), topics, invites and the server's channel list.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from app import facts as f
from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import ConversationId, ConversationKind, MessageKind, RoomListing
from backends.irc import convert, formatting
from backends.irc.members import ChannelState, Membership
from backends.irc.protocol import Line, join_lines, split_source
from backends.irc.session import IrcSession, error_text, is_error
from backends.irc.settings import Settings
from backends.irc.state import SavedState

JOIN_ERRORS = frozenset(
    {"403", "405", "437", "470", "471", "473", "474", "475", "476", "477", "479", "489", "520"}
)
REJOIN_REFUSED = frozenset({"403", "473", "474", "475", "476", "477", "479", "489", "520"})
"""Join errors that will not go away by themselves (full or busy channels are tried again)."""
MAX_UNASKED_JOINS = 5
"""Channels per connection the server may put us in without our asking (an oper's SAJOIN, a
channel forward we did not see announced); more is a hostile server: ignored, not remembered."""
MAX_LISTED = 200_000  # rows of one LIST kept (Libera.Chat lists ~30,000); a flood stops there
LIST_FRESH = 300.0  # seconds a fetched channel list is reused for new searches


@dataclass(frozen=True, slots=True)
class ChannelListing:
    """One row of the server's channel list (LIST)."""

    name: str
    users: int
    topic: str


class Channels:
    """See the module docstring."""

    def __init__(
        self,
        session: IrcSession,
        membership: Membership,
        saved: SavedState,
        settings: Settings,
    ) -> None:
        self._session = session
        self._members = membership
        self._saved = saved
        self._settings = settings
        self._list: list[ChannelListing] | None = None
        self._listed: tuple[float, list[ChannelListing]] | None = None
        self._asked: set[str] = set()  # folded channels we sent JOIN for (or were forwarded to)
        self._unasked = 0
        session.on("JOIN", self._on_join)
        session.on("PART", self._on_part)
        session.on("KICK", self._on_kick)
        session.on("TOPIC", self._on_topic)
        session.on("MODE", self._on_mode)
        session.on("INVITE", self._on_invite)
        session.on_numeric(("353", "366", "332", "331", "321", "322"), self._on_numeric)
        session.on_numeric(REJOIN_REFUSED, self._on_refused)
        session.on_numeric(("470",), self._on_forward)

    @property
    def _info(self) -> convert.ServerInfo:
        return self._session.info

    @property
    def _channels(self) -> dict[str, ChannelState]:
        return self._members.channels

    def rejoin(self) -> None:
        """Signed in: join the channels we were in and the ones the account names."""
        wanted = dict(self._saved.remembered)
        for name in self._settings.words("channels"):
            if self._info.is_channel(name):
                wanted.setdefault(self._info.fold(name), (name, ""))
        for name, _key in wanted.values():
            self._asked.add(self._info.fold(name))
        for line in join_lines(list(wanted.values())):  # many channels a line
            self._session.send(line)

    def members(self, channel: str) -> dict[str, str]:
        state = self._channels.get(self._info.fold(channel))
        return {} if state is None else dict(state.members.values())

    # -- what the server tells -----------------------------------------------------------------

    def _on_numeric(self, line: Line, label: str | None) -> bool:
        report = self._session.report
        params = line.params
        match line.command:
            case "353":
                self._on_names(line)
            case "366":
                self._on_names_end(line)
            case "332":
                channel = line.param(1)
                report(
                    f.ConversationUpdated(
                        self._info.fold(channel),
                        ConversationKind.GROUP,
                        title=channel,
                        topic=formatting.strip(line.param(-1)),
                    )
                )
            case "331":
                report(
                    f.ConversationUpdated(
                        self._info.fold(line.param(1)), ConversationKind.GROUP, topic=""
                    )
                )
            case "321":
                self._list = []
            case "322":
                if self._list is not None and len(params) >= 3 and len(self._list) < MAX_LISTED:
                    try:
                        users = int(params[2])
                    except ValueError:
                        users = 0
                    self._list.append(
                        ChannelListing(params[1], users, convert.list_topic(line.param(-1)))
                    )
        return True

    def _on_refused(self, line: Line, label: str | None) -> bool:
        """A channel we meant to rejoin refuses us: forget it rather than retry forever.
        (The error itself is still shown: this handler does not take the line.)"""
        if not self._session.registered:
            return False
        folded = self._info.fold(line.param(1))
        if folded in self._saved.remembered and folded not in self._channels:
            self._saved.remembered.pop(folded, None)
            self._saved.persist()
        return False

    def _on_forward(self, line: Line, label: str | None) -> bool:
        """470: the channel we asked for sends us to another one; that JOIN is ours too."""
        if self._info.fold(line.param(1)) in self._asked and len(line.params) >= 3:
            self._asked.add(self._info.fold(line.param(2)))
        return False

    def _on_join(self, line: Line) -> None:
        if not line.params:
            return
        name = line.params[0]
        folded = self._info.fold(name)
        nick, user, host = split_source(line.source)
        if self._session.is_me(nick):
            if not self._info.is_channel(name):
                self._session.report(f.BadInput("JOIN", "a JOIN to something not a channel"))
                return
            asked = folded in self._asked or folded in self._channels
            if not asked:
                # Put in a channel we never asked for: a few are an oper's doing; a stream of
                # them is a hostile server making conversations (issue 13): ignored.
                self._unasked += 1
                if self._unasked > MAX_UNASKED_JOINS:
                    self._session.report(
                        f.BadInput("JOIN", "joined to a channel we never asked for")
                    )
                    return
            if user and host:
                self._session.me.user, self._session.me.host = user, host
            self._channels[folded] = ChannelState(name)
            if asked:  # rejoined on the next connection; a forced join is not
                key = self._saved.remembered.get(folded, (name, ""))[1]
                self._saved.remembered[folded] = (name, key)
                self._saved.persist()
            self._session.report(
                f.ConversationUpdated(folded, ConversationKind.GROUP, title=name, joined=True)
            )
            return
        channel = self._channels.get(folded)
        if channel is None:
            return
        channel.members[self._info.fold(nick)] = (nick, "")
        if len(line.params) >= 2 and line.params[1] != "*":  # extended-join: their account
            self._members.accounts[self._info.fold(nick)] = line.params[1]
        self._session.report(self._members.member_fact(folded, nick, ""))

    def forget(self, folded: str) -> None:
        self._channels.pop(folded, None)
        self._members.prune()
        if self._saved.remembered.pop(folded, None) is not None:
            self._saved.persist()

    def _on_part(self, line: Line) -> None:
        if not line.params:
            return
        folded = self._info.fold(line.params[0])
        nick = line.nick
        if self._session.is_me(nick):
            self.forget(folded)
            self._session.report(f.ConversationLeft(folded, reason=line.param(1)))
            return
        channel = self._channels.get(folded)
        if channel is not None and channel.members.pop(self._info.fold(nick), None) is not None:
            self._session.report(f.MembersChanged(folded, removed=(nick,)))
            self._members.forget_person(nick)

    def _on_kick(self, line: Line) -> None:
        if len(line.params) < 2:
            return
        folded = self._info.fold(line.params[0])
        victim = line.params[1]
        reason = formatting.strip(line.param(2))
        by = line.nick
        text = (
            CoreMessages.tr("%1 was kicked by %2 (%3)").arg(victim, by, reason)
            if reason
            else CoreMessages.tr("%1 was kicked by %2").arg(victim, by)
        )
        report = self._session.report
        report(
            f.MessageReceived(
                conversation=folded,
                sender=by,
                body=text,
                conversation_kind=ConversationKind.GROUP,
                conversation_title=line.params[0],
                kind=MessageKind.SYSTEM,
                timestamp=convert.parse_server_time(line.tags.get("time")),
            )
        )
        if self._session.is_me(victim):
            self.forget(folded)
            report(f.ConversationLeft(folded, reason=text))
            return
        channel = self._channels.get(folded)
        if channel is not None:
            channel.members.pop(self._info.fold(victim), None)
            self._members.forget_person(victim)
        report(f.MembersChanged(folded, removed=(victim,)))

    def _on_topic(self, line: Line) -> None:
        if len(line.params) < 2:
            return
        name = line.params[0]
        folded = self._info.fold(name)
        topic = formatting.strip(line.params[1])
        report = self._session.report
        report(f.ConversationUpdated(folded, ConversationKind.GROUP, topic=topic))
        report(
            f.MessageReceived(
                conversation=folded,
                sender=line.nick,
                body=CoreMessages.tr("%1 changed the topic to: %2").arg(line.nick, topic),
                conversation_kind=ConversationKind.GROUP,
                conversation_title=name,
                kind=MessageKind.SYSTEM,
                timestamp=convert.parse_server_time(line.tags.get("time")),
                remote_id=line.tags.get("msgid") or None,
                history=self._session.from_history(line),
            )
        )

    def _on_mode(self, line: Line) -> None:
        if len(line.params) < 2 or not self._info.is_channel(line.params[0]):
            return
        folded = self._info.fold(line.params[0])
        channel = self._channels.get(folded)
        if channel is None:
            return
        info = self._info
        changed: dict[str, tuple[str, str]] = {}
        for change in convert.parse_mode_changes(line.params[1:], info):
            if change.mode not in info.prefix_modes or not change.arg:
                continue
            key = info.fold(change.arg)
            nick, prefixes = channel.members.get(key, (change.arg, ""))
            char = info.prefix_chars[info.prefix_modes.index(change.mode)]
            chars = set(prefixes)
            if change.adding:
                chars.add(char)
            else:
                chars.discard(char)
            entry = (nick, convert.sort_prefixes(chars, info))
            channel.members[key] = entry
            changed[key] = entry
        if changed:
            self._session.report(
                f.MembersChanged(
                    folded,
                    upserted=tuple(self._members.member(folded, n, p) for n, p in changed.values()),
                )
            )

    def _on_names(self, line: Line) -> None:
        if len(line.params) < 3:
            return
        channel = self._channels.get(self._info.fold(line.params[-2]))
        if channel is None:
            return
        if channel.names is None:
            channel.names = {}
        for entry in convert.parse_names(line.params[-1], self._info):
            channel.names[self._info.fold(entry.nick)] = (entry.nick, entry.prefixes)

    def _on_names_end(self, line: Line) -> None:
        folded = self._info.fold(line.param(1))
        channel = self._channels.get(folded)
        if channel is None or channel.names is None:
            return
        channel.members, channel.names = channel.names, None
        self._session.report(
            f.MembersChanged(
                folded,
                upserted=tuple(
                    self._members.member(folded, nick, prefixes)
                    for nick, prefixes in channel.members.values()
                ),
                complete=True,
            )
        )

    def _on_invite(self, line: Line) -> None:
        if len(line.params) < 2 or not self._session.is_me(line.params[0]):
            return  # invite-notify about somebody else
        self._session.report(f.InviteReceived(self._info.fold(line.params[1]), inviter=line.nick))

    # -- commands ------------------------------------------------------------------------------

    async def join(self, room: str, password: str = "") -> Outcome:
        name = room.strip()
        if not name or " " in name or "," in name:
            return Outcome(
                Failure(FailureKind.CONFIG, CoreMessages.tr("That is not a channel name."))
            )
        if not self._info.is_channel(name):
            name = "#" + name
        folded = self._info.fold(name)
        if folded in self._channels:
            return Outcome(value=folded)
        if password:
            self._saved.remembered[folded] = (name, password)
        self._asked.add(folded)

        def check(line: Line, label: str | None) -> Outcome | None:
            if (
                line.command == "JOIN"
                and self._session.is_me(line.nick)
                and self._info.fold(line.param(0)) == folded
            ):
                return Outcome(value=folded)
            if line.command in JOIN_ERRORS and self._info.fold(line.param(1)) == folded:
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        parts = ("JOIN", name, password) if password else ("JOIN", name)
        outcome = await self._session.request(parts, check)
        if not outcome.ok and password and folded not in self._channels:
            self._saved.remembered.pop(folded, None)
        return outcome

    async def leave(self, conv: ConversationId, reason: str = "") -> Outcome:
        folded = self._info.fold(conv.native_id)
        if not self._info.is_channel(conv.native_id):
            return Outcome()  # a private query: nothing to leave on the server
        if folded not in self._channels:
            self.forget(folded)
            self._session.report(f.ConversationLeft(folded))
            return Outcome()

        def check(line: Line, label: str | None) -> Outcome | None:
            if (
                line.command == "PART"
                and self._session.is_me(line.nick)
                and self._info.fold(line.param(0)) == folded
            ):
                return Outcome()
            if line.command in ("403", "442") and self._info.fold(line.param(1)) == folded:
                self.forget(folded)
                self._session.report(f.ConversationLeft(folded))
                return Outcome()
            return None

        parts = ("PART", conv.native_id, reason) if reason else ("PART", conv.native_id)
        return await self._session.request(parts, check)

    async def set_topic(self, conv: ConversationId, topic: str) -> Outcome:
        folded = self._info.fold(conv.native_id)
        topic = topic.replace("\r", " ").replace("\n", " ")

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "TOPIC" and self._info.fold(line.param(0)) == folded:
                return Outcome()
            if (
                line.command in ("403", "442", "482", "477")
                and self._info.fold(line.param(1)) == folded
            ):
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        return await self._session.request(("TOPIC", conv.native_id, topic), check)

    async def kick(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        folded = self._info.fold(conv.native_id)
        victim = self._info.fold(member)
        reason = reason.replace("\r", " ").replace("\n", " ")

        def check(line: Line, label: str | None) -> Outcome | None:
            if (
                line.command == "KICK"
                and self._info.fold(line.param(0)) == folded
                and self._info.fold(line.param(1)) == victim
            ):
                return Outcome()
            if line.command in ("401", "403", "441", "442", "482") and self._info.fold(
                line.param(1)
            ) in (folded, victim):
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        parts = (
            ("KICK", conv.native_id, member, reason) if reason else ("KICK", conv.native_id, member)
        )
        return await self._session.request(parts, check)

    async def invite(self, conv: ConversationId, contact: str) -> Outcome:
        folded = self._info.fold(conv.native_id)
        who = self._info.fold(contact)

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "341" and self._info.fold(line.param(1)) == who:
                return Outcome()
            if line.command in ("401", "403", "442", "443", "482") and self._info.fold(
                line.param(1)
            ) in (folded, who):
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        return await self._session.request(("INVITE", contact, conv.native_id), check)

    async def room_directory(
        self, query: str = "", limit: int = 500
    ) -> tuple[RoomListing, ...] | Failure:
        """Channels whose name or topic contains ``query`` (case-insensitive), from the
        server's whole list — fetched once and reused for :data:`LIST_FRESH` seconds, so typing
        a search does not ask the server again each time."""
        now = time.monotonic()
        if self._listed is None or now - self._listed[0] > LIST_FRESH:
            listing = await self.list_channels()
            if isinstance(listing, Failure):
                return listing
            self._listed = (now, listing)
        needle = query.casefold()
        rows = [
            RoomListing(c.name, c.name, c.topic, c.users)
            for c in self._listed[1]
            if not needle or needle in c.name.casefold() or needle in c.topic.casefold()
        ]
        return tuple(rows[:limit])

    async def list_channels(self, pattern: str = "") -> list[ChannelListing] | Failure:
        """The server's channel list (LIST), sorted by the number of users, largest first."""

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "323":
                return Outcome()
            if is_error(line) and line.command in ("416", "481"):
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        self._list = []
        parts = ("LIST", pattern) if pattern else ("LIST",)
        outcome = await self._session.request(parts, check)
        listing, self._list = self._list or [], None
        if outcome.failure is not None:
            return outcome.failure
        return sorted(listing, key=lambda c: (-c.users, c.name))
