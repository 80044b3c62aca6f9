"""Zusammenleben: Mechelen since 2001, told as a guided bilingual timeline."""

from importlib import metadata

try:
    __version__ = metadata.version("zusammenleben")
except metadata.PackageNotFoundError:  # running from a checkout without install
    __version__ = "0.0.0+checkout"
