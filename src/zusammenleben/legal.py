"""The licence notices the About screen shows, read once by the composition root.

The notices are data (``resources/legal/THIRD_PARTY_NOTICES[.<lang>].md``), written by
people, translated as whole files rather than through gettext: legal text is reviewed as a
document, not sentence by sentence. Widgets never open files, so ``app.py`` reads them here
and hands them over through the ``UiContext``. No Qt import: the CLI and tests use it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zusammenleben.paths import legal_dir

NOTICES_STEM = "THIRD_PARTY_NOTICES"


@dataclass(frozen=True)
class LegalTexts:
    """The notices per language code; ``notices("nl")`` falls back to the untranslated (English) file."""

    by_language: dict[str, str] = field(default_factory=dict)
    fallback: str = ""

    def notices(self, code: str) -> str:
        return self.by_language.get(code) or self.fallback


def notices_file(code: str, folder: Path | None = None) -> Path:
    """``THIRD_PARTY_NOTICES.nl.md`` for ``nl``; the plain ``.md`` is the English original."""
    folder = folder or legal_dir()
    return folder / f"{NOTICES_STEM}.{code}.md"


def load_legal_texts(codes: tuple[str, ...] = ("de", "nl"), folder: Path | None = None) -> LegalTexts:
    """Read the notices for ``codes``; a missing file leaves that language on the English text.

    Never raises for a missing file: the About screen then says the notices are missing,
    and the bundle smoke test (which checks the files) catches it before a release.
    """
    folder = folder or legal_dir()
    texts = {}
    for code in codes:
        path = notices_file(code, folder)
        if path.is_file():
            texts[code] = path.read_text(encoding="utf-8")
    original = folder / f"{NOTICES_STEM}.md"
    fallback = original.read_text(encoding="utf-8") if original.is_file() else ""
    return LegalTexts(texts, fallback)
