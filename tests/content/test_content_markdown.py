"""Paragraph splitting (translation units) and link finding in chapter bodies."""

from __future__ import annotations

from zusammenleben.content.markdown import Link, find_links, split_paragraphs, split_target


def test_paragraphs_with_lines():
    text = "\n\nErster Absatz\nzweite Zeile   \n\n   \n- a\n- b\n\nLetzter"
    assert [(p.line, p.text) for p in split_paragraphs(text)] == [
        (3, "Erster Absatz\nzweite Zeile"),
        (7, "- a\n- b"),
        (10, "Letzter"),
    ]


def test_links():
    text = 'a [x](glossary:integration) b\n[y](source:somers-oped "Titel") and ![i](bild.png)'
    assert list(find_links(text)) == [
        Link(1, "glossary:integration"),
        Link(2, "source:somers-oped"),
        Link(2, "bild.png", is_image=True),
    ]
    assert split_target("glossary:integration") == ("glossary", "integration")
    assert split_target("https://x") == ("", "https://x")


def test_bare_web_address_inside_a_link_is_reported_once():
    assert list(find_links("[a](https://x.org/p)")) == [Link(1, "https://x.org/p")]
