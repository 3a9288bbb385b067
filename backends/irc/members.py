"""Who is in the channels we are in, with what they know about each person (services account,
away state): shared by the channels and people services, so neither needs the other.

Accounts and away states are kept only for people who share a channel with us, so strangers
cannot grow them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from app import facts as f
from app.models import Member, Presence
from backends.irc import convert
from backends.irc.session import Report


@dataclass
class ChannelState:
    name: str  # as the server spells it
    members: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded → (nick, prefixes)
    names: dict[str, tuple[str, str]] | None = None  # a NAMES reply being collected


class Membership:
    """The channels we are in and their members; see the module docstring."""

    def __init__(self, account_id: str, info: convert.ServerInfo, report: Report) -> None:
        self._account_id = account_id
        self._info = info
        self._report = report
        self.channels: dict[str, ChannelState] = {}
        self.accounts: dict[str, str] = {}  # folded nick → services account
        self.away: dict[str, Presence] = {}  # folded nick → away (away-notify)

    def member(self, folded_channel: str, nick: str, prefixes: str) -> Member:
        folded = self._info.fold(nick)
        made = convert.member(
            self._account_id,
            folded_channel,
            nick,
            prefixes,
            self._info,
            account=self.accounts.get(folded, ""),
        )
        away = self.away.get(folded)
        return made if away is None else replace(made, presence=away)

    def member_fact(self, folded_channel: str, nick: str, prefixes: str) -> f.MembersChanged:
        return f.MembersChanged(
            folded_channel, upserted=(self.member(folded_channel, nick, prefixes),)
        )

    def shares_channel(self, folded_nick: str) -> bool:
        return any(folded_nick in channel.members for channel in self.channels.values())

    def report_everywhere(self, folded_nick: str) -> None:
        """The person changed (account, away): tell each channel they are in."""
        for channel_folded, channel in self.channels.items():
            entry = channel.members.get(folded_nick)
            if entry is not None:
                self._report(self.member_fact(channel_folded, *entry))

    def note_account(self, nick: str, account: str | None) -> None:
        """Who ``nick`` is signed in as (``*`` or None: nobody); members show it."""
        folded = self._info.fold(nick)
        if not self.shares_channel(folded):
            self.accounts.pop(folded, None)
            return
        known = account if account and account != "*" else None
        if self.accounts.get(folded) == known:
            return
        if known is None:
            del self.accounts[folded]
        else:
            self.accounts[folded] = known
        self.report_everywhere(folded)

    def note_away(self, folded: str, presence: Presence | None) -> None:
        if not self.shares_channel(folded):
            return
        if presence is None:
            self.away.pop(folded, None)
        else:
            self.away[folded] = presence

    def prune(self) -> None:
        """Forget accounts and away states of people we no longer share a channel with."""
        for folded in [n for n in self.accounts if not self.shares_channel(n)]:
            del self.accounts[folded]
        for folded in [n for n in self.away if not self.shares_channel(n)]:
            del self.away[folded]

    def forget_person(self, nick: str) -> None:
        folded = self._info.fold(nick)
        if not self.shares_channel(folded):
            self.accounts.pop(folded, None)
            self.away.pop(folded, None)

    def quit(self, nick: str) -> None:
        """``nick`` left the network: out of every channel."""
        folded_nick = self._info.fold(nick)
        for folded, channel in self.channels.items():
            if channel.members.pop(folded_nick, None) is not None:
                self._report(f.MembersChanged(folded, removed=(nick,)))
        self.accounts.pop(folded_nick, None)
        self.away.pop(folded_nick, None)

    def rename(self, old: str, new: str) -> None:
        old_folded, new_folded = self._info.fold(old), self._info.fold(new)
        if old_folded in self.accounts:  # these stay with the person
            self.accounts[new_folded] = self.accounts.pop(old_folded)
        if old_folded in self.away:
            self.away[new_folded] = self.away.pop(old_folded)
        for folded, channel in self.channels.items():
            entry = channel.members.pop(old_folded, None)
            if entry is None:
                continue
            channel.members[new_folded] = (new, entry[1])
            member = self.member(folded, new, entry[1])
            self._report(f.MembersChanged(folded, upserted=(member,), removed=(old,)))
