"""Runs two_screen_cases.py in a child pytest whose offscreen platform has two screens (laptop + projector).

The platform's screens are fixed when the QApplication is created, and this session's
QApplication has the default single 800×800 screen; so the two-screen cases run in their
own process (``QT_QPA_PLATFORM=offscreen:configfile=…``) and each case is reported here.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offscreen_screens import LAPTOP, PROJECTOR, config_file

HERE = Path(__file__).resolve().parent

CASES_FILE = HERE / "two_screen_cases.py"
CASES = [node.name for node in ast.parse(CASES_FILE.read_text(encoding="utf-8")).body
         if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]


@pytest.fixture(scope="module")
def child_results(tmp_path_factory) -> tuple[dict[str, str], str]:
    folder = tmp_path_factory.mktemp("two-screens")
    report = folder / "report.xml"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config_file(folder, [LAPTOP, PROJECTOR])}")
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", str(CASES_FILE), "-q", "-p", "no:cacheprovider", f"--junitxml={report}",
         "-o", "addopts="],
        cwd=HERE.parent.parent, env=env, capture_output=True, text=True, timeout=600, check=False)
    output = completed.stdout[-6000:] + completed.stderr[-3000:]
    results: dict[str, str] = {}
    if report.exists():
        for case in ElementTree.parse(report).iter("testcase"):
            outcome = "passed"
            for child in case:
                if child.tag in ("failure", "error"):
                    outcome = "failed"
                elif child.tag == "skipped":
                    outcome = "skipped"
            name = case.get("name", "").split("[")[0]  # a parametrized case passes when all its runs pass
            if results.get(name, "passed") == "passed":
                results[name] = outcome
    return results, output


@pytest.mark.parametrize("case", CASES)
def test_two_screens(child_results, case):
    results, output = child_results
    assert results.get(case) == "passed", f"{case}: {results.get(case)}\n{output}"
