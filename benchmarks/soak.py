"""Soak: thousands of seeded random interactions against the real window, offscreen.

What a day in a classroom or a week on a museum kiosk does to the app, compressed: chapter
moves (buttons, rail, keys), year drags and taps on the time bar, language switches (DE, NL,
side by side), screen switches, partnership filters and search, map and table taps, figure
choices, font-scale changes and, in kiosk mode, idle resets. Input goes through real mouse
and key events (QTest) where a hand would use them.

Reports exceptions (sys.excepthook and raised by an interaction; must be 0), Qt critical
messages (must be 0), Qt warnings (grouped), RSS at start, after warm-up and at the end
(goal: growth ≤ 5 MB over 10,000 interactions), and the number of live QObjects (a leak of
widgets shows there first).

The warm-up is a tour (every screen in every language at every text size, every figure shown
once; ``Hand.tour``) and then the first 5 % of the random interactions: what the app builds on
first use and keeps, bounded by the pack (a figure card per figure, a page's labels, glyphs per
text size), is then built before the warm-up RSS is taken, so the growth after it is what keeps
growing. ``--no-tour`` measures without it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak.py [-n 10000] [--seed 1] [--kiosk]

tests/soak/test_soak_short.py runs ``run_soak`` with a few hundred interactions.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import ctypes
import gc
import random
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import build_window, emit_json, rss_mb, settle

GOAL_GROWTH_MB = 5.0  # over 10,000 interactions after the warm-up
LONG_RUN, LONG_GOAL_MB = 100_000, 20.0  # a busy kiosk month (issue 19)
FONT_SCALES = (1.0, 1.25, 1.5, 2.0)
SEARCH_WORDS = ("Mech", "stadt", "Köln", "ü", "Poznań", "xyz", "  ", "é", "Part", "2016", "Ž", "berg", "'")


@dataclass
class SoakReport:
    interactions: int = 0
    seconds: float = 0.0
    kinds: collections.Counter = field(default_factory=collections.Counter)
    exceptions: list[str] = field(default_factory=list)
    criticals: list[str] = field(default_factory=list)
    warnings: collections.Counter = field(default_factory=collections.Counter)
    rss_start_mb: float = 0.0
    rss_warm_mb: float = 0.0
    rss_end_mb: float = 0.0
    trimmed_warm_mb: float = 0.0
    trimmed_end_mb: float = 0.0
    toured: bool = False  # the warm-up began with Hand.tour
    qobjects_start: int = 0
    qobjects_end: int = 0
    reset_used: str = ""

    @property
    def goal_mb(self) -> float:
        """The issue's goal for a run of this length: 5 MB over 10,000 interactions, 20 MB over 100,000."""
        return LONG_GOAL_MB if self.interactions >= LONG_RUN else GOAL_GROWTH_MB

    @property
    def growth_mb(self) -> float:
        return self.rss_end_mb - self.rss_start_mb

    @property
    def growth_after_warmup_mb(self) -> float:
        return self.rss_end_mb - self.rss_warm_mb

    def first_tracebacks(self) -> str:
        """One full traceback per distinct exception (for fixing, not for the table)."""
        seen: dict[str, str] = {}
        for text in self.exceptions:
            seen.setdefault(text.strip().splitlines()[-1], text)
        return "\n".join(seen.values())

    def summary(self) -> str:
        lines = [
            f"soak: {self.interactions} interactions in {self.seconds:.0f} s "
            f"({1000 * self.seconds / max(1, self.interactions):.1f} ms each)",
            "  kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items())),
            f"  exceptions: {len(self.exceptions)}   Qt critical: {len(self.criticals)}   "
            f"Qt warnings: {sum(self.warnings.values())} ({len(self.warnings)} distinct)",
            f"  warm-up: {'the tour, then ' if self.toured else ''}the first 5 % of the interactions",
            f"  RSS start {self.rss_start_mb:.1f} MB, after warm-up {self.rss_warm_mb:.1f} MB, "
            f"end {self.rss_end_mb:.1f} MB: growth {self.growth_mb:+.1f} MB "
            f"({self.growth_after_warmup_mb:+.1f} MB after warm-up; goal ≤ {self.goal_mb:.0f} MB)",
            f"  after malloc_trim (heap really in use): warm-up {self.trimmed_warm_mb:.1f} MB, end "
            f"{self.trimmed_end_mb:.1f} MB: {self.trimmed_end_mb - self.trimmed_warm_mb:+.1f} MB",
            f"  live QObjects under the window: {self.qobjects_start} → {self.qobjects_end}",
        ]
        if self.reset_used:
            lines.append(f"  idle reset through: {self.reset_used}")
        distinct = collections.Counter(text.strip().splitlines()[-1] for text in self.exceptions)
        lines += [f"  exception ×{n}: {text}" for text, n in distinct.most_common(10)]
        lines += [f"  Qt critical: {text}" for text in self.criticals[:10]]
        lines += [f"  Qt warning ×{n}: {text}" for text, n in self.warnings.most_common(8)]
        return "\n".join(lines)


# -- the kiosk's reset -----------------------------------------------------------------------------
def find_kiosk_reset(parts) -> tuple[str, Callable[[], None]]:
    """The kiosk's own idle reset if the kiosk package wired one, else ``AppState.reset`` (what it calls)."""
    for owner_name in ("kiosk", "kiosk_controller", "controller"):
        for owner in (parts, parts.window, parts.context):
            controller = getattr(owner, owner_name, None)
            if controller is None:
                continue
            for method in ("reset_to_start", "idle_reset", "start_over", "reset"):
                if callable(getattr(controller, method, None)):
                    return f"{type(controller).__name__}.{method}", getattr(controller, method)
    return "AppState.reset (no kiosk controller found)", parts.context.state.reset


# -- the interactions --------------------------------------------------------------------------------
class Hand:
    """Random interactions, each through the widgets a user would touch."""

    def __init__(self, parts, rng: random.Random) -> None:
        self.parts = parts
        self.window = parts.window
        self.state = parts.context.state
        self.rng = rng
        self.kiosk = parts.context.mode.name == "KIOSK"
        self.reset_name, self.reset = find_kiosk_reset(parts) if self.kiosk else ("", None)
        self.actions: list[tuple[int, str, Callable[[], None]]] = [
            (10, "chapter button", self.chapter_button),
            (4, "chapter rail", self.chapter_rail),
            (4, "chapter key", self.chapter_key),
            (12, "year drag", self.year_drag),
            (5, "year tap/key", self.year_tap),
            (3, "time bar event", self.time_bar_event),
            (5, "language", self.language),
            (8, "screen", self.screen),
            (8, "partner filter", self.partner_filter),
            (5, "partner search", self.partner_search),
            (6, "map tap", self.map_tap),
            (3, "table row", self.table_row),
            (3, "figures", self.figures),
            (1, "font scale", self.font_scale),
        ]
        if self.kiosk:
            self.actions.append((2, "idle reset", self.idle_reset))

    def pick(self) -> tuple[str, Callable[[], None]]:
        weights = [w for w, _n, _a in self.actions]
        _w, name, action = self.rng.choices(self.actions, weights=weights)[0]
        if self.kiosk and name != "idle reset":
            return name, lambda: (self.visitor_arrives(), action())
        return name, action

    def visitor_arrives(self) -> None:
        """In kiosk mode a visitor's first touch lands on the attract screen and starts a visit.

        Without it the hand would work the widgets underneath while the tour plays on over them,
        which no visitor can do (the overlay takes every touch).
        """
        from PySide6.QtCore import QPoint

        overlay = getattr(self.parts.kiosk, "attract_overlay", None)
        if overlay is not None and overlay.isVisible():
            # a tap in the middle of the upper half: not the play/pause button, not the admin corner
            self.click(overlay, QPoint(overlay.width() // 2, overlay.height() // 4))
            settle(rounds=1)

    def tour(self) -> None:
        """The warm-up's visit (see the module's docstring); leaves language, text size, figures and
        screen as they were."""
        from PySide6.QtCore import Qt

        state, switch = self.state, self.window.language_switch
        start_language, start_scale = self.parts.context.language.code, state.font_scale
        languages = [key for key, button in switch.buttons.items() if button.isVisible()]
        for language in languages:
            self.visitor_arrives() if self.kiosk else None
            self.click(switch.buttons[language])
            for scale in FONT_SCALES:
                state.set_font_scale(scale)
                for key in list(self.window.nav_buttons):
                    self.visitor_arrives() if self.kiosk else None
                    self.front(key)
                    settle(rounds=2)
        state.set_font_scale(start_scale)
        if start_language in switch.buttons:
            self.click(switch.buttons[start_language])
        figures = self.front("indicators")
        if figures is not None:
            chosen = figures.selected_ids()
            for row in range(figures.chooser.count()):
                figures.set_selected([figures.chooser.item(row).data(Qt.ItemDataRole.UserRole)])
                settle(rounds=2)
            figures.set_selected(chosen)
        self.front("story")
        settle()

    # helpers
    def click(self, widget, point=None) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        if widget is None or not widget.isVisible():
            return
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         point if point is not None else QPoint(widget.width() // 2, widget.height() // 2))

    def front(self, key: str):
        """Bring a screen to the front by its navigation button (as a user must) and return it."""
        screen = self.window.screens.get(key)
        if screen is not None and self.state.screen != key:
            button = self.window.nav_buttons.get(key)
            if button is not None and button.isVisible():
                self.click(button)
            else:
                self.state.set_screen(key)
            settle(rounds=1)
        return screen

    # chapters
    def chapter_button(self) -> None:
        story = self.front("story")
        self.click(self.rng.choice([story.next_button, story.previous_button, story.next_button]))

    def chapter_rail(self) -> None:
        story = self.front("story")
        if story.rail.buttons:
            self.click(self.rng.choice(story.rail.buttons))

    def chapter_key(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        story = self.front("story")
        key = self.rng.choice([Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp])
        QTest.keyClick(story.next_button if story.next_button.isEnabled() else story, key)

    # year
    def _time_bar(self):
        return self.window.findChild(_time_bar_class())

    def year_drag(self) -> None:
        from PySide6.QtCore import QEvent, QPointF, Qt
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        bar = self._time_bar()
        if bar is None or not bar.isVisible():
            self.state.set_year(self.rng.randint(self.state.first_year, self.state.last_year))
            return
        geometry = bar.bar_geometry()
        y = getattr(geometry, "axis_y", bar.height() - 12)
        x = self.rng.uniform(0, bar.width())

        def send(kind, x_pos, buttons) -> None:
            local = QPointF(x_pos, y)
            button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
            event = QMouseEvent(kind, local, bar.mapToGlobal(local), button, buttons, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(bar, event)

        send(QEvent.Type.MouseButtonPress, x, Qt.MouseButton.LeftButton)
        for _ in range(self.rng.randint(2, 12)):
            x = min(bar.width() - 1.0, max(0.0, x + self.rng.uniform(-120, 120)))
            send(QEvent.Type.MouseMove, x, Qt.MouseButton.LeftButton)
            settle(rounds=1)
        send(QEvent.Type.MouseButtonRelease, x, Qt.MouseButton.NoButton)

    def year_tap(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        bar = self._time_bar()
        if bar is None:
            return
        key = self.rng.choice([Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End])
        QTest.keyClick(bar, key)

    def time_bar_event(self) -> None:
        from PySide6.QtCore import QPoint

        bar = self._time_bar()
        if bar is None or not bar.isVisible():
            return
        rects = bar.label_rects()
        if rects:
            rect = self.rng.choice(rects)
            self.click(bar, QPoint(int(rect.center().x()), int(rect.center().y())))
            settle(rounds=1)
            self.close_popups()

    def close_popups(self) -> None:
        from PySide6.QtWidgets import QApplication

        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            settle(rounds=1)
            popup = QApplication.activePopupWidget()

    # language, screens, scale
    def language(self) -> None:
        switch = self.window.language_switch
        keys = [key for key, button in switch.buttons.items() if button.isVisible()]
        if keys:
            self.click(switch.buttons[self.rng.choice(keys)])

    def screen(self) -> None:
        keys = [k for k, b in self.window.nav_buttons.items() if b.isVisible()]
        if keys:
            self.click(self.window.nav_buttons[self.rng.choice(keys)])

    def font_scale(self) -> None:
        self.state.set_font_scale(self.rng.choice(FONT_SCALES))

    def idle_reset(self) -> None:
        self.close_popups()
        self.reset()

    # partnerships
    def partner_filter(self) -> None:
        screen = self.front("partnerships")
        if screen is None:
            return
        bar = screen.filter_bar
        choice = self.rng.random()
        if choice < 0.35 and bar.aspect_chips:
            self.click(self.rng.choice(list(bar.aspect_chips.values())))
        elif choice < 0.8:
            box = self.rng.choice([bar.country_box, bar.type_box, bar.year_box])
            if box.count():
                box.setCurrentIndex(self.rng.randrange(box.count()))
        else:
            self.click(bar.reset_button)

    def partner_search(self) -> None:
        from PySide6.QtTest import QTest

        screen = self.front("partnerships")
        if screen is None:
            return
        search = screen.filter_bar.search
        if self.rng.random() < 0.3:
            search.clear()
            return
        word = self.rng.choice(SEARCH_WORDS + tuple(p.id[:4] for p in screen.partnerships[:5]))
        search.clear()
        for char in word:
            if char.isascii():
                QTest.keyClick(search, char)
            else:  # QTest knows no key for "ü": send it as a keyboard layout or input method would
                self.type_unicode(search, char)

    @staticmethod
    def type_unicode(widget, char: str) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    def map_tap(self) -> None:
        from PySide6.QtCore import QPoint

        screen = self.front("partnerships")
        if screen is None:
            return
        view = screen.map
        if view.markers and self.rng.random() < 0.8:
            marker = self.rng.choice(list(view.markers.values()))
            point = view.view_point(marker.pos())
            target = QPoint(int(point.x()), int(point.y()))
        else:
            target = QPoint(self.rng.randrange(max(1, view.viewport().width())),
                            self.rng.randrange(max(1, view.viewport().height())))
        self.click(view.viewport(), target)

    def table_row(self) -> None:
        from PySide6.QtCore import QPoint

        screen = self.front("partnerships")
        if screen is None or screen.proxy.rowCount() == 0:
            return
        index = screen.proxy.index(self.rng.randrange(screen.proxy.rowCount()), 0)
        screen.table.scrollTo(index)
        settle(rounds=1)
        rect = screen.table.visualRect(index)
        if rect.isValid():
            self.click(screen.table.viewport(), QPoint(rect.center().x(), rect.center().y()))

    def figures(self) -> None:
        from PySide6.QtCore import QPoint

        screen = self.front("indicators")
        if screen is None or screen.chooser.count() == 0:
            return
        item = screen.chooser.item(self.rng.randrange(screen.chooser.count()))
        screen.chooser.scrollToItem(item)
        settle(rounds=1)
        rect = screen.chooser.visualItemRect(item)
        if rect.isValid():
            self.click(screen.chooser.viewport(), QPoint(rect.center().x(), rect.center().y()))


def _time_bar_class():
    from zusammenleben.ui.timeline.time_bar import TimeBar

    return TimeBar


# -- the run -----------------------------------------------------------------------------------------
def live_qobjects(window) -> int:
    from PySide6.QtCore import QObject

    return len(window.findChildren(QObject))


def measured_rss() -> float:
    gc.collect()
    settle(rounds=2)
    return rss_mb()


def trimmed_rss() -> float:
    """RSS after glibc hands freed heap back (malloc_trim): what is really still in use."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: untrimmed
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_mb()


def run_soak(parts, count: int, seed: int = 1, warmup: int | None = None,
             progress: Callable[[int, SoakReport], None] | None = None, tour: bool = True) -> SoakReport:
    """``count`` random interactions with ``parts`` (from build_parts / the build_app fixture);
    ``tour``: the warm-up starts with ``Hand.tour`` (the module's docstring says why)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    report = SoakReport()
    rng = random.Random(seed)
    hand = Hand(parts, rng)
    report.reset_used = hand.reset_name
    warmup = min(count, max(50, count // 20)) if warmup is None else warmup

    def on_message(kind, _context, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            report.criticals.append(message)
        elif kind == QtMsgType.QtWarningMsg:
            report.warnings[message] += 1

    def on_exception(kind, value, tb) -> None:
        report.exceptions.append("".join(traceback.format_exception(kind, value, tb)))

    previous_handler = qInstallMessageHandler(on_message)
    previous_hook = sys.excepthook
    sys.excepthook = on_exception
    try:
        settle()
        report.rss_start_mb = report.rss_warm_mb = measured_rss()
        if tour:
            hand.tour()
            report.toured = True
            if warmup == 0:
                report.rss_warm_mb, report.trimmed_warm_mb = measured_rss(), trimmed_rss()
        report.qobjects_start = live_qobjects(parts.window)
        started = time.perf_counter()
        for number in range(1, count + 1):
            name, action = hand.pick()
            report.kinds[name] += 1
            try:
                action()
                settle(rounds=1)
            except Exception:  # counted and reported; the soak goes on
                report.exceptions.append(f"[{name}] " + traceback.format_exc())
            report.interactions = number
            if number == warmup:
                report.rss_warm_mb = measured_rss()
                report.trimmed_warm_mb = trimmed_rss()
            if progress is not None and number % 1000 == 0:
                progress(number, report)
        hand.close_popups()
        report.seconds = time.perf_counter() - started
        report.rss_end_mb = measured_rss()
        report.trimmed_end_mb = trimmed_rss()
        report.qobjects_end = live_qobjects(parts.window)
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--interactions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kiosk", action="store_true", help="kiosk mode (adds idle resets)")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--tracebacks", action="store_true", help="print one traceback per distinct exception")
    parser.add_argument("--no-tour", action="store_true", help="warm up without the tour (random interactions only)")
    parser.add_argument("--json", action="store_true", help="also one machine-readable line (for run_all.py)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    parts = build_window((width, height), kiosk=args.kiosk)

    def progress(number: int, report: SoakReport) -> None:
        print(f"  {number:>6} interactions, RSS {rss_mb():.1f} MB, exceptions {len(report.exceptions)}",
              flush=True)

    report = run_soak(parts, args.interactions, args.seed, progress=progress, tour=not args.no_tour)
    print(f"mode {'kiosk' if args.kiosk else 'window'}, seed {args.seed}, window {args.size}")
    print(report.summary())
    if args.tracebacks and report.exceptions:
        print(report.first_tracebacks())
    if args.json:
        emit_json({"interactions": report.interactions, "seconds": report.seconds, "kiosk": args.kiosk,
                   "goal_mb": report.goal_mb, "tour": report.toured,
                   "growth_after_warmup_mb": report.growth_after_warmup_mb,
                   "trimmed_growth_mb": report.trimmed_end_mb - report.trimmed_warm_mb,
                   "rss_warm_mb": report.rss_warm_mb, "rss_end_mb": report.rss_end_mb,
                   "exceptions": len(report.exceptions), "criticals": len(report.criticals)})
    ok = not report.exceptions and not report.criticals
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
