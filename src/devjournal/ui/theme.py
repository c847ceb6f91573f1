"""Light and dark palettes on the Fusion style, and the app's small style sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ACCENT = "#2a63c9"  # 4.5:1 or more against every light background text sits on
ACCENT_DARK = "#5b93f0"
DANGER = "#c0392b"
DANGER_DARK = "#ff7b6b"
SUCCESS = "#1a7540"
SUCCESS_DARK = "#58d68d"
WARNING = "#9a5800"
WARNING_DARK = "#f0b429"


def is_dark(app: QGuiApplication) -> bool:
    """True when the window background is dark."""
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """The dark theme's palette."""
    p = QPalette()
    role = QPalette.ColorRole
    colors = {
        role.Window: "#1f2227",
        role.WindowText: "#e6e6e6",
        role.Base: "#17191d",
        role.AlternateBase: "#23262b",
        role.ToolTipBase: "#2b2f36",
        role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#8a8f98",
        role.Text: "#e6e6e6",
        role.Button: "#2a2e35",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ffffff",
        role.Light: "#3a3f47",
        role.Midlight: "#30343b",
        role.Mid: "#3d424a",
        role.Dark: "#121316",
        role.Shadow: "#000000",
        role.Highlight: ACCENT_DARK,
        role.HighlightedText: "#0d0f12",
        role.Link: ACCENT_DARK,
        role.LinkVisited: "#b28cf0",
    }
    for r, c in colors.items():
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#6b7078"))
    return p


def light_palette() -> QPalette:
    """The light theme's palette (Fusion's, with the app's blue and greys)."""
    style = QStyleFactory.create("Fusion")
    p = style.standardPalette() if style is not None else QPalette()
    p.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.Window, QColor("#f4f5f7"))
    p.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f0f2f5"))
    return p


def apply_theme(app: QApplication, theme: str, scheme: Qt.ColorScheme | None = None) -> None:
    """Apply ``theme`` (system, light or dark) to the whole application; ``system`` follows
    ``scheme`` (the one the system just changed to), else the system's current one."""
    app.setStyle("Fusion")
    if theme == "system":
        dark = (scheme or app.styleHints().colorScheme()) == Qt.ColorScheme.Dark
    else:
        dark = theme == "dark"
    app.setPalette(dark_palette() if dark else light_palette())
    app.setStyleSheet(style_sheet(dark))


def colours(dark: bool) -> dict[str, str]:
    """The style sheet's colours for a theme (a test holds each pair to WCAG AA)."""
    return {
        "card_bg": "#23262c" if dark else "#ffffff",
        "window": "#1f2227" if dark else "#f4f5f7",
        "border": "#33373e" if dark else "#dde1e6",
        "muted": "#9aa0a8" if dark else "#5f6670",
        "sidebar_bg": "#1a1c20" if dark else "#e9ecf0",
        "selected": "#2d3440" if dark else "#d5def0",
        "danger": DANGER_DARK if dark else DANGER,
        "success": SUCCESS_DARK if dark else SUCCESS,
        "warning": WARNING_DARK if dark else WARNING,
        "notice_bg": "#242a37" if dark else "#e4ecfb",
        "accent": ACCENT_DARK if dark else ACCENT,
        # white on the dark theme's blue is 3:1: its primary buttons are written in black
        "on_accent": "#0d0f12" if dark else "#ffffff",
        "ring": "#ffffff" if dark else "#111418",  # a focus ring 3:1 or more on both sides
    }


def style_sheet(dark: bool) -> str:
    """Cards, the sidebar and headings; colours follow the palette."""
    c = colours(dark)
    card_bg, border, muted, sidebar_bg = c["card_bg"], c["border"], c["muted"], c["sidebar_bg"]
    selected, danger, success, warning = c["selected"], c["danger"], c["success"], c["warning"]
    notice_bg, accent, on_accent, ring = c["notice_bg"], c["accent"], c["on_accent"], c["ring"]
    return f"""
QFrame#card {{ background: {card_bg}; border: 1px solid {border}; border-radius: 8px; }}
QLabel#cardTitle {{ font-weight: 600; font-size: 11pt; }}
QLabel#pageTitle {{ font-size: 18pt; font-weight: 600; }}
QLabel#headline {{ font-size: 14pt; font-weight: 600; }}
QLabel#figure {{ font-size: 20pt; font-weight: 600; }}
QLabel#muted, QLabel#figureCaption {{ color: {muted}; }}
QLabel#danger {{ color: {danger}; font-weight: 600; }}
QLabel#success {{ color: {success}; font-weight: 600; }}
QLabel#warning {{ color: {warning}; }}
QWidget#noticeBar {{ background: {notice_bg}; }}
QListView#sprintList {{ border: 1px solid {border}; border-radius: 6px; }}
QListWidget#sidebar {{ background: {sidebar_bg}; border: none; padding-top: 8px;
    font-size: 11pt; outline: 0; }}
QListWidget#sidebar::item {{ padding: 8px 14px; border-radius: 6px; margin: 1px 8px; }}
QListWidget#sidebar::item:selected {{ background: {selected}; color: palette(text); }}
QListWidget#sidebar::item:focus {{ border: 2px solid {accent}; padding: 6px 12px; }}
QPushButton {{ padding: 5px 12px; }}
QPushButton#primary {{ background: {accent}; color: {on_accent}; border: 1px solid {accent};
    border-radius: 4px; padding: 5px 14px; font-weight: 600; }}
QPushButton#primary:focus {{ border: 2px solid {ring}; padding: 4px 13px; }}
QPushButton#primary:disabled {{ background: {border}; color: {muted}; }}
QPushButton#link {{ color: {accent}; border: none; padding: 3px 6px; }}
QPushButton#link:hover {{ text-decoration: underline; }}
QPushButton#link:focus {{ border: 2px solid {accent}; border-radius: 3px; padding: 1px 4px; }}
QProgressBar {{ border: none; background: {border}; border-radius: 4px; max-height: 8px; }}
QProgressBar::chunk {{ background: {accent}; border-radius: 4px; }}
QRadioButton {{ spacing: 8px; }}
QRadioButton::indicator {{ width: 14px; height: 14px; border-radius: 8px;
    border: 1px solid {muted}; background: palette(base); }}
QRadioButton::indicator:checked {{ border: 1px solid {accent}; background: qradialgradient(
    cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {accent}, stop: 0.45 {accent},
    stop: 0.55 palette(base), stop: 1 palette(base)); }}
QRadioButton::indicator:focus {{ border: 2px solid {accent}; width: 12px; height: 12px; }}
"""
