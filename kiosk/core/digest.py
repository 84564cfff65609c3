"""BLAKE2 without OpenSSL.

`import hashlib` loads OpenSSL's libcrypto (about 3 MB resident) to offer its algorithms; the
kiosk's running process needs only BLAKE2 (content fingerprints, thumbnail names), which CPython
builds in. Staff commands and the PIN check use hashlib itself, imported where they need it.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b  # the very class hashlib.blake2b is
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

__all__ = ["blake2b"]
