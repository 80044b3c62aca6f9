"""One kind of soak interaction (or a mix of a few), repeated: which interaction keeps memory?

Runs the soak's ``Hand`` action of one kind (e.g. "figures", "language") ``-n`` times and prints
the RSS every ``--every`` interactions after ``gc.collect()`` and ``malloc_trim`` (so glibc's cache of
freed heap does not count as growth), then the growth per interaction after the warm-up.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak_kind.py figures -n 2000
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/soak_kind.py --list
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import build_window, settle

from soak import Hand, measured_rss, trimmed_rss


def trimmed() -> float:
    measured_rss()  # gc.collect and deferred deletes first
    return trimmed_rss()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", nargs="?", default="figures", help="a kind, or several joined by commas (mixed)")
    parser.add_argument("-n", "--interactions", type=int, default=2000)
    parser.add_argument("--every", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kiosk", action="store_true")
    parser.add_argument("--list", action="store_true", help="list the kinds and exit")
    args = parser.parse_args()
    parts = build_window((1280, 720), kiosk=args.kiosk)
    hand = Hand(parts, random.Random(args.seed))
    actions = {name: action for _weight, name, action in hand.actions}
    kinds = args.kind.split(",")
    if args.list or not set(kinds) <= set(actions):
        print("kinds:", ", ".join(actions))
        return 0 if args.list else 2
    rng = random.Random(args.seed)

    def action() -> None:
        actions[rng.choice(kinds)]()
    settle()
    start = warm = trimmed()
    print(f"{args.kind}: start {start:.2f} MB", flush=True)
    for number in range(1, args.interactions + 1):
        action()
        settle(rounds=1)
        if number == args.warmup:
            warm = trimmed()
        if number % args.every == 0:
            print(f"  {number:>6}  RSS {trimmed():.2f} MB", flush=True)
    end = trimmed()
    after = max(1, args.interactions - args.warmup)
    print(f"{args.kind}: start {start:.2f}, after warm-up {warm:.2f}, end {end:.2f} MB; "
          f"{1024 * (end - warm) / after:+.2f} KB per interaction after warm-up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
