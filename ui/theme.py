"""Theme and text size. "Follow the system" keeps the platform's style and palette, so a
high-contrast system theme stays in charge; light and dark use Fusion with a full palette (every
widget colour comes from the palette, nothing is hard-coded elsewhere)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

HIGH_CONTRAST_PROPERTY = "chinwagHighContrast"
# The few colours that do not come from the palette: people's XEP-0392 colours (computed, see
# ui.identity_colors) with white initials on them, and the services' badges. In a high-contrast
# setting all of them give way to the palette (see is_high_contrast).
ON_IDENTITY = QColor(255, 255, 255)
SERVICE_COLOURS = {
    "xmpp": QColor(0x1F, 0x6F, 0xB2),
    "matrix": QColor(0x1A, 0x1A, 0x1A),
    "irc": QColor(0x6B, 0x3F, 0xA0),
}
OTHER_SERVICE = QColor(0x5A, 0x5A, 0x5A)
# Fusion draws input frames a shade darker than the window: on black that is no frame at all.
HIGH_CONTRAST_FRAMES = (
    "QLineEdit, QAbstractScrollArea, QComboBox, QSpinBox { border: 1px solid palette(text); }"
)


class ThemeManager:
    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.system_style = app.style().name()
        self.system_palette = QPalette(app.palette())
        self.base_font = QFont(app.font())
        self.current = ("system", 100)

    def apply(self, theme: str, scale_percent: int) -> None:
        if (theme, scale_percent) == self.current:
            return
        self.current = (theme, scale_percent)
        # Read by ui.avatars.high_contrast(): names then reach 7:1 against the background.
        self.app.setProperty(HIGH_CONTRAST_PROPERTY, theme == "high-contrast")
        if theme == "high-contrast":
            self.app.setStyle(QStyleFactory.create("Fusion"))
            self.app.setPalette(high_contrast_palette())
        elif theme == "dark":
            self.app.setStyle(QStyleFactory.create("Fusion"))
            self.app.setPalette(dark_palette())
        elif theme == "light":
            self.app.setStyle(QStyleFactory.create("Fusion"))
            self.app.setPalette(self.app.style().standardPalette())
        else:
            style = QStyleFactory.create(self.system_style)
            if style is not None:
                self.app.setStyle(style)
            self.app.setPalette(self.system_palette)
        # After the palette: a style sheet set first kept the old palette's selection colour.
        self.app.setStyleSheet(HIGH_CONTRAST_FRAMES if theme == "high-contrast" else "")
        font = QFont(self.base_font)
        size = self.base_font.pointSizeF()
        if size > 0:
            font.setPointSizeF(size * max(50, min(scale_percent, 300)) / 100)
        self.app.setFont(font)


def dark_palette() -> QPalette:
    """A dark palette with contrast between text and background well above WCAG AA."""
    p = QPalette()
    window, base, text = QColor(32, 33, 36), QColor(24, 25, 27), QColor(232, 234, 237)
    disabled = QColor(140, 143, 148)
    highlight = QColor(76, 141, 246)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(40, 41, 45),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(45, 46, 50),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 120, 120),
        QPalette.ColorRole.Link: QColor(138, 180, 248),
        QPalette.ColorRole.LinkVisited: QColor(197, 160, 248),
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: QColor(0, 0, 0),
        QPalette.ColorRole.Light: QColor(70, 72, 77),
        QPalette.ColorRole.Midlight: QColor(56, 58, 62),
        QPalette.ColorRole.Mid: QColor(48, 49, 53),
        QPalette.ColorRole.Dark: QColor(16, 16, 18),
        QPalette.ColorRole.Shadow: QColor(0, 0, 0),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def high_contrast_palette() -> QPalette:
    """White on black with a yellow selection (black text on it), as high-contrast desktop
    themes do: every pair of text and background is 7:1 or more (WCAG AAA)."""
    p = QPalette()
    black, white, yellow = QColor(0, 0, 0), QColor(255, 255, 255), QColor(255, 255, 0)
    disabled = QColor(170, 170, 170)
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.AlternateBase,
        QPalette.ColorRole.ToolTipBase,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.Dark,
        QPalette.ColorRole.Shadow,
    ):
        p.setColor(role, black)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
        QPalette.ColorRole.BrightText,
        QPalette.ColorRole.Light,
        QPalette.ColorRole.Midlight,
        QPalette.ColorRole.Mid,
    ):
        p.setColor(role, white)
    p.setColor(QPalette.ColorRole.PlaceholderText, disabled)
    p.setColor(QPalette.ColorRole.Link, QColor(0, 255, 255))
    p.setColor(QPalette.ColorRole.LinkVisited, QColor(255, 128, 255))
    p.setColor(QPalette.ColorRole.Highlight, yellow)
    p.setColor(QPalette.ColorRole.HighlightedText, black)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def _ratio(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def is_high_contrast(palette: QPalette | None = None) -> bool:
    """A high-contrast setting is in force: the app's own theme, the desktop's contrast
    preference, or a palette of pure black and white (as the desktops' high-contrast themes
    are; ordinary light and dark palettes use off-white or off-black somewhere). Then people's
    colours and the services' badges give way to the palette's own colours."""
    app = QGuiApplication.instance()
    if app is not None and app.property(HIGH_CONTRAST_PROPERTY):
        return True
    hints = QGuiApplication.styleHints()  # kept: a chained call lets shiboken free it early
    accessibility = hints.accessibility()
    if accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast:
        return True
    p = palette if palette is not None else QGuiApplication.palette()
    key = p.cacheKey()  # changes whenever the palette's colours do
    strict = _BLACK_AND_WHITE.get(key)
    if strict is None:
        text = _ratio(p.color(QPalette.ColorRole.Text), p.color(QPalette.ColorRole.Base))
        window = _ratio(p.color(QPalette.ColorRole.WindowText), p.color(QPalette.ColorRole.Window))
        strict = text >= 19.5 and window >= 19.5
        if len(_BLACK_AND_WHITE) >= 64:
            _BLACK_AND_WHITE.clear()
        _BLACK_AND_WHITE[key] = strict
    return strict


_BLACK_AND_WHITE: dict[int, bool] = {}
"""Whether a palette (by its cache key) is pure black and white: asked for each row a list or
the message view paints (a name's colour, a face), 12 colour conversions each time before."""


LINK_CONTRAST = 4.5  # WCAG 2 AA for normal text


def link_colour(palette: QPalette, selected: bool) -> QColor:
    """The colour of a message's links: the palette's; on a selected row its highlighted
    text (underlined by the caller, so a link reads as one without colour), or black or white,
    whichever reads better, where that is under 4.5:1 against the highlight (Fusion's white on
    its blue is 3.7:1). In high contrast the palette's own pair, as it is."""
    if not selected:
        return palette.color(QPalette.ColorRole.Link)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.HighlightedText)
    if is_high_contrast(palette) or _ratio(text, highlight) >= LINK_CONTRAST:
        return text
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return black if _ratio(black, highlight) >= _ratio(white, highlight) else white


def misspelling_colour(palette: QPalette | None = None) -> QColor:
    """The spell-check underline's colour: red, lighter on a dark base; in high contrast the
    text's own colour. The line is wavy, so the colour is never the only cue."""
    p = palette if palette is not None else QGuiApplication.palette()
    if is_high_contrast(p):
        return p.color(QPalette.ColorRole.Text)
    if p.color(QPalette.ColorRole.Base).lightness() < 128:
        return QColor(255, 120, 120)
    return QColor(200, 30, 30)
