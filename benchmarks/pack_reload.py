"""Reloading a 100-file pack, as ``--watch`` does on every save: the load alone and the whole reload.

The pack is made by ``new-pack`` and grown to 100 files (40 chapters with their Markdown bodies, 14
indicators with their CSV files, a Dutch catalog, …). Two figures, medians of CPU time (the machine is
shared) with wall time beside them:

* **load**: ``authoring.loading.load_for_app`` — read, parse, validate every file, compile the pack's
  ``.po`` (what decides whether a save is good);
* **reload**: ``LiveReload.reload`` — the load plus the new window with the reader's place restored,
  until the event loop is idle (what the author waits for after pressing Save).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/pack_reload.py [--rounds 7] [--json]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchlib import build_window, emit_json, settle

GOAL_MS = 1000  # "well under a second": the reload, in CPU time
CHAPTERS = 40
INDICATORS = 14


def make_pack(folder: Path) -> Path:
    """``new-pack`` plus chapters and indicators up to 100 files."""
    from zusammenleben.content.newpack import create_pack
    from zusammenleben.i18n.pack_catalog import update_catalog

    root = create_pack(folder / "stadt", "Unsere Stadt", ("de", "nl"), 2001).folder
    chapters = [(root / "chapters.toml").read_text(encoding="utf-8")]
    indicators = [(root / "indicators.toml").read_text(encoding="utf-8")]
    for n in range(2, CHAPTERS + 1):
        year = 2001 + n % 25
        chapters.append(f'\n[[chapter]]\nid = "kapitel-{n}"\nyears = "{year}"\ntitle = "Kapitel {n}"\n'
                        f'lead = "Vorspann {n}."\nbody = "chapters/{n:02d}.md"\n'
                        f'indicators = ["zahl-{n % INDICATORS}"]\nsources = ["stadtchronik"]\n')
        paragraphs = [f"Absatz {p} von Kapitel {n}: Die Stadt wächst, neue Nachbarn ziehen ein, und der "
                      f"[Begriff](glossary:integration) wird erklärt." for p in range(12)]
        (root / "chapters" / f"{n:02d}.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    for n in range(INDICATORS):
        indicators.append(f'\n[[indicator]]\nid = "zahl-{n}"\nkind = "series"\ntitle = "Zahl {n}"\n'
                          f'unit = "Personen"\ndata = "indicators/zahl-{n}.csv"\n')
        rows = "\n".join(f"{year},{1000 + 37 * year % 500 + n},stadtchronik,," for year in range(2001, 2026))
        (root / "indicators" / f"zahl-{n}.csv").write_text("year,value,source,qualifier,note\n" + rows + "\n",
                                                          encoding="utf-8")
    (root / "chapters.toml").write_text("".join(chapters), encoding="utf-8")
    (root / "indicators.toml").write_text("".join(indicators), encoding="utf-8")
    update_catalog(root, "nl")
    update_catalog(root, "de")
    for n in range(100 - sum(1 for p in root.rglob("*") if p.is_file())):
        (root / "images" / f"notiz-{n}.txt").parent.mkdir(exist_ok=True)
        (root / "images" / f"notiz-{n}.txt").write_text("Platzhalter\n", encoding="utf-8")
    return root


def timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="one machine-readable line (for run_all.py)")
    options = parser.parse_args()
    from zusammenleben.authoring.loading import load_for_app

    root = make_pack(Path(tempfile.mkdtemp(prefix="zl-reload-")))
    files = sum(1 for p in root.rglob("*") if p.is_file())
    loaded = load_for_app(root)
    assert loaded.ok, [e.format() for e in loaded.errors]
    loads = [timed(lambda: load_for_app(root)) for _ in range(options.rounds)]

    parts = build_window(content=str(root), watch=True)
    parts.context.state.set_chapter(CHAPTERS // 2)

    def reload() -> None:
        assert parts.live.reload()
        settle()

    reloads = [timed(reload) for _ in range(options.rounds)]
    assert parts.context.state.chapter.id == f"kapitel-{CHAPTERS // 2 + 1}"
    load_wall, load_cpu = (statistics.median(x[i] for x in loads) for i in (0, 1))
    wall, cpu = (statistics.median(x[i] for x in reloads) for i in (0, 1))
    if options.json:
        emit_json({"files": files, "load_ms": load_wall, "load_cpu_ms": load_cpu, "reload_ms": wall,
                   "reload_cpu_ms": cpu})
        return 0
    print(f"pack: {files} files, {CHAPTERS} chapters, {INDICATORS + 1} indicators")
    print(f"load (validate + catalogs): median {load_wall:.0f} ms wall, {load_cpu:.0f} ms CPU "
          f"over {options.rounds} rounds")
    print(f"reload (load + new window, place restored): median {wall:.0f} ms wall, {cpu:.0f} ms CPU; "
          f"goal < {GOAL_MS} ms CPU: {'met' if cpu < GOAL_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
