"""The app keeps Qt's pixmap cache small.

Issue 19 (fourth session): with Qt's default limit of 10 MB the cache of drawn style primitives
filled slowly over a day of random use and stayed full; it was most of the memory a kiosk gained
after its warm-up. The app's working set is far smaller (benchmarks/RESULTS.md).
"""

from __future__ import annotations

from PySide6.QtGui import QPixmap, QPixmapCache

from zusammenleben.app import PIXMAP_CACHE_KB


def test_the_window_is_built_with_a_small_pixmap_cache(build_app):
    QPixmapCache.setCacheLimit(10 * 1024)  # Qt's default, as a fresh process has it
    build_app()
    assert QPixmapCache.cacheLimit() == PIXMAP_CACHE_KB < 10 * 1024


def test_pixmaps_beyond_the_limit_are_dropped_not_kept(build_app):
    build_app()
    side = 256  # 256 KB each at 32 bits per pixel
    count = 4 * PIXMAP_CACHE_KB // (side * side * 4 // 1024)
    for number in range(count):
        pixmap = QPixmap(side, side)
        pixmap.fill()
        QPixmapCache.insert(f"test-{number}", pixmap)
    kept = [number for number in range(count) if QPixmapCache.find(f"test-{number}") is not None]
    assert 0 < len(kept) * side * side * 4 // 1024 <= PIXMAP_CACHE_KB
    QPixmapCache.clear()
