"""Every term a pupil needs, alphabetical in the language they read, with its definition.

At the easy reading level a term shows its plain-language definition where the pack has one.

A ``glossary:`` link in the story opens a term's short explanation in place; "Open in
glossary" (``state.termRequested``) brings this screen forward with the term selected.
"""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QWidget

from zusammenleben.core.theme import TypeScale
from zusammenleben.i18n.sources import source_caption
from zusammenleben.ui.sources.master_detail import MasterDetailScreen


class GlossaryScreen(MasterDetailScreen):
    key = "glossary"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.state.termRequested.connect(self.reveal)
        self.state.levelChanged.connect(self._on_level)  # the easy definitions

    def _on_level(self, _level: str) -> None:
        self.retranslate()

    def reveal(self, term_id: str) -> None:
        if self.select(term_id):
            self.state.set_screen(self.key)

    def retranslate(self) -> None:
        ui = self.language.ui
        self.heading.setText(ui("Glossary"))
        count = len(self.pack.glossary)
        self.count_label.setText(self.language.uin("%(count)d term", "%(count)d terms", count) % {"count": count})
        self.list.setAccessibleName(ui("List of terms"))
        self.list.setAccessibleDescription(ui("Choose a term to read its explanation"))
        super().retranslate()

    def entries(self) -> list[tuple[str, str]]:
        collator = QCollator(QLocale(self.language.locale_name))
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        terms = [(term.id, self.language.content(term.term)) for term in self.pack.glossary]
        return sorted(terms, key=lambda entry: collator.sortKey(entry[1]))

    def fill_page(self, term_id: str) -> None:
        ui = self.language.ui
        language = self.language
        term = self.pack.term(term_id)
        self.add_label(language.display(term.term), "title")
        self.add_label(language.display(term.definition_at(self.state.level)), name="termDefinition",
                       style=f"QLabel {{ font-size: {TypeScale(self.state.font_scale).lead}px; }}")
        if term.aliases and (language.code == "de" or language.side_by_side):
            # aliases are the German forms that link to the term in the German texts
            self.add_label(ui("Also written: %(aliases)s") % {"aliases": ", ".join(term.aliases)}, "small")
        chapters = [(i, c) for i, c in enumerate(self.pack.chapters) if term_id in c.glossary]
        if chapters:
            self.add_label(ui("In the story"), "heading")
            for index, chapter in chapters:
                self.add_link(ui("Chapter %(number)d: %(title)s")
                              % {"number": index + 1, "title": language.content(chapter.title)},
                              ui("Open this chapter in the story"), lambda i=index: self._open_chapter(i))
        if term.sources:
            self.add_label(ui("Sources"), "heading")
            for source_id in term.sources:
                self.add_link(source_caption(self.pack, language, source_id),
                              ui("Show this source on the sources screen"),
                              lambda s=source_id: self.state.sourceRequested.emit(s))

    def _open_chapter(self, index: int) -> None:
        self.state.set_chapter(index)
        self.state.set_screen("story")
