"""Policies over the same widgets: classroom (presenter) and kiosk (exhibition), beside the plain window.

``classroom/`` and ``kiosk/`` attach to the main window only through its host API
(``docs/architecture.md``); the composition root keeps their controllers. ``Mode`` itself is
defined in ``zusammenleben.core.mode`` (the state and the views read it) and named here too.
"""

from zusammenleben.core.mode import Mode

__all__ = ["Mode"]
