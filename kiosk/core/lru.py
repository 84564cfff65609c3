"""A least-recently-used cache bounded by bytes, for decoded pictures and thumbnails."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ByteLRU(Generic[K, V]):
    """Keeps the most recently used values while their sizes add up to at most ``max_bytes``.

    A value larger than the whole budget is still kept, alone, so the picture on screen is never
    thrown away the moment it arrives.
    """

    def __init__(self, max_bytes: int, size_of: Callable[[V], int]) -> None:
        self.max_bytes = max_bytes
        self._size_of = size_of
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._total = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    @property
    def total_bytes(self) -> int:
        return self._total

    def get(self, key: K) -> V | None:
        entry = self._items.get(key)
        if entry is None:
            return None
        self._items.move_to_end(key)
        return entry[0]

    def put(self, key: K, value: V) -> None:
        size = max(0, int(self._size_of(value)))
        self.pop(key)
        self._items[key] = (value, size)
        self._total += size
        while self._total > self.max_bytes and len(self._items) > 1:
            _, (_, old) = self._items.popitem(last=False)
            self._total -= old

    def pop(self, key: K) -> V | None:
        entry = self._items.pop(key, None)
        if entry is None:
            return None
        self._total -= entry[1]
        return entry[0]

    def clear(self) -> None:
        self._items.clear()
        self._total = 0

    def keys(self) -> list[K]:
        """Keys from least to most recently used."""
        return list(self._items)
