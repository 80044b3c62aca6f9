"""The classroom handout: one chapter or the whole tour as an A4 PDF, in German, Dutch or both.

Per chapter: title, lead, body, the pull quote with its speaker and source, the chapter's
first indicator plot (vector), the chapter's sources, the teacher notes (handout variant
only) and the discussion questions, each with ruled lines to write on. The whole tour
gets a cover with the contents. Every page names the pack, the variant, the chapter and
"Seite 2 von 7". Side by side, German and Dutch stand in two columns that flow onto the
next page independently.

Only Qt's own ``QPdfWriter`` is used (no extra dependency). The pages are measured first
(``handout_flow.paginate``), then painted, so the page count is known on every page.
``write_handout`` needs no dialog: the classroom dialog and the tests call it alike.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QWidget

from zusammenleben.content.model import Chapter
from zusammenleben.content.support import chapter_source_ids
from zusammenleben.core import theme
from zusammenleben.export.handout_context import paper_context
from zusammenleben.export.handout_docs import (
    ACCENT,
    COLUMNS,
    FULL,
    MUTED,
    NOTES_BACKGROUND,
    QUOTE_BAR,
    RULE,
    DocumentBuilder,
    Style,
    TypeSet,
)
from zusammenleben.export.handout_flow import (
    AtomicBlock,
    Block,
    Decoration,
    PageBreak,
    RowBlock,
    TextBlock,
    paginate,
    ruled_lines,
)
from zusammenleben.export.handout_plot import plot_block
from zusammenleben.export.handout_text import HandoutRequest, Variant, plain_links
from zusammenleben.i18n.catalogs import N_
from zusammenleben.i18n.formatting import format_span

log = logging.getLogger(__name__)

RESOLUTION = 600  # dpi; text and plots are vectors, this only sets the grid they are placed on
MARGIN_MM = (20.0, 22.0, 20.0, 22.0)  # left, top, right, bottom
COLUMN_GAP_MM = 8.0
WRITING_LINES = 4
WRITING_LINE_MM = 8.5
KEEP_TOGETHER = 10**6  # min_lines for blocks that must not break (quote, question)
LANGUAGE_NAME_MSGIDS = {"de": "German", "nl": "Dutch"}


@dataclass
class HandoutResult:
    """What was written: the file, its page count and the page each chapter starts on (1-based)."""

    path: Path
    pages: int
    chapter_pages: dict[str, int] = field(default_factory=dict)


@dataclass
class _Lang:
    """One language of the handout: its code, its UI and content translations, its paper context."""

    code: str
    context: object

    def ui(self, msgid: str) -> str:
        return self.context.language.ui(msgid)

    def content(self, text: str) -> str:
        return self.context.language.content(text)


class _Page:
    """The A4 geometry in device units."""

    def __init__(self, writer: QPdfWriter, columns: int) -> None:
        self.mm = writer.resolution() / 25.4
        self.width = writer.width()
        self.height = writer.height()
        left, top, right, bottom = (value * self.mm for value in MARGIN_MM)
        self.left, self.top = left, top
        self.content_width = self.width - left - right
        self.content_height = self.height - top - bottom
        self.gap = COLUMN_GAP_MM * self.mm
        self.columns = columns
        self.column_width = (self.content_width - self.gap * (columns - 1)) / columns


def write_handout(path: Path | str, context, request: HandoutRequest) -> HandoutResult:
    """Write the handout PDF for ``request`` to ``path`` and say how many pages it has."""
    path = Path(path)
    chapters = [context.pack.chapter(chapter_id) for chapter_id in request.chapter_ids]
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    owner = QObject()  # parent of the paper contexts; gone with this call
    keep: list[QWidget] = []  # plot widgets stay alive until painted
    try:
        langs = [_Lang(code, paper_context(context, code, owner)) for code in request.languages]
        writer.setCreator("Zusammenleben")
        writer.setTitle(_document_title(context, langs, chapters, request))
        page = _Page(writer, len(langs))
        builder = _ChapterBuilder(context, writer, page, langs, request, keep)
        blocks: list[Block] = []
        for chapter in chapters:
            blocks.append(PageBreak(label=builder.footer_label(chapter), anchor=chapter.id))
            blocks.extend(builder.chapter_blocks(chapter))
        pagination = paginate(blocks, page.content_height)
        cover = len(chapters) > 1
        total = len(pagination.pages) + (1 if cover else 0)
        chapter_pages = {cid: index + 1 + (1 if cover else 0) for cid, index in pagination.anchors.items()}
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"cannot write {path}")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            chrome = _Chrome(painter, page, langs, request, context)
            number = 0
            if cover:
                number += 1
                _paint_cover(painter, writer, page, langs, request, context, chapters, chapter_pages)
                chrome.paint(number, total, "")
            for page_content in pagination.pages:
                if number:
                    writer.newPage()
                number += 1
                for y, piece in page_content.placements:
                    piece.paint(painter, page.left, page.top + y)
                chrome.paint(number, total, page_content.label)
        finally:
            painter.end()
    finally:
        for widget in keep:
            widget.hide()
            widget.deleteLater()
        owner.deleteLater()
    log.info("handout written: %s (%d pages)", path, total)
    return HandoutResult(path, total, chapter_pages)


def _joined(values: list[str], separator: str = " / ") -> str:
    unique = list(dict.fromkeys(v for v in values if v))
    return separator.join(unique)


def _variant_label(lang: _Lang, variant: Variant) -> str:
    if variant is Variant.HANDOUT:
        return lang.context.language.ui_in("Handout for teachers", lang.code)
    return lang.context.language.ui_in("Worksheet", lang.code)


def _document_title(context, langs: list[_Lang], chapters: list[Chapter], request: HandoutRequest) -> str:
    first = langs[0]
    subject = first.content(chapters[0].title) if len(chapters) == 1 else first.content(context.pack.title)
    return f"{subject} — {_variant_label(first, request.variant)}"


class _ChapterBuilder:
    """Turns a chapter into blocks: one column per language, rows when side by side."""

    def __init__(self, context, writer: QPdfWriter, page: _Page, langs: list[_Lang], request: HandoutRequest,
                 keep: list[QWidget]) -> None:
        self.context = context
        self.writer = writer
        self.page = page
        self.langs = langs
        self.request = request
        self.keep = keep
        self.types: TypeSet = FULL if len(langs) == 1 else COLUMNS
        self.mm = page.mm

    # -- helpers -------------------------------------------------------------------------------------
    def _doc(self, width: float) -> DocumentBuilder:
        return DocumentBuilder(self.writer, width)

    def _section(self, make: Callable[[_Lang, float], Block | None]) -> Block | None:
        """One block per language; two of them become a row of columns."""
        if len(self.langs) == 1:
            return make(self.langs[0], self.page.content_width)
        columns = [make(lang, self.page.column_width) for lang in self.langs]
        if any(column is None for column in columns):
            return None
        return RowBlock(columns, [self.page.column_width] * len(columns), self.page.gap)  # type: ignore[arg-type]

    def footer_label(self, chapter: Chapter) -> str:
        number = self.context.pack.chapters.index(chapter) + 1
        return f"{number} · " + _joined([lang.content(chapter.title) for lang in self.langs])

    # -- the chapter ---------------------------------------------------------------------------------
    def chapter_blocks(self, chapter: Chapter) -> list[Block]:
        blocks: list[Block | None] = []
        if self.request.variant is Variant.WORKSHEET:
            blocks.append(self._name_line())
        blocks.append(self._section(lambda lang, width: self._opening(lang, width, chapter)))
        blocks.append(self._section(lambda lang, width: self._body(lang, width, chapter)))
        if chapter.quote is not None:
            blocks.append(self._section(lambda lang, width: self._quote(lang, width, chapter)))
        indicator = self._first_indicator(chapter)
        if indicator:
            blocks.append(self._plot(indicator))
        blocks.append(self._section(lambda lang, width: self._sources(lang, width, chapter)))
        if self.request.variant.with_teacher_notes and (chapter.teacher_notes or chapter.goals):
            blocks.append(self._section(lambda lang, width: self._notes(lang, width, chapter)))
        if chapter.questions:
            blocks.append(self._section(lambda lang, width: self._heading(
                lang, width, lang.ui("Questions for discussion"), space_before=7 * self.mm)))
            for number, question in enumerate(chapter.questions, start=1):
                blocks.append(self._question(number, question))
        if chapter.tasks:
            blocks.append(self._section(lambda lang, width: self._heading(
                lang, width, lang.ui("Tasks"), space_before=7 * self.mm)))
            for number, task in enumerate(chapter.tasks, start=1):
                blocks.append(self._task(number, task))
        return [block for block in blocks if block is not None]

    def _first_indicator(self, chapter: Chapter) -> str:
        for indicator_id in chapter.indicators:
            try:
                self.context.pack.indicator(indicator_id)
            except KeyError:
                continue
            return indicator_id
        return ""

    def _name_line(self) -> Block:
        """Name, class and date with lines to write on, at the top of a pupil's sheet."""
        mm = self.mm
        font = _font(FULL.small.size)
        labels = [_joined([lang.ui(msgid) for lang in self.langs])
                  for msgid in (N_("Name"), N_("Class"), N_("Date"))]
        shares = (0.5, 0.25, 0.25)
        height = 9 * mm
        width = self.page.content_width

        def paint(painter: QPainter, x: float, y: float) -> None:
            painter.save()
            painter.setFont(font)
            metrics = QFontMetricsF(font, painter.device())
            left = x
            for label, share in zip(labels, shares, strict=True):
                text = f"{label}:"
                painter.setPen(QColor(MUTED))
                baseline = y + height - 1.5 * mm
                painter.drawText(QPointF(left, baseline), text)
                start = left + metrics.horizontalAdvance(text) + 2 * mm
                end = left + width * share - 5 * mm
                painter.setPen(QPen(QColor(RULE), 0.25 * mm))
                painter.drawLine(QPointF(start, baseline + 0.8 * mm), QPointF(end, baseline + 0.8 * mm))
                left += width * share
            painter.restore()

        return AtomicBlock(height + 6 * mm, paint)

    def _opening(self, lang: _Lang, width: float, chapter: Chapter) -> Block:
        t = self.types
        index = self.context.pack.chapters.index(chapter)
        total = len(self.context.pack.chapters)
        caption = lang.ui("Chapter %(number)d of %(total)d") % {"number": index + 1, "total": total}
        caption = f"{caption} · {format_span(chapter.years, lang.code)}"
        doc = self._doc(width)
        if len(self.langs) > 1:
            doc.paragraph(lang.ui(LANGUAGE_NAME_MSGIDS.get(lang.code, lang.code)), t.tag)
        doc.paragraph(caption, t.caption)
        doc.paragraph(lang.content(chapter.title), t.title)
        if not (self.request.level == "easy" and chapter.easy):  # the easy text is the whole chapter
            doc.paragraph(lang.content(chapter.lead), t.lead)
        return TextBlock(doc.finish(), keep_with_next=True, min_lines=KEEP_TOGETHER)

    def _body(self, lang: _Lang, width: float, chapter: Chapter) -> Block:
        paragraphs = [plain_links(lang.content(paragraph)) for paragraph in chapter.text_at(self.request.level)]
        doc = self._doc(width).markdown("\n\n".join(paragraphs), self.types.body)
        return TextBlock(doc.finish(), space_before=2 * self.mm)

    def _quote(self, lang: _Lang, width: float, chapter: Chapter) -> Block:
        quote = chapter.quote
        assert quote is not None
        t = self.types
        mm = self.mm
        indent = 6 * mm
        text = lang.content(quote.text)
        marked = f"„{text}“" if lang.code == "de" else f"“{text}”"
        speaker = f"— {quote.speaker}"
        if quote.note:
            speaker = f"{speaker} ({lang.content(quote.note)})"
        source = lang.ui("Source: %(source)s") % {"source": _source_caption(self.context, lang, quote.source)}
        doc = self._doc(width - indent)
        doc.paragraph(marked, Style(t.quote.size, italic=True, line_height=t.quote.line_height, space_after=2))
        doc.paragraph(speaker, t.attribution)
        doc.paragraph(source, t.attribution)
        decoration = Decoration(bar=QUOTE_BAR, bar_width=1.2 * mm, indent=indent)
        return TextBlock(doc.finish(), space_before=6 * mm, decoration=decoration, min_lines=KEEP_TOGETHER)

    def _plot(self, indicator_id: str) -> Block | None:
        mm = self.mm
        if len(self.langs) == 1:
            return plot_block(self.langs[0].context, indicator_id, self.page.content_width, 900, 540, self.keep,
                              space_before=7 * mm)
        columns = [plot_block(lang.context, indicator_id, self.page.column_width, 520, 560, self.keep)
                   for lang in self.langs]
        if any(column is None for column in columns):
            return None
        return RowBlock(columns, [self.page.column_width] * len(columns), self.page.gap,  # type: ignore[arg-type]
                        space_before=7 * mm)

    def _heading(self, lang: _Lang, width: float, text: str, *, space_before: float) -> Block:
        doc = self._doc(width).paragraph(text, self.types.heading)
        return TextBlock(doc.finish(), space_before=space_before, keep_with_next=True)

    def _sources(self, lang: _Lang, width: float, chapter: Chapter) -> Block:
        t = self.types
        doc = self._doc(width)
        doc.paragraph(lang.ui("Sources of this chapter"), t.heading)
        items = []
        for source_id in chapter_source_ids(chapter):
            caption = _source_caption(self.context, lang, source_id)
            url = _source_url(self.context, source_id)
            items.append(f"{caption}\n{url}" if url else caption)
        doc.bullets([item.replace("\n", "\u2028") for item in items], t.small)
        return TextBlock(doc.finish(), space_before=7 * self.mm, min_lines=3)

    def _notes(self, lang: _Lang, width: float, chapter: Chapter) -> Block:
        t = self.types
        mm = self.mm
        padding = 4 * mm
        doc = self._doc(width - 2 * padding)
        if chapter.goals:
            doc.paragraph(lang.ui("Learning goals"), t.heading)
            doc.bullets([lang.content(goal.text) for goal in chapter.goals], t.note)
        if chapter.teacher_notes:
            doc.paragraph(lang.ui("Teacher notes"), t.heading)
            doc.bullets([lang.content(note.text) for note in chapter.teacher_notes], t.note)
        decoration = Decoration(background=NOTES_BACKGROUND, padding=padding)
        return TextBlock(doc.finish(), space_before=7 * mm, decoration=decoration, min_lines=3)

    def _question(self, number: int, question) -> Block:
        """The question (and its hint) in each language, then lines across the page to write on."""
        def hint(lang: _Lang) -> str:
            return lang.ui("Hint: %(hint)s") % {"hint": lang.content(question.hint)} if question.hint else ""

        return self._written(number, lambda lang: lang.content(question.text), hint)

    def _task(self, number: int, task) -> Block:
        """A task with its level (Anforderungsbereich), then lines to write on, like a question."""
        return self._written(number, lambda lang: lang.content(task.text),
                             lambda lang: lang.ui("Level %(level)s") % {"level": task.numeral})

    def _written(self, number: int, text: Callable[[_Lang], str], note: Callable[[_Lang], str]) -> Block:
        """A numbered item and its note in each language, then lines across the page to write on."""
        t = self.types
        mm = self.mm
        width = self.page.column_width if len(self.langs) > 1 else self.page.content_width
        docs = []
        for lang in self.langs:
            doc = self._doc(width)
            accent = Style(t.question.size, bold=True, colour=ACCENT, line_height=t.question.line_height)
            doc.runs([(f"{number}. ", accent), (text(lang), t.question)])
            if note(lang):
                doc.paragraph(note(lang), t.hint)
            docs.append(doc.finish())
        text_height = max(doc.size().height() for doc in docs)
        lines_height = WRITING_LINES * WRITING_LINE_MM * mm + 1.5 * mm
        full_width = self.page.content_width

        def paint(painter: QPainter, x: float, y: float) -> None:
            for index, doc in enumerate(docs):
                painter.save()
                painter.translate(x + index * (self.page.column_width + self.page.gap), y)
                doc.drawContents(painter)
                painter.restore()
            ruled_lines(painter, x, y + text_height, full_width, WRITING_LINES, WRITING_LINE_MM * mm, RULE,
                        0.2 * mm)

        return AtomicBlock(text_height + lines_height, paint, space_before=4 * mm)


def _source_caption(context, lang: _Lang, source_id: str) -> str:
    from zusammenleben.i18n.sources import source_caption

    return source_caption(context.pack, lang.context.language, source_id)


def _source_url(context, source_id: str) -> str:
    try:
        return context.pack.source(source_id).url
    except KeyError:
        return ""


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(theme.FONT_FAMILIES))
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Chrome:
    """What every page carries: the pack and the variant at the top, the chapter and "Seite 2 von 7" below."""

    def __init__(self, painter: QPainter, page: _Page, langs: list[_Lang], request: HandoutRequest,
                 context) -> None:
        self.painter = painter
        self.page = page
        self.langs = langs
        self.title = _joined([lang.content(context.pack.title) for lang in langs], " · ")
        self.variant = _joined([_variant_label(lang, request.variant) for lang in langs])
        self.font = _font(8.5)

    def paint(self, number: int, total: int, label: str) -> None:
        painter, page = self.painter, self.page
        mm = page.mm
        painter.save()
        painter.setFont(self.font)
        metrics = QFontMetricsF(self.font, painter.device())
        top = page.top - 9 * mm
        header = QRectF(page.left, top, page.content_width, metrics.height())
        painter.setPen(QColor(MUTED))
        painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.title)
        painter.drawText(header, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), self.variant)
        rule_y = header.bottom() + 1.5 * mm
        painter.setPen(QPen(QColor(RULE), 0.2 * mm))
        painter.drawLine(QPointF(page.left, rule_y), QPointF(page.left + page.content_width, rule_y))
        pages = " · ".join(lang.context.language.ui("Page %(page)d of %(pages)d") % {"page": number, "pages": total}
                           for lang in self.langs)
        footer_y = page.top + page.content_height + 9 * mm
        footer = QRectF(page.left, footer_y, page.content_width, metrics.height())
        pages_width = metrics.horizontalAdvance(pages)
        painter.setPen(QColor(MUTED))
        if label:
            room = page.content_width - pages_width - 8 * mm
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, room))
        painter.setPen(QColor("#1B1B1B"))
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), pages)
        painter.restore()


def _paint_cover(painter: QPainter, writer: QPdfWriter, page: _Page, langs: list[_Lang], request: HandoutRequest,
                 context, chapters: list[Chapter], chapter_pages: dict[str, int]) -> None:
    """The tour's first page: title, subtitle, variant and the contents with page numbers."""
    mm = page.mm
    pack = context.pack
    width = page.content_width
    head = DocumentBuilder(writer, width)
    head.paragraph(_joined([lang.content(pack.title) for lang in langs], " · "),
                   Style(30, bold=True, colour=ACCENT, line_height=115, space_after=4))
    head.paragraph(_joined([lang.content(pack.subtitle) for lang in langs], "\u2028"),
                   Style(14, line_height=135, space_after=10))
    head.paragraph(_joined([_variant_label(lang, request.variant) for lang in langs]),
                   Style(12, semibold=True, line_height=135, space_after=2))
    head.paragraph(_joined([lang.ui(LANGUAGE_NAME_MSGIDS.get(lang.code, lang.code)) for lang in langs], " · "),
                   Style(11, colour=MUTED, line_height=135, space_after=14))
    head.paragraph(_joined([lang.ui("Contents") for lang in langs]), Style(13, bold=True, colour=ACCENT,
                                                                            space_after=4))
    document = head.finish()
    y = page.top + 25 * mm
    painter.save()
    painter.translate(page.left, y)
    document.drawContents(painter)
    painter.restore()
    y += document.size().height() + 3 * mm
    number_width = 12 * mm
    page_width = 14 * mm
    entry = Style(12, line_height=130)
    font = _font(12, bold=True)
    for chapter in chapters:
        index = pack.chapters.index(chapter) + 1
        row = DocumentBuilder(writer, width - number_width - page_width)
        row.paragraph(_joined([lang.content(chapter.title) for lang in langs], "\u2028"), entry)
        row_doc = row.finish()
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor(ACCENT))
        first_line = QRectF(page.left, y, number_width, QFontMetricsF(font, writer).height())
        painter.drawText(first_line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), str(index))
        painter.setPen(QColor("#1B1B1B"))
        number_rect = QRectF(page.left + width - page_width, y, page_width, first_line.height())
        painter.drawText(number_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         str(chapter_pages.get(chapter.id, "")))
        painter.translate(page.left + number_width, y)
        row_doc.drawContents(painter)
        painter.restore()
        y += row_doc.size().height() + 3.5 * mm
        painter.save()
        painter.setPen(QPen(QColor("#D6D2CA"), 0.2 * mm))
        painter.drawLine(QPointF(page.left, y - 1.75 * mm), QPointF(page.left + width, y - 1.75 * mm))
        painter.restore()
    if pack.credits:
        credits = DocumentBuilder(writer, width)
        credits.paragraph(langs[0].content(pack.credits), Style(8.5, colour=MUTED, line_height=135))
        credits_doc = credits.finish()
        painter.save()
        painter.translate(page.left, page.top + page.content_height - credits_doc.size().height())
        credits_doc.drawContents(painter)
        painter.restore()
