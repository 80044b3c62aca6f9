"""The guided story, the default screen: chapter rail | chapter text | the chapter's figure.

The screen only shows ``state.chapter`` and asks the state to move; it never changes the
chapter because the year moved (the teacher decides), but opening a chapter moves the
year into its span (``AppState.set_chapter`` does that). Next/Previous sit under the text
where a hand or a clicker expects them; keys and swipes do the same.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate
from zusammenleben.ui.screen import Screen
from zusammenleben.ui.story.chapter_rail import ChapterRail
from zusammenleben.ui.story.chapter_view import ChapterView
from zusammenleben.ui.story.navigation import SwipeWatcher, install_chapter_keys
from zusammenleben.ui.story.plot_slot import PlotSlot
from zusammenleben.ui.story.term_panel import TermPanel
from zusammenleben.ui.story.transition import FadeIn, reduced_motion
from zusammenleben.ui.text_button import scrollbar_style

WIDE_TEXT_MIN = 560  # below this text width (at scale 1) the figure moves under the text
LABEL_TEXT_MIN = 320  # the kiosk's label keeps its figure beside it down to this width
# Presenter layout on an old projector (XGA 1024×768, WXGA 1280×800): the figure stays beside a
# narrower text column, so the lead and the figure are in view together and only the body scrolls.
PRESENTER_TEXT_MIN = 320
FIGURE_MIN = 360


class StoryScreen(Screen):
    key = "story"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.state = context.state
        self._shown_index = -1

        self.rail = ChapterRail(context, self)
        self.chapter_view = ChapterView(context)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("chapterScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_inner = QWidget(self.scroll)
        self.scroll_inner.setObjectName("chapterScrollInner")
        self.inner_layout = QVBoxLayout(self.scroll_inner)
        self.inner_layout.addWidget(self.chapter_view)
        self.scroll.setWidget(self.scroll_inner)
        self.plot_slot = PlotSlot(context, self)

        self.previous_button = QPushButton(self)
        self.previous_button.setObjectName("previousChapter")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextChapter")
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("chapterProgress")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress_label.setWordWrap(True)
        self.previous_button.clicked.connect(self.state.previous_chapter)
        self.next_button.clicked.connect(self.state.next_chapter)

        nav_row = QHBoxLayout()
        nav_row.addWidget(self.previous_button)
        nav_row.addWidget(self.progress_label, 1)
        nav_row.addWidget(self.next_button)
        self.text_column = QVBoxLayout()
        self.text_column.addWidget(self.scroll, 1)
        # the kiosk's "Mehr lesen" stays in view under the label, whatever the label's length
        self.chapter_view.layout_.removeWidget(self.chapter_view.more_button)
        self.text_column.addWidget(self.chapter_view.more_button)
        self.text_column.addLayout(nav_row)
        self.nav_row = nav_row
        self.columns = QHBoxLayout(self)
        self.columns.addWidget(self.rail)
        self.columns.addLayout(self.text_column, 3)
        self.columns.addWidget(self.plot_slot, 2)
        self._figure_beside = True
        self._presenter = False

        self.term_panel = TermPanel(context, self)
        self.chapter_view.termActivated.connect(self.show_term)
        self.fade = FadeIn(self.scroll)
        self.shortcuts = install_chapter_keys(self, self.state)
        self.swipes = SwipeWatcher(self, self.state.next_chapter, self.state.previous_chapter,
                                   lambda: TypeScale(self.state.font_scale).px(80))

        self.state.chapterChanged.connect(self._on_chapter)
        self.state.yearChanged.connect(self._on_year)
        self.state.fontScaleChanged.connect(self._on_scale)
        self.state.themeChanged.connect(lambda _theme: self._on_scale(self.state.font_scale))
        self.state.levelChanged.connect(self._on_level)
        self.chapter_view.expandedChanged.connect(self._on_expanded)
        self._set_tab_order()
        self._apply_scale(self.state.font_scale)
        retranslate.bind(self, self.language)  # shows the chapter, once (start-up: issue 19)

    # -- Screen -------------------------------------------------------------------------------------
    def activated(self) -> None:
        self.swipes.attach()

    def retranslate(self) -> None:
        ui = self.language.ui
        self.previous_button.setText(ui("← Previous"))
        self.previous_button.setAccessibleName(ui("Previous chapter"))
        self.previous_button.setAccessibleDescription(ui("Go back one chapter (Left arrow or Page Up)"))
        self.next_button.setText(ui("Next →"))
        self.next_button.setAccessibleName(ui("Next chapter"))
        self.next_button.setAccessibleDescription(ui("Go on to the next chapter (Right arrow or Page Down)"))
        self.setAccessibleName(ui("Story"))
        self._show(self.state.chapter_index, animate=False)

    # -- behaviour ----------------------------------------------------------------------------------
    def set_presenter(self, on: bool) -> None:
        """Classroom presenter layout: no chapter rail and no small progress line (the header shows it)."""
        self._presenter = on
        self.rail.setVisible(not on)
        self.progress_label.setVisible(not on)
        self._arrange()

    def set_label_mode(self, on: bool) -> None:
        """Kiosk: each chapter shows its label first, with "Mehr lesen" for the whole text."""
        self.chapter_view.set_label_mode(on)
        self._set_tab_order()

    def reset_view(self) -> None:
        """Kiosk reset: no glossary explanation open, the label again, text and chapter list from the top."""
        self.chapter_view.set_expanded(False)
        self.term_panel.hide()
        self.scroll.verticalScrollBar().setValue(0)
        self.rail.verticalScrollBar().setValue(0)

    def show_term(self, term_id: str) -> None:
        """A ``glossary:`` link: the explanation opens over the figure, the text stays in view."""
        self.term_panel.show_term(term_id)
        self.term_panel.place(self.plot_slot if self._figure_beside else self.scroll)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.swipes.attach()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()
        if self.term_panel.isVisible():
            self.term_panel.place(self.plot_slot if self._figure_beside else self.scroll)

    def _on_chapter(self, index: int) -> None:
        self._show(index, animate=True)

    def _on_level(self, _level: str) -> None:
        """Another reading level: same chapter, same year, the reader's place kept.

        The easy text is longer or shorter than the full one, so the place is kept as the same
        fraction of the text, set once the new text has its height.
        """
        bar = self.scroll.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        self._show(self.state.chapter_index, animate=False)
        if self.term_panel.isVisible():
            self.term_panel.retranslate()
        self.scroll_inner.adjustSize()
        self.scroll.widget().updateGeometry()
        self.layout().activate()
        self.scroll_inner.layout().activate()
        bar.setValue(round(fraction * bar.maximum()))

    def _on_expanded(self, _expanded: bool) -> None:
        self._arrange()
        self.scroll.verticalScrollBar().setValue(0)
        self.term_panel.hide()
        self._set_tab_order()

    def _on_year(self, _year: int) -> None:
        self.chapter_view.update_where()

    def _on_scale(self, scale: float) -> None:
        self._apply_scale(scale)
        if self.state.chapter is not None:
            self._show(self.state.chapter_index, animate=False)

    def _apply_scale(self, scale: float) -> None:
        """Margins, spacing and the scroll bars for the type size (the chapter is shown by the caller)."""
        t = TypeScale(scale)
        self.columns.setContentsMargins(t.px(24), t.px(16), t.px(24), t.px(12))
        self.columns.setSpacing(t.px(28))
        self.text_column.setSpacing(t.px(10))
        self.inner_layout.setContentsMargins(0, 0, t.px(16), t.px(16))
        self.progress_label.setProperty("role", "caption")
        self.scroll.setMaximumWidth(t.px(860))
        self.setStyleSheet(scrollbar_style(self.state.theme, scale))
        self._arrange()

    def _show(self, index: int, animate: bool) -> None:
        chapter = self.state.chapter
        if chapter is None:
            return
        ui = self.language.ui
        total = self.state.chapter_count
        if index != self._shown_index:
            self.chapter_view.expanded = False  # the kiosk: a new chapter starts from its label
        self.chapter_view.show_chapter(chapter)
        if index != self._shown_index:
            self.plot_slot.show_chapter(chapter)
            self.scroll.verticalScrollBar().setValue(0)
            self.term_panel.hide()
        else:
            self.plot_slot.retranslate()
        self._shown_index = index
        self.progress_label.setText(ui("Chapter %(number)d of %(total)d") % {"number": index + 1, "total": total})
        self.progress_label.setAccessibleName(self.progress_label.text())
        self._enable_keeping_focus(self.previous_button, index > 0, self.next_button)
        self._enable_keeping_focus(self.next_button, index < total - 1, self.previous_button)
        self._arrange()
        self._set_tab_order()
        if animate and self.isVisible() and not reduced_motion(self.context.settings):
            self.fade.start()

    @staticmethod
    def _enable_keeping_focus(button: QWidget, enabled: bool, other: QWidget) -> None:
        """Disable a focused Previous/Next only after handing the focus to the other one.

        Otherwise Qt moves the focus itself through the window's ``focusNextPrevChild``, whose walk
        of the focus chain then meets the old chapter's widgets awaiting deletion; PySide kept a dead
        wrapper for each of them, some KB per chapter move (benchmarks/soak_kind.py "chapter button").
        """
        if not enabled and button.hasFocus() and other.isEnabled():
            other.setFocus(Qt.FocusReason.OtherFocusReason)
        button.setEnabled(enabled)

    def _arrange(self) -> None:
        """The figure beside the text when there is room, under it otherwise (large type, 1280 px)."""
        t = TypeScale(self.state.font_scale)
        self.rail.setFixedWidth(self.rail.preferred_width(self.width()))
        has_figure = bool(self.plot_slot.indicator_ids)
        rail_width = self.rail.width() if self.rail.isVisibleTo(self) else 0
        available = self.width() - rail_width - 3 * t.px(28)
        if self._presenter:
            beside = available >= t.px(PRESENTER_TEXT_MIN) + FIGURE_MIN
        else:
            text_min = LABEL_TEXT_MIN if self.chapter_view.showing_label else WIDE_TEXT_MIN  # a label is short
            beside = available >= t.px(text_min) + max(t.px(300), FIGURE_MIN)
        if beside != self._figure_beside:
            self._figure_beside = beside
            if beside:
                self.inner_layout.removeWidget(self.plot_slot)
                self.plot_slot.setParent(self)
                self.columns.addWidget(self.plot_slot, 2)
            else:
                self.columns.removeWidget(self.plot_slot)
                self.plot_slot.setParent(self.scroll_inner)
                self.inner_layout.insertWidget(1, self.plot_slot)
        self.plot_slot.set_fit_content(not beside, 0 if beside else t.px(420))
        self.plot_slot.setVisible(has_figure)

    def _set_tab_order(self) -> None:
        """Reading order: rail, text (and its links and buttons), figure, then Previous/Next."""
        chain: list[QWidget] = list(self.rail.buttons)
        view = self.chapter_view
        chain += [v for v in view.body_views if not v.isHidden()]
        if not view.more_button.isHidden():
            chain.append(view.more_button)
        chain.append(view.quote_source)
        chain += view.perspectives.source_buttons
        chain += view.source_buttons
        plot_chain = list(self.plot_slot.buttons)
        plot = self.plot_slot.current_plot()
        if plot is not None:
            plot_chain += [w for w in plot.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if not self._figure_beside:
            chain += plot_chain
            plot_chain = []
        chain += plot_chain
        chain += [self.previous_button, self.next_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
