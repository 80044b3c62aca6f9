"""Where the class is in the tour, readable from the back row: "Kapitel 3 von 9" and a row of dots.

Shown in the header in presenter layout, where the chapter rail is hidden. One painted
widget, so it can give way when the header is crowded (200 % on a 1280-pixel projector):
the dots become a bar, then "3 / 9" replaces the sentence. Colours come from the active
theme (high contrast included); the accessible name always says the full sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from zusammenleben.core import theme
from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate


class ChapterProgress(QWidget):
    """The chapter number in the type of a lead paragraph, then one dot per chapter."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.state = context.state
        self.setObjectName("presenterProgress")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.long_text = ""
        self.short_text = ""
        self.state.chapterChanged.connect(lambda _index: self.retranslate())
        self.state.fontScaleChanged.connect(lambda _scale: (self.updateGeometry(), self.update()))
        self.state.themeChanged.connect(lambda _theme: self.update())
        retranslate.bind(self, self.language)

    # -- texts ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        number, total = self.state.chapter_index + 1, self.state.chapter_count
        self.long_text = self.language.ui("Chapter %(number)d of %(total)d") % {"number": number, "total": total}
        self.short_text = f"{number} / {total}"
        self.setAccessibleName(self.long_text)
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """The words shown at the current width."""
        return self.long_text if self._text_width(self.long_text) <= self.width() else self.short_text

    # -- metrics -------------------------------------------------------------------------------------
    def text_font(self) -> QFont:
        font = QFont(self.font())
        font.setFamilies(list(theme.FONT_FAMILIES))
        font.setPixelSize(TypeScale(self.state.font_scale).lead)
        font.setWeight(QFont.Weight.Bold)
        return font

    def _text_width(self, text: str) -> int:
        return QFontMetrics(self.text_font()).horizontalAdvance(text) + 2

    def _dot_metrics(self) -> tuple[float, float, float]:
        t = TypeScale(self.state.font_scale)
        return t.px(14), t.px(12), t.px(20)  # diameter, gap, space after the text

    def dots_width(self) -> int:
        diameter, gap, _space = self._dot_metrics()
        count = max(1, self.state.chapter_count)
        return round(count * diameter + (count - 1) * gap + diameter * 0.5 + 4)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        _diameter, _gap, space = self._dot_metrics()
        height = QFontMetrics(self.text_font()).height() + TypeScale(self.state.font_scale).px(8)
        return QSize(self._text_width(self.long_text) + round(space) + self.dots_width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._text_width(self.short_text), self.sizeHint().height())

    def mode(self) -> str:
        """What the width allows after the text: ``dots``, ``bar`` or ``none``."""
        _diameter, _gap, space = self._dot_metrics()
        room = self.width() - self._text_width(self.text()) - space
        if room >= self.dots_width():
            return "dots"
        return "bar" if room >= TypeScale(self.state.font_scale).px(60) else "none"

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        colours = self.state.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.text_font())
        painter.setPen(QColor(colours.text))
        text = self.text()
        width = self._text_width(text)
        painter.drawText(QRectF(0, 0, width, self.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        _diameter, _gap, space = self._dot_metrics()
        left = width + space
        mode = self.mode()
        if mode == "dots":
            self._paint_dots(painter, colours, left)
        elif mode == "bar":
            self._paint_bar(painter, colours, left, self.width() - left)
        painter.end()

    def _paint_dots(self, painter: QPainter, colours, left: float) -> None:
        diameter, gap, _space = self._dot_metrics()
        big = diameter * 1.5
        centre_y = self.height() / 2
        x = left
        current = self.state.chapter_index
        for index in range(self.state.chapter_count):
            size = big if index == current else diameter
            rect = QRectF(x, centre_y - size / 2, size, size)
            if index <= current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colours.accent if index == current else colours.muted))
            else:
                painter.setPen(QPen(QColor(colours.muted), max(2.0, diameter / 7)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                rect.adjust(1, 1, -1, -1)
            painter.drawEllipse(rect)
            x += size + gap

    def _paint_bar(self, painter: QPainter, colours, left: float, width: float) -> None:
        if self.state.chapter_count == 0:
            return
        diameter, _gap, _space = self._dot_metrics()
        height = diameter * 0.8
        track = QRectF(left, (self.height() - height) / 2, width - 2, height)
        painter.setPen(QPen(QColor(colours.muted), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(track, height / 2, height / 2)
        share = (self.state.chapter_index + 1) / self.state.chapter_count
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.accent))
        painter.drawRoundedRect(QRectF(track.left(), track.top(), track.width() * share, height), height / 2,
                                height / 2)
