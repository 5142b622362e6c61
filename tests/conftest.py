"""Shared fixtures: the third-party corpus in ../shared is read in place, never copied."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# the command lines the tests start write their compiled patterns here, not to ~/.cache
os.environ.setdefault("OFFICIALSPEECH_CACHE_DIR", tempfile.mkdtemp(prefix="officialspeech-cache-"))

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared next to the repository; tests that need it skip when it is absent."""
    if not (SHARED / "corpus" / "gold").is_dir():
        pytest.skip("../shared/corpus is not available")
    return SHARED
