"""Zusammenleben: Mechelen since 2001, told as a guided bilingual timeline."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__`` on first use: importlib.metadata costs ~11 ms of every start-up (issue 19)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("zusammenleben")
    except metadata.PackageNotFoundError:  # running from a checkout without install
        version = "0.0.0+checkout"
    globals()["__version__"] = version
    return version
