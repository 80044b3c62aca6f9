"""The text of one chapter: where we are, title, lead, body, quote, perspectives, sources.

Everything a pupil reads in the order they read it, in one column that scrolls as a
whole. In side-by-side mode the body appears twice (German, then Dutch) with a language
heading, and the short texts show both languages through ``language.display``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from zusammenleben.content.model import Chapter
from zusammenleben.content.support import chapter_source_ids
from zusammenleben.core.theme import TypeScale
from zusammenleben.i18n.formatting import format_span
from zusammenleben.i18n.sources import source_caption
from zusammenleben.ui.labels import wrapped_label
from zusammenleben.ui.markdown_view import MarkdownView
from zusammenleben.ui.story.perspectives import PerspectivesPanel
from zusammenleben.ui.text_button import TextButton

LANGUAGE_NAMES_MSGIDS = {"de": "German", "nl": "Dutch"}




class ChapterView(QWidget):
    """Fills itself from a chapter; link clicks come out as ``termActivated`` / state requests."""

    termActivated = Signal(str)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.state = context.state
        self.setObjectName("chapterView")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.where_label = wrapped_label(self, "caption")
        self.where_label.setObjectName("chapterWhere")
        self.title_label = wrapped_label(self, "title")
        self.title_label.setObjectName("chapterTitle")
        self.lead_label = wrapped_label(self, "lead")
        self.lead_label.setObjectName("chapterLead")
        self.body_headings: list[QLabel] = []
        self.body_views: list[MarkdownView] = []
        self.body_box = QVBoxLayout()
        for _ in range(2):  # at most two languages side by side
            heading = wrapped_label(self, "caption")
            view = MarkdownView(self)
            view.follow_theme(context.state)
            view.describe_link = self._describe_link
            view.termActivated.connect(self.termActivated)
            view.sourceActivated.connect(self.state.sourceRequested)
            self.body_headings.append(heading)
            self.body_views.append(view)
            self.body_box.addWidget(heading)
            self.body_box.addWidget(view)
        self.quote_label = wrapped_label(self, "quote")
        self.quote_label.setObjectName("chapterQuote")
        self.speaker_label = wrapped_label(self, "caption")
        self.quote_source = TextButton(context, "", self, style="link")
        self.quote_source.clicked.connect(self._open_quote_source)
        self.perspectives = PerspectivesPanel(context, self)
        self.sources_heading = wrapped_label(self, "heading")
        self.sources_box = QVBoxLayout()
        self.source_buttons: list[TextButton] = []
        for widget in (self.where_label, self.title_label, self.lead_label):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(self.body_box)
        for widget in (self.quote_label, self.speaker_label, self.quote_source, self.perspectives,
                       self.sources_heading):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(self.sources_box)
        self.layout_.addStretch(1)
        self.chapter: Chapter | None = None

    def _describe_link(self, scheme: str) -> str:
        """Where a link in the text leads, for screen readers (its words are its name)."""
        ui = self.language.ui
        return ui("Show this term in the glossary") if scheme == "glossary" else ui(
            "Show this source on the sources screen")

    # -- filling ------------------------------------------------------------------------------------
    def show_chapter(self, chapter: Chapter) -> None:
        self.chapter = chapter
        language = self.language
        ui = language.ui
        t = TypeScale(self.state.font_scale)
        self.layout_.setSpacing(t.px(14))
        self.body_box.setSpacing(t.px(6))
        self.sources_box.setSpacing(0)
        self.update_where()
        self.title_label.setText(language.display(chapter.title))
        self.lead_label.setText(language.display(chapter.lead))
        self._fill_body(chapter)
        self._fill_quote(chapter)
        self.perspectives.show_chapter(chapter)
        self.sources_heading.setText(ui("Sources of this chapter"))
        self._fill_sources(chapter)

    def update_where(self) -> None:
        """The caption above the title: the chapter's years and where the year cursor stands."""
        chapter = self.chapter
        if chapter is None:
            return
        ui = self.language.ui
        span = format_span(chapter.years, self.language.code)
        year = self.state.year
        if chapter.years.covers_year(year):
            text = ui("%(span)s · time bar at %(year)d") % {"span": span, "year": year}
        else:
            text = ui("%(span)s · time bar at %(year)d, outside this chapter") % {"span": span, "year": year}
        self.where_label.setText(text)

    def _fill_body(self, chapter: Chapter) -> None:
        language = self.language
        if language.side_by_side:
            codes = list(language.pair_codes)
            texts = [[language.content_in(p, code) for p in chapter.body] for code in codes]
        else:
            codes = [language.code]
            texts = [language.content_paragraphs(chapter.body)]
        for index, (heading, view) in enumerate(zip(self.body_headings, self.body_views, strict=True)):
            shown = index < len(codes)
            view.setVisible(shown)
            heading.setVisible(shown and len(codes) > 1)
            if not shown:
                continue
            view.set_paragraphs(texts[index])
            name = language.ui_in(LANGUAGE_NAMES_MSGIDS.get(codes[index], codes[index]), codes[index]) \
                if codes[index] in LANGUAGE_NAMES_MSGIDS else codes[index]
            heading.setText(name)
            view.setAccessibleName(language.ui("Chapter text"))
            view.setAccessibleDescription(
                language.ui("The chapter's text. Tab moves through its links: a term opens its explanation, "
                            "a source opens the sources screen.")
            )

    def _fill_quote(self, chapter: Chapter) -> None:
        quote = chapter.quote
        for widget in (self.quote_label, self.speaker_label, self.quote_source):
            widget.setVisible(quote is not None)
        if quote is None:
            return
        ui = self.language.ui
        self.quote_label.setText(f"„{self.language.display(quote.text)}“" if self.language.code == "de"
                                 else f"“{self.language.display(quote.text)}”")
        speaker = f"— {quote.speaker}"
        if quote.note:
            speaker = f"{speaker} ({self.language.content(quote.note)})"
        self.speaker_label.setText(speaker)
        caption = source_caption(self.context.pack, self.language, quote.source)
        self.quote_source.setText(ui("Source: %(source)s") % {"source": caption})
        self.quote_source.setAccessibleName(ui("Source of the quote: %(source)s") % {"source": caption})
        self.quote_source.setAccessibleDescription(ui("Show this source on the sources screen"))

    def _fill_sources(self, chapter: Chapter) -> None:
        ui = self.language.ui
        for button in self.source_buttons:
            self.sources_box.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.source_buttons = []
        for source_id in chapter_source_ids(chapter):
            caption = source_caption(self.context.pack, self.language, source_id)
            button = TextButton(self.context, caption, self, style="link")
            button.setObjectName(f"chapterSource-{source_id}")
            button.setAccessibleName(caption)
            button.setAccessibleDescription(ui("Show this source on the sources screen"))
            button.clicked.connect(lambda _checked=False, sid=source_id: self.state.sourceRequested.emit(sid))
            self.sources_box.addWidget(button)
            self.source_buttons.append(button)

    def _open_quote_source(self) -> None:
        if self.chapter is not None and self.chapter.quote is not None:
            self.state.sourceRequested.emit(self.chapter.quote.source)
