"""The Windows build's inputs and its bundle check, without Wine (runs in `make test`).

The Wine bridges (packaging/windows/wine/) exist only for the check under Wine; these tests make sure
the bundle check refuses them, that the Windows wheels are the versions pyproject.toml pins, and, when
`make windows` has built dist/windows/zusammenleben/, that the real bundle passes the check.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WINDOWS = REPO / "packaging" / "windows"
sys.path.insert(0, str(WINDOWS))

import check_bundle  # noqa: E402
from version_info import version_tuple  # noqa: E402

GOOD = [*sorted(check_bundle.REQUIRED), "_internal/PySide6/Qt6Core.dll", "_internal/numpy/_core/_multiarray_umath.pyd"]


def test_a_complete_bundle_passes():
    assert check_bundle.problems_in(GOOD) == []


@pytest.mark.parametrize("bridge", ["icuuc.dll", "ucrtbase.dll", "ucrtwine.dll", "ICUUC.DLL"])
@pytest.mark.parametrize("folder", ["", "_internal/", "_internal/PySide6/"])
def test_a_wine_bridge_anywhere_in_the_bundle_fails(bridge, folder):
    problems = check_bundle.problems_in([*GOOD, folder + bridge])
    assert len(problems) == 1 and bridge in problems[0]


def test_every_bridge_built_by_bridges_sh_is_refused():
    """A new bridge added to bridges.sh must be added to the check's list too."""
    script = (WINDOWS / "wine" / "bridges.sh").read_text(encoding="utf-8")
    built = set(re.findall(r'"\$OUT/([a-z0-9_]+\.dll)"', script))
    assert built == set(check_bundle.BRIDGES)


@pytest.mark.parametrize(
    "intruder",
    ["_internal/pytest/__init__.pyc", "_internal/hypothesis/core.py", "_internal/winex11.drv",
     "_internal/libQt6Core.so.6", "_internal/api-ms-win-crt-math-l1-1-0.dll"],
)
def test_test_tools_wine_files_and_linux_libraries_fail(intruder):
    assert check_bundle.problems_in([*GOOD, intruder])


@pytest.mark.parametrize("licence", ["LICENSE.txt", "licenses/Qt-PySide6/LGPL-3.0.txt", "THIRD_PARTY_NOTICES.nl.md"])
def test_a_missing_licence_fails(licence):
    problems = check_bundle.problems_in([name for name in GOOD if name != licence])
    assert problems == [f"missing from the bundle: {licence}"]


def test_test_modules_inside_the_python_archive_fail(tmp_path):
    toc = tmp_path / "PYZ-00.toc"
    toc.write_text("[('zusammenleben.app', 'x', 'PYMODULE'), ('_pytest.main', 'y', 'PYMODULE')]", encoding="utf-8")
    assert check_bundle.pyz_problems(toc) == ["test/build module inside the bundled Python archive: _pytest"]
    toc.write_text("[('zusammenleben.app', 'x', 'PYMODULE'), ('pydoc', 'y', 'PYMODULE')]", encoding="utf-8")
    assert check_bundle.pyz_problems(toc) == []


def _pins(text: str) -> dict[str, str]:
    return {name.lower().replace("_", "-"): spec for name, spec in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


def test_windows_wheels_are_the_versions_pyproject_pins():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _pins("\n".join(project["dependencies"] + project["optional-dependencies"]["packaging"]))
    pinned = _pins((WINDOWS / "requirements.txt").read_text(encoding="utf-8"))
    for name, spec in wanted.items():
        assert name in pinned, f"{name} is not in packaging/windows/requirements.txt"
        assert re.fullmatch(spec.replace(".", r"\.").replace("*", r".*"), pinned[name]), (name, spec, pinned[name])


def test_every_windows_wheel_is_pinned_with_a_hash():
    lines = [line for line in (WINDOWS / "requirements.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines and all(re.search(r"==\S+ --hash=sha256:[0-9a-f]{64}$", line) for line in lines)


@pytest.mark.parametrize(("version", "numbers"), [("0.1.0", (0, 1, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)),
                                                  ("2.0rc1", (2, 0, 0, 0)), ("3", (3, 0, 0, 0))])
def test_the_version_resource_numbers(version, numbers):
    assert version_tuple(version) == numbers


@pytest.mark.skipif(not (check_bundle.BUNDLE / "zusammenleben.exe").is_file(),
                    reason="no Windows bundle: run `make windows`")
def test_the_built_windows_bundle_passes_the_check():
    files = check_bundle.file_list(check_bundle.BUNDLE)
    assert check_bundle.problems_in(files) == []
    lowered = {Path(name).name.lower() for name in files}
    assert not lowered & set(check_bundle.BRIDGES)
