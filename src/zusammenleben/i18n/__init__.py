"""Languages: gettext catalogs, locale formatting (both Qt-free) and the live current language (Qt).

Import the submodules directly; this package imports nothing so that ``catalogs`` and
``formatting`` stay usable without PySide6 (the command line, the content checks, tests).
"""
