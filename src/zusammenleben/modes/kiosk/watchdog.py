"""systemd's watchdog: "still alive" from the event loop, so a hung UI is restarted too.

``Restart=always`` restarts a kiosk that exits, but not one whose event loop hangs (a frozen
screen in a museum). With ``WatchdogSec=`` in the unit, systemd sets ``NOTIFY_SOCKET`` and
``WATCHDOG_USEC`` and kills and restarts the service when no ``WATCHDOG=1`` arrives in time.
The pings come from a ``QTimer``, i.e. from the event loop itself: when the loop blocks, the
pings stop, which is the point. ``READY=1`` is sent once the kiosk is up (``Type=notify``).

The protocol is one datagram per message on a Unix socket (``sd_notify(3)``); the standard
library's ``socket`` speaks it, so there is no dependency on libsystemd or a Python binding.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def notify_address(environ: Mapping[str, str]) -> str | bytes | None:
    """``NOTIFY_SOCKET`` as a socket address: a path, or ``@name`` for Linux's abstract namespace."""
    address = environ.get("NOTIFY_SOCKET", "")
    if not address or not (address.startswith("/") or address.startswith("@")):
        return None
    return "\0" + address[1:] if address.startswith("@") else address


def send_notification(address: str | bytes, message: str) -> bool:
    """One ``sd_notify`` datagram; False (logged once by the caller) when it cannot be sent."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode("ascii"))
        return True
    except OSError:
        return False


class Watchdog(QObject):
    """Sends ``READY=1`` once and ``WATCHDOG=1`` every half watchdog interval, from the event loop."""

    def __init__(self, address: str | bytes, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.address = address
        self.sent = 0
        self.pinging = interval_ms > 0  # False: systemd wants READY=1 only, no watchdog
        self._failed = False
        self.timer = QTimer(self)
        self.timer.setInterval(max(10, interval_ms))
        self.timer.timeout.connect(self.ping)

    @classmethod
    def from_environment(cls, parent: QObject | None = None,
                         environ: Mapping[str, str] | None = None) -> Watchdog | None:
        """The watchdog systemd asked for (``NOTIFY_SOCKET``, ``WATCHDOG_USEC``, ``WATCHDOG_PID``), or None."""
        environ = os.environ if environ is None else environ
        address = notify_address(environ)
        if address is None:
            return None
        pid = environ.get("WATCHDOG_PID", "")
        if pid and pid != str(os.getpid()):
            return None  # meant for another process (a wrapper script)
        try:
            usec = int(environ.get("WATCHDOG_USEC", "0"))
        except ValueError:
            usec = 0
        # no watchdog interval: only READY=1 is sent (the timer never starts)
        return cls(address, usec // 2000 if usec > 0 else 0, parent)

    def start(self) -> None:
        self._send("READY=1")
        if self.pinging:
            self.ping()
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._send("STOPPING=1")

    def ping(self) -> None:
        if self._send("WATCHDOG=1"):
            self.sent += 1

    def _send(self, message: str) -> bool:
        ok = send_notification(self.address, message)
        if not ok and not self._failed:
            self._failed = True
            log.warning("kiosk: cannot notify systemd at %s", self.address)
        return ok
