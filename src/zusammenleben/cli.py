"""The command line: argparse with help texts in the user's language.

The language for ``--help`` is decided before parsing (``--lang`` on the command line,
else the system locale), because argparse formats help while it parses.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from zusammenleben.i18n.catalogs import load_translations
from zusammenleben.i18n.choice import guess_language

Translate = Callable[[str], str]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    usage_prefix = "usage: "

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        # argparse asks with prefix "" for a subcommand's prog name: only None means "the usual prefix"
        return super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


class _VersionAction(argparse.Action):
    """``--version``: like argparse's, but reads the version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from zusammenleben import __version__

        parser._print_message(f"zusammenleben {__version__}\n", sys.stdout)
        parser.exit()


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
    parser.add_argument("--version", action=_VersionAction, help=ui("show the version and exit"))
    parser.add_argument("--lang", choices=("de", "nl"), help=ui("language of the app: de (German) or nl (Dutch)"))
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--classroom", action="store_true",
                       help=ui("presenter layout for a projector: large type, clicker keys, teacher notes"))
    modes.add_argument("--kiosk", action="store_true",
                       help=ui("exhibition mode: fullscreen, touch, attract loop, no way out"))
    parser.add_argument("--kiosk-config", metavar=ui("FILE"),
                        help=ui("kiosk settings (kiosk.toml); implies --kiosk"))
    parser.add_argument("--content", metavar=ui("FOLDER"),
                        help=ui("use this content pack (a folder or a .zlpack file) instead of the built-in one"))
    parser.add_argument("--watch", action="store_true",
                        help=ui("reload the --content folder on every save and list its problems (not in kiosk mode)"))
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
    add_author_commands(commands, ui, Formatter)
    return parser


def add_author_commands(commands, ui: Translate, formatter) -> None:
    """``new-pack``, ``translate`` and ``pack``: the pack author's loop (zusammenleben.authoring)."""

    def command(name: str, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text, formatter_class=formatter, add_help=False)
        sub._optionals.title = ui("options")
        sub._positionals.title = ui("arguments")
        sub.add_argument("-h", "--help", action="help", help=ui("show this help and exit"))
        return sub

    new_pack = command("new-pack", ui("start a new content pack: a small valid example whose files explain "
                                      "their fields"))
    new_pack.add_argument("path", metavar=ui("FOLDER"), help=ui("the new pack's folder (must not exist yet)"))
    new_pack.add_argument("--title", required=True, metavar=ui("TITLE"), help=ui("the pack's title"))
    new_pack.add_argument("--languages", default="de,nl", metavar=ui("LANGUAGES"),
                          help=ui("the pack's languages, the one you write in first (default: de,nl)"))
    new_pack.add_argument("--start-year", type=int, default=2001, metavar=ui("YEAR"),
                          help=ui("the first year of the time bar (default: 2001)"))
    translate = command("translate", ui("write or update the pack's own translation catalog and count "
                                        "what is translated"))
    translate.add_argument("path", metavar=ui("FOLDER"), help=ui("the content pack folder"))
    translate.add_argument("--lang", dest="target_lang", required=True, metavar=ui("LANGUAGE"),
                           help=ui("the language to translate into, for example nl"))
    pack = command("pack", ui("check a content pack and write it as one .zlpack file to pass on"))
    pack.add_argument("path", metavar=ui("FOLDER"), help=ui("the content pack folder"))
    pack.add_argument("--output", metavar=ui("FOLDER"), default=None,
                      help=ui("where to write the .zlpack file (default: the current folder)"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    language = guess_language(argv)
    ui = load_translations("zusammenleben", language).gettext
    options = build_parser(ui).parse_args(argv)
    if options.command == "validate":
        from zusammenleben.content.cli_validate import run_validate

        return run_validate(options.path, translate=ui)
    if options.command in ("new-pack", "translate", "pack"):
        from zusammenleben.authoring import commands as author

        if options.command == "new-pack":
            return author.run_new_pack(options.path, options.title, options.languages, options.start_year,
                                       translate=ui)
        if options.command == "translate":
            return author.run_translate(options.path, options.target_lang, translate=ui)
        return author.run_pack(options.path, options.output, translate=ui)
    from zusammenleben import startup_gc

    startup_gc.hold()  # no cycle collection while the window is built: released after its first paint
    if not options.self_test:
        from zusammenleben.display_check import has_display

        if not has_display():
            startup_gc.release()
            print(no_display_message(ui), file=sys.stderr)
            return 1
    from zusammenleben.app import run

    return run(options)


def no_display_message(ui: Translate) -> str:
    """What to do without a display, instead of Qt's raw "could not connect to display" abort."""
    return ui("zusammenleben: no display was found (neither %(variables)s names a running desktop). Start the "
              "app in a desktop session. To check the app without a display, run: %(command)s") % {
        "variables": "DISPLAY / WAYLAND_DISPLAY", "command": "zusammenleben --self-test"}
