"""Kiosk (exhibition) mode: the app unattended on a touch screen in a museum.

The package splits into a Qt-free core (``config``: kiosk.toml, ``pin``: PIN hashes and the
``python -m zusammenleben.modes.kiosk.pin`` tool, ``stats``: the usage log in SQLite, ``gesture``:
the hidden admin gesture) and the Qt layer that ``controller.install_kiosk`` wires into
the main window. This ``__init__`` imports nothing so that the core stays Qt-free.
"""
