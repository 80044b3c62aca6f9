"""``.zlpack``: one checked file; the app opens it; tampered, truncated, zip-slip and linked archives are refused."""

from __future__ import annotations

import io
import json
import os
import stat
import tempfile
import zipfile

import pytest
from authoring_helpers import new_pack

from zusammenleben.authoring.commands import run_pack
from zusammenleben.content import summary
from zusammenleben.content.open import open_content
from zusammenleben.content.zlpack import MANIFEST, read_zlpack, unpack_zlpack, write_zlpack


@pytest.fixture
def archive(tmp_path):
    folder = new_pack(tmp_path / "stadt")
    target, errors = write_zlpack(folder, tmp_path / "out")
    assert errors == [] and target is not None
    return folder, target


def rewrite(source, target, change) -> None:
    """Copy a zip entry by entry; ``change(name, data)`` returns new ``(name, data, mode)`` or None to drop."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            result = change(info.filename, old.read(info))
            if result is None:
                continue
            name, data, mode = result
            entry = zipfile.ZipInfo(name)
            if mode is not None:
                entry.external_attr = mode << 16
            new.writestr(entry, data)


def test_round_trip_keeps_every_file_and_the_pack(archive, tmp_path):
    folder, target = archive
    assert target.name == f"stadt-{open_content(folder).pack.version}.zlpack"
    with zipfile.ZipFile(target) as zipped:
        manifest = json.loads(zipped.read(MANIFEST))
    assert "chapters/02-heute.md" in manifest["files"] and "README.md" in manifest["files"]
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())
    opened = open_content(target)
    assert opened.errors == []
    assert summary(opened.pack) == summary(open_content(folder).pack)
    assert opened.pack.chapters[1].body == open_content(folder).pack.chapters[1].body


def test_the_pack_command_refuses_a_pack_with_problems(tmp_path):
    folder = new_pack(tmp_path / "stadt")
    (folder / "sources.toml").write_text("[[source]]\nid = 'x'\n", encoding="utf-8")
    out = io.StringIO()
    assert run_pack(str(folder), str(tmp_path / "out"), out=out) == 1
    assert "sources.toml:" in out.getvalue()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_app_opens_an_archive(build_app, archive):
    _folder, target = archive
    parts = build_app(content=str(target))
    assert parts.content_errors == [] and parts.context.pack.id == "stadt"


def refused(path, fragment: str, monkeypatch, tmp_path) -> None:
    """Refused whole, with a message naming the problem, and nothing unpacked anywhere."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    folder, errors = unpack_zlpack(path)
    assert folder is None
    lines = [error.format() for error in errors]
    assert any(fragment in line for line in lines), lines
    assert all(line.startswith(path.name) for line in lines)
    assert list(scratch.iterdir()) == []
    assert open_content(path).pack is None


def test_a_tampered_file_is_refused(archive, tmp_path, monkeypatch):
    _folder, target = archive
    bad = tmp_path / "tampered.zlpack"
    rewrite(target, bad, lambda name, data: (name, data.replace(b"Die Stadt heute", b"Die Stadt HEUTE"), None))
    refused(bad, "'chapters.toml' was changed after packing", monkeypatch, tmp_path)


def test_a_truncated_archive_is_refused(archive, tmp_path, monkeypatch):
    _folder, target = archive
    bad = tmp_path / "truncated.zlpack"
    bad.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    refused(bad, "damaged or incomplete", monkeypatch, tmp_path)


def test_a_zip_slip_entry_is_refused(archive, tmp_path, monkeypatch):
    _folder, target = archive

    def slip(name, data):
        return ("../../evil.toml" if name == "events.toml" else name), data, None

    bad = tmp_path / "slip.zlpack"
    rewrite(target, bad, slip)
    refused(bad, "'../../evil.toml' would be unpacked outside the pack", monkeypatch, tmp_path)
    assert not (tmp_path.parent / "evil.toml").exists()


@pytest.mark.parametrize("name", ["/etc/zusammenleben.toml", "C:/x.toml", "chapters\\x.md"])
def test_absolute_and_backslash_entries_are_refused(archive, tmp_path, monkeypatch, name):
    _folder, target = archive
    bad = tmp_path / "absolute.zlpack"
    rewrite(target, bad, lambda entry, data: ((name if entry == "events.toml" else entry), data, None))
    refused(bad, "would be unpacked outside the pack", monkeypatch, tmp_path)


def test_a_symlink_entry_is_refused(archive, tmp_path, monkeypatch):
    _folder, target = archive

    def link(name, data):
        if name == "chapters/01-anfang.md":
            return name, b"/etc/passwd", stat.S_IFLNK | 0o777
        return name, data, None

    bad = tmp_path / "link.zlpack"
    rewrite(target, bad, link)
    refused(bad, "'chapters/01-anfang.md' is a link", monkeypatch, tmp_path)


def test_missing_and_unlisted_files_are_refused(archive, tmp_path, monkeypatch):
    _folder, target = archive
    bad = tmp_path / "swapped.zlpack"
    rewrite(target, bad, lambda name, data: None if name == "glossary.toml" else (name, data, None))
    with zipfile.ZipFile(bad, "a") as zipped:
        zipped.writestr("extra.toml", b"x = 1")
    contents, errors = read_zlpack(bad)
    assert contents is None
    lines = [error.format() for error in errors]
    assert any("'glossary.toml' is listed in the manifest but missing" in line for line in lines)
    assert any("'extra.toml' is in the archive but not in the manifest" in line for line in lines)


def test_packing_refuses_a_link_that_leaves_the_pack(tmp_path):
    folder = new_pack(tmp_path / "stadt")
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    os.symlink(secret, folder / "chapters" / "notes.md")
    target, errors = write_zlpack(folder, tmp_path / "out")
    assert target is None
    assert [error.format() for error in errors] == [
        "chapters/notes.md: 'chapters/notes.md' leads outside the pack folder (symbolic link)"]


def test_not_a_zip_at_all(tmp_path, monkeypatch):
    bad = tmp_path / "holiday.zlpack"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not an archive")
    refused(bad, "damaged or incomplete", monkeypatch, tmp_path)
