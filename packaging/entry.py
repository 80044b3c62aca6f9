"""PyInstaller's entry script: the same ``main`` as the ``zusammenleben`` command."""

import sys

from zusammenleben.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
