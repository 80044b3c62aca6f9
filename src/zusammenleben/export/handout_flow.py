"""Pages from a flow of blocks: text that may break between lines, rows of columns, pictures that may not.

A tiny page-layout engine, because ``QTextDocument.print`` can neither place a vector
plot, nor draw ruled writing space, nor put German and Dutch side by side and keep both
columns flowing onto the next page. Every block measures itself once; ``paginate`` only
moves numbers, so the total page count ("Seite 2 von 7") is known before anything is
painted.

Units are the PDF writer's device units; a block's ``fit`` answers "how much of me fits
into this height?" with a ``Piece`` (a height and a painter callback) and the state to
continue from on the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPen, QTextDocument

Paint = Callable[[QPainter, float, float], None]
DONE = None  # the state after a block's last piece


@dataclass
class Piece:
    """A part of a block placed on one page: its height and how to draw it at (x, y)."""

    height: float
    paint: Paint


class Block:
    """The interface of everything in the flow."""

    space_before: float = 0.0
    keep_with_next: bool = False

    def start(self) -> object:
        return 0.0

    def fit(self, state: object, available: float, at_top: bool) -> tuple[Piece | None, object]:
        """The piece that fits into ``available`` from ``state`` (None if nothing does) and the next state."""
        raise NotImplementedError

    def min_height(self) -> float:
        """The smallest sensible first piece (a heading is kept with at least this much of what follows)."""
        raise NotImplementedError


@dataclass
class Decoration:
    """A box behind text (teacher notes) or a bar beside it (the pull quote)."""

    background: str = ""
    bar: str = ""
    bar_width: float = 0.0
    padding: float = 0.0  # inside the background box, every side
    indent: float = 0.0  # text starts this far right (room for the bar)


class TextBlock(Block):
    """A laid-out ``QTextDocument`` that may break between any two lines (not inside the first two)."""

    def __init__(self, document: QTextDocument, *, space_before: float = 0.0, keep_with_next: bool = False,
                 decoration: Decoration | None = None, min_lines: int = 2) -> None:
        self.document = document
        self.space_before = space_before
        self.keep_with_next = keep_with_next
        self.decoration = decoration or Decoration()
        self.total = document.size().height()
        self.lines = _line_spans(document)
        self.min_lines = min_lines

    @property
    def _pad(self) -> float:
        return self.decoration.padding

    def min_height(self) -> float:
        if len(self.lines) <= self.min_lines:
            return self.total + 2 * self._pad
        return self.lines[self.min_lines - 1][1] + 2 * self._pad

    def fit(self, state: object, available: float, at_top: bool) -> tuple[Piece | None, object]:
        offset = float(state)  # type: ignore[arg-type]
        pad = self._pad
        if self.total - offset + 2 * pad <= available + 0.5:
            return self._piece(offset, self.total), DONE
        room = offset + available - 2 * pad
        candidates = [(index, bottom) for index, (_top, bottom) in enumerate(self.lines)
                      if offset < bottom <= room]
        first_line = next((i for i, (top, _bottom) in enumerate(self.lines) if top >= offset - 0.5), 0)
        if candidates and offset == 0 and candidates[-1][0] + 1 < self.min_lines and not at_top:
            candidates = []  # no orphaned first line at the foot of a page
        if not candidates:
            if not at_top:
                return None, state
            candidates = [(first_line, self.lines[first_line][1])]  # taller than a page: one line at least
        index, end = candidates[-1]
        if index + 1 >= len(self.lines):
            return self._piece(offset, self.total), DONE
        return self._piece(offset, end), self.lines[index + 1][0]

    def _piece(self, start: float, end: float) -> Piece:
        pad = self._pad
        height = end - start + 2 * pad

        def paint(painter: QPainter, x: float, y: float) -> None:
            decoration = self.decoration
            width = self.document.textWidth() + decoration.indent + 2 * pad
            if decoration.background:
                painter.fillRect(QRectF(x, y, width, height), QColor(decoration.background))
            if decoration.bar:
                painter.fillRect(QRectF(x, y, decoration.bar_width, height), QColor(decoration.bar))
            painter.save()
            painter.translate(x + decoration.indent + pad, y + pad - start)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, start, self.document.textWidth() + 1, end - start)
            painter.setClipRect(context.clip)
            self.document.documentLayout().draw(painter, context)
            painter.restore()

        return Piece(height, paint)


def _line_spans(document: QTextDocument) -> list[tuple[float, float]]:
    """(top, bottom) of every laid-out line, in document coordinates, top to bottom."""
    spans: list[tuple[float, float]] = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            top = origin.y() + line.y()
            spans.append((top, top + line.height()))
        block = block.next()
    spans.sort()
    return spans


class AtomicBlock(Block):
    """Something that is never split: a plot, a question with its writing lines, a name line."""

    def __init__(self, height: float, paint: Paint, *, space_before: float = 0.0) -> None:
        self.height = height
        self.paint = paint
        self.space_before = space_before

    def min_height(self) -> float:
        return self.height

    def fit(self, state: object, available: float, at_top: bool) -> tuple[Piece | None, object]:
        if self.height <= available + 0.5 or at_top:
            return Piece(self.height, self.paint), DONE
        return None, state


class RowBlock(Block):
    """Columns side by side (German | Dutch); each column flows on by itself, the row is as tall as the tallest."""

    def __init__(self, columns: Sequence[Block], widths: Sequence[float], gap: float, *,
                 space_before: float | None = None, keep_with_next: bool | None = None) -> None:
        self.columns = list(columns)
        self.offsets = []
        x = 0.0
        for width in widths:
            self.offsets.append(x)
            x += width + gap
        self.space_before = max(c.space_before for c in columns) if space_before is None else space_before
        self.keep_with_next = any(c.keep_with_next for c in columns) if keep_with_next is None else keep_with_next

    def start(self) -> object:
        return tuple(column.start() for column in self.columns)

    def min_height(self) -> float:
        return max(column.min_height() for column in self.columns)

    def fit(self, state: object, available: float, at_top: bool) -> tuple[Piece | None, object]:
        states = list(state)  # type: ignore[call-overload]
        pieces: list[tuple[float, Piece]] = []
        for index, column in enumerate(self.columns):
            if states[index] is DONE:
                continue
            piece, states[index] = column.fit(states[index], available, at_top)
            if piece is not None:
                pieces.append((self.offsets[index], piece))
        if not pieces:
            return None, state
        height = max(piece.height for _x, piece in pieces)

        def paint(painter: QPainter, x: float, y: float) -> None:
            for offset, piece in pieces:
                piece.paint(painter, x + offset, y)

        finished = all(s is DONE for s in states)
        return Piece(height, paint), (DONE if finished else tuple(states))


@dataclass
class PageBreak(Block):
    """Starts a new page; ``label`` names what follows (the running footer), ``anchor`` marks a chapter start."""

    label: str = ""
    anchor: str = ""

    def fit(self, state: object, available: float, at_top: bool) -> tuple[Piece | None, object]:
        raise TypeError("page breaks are handled by paginate()")

    def min_height(self) -> float:
        return 0.0


@dataclass
class Page:
    placements: list[tuple[float, Piece]] = field(default_factory=list)
    label: str = ""


@dataclass
class Pagination:
    pages: list[Page]
    anchors: dict[str, int]  # anchor -> index of the page it starts on


def paginate(blocks: Sequence[Block], page_height: float) -> Pagination:
    """Place the blocks top to bottom, page after page; returns the pages and where each anchor landed."""
    pages = [Page()]
    anchors: dict[str, int] = {}
    y = 0.0
    index = 0
    state: object = None
    started = False

    def new_page() -> None:
        nonlocal y
        pages.append(Page(label=pages[-1].label))
        y = 0.0

    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, PageBreak):
            if pages[-1].placements:
                new_page()
            pages[-1].label = block.label
            if block.anchor:
                anchors[block.anchor] = len(pages) - 1
            index += 1
            continue
        at_top = y == 0.0
        gap = 0.0 if at_top else block.space_before
        if not started:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if (block.keep_with_next and not at_top and following is not None
                    and not isinstance(following, PageBreak)):
                needed = block.min_height() + following.space_before + following.min_height()
                if y + gap + needed > page_height:
                    new_page()
                    continue
            state = block.start()
            started = True
        piece, state = block.fit(state, page_height - y - gap, at_top)
        if piece is None:
            new_page()
            continue
        pages[-1].placements.append((y + gap, piece))
        y += gap + piece.height
        if state is DONE:
            index += 1
            started = False
        else:
            new_page()
    if len(pages) > 1 and not pages[-1].placements:
        pages.pop()
    return Pagination(pages, anchors)


def ruled_lines(painter: QPainter, x: float, y: float, width: float, count: int, spacing: float,
                colour: str, pen_width: float) -> None:
    """Lines to write on, ``spacing`` apart, the first one ``spacing`` below ``y``."""
    painter.save()
    painter.setPen(QPen(QColor(colour), pen_width))
    for number in range(1, count + 1):
        line_y = y + number * spacing
        painter.drawLine(QPointF(x, line_y), QPointF(x + width, line_y))
    painter.restore()
