"""Open Office archives safely: the zip directory is not trusted.

The sizes a zip directory states are only a cheap first check (a header may lie): every
member is decompressed in small chunks and the bytes actually produced are counted, against
a cap on the whole archive (``ARCHIVE_FACTOR`` × max_bytes) and one per part, so a member
whose header understates its size, or a deflate bomb, stops after at most one chunk past the
cap. XML parts that declare a DOCTYPE or entities (entity expansion, external entities)
are refused before any XML parser sees them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..io import MAX_BYTES, size_label
from .limits import ARCHIVE_FACTOR

MAX_RATIO = 200  # uncompressed / compressed for one member, as the directory states it
MAX_MEMBERS = 10_000
CHUNK = 64 * 1024  # decompressed bytes produced at a time
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")


class Archive:
    """A zip archive whose members are read through counting streams."""

    def __init__(self, zf: zipfile.ZipFile, path: str, max_total: int) -> None:
        self.zf = zf
        self.path = path
        self.max_total = max_total
        self.total = 0  # decompressed bytes produced so far, over all members

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.zf.close()

    def stream(self, name: str, limit: int) -> PartStream | None:
        """A counting stream over the member ``name`` (None when absent)."""
        try:
            info = self.zf.getinfo(name)
        except KeyError:
            return None
        return PartStream(self, name, self.zf.open(info), limit)

    def read(self, name: str, limit: int) -> bytes | None:
        """The whole member (None when absent), at most ``limit`` bytes."""
        stream = self.stream(name, limit)
        if stream is None:
            return None
        with stream:
            chunks = []
            while chunk := stream.read(CHUNK):
                chunks.append(chunk)
        return b"".join(chunks)


class PartStream:
    """A file-like ``read(n)`` over one member: decompresses at most ``CHUNK`` bytes per call,
    counts them, and refuses a DOCTYPE or entity declaration anywhere in the part."""

    def __init__(self, archive: Archive, name: str, raw: IO[bytes], limit: int) -> None:
        self.archive = archive
        self.name = name
        self.raw = raw
        self.limit = limit
        self.size = 0
        self._tail = b""

    def __enter__(self) -> PartStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.raw.close()

    def read(self, n: int = -1) -> bytes:
        want = CHUNK if n is None or n < 0 else max(1, min(n, CHUNK))
        data = self.raw.read(want)
        self.size += len(data)
        self.archive.total += len(data)
        path = self.archive.path
        if self.size > self.limit:
            raise InputError(f"{self.name} decompresses to more than {size_label(self.limit)} "
                             "(the archive limit, from max_bytes / --max-bytes): refused", path)
        if self.archive.total > self.archive.max_total:
            raise InputError(f"archive decompresses to more than {size_label(self.archive.max_total)} "
                             f"({ARCHIVE_FACTOR} × max_bytes / --max-bytes): refused", path)
        window = self._tail + data
        if any(f in window for f in _FORBIDDEN):
            raise InputError(f"{self.name} declares a DOCTYPE or entities: refused", path)
        self._tail = window[-(max(map(len, _FORBIDDEN)) - 1):]
        return data


def open_archive(path: str, max_bytes: int = MAX_BYTES) -> Archive:
    """The archive, after a first check of the sizes its directory states."""
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", path)
    max_total = ARCHIVE_FACTOR * max_bytes
    try:
        zf = zipfile.ZipFile(p)
    except zipfile.BadZipFile:
        raise InputError("not a valid .docx (zip) archive", path) from None
    infos = zf.infolist()
    try:
        if len(infos) > MAX_MEMBERS:
            raise InputError(f"archive has {len(infos)} members (limit {MAX_MEMBERS})", path)
        total = sum(i.file_size for i in infos)
        if total > max_total:
            raise InputError(f"archive expands to {total} bytes (limit {size_label(max_total)}, "
                             f"{ARCHIVE_FACTOR} × max_bytes / --max-bytes): refused", path)
        for i in infos:
            if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 1_000_000:
                raise InputError(f"member {i.filename} is compressed {i.file_size // i.compress_size}:1: "
                                 "looks like a zip bomb, refused", path)
    except InputError:
        zf.close()
        raise
    return Archive(zf, path, max_total)
