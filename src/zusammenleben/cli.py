"""The command line: argparse with help texts in the user's language.

The language for ``--help`` is decided before parsing (``--lang`` on the command line,
else the system locale), because argparse formats help while it parses.
"""

from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Callable, Sequence

from zusammenleben import __version__
from zusammenleben.i18n.catalogs import load_translations

Translate = Callable[[str], str]


def guess_language(argv: Sequence[str]) -> str:
    """``--lang xx`` / ``--lang=xx`` if given, else the system's language when it is Dutch, else German."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1] if argv[index + 1] in ("de", "nl") else "de"
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in ("de", "nl") else "de"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "de"
    system = (locale.getlocale()[0] or "").lower()
    return "nl" if system.startswith("nl") else "de"


class _Formatter(argparse.RawDescriptionHelpFormatter):
    usage_prefix = "usage: "

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        return super().add_usage(usage, actions, groups, prefix or self.usage_prefix)


def build_parser(ui: Translate) -> argparse.ArgumentParser:
    """The parser with every help text through the UI catalog (msgids are English)."""

    class Formatter(_Formatter):
        usage_prefix = ui("usage: ")

    parser = argparse.ArgumentParser(
        prog="zusammenleben",
        description=ui("Mechelen since 2001: a guided timeline in German and Dutch, with figures and "
                       "European municipal partnerships."),
        formatter_class=Formatter,
        add_help=False,
    )
    parser._optionals.title = ui("options")
    parser._positionals.title = ui("commands")
    parser.add_argument("-h", "--help", action="help", help=ui("show this help and exit"))
    parser.add_argument("--version", action="version", version=f"zusammenleben {__version__}",
                        help=ui("show the version and exit"))
    parser.add_argument("--lang", choices=("de", "nl"), help=ui("language of the app: de (German) or nl (Dutch)"))
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--classroom", action="store_true",
                       help=ui("presenter layout for a projector: large type, clicker keys, teacher notes"))
    modes.add_argument("--kiosk", action="store_true",
                       help=ui("exhibition mode: fullscreen, touch, attract loop, no way out"))
    parser.add_argument("--kiosk-config", metavar=ui("FILE"),
                        help=ui("kiosk settings (kiosk.toml); implies --kiosk"))
    parser.add_argument("--content", metavar=ui("FOLDER"), help=ui("use this content pack instead of the built-in one"))
    parser.add_argument("--screen", type=int, metavar="N", help=ui("show the window on screen N (0 is the first)"))
    parser.add_argument("--settings", metavar=ui("FILE"), help=ui("read and write settings in this file"))
    parser.add_argument("--self-test", action="store_true",
                        help=ui("start offscreen, open every screen once, exit 0 (ok) or 1 (with the reason)"))
    commands = parser.add_subparsers(dest="command", metavar=ui("COMMAND"))
    validate = commands.add_parser("validate", help=ui("check a content pack and list every problem"),
                                   formatter_class=Formatter, add_help=False,
                                   description=ui("check a content pack and list every problem"))
    validate._optionals.title = ui("options")
    validate._positionals.title = ui("arguments")
    validate.add_argument("-h", "--help", action="help", help=ui("show this help and exit"))
    validate.add_argument("path", metavar=ui("FOLDER"), help=ui("the content pack folder"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    language = guess_language(argv)
    ui = load_translations("zusammenleben", language).gettext
    options = build_parser(ui).parse_args(argv)
    if options.command == "validate":
        from zusammenleben.content.cli_validate import run_validate

        return run_validate(options.path, translate=ui)
    if not options.self_test:
        from zusammenleben.display_check import has_display

        if not has_display():
            print(no_display_message(ui), file=sys.stderr)
            return 1
    from zusammenleben.app import run

    return run(options, language_from_cli=options.lang)


def no_display_message(ui: Translate) -> str:
    """What to do without a display, instead of Qt's raw "could not connect to display" abort."""
    return ui("zusammenleben: no display was found (neither %(variables)s names a running desktop). Start the "
              "app in a desktop session. To check the app without a display, run: %(command)s") % {
        "variables": "DISPLAY / WAYLAND_DISPLAY", "command": "zusammenleben --self-test"}
