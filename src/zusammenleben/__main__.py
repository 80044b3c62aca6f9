"""``python -m zusammenleben`` and the ``zusammenleben`` command."""

import sys

from zusammenleben.cli import main as _cli_main


def main() -> int:
    return _cli_main()


if __name__ == "__main__":
    sys.exit(main())
