"""Smoke tests of the frozen program in dist/ (``make bundle``, then ``make bundle-test``).

The bundle runs in a clean environment (like ``env -i``): only HOME (a temporary folder),
PATH=/usr/bin:/bin, QT_QPA_PLATFORM=offscreen and LANG=C.UTF-8, so nothing from the
developer's virtualenv or shell can hide a file or module missing from the bundle.
Skipped when the bundle has not been built; ``make test`` runs them whenever it has.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "dist" / "zusammenleben"
PROGRAM = BUNDLE / ("zusammenleben.exe" if sys.platform == "win32" else "zusammenleben")
INTERNAL = BUNDLE / "_internal"
BAD_SIGNS = ("ImportError", "ModuleNotFoundError", "No such file", "Traceback", "Fatal Python error")

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not PROGRAM.exists(), reason="no bundle in dist/zusammenleben: run `make bundle`"),
]


def _clean_env(home: Path) -> dict[str, str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    if sys.platform == "win32":  # Windows needs its system folders to start any program
        env.update({key: os.environ[key] for key in ("SYSTEMROOT", "TEMP", "TMP", "USERPROFILE") if key in os.environ})
    return env


def _run(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(PROGRAM), *args], env=_clean_env(home), capture_output=True, text=True,
                          timeout=timeout, cwd=home)


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_self_test_passes_in_a_clean_environment(tmp_path, lang):
    started = time.perf_counter()
    result = _run(tmp_path, "--self-test", "--lang", lang)
    seconds = time.perf_counter() - started
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"exit {result.returncode}:\n{output}"
    assert "self-test ok" in result.stdout, output
    for sign in BAD_SIGNS:
        assert sign not in output, f"{sign!r} in the output:\n{output}"
    print(f"bundle --self-test --lang {lang}: {seconds:.2f} s")


def test_the_log_shows_no_missing_file(tmp_path):
    """Catalogs, Qt's translations and the pack are found: the app logs a warning when one is missing."""
    assert _run(tmp_path, "--self-test", "--lang", "nl").returncode == 0
    logs = list(tmp_path.rglob("zusammenleben.log"))
    assert logs, "the app wrote no log under HOME"
    text = "\n".join(log.read_text(encoding="utf-8") for log in logs)
    for sign in ("is missing", "was not found", "cannot be read", "cannot be loaded", *BAD_SIGNS):
        assert sign not in text, f"{sign!r} in the log:\n{text}"


def test_version_and_dutch_help(tmp_path):
    from zusammenleben import __version__

    version = _run(tmp_path, "--version", timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"zusammenleben {__version__}"
    helptext = _run(tmp_path, "--help", "--lang", "nl", timeout=60)
    assert helptext.returncode == 0
    assert "opties" in helptext.stdout.lower(), helptext.stdout  # the UI catalog inside the bundle


def test_validate_command_checks_the_built_in_pack(tmp_path):
    pack = INTERNAL / "zusammenleben" / "resources" / "packs" / "mechelen"
    result = _run(tmp_path, "validate", str(pack), timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_bundle_carries_licences_notices_and_only_the_shipped_languages():
    for name in ("LICENSE.txt", "THIRD_PARTY_NOTICES.md", "THIRD_PARTY_NOTICES.de.md", "THIRD_PARTY_NOTICES.nl.md",
                 "licenses/Qt-PySide6/LGPL-3.0.txt", "licenses/Qt-PySide6/GPL-3.0.txt",
                 "licenses/pyqtgraph/LICENSE.txt", "licenses/Babel/LICENSE", "licenses/numpy/LICENSE.txt",
                 "licenses/Python/LICENSE.txt"):
        assert (BUNDLE / name).is_file(), name
    assert "MIT License" in (BUNDLE / "LICENSE.txt").read_text(encoding="utf-8")
    qms = sorted(p.name for p in INTERNAL.rglob("*.qm"))
    assert qms == ["qtbase_de.qm", "qtbase_nl.qm"]
    locales = sorted(p.stem for p in (INTERNAL / "babel" / "locale-data").glob("*.dat"))
    assert locales == sorted(["de", "de_DE", "en", "nl", "nl_BE", "root"])
    mos = sorted(p.relative_to(INTERNAL).as_posix() for p in INTERNAL.rglob("*.mo"))
    assert mos == [f"zusammenleben/translations/{lang}/LC_MESSAGES/{domain}.mo"
                   for lang in ("de", "nl") for domain in ("content", "zusammenleben")]
    assert (INTERNAL / "zusammenleben" / "resources" / "packs" / "mechelen" / "pack.toml").is_file()
    assert not list(INTERNAL.rglob("*qgtk3*")) and not list(INTERNAL.rglob("*QtQml*"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .tar.gz is built on Linux")
def test_linux_tarball_has_the_bundle_and_desktop_files():
    from zusammenleben import __version__

    tarball = REPO / "dist" / f"zusammenleben-{__version__}-linux-x86_64.tar.gz"
    if os.uname().machine != "x86_64":
        tarball = tarball.with_name(tarball.name.replace("x86_64", os.uname().machine))
    assert tarball.is_file(), f"{tarball.name} missing"
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
        program = archive.getmember("zusammenleben/zusammenleben")
    assert program.mode & 0o111
    for name in ("zusammenleben/linux/install.sh", "zusammenleben/linux/io.github.zusammenleben.Zusammenleben.desktop",
                 "zusammenleben/linux/io.github.zusammenleben.Zusammenleben.metainfo.xml",
                 "zusammenleben/THIRD_PARTY_NOTICES.md", "zusammenleben/LICENSE.txt"):
        assert name in names, name
    unit = REPO / "packaging" / "linux" / "zusammenleben-kiosk.service"
    if unit.exists():
        assert "zusammenleben/linux/zusammenleben-kiosk.service" in names
