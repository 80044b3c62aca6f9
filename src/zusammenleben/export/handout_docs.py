"""Text for paper: ``QTextDocument``s measured in the PDF writer's units, with the handout's type.

Every document is laid out against the PDF writer itself (``setPaintDevice``), so a
point is a point on A4 and what ``paginate`` measures is what gets printed. Colours are
set on the characters, never taken from the app's palette: a handout printed while the
projector shows the high-contrast theme is still black on white.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QBuffer
from PySide6.QtGui import (
    QFont,
    QPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from zusammenleben.core import theme

INK = "#1B1B1B"
MUTED = "#4A4A4A"  # 9:1 on white: small print stays legible after a school photocopier
ACCENT = theme.LIGHT.accent
QUOTE_BAR = theme.LIGHT.quote_bar
NOTES_BACKGROUND = "#EEF4F8"
RULE = "#9A9A9A"


@dataclass(frozen=True)
class Style:
    """One kind of paragraph: size in points, weight, slant, colour, line height and spacing after."""

    size: float
    bold: bool = False
    semibold: bool = False
    italic: bool = False
    colour: str = INK
    line_height: int = 130  # percent of the font's natural line height
    space_after: float = 0.0  # points
    letter_spacing: float = 0.0  # percent extra (small capitals for language tags)
    capitals: bool = False


@dataclass(frozen=True)
class TypeSet:
    """The handout's styles; side-by-side columns are narrower and get a slightly smaller set."""

    caption: Style
    title: Style
    lead: Style
    body: Style
    quote: Style
    attribution: Style
    heading: Style
    small: Style
    note: Style
    question: Style
    hint: Style
    tag: Style


FULL = TypeSet(
    caption=Style(9, colour=MUTED, space_after=2),
    title=Style(21, bold=True, line_height=115, space_after=4),
    lead=Style(12.5, semibold=True, line_height=135, space_after=6),
    body=Style(10.5, line_height=148, space_after=6),
    quote=Style(13, italic=True, line_height=135),
    attribution=Style(9.5, colour=MUTED, line_height=135),
    heading=Style(12.5, bold=True, colour=ACCENT, space_after=3),
    small=Style(9, line_height=135, space_after=3),
    note=Style(10, line_height=140, space_after=4),
    question=Style(11, semibold=True, line_height=135),
    hint=Style(9.5, italic=True, colour=MUTED, line_height=135),
    tag=Style(8, bold=True, colour=ACCENT, capitals=True, letter_spacing=8),
)

COLUMNS = TypeSet(
    caption=Style(8.5, colour=MUTED, space_after=2),
    title=Style(16.5, bold=True, line_height=115, space_after=3),
    lead=Style(10.5, semibold=True, line_height=135, space_after=5),
    body=Style(9.5, line_height=145, space_after=5),
    quote=Style(11, italic=True, line_height=135),
    attribution=Style(8.5, colour=MUTED, line_height=135),
    heading=Style(11, bold=True, colour=ACCENT, space_after=3),
    small=Style(8.5, line_height=135, space_after=3),
    note=Style(9, line_height=140, space_after=4),
    question=Style(10, semibold=True, line_height=135),
    hint=Style(8.5, italic=True, colour=MUTED, line_height=135),
    tag=Style(8, bold=True, colour=ACCENT, capitals=True, letter_spacing=8),
)


def char_format(style: Style) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies(list(theme.FONT_FAMILIES))
    fmt.setFontPointSize(style.size)
    weight = QFont.Weight.Bold if style.bold else QFont.Weight.DemiBold if style.semibold else QFont.Weight.Normal
    fmt.setFontWeight(int(weight.value))
    fmt.setFontItalic(style.italic)
    fmt.setForeground(_colour(style.colour))
    if style.capitals:
        fmt.setFontCapitalization(QFont.Capitalization.AllUppercase)
    if style.letter_spacing:
        fmt.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
        fmt.setFontLetterSpacing(100 + style.letter_spacing)
    return fmt


def block_format(style: Style, margin_per_point: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(style.line_height, int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value))
    fmt.setBottomMargin(style.space_after * margin_per_point)
    return fmt


@lru_cache(maxsize=8)
def _margin_scale(dpi: int) -> float:
    """Device units per unit of a block margin: Qt scales margins from screen pixels to the device.

    Measured, not assumed: the factor is the device's dpi over Qt's default dpi, which
    follows the primary screen (96 offscreen, other values on real displays).
    """
    from PySide6.QtGui import QPdfWriter

    buffer = QBuffer()  # never written: the writer is only asked for its metrics
    probe = QPdfWriter(buffer)
    probe.setResolution(dpi)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(probe)
    document.setDocumentMargin(0)
    cursor = QTextCursor(document)
    spaced = QTextBlockFormat()
    spaced.setBottomMargin(100)
    cursor.setBlockFormat(spaced)
    cursor.insertText("x")
    cursor.insertBlock(QTextBlockFormat())
    cursor.insertText("x")
    document.setTextWidth(10_000)
    layout = document.documentLayout()
    first = layout.blockBoundingRect(document.begin())
    second = layout.blockBoundingRect(document.begin().next())
    scale = (second.top() - first.height()) / 100
    return scale if scale > 0 else dpi / 96


def _colour(name: str):
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(name))


class DocumentBuilder:
    """Builds one document paragraph by paragraph; ``finish`` lays it out at the given width."""

    def __init__(self, device: QPaintDevice, width: float) -> None:
        self.device = device
        dpi = device.logicalDpiY()
        self.margin_per_point = dpi / 72.0 / _margin_scale(dpi)  # block margins are not in device units
        self.document = QTextDocument()
        self.document.documentLayout().setPaintDevice(device)
        self.document.setDocumentMargin(0)
        self.document.setUseDesignMetrics(True)
        self.document.setDefaultFont(_default_font())
        self.width = width
        self.cursor = QTextCursor(self.document)
        self._empty = True

    def _next_block(self, style: Style) -> None:
        fmt = block_format(style, self.margin_per_point)
        if self._empty:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char_format(style))
            self._empty = False
        else:
            self.cursor.insertBlock(fmt, char_format(style))

    def paragraph(self, text: str, style: Style) -> DocumentBuilder:
        self._next_block(style)
        self.cursor.insertText(text, char_format(style))
        return self

    def runs(self, runs: list[tuple[str, Style]]) -> DocumentBuilder:
        """One paragraph of differently styled pieces (a question number in the accent colour, then the text)."""
        self._next_block(runs[0][1])
        for text, style in runs:
            self.cursor.insertText(text, char_format(style))
        return self

    def bullets(self, items: list[str], style: Style, *, numbered: bool = False) -> DocumentBuilder:
        """A list; the marker hangs in the margin so wrapped lines align with the text."""
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDecimal if numbered else QTextListFormat.Style.ListDisc)
        list_format.setIndent(1)
        text_list = None
        for item in items:
            self._next_block(style)
            if text_list is None:
                text_list = self.cursor.createList(list_format)
            else:
                text_list.add(self.cursor.block())
            self.cursor.insertText(item, char_format(style))
        return self

    def markdown(self, text: str, style: Style) -> DocumentBuilder:
        """A Markdown body (links already made plain); every block gets the body's type and spacing."""
        if not self._empty:
            raise ValueError("markdown starts a document of its own")
        self.document.setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        cursor = QTextCursor(self.document)
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = char_format(style)
        fmt.clearProperty(QTextFormat.Property.FontWeight)  # keep **bold** and *italic* of the text
        fmt.clearProperty(QTextFormat.Property.FontItalic)
        cursor.mergeCharFormat(fmt)
        block = self.document.begin()
        while block.isValid():
            cursor = QTextCursor(block)
            spacing = QTextBlockFormat()
            spacing.setLineHeight(style.line_height, int(QTextBlockFormat.LineHeightTypes.ProportionalHeight.value))
            spacing.setTopMargin(0)
            spacing.setBottomMargin(style.space_after * self.margin_per_point)
            cursor.mergeBlockFormat(spacing)
            block = block.next()
        self._empty = False
        return self

    def finish(self) -> QTextDocument:
        self._trim_last_margin()
        self.document.setTextWidth(self.width)
        self.document.size()  # lay out now: the flow reads line positions
        return self.document

    def _trim_last_margin(self) -> None:
        """The last paragraph's space-after would only push the next block down twice."""
        last = self.document.lastBlock()
        cursor = QTextCursor(last)
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(0)
        cursor.mergeBlockFormat(fmt)


def _default_font() -> QFont:
    font = QFont()
    font.setFamilies(list(theme.FONT_FAMILIES))
    font.setPointSizeF(FULL.body.size)
    return font
