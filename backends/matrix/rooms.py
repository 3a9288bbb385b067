"""What the backend remembers about each room during one session: names, members, power levels.

With lazy-loaded members and a resumed sync, the backend never sees a room's whole state, so every
field here is "as far as we know" and ``None`` means "not seen this session". The core keeps the
last title it was told; :meth:`RoomState.title` answers ``None`` rather than guess from too little,
so a resumed session never overwrites a good title with a worse one. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.models import ContactId, ConversationId, Member, Role
from backends.matrix.convert import (
    Log,
    get_dict,
    get_int,
    get_list,
    get_str,
    localpart,
    required_level,
    role_for,
    state_level,
    user_level,
)


@dataclass
class MemberInfo:
    membership: str
    displayname: str | None = None
    avatar_url: str | None = None


@dataclass(frozen=True, slots=True)
class StateChange:
    """What one state event changed: a member (their user id), or a room field by name."""

    what: (
        str  # "member", "name", "topic", "avatar", "encryption", "power_levels", "create", "alias",
        # "space" (a child room added to or taken from a space: its id in ``user_id``)
    )
    user_id: str = ""


MAX_CHILDREN = 5_000  # rooms one space may list (the rest are ignored)
# Room versions whose creators hold unlimited power (MSC4289, room version 12).
_CREATOR_POWER_VERSIONS = frozenset({"12", "org.matrix.hydra.11"})


class RoomState:
    """One joined room as far as this session has seen it."""

    def __init__(self, room_id: str) -> None:
        self.room_id = room_id
        self.name: str | None = None
        self.canonical_alias: str | None = None
        self.topic: str | None = None
        self.avatar_url: str | None = None
        self.encrypted: bool | None = None
        self.encrypted_since: int | None = None
        """When encryption was turned on (ms, server time), if this session saw that event."""
        self.power_levels: dict[str, Any] = {}
        self.power_levels_known = False
        self.creators: frozenset[str] = frozenset()
        self.heroes: list[str] | None = None
        self.joined_count: int | None = None
        self.invited_count: int | None = None
        self.members: dict[str, MemberInfo] = {}
        self.prev_batch: str | None = None
        self.typing: set[str] = set()
        self.room_type: str | None = None  # m.room.create's type ("m.space" for a space)
        self.children: dict[str, tuple[str, bool]] = {}
        """A space's rooms (``m.space.child``): room id → (its ``order``, suggested)."""

    # -- input ----------------------------------------------------------------------------

    def apply_summary(self, summary: dict[str, Any]) -> None:
        heroes = get_list(summary, "m.heroes")
        if heroes is not None:
            self.heroes = [h for h in heroes if isinstance(h, str)]
        joined = get_int(summary, "m.joined_member_count")
        if joined is not None:
            self.joined_count = joined
        invited = get_int(summary, "m.invited_member_count")
        if invited is not None:
            self.invited_count = invited

    def apply_state(self, event: dict[str, Any], log: Log) -> StateChange | None:
        """Apply one state event; None when it changes nothing we track (or is malformed)."""
        etype = get_str(event, "type")
        state_key = get_str(event, "state_key")
        content = get_dict(event, "content")
        if etype is None or state_key is None or content is None:
            log.warning("ignored a malformed state event in %s", self.room_id)
            return None
        if etype == "m.room.member":
            membership = get_str(content, "membership")
            if membership is None:
                log.warning("ignored a membership event without membership in %s", self.room_id)
                return None
            name = get_str(content, "displayname")
            self.members[state_key] = MemberInfo(
                membership,
                name.strip() if name and name.strip() else None,
                get_str(content, "avatar_url"),
            )
            return StateChange("member", state_key)
        if etype == "m.space.child":
            return self._space_child(state_key, content)
        if state_key != "":
            return None
        if etype == "m.room.name":
            self.name = (get_str(content, "name") or "").strip()
            return StateChange("name")
        if etype == "m.room.canonical_alias":
            self.canonical_alias = get_str(content, "alias") or ""
            return StateChange("alias")
        if etype == "m.room.topic":
            self.topic = get_str(content, "topic") or ""
            return StateChange("topic")
        if etype == "m.room.avatar":
            self.avatar_url = get_str(content, "url") or ""
            return StateChange("avatar")
        if etype == "m.room.encryption":
            if not get_str(content, "algorithm"):
                # Encryption cannot be turned off (spec): an event without one changes nothing.
                self.encrypted = self.encrypted or False
                return None
            self.encrypted = True
            since = get_int(event, "origin_server_ts")
            if since is not None and (self.encrypted_since is None or since < self.encrypted_since):
                self.encrypted_since = since
            return StateChange("encryption")
        if etype == "m.room.power_levels":
            self.power_levels = dict(content)
            self.power_levels_known = True
            return StateChange("power_levels")
        if etype == "m.room.create":
            self.room_type = get_str(content, "type")
            version = get_str(content, "room_version") or "1"
            if version in _CREATOR_POWER_VERSIONS:
                creators = {get_str(event, "sender") or ""}
                extra = get_list(content, "additional_creators") or []
                creators.update(c for c in extra if isinstance(c, str))
                self.creators = frozenset(c for c in creators if c)
            return StateChange("create")
        return None

    def _space_child(self, child: str, content: dict[str, Any]) -> StateChange | None:
        """``m.space.child``: a child with a non-empty ``via`` is in the space, one without
        is not (spec "Spaces"); a space never counts as its own child."""
        via = get_list(content, "via")
        if not child.startswith("!") or child == self.room_id:
            return None
        if via and any(isinstance(v, str) and v for v in via):
            order = get_str(content, "order") or ""
            if len(order) > 50 or any(not 0x20 <= ord(c) <= 0x7E for c in order):
                order = ""  # spec: otherwise ignored
            if len(self.children) >= MAX_CHILDREN and child not in self.children:
                return None
            self.children[child] = (order, content.get("suggested") is True)
        elif self.children.pop(child, None) is None:
            return None
        return StateChange("space", child)

    def ordered_children(self) -> tuple[str, ...]:
        """The space's children in its order: by ``order`` (those without one last), then by id."""
        return tuple(
            sorted(self.children, key=lambda c: (self.children[c][0] == "", self.children[c][0], c))
        )

    def note_creation(self, events: list[dict[str, Any]]) -> None:
        """The room's type from an ``m.room.create`` among timeline events (a room created
        moments ago has its creation in the timeline, not in the state before it)."""
        for event in events:
            if get_str(event, "type") == "m.room.create" and get_str(event, "state_key") == "":
                self.room_type = get_str(get_dict(event, "content") or {}, "type")

    @property
    def is_space(self) -> bool:
        return self.room_type == "m.space"

    def remember_name(self, event: dict[str, Any]) -> None:
        """A member event from history: only fills in a display name we do not know yet."""
        user = get_str(event, "state_key")
        content = get_dict(event, "content")
        if get_str(event, "type") != "m.room.member" or user is None or content is None:
            return
        if user in self.members and self.members[user].displayname:
            return
        name = get_str(content, "displayname")
        membership = get_str(content, "membership") or "leave"
        if user not in self.members:
            self.members[user] = MemberInfo(
                membership, name or None, get_str(content, "avatar_url")
            )
        elif name:
            self.members[user].displayname = name

    # -- output ---------------------------------------------------------------------------

    def joined(self, user_id: str) -> bool:
        info = self.members.get(user_id)
        return info is not None and info.membership == "join"

    def display_name_of(self, user_id: str) -> str:
        """The name to show for a member; the user id too when another member has the same name."""
        info = self.members.get(user_id)
        name = info.displayname if info else None
        if not name:
            return user_id
        for other, other_info in self.members.items():
            if (
                other != user_id
                and other_info.displayname == name
                and other_info.membership in ("join", "invite")
            ):
                return f"{name} ({user_id})"
        return name

    def title(self, own_id: str) -> str | None:
        """The room's display name by the spec's algorithm, or None if we know too little."""
        if self.name:
            return self.name
        if self.canonical_alias:
            return self.canonical_alias
        if self.heroes is None:
            return None
        heroes = [h for h in self.heroes if h != own_id]
        names = [self.display_name_of(h) if h in self.members else localpart(h) for h in heroes]
        total = (self.joined_count or 0) + (self.invited_count or 0)
        if not names:
            return "Empty room"
        others = max(0, total - 1 - len(names))
        if total <= 1:
            return f"Empty room (was {_join(names)})"
        if others:
            return f"{', '.join(names)} and {others} others"
        return _join(names)

    def level(self, user_id: str) -> int:
        return user_level(self.power_levels, user_id)

    def role(self, user_id: str) -> Role:
        return role_for(self.level(user_id), self.power_levels, creator=user_id in self.creators)

    def can(self, user_id: str, action: str) -> bool:
        """Whether ``user_id`` may kick/ban/invite/redact, or send a state event type."""
        if user_id in self.creators:
            return True
        if not self.power_levels_known:
            return True  # not seen yet: let the server decide
        level = self.level(user_id)
        if action in ("kick", "ban", "redact"):
            return level >= required_level(self.power_levels, action, 50)
        if action == "invite":
            return level >= required_level(self.power_levels, "invite", 0)
        return level >= state_level(self.power_levels, action)

    def may_notify_room(self, user_id: str) -> bool:
        """Whether ``user_id``'s "@room" notifies everyone (power ``notifications.room``,
        50 by default); unknown levels: yes, the server's push rule checks it again."""
        if user_id in self.creators or not self.power_levels_known:
            return True
        needed = get_int(get_dict(self.power_levels, "notifications") or {}, "room")
        return self.level(user_id) >= (50 if needed is None else needed)

    def joined_names(self) -> dict[str, str]:
        """Joined member id → display name ("" for none): who a message here can mention."""
        return {
            user_id: info.displayname or ""
            for user_id, info in self.members.items()
            if info.membership == "join"
        }

    def member(self, account_id: str, user_id: str) -> Member | None:
        info = self.members.get(user_id)
        if info is None or info.membership != "join":
            return None
        level = self.level(user_id)
        return Member(
            conversation_id=ConversationId(account_id, self.room_id),
            native_id=user_id,
            display_name=info.displayname or "",
            role=self.role(user_id),
            affiliation="creator" if user_id in self.creators else str(level),
            contact=ContactId(account_id, user_id),
        )


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"
