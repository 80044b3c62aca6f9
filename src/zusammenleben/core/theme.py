"""Colours, type sizes and the application style sheet.

Museum-label typography: large type, one accent colour, contrast ≥ 4.5:1. Sizes are in
pixels at font scale 1.0 and multiplied by the scale (classroom presets go to 200 %).
Plots use the Okabe–Ito palette, which stays distinguishable for colour-blind viewers.
"""

from __future__ import annotations

from dataclasses import dataclass

OKABE_ITO = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

FONT_FAMILIES = ("Source Sans 3", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif")


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    highlight: str
    quote_bar: str
    #: the boundary of a control (button, field, list): ≥ 3:1 against surface, background and highlight
    #: (WCAG 1.4.11); ``border`` stays the faint colour of lines that only divide
    control: str = "#858079"


LIGHT = Theme(
    name="light",
    background="#FAF8F4",
    surface="#FFFFFF",
    text="#1B1B1B",
    muted="#555555",
    accent="#0B5C8C",
    accent_text="#FFFFFF",
    border="#D6D2CA",
    highlight="#E8F1F7",
    quote_bar="#D55E00",
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#E0E0E0",
    accent="#FFD400",
    accent_text="#000000",
    border="#FFFFFF",
    highlight="#333300",
    quote_bar="#FFD400",
    control="#FFFFFF",
)


def active(high_contrast: bool = False) -> Theme:
    """The theme for the high-contrast choice: the one place that maps the choice to colours.

    ``AppState.theme`` asks this with the app's choice; the style sheet, the painted widgets,
    the plots and the modes' overlays all read ``state.theme`` and restyle on ``themeChanged``.
    """
    return HIGH_CONTRAST if high_contrast else LIGHT


@dataclass(frozen=True)
class TypeScale:
    """Pixel sizes for one font scale."""

    scale: float

    def px(self, base: float) -> int:
        return round(base * self.scale)

    @property
    def body(self) -> int:
        return self.px(20)

    @property
    def small(self) -> int:
        return self.px(16)

    @property
    def lead(self) -> int:
        return self.px(24)

    @property
    def title(self) -> int:
        return self.px(36)

    @property
    def heading(self) -> int:
        return self.px(22)

    @property
    def touch_target(self) -> int:
        """Minimum height of anything a finger has to hit (≥ 48 px at any scale)."""
        return max(48, self.px(48))


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 … 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def font_family_css() -> str:
    return ", ".join(f'"{family}"' if " " in family else family for family in FONT_FAMILIES)


def stylesheet(theme: Theme, scale: float) -> str:
    """One application-wide style sheet; widgets pick styles through object names and properties."""
    t = TypeScale(scale)
    return f"""
QWidget {{
    background: {theme.background};
    color: {theme.text};
    font-family: {font_family_css()};
    font-size: {t.body}px;
}}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {t.title}px; font-weight: 700; }}
QLabel[role="lead"] {{ font-size: {t.lead}px; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: {t.heading}px; font-weight: 700; }}
QLabel[role="small"], QLabel[role="caption"] {{ font-size: {t.small}px; color: {theme.muted}; }}
QLabel[role="quote"] {{ font-size: {t.lead}px; font-style: italic; border-left: {t.px(6)}px solid {theme.quote_bar};
    padding-left: {t.px(14)}px; }}
QWidget#header {{ background: {theme.surface}; border-bottom: 1px solid {theme.border}; }}
QLabel#appTitle {{ font-size: {t.heading}px; font-weight: 700; color: {theme.accent}; }}
QPushButton, QToolButton {{
    background: {theme.surface};
    color: {theme.text};
    border: 2px solid {theme.control};
    border-radius: {t.px(8)}px;
    padding: {t.px(6)}px {t.px(14)}px;
    min-height: {t.touch_target - 2 * t.px(6) - 4}px;
    font-size: {t.body}px;
}}
QPushButton:hover, QToolButton:hover {{ border-color: {theme.accent}; }}
QPushButton:focus, QToolButton:focus {{
    border-color: {theme.accent}; border-width: 3px;
    padding: {t.px(6) - 1}px {t.px(14) - 1}px;  /* the thicker border must not change the button's size */
}}
QPushButton:checked, QToolButton:checked {{
    background: {theme.accent}; color: {theme.accent_text}; border-color: {theme.accent};
}}
QPushButton:disabled, QToolButton:disabled {{ color: {theme.muted}; border-color: {theme.border}; }}
QLineEdit, QComboBox {{
    background: {theme.surface}; border: 2px solid {theme.control}; border-radius: {t.px(6)}px;
    placeholder-text-color: {theme.muted};
    padding: {t.px(6)}px; min-height: {t.touch_target - 2 * t.px(6) - 4}px;
}}
QTableView, QListView, QTreeView, QTextBrowser {{
    background: {theme.surface}; border: 1px solid {theme.control}; selection-background-color: {theme.accent};
    selection-color: {theme.accent_text};
}}
QHeaderView::section {{ background: {theme.highlight}; padding: {t.px(6)}px; border: none; font-weight: 700; }}
QScrollBar:vertical {{ width: {t.px(14)}px; }}
QFrame[role="card"] {{ background: {theme.surface}; border: 1px solid {theme.border}; border-radius: {t.px(10)}px; }}
QFrame[role="panel"] {{ background: {theme.highlight}; border-radius: {t.px(10)}px; }}
"""
