"""Every source, what kind it is, whether it is one of the seed documents, and what it supports.

The story, the time bar and the plots name sources by id; any of them can ask for one
(``state.sourceRequested``) and this screen comes forward with it selected.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zusammenleben.content.support import compute_support
from zusammenleben.i18n.formatting import format_span
from zusammenleben.ui.sources.master_detail import MasterDetailScreen


class SourcesScreen(MasterDetailScreen):
    key = "sources"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        self.support = compute_support(context.pack)
        super().__init__(context, parent)
        self.state.sourceRequested.connect(self.reveal)

    def reveal(self, source_id: str) -> None:
        """Come forward with the source selected (from any screen)."""
        if self.select(source_id):
            self.state.set_screen(self.key)

    def retranslate(self) -> None:
        ui = self.language.ui
        sources = self.pack.sources
        outside = sum(1 for source in sources if not source.in_seeds)
        self.heading.setText(ui("Sources"))
        self.count_label.setText(
            ui("%(count)d sources, %(outside)d of them from outside the seed documents")
            % {"count": len(sources), "outside": outside}
        )
        self.list.setAccessibleName(ui("List of sources"))
        self.list.setAccessibleDescription(ui("Choose a source to see its details and what it supports"))
        super().retranslate()

    def entries(self) -> list[tuple[str, str]]:
        ui = self.language.ui
        result = []
        for source in self.pack.sources:
            facts = [source.named_publication]
            if source.date is not None:
                facts.append(format_span(source.date, self.language.code))
            facts.append(ui("seed document") if source.in_seeds else ui("outside the seeds"))
            line = " · ".join(fact for fact in facts if fact)
            result.append((source.id, f"{self.language.content(source.title)}\n{line}"))
        return result

    def fill_page(self, source_id: str) -> None:
        ui = self.language.ui
        language = self.language
        source = self.pack.source(source_id)
        self.add_label(language.display(source.title), "title")
        facts = [source.named_publication, language.content(source.kind)]
        if source.date is not None:
            facts.append(format_span(source.date, language.code))
        self.add_label(" · ".join(fact for fact in facts if fact), "lead")
        if source.in_seeds:
            # seeds are numbered from 000 in the project's files; a reader counts from 1
            number = str(int(source.seed) + 1) if source.seed.isdigit() else source.seed
            seed = ui("From seed document %(seed)s") % {"seed": number} if source.seed else ui(
                "From the seed documents")
            self.add_label(seed, "badge", name="seedBadgeIn", style=self._badge_style(True))
        else:
            self.add_label(ui("Not one of the seed documents: a public page found outside them"), "badge",
                           name="seedBadgeOut", style=self._badge_style(False))
        if source.author:
            self.add_label(ui("Author: %(author)s") % {"author": source.author})
        if source.url:
            self.add_label(ui("Address (not opened by the app): %(url)s") % {"url": source.url}, "small")
        if source.note:
            self.add_label(language.display(source.note))
        self._add_support(source_id)

    def _badge_style(self, in_seeds: bool) -> str:
        from zusammenleben.core.theme import TypeScale

        colours = self.context.state.theme
        t = TypeScale(self.state.font_scale)
        if in_seeds:
            return (f"QLabel {{ background: {colours.highlight}; color: {colours.text}; border-radius: {t.px(6)}px;"
                    f" padding: {t.px(8)}px {t.px(12)}px; font-weight: 600; }}")
        return (f"QLabel {{ background: {colours.surface}; color: {colours.text}; border: {t.px(3)}px solid "
                f"{colours.quote_bar}; border-radius: {t.px(6)}px; padding: {t.px(8)}px {t.px(12)}px;"
                f" font-weight: 700; }}")

    def _add_support(self, source_id: str) -> None:
        ui = self.language.ui
        language = self.language
        support = self.support.get(source_id)
        self.add_label(ui("What this source supports"), "heading")
        if support is None or support.is_empty():
            self.add_label(ui("Nothing in this pack cites this source yet."), "small")
            return
        if support.chapters:
            self.add_label(ui("Chapters"), "small")
            for chapter_id in support.chapters:
                index = next(i for i, c in enumerate(self.pack.chapters) if c.id == chapter_id)
                title = language.content(self.pack.chapters[index].title)
                self.add_link(ui("Chapter %(number)d: %(title)s") % {"number": index + 1, "title": title},
                              ui("Open this chapter in the story"), lambda i=index: self._open_chapter(i))
        if support.events:
            self.add_label(ui("Events on the time bar"), "small")
            events = {event.id: event for event in self.pack.events}
            for event_id in support.events:
                event = events[event_id]
                text = f"{format_span(event.date, language.code)}: {language.content(event.title)}"
                self.add_link(text, ui("Open this event on the time bar"), lambda e=event_id: self._open_event(e))
        if support.indicators:
            self.add_label(ui("Figures"), "small")
            titles = [language.content(self.pack.indicator(i).title) for i in support.indicators]
            self.add_label("\n".join(f"• {title}" for title in titles))
        if support.partnerships:
            self.add_label(ui("Partnerships"), "small")
            names = [p.municipality for p in self.pack.partnerships if p.id in support.partnerships]
            self.add_label(
                language.uin("%(count)d partnership: %(names)s", "%(count)d partnerships: %(names)s", len(names))
                % {"count": len(names), "names": ", ".join(dict.fromkeys(names))}
            )
        if support.terms:
            self.add_label(ui("Glossary"), "small")
            for term_id in support.terms:
                term = self.pack.term(term_id)
                self.add_link(language.content(term.term), ui("Show this term in the glossary"),
                              lambda t=term_id: self.state.termRequested.emit(t))

    def _open_chapter(self, index: int) -> None:
        self.state.set_chapter(index)
        self.state.set_screen("story")

    def _open_event(self, event_id: str) -> None:
        event = next(e for e in self.pack.events if e.id == event_id)
        self.state.set_year(event.date.first_year)
        self.state.eventOpened.emit(event_id)
