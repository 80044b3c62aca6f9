"""A fresh pack made by ``new-pack``, with a second chapter so a reload can keep the reader in chapter 2."""

from __future__ import annotations

from pathlib import Path

from zusammenleben.content.newpack import create_pack

SECOND_CHAPTER = '''
[[chapter]]
id = "heute"
years = "2010/2020"
title = "Die Stadt heute"
lead = "Was heute anders ist."
body = "chapters/02-heute.md"
indicators = ["einwohner"]
sources = ["stadtchronik"]
'''

SECOND_BODY = "\n\n".join(f"Absatz {n}: Hier steht ein längerer Text über die Stadt heute, damit man "
                          f"scrollen kann. Die Stadt wächst, neue Nachbarn ziehen ein." for n in range(1, 40))


def new_pack(folder: Path, chapters: int = 2) -> Path:
    """``new-pack`` output; with ``chapters=2`` a long second chapter is appended."""
    created = create_pack(folder, "Unsere Stadt", ("de", "nl"), 2001).folder
    if chapters == 2:
        toml = created / "chapters.toml"
        toml.write_text(toml.read_text(encoding="utf-8") + SECOND_CHAPTER, encoding="utf-8")
        (created / "chapters" / "02-heute.md").write_text(SECOND_BODY + "\n", encoding="utf-8")
    return created


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
