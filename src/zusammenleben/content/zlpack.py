"""``.zlpack``: one file to hand a content pack on — a zip with a manifest of sizes and SHA-256 checksums.

Why a manifest: a zip's own CRC catches a damaged download, but not a file that was swapped or
left out, and it says nothing about which files belong to the pack. The manifest
(``zlpack.json``) lists every file with its size and checksum; opening refuses an archive
with any file that is missing, extra, changed, a link, or named so that it would land outside
the pack (``..``, an absolute path, a drive, a ``\\``: "zip slip"). Everything is checked
before anything is written, and the files are unpacked into a fresh private folder, so a bad
archive is never half-loaded. The checksums protect against accidents, not against someone
who rewrites the manifest too (there is no signature).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from zusammenleben.content.errors import N_, ContentError, ContentMessage, ErrorList
from zusammenleben.content.load import load_pack
from zusammenleben.safe_save import write_atomically

SUFFIX = ".zlpack"
MANIFEST = "zlpack.json"
FORMAT = "zlpack"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
_SKIP_SUFFIXES = {SUFFIX, ".mo", ".pyc", ".swp", ".tmp"}
_DRIVE = re.compile(r"^[A-Za-z]:")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class ZM:
    """Messages about archives (msgids only; translated when printed)."""

    DAMAGED = N_("the archive is damaged or incomplete: %(detail)s")
    NO_MANIFEST = N_("the archive has no manifest (zlpack.json); it was not made by 'zusammenleben pack'")
    BAD_MANIFEST = N_("the manifest (zlpack.json) cannot be read: %(detail)s")
    NEWER_FORMAT = N_("the archive uses format version %(version)s; this app reads version %(supported)s")
    UNSAFE_PATH = N_("'%(path)s' would be unpacked outside the pack; the archive is refused")
    LINK = N_("'%(path)s' is a link; a pack may not contain links")
    CHECKSUM = N_("'%(path)s' was changed after packing (its checksum differs)")
    SIZE = N_("'%(path)s' has %(found)s bytes, the manifest says %(expected)s")
    MISSING = N_("'%(path)s' is listed in the manifest but missing from the archive")
    UNLISTED = N_("'%(path)s' is in the archive but not in the manifest")
    TOO_LARGE = N_("the archive unpacks to more than %(limit)s MB")
    TOO_MANY = N_("the archive holds more than %(limit)s files")
    WRITTEN = N_("wrote %(path)s (%(count)d files)")


@dataclass(frozen=True)
class PackedFile:
    name: str
    size: int
    sha256: str


def is_zlpack(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() == SUFFIX


# -- writing --------------------------------------------------------------------------------------


def pack_files(folder: Path, errors: ErrorList) -> list[tuple[str, Path]]:
    """The files that go into the archive, as ``(name, path)``; a link leading out is reported, not followed.

    Hidden files (``.git``, editor swap files), compiled catalogs and earlier archives stay out.
    """
    root = folder.resolve()
    found: list[tuple[str, Path]] = []
    for directory, subdirs, names in os.walk(root, followlinks=False):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d != "__pycache__")
        here = Path(directory)
        for name in sorted(names):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if name.startswith(".") or path.suffix.lower() in _SKIP_SUFFIXES or name.endswith("~"):
                continue
            resolved = path.resolve()
            if not resolved.is_relative_to(root):
                errors.add(rel, 0, "", ContentMessage.PATH_OUTSIDE, path=rel)
                continue
            if resolved.is_file():
                found.append((rel, resolved))
        for name in list(subdirs):  # a linked folder is followed only if it stays inside the pack
            path = here / name
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                errors.add(path.relative_to(root).as_posix(), 0, "", ContentMessage.PATH_OUTSIDE,
                           path=path.relative_to(root).as_posix())
                subdirs.remove(name)
    return found


def archive_name(pack_id: str, version: str) -> str:
    return f"{pack_id}-{_UNSAFE_NAME.sub('_', version).strip('._') or '0'}{SUFFIX}"


def write_zlpack(folder: str | os.PathLike[str], out_dir: str | os.PathLike[str] | None = None
                 ) -> tuple[Path | None, list[ContentError]]:
    """Validate the pack and write ``<id>-<version>.zlpack`` into ``out_dir`` (default: the current folder).

    Returns the archive, or None and every problem (of the pack, or of a link leading out of it).
    The archive is written to a temporary file and renamed, so an interrupted run leaves no stub.
    """
    result = load_pack(folder)
    if result.pack is None:
        return None, result.errors
    errors = ErrorList()
    files = pack_files(Path(folder), errors)
    if len(errors):
        return None, errors.sorted()
    target_dir = Path(out_dir) if out_dir is not None else Path.cwd()
    target = target_dir / archive_name(result.pack.id, result.pack.version)
    import hashlib  # here, not at start-up: the bundle leaves OpenSSL's _hashlib out (bundle_filters.py)

    entries = []
    for name, path in files:
        data = path.read_bytes()
        entries.append((PackedFile(name, len(data), hashlib.sha256(data).hexdigest()), data))
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": result.pack.id,
        "version": result.pack.version,
        "files": {entry.name: {"size": entry.size, "sha256": entry.sha256} for entry, _data in entries},
    }
    target_dir.mkdir(parents=True, exist_ok=True)

    def write_archive(temporary: Path) -> None:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
            for entry, data in entries:
                archive.writestr(zipfile.ZipInfo(entry.name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                                 compress_type=zipfile.ZIP_DEFLATED)

    write_atomically(target, write_archive)
    return target, []


# -- reading --------------------------------------------------------------------------------------


def unsafe_name(name: str) -> bool:
    """True for a name that could land outside the unpack folder or that no pack file has."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or _DRIVE.match(name):
        return True
    parts = PurePosixPath(name).parts
    return ".." in parts or "." in parts or not parts


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def read_zlpack(path: str | os.PathLike[str]) -> tuple[dict[str, bytes] | None, list[ContentError]]:
    """Every file of the archive, checked against its manifest; or None and the reasons it is refused."""
    label = Path(path).name
    errors = ErrorList()

    def refuse(message_id: str, **params: object) -> tuple[None, list[ContentError]]:
        errors.add(label, 0, "", message_id, **params)
        return None, errors.sorted()

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        return refuse(ZM.DAMAGED, detail=str(error) or type(error).__name__)
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            return refuse(ZM.TOO_MANY, limit=MAX_ENTRIES)
        for info in infos:
            if unsafe_name(info.filename.rstrip("/") if info.is_dir() else info.filename):
                errors.add(label, 0, "", ZM.UNSAFE_PATH, path=info.filename)
            elif _is_link(info):
                errors.add(label, 0, "", ZM.LINK, path=info.filename)
        if len(errors):
            return None, errors.sorted()
        names = {info.filename: info for info in infos if not info.is_dir()}
        if MANIFEST not in names:
            return refuse(ZM.NO_MANIFEST)
        try:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            listed = {str(name): (int(entry["size"]), str(entry["sha256"]))
                      for name, entry in manifest["files"].items()}
            version = int(manifest.get("format_version", 0))
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            return refuse(ZM.DAMAGED, detail=str(error) or type(error).__name__)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            return refuse(ZM.BAD_MANIFEST, detail=str(error) or type(error).__name__)
        if manifest.get("format") != FORMAT or version < 1:
            return refuse(ZM.BAD_MANIFEST, detail="format")
        if version > FORMAT_VERSION:
            return refuse(ZM.NEWER_FORMAT, version=version, supported=FORMAT_VERSION)
        for name in sorted(set(listed) - set(names)):
            errors.add(label, 0, "", ZM.MISSING, path=name)
        for name in sorted(set(names) - set(listed) - {MANIFEST}):
            errors.add(label, 0, "", ZM.UNLISTED, path=name)
        for name in listed:
            if unsafe_name(name):
                errors.add(label, 0, "", ZM.UNSAFE_PATH, path=name)
        if len(errors):
            return None, errors.sorted()
        if sum(size for size, _digest in listed.values()) > MAX_TOTAL_BYTES:
            return refuse(ZM.TOO_LARGE, limit=MAX_TOTAL_BYTES // (1024 * 1024))
        import hashlib  # here, not at start-up: the bundle leaves OpenSSL's _hashlib out (bundle_filters.py)

        contents: dict[str, bytes] = {}
        for name, (size, digest) in sorted(listed.items()):
            if size > MAX_FILE_BYTES or names[name].file_size != size:
                errors.add(label, 0, "", ZM.SIZE, path=name, found=names[name].file_size, expected=size)
                continue
            try:
                with archive.open(names[name]) as member:
                    data = member.read(size + 1)  # never more than the manifest allows (zip bombs)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
                return refuse(ZM.DAMAGED, detail=f"{name}: {error}")
            if len(data) != size:
                errors.add(label, 0, "", ZM.SIZE, path=name, found=len(data), expected=size)
            elif hashlib.sha256(data).hexdigest() != digest:
                errors.add(label, 0, "", ZM.CHECKSUM, path=name)
            else:
                contents[name] = data
    if len(errors):
        return None, errors.sorted()
    return contents, []


_UNPACKED: list[Path] = []


def _remove_unpacked() -> None:
    for folder in _UNPACKED:
        shutil.rmtree(folder, ignore_errors=True)


atexit.register(_remove_unpacked)


def unpack_zlpack(path: str | os.PathLike[str]) -> tuple[Path | None, list[ContentError]]:
    """The archive checked whole, then unpacked into a new private folder (removed when the app exits)."""
    contents, errors = read_zlpack(path)
    if contents is None:
        return None, errors
    folder = Path(tempfile.mkdtemp(prefix="zusammenleben-pack-"))
    _UNPACKED.append(folder)
    try:
        for name, data in contents.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        return None, [ContentError(Path(path).name, 0, "", ContentMessage.FILE_UNREADABLE,
                                   {"reason": error.strerror or ""})]
    return folder, []
