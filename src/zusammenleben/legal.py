"""The licence notices the About screen shows, read once by the composition root.

The notices are data (``resources/legal/THIRD_PARTY_NOTICES[.<lang>].md``), written by
people, translated as whole files rather than through gettext: legal text is reviewed as a
document, not sentence by sentence. Widgets never open files, so ``app.py`` reads them here
and hands them over through the ``UiContext``. No Qt import: the CLI and tests use it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zusammenleben.bounded_read import ReadRefusedError, read_text_bounded
from zusammenleben.paths import legal_dir

MAX_NOTICE_BYTES = 4 * 1024 * 1024  # the notices are ~100 KB; an installation is not trusted blindly either


def _read(path: Path) -> str | None:
    """The file's text, or None when it is absent, not a regular file, too large or not UTF-8."""
    try:
        return read_text_bounded(path, MAX_NOTICE_BYTES)
    except (ReadRefusedError, UnicodeDecodeError):
        return None

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
        text = _read(path)
        if text is not None:
            texts[code] = text
    original = folder / f"{NOTICES_STEM}.md"
    fallback = _read(original) or ""
    return LegalTexts(texts, fallback)
