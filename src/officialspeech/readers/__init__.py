"""Readers: turn a file into text (plus the structure hints its format carries).

``read_document(path, input_format=None)`` picks the reader from the file name: .docx, .pdf,
.html/.htm, anything else as text; ``-`` is standard input (text unless ``input_format``
says otherwise). ``read_document_bytes(data, name, input_format)`` reads a document already in
memory. The PDF, .docx and HTML readers need the extras ``pdf``, ``docx`` and ``html``.
Whatever a damaged file makes a reader or its library raise becomes an ``InputError``
naming the file. Every reader works under the caps of :mod:`.limits`: ``max_bytes``
(default 64 MiB) on the bytes read and on the extracted text, and caps on paragraphs and
elements; exceeding one is an ``InputError`` naming the limit.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..io import MAX_BYTES, read_limited
from .base import Extracted, Hint, InputFormat
from .limits import check_max_bytes, check_text

SUFFIXES: dict[str, InputFormat] = {".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".pdf": "pdf",
                                    ".html": "html", ".htm": "html", ".xhtml": "html"}
FORMATS: tuple[InputFormat, ...] = ("text", "markdown", "docx", "pdf", "html")
"""The readers; ``markdown`` is text whose Markdown markup the parser cuts out."""
ALIASES: dict[str, InputFormat] = {"md": "markdown"}
"""Other names ``--input-format`` takes for a reader."""
NAMES = {"text": "text", "markdown": "Markdown", "docx": ".docx", "pdf": "PDF", "html": "HTML"}
TEXT_FORMATS = ("text", "markdown")
"""The formats read as text: decoded, not extracted (spans index the file itself)."""


def detect_format(path: str) -> InputFormat:
    """The reader for ``path`` by its suffix (text when unknown; .md and .markdown: markdown)."""
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def format_name(name: str) -> InputFormat:
    """``--input-format``'s value with its aliases resolved (md: markdown); an argparse ``type``
    (argparse's ``choices`` rejects what is no format)."""
    return ALIASES.get(name, name)  # type: ignore[arg-type]


def _reader(fmt: str, path: str) -> Callable[[str, int], Extracted]:
    if fmt == "text":
        from .text import read
    elif fmt == "markdown":
        from .text import read_markdown as read
    elif fmt == "docx":
        from .docx import read
    elif fmt == "pdf":
        from .pdf import read
    elif fmt == "html":
        from .html import read
    else:
        raise InputError(f"unknown input format {fmt!r}", path)
    return read


def _guarded(fmt: str, path: str, read: Callable[[str, int], Extracted], source: str, max_bytes: int) -> Extracted:
    """``read(source, max_bytes)`` with whatever it raises as an InputError naming ``path``
    (``source`` may be a temporary copy: its name never shows), its text checked against
    the caps."""
    try:
        extracted = read(source, max_bytes)
        check_text(extracted.text, path, max_bytes)
        return extracted
    except InputError as exc:
        if source == path:
            raise
        message = str(exc).removeprefix(f"{exc.path}: ") if exc.path else str(exc)
        raise InputError(message.replace(source, path), path) from None
    except ImportError as exc:
        raise InputError(f"reading {fmt} needs the {fmt} extra ({exc.name} is missing)", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path) from None
    except MemoryError:
        raise InputError("out of memory while reading", path) from None
    except RecursionError:
        raise InputError(f"{NAMES[fmt]} nested too deeply to read", path) from None
    except Exception as exc:  # a damaged file: zip CRC errors, malformed XML, bad numbers…
        detail = " ".join(str(exc).replace(source, path).split())  # one line, whatever the library said
        raise InputError(f"damaged {NAMES[fmt]} file ({type(exc).__name__}: {detail})", path) from None


def read_document(path: str, input_format: InputFormat | None = None, max_bytes: int = MAX_BYTES) -> Extracted:
    """Read ``path`` with the reader for ``input_format`` (default: by suffix); a file, or
    the text extracted from it, over ``max_bytes`` bytes is an InputError."""
    check_max_bytes(max_bytes)
    fmt = format_name(input_format) if input_format else ("text" if path == "-" else detect_format(path))
    read = _reader(fmt, path)
    if path == "-" and fmt not in TEXT_FORMATS:
        return read_document_bytes(read_limited(sys.stdin.buffer, max_bytes, "<stdin>"), "-", fmt, max_bytes)
    return _guarded(fmt, path, read, path, max_bytes)


def read_document_bytes(data: bytes, name: str, input_format: InputFormat = "text",
                        max_bytes: int = MAX_BYTES) -> Extracted:
    """Read a document held in memory (standard input, a table cell…); ``name`` names it in
    errors and in ``Extracted.path``."""
    from ..io import decode, too_large

    check_max_bytes(max_bytes)
    label = "<stdin>" if name == "-" else name  # how errors name it
    if len(data) > max_bytes:
        raise InputError(too_large("input", max_bytes), label)
    if input_format in TEXT_FORMATS:
        return Extracted(format=input_format, path=name, text=decode(data, label))
    read = _reader(input_format, label)
    if not data.strip():
        raise InputError("empty input", label)
    import tempfile  # (only binary input from a stream: its import costs start-up ~3 ms)

    fd, tmp = tempfile.mkstemp(suffix={"docx": ".docx", "pdf": ".pdf"}.get(input_format, ".html"))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        extracted = _guarded(input_format, label, read, tmp, max_bytes)
    finally:
        os.unlink(tmp)
    return dataclasses.replace(extracted, path=name)


__all__ = ["ALIASES", "FORMATS", "TEXT_FORMATS", "Extracted", "Hint", "InputFormat", "detect_format", "format_name",
           "read_document", "read_document_bytes"]
