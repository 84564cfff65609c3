"""The process's C heap on glibc: fewer arenas, and free memory handed back after each visit.

A film is decoded on FFmpeg's threads. glibc gives each new thread its own heap ("arena", up to
eight per core), and memory a film freed stays resident in the arena that held it, so a kiosk
playing films all day grows towards many arenas' worth of high-water marks. Measured with
`kiosk soak --parts watch` over 400 film visits: RSS grew steadily with glibc's defaults; with two
arenas and a trim after each visit it stays level, 100 MB lower (docs/benchmarks.md).

Both are no-ops where the C library is not glibc.
"""

from __future__ import annotations

import ctypes
from typing import Any

M_ARENA_MAX = -8  # from glibc's malloc.h
ARENAS = 2  # the UI thread and everyone else: decoding is not allocation-bound

_libc: dict[str, Any] = {}


def _glibc() -> Any | None:
    if "libc" not in _libc:
        try:
            lib = ctypes.CDLL("libc.so.6")
            _libc["libc"] = lib if hasattr(lib, "malloc_trim") and hasattr(lib, "mallopt") else None
        except OSError:
            _libc["libc"] = None
    return _libc["libc"]


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap the number of heaps; call before any thread starts. True when it took effect."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(M_ARENA_MAX, arenas) == 1)


def trim() -> None:
    """Return the free memory of every heap to the system (glibc's malloc_trim)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
