"""IRC payload → Chinwag facts and models (DESIGN §8.7). Pure: no sockets, no clocks, no state.

Identities:

* A channel's conversation id is its name *folded* with the server's CASEMAPPING
  (:func:`backends.irc.text.fold`, rfc1459 until the server says otherwise), so ``#Chan`` and
  ``#chan`` are one conversation; the name as the server spells it becomes the title.
* A private query's conversation id is the other person's folded nick; the sender of every
  message is the nick as written (``Bob``), which is what people see.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from app import facts as f
from app.backend import ContactDetails
from app.i18n import CoreMessages, Text
from app.models import (
    ContactId,
    ConversationId,
    ConversationKind,
    Member,
    MessageKind,
    Presence,
    PresenceState,
    Role,
)
from backends.irc import ctcp, formatting
from backends.irc.protocol import Line, split_source
from backends.irc.text import fold, fold_text


@dataclass
class ServerInfo:
    """What the server announced in ISUPPORT (numeric 005), with RFC defaults until then."""

    casemapping: str = "rfc1459"
    chantypes: str = "#&"
    prefix_modes: str = "ov"
    prefix_chars: str = "@+"
    statusmsg: str = ""
    chanmodes: tuple[str, str, str, str] = ("beI", "k", "l", "imnpst")
    network: str = ""
    monitor: int | None = None  # None: MONITOR not offered
    chathistory: int | None = None  # CHATHISTORY limit, when offered
    linelen: int = 512
    nicklen: int = 30
    raw: dict[str, str] = field(default_factory=dict)

    def update(self, tokens: Iterable[str]) -> None:
        """Apply the tokens of one 005 line (without the nick and the trailing text)."""
        for token in tokens:
            if token.startswith("-"):
                self.raw.pop(token[1:].upper(), None)
                if token[1:].upper() == "MONITOR":
                    self.monitor = None
                continue
            key, _, value = token.partition("=")
            key = key.upper()
            self.raw[key] = value
            try:
                self._apply(key, value)
            except ValueError:
                continue  # a malformed token keeps the previous value

    def _apply(self, key: str, value: str) -> None:
        match key:
            case "CASEMAPPING":
                self.casemapping = value.lower() or "rfc1459"
            case "CHANTYPES":
                self.chantypes = value
            case "PREFIX":
                if value.startswith("(") and ")" in value:
                    modes, chars = value[1:].split(")", 1)
                    if len(modes) == len(chars):
                        self.prefix_modes, self.prefix_chars = modes, chars
                elif not value:
                    self.prefix_modes, self.prefix_chars = "", ""
            case "STATUSMSG":
                self.statusmsg = value
            case "CHANMODES":
                parts = [*value.split(","), "", "", ""][:4]
                self.chanmodes = (parts[0], parts[1], parts[2], parts[3])
            case "NETWORK":
                self.network = value
            case "MONITOR":
                self.monitor = int(value) if value else 100
            case "CHATHISTORY" | "DRAFT/CHATHISTORY":
                self.chathistory = int(value) if value else 100
            case "LINELEN":
                self.linelen = max(512, int(value))
            case "NICKLEN":
                self.nicklen = int(value)

    def fold(self, name: str) -> str:
        return fold(name, self.casemapping)

    def fold_text(self, text: str) -> str:
        """Like :meth:`fold`, for a message body (not remembered)."""
        return fold_text(text, self.casemapping)

    def is_channel(self, target: str) -> bool:
        return bool(target) and target[0] in self.chantypes

    def strip_statusmsg(self, target: str) -> str:
        """``@#chan`` (a message to the channel's ops) → ``#chan``."""
        stripped = target.lstrip(self.statusmsg) if self.statusmsg else target
        return stripped if self.is_channel(stripped) else target

    def mode_takes_arg(self, mode: str, adding: bool) -> bool:
        if mode in self.prefix_modes:
            return True
        a, b, c, _ = self.chanmodes
        return mode in a or mode in b or (adding and mode in c)


def parse_server_time(value: str | None) -> datetime | None:
    """The IRCv3 ``time`` tag (``2024-01-02T03:04:05.678Z``) as an aware datetime."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())  # "Z" included, since Python 3.11
    except ValueError:
        return None
    if parsed.tzinfo is UTC:  # what servers send: nothing to convert
        return parsed
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_server_time(ts: datetime) -> str:
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"


@dataclass(frozen=True, slots=True)
class CtcpRequest:
    """A CTCP request (not ACTION) addressed to us or a channel; the backend may answer it."""

    sender: str
    target: str
    request: ctcp.Ctcp


@dataclass(frozen=True, slots=True)
class CtcpReply:
    sender: str
    reply: ctcp.Ctcp


def mentions(text: str, nick: str, info: ServerInfo) -> bool:
    """Whether ``text`` names ``nick`` as a word (case-insensitively under the casemapping)."""
    if not nick:
        return False
    folded_nick = info.fold(nick)
    if (
        folded_nick.isascii()
        and folded_nick.isalnum()
        and info.casemapping != "rfc7613"
        and folded_nick not in text.lower()
    ):
        # Nowhere in the text (in any case): the answer for nearly every line, found in C. Sure
        # for a nick of ASCII letters and digits, which every mapping but rfc7613 folds as lower.
        return False
    folded_text = info.fold_text(text)
    start = 0
    while True:
        index = folded_text.find(folded_nick, start)
        if index < 0:
            return False
        before = folded_text[index - 1] if index else " "
        end = index + len(folded_nick)
        after = folded_text[end] if end < len(folded_text) else " "
        if not _nick_char(before) and not _nick_char(after):
            return True
        start = index + 1


def _nick_char(ch: str) -> bool:
    return ch.isalnum() or ch in "[]\\`_^{|}-"


_MESSAGE_COMMANDS = frozenset({"PRIVMSG", "NOTICE"})
# Members read once: ``MessageKind.TEXT`` goes through the enum's class machinery (0.3 µs in
# Python 3.11) and a flood's every line needs two or three of them.
_TEXT, _NOTICE, _EMOTE = MessageKind.TEXT, MessageKind.NOTICE, MessageKind.EMOTE
_GROUP, _DIRECT = ConversationKind.GROUP, ConversationKind.DIRECT
# Received(...)/Incoming(...) without their Python-level __new__ (a third of the cost): one each
# per line of a flood.
_received = functools.partial(tuple.__new__, f.Received)


class Incoming(NamedTuple):
    """A PRIVMSG or NOTICE read as a message: where it belongs and what it says."""

    conversation: str  # folded
    kind: ConversationKind
    title: str  # as the server spells it
    outgoing: bool
    message: f.Received

    def fact(self, *, history: bool = False) -> f.MessageReceived:
        return self.message.fact(
            self.conversation, self.kind, self.title, outgoing=self.outgoing, history=history
        )


_incoming = functools.partial(tuple.__new__, Incoming)


def incoming(
    line: Line, info: ServerInfo, own_nick: str
) -> Incoming | CtcpRequest | CtcpReply | None:
    """A PRIVMSG or NOTICE as a message (or a CTCP for the backend to handle); ``None`` to drop.

    Messages from ourselves (echo-message, a bouncer's playback) come out ``outgoing``, in the
    conversation they were sent to. Every line of a flood comes here: kept lean.
    """
    return incoming_parts(line.command, line.source, line.params, line.tags, info, own_nick)


def incoming_parts(  # noqa: PLR0917 (a line's parts, in its order: called once per line)
    command: str,
    source: str,
    params: tuple[str, ...],
    tags: Mapping[str, str],
    info: ServerInfo,
    own_nick: str,
) -> Incoming | CtcpRequest | CtcpReply | None:
    """:func:`incoming` for the parts of a line (a flood's line is read without a Line)."""
    if command not in _MESSAGE_COMMANDS or len(params) < 2:
        return None
    sender, _, rest = source.partition("!")  # split_source(...)[0], inline
    if not rest:
        sender = sender.partition("@")[0]
    if not sender:
        return None
    target = info.strip_statusmsg(params[0])
    text = params[1]
    is_notice = command == "NOTICE"
    outgoing = bool(own_nick) and info.fold(sender) == info.fold(own_nick)
    kind = _NOTICE if is_notice else _TEXT
    if text[:1] == ctcp.DELIM and (request := ctcp.parse(text)) is not None:
        if request.command != "ACTION":
            if outgoing:
                return None  # our own CTCP traffic echoed back: nothing to show
            if is_notice:
                return CtcpReply(sender, request)
            return CtcpRequest(sender, target, request)
        text = request.args
        kind = _EMOTE
    if info.is_channel(target):
        conversation = info.fold(target)
        conv_kind = _GROUP
        title = target
    else:
        title = target if outgoing else sender
        conversation = info.fold(title)
        conv_kind = _DIRECT
    body, html = formatting.split(text)
    return _incoming(
        (
            conversation,
            conv_kind,
            title,
            outgoing,
            _received(
                (
                    sender,
                    body,
                    sender,
                    tags.get("msgid") or None,
                    parse_server_time(tags.get("time")),
                    html,
                    kind,
                    tags.get("+draft/reply") or tags.get("+reply") or None,
                    not outgoing and mentions(body, own_nick, info),
                )
            ),
        )
    )


def message_from_line(
    line: Line,
    info: ServerInfo,
    own_nick: str,
    *,
    history: bool = False,
) -> f.MessageReceived | CtcpRequest | CtcpReply | None:
    """A PRIVMSG or NOTICE as a fact (or a CTCP for the backend to handle); ``None`` to drop
    (see :func:`incoming`)."""
    got = incoming(line, info, own_nick)
    return got.fact(history=history) if isinstance(got, Incoming) else got


def role_for(prefixes: str, info: ServerInfo) -> Role:
    """The highest role among a member's prefix characters (``~&@%+``)."""
    modes = {
        info.prefix_modes[info.prefix_chars.index(c)] for c in prefixes if c in info.prefix_chars
    }
    if "q" in modes or "y" in modes:
        return Role.OWNER
    if "a" in modes or "o" in modes:
        return Role.ADMIN
    if "h" in modes:
        return Role.MODERATOR
    return Role.MEMBER


def split_prefixes(entry: str, info: ServerInfo) -> tuple[str, str]:
    """``@+bob!b@host`` → (``@+``, ``bob!b@host``)."""
    index = 0
    while index < len(entry) and entry[index] in info.prefix_chars:
        index += 1
    return entry[:index], entry[index:]


def sort_prefixes(prefixes: Iterable[str], info: ServerInfo) -> str:
    """Prefix characters in the server's rank order, highest first, without repeats."""
    wanted = set(prefixes)
    return "".join(c for c in info.prefix_chars if c in wanted)


@dataclass(frozen=True, slots=True)
class NamesEntry:
    nick: str
    prefixes: str
    user: str = ""
    host: str = ""


def parse_names(text: str, info: ServerInfo) -> list[NamesEntry]:
    """The entries of one RPL_NAMREPLY (353) trailing parameter (multi-prefix and UHNAMES aware)."""
    entries = []
    for word in text.split():
        prefixes, rest = split_prefixes(word, info)
        nick, user, host = split_source(rest)
        if nick:
            entries.append(NamesEntry(nick, sort_prefixes(prefixes, info), user, host))
    return entries


def member(
    account_id: str,
    conversation: str,
    nick: str,
    prefixes: str,
    info: ServerInfo,
    *,
    account: str = "",
) -> Member:
    """A channel member; ``affiliation`` shows the mode prefixes and the services account."""
    shown = " ".join(filter(None, (prefixes, f"signed in as {account}" if account else "")))
    return Member(
        conversation_id=ConversationId(account_id, conversation),
        native_id=nick,
        display_name=nick,
        role=role_for(prefixes, info),
        affiliation=shown,
        contact=ContactId(account_id, info.fold(nick)),
    )


@dataclass(frozen=True, slots=True)
class ModeChange:
    adding: bool
    mode: str
    arg: str | None


def parse_mode_changes(params: Iterable[str], info: ServerInfo) -> list[ModeChange]:
    """``+ov-b alice bob *!*@x`` → [(+o alice), (+v bob), (-b *!*@x)] using PREFIX/CHANMODES."""
    items = list(params)
    if not items:
        return []
    modes, args = items[0], items[1:]
    changes: list[ModeChange] = []
    adding = True
    for ch in modes:
        if ch in "+-":
            adding = ch == "+"
            continue
        arg = args.pop(0) if info.mode_takes_arg(ch, adding) and args else None
        changes.append(ModeChange(adding, ch, arg))
    return changes


def presence_from_away(message: str | None) -> Presence:
    if message is None:
        return Presence(PresenceState.AVAILABLE)
    return Presence(PresenceState.AWAY, message)


def away_message_for(presence: Presence) -> str | None:
    """What to send with AWAY for a presence; ``None`` means "back"."""
    if presence.state in (PresenceState.AVAILABLE, PresenceState.CHAT, PresenceState.UNKNOWN):
        return None
    if presence.state is PresenceState.OFFLINE:
        return presence.status or "Offline"
    default = {
        PresenceState.AWAY: "Away",
        PresenceState.EXTENDED_AWAY: "Away for a while",
        PresenceState.DO_NOT_DISTURB: "Busy",
    }[presence.state]
    return presence.status or default


_LIST_MODES = re.compile(r"^\[\+[A-Za-z]*(?: [^\]]*)?\] ?")


def list_topic(topic: str) -> str:
    """A LIST row's topic without the ``[+nt]`` mode prefix some servers put in front."""
    return _LIST_MODES.sub("", formatting.strip(topic), count=1)


def monitor_targets(param: str) -> list[str]:
    """Nicks in a MONITOR reply list (``nick!user@host,nick2``)."""
    return [split_source(item)[0] for item in param.split(",") if item]


def whois_text(nick: str, replies: Mapping[str, tuple[str, ...]]) -> Text:
    """A readable summary of collected WHOIS numerics (keyed by numeric, params after our nick),
    as a translatable message: the window shows its words in the person's language."""
    summary = CoreMessages.tr("WHOIS %1").arg(nick)
    parts: list[str] = []
    if "311" in replies:
        p = replies["311"]
        parts.append(
            CoreMessages.tr("%1 is %2@%3 (%4)").arg(p[0], p[1], p[2], p[-1])
            if len(p) >= 4
            else " ".join(p)
        )
    if "330" in replies and len(replies["330"]) >= 2:
        parts.append(CoreMessages.tr("logged in as %1").arg(replies["330"][1]))
    if "319" in replies:
        parts.append(CoreMessages.tr("on %1", "the channels someone is in").arg(replies["319"][-1]))
    if "312" in replies and len(replies["312"]) >= 2:
        parts.append(
            CoreMessages.tr("via %1", "the server someone is connected to").arg(replies["312"][1])
        )
    if "301" in replies:
        parts.append(CoreMessages.tr("away: %1").arg(replies["301"][-1]))
    if "317" in replies and len(replies["317"]) >= 2:
        parts.append(
            CoreMessages.tr("idle %1 s", "seconds since someone last spoke").arg(replies["317"][1])
        )
    if "671" in replies:
        parts.append(CoreMessages.tr("using a secure connection"))
    if "401" in replies:
        parts.append(CoreMessages.tr("no such nick"))
    for part in parts:
        summary = CoreMessages.tr("%1; %2", "the parts of a WHOIS summary").arg(summary, part)
    return summary


def _number(params: tuple[str, ...] | None, index: int) -> int | None:
    if params is None or len(params) <= index or not params[index].isdigit():
        return None
    value = params[index]
    return int(value) if len(value) < 12 else None


def whois_details(nick: str, replies: Mapping[str, tuple[str, ...]]) -> ContactDetails:
    """The typed form of collected WHOIS numerics (params after our nick), for a details view."""
    user = replies.get("311", ())
    address = f"{nick}!{user[1]}@{user[2]}" if len(user) >= 4 else nick
    signed_on = _number(replies.get("317"), 2)
    server = replies.get("312", ())
    account = replies.get("330", ())
    return ContactDetails(
        address=address,
        online="401" not in replies and "311" in replies,
        real_name=formatting.strip(user[-1]) if len(user) >= 4 else "",
        account=account[1] if len(account) >= 2 else "",
        server=server[1] if len(server) >= 2 else "",
        channels=tuple(replies["319"][-1].split()) if "319" in replies else (),
        idle_seconds=_number(replies.get("317"), 1),
        signed_on=datetime.fromtimestamp(signed_on, UTC) if signed_on is not None else None,
        away=formatting.strip(replies["301"][-1]) if "301" in replies else "",
        secure="671" in replies,
        operator="313" in replies,
    )


SERVICES_SERVER_LABELS = frozenset({"services", "service"})


def is_network_service(replies: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether a WHOIS reply (collected numerics, params after our nick) shows one of the
    network's services rather than an ordinary user.

    Services are pseudo-clients of a services server linked to the network; no user can pretend
    to be on it, nor earn its marks. So: a "service" line (310 RPL_WHOISSERVICE, as ngIRCd's
    "is an IRC service" and InspIRCd's servprotect "is a Network Service"; 313 "is a Network
    Service", as Solanum, UnrealIRCd, Bahamut, hybrid), or a server (312) whose first label is
    ``services`` (services.libera.chat, services.oftc.net …). A bot flag (335) proves nothing:
    anyone may set it.
    """
    for numeric in ("310", "313"):
        params = replies.get(numeric)
        if params and "service" in params[-1].lower():
            return True
    server = replies.get("312")
    if server is not None and len(server) >= 2:
        label = server[1].lower().split(".", 1)[0]
        if label in SERVICES_SERVER_LABELS and "." in server[1]:
            return True
    return False
