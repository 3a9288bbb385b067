"""Which service an account or conversation is on, shown as a small badge and in words.

Three services live side by side in one window, and the same address can exist on two of them,
so every account row and the open conversation say which service and which server they are on
(Beeper overlays the network on each avatar for the same reason). The badge is drawn here (no
image files, no trademarked logos): a rounded square in the service's own colour with its mark
("X", "[m]", "#"); its accessible name is the service's name, so the picture is never the only
cue.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette, QPixmap

from app.models import Account
from ui.avatars import canvas
from ui.theme import ON_IDENTITY, OTHER_SERVICE, SERVICE_COLOURS, is_high_contrast

# The mark per service, white on the service's colour (ui.theme: 4.5:1 or more).
_MARKS = {"xmpp": "X", "matrix": "[m]", "irc": "#"}
_cache: dict[tuple[str, int, float, int], QPixmap] = {}


def service_name(protocol_id: str) -> str:
    """The service's name as people know it ("XMPP", "Matrix", "IRC")."""
    names = {
        "xmpp": QCoreApplication.translate("Service", "XMPP"),
        "matrix": QCoreApplication.translate("Service", "Matrix"),
        "irc": QCoreApplication.translate("Service", "IRC"),
    }
    return names.get(protocol_id, protocol_id.upper() if len(protocol_id) <= 4 else protocol_id)


def server_of(account: Account) -> str:
    """The server an account talks to, from its settings (never from the network).

    XMPP: the host when one is set, else the domain of the address. Matrix: the homeserver's
    host, else the server part of the user id. IRC (and others): the ``server`` setting.
    """
    settings = account.settings

    def text(key: str) -> str:
        value = settings.get(key, "")
        return value.strip() if isinstance(value, str) else ""

    if account.protocol_id == "xmpp":
        jid = text("jid")
        domain = jid.split("@", 1)[1].split("/", 1)[0] if "@" in jid else ""
        return text("host") or domain or text("server")
    if account.protocol_id == "matrix":
        homeserver = text("homeserver")
        if homeserver:
            host = urlsplit(homeserver if "//" in homeserver else "//" + homeserver).hostname
            if host:
                return host
        user_id = text("user_id")
        return user_id.split(":", 1)[1] if ":" in user_id else text("server")
    return text("server") or text("host")


def service_description(account: Account) -> str:
    """ "XMPP, example.org": the service and server in words (for screen readers, tooltips)."""
    server = server_of(account)
    name = service_name(account.protocol_id)
    if not server:
        return name
    return QCoreApplication.translate("Service", "{service}, {server}").format(
        service=name, server=server
    )


def service_icon(protocol_id: str, size: int, ratio: float = 1.0) -> QPixmap:
    """The service's badge, ``size`` logical pixels square (in a high-contrast setting, in
    the palette's colours: base on text)."""
    palette = QGuiApplication.palette()
    strict = is_high_contrast(palette)
    key = (protocol_id, size, ratio, palette.cacheKey() if strict else 0)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    mark = _MARKS.get(protocol_id, protocol_id[:1].upper() or "?")
    fill = SERVICE_COLOURS.get(protocol_id, OTHER_SERVICE)
    ink = ON_IDENTITY
    if strict:
        fill, ink = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    out, painter = canvas(size, ratio)
    rect = QRectF(0.5, 0.5, size - 1, size - 1)
    painter.setPen(ink)  # a thin rim: readable over any picture
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, size * 0.22, size * 0.22)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(5, int(size * (0.62 if len(mark) == 1 else 0.42))))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    _cache[key] = out
    return out
