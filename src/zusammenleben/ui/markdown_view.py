"""Pack Markdown rendered by Qt, with links that stay inside the app.

A chapter body is Markdown written by teachers (paragraphs, bold, lists, two link kinds).
``QTextBrowser.setMarkdown`` renders it; the browser never follows a link itself: a
``glossary:id`` link asks for the term, a ``source:id`` link for the source, and any
other scheme is dropped (the app is offline and a kiosk must offer no way out). The view
grows with its text instead of scrolling, so the screen's one scroll area moves it all.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from zusammenleben.ui.link_spots import LinkSpot

log = logging.getLogger(__name__)

IN_APP_SCHEMES = ("glossary", "source")
LINE_HEIGHT_PERCENT = 145  # museum-label spacing: easier to follow a line from 3 m away


def parse_link(url: QUrl | str) -> tuple[str, str] | None:
    """``("glossary", "vlaams-belang")`` for an in-app link, None for anything else."""
    text = url.toString() if isinstance(url, QUrl) else str(url)
    scheme, _colon, target = text.partition(":")
    if not _colon or scheme not in IN_APP_SCHEMES or not target or "/" in target:
        return None
    return scheme, target


class MarkdownView(QTextBrowser):
    """Read-only Markdown that is exactly as tall as its text and emits in-app link requests."""

    termActivated = Signal(str)
    sourceActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setStyleSheet("QTextBrowser { background: transparent; border: none; }")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.document().setDocumentMargin(0)
        self.anchorClicked.connect(self._on_anchor)
        self.document().documentLayout().documentSizeChanged.connect(self._on_document_size)
        # the text itself is no Tab stop (its focus showed nothing): each link is one (``link_spots``)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.spots: list[LinkSpot] = []  # the current text's (a prefix of the pool)
        self._spot_pool: list[LinkSpot] = []
        #: what a link's spot tells a screen reader about where it leads: ``describe(scheme) -> text``
        self.describe_link = lambda _scheme: ""
        self._markdown = ""
        self.link_colour: str | None = None
        self.layouts_measured = 0  # layouts of a copy for another width (tests count them)

    def set_link_colour(self, colour: str) -> None:
        """Links in the accent colour (Qt's default blue is a second accent and fails on dark themes)."""
        self.link_colour = colour
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Link, QColor(colour))
        palette.setColor(QPalette.ColorRole.LinkVisited, QColor(colour))
        self.setPalette(palette)
        for spot in self.spots:
            spot.ring_colour = colour

    def follow_theme(self, state) -> None:
        """Links in the active theme's accent, now and after every theme switch (``state.themeChanged``)."""
        self.set_link_colour(state.theme.accent)
        state.themeChanged.connect(self._on_theme)

    def _on_theme(self, theme) -> None:
        self.set_link_colour(theme.accent)
        if self.markdown():
            self.set_markdown(self.markdown())  # links are coloured when the text is set

    # -- content ------------------------------------------------------------------------------------
    def set_paragraphs(self, paragraphs: list[str] | tuple[str, ...]) -> None:
        """Show Markdown paragraphs (already translated), one blank line between them."""
        self.set_markdown("\n\n".join(paragraphs))

    def set_markdown(self, text: str) -> None:
        self._markdown = text
        self._clear_spots()  # their positions belong to the old text
        self.setMarkdown(text)
        self._space_lines()
        self._rebuild_spots()
        self.updateGeometry()

    def markdown(self) -> str:
        return self._markdown

    def links(self) -> list[str]:
        """Every link target in the rendered document, in reading order (tests and keyboard users)."""
        targets: list[str] = []
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                href = fragment.charFormat().anchorHref()
                if href and (not targets or targets[-1] != href):
                    targets.append(href)
                iterator += 1
            block = block.next()
        return targets

    def activate_link(self, target: str) -> None:
        """What a click on a link does; public so keyboard handling and tests share one path."""
        self._on_anchor(QUrl(target))

    # -- geometry -----------------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        # layouts ask this many times per pass; a clone and layout of the document each time made a
        # language switch slow (benchmarks/language_switch.py), so each width is measured once per text
        document = self.document()
        key = (width, document.revision(), self.font().key(), document.defaultFont().key(), self.frameWidth())
        cache = self.__dict__.setdefault("_height_cache", {})
        height = cache.get(key)
        text_width = max(1, width - 2 * self.frameWidth())
        if height is None and abs(document.textWidth() - text_width) < 0.5:
            # the view's own width: the document is laid out for it anyway (painting needs it), so
            # no second layout of a possibly long text
            height = math.ceil(document.size().height()) + 2 * self.frameWidth()
            cache[key] = height
        if height is None:
            self.layouts_measured += 1
            clone = document.clone(self)
            clone.setTextWidth(text_width)
            height = math.ceil(clone.size().height()) + 2 * self.frameWidth()
            # setParent(None) hands the clone to Python, which frees it here. deleteLater left a dead
            # wrapper in PySide's child list of the view each time; clone() without a parent is never
            # freed at all (benchmarks/soak_kind.py "language")
            clone.setParent(None)
            del clone
            if len(cache) > 64:
                cache.clear()
            cache[key] = height
        return height

    def sizeHint(self) -> QSize:  # noqa: N802
        width = max(self.width(), 320)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, self.heightForWidth(max(self.width(), 160)))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_spots()
        wanted = self.heightForWidth(event.size().width())
        if wanted != self.height():
            self.updateGeometry()

    # -- link spots ---------------------------------------------------------------------------------
    def link_runs(self) -> list[tuple[int, int, str, str]]:
        """``(start, end, href, text)`` of every link in the document, adjacent fragments joined."""
        runs: list[tuple[int, int, str, str]] = []
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                href = fragment.charFormat().anchorHref()
                start, end = fragment.position(), fragment.position() + fragment.length()
                if href:
                    if runs and runs[-1][2] == href and runs[-1][1] == start:
                        first, _end, _href, text = runs[-1]
                        runs[-1] = (first, end, href, text + fragment.text())
                    else:
                        runs.append((start, end, href, fragment.text()))
                iterator += 1
            block = block.next()
        return runs

    def _clear_spots(self) -> None:
        for spot in self.spots:
            spot.hide()
        self.spots = []

    def _rebuild_spots(self) -> None:
        """A spot per in-app link, from a pool that is kept: a new text reuses the spots of the old.

        Building new spots for every text made a signal connection each time, and PySide 6.11 keeps
        ~0.1-0.2 KB of every connection after its sender is deleted (benchmarks/pyside_connection_leak.py):
        a kiosk turning chapters for weeks added it up.
        """
        self._clear_spots()
        for start, end, href, text in self.link_runs():
            link = parse_link(href)
            if link is None:
                continue  # a link out of the app does nothing: no stop for it either
            if len(self.spots) < len(self._spot_pool):
                spot = self._spot_pool[len(self.spots)]
                spot.set_link(href, text.strip() or link[1])
            else:
                spot = LinkSpot(href, text.strip() or link[1], self.viewport())
                spot.clicked.connect(lambda _checked=False, owner=spot: self.activate_link(owner.href))
                self._spot_pool.append(spot)
            spot.setAccessibleDescription(self.describe_link(link[0]))
            spot.ring_colour = self.link_colour or spot.ring_colour
            spot.span = (start, end)
            self.spots.append(spot)
            spot.show()
        # new widgets join the end of the window's focus chain: put the links where the text is
        previous = self.previousInFocusChain()  # setTabOrder skips a first widget that takes no focus
        while previous is not self and not (previous.focusPolicy() & Qt.FocusPolicy.TabFocus):
            previous = previous.previousInFocusChain()
        for spot in self.spots:
            QWidget.setTabOrder(previous, spot)
            previous = spot
        self._place_spots()

    def _on_document_size(self, _size) -> None:
        self.updateGeometry()
        self._place_spots()

    def _place_spots(self) -> None:
        """Lay each spot over its link's first line (a link that wraps keeps its start)."""
        if not self.spots:
            return
        for spot in self.spots:
            start, end = spot.span
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            first = self.cursorRect(cursor)
            cursor.setPosition(end)
            last = self.cursorRect(cursor)
            right = last.left() if last.top() == first.top() else self.viewport().width()
            spot.place(QRect(first.left(), first.top(), max(8, right - first.left()), first.height()))

    # -- internals ----------------------------------------------------------------------------------
    def _space_lines(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block_format)
        self._space_paragraphs()
        if self.link_colour:
            self._colour_links(QColor(self.link_colour))

    def _space_paragraphs(self) -> None:
        """A blank half line after each paragraph (not between list items), as on a printed label."""
        gap = round(self.fontMetrics().height() * 0.6)
        block = self.document().begin()
        while block.isValid():
            following = block.next()
            in_list = block.textList() is not None
            next_in_list = following.isValid() and following.textList() is not None
            if not (in_list and next_in_list):
                cursor = QTextCursor(block)
                block_format = QTextBlockFormat()
                block_format.setBottomMargin(gap)
                cursor.mergeBlockFormat(block_format)
            block = following

    def _colour_links(self, colour: QColor) -> None:
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().isAnchor():
                    cursor = QTextCursor(self.document())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    char_format = QTextCharFormat()
                    char_format.setForeground(colour)
                    cursor.mergeCharFormat(char_format)
                iterator += 1
            block = block.next()

    def _on_anchor(self, url: QUrl) -> None:
        link = parse_link(url)
        if link is None:
            log.info("ignored a link outside the app: %s", url.toString())
            return
        scheme, target = link
        if scheme == "glossary":
            self.termActivated.emit(target)
        else:
            self.sourceActivated.emit(target)
