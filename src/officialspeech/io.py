"""Read speech files: UTF-8 (with or without BOM), UTF-16 with BOM or GB18030."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError

MAX_BYTES = 64 * 1024 * 1024


def decode(data: bytes, path: str | None = None) -> str:
    """Decode the bytes of a speech file, refusing binary, undecodable and empty input."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        encodings: tuple[str, ...] = ("utf-8",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    if not data.strip():
        raise InputError("empty input", path)
    if encodings != ("utf-16",) and b"\x00" in data[:8192]:
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
        return text
    assert last is not None
    offset = last.start + (3 if encodings == ("utf-8",) else 0)  # an offset into the file, BOM included
    raise InputError(
        f"cannot decode as {' or '.join(encodings)} (first bad byte 0x{last.object[last.start]:02X} "
        f"at byte offset {offset})", path
    )


def read_text(path: str | Path) -> str:
    """Read a speech from a file, or from standard input when ``path`` is ``-``."""
    name = str(path)
    if name == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory", name)
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"file larger than {MAX_BYTES // (1024 * 1024)} MiB", name)
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), name) from None
    return decode(data, name)
