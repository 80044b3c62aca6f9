"""No German shows in Dutch mode and no Dutch in German mode, on any screen of the real window.

The catalogs can be complete while a widget still shows a string it computed once, before a
language switch, or a literal that never went through gettext. This test reads what the
widgets actually show after switching, and looks for texts that exist only in the other
language's catalog.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from zusammenleben.i18n.catalogs import read_catalog

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
_TAGS = re.compile(r"<[^>]+>")


def _kept() -> list[str]:
    """Texts both languages show alike (source titles cited as published, names), longest first.

    A German title shown in Dutch keeps its German words and adds a translation in brackets:
    the German part is kept too.
    """
    kept = {m.id for m in read_catalog(TRANSLATIONS / "nl" / "LC_MESSAGES" / "content.po", "nl")
            if m.id and isinstance(m.id, str) and isinstance(m.string, str)
            and (m.string == m.id or m.string.startswith(m.id + " ("))}
    return sorted(kept, key=len, reverse=True)


def _pairs() -> list[tuple[str, str]]:
    """(German, Dutch) for every message whose two translations differ."""
    pairs = []
    for domain in ("zusammenleben", "content"):
        german_catalog = read_catalog(TRANSLATIONS / "de" / "LC_MESSAGES" / f"{domain}.po", "de")
        german = {m.id: m.string for m in german_catalog if m.id and isinstance(m.id, str)}
        for message in read_catalog(TRANSLATIONS / "nl" / "LC_MESSAGES" / f"{domain}.po", "nl"):
            if not message.id or not isinstance(message.id, str):
                continue
            de, nl = german.get(message.id, ""), message.string
            if de and nl and de != nl:
                pairs.append((de, nl))
    return pairs


def _only_in(pairs: list[tuple[str, str]], lang: str) -> set[str]:
    """Texts of ``lang`` that the other language never uses: long enough to be unmistakable."""
    mine = {de if lang == "de" else nl for de, nl in pairs}
    theirs = {nl if lang == "de" else de for de, nl in pairs}
    return {text for text in mine - theirs if len(text) >= 12 and "%(" not in text and "\n" not in text}


def _shown_texts(window: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel):
            texts.append(_TAGS.sub("", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models hide columnCount: one column
                columns = 1
            for row in range(min(model.rowCount(QModelIndex()), 60)):
                for column in range(columns):
                    value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        texts.append(value)
            for column in range(columns):
                value = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    texts.append(value)
        texts += [widget.toolTip(), widget.accessibleName()]
    return [text for text in texts if text]


@pytest.mark.parametrize(("start", "shown"), [("de", "nl"), ("nl", "de")])
def test_no_text_of_the_other_language_after_a_switch(build_app, start, shown):
    parts = build_app(lang=start)
    window, context = parts.window, parts.context
    context.language.set_language(shown)
    foreign = _only_in(_pairs(), "nl" if shown == "de" else "de")
    assert len(foreign) > 100, "the catalogs give enough distinct texts to look for"
    kept = _kept()
    leaks: dict[str, str] = {}
    for key in list(window.screens):
        context.state.set_screen(key)
        for chapter in (0, context.state.chapter_count - 1):
            context.state.set_chapter(chapter)
            QApplication.processEvents()
            blob = "\n".join(_shown_texts(window))
            for text in kept:  # cited titles may contain words of the other language
                blob = blob.replace(text, " ")
            for text in foreign:
                if text in blob:
                    leaks.setdefault(text, key)
    assert not leaks, f"{shown} mode shows text of the other language: " + "; ".join(
        f"{text[:60]!r} on {key}" for text, key in list(leaks.items())[:10]
    )


def test_the_scan_finds_a_forgotten_label(build_app):
    """The check above can fail: a label left in German is found in Dutch mode."""
    parts = build_app(lang="nl")
    german = sorted(_only_in(_pairs(), "de"), key=len)[0]
    stray = QLabel(german, parts.window.screens["story"])
    stray.show()
    assert german in "\n".join(_shown_texts(parts.window))
