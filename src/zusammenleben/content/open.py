"""``open_content``: a pack folder or a ``.zlpack`` archive, loaded the same way.

The composition root, the live reload and drag-and-drop all start here, so an archive is
checked (``zlpack.read_zlpack``) and unpacked before the ordinary ``load_pack`` sees it.
"""

from __future__ import annotations

import os
from pathlib import Path

from zusammenleben.content.load import LoadResult, load_pack
from zusammenleben.content.zlpack import is_zlpack, unpack_zlpack


def open_content(path: str | os.PathLike[str]) -> LoadResult:
    """The pack at ``path`` (folder or ``.zlpack``) and its problems; an archive's problems refuse it whole."""
    if is_zlpack(path) and not Path(path).is_dir():
        folder, errors = unpack_zlpack(path)
        if folder is None:
            return LoadResult(None, errors)
        return load_pack(folder)
    return load_pack(path)
