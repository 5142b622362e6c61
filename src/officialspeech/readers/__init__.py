"""Readers: turn a file into text (plus the structure hints its format carries).

``read_document(path, input_format=None)`` picks the reader from the file name: .docx, .pdf,
.html/.htm, anything else as text. The PDF, .docx and HTML readers need the extras
``pdf``, ``docx`` and ``html``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .base import Extracted, Hint, InputFormat

SUFFIXES: dict[str, InputFormat] = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
                                    ".xhtml": "html"}
FORMATS: tuple[InputFormat, ...] = ("text", "docx", "pdf", "html")


def detect_format(path: str) -> InputFormat:
    """The reader for ``path`` by its suffix (text when unknown)."""
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def read_document(path: str, input_format: InputFormat | None = None) -> Extracted:
    """Read ``path`` with the reader for ``input_format`` (default: by suffix)."""
    fmt = input_format or ("text" if path == "-" else detect_format(path))
    if fmt == "text":
        from .text import read
    elif fmt == "docx":
        from .docx import read
    elif fmt == "pdf":
        from .pdf import read
    elif fmt == "html":
        from .html import read
    else:
        raise InputError(f"unknown input format {fmt!r}", path)
    if path == "-" and fmt != "text":
        raise InputError(f"{fmt} cannot be read from standard input; give the file's path", "<stdin>")
    try:
        return read(path)
    except ImportError as exc:
        raise InputError(f"reading {fmt} needs the {fmt} extra ({exc.name} is missing)", path) from None


__all__ = ["FORMATS", "Extracted", "Hint", "InputFormat", "detect_format", "read_document"]
