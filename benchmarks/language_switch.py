"""Language switch of the whole UI: DE → NL → DE in the real window, milliseconds per switch.

The window is the user's (every screen built, time bar), 1600×960 offscreen. One switch is
``language.set_language`` (every bound widget retranslates, Qt's LanguageChange goes out)
plus the event processing it causes: layouts, and the repaint of the visible screen. Each
visible screen is measured in turn; the headline is the story screen (where a class
switches), the worst screen is printed too.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/language_switch.py [--rounds 10]
    ... --synthetic 2000   # also: 2000 bound labels, the cost of the retranslate mechanism alone

Goal: ≤ 50 ms per switch.
"""

from __future__ import annotations

import argparse
import sys

from benchlib import Timings, build_window, emit_json, median, settle

GOAL_MS = 50.0


def switch_times(parts, rounds: int) -> Timings:
    language = parts.context.language
    timings = Timings()
    for _ in range(rounds):
        for code in ("nl", "de"):
            timings.start()
            language.set_language(code)
            settle(rounds=2)
            timings.stop()
    return timings


def measure(rounds: int = 10, parts=None) -> dict:
    """Median ms per switch (wall and CPU) for each screen in front; the worst screen is the headline."""
    parts = parts or build_window()
    state = parts.context.state
    per_screen: dict[str, float] = {}
    per_screen_cpu: dict[str, float] = {}
    for key in parts.window.screens:
        state.set_screen(key)
        settle()
        switch_times(parts, 1)  # first visit: lazy parts of the screen are built here, not measured
        timings = switch_times(parts, rounds)
        per_screen[key] = median(timings.wall)
        per_screen_cpu[key] = median(timings.cpu)
    state.set_screen("story")
    settle()
    worst = max(per_screen_cpu, key=per_screen_cpu.get)
    plain, catch_up = screen_switch_times(parts, max(2, rounds // 2))
    return {"story_ms": per_screen.get("story", float("nan")), "story_cpu_ms": per_screen_cpu.get("story"),
            "per_screen": per_screen, "per_screen_cpu": per_screen_cpu, "worst_screen": worst,
            "worst_ms": per_screen[worst], "worst_cpu_ms": per_screen_cpu[worst], "rounds": rounds,
            "screen_switch_cpu": {key: median(t.cpu) for key, t in plain.items()},
            "screen_switch_after_language_cpu": {key: median(t.cpu) for key, t in catch_up.items()}}


def screen_switch_times(parts, rounds: int) -> tuple[dict[str, Timings], dict[str, Timings]]:
    """Story → each other screen, plain and right after a language switch (off-screen pages catch up then)."""
    state, language = parts.context.state, parts.context.language
    others = [key for key in parts.window.screens if key != "story"]
    plain = {key: Timings() for key in others}
    catch_up = {key: Timings() for key in others}
    for _ in range(rounds):
        for key in others:
            for timings, code in ((plain[key], None), (catch_up[key], "nl" if language.code == "de" else "de")):
                state.set_screen("story")
                settle()
                if code:
                    language.set_language(code)
                    settle()
                timings.start()
                state.set_screen(key)
                settle(rounds=2)
                timings.stop()
    state.set_screen("story")
    language.set_language("de")
    settle()
    return plain, catch_up


def synthetic(count: int, rounds: int) -> float:
    """Median ms per switch of ``count`` bound labels alone (no pack, no screens)."""
    from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

    from zusammenleben.i18n.language import Language
    from zusammenleben.ui import retranslate

    msgids = ("German", "Dutch", "Source", "Value", "Year", "Next", "Show all", "Open this screen")

    class BoundLabel(QLabel):
        def __init__(self, language: Language, msgid: str, parent: QWidget) -> None:
            super().__init__(parent)
            self.language, self.msgid = language, msgid
            retranslate.bind(self, language)

        def retranslate(self) -> None:
            self.setText(self.language.ui(self.msgid))

    language = Language("de")
    window = QWidget()
    grid = QGridLayout(window)
    for index in range(count):
        grid.addWidget(BoundLabel(language, msgids[index % len(msgids)], window), index // 20, index % 20)
    window.resize(1600, 960)
    window.show()
    settle()

    class Parts:  # the shape switch_times expects
        class context:  # noqa: N801
            pass

    Parts.context.language = language
    result = median(switch_times(Parts, rounds).wall)
    window.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--synthetic", type=int, default=0, metavar="LABELS")
    parser.add_argument("--json", action="store_true", help="one machine-readable line (for run_all.py)")
    args = parser.parse_args()
    result = measure(args.rounds)
    if args.json:
        emit_json(result)
        return 0
    print(f"language switch, median ms per switch over {2 * args.rounds} switches (goal ≤ {GOAL_MS:.0f} ms)")
    print(f"  {'in front':<14} {'wall':>8} {'CPU':>8}")
    for key, value in result["per_screen"].items():
        print(f"  {key:<14} {value:8.1f} {result['per_screen_cpu'][key]:8.1f}")
    print("  story → screen, CPU ms, plain / right after a language switch (the screen catches up then):")
    for key, value in result["screen_switch_cpu"].items():
        print(f"    {key:<12} {value:6.1f} / {result['screen_switch_after_language_cpu'][key]:6.1f}")
    if args.synthetic:
        print(f"  {args.synthetic} bound labels alone: {synthetic(args.synthetic, args.rounds):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
