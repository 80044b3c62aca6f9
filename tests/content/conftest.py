"""Fixtures for the content tests: a fresh copy of the example pack to break, one thing at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from content_helpers import EXAMPLE_PACK


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(EXAMPLE_PACK, root)
    return root
