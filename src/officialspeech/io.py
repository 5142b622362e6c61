"""Read speech files: UTF-8 (with or without BOM), UTF-16 with BOM or GB18030.

:func:`read_decoded` also says which encoding (and byte order mark) the file was in, so that
``check --fix`` can write it back the same way.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MAX_BYTES = 64 * 1024 * 1024

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


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, or of standard input when ``path`` is ``-``; errors are InputError."""
    name = str(path)
    if name == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory", name)
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"file larger than {MAX_BYTES // (1024 * 1024)} MiB", name)
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), name) from None


def read_decoded(path: str | Path) -> Decoded:
    """Read and decode a speech file (``-``: standard input), keeping its encoding."""
    name = str(path)
    return decode_detected(read_bytes(path), "<stdin>" if name == "-" else name)


def read_text(path: str | Path) -> str:
    """Read a speech from a file, or from standard input when ``path`` is ``-``."""
    return read_decoded(path).text
