"""Read speech files: UTF-8 (with or without BOM), UTF-16 with BOM or GB18030.

:func:`read_decoded` also says which encoding (and byte order mark) the file was in, so that
``check --fix`` can write it back the same way.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

MAX_BYTES = 64 * 1024 * 1024  # the default cap on a document's bytes and extracted text
CHUNK = 1 << 20  # bytes read at a time

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


@dataclass(frozen=True)
class TextEncoding:
    """How a text file was stored: the codec and the byte order mark in front of the text."""

    codec: str
    bom: bytes = b""

    @property
    def label(self) -> str:
        """The encoding for people: ``UTF-8 with BOM``, ``GB18030``…"""
        names = {"utf-8": "UTF-8", "utf-16-le": "UTF-16 (little-endian)", "utf-16-be": "UTF-16 (big-endian)",
                 "gb18030": "GB18030"}
        name = names.get(self.codec, self.codec)
        return f"{name} with BOM" if self.bom and self.codec == "utf-8" else name

    def encode(self, text: str) -> bytes:
        """``text`` as the file stores it (raises UnicodeEncodeError when it cannot)."""
        return self.bom + text.encode(self.codec)


@dataclass(frozen=True)
class Decoded:
    """A decoded text file: the text, its encoding and the bytes read."""

    text: str
    encoding: TextEncoding
    data: bytes


def decode_detected(data: bytes, path: str | None = None) -> Decoded:
    """Decode the bytes of a speech file and say how they were encoded, refusing binary,
    undecodable and empty input."""
    raw = data
    bom = b""
    if data.startswith(_UTF8_BOM):
        bom, data = _UTF8_BOM, data[3:]
        encodings: tuple[str, ...] = ("utf-8",)
    elif data[:2] in _UTF16_BOMS:
        bom, encodings, data = data[:2], (_UTF16_BOMS[data[:2]],), data[2:]
    else:
        encodings = ("utf-8", "gb18030")
    if not data.strip():
        raise InputError("empty input", path)
    utf16 = encodings[0].startswith("utf-16")
    if not utf16 and b"\x00" in data[:8192]:
        raise InputError("binary input (NUL bytes); expected a text file", path)
    last: UnicodeDecodeError | None = None
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            if last is None or exc.start > last.start:  # the encoding that read furthest is the
                last = exc  # likely one: its first bad byte is the one to report
            continue
        if not text.strip():
            raise InputError("empty input", path)
        return Decoded(text, TextEncoding(enc, bom), raw)
    assert last is not None
    names = "utf-16" if utf16 else " or ".join(encodings)
    raise InputError(
        f"cannot decode as {names} (first bad byte 0x{last.object[last.start]:02X} "
        f"at byte offset {last.start + len(bom)})", path  # an offset into the file, BOM included
    )


def decode(data: bytes, path: str | None = None) -> str:
    """Decode the bytes of a speech file, refusing binary, undecodable and empty input."""
    return decode_detected(data, path).text


def size_label(n: int) -> str:
    """A byte count for people: ``64 MiB``, ``512 KiB`` or ``100 bytes``."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"


def too_large(what: str, max_bytes: int) -> str:
    """The one-line message of an input over the ``max_bytes`` cap."""
    return f"{what} larger than the limit of {size_label(max_bytes)} (max_bytes / --max-bytes)"


def read_limited(fh: BinaryIO, max_bytes: int, name: str, what: str = "input") -> bytes:
    """At most ``max_bytes`` bytes of ``fh``, read and counted (a file's stated size is not
    trusted: it may grow, or be a pipe or a device); more is an InputError naming the limit."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = fh.read(min(CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(too_large(what, max_bytes), name)
        chunks.append(chunk)


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file, or of standard input when ``path`` is ``-``, at most ``max_bytes``
    of them; errors are InputError."""
    name = str(path)
    if name == "-":
        return read_limited(sys.stdin.buffer, max_bytes, "<stdin>")
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory", name)
        if p.stat().st_size > max_bytes:  # (cheap early refusal; the read below counts anyway)
            raise InputError(too_large("file", max_bytes), name)
        with open(p, "rb") as fh:
            return read_limited(fh, max_bytes, name, "file")
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), name) from None


def read_decoded(path: str | Path, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read and decode a speech file (``-``: standard input), keeping its encoding."""
    name = str(path)
    return decode_detected(read_bytes(path, max_bytes), "<stdin>" if name == "-" else name)


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a speech from a file, or from standard input when ``path`` is ``-`` (at most
    ``max_bytes`` bytes, default 64 MiB: more is an InputError)."""
    return read_decoded(path, max_bytes).text
