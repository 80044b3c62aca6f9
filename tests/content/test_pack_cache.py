"""The cache of the checked pack: a hit skips the loader, and nothing wrong hides behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

import zusammenleben.content.load as load_module
from zusammenleben.content import load_pack
from zusammenleben.content.pack_cache import CACHE_NAME, load_pack_cached, pack_key


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def no_loading(monkeypatch) -> None:
    def refuse(_root):
        raise AssertionError("the pack was loaded although the cache holds it")

    monkeypatch.setattr(load_module, "load_pack", refuse)


def test_the_second_load_comes_from_the_cache_and_equals_a_fresh_load(pack, cache_dir, monkeypatch):
    first = load_pack_cached(pack, cache_dir)
    assert first.ok and (cache_dir / CACHE_NAME).is_file()
    fresh = load_pack(pack)
    no_loading(monkeypatch)
    second = load_pack_cached(pack, cache_dir)
    assert second.ok and second.errors == []
    assert second.pack == fresh.pack


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", None])
def test_a_broken_cache_falls_back_to_loading_and_is_written_again(pack, cache_dir, garbage):
    assert load_pack_cached(pack, cache_dir).ok
    cache = cache_dir / CACHE_NAME
    good = cache.read_bytes()
    cache.write_bytes(good[: len(good) // 2] if garbage is None else garbage)  # None: a truncated file
    result = load_pack_cached(pack, cache_dir)
    assert result.ok and result.pack == load_pack(pack).pack
    assert cache.read_bytes() == good


def test_a_changed_pack_file_is_read_again(pack, cache_dir):
    before = load_pack_cached(pack, cache_dir).pack
    toml = pack / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(before.title, before.title + " neu", 1),
                    encoding="utf-8")
    after = load_pack_cached(pack, cache_dir)
    assert after.ok and after.pack.title == before.title + " neu"


def test_a_broken_pack_is_never_answered_from_the_cache(pack, cache_dir):
    assert load_pack_cached(pack, cache_dir).ok
    cached = (cache_dir / CACHE_NAME).read_bytes()
    (pack / "chapters.toml").write_text("[[chapter]\nid = ", encoding="utf-8")
    broken = load_pack_cached(pack, cache_dir)
    assert broken.pack is None and any(error.file.endswith("chapters.toml") for error in broken.errors)
    assert (cache_dir / CACHE_NAME).read_bytes() == cached  # a broken pack is not written


def test_a_new_file_in_the_pack_changes_the_key(pack):
    key = pack_key(pack)
    (pack / "chapters" / "extra.md").write_text("# neu\n", encoding="utf-8")
    assert pack_key(pack) != key


def test_an_unwritable_cache_only_costs_the_cache(pack, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    result = load_pack_cached(pack, blocker / "cache")
    assert result.ok and result.pack == load_pack(pack).pack


def test_no_cache_folder_means_a_plain_load(pack):
    assert load_pack_cached(pack, None).pack == load_pack(pack).pack


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_place_of_the_cache_is_not_waited_for(pack, cache_dir):
    import os

    cache_dir.mkdir(parents=True, exist_ok=True)
    os.mkfifo(cache_dir / CACHE_NAME)  # a plain read would block the start-up for ever
    result = load_pack_cached(pack, cache_dir)
    assert result.ok and not result.errors
