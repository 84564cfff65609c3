"""Every test runs with its own config, data, state, cache and log folders, so the suite never
reads a developer's settings or writes into the kiosk's real analytics or crash records."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def pytest_configure(config: pytest.Config) -> None:
    home = tempfile.mkdtemp(prefix="kiosk-tests-")
    config.stash[_home_key] = home
    for var in XDG_VARS:
        os.environ[var] = os.path.join(home, var.lower())


def pytest_unconfigure(config: pytest.Config) -> None:
    home = config.stash.get(_home_key, None)
    if home:
        shutil.rmtree(home, ignore_errors=True)


_home_key = pytest.StashKey[str]()
