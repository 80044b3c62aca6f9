"""The admin PIN: salted hashes, constant-time checks, a growing lock after wrong PINs, the CLI."""

from __future__ import annotations

import hashlib
import io

import pytest

from zusammenleben.modes.kiosk import pin as pin_module
from zusammenleben.modes.kiosk.pin import PinGuard, backoff_seconds, hash_pin, is_valid_hash, sha256_hash, verify_pin


def test_a_hash_verifies_its_pin_only():
    stored = hash_pin("2468", iterations=1000)
    assert stored.startswith("pbkdf2-sha256$1000$") and is_valid_hash(stored)
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("24680", stored)
    assert "2468" not in stored


def test_every_hash_has_its_own_salt():
    assert hash_pin("1111", iterations=1000) != hash_pin("1111", iterations=1000)


def test_plain_sha256_is_understood():
    stored = sha256_hash(hashlib.sha256(b"97531").hexdigest())
    assert stored is not None and verify_pin("97531", stored) and not verify_pin("97530", stored)
    assert sha256_hash("not hex") is None


@pytest.mark.parametrize("stored", ["", "1234", "pbkdf2-sha256$10$00$" + "0" * 64,
                                    "pbkdf2-sha256$99999999$0011223344556677$" + "0" * 64, "md5$abc"])
def test_unusable_hashes_never_verify(stored):
    assert not is_valid_hash(stored)
    assert not verify_pin("1234", stored)


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", "١٢٣٤"])
def test_pins_the_pad_cannot_type_are_refused(pin):
    with pytest.raises(ValueError):
        hash_pin(pin, iterations=1000)


def test_wrong_pins_lock_the_pad_longer_each_time():
    now = [100.0]
    guard = PinGuard(hash_pin("2468", iterations=1000), clock=lambda: now[0])
    assert [backoff_seconds(n) for n in range(0, 9)] == [0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert not guard.try_pin("0000")
    assert guard.seconds_locked() == 1
    assert not guard.try_pin("2468")  # even the right PIN waits out the lock
    now[0] += 1.0
    assert not guard.try_pin("1111")
    assert guard.seconds_locked() == 2 and guard.failures == 2
    now[0] += 2.0
    assert guard.try_pin("2468") and guard.failures == 0 and guard.seconds_locked() == 0


def test_a_guard_without_a_pin_lets_nobody_in():
    guard = PinGuard("")
    assert not guard.configured and not guard.try_pin("0000")


def test_the_command_line_prints_a_line_for_kiosk_toml(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("8080\n"))
    assert pin_module.main(["--stdin", "--iterations", "1000", "--lang", "de"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith('pin_hash = "pbkdf2-sha256$1000$')
    assert verify_pin("8080", out.split('"')[1])


def test_the_command_line_asks_twice_and_refuses_a_mismatch(monkeypatch, capsys):
    answers = iter(["1234", "4321"])
    monkeypatch.setattr(pin_module.getpass, "getpass", lambda _prompt="": next(answers))
    assert pin_module.main(["--lang", "de"]) == 1
    assert capsys.readouterr().out == ""


def test_the_command_line_refuses_a_short_pin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert pin_module.main(["--stdin"]) == 1
