"""Helpers to break a copied pack and read back the formatted problems."""

from __future__ import annotations

from pathlib import Path

from zusammenleben.content import load_pack

EXAMPLE_PACK = Path(__file__).resolve().parents[1] / "data" / "example_pack"


def line_of(root: Path, rel: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing ``needle`` (found by plain search, not by the scanner)."""
    seen = 0
    for number, line in enumerate((root / rel).read_text("utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in {rel}")


def replace(root: Path, rel: str, old: str, new: str, occurrence: int = 1) -> int:
    """Replace the n-th occurrence of ``old``; returns the line it was on."""
    path = root / rel
    text = path.read_text("utf-8")
    start = -1
    for _ in range(occurrence):
        start = text.index(old, start + 1)
    path.write_text(text[:start] + new + text[start + len(old) :], "utf-8")
    return text.count("\n", 0, start) + 1


def append(root: Path, rel: str, text: str) -> int:
    """Append text; returns the line number of its first line."""
    path = root / rel
    old = path.read_text("utf-8")
    if not old.endswith("\n"):
        old += "\n"
    path.write_text(old + text, "utf-8")
    return old.count("\n") + 1


def problems(root: Path) -> list[str]:
    result = load_pack(root)
    assert (result.pack is None) == bool(result.errors)
    return [error.format() for error in result.errors]
