"""Plain text files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

from ..io import MAX_BYTES, read_text
from .base import Extracted


def read(path: str, max_bytes: int = MAX_BYTES) -> Extracted:
    """Read a text file (``-`` for standard input) of at most ``max_bytes`` bytes."""
    return Extracted(format="text", path=path, text=read_text(path, max_bytes))


def read_markdown(path: str, max_bytes: int = MAX_BYTES) -> Extracted:
    """Read a Markdown draft: a text file whose markup the parser cuts out."""
    return Extracted(format="markdown", path=path, text=read_text(path, max_bytes))
