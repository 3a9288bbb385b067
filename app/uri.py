"""Chat links (``xmpp:``, ``matrix:``, ``irc:``/``ircs:``) read into a typed :class:`UriIntent`.

A desktop hands Chinwag such a link when someone clicks it (the ``.desktop`` file registers the
schemes). Reading it is pure: no Qt, no account lookup, no network. Whatever the text, the result
is a value — an intent, or a :class:`UriError` that says what is wrong — never an exception, so a
malformed link from a web page cannot take the app down. The front end turns the intent into
"open this conversation on that account" (``ui/uri_handler.py``).

The forms understood:

- XMPP (RFC 5122, XEP-0147): ``xmpp:alice@example.org``, ``xmpp:alice@example.org?message``,
  ``xmpp:room@conference.example.org?join``, ``xmpp://me@example.org/alice@example.org?message``
  (the authority names the account to use), ``?message;body=Hi`` (the body is kept).
- Matrix (the spec's ``matrix:`` scheme): ``matrix:r/room:example.org`` (``#room:example.org``),
  ``matrix:roomid/abc:example.org`` (``!abc:example.org``), a room version 12 id, which names no
  server (``matrix:roomid/<opaque>?via=example.org``), ``matrix:u/alice:example.org``
  (``@alice:example.org``), an ``/e/EVENT`` suffix, ``?action=join|chat`` and ``?via=server``.
- IRC (the irc: URL draft): ``irc://host[:port]/#channel``, ``irc://host/channel`` (``#`` is
  implied), ``irc://host/nick,isnick``, ``?key=`` for a channel key, ``ircs://`` for TLS; an empty
  host (``irc:///#channel``) means any IRC account.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

MAX_URI_LENGTH = 4096
SCHEMES = ("xmpp", "matrix", "irc", "ircs")
IRC_PORT = 6667
IRCS_PORT = 6697


class TargetKind(enum.StrEnum):
    DIRECT = "direct"  # a person: open (or create) the 1:1 conversation
    ROOM = "room"  # a group: join it, then open it
    SERVER = "server"  # no target, only a server (an IRC network): show or add its account


class UriProblem(enum.StrEnum):
    """Why a link cannot be opened (the front end words it for people, translated)."""

    EMPTY = "empty"
    TOO_LONG = "too-long"
    UNKNOWN_SCHEME = "unknown-scheme"
    MALFORMED = "malformed"
    NO_TARGET = "no-target"
    BAD_ADDRESS = "bad-address"
    BAD_PORT = "bad-port"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class UriIntent:
    """What a link asks for.

    ``protocol`` is the backend's ``protocol_id`` (``ircs`` is ``irc`` with ``tls``). ``address``
    is the target as that backend names it (``alice@example.org``, ``#room:example.org``,
    ``#channel``). ``server`` is the service the target lives on: the IRC network's host, or the
    Matrix/XMPP domain of the address (federated: any account of the protocol can reach it).
    """

    uri: str
    protocol: str
    kind: TargetKind
    address: str
    server: str
    port: int | None = None
    tls: bool = True
    account: str = ""  # XMPP's authority: the account the link wants to be opened with
    body: str = ""  # a message text the link suggests (XMPP ?message;body=)
    password: str = ""  # an IRC channel key
    via: tuple[str, ...] = ()  # Matrix servers to join through
    event: str = ""  # a Matrix event the link points at

    @property
    def join_address(self) -> str:
        """What to join: the address, with the link's servers for a Matrix room id
        (``!id?via=example.org``) — a room version 12 id names none of its own."""
        if self.protocol == "matrix" and self.address.startswith("!") and self.via:
            return self.address + "?" + urlencode([("via", v) for v in self.via])
        return self.address


@dataclass(frozen=True, slots=True)
class UriError:
    """A link that cannot be opened: which ``problem``, with the offending part in ``detail``."""

    uri: str
    problem: UriProblem
    detail: str = ""

    @property
    def reason(self) -> str:
        """An English sentence for logs and the terminal (the UI translates ``problem``)."""
        text = _REASONS[self.problem]
        return f"{text}: {self.detail}" if self.detail else text


_REASONS = {
    UriProblem.EMPTY: "the link is empty",
    UriProblem.TOO_LONG: "the link is too long",
    UriProblem.UNKNOWN_SCHEME: "not an xmpp:, matrix:, irc: or ircs: link",
    UriProblem.MALFORMED: "the link is malformed",
    UriProblem.NO_TARGET: "the link names no person, room or server",
    UriProblem.BAD_ADDRESS: "the address in the link is not valid",
    UriProblem.BAD_PORT: "the port in the link is not valid",
    UriProblem.UNSUPPORTED: "this kind of link is not supported",
}

ParseResult = UriIntent | UriError

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_DOMAIN = re.compile(r"^(?:\[[0-9A-Fa-f:.]+\]|[^\s/@:\[\]]+)$")
_JID_NODE_FORBIDDEN = set("\"&'/:<>@ ")
_MATRIX_SIGILS = {"u": "@", "user": "@", "r": "#", "room": "#", "roomid": "!"}
_MATRIX_LOCALPART = re.compile(r"^[^\s:]+$")
_MATRIX_OPAQUE_ROOM_ID = re.compile(r"^[A-Za-z0-9._~+/=-]{1,255}$")
"""A room id from room version 12 on: the create event's hash, no ``:server`` (MSC4291)."""
_MATRIX_SERVER = re.compile(r"^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$")
_IRC_CHANNEL_PREFIXES = "#&+!"
_IRC_FORBIDDEN = re.compile(r"[\s,\x07]")
_IRC_HOST = re.compile(r"^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$")


def parse_uri(text: str) -> ParseResult:
    """Read one link. Never raises: anything unusable becomes a :class:`UriError`."""
    try:
        return _parse(text)
    except (ValueError, UnicodeError) as exc:  # urllib's own complaints about odd input
        return UriError(text, UriProblem.MALFORMED, str(exc))


def _parse(text: str) -> ParseResult:
    uri = text.strip()
    if not uri:
        return UriError(text, UriProblem.EMPTY)
    if len(uri) > MAX_URI_LENGTH:
        return UriError(uri[:80] + "…", UriProblem.TOO_LONG)
    if _CONTROL.search(uri):
        return UriError(uri, UriProblem.MALFORMED, "spaces or control characters")
    match = _SCHEME.match(uri)
    scheme = match.group(1).lower() if match else ""
    if scheme not in SCHEMES:
        return UriError(uri, UriProblem.UNKNOWN_SCHEME, scheme)
    rest = uri[match.end() :] if match else ""
    if scheme == "xmpp":
        return _parse_xmpp(uri, rest)
    if scheme == "matrix":
        return _parse_matrix(uri, rest)
    return _parse_irc(uri, rest, tls=scheme == "ircs")


# -- XMPP ------------------------------------------------------------------------------------------


def _parse_xmpp(uri: str, rest: str) -> ParseResult:
    rest = rest.split("#", 1)[0]  # a fragment means nothing to us
    path, _, query = rest.partition("?")
    account = ""
    if path.startswith("//"):
        authority, slash, path = path[2:].partition("/")
        if not slash:
            return UriError(uri, UriProblem.NO_TARGET)
        account = unquote(authority)
        owner = _split_jid(account)
        if owner is None or not owner[0]:  # the account is a user's address, never a server
            return UriError(uri, UriProblem.BAD_ADDRESS, account)
    jid = unquote(path)
    if not jid:
        return UriError(uri, UriProblem.NO_TARGET)
    parts = _split_jid(jid)
    if parts is None:
        return UriError(uri, UriProblem.BAD_ADDRESS, jid)
    node, domain, _resource = parts
    if not node:
        return UriError(uri, UriProblem.UNSUPPORTED, "a server or service address")
    action, _, params_text = query.partition(";")
    action = action.lower()
    params = dict(parse_qsl(params_text.replace(";", "&"), keep_blank_values=True))
    if action in ("join", "invite"):
        kind = TargetKind.ROOM
    elif action in ("", "message", "roster", "subscribe", "chat"):
        kind = TargetKind.DIRECT
    else:
        return UriError(uri, UriProblem.UNSUPPORTED, f"?{action}")
    return UriIntent(
        uri=uri,
        protocol="xmpp",
        kind=kind,
        address=f"{node.lower() if kind is TargetKind.ROOM else node}@{domain.lower()}",
        server=domain.lower(),
        account=account,
        body=params.get("body", "") if kind is TargetKind.DIRECT else "",
        password=params.get("password", "") if kind is TargetKind.ROOM else "",
    )


def _split_jid(jid: str) -> tuple[str, str, str] | None:
    """``node@domain/resource`` → its parts, or None if it cannot be a JID."""
    bare, _, resource = jid.partition("/")
    node, at, domain = bare.rpartition("@")
    if not at:
        node, domain = "", bare
    if at and not node:
        return None
    if any(c in _JID_NODE_FORBIDDEN for c in node) or len(node) > 1023:
        return None
    if not domain or len(domain) > 1023 or not _DOMAIN.match(domain) or domain.startswith("."):
        return None
    return node, domain, resource


# -- Matrix ----------------------------------------------------------------------------------------


def _parse_matrix(uri: str, rest: str) -> ParseResult:
    rest = rest.split("#", 1)[0]
    if rest.startswith("//"):
        return UriError(uri, UriProblem.UNSUPPORTED, "matrix:// with an authority")
    path, _, query = rest.partition("?")
    segments = path.split("/")
    if len(segments) < 2 or not segments[1]:
        return UriError(uri, UriProblem.NO_TARGET)
    sigil = _MATRIX_SIGILS.get(segments[0].lower())
    if sigil is None:
        return UriError(uri, UriProblem.UNSUPPORTED, f"matrix:{segments[0]}/")
    body = unquote(segments[1])
    event = ""
    extra = segments[2:]
    if extra:
        if (
            sigil == "@"
            or len(extra) != 2
            or extra[0].lower() not in ("e", "event")
            or not extra[1]
        ):
            return UriError(uri, UriProblem.MALFORMED, "/".join(extra))
        event = "$" + unquote(extra[1]).lstrip("$")
    localpart, colon, server = body.partition(":")
    if body.startswith(("@", "#", "!")):
        return UriError(uri, UriProblem.BAD_ADDRESS, body)  # the sigil comes from the kind
    opaque = sigil == "!" and not colon and bool(_MATRIX_OPAQUE_ROOM_ID.match(body))
    if not opaque and (
        not colon or not _MATRIX_LOCALPART.match(localpart) or not _MATRIX_SERVER.match(server)
    ):
        return UriError(uri, UriProblem.BAD_ADDRESS, body)
    params = parse_qsl(query, keep_blank_values=True)
    action = next((v.lower() for k, v in params if k == "action"), "")
    if action not in ("", "join", "chat"):
        return UriError(uri, UriProblem.UNSUPPORTED, f"action={action}")
    via = tuple(v for k, v in params if k == "via" and v)
    return UriIntent(
        uri=uri,
        protocol="matrix",
        kind=TargetKind.DIRECT if sigil == "@" else TargetKind.ROOM,
        address=f"{sigil}{body}" if opaque else f"{sigil}{localpart}:{server}",
        server=server.lower(),
        via=via,
        event=event,
    )


# -- IRC -------------------------------------------------------------------------------------------


def _parse_irc(uri: str, rest: str, *, tls: bool) -> ParseResult:
    if not rest.startswith("//"):
        return UriError(uri, UriProblem.MALFORMED, "expected irc://server/target")
    # "#" starts a channel name here, not a fragment: escape it before splitting.
    parts = urlsplit("irc:" + rest.replace("#", "%23"))
    host = (parts.hostname or "").lower()
    if parts.netloc and not host:
        return UriError(uri, UriProblem.BAD_ADDRESS, parts.netloc)
    if host and not _IRC_HOST.match(host if ":" not in host else f"[{host}]"):
        return UriError(uri, UriProblem.BAD_ADDRESS, host)
    try:
        port = parts.port
    except ValueError:
        return UriError(uri, UriProblem.BAD_PORT, parts.netloc.rpartition(":")[2])
    if port == 0:
        return UriError(uri, UriProblem.BAD_PORT, "0")
    target_text, *flags = unquote(parts.path.lstrip("/")).split(",")
    flags = [f.lower() for f in flags]
    params = dict(parse_qsl(parts.query, keep_blank_values=True))

    def intent(kind: TargetKind, address: str, password: str = "") -> UriIntent:
        default_port = IRCS_PORT if tls else IRC_PORT
        return UriIntent(
            uri=uri,
            protocol="irc",
            kind=kind,
            address=address,
            server=host,
            port=port or default_port,
            tls=tls,
            password=password,
        )

    if "/" in target_text:
        return UriError(uri, UriProblem.MALFORMED, target_text)
    if not target_text:
        if not host:
            return UriError(uri, UriProblem.NO_TARGET)
        return intent(TargetKind.SERVER, "")
    if _IRC_FORBIDDEN.search(target_text):
        return UriError(uri, UriProblem.BAD_ADDRESS, target_text)
    if "isserver" in flags:
        return UriError(uri, UriProblem.UNSUPPORTED, "isserver")
    if "isnick" in flags or "isuser" in flags:
        if target_text[0] in _IRC_CHANNEL_PREFIXES:
            return UriError(uri, UriProblem.BAD_ADDRESS, target_text)
        return intent(TargetKind.DIRECT, target_text)
    channel = target_text if target_text[0] in _IRC_CHANNEL_PREFIXES else f"#{target_text}"
    if len(channel) < 2:
        return UriError(uri, UriProblem.BAD_ADDRESS, channel)
    return intent(TargetKind.ROOM, channel, params.get("key", ""))
