"""Plain text files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

from ..io import read_text
from .base import Extracted


def read(path: str) -> Extracted:
    """Read a text file (``-`` for standard input)."""
    return Extracted(format="text", path=path, text=read_text(path))
