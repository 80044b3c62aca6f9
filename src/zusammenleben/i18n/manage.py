"""Translator tooling behind the make targets: extract, update, init, compile, check.

    python -m zusammenleben.i18n.manage extract    # code + pack → translations/*.pot
    python -m zusammenleben.i18n.manage update     # .pot → every <lang>/LC_MESSAGES/*.po (fuzzy on change)
    python -m zusammenleben.i18n.manage init fr    # a new language: fr/LC_MESSAGES/{zusammenleben,content}.po
    python -m zusammenleben.i18n.manage compile    # .po → .mo in place (gitignored), or --out DIR
    python -m zusammenleben.i18n.manage check      # stale? complete? placeholders? spelling? (exit 1)

Why a module and not bare ``pybabel``: the same Babel calls, plus three things pybabel does
not do. Content entries get ``no-python-format`` (German text like ``8,7 % der`` looks like a
%-format to Babel and would fail every placeholder check); files are rewritten only when a
message changed (no date-only diffs); line numbers are left out of locations (code moving
down a line is not a catalog change). The UI extraction is exactly
``pybabel extract -F babel-ui.cfg --no-default-keywords -k ui -k uin:1,2 -k ui_in:1 -k N_``.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

from zusammenleben.i18n.catalogs import (
    CONTENT_DOMAIN,
    DOMAINS,
    SOURCE_LANGUAGE,
    UI_DOMAIN,
    CatalogError,
    catalog_problems,
    compile_catalogs,
    po_files,
    read_catalog,
    statistics,
)

PROJECT = "Zusammenleben"
COPYRIGHT = "Zusammenleben contributors"
UI_KEYWORDS = {"ui": None, "uin": (1, 2), "ui_in": (1,), "N_": None}
COMMENT_TAGS = ("Translators:",)
CONTENT_EXTRACTOR = "zusammenleben.content.extract:extract_pack"
CONTENT_PACK = Path("resources/packs/mechelen")
_VOLATILE_HEADER = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.MULTILINE)


def repo_root() -> Path:
    """The checkout this module runs from (src/zusammenleben/i18n → the root)."""
    return Path(__file__).resolve().parents[3]


# -- extraction ----------------------------------------------------------------------------------


def extract_ui(root: Path) -> Catalog:
    """The UI strings of the code, as ``pybabel extract -F babel-ui.cfg`` with the app's keywords."""
    with open(root / "babel-ui.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = _new_template()
    for filename, lineno, message, comments, context in extract_from_dir(
        root,
        method_map,
        options_map,
        keywords=UI_KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
        directory_filter=lambda path: not Path(path).name.startswith((".", "_")),
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def content_extractor_available() -> bool:
    module_name = CONTENT_EXTRACTOR.split(":")[0]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return False
    return hasattr(module, CONTENT_EXTRACTOR.split(":")[1])


def extract_content(root: Path, pack: Path = CONTENT_PACK) -> Catalog | None:
    """The pack's translatable texts through the content layer's Babel extractor (None if it is absent)."""
    if not content_extractor_available() or not (root / pack).is_dir():
        return None
    method_map: list = [("pack.toml", CONTENT_EXTRACTOR)]
    options_map: dict = {}
    if (root / "babel-content.cfg").exists():  # the content layer's mapping: exact per-file references
        with open(root / "babel-content.cfg", encoding="utf-8") as handle:
            method_map, options_map = parse_mapping_cfg(handle)
    catalog = _new_template()
    for filename, lineno, message, comments, context in extract_from_dir(
        root / pack,
        method_map,
        options_map,
        keywords={},
        comment_tags=COMMENT_TAGS,
    ):
        location = (f"{pack.as_posix()}/{filename}", lineno)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    mark_not_python_format(catalog)
    return catalog


def mark_not_python_format(catalog: Catalog) -> None:
    """Content texts are never %-formatted: tell Babel's and GNU's checkers so."""
    for message in catalog:
        if message.id and "python-format" in message.flags:
            message.flags.discard("python-format")
            message.flags.add("no-python-format")


def _new_template() -> Catalog:
    return Catalog(project=PROJECT, version="1", copyright_holder=COPYRIGHT, charset="utf-8", fuzzy=False,
                   msgid_bugs_address="see docs/translating.md")


# -- writing -------------------------------------------------------------------------------------


def render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, ignore_obsolete=True, include_previous=True, include_lineno=False)
    return buffer.getvalue()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write unless only the creation/revision dates differ; True if written."""
    if path.exists() and _VOLATILE_HEADER.sub(b"", path.read_bytes()) == _VOLATILE_HEADER.sub(b"", data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def template_path(root: Path, domain: str) -> Path:
    return root / "translations" / f"{domain}.pot"


def extract(root: Path) -> list[str]:
    """Write translations/zusammenleben.pot and content.pot; returns what happened, line by line."""
    report = []
    templates = {UI_DOMAIN: extract_ui(root), CONTENT_DOMAIN: extract_content(root)}
    for domain, catalog in templates.items():
        if catalog is None:
            report.append(f"{domain}: skipped (no content pack extractor {CONTENT_EXTRACTOR} yet)")
            continue
        changed = write_if_changed(template_path(root, domain), render(catalog))
        report.append(f"{domain}: {len(catalog)} messages{'' if changed else ' (unchanged)'}")
    return report


# -- updating and creating language catalogs ----------------------------------------------------


def languages(root: Path) -> list[str]:
    base = root / "translations"
    return sorted(p.name for p in base.iterdir() if (p / "LC_MESSAGES").is_dir()) if base.is_dir() else []


def fill_source(catalog: Catalog) -> int:
    """Source-language content catalog: msgstr = msgid for every entry (see fill_source_catalog)."""
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        target = message.id if not isinstance(message.id, (list, tuple)) else tuple(message.id)
        if message.string != target or message.fuzzy:
            message.string = target
            message.flags.discard("fuzzy")
            message.previous_id = []
            filled += 1
    return filled


def _prepare(catalog: Catalog, domain: str, lang: str) -> None:
    if domain == CONTENT_DOMAIN:
        mark_not_python_format(catalog)
        if lang == SOURCE_LANGUAGE:
            fill_source(catalog)


def update(root: Path) -> list[str]:
    """Merge each .pot into every language's .po: new entries empty, changed fuzzy, removed dropped."""
    report = []
    for domain in DOMAINS:
        pot = template_path(root, domain)
        if not pot.exists():
            report.append(f"{domain}: no template {pot.name}; run extract first")
            continue
        for lang in languages(root):
            template = read_catalog(pot)  # fresh per language: Catalog.update shares Message objects
            path = root / "translations" / lang / "LC_MESSAGES" / f"{domain}.po"
            catalog = read_catalog(path, lang) if path.exists() else _new_catalog(template, lang)
            catalog.update(template, no_fuzzy_matching=False, update_creation_date=False)
            _prepare(catalog, domain, lang)
            changed = write_if_changed(path, render(catalog))
            stats = statistics(catalog)
            report.append(
                f"{lang}/{domain}: {stats.translated} translated, {stats.fuzzy} fuzzy, "
                f"{stats.untranslated} untranslated{'' if changed else ' (unchanged)'}"
            )
    return report


def _new_catalog(template: Catalog, lang: str) -> Catalog:
    catalog = Catalog(
        locale=Locale.parse(lang), project=PROJECT, version="1", copyright_holder=COPYRIGHT, charset="utf-8",
        fuzzy=False, msgid_bugs_address="see docs/translating.md",
        last_translator="Zusammenleben translators", language_team=f"{lang} (see docs/translating.md)",
    )
    catalog.revision_date = datetime.now(UTC)
    return catalog


def init(root: Path, lang: str) -> list[str]:
    """Start a new language: empty catalogs for both domains, from the templates."""
    Locale.parse(lang)  # fails early on a code Babel does not know
    (root / "translations" / lang / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    return update(root)


# -- checking ------------------------------------------------------------------------------------


def message_keys(catalog: Catalog) -> set[tuple[str, str | None]]:
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}


def stale_problems(root: Path) -> list[str]:
    """Templates that differ from a fresh extraction, catalogs that differ from their template."""
    problems = []
    fresh = {UI_DOMAIN: extract_ui(root), CONTENT_DOMAIN: extract_content(root)}
    for domain, catalog in fresh.items():
        pot = template_path(root, domain)
        if not pot.exists():
            problems.append(f"{pot}: missing; run `make i18n-extract`")
            continue
        template_keys = message_keys(read_catalog(pot))
        if catalog is not None:
            problems += _difference(f"{pot.name} vs. fresh extraction", message_keys(catalog), template_keys)
        for lang in languages(root):
            path = root / "translations" / lang / "LC_MESSAGES" / f"{domain}.po"
            if not path.exists():
                problems.append(f"{path}: missing; run `make i18n-update`")
                continue
            problems += _difference(f"{lang}/{domain}.po vs. {pot.name}", template_keys,
                                    message_keys(read_catalog(path, lang)))
    return problems


def _difference(label: str, wanted: set, present: set) -> list[str]:
    problems = [f"{label}: missing {key[0]!r}" for key in sorted(wanted - present, key=str)]
    problems += [f"{label}: obsolete {key[0]!r}" for key in sorted(present - wanted, key=str)]
    return [p + " (run `make i18n-extract i18n-update`)" for p in problems]


def completeness_problems(root: Path) -> list[str]:
    problems = []
    for lang, domain, path in po_files(root / "translations"):
        stats = statistics(read_catalog(path, lang))
        for msgid in stats.untranslated_ids:
            problems.append(f"{lang}/{domain}.po: untranslated or fuzzy: {msgid[:70]!r}")
    return problems


def format_problems(root: Path) -> list[str]:
    """Babel's checks and, where GNU gettext is installed, ``msgfmt --check``."""
    problems = []
    for lang, _domain, path in po_files(root / "translations"):
        problems += catalog_problems(read_catalog(path, lang), str(path.relative_to(root)))
    problems += msgfmt_problems(path for _lang, _domain, path in po_files(root / "translations"))
    return problems


def msgfmt_problems(paths: Iterable[Path]) -> list[str]:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    problems = []
    for path in paths:
        result = subprocess.run(
            [msgfmt, "--check", "--statistics", "-o", os.devnull, str(path)],
            capture_output=True, text=True, check=False,
        )
        if result.returncode != 0:
            problems.append(f"msgfmt --check {path}: {result.stderr.strip()}")
    return problems


def check(root: Path) -> list[str]:
    from zusammenleben.i18n.spelling import spelling_problems

    return (stale_problems(root) + completeness_problems(root) + format_problems(root)
            + spelling_problems(root))


# -- command line --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zusammenleben.i18n.manage", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="the checkout (default: this module's)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="write the .pot templates")
    commands.add_parser("update", help="merge the templates into every language's .po")
    init_parser = commands.add_parser("init", help="start catalogs for a new language")
    init_parser.add_argument("lang")
    compile_parser = commands.add_parser("compile", help="compile .po to .mo (fails on catalog errors)")
    compile_parser.add_argument("--out", type=Path, default=None,
                                help="write .mo files here instead of in place")
    commands.add_parser("check", help="stale, incomplete, broken or misspelled catalogs → exit 1")
    options = parser.parse_args(argv)
    root = (options.root or repo_root()).resolve()

    if options.command == "extract":
        lines = extract(root)
    elif options.command == "update":
        lines = update(root)
    elif options.command == "init":
        lines = init(root, options.lang)
    elif options.command == "compile":
        try:
            written = compile_catalogs(root / "translations", options.out)
        except CatalogError as error:
            print("catalog errors; nothing compiled:", *error.problems, sep="\n  ", file=sys.stderr)
            return 1
        lines = [f"compiled {len(written)} catalogs"]
    else:
        problems = check(root)
        for problem in problems:
            print(problem, file=sys.stderr)
        lines = [f"{len(problems)} problems" if problems else "catalogs ok: fresh, complete, clean, spelled"]
        print(*lines, sep="\n")
        return 1 if problems else 0
    print(*lines, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
