"""The licence notices: present in every shipped language, complete, and read without Qt."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from zusammenleben.legal import LegalTexts, load_legal_texts, notices_file
from zusammenleben.paths import legal_dir

REPO = Path(__file__).resolve().parents[2]
NOTICES = ["THIRD_PARTY_NOTICES.md", "THIRD_PARTY_NOTICES.de.md", "THIRD_PARTY_NOTICES.nl.md"]


def _pins() -> dict[str, str]:
    """``{"pyqtgraph": "0.14.0", "numpy": "2.4", ...}`` from pyproject's runtime dependencies."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for requirement in project["dependencies"]:
        name, _, version = requirement.partition("==")
        pins[name.replace("-Essentials", "")] = version.removesuffix(".*")
    return pins


@pytest.mark.parametrize("name", NOTICES)
def test_notices_name_every_component_with_its_pinned_version(name):
    text = (legal_dir() / name).read_text(encoding="utf-8")
    for component, version in _pins().items():
        row = next((line for line in text.splitlines() if line.startswith(f"| {component}")
                    or line.startswith(f"| Qt for Python: {component}")), None)
        assert row is not None, f"{name}: no row for {component}"
        assert f"| {version} |" in row, f"{name}: {component} is pinned to {version}, the notices say {row}"
    for needed in ("LGPL-3.0", "MIT", "BSD-3-Clause", "Natural Earth", "world-atlas", "_internal/PySide6/Qt/lib",
                   "--self-test", "licenses/Qt-PySide6/LGPL-3.0.txt"):
        assert needed in text, f"{name} does not mention {needed}"


def test_translations_have_the_same_sections_and_table():
    shapes = []
    for name in NOTICES:
        text = (legal_dir() / name).read_text(encoding="utf-8")
        headings = re.findall(r"^#{1,3} ", text, flags=re.MULTILINE)
        rows = [line for line in text.splitlines() if line.startswith("|")]
        steps = re.findall(r"^\d\. ", text, flags=re.MULTILINE)
        shapes.append((len(headings), len(rows), len(steps)))
    assert len(set(shapes)) == 1, dict(zip(NOTICES, shapes, strict=True))


def test_lgpl_and_gpl_texts_are_kept_with_the_notices():
    licences = legal_dir() / "licenses"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in (licences / "GPL-3.0.txt").read_text(encoding="utf-8")


def test_load_reads_each_language_and_falls_back_to_the_original():
    texts = load_legal_texts(("de", "nl", "fr"))
    assert texts.notices("de").startswith("# Lizenzen")
    assert texts.notices("nl").startswith("# Licenties")
    assert texts.notices("fr").startswith("# Licences")  # no French file: the English original


def test_missing_folder_gives_empty_texts_not_an_error(tmp_path):
    texts = load_legal_texts(("de",), folder=tmp_path)
    assert texts == LegalTexts({}, "")
    assert texts.notices("de") == ""
    assert notices_file("nl", tmp_path) == tmp_path / "THIRD_PARTY_NOTICES.nl.md"


def test_legal_module_imports_no_qt():
    code = ("import sys, zusammenleben.legal; "
            "print(','.join(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_a_fifo_or_a_huge_notices_file_is_not_read(tmp_path):
    """Issue 20, fault 4: every file the app reads is checked for type and size before it is read."""
    import os

    from zusammenleben.legal import NOTICES_STEM, load_legal_texts

    (tmp_path / f"{NOTICES_STEM}.md").write_text("# Licences\n", encoding="utf-8")
    os.mkfifo(tmp_path / f"{NOTICES_STEM}.de.md")  # open() of a FIFO without a writer blocked for ever
    with (tmp_path / f"{NOTICES_STEM}.nl.md").open("wb") as handle:
        handle.truncate(2 * 1024**3)
    texts = load_legal_texts(("de", "nl"), tmp_path)
    assert texts.by_language == {} and texts.fallback == "# Licences\n"
