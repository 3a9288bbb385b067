"""Theme and text size. "Follow the system" keeps the platform's style and palette, so a
high-contrast system theme stays in charge; light and dark use Fusion with a full palette (every
widget colour comes from the palette, nothing is hard-coded elsewhere)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


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
        if theme == "dark":
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
