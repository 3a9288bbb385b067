"""Faces for the window: stored pictures decoded off the UI thread, initials where there is none.

The core keeps each account's pictures as files and says where they are
(:class:`~app.events.AvatarsChanged`). :class:`AvatarStore` maps (account, conversation, entity)
to a file; asked for a picture it does not have decoded yet, it returns the generated one at
once (initials on the person's XEP-0392 colour, so a face never pops from blank) and decodes
the file in the thread pool (``QImageReader`` scaled while reading, so a large picture never
costs its full size); when the image is ready it emits :attr:`AvatarStore.updated` and views
repaint. Decoded pictures are kept in a small LRU cache per size.

Signals:
    updated(str): an account's pictures changed or one finished decoding (views repaint).
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

from PySide6.QtCore import QObject, QRectF, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)

from app import events as ev
from ui.identity_colors import AA_CONTRAST, RGB, color_key, initials, readable_rgb
from ui.theme import ON_IDENTITY, is_high_contrast

CACHE_SIZE = 600
AvatarKey = tuple[str, str, str]  # account, conversation ("" for people and rooms), entity


class _Decoded(QObject):
    ready = Signal(str, int, QImage)


class _DecodeJob(QRunnable):
    """Read one file scaled to ``size`` (square, cropped to the centre) in a pool thread."""

    def __init__(self, path: str, size: int, done: _Decoded) -> None:
        super().__init__()
        self.path, self.size, self.done = path, size, done

    def run(self) -> None:
        reader = QImageReader(self.path)
        reader.setAutoTransform(True)
        source = reader.size()
        if source.isValid() and source.width() > 0 and source.height() > 0:
            scaled = source.scaled(
                QSize(self.size, self.size), Qt.AspectRatioMode.KeepAspectRatioByExpanding
            )
            reader.setScaledSize(scaled)
        image = reader.read()
        if not image.isNull():
            x = max(0, (image.width() - self.size) // 2)
            y = max(0, (image.height() - self.size) // 2)
            image = image.copy(x, y, self.size, self.size)
        self.done.ready.emit(self.path, self.size, image)


@lru_cache(maxsize=4096)
def _readable(key: str, background: tuple[float, float, float], minimum: float) -> RGB:
    return readable_rgb(key, background, minimum=minimum)


def name_color(key: str, palette: QPalette, background: QPalette.ColorRole) -> QColor:
    """The XEP-0392 colour of ``key`` made readable (4.5:1) on the palette's ``background``
    (cached: views ask on every paint). In a high-contrast setting the palette's own text
    colour: only the palette's colours are drawn there, and the name is written anyway."""
    if is_high_contrast(palette):
        text = (
            QPalette.ColorRole.WindowText
            if background == QPalette.ColorRole.Window
            else QPalette.ColorRole.Text
        )
        return palette.color(text)
    color = palette.color(background)
    rgb = _readable(key, (color.redF(), color.greenF(), color.blueF()), AA_CONTRAST)
    return QColor.fromRgbF(*rgb)


def untinted_icon(pixmap: QPixmap) -> QIcon:
    """An icon that looks the same on a selected row (the style would tint a face otherwise)."""
    icon = QIcon()
    icon.addPixmap(pixmap, QIcon.Mode.Normal)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


def canvas(size: int, ratio: float = 1.0) -> tuple[QPixmap, QPainter]:
    """A transparent square ``size`` logical pixels wide, sharp at the screen's device pixel
    ``ratio``, and an antialiasing painter on it (the caller ends it)."""
    side = round(size * ratio)
    out = QPixmap(side, side)
    out.setDevicePixelRatio(ratio)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return out, painter


def round_pixmap(image: QImage, size: int, ratio: float = 1.0) -> QPixmap:
    out, painter = canvas(size, ratio)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    path = QPainterPath()
    path.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(path)
    painter.drawImage(QRectF(0, 0, size, size), image)
    painter.end()
    return out


def generated_avatar(
    key: str, name: str, size: int, ratio: float = 1.0, *, palette: QPalette | None = None
) -> QPixmap:
    """Initials in white on the key's XEP-0392 hue, darkened until white reads on it (4.5:1);
    given a high-contrast ``palette``, its base colour on its text colour instead."""
    if palette is not None:
        fill = palette.color(QPalette.ColorRole.Text)
        ink = palette.color(QPalette.ColorRole.Base)
    else:
        fill, ink = QColor.fromRgbF(*readable_rgb(key, (1.0, 1.0, 1.0))), ON_IDENTITY
    out, painter = canvas(size, ratio)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawEllipse(QRectF(0, 0, size, size))
    font = QFont()
    letters = initials(name)
    font.setPixelSize(max(6, int(size * (0.42 if len(letters) < 2 else 0.36))))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(ink)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return out


class AvatarStore(QObject):
    updated = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._paths: dict[AvatarKey, str] = {}
        self._protocols: dict[str, str] = {}
        self._decoded: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._pixmaps: OrderedDict[tuple[str, int, float], QPixmap] = OrderedDict()
        self._generated: OrderedDict[tuple[str, str, int, float, int], QPixmap] = OrderedDict()
        self._pending: set[tuple[str, int]] = set()
        self._owner: dict[str, set[str]] = {}  # path → accounts to tell when decoded
        self._pool = pool or QThreadPool.globalInstance()
        self._done = _Decoded(self)
        self._done.ready.connect(self._decoded_ready)

    # -- events ----------------------------------------------------------------------------

    @Slot(list)
    def handle_events(self, events: list[ev.Event]) -> None:
        touched: set[str] = set()
        for event in events:
            if isinstance(event, ev.AccountsChanged):
                self._protocols = {a.id: a.protocol_id for a in event.accounts}
            elif isinstance(event, ev.AvatarsChanged):
                for (conversation, entity), path in event.avatars.items():
                    key = (event.account_id, conversation, entity)
                    if path:
                        self._paths[key] = path
                    else:
                        self._paths.pop(key, None)
                touched.add(event.account_id)
        for account_id in touched:
            self.updated.emit(account_id)

    # -- lookups ---------------------------------------------------------------------------

    def path(self, account_id: str, entity: str, conversation: str = "") -> str:
        """The stored file for someone: their picture inside ``conversation`` first (an XMPP
        occupant), else the one they have everywhere; "" when there is none."""
        if conversation:
            found = self._paths.get((account_id, conversation, entity))
            if found:
                return found
        return self._paths.get((account_id, "", entity), "")

    def protocol(self, account_id: str) -> str:
        return self._protocols.get(account_id, "")

    def color_key(self, account_id: str, entity: str) -> str:
        """The string XEP-0392 colours for ``entity`` on this account's service."""
        return color_key(self.protocol(account_id), entity)

    def name_color(
        self,
        account_id: str,
        entity: str,
        palette: QPalette,
        background: QPalette.ColorRole = QPalette.ColorRole.Base,
    ) -> QColor:
        """The person's colour, readable on the palette's ``background`` (the name is always
        written too)."""
        return name_color(self.color_key(account_id, entity), palette, background)

    def has_picture(self, account_id: str, entity: str, conversation: str = "") -> bool:
        return bool(self.path(account_id, entity, conversation))

    def pixmap(
        self,
        account_id: str,
        entity: str,
        name: str,
        size: int,
        *,
        conversation: str = "",
        ratio: float = 1.0,
    ) -> QPixmap:
        """The face to draw now: the picture when decoded, else initials (and a decode starts)."""
        path = self.path(account_id, entity, conversation)
        if path:
            cached = self._pixmaps.get((path, size, ratio))
            if cached is not None:
                self._pixmaps.move_to_end((path, size, ratio))
                return cached
            image = self._decoded.get((path, round(size * ratio)))
            if image is not None and not image.isNull():
                pixmap = round_pixmap(image, size, ratio)
                self._remember(self._pixmaps, (path, size, ratio), pixmap)
                return pixmap
            if image is None:
                self._decode(path, round(size * ratio), account_id)
        # Coloured by who they are, not where: a room member's face has the colour of their name.
        key = self.color_key(account_id, entity)
        palette = QGuiApplication.palette()
        strict = palette if is_high_contrast(palette) else None
        gkey = (key, name, size, ratio, strict.cacheKey() if strict is not None else 0)
        cached = self._generated.get(gkey)
        if cached is None:
            cached = generated_avatar(key, name or entity, size, ratio, palette=strict)
            self._remember(self._generated, gkey, cached)
        return cached

    def _decode(self, path: str, size: int, account_id: str) -> None:
        self._owner.setdefault(path, set()).add(account_id)
        if (path, size) in self._pending:
            return
        self._pending.add((path, size))
        self._pool.start(_DecodeJob(path, size, self._done))

    @Slot(str, int, QImage)
    def _decoded_ready(self, path: str, size: int, image: QImage) -> None:
        self._pending.discard((path, size))
        self._remember(self._decoded, (path, size), image)  # a null image: not a picture
        for account_id in sorted(self._owner.pop(path, set())):
            self.updated.emit(account_id)

    @staticmethod
    def _remember(cache: OrderedDict, key: object, value: object) -> None:  # type: ignore[type-arg]
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
