"""What this program is, whose content it shows, and under which licences it may be passed on.

Three pages, in the same list-and-page shape as the sources and glossary screens: the app
(version, the pack's credits), the content's sources (each one opens on the sources screen),
and the licences. The licence notices are a Markdown document per language that the
composition root read (``UiContext.legal``); this screen only shows it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zusammenleben import __version__
from zusammenleben.i18n.sources import source_caption
from zusammenleben.ui.markdown_view import MarkdownView
from zusammenleben.ui.sources.master_detail import MasterDetailScreen

PAGE_APP = "app"
PAGE_SOURCES = "content-sources"
PAGE_LICENCES = "licences"


class AboutScreen(MasterDetailScreen):
    key = "about"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        self.notices_view: MarkdownView | None = None  # before super(): its first retranslate fills a page
        super().__init__(context, parent)

    def retranslate(self) -> None:
        ui = self.language.ui
        self.heading.setText(ui("About"))
        self.count_label.setText(ui("Version %(version)s") % {"version": __version__})
        self.list.setAccessibleName(ui("About this program"))
        self.list.setAccessibleDescription(
            ui("Choose what to read: the program, the content's sources or the licences"))
        super().retranslate()

    def entries(self) -> list[tuple[str, str]]:
        ui = self.language.ui
        return [
            (PAGE_APP, self.language.content(self.pack.title)),
            (PAGE_SOURCES, ui("Content sources")),
            (PAGE_LICENCES, ui("Licences")),
        ]

    def fill_page(self, page: str) -> None:
        if page == PAGE_SOURCES:
            self._fill_sources()
        elif page == PAGE_LICENCES:
            self._fill_licences()
        else:
            self._fill_app()

    # -- pages --------------------------------------------------------------------------------------
    def _fill_app(self) -> None:
        ui = self.language.ui
        language = self.language
        pack = self.pack
        self.add_label(language.display(pack.title), "title")
        if pack.subtitle:
            self.add_label(language.display(pack.subtitle), "lead")
        self.add_label(ui("Program version %(version)s") % {"version": __version__})
        self.add_label(ui("Content pack “%(pack)s”, version %(version)s") % {"pack": pack.id, "version": pack.version},
                       "small")
        if pack.credits:
            self.add_label(ui("Credits"), "heading")
            self.add_label(language.display(pack.credits))
        self.add_label(ui("Licence"), "heading")
        self.add_label(ui("This program is free software under the MIT licence. It uses Qt and PySide6 "
                          "(LGPL-3.0), pyqtgraph (MIT), Babel (BSD-3-Clause) and numpy (BSD-3-Clause); "
                          "the map is based on Natural Earth (public domain)."))
        self.add_link(ui("Licences and how to replace the Qt libraries"),
                      ui("Show the licences and third-party notices"), lambda: self.select(PAGE_LICENCES))
        self.add_link(ui("Content sources"), ui("Show the list of the content's sources"),
                      lambda: self.select(PAGE_SOURCES))

    def _fill_sources(self) -> None:
        ui = self.language.ui
        pack = self.pack
        self.add_label(ui("Content sources"), "title")
        self.add_label(ui("The content is based on these sources. Choose one to see what it supports."))
        seeds = [source for source in pack.sources if source.in_seeds]
        outside = [source for source in pack.sources if not source.in_seeds]
        for heading, sources in ((ui("The seed documents"), seeds), (ui("Public pages outside the seeds"), outside)):
            if not sources:
                continue
            self.add_label(heading, "heading")
            for source in sources:
                self.add_link(source_caption(pack, self.language, source.id),
                              ui("Show this source on the sources screen"),
                              lambda s=source.id: self.state.sourceRequested.emit(s))

    def _fill_licences(self) -> None:
        ui = self.language.ui
        text = self.context.legal.notices(self.language.code)
        if not text:
            self.add_label(ui("Licences"), "title")
            self.add_label(ui("The licence notices are missing from this installation. They are in the file "
                              "THIRD_PARTY_NOTICES.md of the program's source code."))
            return
        title, body = split_title(text)
        if title:
            self.add_label(title, "title")
        view = self.notices_view
        if view is None:  # built once and kept: a view built per visit kept its theme connection's memory
            view = MarkdownView(self.page)
            view.setObjectName("aboutNotices")
            view.follow_theme(self.context.state)
        view.setAccessibleName(ui("Licences and third-party notices"))
        view.set_markdown(body)
        self.add_page_widget(view, keep=True)
        self.notices_view = view


def split_title(markdown: str) -> tuple[str, str]:
    """``("Licences …", rest)`` when the document starts with a ``# `` heading: shown like every page title."""
    first, _newline, rest = markdown.lstrip().partition("\n")
    if first.startswith("# "):
        return first[2:].strip(), rest.lstrip("\n")
    return "", markdown
