"""The admin PIN: stored only as a salted PBKDF2 hash, checked in constant time (no Qt).

kiosk.toml lies on a machine that visitors stand in front of; a PIN written in clear
text would be one screwdriver away. ``pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>``
makes a stolen file costly to use. A plain unsalted SHA-256 (``pin_sha256``) is accepted
for technicians who make the hash with other tools, and documented as the weaker choice.

``python -m zusammenleben.modes.kiosk.pin`` asks for a PIN twice and prints the line to paste.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import hmac
import re
import secrets
import sys
import time
from collections.abc import Callable, Sequence

SCHEME = "pbkdf2-sha256"
SHA256_SCHEME = "sha256"
DEFAULT_ITERATIONS = 200_000
MIN_ITERATIONS, MAX_ITERATIONS = 1_000, 5_000_000  # bounded: a forged file must not hang the PIN pad
MIN_DIGITS, MAX_DIGITS = 4, 12
MAX_LOCK_SECONDS = 60.0

_PBKDF2 = re.compile(r"pbkdf2-sha256\$([0-9]{4,7})\$([0-9a-f]{16,128})\$([0-9a-f]{64})")
_SHA256 = re.compile(r"sha256\$([0-9a-f]{64})")
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def is_valid_pin(pin: str) -> bool:
    """4 to 12 ASCII digits (what the PIN pad can type)."""
    return MIN_DIGITS <= len(pin) <= MAX_DIGITS and all(char in "0123456789" for char in pin)


def hash_pin(pin: str, *, iterations: int = DEFAULT_ITERATIONS, salt: bytes | None = None) -> str:
    """The stored form of ``pin``; raises ValueError for a PIN the pad could not type."""
    if not is_valid_pin(pin):
        raise ValueError(f"a PIN has {MIN_DIGITS} to {MAX_DIGITS} digits")
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        raise ValueError(f"iterations must lie between {MIN_ITERATIONS} and {MAX_ITERATIONS}")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations)
    return f"{SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def sha256_hash(hex_digest: str) -> str | None:
    """``pin_sha256 = "<64 hex digits>"`` in the stored form, or None if it is not 64 hex digits."""
    hex_digest = hex_digest.strip()
    return f"{SHA256_SCHEME}${hex_digest.lower()}" if _HEX64.fullmatch(hex_digest) else None


def is_valid_hash(stored: str) -> bool:
    """Whether ``stored`` is a hash this module can check (with iterations in the allowed range)."""
    match = _PBKDF2.fullmatch(stored)
    if match:
        return MIN_ITERATIONS <= int(match.group(1)) <= MAX_ITERATIONS
    return _SHA256.fullmatch(stored) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """True if ``pin`` matches ``stored``; False for a wrong PIN or an unusable hash (never raises)."""
    if not stored or not is_valid_pin(pin) or not is_valid_hash(stored):
        return False
    match = _PBKDF2.fullmatch(stored)
    if match:
        iterations, salt, expected = int(match.group(1)), bytes.fromhex(match.group(2)), match.group(3)
        digest = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations).hex()
    else:
        expected = stored.split("$", 1)[1]
        digest = hashlib.sha256(pin.encode("ascii")).hexdigest()
    return hmac.compare_digest(digest, expected)


def backoff_seconds(failures: int) -> float:
    """How long the PIN pad stays locked after ``failures`` wrong PINs in a row: 1, 2, 4 … 60 s."""
    return 0.0 if failures <= 0 else min(MAX_LOCK_SECONDS, 2.0 ** min(failures - 1, 16))


class PinGuard:
    """Checks PINs against the stored hash with a growing lock after each wrong one.

    The guard outlives the PIN pad (closing and reopening it does not reset the lock);
    ``clock`` is injectable so tests need not wait.
    """

    def __init__(self, stored: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.stored = stored if is_valid_hash(stored) else ""
        self.clock = clock
        self.failures = 0
        self._locked_until = 0.0

    @property
    def configured(self) -> bool:
        return bool(self.stored)

    def seconds_locked(self) -> float:
        return max(0.0, self._locked_until - self.clock())

    def try_pin(self, pin: str) -> bool:
        """True for the right PIN; a wrong one (or any PIN while locked) is False and extends the lock."""
        if self.seconds_locked() > 0:
            return False
        if self.configured and verify_pin(pin, self.stored):
            self.failures = 0
            return True
        self.failures += 1
        self._locked_until = self.clock() + backoff_seconds(self.failures)
        return False


# -- the command line -------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    """Ask for a PIN twice (or read it from stdin) and print ``pin_hash = "…"`` for kiosk.toml."""
    from zusammenleben.i18n.catalogs import load_translations
    from zusammenleben.i18n.choice import guess_language

    argv = list(sys.argv[1:] if argv is None else argv)
    ui = load_translations("zusammenleben", guess_language(argv)).gettext
    parser = argparse.ArgumentParser(
        prog="python -m zusammenleben.modes.kiosk.pin",
        description=ui("Make the admin PIN hash for kiosk.toml. The PIN itself is never stored."),
    )
    parser.add_argument("--stdin", action="store_true",
                        help=ui("read the PIN from standard input instead of asking twice"))
    parser.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS, help=ui("PBKDF2 rounds"))
    parser.add_argument("--lang", choices=("de", "nl"), help=ui("language of the messages: de or nl"))
    options = parser.parse_args(argv)
    if options.stdin:
        pin = sys.stdin.readline().strip()
    else:
        try:
            pin = getpass.getpass(ui("New admin PIN (4 to 12 digits): "))
            again = getpass.getpass(ui("The same PIN again: "))
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            return 1
        if pin != again:
            print(ui("The two PINs differ; nothing was written."), file=sys.stderr)
            return 1
    if not is_valid_pin(pin):
        print(ui("A PIN has 4 to 12 digits (0–9)."), file=sys.stderr)
        return 1
    if not MIN_ITERATIONS <= options.iterations <= MAX_ITERATIONS:
        limits = {"low": MIN_ITERATIONS, "high": MAX_ITERATIONS}
        print(ui("--iterations must lie between %(low)d and %(high)d.") % limits, file=sys.stderr)
        return 1
    print(ui("Put this line under [admin] in kiosk.toml:"), file=sys.stderr)
    print(f'pin_hash = "{hash_pin(pin, iterations=options.iterations)}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
