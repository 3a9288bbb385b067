"""Intentional mentions (spec 1.7, MSC3952) and pills for what we send. Pure: no I/O.

An event that carries ``m.mentions`` is no longer matched against the legacy push rules (display
name or user name in the body, "@room"), so whoever a message names must be listed in it or they
are never notified. Who counts as named: members the composer's name completion inserted, and
members written the way people address someone — ``Name:`` or ``Name,`` at the start, ``@Name``
or ``@localpart`` anywhere, or the full user id — never a stranger, and never ourselves (spec: a
message cannot notify its sender). Each one named becomes a pill in ``formatted_body``, as Element
sends it: ``<a href="https://matrix.to/#/@id">Display Name</a>``, the plain body carrying the
display name where the pill is (spec "User and room mentions", client behaviour).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

PILL_PREFIX = "https://matrix.to/#/"
_ROOM = re.compile(r"(?<![\w@])@room(?![\w-])")
_SKIP_TAGS = frozenset({"a", "code", "pre"})  # no pill inside a link or code
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


@dataclass(frozen=True, slots=True)
class Mentions:
    """Who a message mentions: user ids (in the order found) and the whole room."""

    user_ids: tuple[str, ...] = ()
    room: bool = False

    def content(self) -> dict[str, Any]:
        """The ``m.mentions`` object; ``{}`` mentions nobody (spec: ``room`` only when true)."""
        out: dict[str, Any] = {}
        if self.user_ids:
            out["user_ids"] = list(self.user_ids)
        if self.room:
            out["room"] = True
        return out

    def added_since(self, before: Mentions) -> Mentions:
        """What an edit mentions that the version it replaces did not (spec: an edit's own
        ``m.mentions`` lists only those, so nobody is notified twice)."""
        return Mentions(
            tuple(u for u in self.user_ids if u not in before.user_ids),
            self.room and not before.room,
        )


@dataclass(frozen=True, slots=True)
class Audience:
    """Who a message in one room can mention: the joined members (id → display name, "" for
    none) besides us, and whether we may notify the whole room (power ``notifications.room``)."""

    own_id: str
    names: Mapping[str, str]
    may_notify_room: bool = False

    def label(self, user_id: str) -> str:
        """A pill's text: the display name, else the user id (spec)."""
        return self.names.get(user_id) or user_id


def _same(text: str) -> str:
    return text


def _html_text(text: str) -> str:
    return html_lib.escape(text, quote=False)


def _forms(
    user_id: str, name: str, *, start: bool, text: Callable[[str], str] = _same
) -> list[tuple[int, str]]:
    """``(length written, regular expression)`` for the ways ``user_id`` is written as a
    mention; ``text`` turns a name as typed into the text searched (escaped, to search HTML)."""
    before = r"(?<![\w@])"
    said = text(user_id)
    forms = [(len(said), before + re.escape(said) + r"(?![\w-]|\.\w|:\d)")]
    local = user_id[1:].partition(":")[0]
    if local:
        said = "@" + text(local)
        forms.append((len(said), before + re.escape(said) + r"(?![\w-]|:[\w\[])"))
    if name:
        said = text(name)
        forms.append((len(said) + 1, before + "@" + re.escape(said) + r"(?!\w)"))
        if start:
            forms.append((len(said), r"\A" + re.escape(said) + r"(?=[:,](?:\s|\Z))"))
    return forms


def find_mentions(
    body: str,
    audience: Audience,
    *,
    picked: Iterable[str] = (),
    reply_sender: str | None = None,
) -> Mentions:
    """Who ``body`` mentions among ``audience``: the members in ``picked`` (by name completion),
    the sender of the message answered, and members written as a mention in the text."""
    own = audience.own_id
    found: dict[str, None] = {}
    for user_id in picked:
        if user_id in audience.names and user_id != own:
            found[user_id] = None
    if reply_sender and reply_sender != own:
        found[reply_sender] = None  # the spec's "mentioning the replied to user": member or not
    folded = body.casefold()
    written: list[tuple[int, str]] = []  # (where, who): in the order they are written
    for user_id, name in audience.names.items():
        if user_id == own or user_id in found:
            continue
        local = user_id[1:].partition(":")[0].casefold()
        if not (user_id in body or (name and name.casefold() in folded) or ("@" + local) in folded):
            continue  # the cheap test first: a room of thousands costs thousands of finds
        pattern = "|".join(form for _, form in _forms(user_id, name, start=True))
        match = re.search(pattern, body, re.IGNORECASE)
        if match is not None:
            written.append((match.start(), user_id))
    found.update((user_id, None) for _, user_id in sorted(written))
    room = audience.may_notify_room and _ROOM.search(body) is not None
    return Mentions(tuple(found), room)


def _pill_pattern(mentions: Mentions, audience: Audience, *, escaped: bool) -> re.Pattern[str]:
    """One alternation over every way the mentioned members are written (their names anywhere,
    as the composer's completion inserts them), the longest written first (an "@Anna & Co" is
    not taken for "@anna"), each in a group named after its member's index."""
    text = _html_text if escaped else _same
    parts: list[tuple[int, str]] = []
    for i, user_id in enumerate(mentions.user_ids):
        name = audience.names.get(user_id, "")
        forms = _forms(user_id, name, start=False, text=text)
        if name:
            forms.append((len(text(name)), r"(?<![\w@])" + re.escape(text(name)) + r"(?!\w)"))
        parts.extend(
            (size, f"(?P<u{i}_{len(parts) + j}>{form})") for j, (size, form) in enumerate(forms)
        )
    parts.sort(key=lambda p: -p[0])
    return re.compile("|".join(p for _, p in parts), re.IGNORECASE)


def _who(match: re.Match[str], mentions: Mentions) -> str:
    group = match.lastgroup or "u0_0"
    return mentions.user_ids[int(group[1:].partition("_")[0])]


def pill(user_id: str, label: str) -> str:
    href = html_lib.escape(PILL_PREFIX + user_id, quote=True)
    return f'<a href="{href}">{html_lib.escape(label, quote=False)}</a>'


def with_pills(
    body: str, html: str | None, mentions: Mentions, audience: Audience
) -> tuple[str, str | None]:
    """``(body, formatted_body)`` with each mentioned member's name as a pill in the HTML (made
    from the body when there was none) and as their display name in the body. Text inside
    links and code is left alone. Unchanged when nobody mentioned is written in the text."""
    members = Mentions(tuple(u for u in mentions.user_ids if u in audience.names))
    if not members.user_ids:
        return body, html
    plain = _pill_pattern(members, audience, escaped=False)
    if plain.search(body) is None:
        return body, html  # mentioned without being written (a reply): no pill to show
    new_body = plain.sub(lambda m: audience.label(_who(m, members)), body)
    source = html if html is not None else html_lib.escape(body, quote=False).replace("\n", "<br>")
    escaped = _pill_pattern(members, audience, escaped=True)
    out: list[str] = []
    skipping = 0
    for part in _TAG.split(source):
        if part.startswith("<"):
            tag = _TAG_NAME.match(part)
            if tag is not None and tag.group(1).lower() in _SKIP_TAGS:
                if part.startswith("</"):
                    skipping = max(0, skipping - 1)
                elif not part.endswith("/>"):
                    skipping += 1
            out.append(part)
        elif skipping or not part:
            out.append(part)
        else:
            out.append(
                escaped.sub(
                    lambda m: pill(_who(m, members), audience.label(_who(m, members))), part
                )
            )
    return new_body, "".join(out)


_INCOMING_PILL = re.compile(
    r"""(<a\s[^>]*?href\s*=\s*(["'])https://matrix\.to/#/(@[^"'/?#]+)\2[^>]*>)(.*?)</a>""",
    re.IGNORECASE | re.DOTALL,
)


def named_pills(html: str, name_of: Callable[[str], str]) -> str:
    """Incoming pills as the member's current display name (``name_of``; Element shows them so
    whatever the sender wrote in the link, often the bare user id); a user we know no name of
    keeps the sender's text."""
    if "matrix.to/#/@" not in html and "matrix.to/#/%40" not in html.lower():
        return html

    def named(match: re.Match[str]) -> str:
        user_id = unquote(match.group(3))
        name = name_of(user_id)
        if not name or name == user_id:
            return match.group(0)
        return f"{match.group(1)}{html_lib.escape(name, quote=False)}</a>"

    return _INCOMING_PILL.sub(named, html.replace("matrix.to/#/%40", "matrix.to/#/@"))
