"""Open Office archives safely: refuse zip bombs, oversized parts and XML entity tricks."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError

MAX_TOTAL = 200 * 1024 * 1024  # uncompressed bytes in the whole archive
MAX_RATIO = 200  # uncompressed / compressed for one member
MAX_MEMBERS = 10_000


def open_archive(path: str) -> zipfile.ZipFile:
    """The archive, after checking sizes and ratios against the limits above."""
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", path)
    try:
        zf = zipfile.ZipFile(p)
    except zipfile.BadZipFile:
        raise InputError("not a valid .docx (zip) archive", path) from None
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"archive has {len(infos)} members (limit {MAX_MEMBERS})", path)
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise InputError(f"archive expands to {total} bytes (limit {MAX_TOTAL}): refused", path)
    for i in infos:
        if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 1_000_000:
            raise InputError(f"member {i.filename} is compressed {i.file_size // i.compress_size}:1: "
                             "looks like a zip bomb, refused", path)
    return zf


def read_xml_part(zf: zipfile.ZipFile, name: str, path: str) -> bytes | None:
    """The bytes of an XML part (None when absent); a DOCTYPE (entity expansion) is refused."""
    try:
        data = zf.read(name)
    except KeyError:
        return None
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise InputError(f"{name} declares a DOCTYPE or entities: refused", path)
    return data
