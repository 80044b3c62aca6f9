"""The text of one chapter: where we are, title, lead, body, quote, perspectives, sources.

Everything a pupil reads in the order they read it, in one column that scrolls as a
whole. In side-by-side mode the body appears twice (German, then Dutch) with a language
heading, and the short texts show both languages through ``language.display``.

The body follows the reading level (``AppState.level``): the full text, or the chapter's
``easy`` text in plain language, in each language shown. At the easy level the lead is left
out: the easy text is the whole chapter, and the lead is written for the standard reader.

On the kiosk (``label_mode``) a chapter first shows its museum label (``short``), large, and a
"Mehr lesen / Meer lezen" button that opens the whole chapter at the reading level; another
chapter, or the idle reset, starts again from the label.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

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
    expandedChanged = Signal(bool)  # the kiosk's label opened ("Mehr lesen") or closed

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
        self.short_label = wrapped_label(self, "lead", "chapterShort")  # the kiosk's museum label
        self.short_label.hide()
        self.more_button = QPushButton(self)
        self.more_button.setObjectName("readMore")
        self.more_button.hide()
        self.more_button.clicked.connect(lambda: self.set_expanded(not self.expanded))
        self.label_mode = False
        self.expanded = False
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
        self.source_buttons: list[TextButton] = []  # this chapter's, the first of _source_pool
        self._source_pool: list[TextButton] = []
        for widget in (self.where_label, self.title_label, self.lead_label, self.short_label):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(self.body_box)
        self.layout_.addWidget(self.more_button)  # the story screen moves it under the scrolling text
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
        self._fill_label(chapter, t)

    # -- the kiosk's label ----------------------------------------------------------------------------
    @property
    def showing_label(self) -> bool:
        """True while the kiosk shows this chapter's label (and not yet its text)."""
        return bool(self.label_mode and self.chapter is not None and self.chapter.short and not self.expanded)

    def set_label_mode(self, on: bool) -> None:
        self.label_mode = on
        self.expanded = False
        if self.chapter is not None:
            self.show_chapter(self.chapter)

    def set_expanded(self, expanded: bool) -> None:
        """Open the whole chapter under the label ("Mehr lesen"), or go back to the label."""
        if expanded == self.expanded:
            return
        self.expanded = expanded
        if self.chapter is not None:
            self.show_chapter(self.chapter)
        self.expandedChanged.emit(expanded)

    def _fill_label(self, chapter: Chapter, t: TypeScale) -> None:
        ui = self.language.ui
        labelled = self.showing_label
        self.short_label.setVisible(labelled)
        if labelled:
            self.short_label.setText(self.language.display(chapter.short))
            self.short_label.setStyleSheet(f"font-size: {t.px(26)}px; font-weight: 400;")
        self.lead_label.setVisible(not labelled and not (self.state.level == "easy" and chapter.easy))
        text_parts = [*self.body_views, *self.body_headings, self.quote_label, self.speaker_label,
                      self.quote_source, self.perspectives, self.sources_heading, *self.source_buttons]
        if labelled:
            for widget in text_parts:
                widget.hide()
        else:
            self.sources_heading.show()
        self.more_button.setVisible(bool(self.label_mode and chapter.short))
        if self.expanded:
            text, description = ui("Back to the short text"), ui("Show this chapter's short text again")
        elif self.state.level == "easy" and chapter.easy:
            text, description = ui("Read more"), ui("Show the whole chapter in plain language")
        else:
            text, description = ui("Read more"), ui("Show the whole chapter")
        self.more_button.setText(text)
        self.more_button.setAccessibleName(text)
        self.more_button.setAccessibleDescription(description)
        self.more_button.setMinimumHeight(t.touch_target)

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
        body = chapter.text_at(self.state.level)
        if language.side_by_side:
            codes = list(language.pair_codes)
            texts = [[language.content_in(p, code) for p in body] for code in codes]
        else:
            codes = [language.code]
            texts = [language.content_paragraphs(body)]
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
        """One link button per source; the buttons are kept and refilled (new ones cost a polish and
        many resizes on every chapter move), the ones a chapter does not need are hidden."""
        ui = self.language.ui
        source_ids = chapter_source_ids(chapter)
        while len(self._source_pool) < len(source_ids):
            button = TextButton(self.context, "", self, style="link")
            button.source_id = ""
            button.clicked.connect(lambda _checked=False, b=button: self.state.sourceRequested.emit(b.source_id))
            self.sources_box.addWidget(button)
            self._source_pool.append(button)
        self.source_buttons = self._source_pool[:len(source_ids)]
        for button, source_id in zip(self.source_buttons, source_ids, strict=True):
            caption = source_caption(self.context.pack, self.language, source_id)
            button.source_id = source_id
            button.setObjectName(f"chapterSource-{source_id}")
            button.setText(caption)
            button.setAccessibleName(caption)
            button.setAccessibleDescription(ui("Show this source on the sources screen"))
            button.setVisible(True)
        for button in self._source_pool[len(source_ids):]:
            button.setVisible(False)

    def _open_quote_source(self) -> None:
        if self.chapter is not None and self.chapter.quote is not None:
            self.state.sourceRequested.emit(self.chapter.quote.source)
