"""The byte-bounded LRU cache behind thumbnails and viewer pictures (Qt-free)."""

from __future__ import annotations

from kiosk.core.lru import ByteLRU


def test_least_recently_used_goes_first_when_over_budget() -> None:
    """Adding past the budget drops the entry used longest ago."""
    cache: ByteLRU[str, bytes] = ByteLRU(10, len)
    cache.put("a", b"1234")
    cache.put("b", b"1234")
    assert cache.get("a") == b"1234"
    cache.put("c", b"1234")
    assert "b" not in cache and "a" in cache and "c" in cache
    assert cache.total_bytes == 8


def test_an_oversized_entry_is_kept_alone() -> None:
    """A value larger than the whole budget stays, by itself."""
    cache: ByteLRU[str, bytes] = ByteLRU(4, len)
    cache.put("a", b"12")
    cache.put("big", b"123456789")
    assert cache.keys() == ["big"] and cache.total_bytes == 9


def test_replace_pop_and_clear_keep_the_byte_count_right() -> None:
    """Replacing, removing and clearing adjust the total."""
    cache: ByteLRU[str, bytes] = ByteLRU(100, len)
    cache.put("a", b"12")
    cache.put("a", b"12345")
    assert cache.total_bytes == 5 and len(cache) == 1
    assert cache.pop("a") == b"12345" and cache.total_bytes == 0
    cache.put("b", b"1")
    cache.clear()
    assert len(cache) == 0 and cache.total_bytes == 0 and cache.get("b") is None
