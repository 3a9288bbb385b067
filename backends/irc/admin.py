"""Running channels: creating one (joining an empty channel makes us its operator), its modes
(+s, +k, +i, +m), people's roles (+q, +o, +h, +v) and the ban list (+b).

Each command waits for the server to apply the change (the MODE comes back to us) or refuse it,
so the person learns at once when they are not an operator.
"""

from __future__ import annotations

from datetime import UTC, datetime

from app.backend import (
    BanEntry,
    Failure,
    FailureKind,
    Outcome,
    RoomFeature,
    RoomOptions,
    RoomSettings,
)
from app.i18n import CoreMessages
from app.models import ConversationId, Role
from backends.irc.channels import Channels
from backends.irc.ignore import matches_everyone, normalise_mask, not_a_mask
from backends.irc.members import Membership
from backends.irc.protocol import Line
from backends.irc.session import IrcSession, error_text
from backends.irc.state import SavedState

MODE_ERRORS = frozenset({"401", "403", "441", "442", "467", "472", "477", "478", "482", "525"})
ROLE_MODES = {Role.OWNER: "q", Role.ADMIN: "o", Role.MODERATOR: "h", Role.MEMBER: "v"}
MAX_BANS = 1000
ROOM_FEATURES = (
    RoomFeature.NAME
    | RoomFeature.TOPIC
    | RoomFeature.PUBLIC
    | RoomFeature.INVITE_ONLY
    | RoomFeature.PASSWORD
    | RoomFeature.MODERATED
)
"""What a channel we create or run can be set up with: join-creates, then +s/+i/+k/+m."""
_ROLE_ORDER = (Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.MEMBER)


class RoomAdmin:
    """See the module docstring."""

    def __init__(
        self,
        session: IrcSession,
        channels: Channels,
        membership: Membership,
        saved: SavedState,
    ) -> None:
        self._session = session
        self._channels = channels
        self._members = membership
        self._saved = saved

    def _is_op(self, folded: str) -> bool:
        state = self._members.channels.get(folded)
        if state is None:
            return False
        entry = state.members.get(self._session.info.fold(self._session.me.nick))
        ranks = self._session.info.prefix_chars[: self._session.info.prefix_modes.find("o") + 1]
        return entry is not None and any(c in ranks for c in entry[1])

    async def create_room(self, name: str, *, public: bool = False) -> Outcome:
        """Join ``name``, which must come out with us as its operator (a new channel)."""
        info = self._session.info
        name = name.strip()
        if name and not info.is_channel(name):
            name = "#" + name
        if info.fold(name) in self._members.channels:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("You are already in %1.").arg(name))
            )
        joined = await self._channels.join(name)
        if not joined.ok or not joined.value:
            return joined
        folded = joined.value
        # The channel's modes come after its member list: by then we know who runs it.
        await self._current_modes(name, folded)
        if not self._is_op(folded):
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr(
                        "%1 already exists and someone else runs it; you joined it."
                    ).arg(name),
                ),
                folded,
            )
        if not public:
            secret = await self._mode(folded, name, "+s")
            if not secret.ok:
                return Outcome(secret.failure, folded)
        return Outcome(value=folded)

    async def create_room_with(self, account_id: str, options: RoomOptions) -> Outcome:
        """Join-create the channel named by ``options``, then give it its modes and topic."""
        name = (options.address or options.name).strip()
        created = await self.create_room(name, public=options.public)
        if created.failure is not None and created.value:
            # Someone else runs it: "New room" must not leave us in their channel.
            await self._channels.leave(ConversationId(account_id, created.value), "")
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("%1 already exists and someone else runs it.").arg(name),
                )
            )
        if not created.ok or not created.value:
            return created
        conv = ConversationId(account_id, created.value)
        configured = await self.configure_room(conv, options)
        if not configured.ok:
            return Outcome(configured.failure, created.value)
        if options.topic.strip():
            topic = await self._channels.set_topic(conv, options.topic.strip())
            if not topic.ok:
                return Outcome(topic.failure, created.value)
        return created

    async def room_settings(self, conv: ConversationId) -> RoomSettings | Failure:
        """The channel's modes as the server states them, and what our rank lets us change."""
        info = self._session.info
        name = self._name(conv)
        folded = info.fold(name)
        state = self._members.channels.get(folded)
        if state is None:
            return Failure(FailureKind.REJECTED, CoreMessages.tr("You are not in %1.").arg(name))
        current = await self._current_modes(name, folded)
        if isinstance(current, Failure):
            return current
        flags, key = current
        options = RoomOptions(
            name=name,
            public="s" not in flags and "p" not in flags,
            invite_only="i" in flags,
            moderated="m" in flags,
            password=key,
            persistent=False,
        )
        if not self._is_op(folded):
            return RoomSettings(options)
        entry = state.members.get(info.fold(self._session.me.nick))
        held = [info.prefix_modes[info.prefix_chars.index(c)] for c in (entry[1] if entry else "")]
        top = min((info.prefix_modes.index(m) for m in held), default=len(info.prefix_modes))
        # An operator gives the ranks below their own (and +o, as every operator may).
        roles = tuple(
            role
            for role in _ROLE_ORDER
            if (mode := ROLE_MODES[role]) in info.prefix_modes
            and (info.prefix_modes.index(mode) > top or mode == "o")
        )
        return RoomSettings(
            options,
            editable=ROOM_FEATURES & ~RoomFeature.NAME,
            roles=roles,
            can_ban=True,
        )

    async def configure_room(self, conv: ConversationId, options: RoomOptions) -> Outcome:
        """Make the channel's +s, +i, +m and +k what ``options`` say (only what differs is
        sent: a server says nothing about a change that changes nothing)."""
        name = self._name(conv)
        folded = self._session.info.fold(name)
        password = options.password
        if password and (any(c in password for c in " ,:") or len(password) > 32):
            return Outcome(
                Failure(
                    FailureKind.CONFIG,
                    CoreMessages.tr("A channel password has no spaces, commas or colons."),
                )
            )
        current = await self._current_modes(name, folded)
        if isinstance(current, Failure):
            return Outcome(current)
        flags, key = current
        adding, removing, args = "", "", []
        for flag, on in (
            ("s", not options.public),
            ("i", options.invite_only),
            ("m", options.moderated),
        ):
            if on and flag not in flags:
                adding += flag
            elif not on and flag in flags:
                removing += flag
        if password and password != key:
            adding += "k"
            args.append(password)
        elif not password and "k" in flags:
            removing += "k"
            args.append(key or "*")
        if adding or removing:
            modes = (f"+{adding}" if adding else "") + (f"-{removing}" if removing else "")
            outcome = await self._mode(folded, name, modes, *args)
            if not outcome.ok:
                return outcome
        if folded in self._saved.remembered:  # rejoined with the new key next time
            self._saved.remembered[folded] = (name, password)
            self._saved.persist()
        return Outcome()

    async def _current_modes(self, name: str, folded: str) -> tuple[str, str] | Failure:
        """The channel's modes (RPL_CHANNELMODEIS) and its key, as far as we may see it."""
        info = self._session.info
        found: list[tuple[str, str]] = []

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "324" and info.fold(line.param(1)) == folded:
                flags = line.param(2).lstrip("+")
                key = line.param(3) if "k" in flags and len(line.params) > 3 else ""
                found.append((flags, key))
                return Outcome()
            if line.command in MODE_ERRORS and info.fold(line.param(1)) == folded:
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        outcome = await self._session.request(("MODE", name), check)
        if outcome.failure is not None:
            return outcome.failure
        return found[0] if found else ("", "")

    async def set_role(self, conv: ConversationId, member: str, role: Role) -> Outcome:
        info = self._session.info
        name = self._name(conv)
        folded = info.fold(name)
        wanted = ROLE_MODES.get(role, "")
        if wanted and wanted not in info.prefix_modes:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED,
                    CoreMessages.tr("This server has no %1 role.").arg(role.value),
                )
            )
        state = self._members.channels.get(folded)
        entry = state.members.get(info.fold(member)) if state is not None else None
        if entry is None:
            return Outcome(
                Failure(FailureKind.REJECTED, CoreMessages.tr("%1 is not in %2.").arg(member, name))
            )
        held = {info.prefix_modes[info.prefix_chars.index(c)] for c in entry[1]}
        add = wanted if wanted and wanted not in held else ""
        remove = "".join(m for m in info.prefix_modes if m in held and m != wanted)
        if not add and not remove:
            return Outcome()
        modes = (f"+{add}" if add else "") + (f"-{remove}" if remove else "")
        targets = [entry[0]] * (len(add) + len(remove))
        return await self._mode(folded, name, modes, *targets)

    async def ban_list(self, conv: ConversationId) -> tuple[BanEntry, ...] | Failure:
        info = self._session.info
        name = self._name(conv)
        folded = info.fold(name)
        found: list[BanEntry] = []

        def check(line: Line, label: str | None) -> Outcome | None:
            if len(line.params) >= 3 and info.fold(line.param(1)) == folded:
                if line.command == "367" and len(found) < MAX_BANS:
                    found.append(_ban_entry(line.params[2:]))
                elif line.command == "368":
                    return Outcome()
            if line.command in MODE_ERRORS and info.fold(line.param(1)) == folded:
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        outcome = await self._session.request(("MODE", name, "+b"), check)
        return outcome.failure if outcome.failure is not None else tuple(found)

    async def ban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        """Ban a nick (``nick!*@*``) or a mask; a member by that nick is also kicked out."""
        mask = normalise_mask(member)
        if mask is None:
            return not_a_mask(member)
        if matches_everyone(mask):
            return Outcome(
                Failure(
                    FailureKind.REJECTED,
                    CoreMessages.tr("%1 matches everyone: ban a nick or a host.").arg(mask),
                )
            )
        name = self._name(conv)
        folded = self._session.info.fold(name)
        banned = await self._mode(folded, name, "+b", mask)
        if not banned.ok:
            return banned
        state = self._members.channels.get(folded)
        if state is not None and self._session.info.fold(member) in state.members:
            kicked = await self._channels.kick(conv, member, reason)
            if not kicked.ok:
                return kicked
        return Outcome(value=mask)

    async def unban(self, conv: ConversationId, member: str, reason: str = "") -> Outcome:
        mask = normalise_mask(member)
        if mask is None:
            return not_a_mask(member)
        name = self._name(conv)
        return await self._mode(self._session.info.fold(name), name, "-b", mask)

    def _name(self, conv: ConversationId) -> str:
        state = self._members.channels.get(self._session.info.fold(conv.native_id))
        return state.name if state is not None else conv.native_id

    async def _mode(self, folded: str, name: str, modes: str, *args: str) -> Outcome:
        """Set channel modes and wait until the server applied them (or refused)."""
        info = self._session.info

        def check(line: Line, label: str | None) -> Outcome | None:
            if (
                line.command == "MODE"
                and self._session.is_me(line.nick)
                and info.fold(line.param(0)) == folded
            ):
                return Outcome()
            subjects = (folded, *map(info.fold, args))
            if line.command in MODE_ERRORS and info.fold(line.param(1)) in subjects:
                return Outcome(Failure(FailureKind.REJECTED, error_text(line)))
            return None

        return await self._session.request(("MODE", name, modes, *args), check)


def _ban_entry(params: tuple[str, ...]) -> BanEntry:
    mask = params[0]
    by = params[1] if len(params) > 1 else ""
    when = None
    if len(params) > 2 and params[2].isdigit() and len(params[2]) < 12:
        when = datetime.fromtimestamp(int(params[2]), UTC)
    return BanEntry(mask, by, when)
