"""Documents to convert, read lazily: files and folders, JSON Lines and CSV with a text column."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


@dataclass(frozen=True, slots=True)
class Document:
    """One document: its id, and either its text or the path a worker reads it from."""

    id: str
    text: str | None = None
    path: str | None = None
    error: str | None = None  # a problem found while listing it (bad row, missing field)


def table_format(name: str, forced: str | None = None) -> str | None:
    """'jsonl' or 'csv' for table inputs (by suffix unless ``forced``), else None."""
    if forced in ("jsonl", "csv"):
        return forced
    return TABLE_SUFFIXES.get(Path(name).suffix.lower())


def iter_documents(inputs: list[str], glob: str = "*.txt", text_field: str = "text",
                   id_field: str | None = None, input_format: str | None = None) -> Iterator[Document]:
    """Every document of ``inputs`` in order: files, folders (recursive, ``glob``), tables."""
    for name in inputs:
        fmt = table_format(name, input_format)
        if fmt == "jsonl":
            yield from _jsonl(name, text_field, id_field)
        elif fmt == "csv":
            yield from _csv(name, text_field, id_field)
        elif name == "-":
            yield Document(id="-", path="-")
        else:
            path = Path(name)
            if path.is_dir():
                for f in sorted(path.rglob(glob)):
                    if f.is_file():
                        yield Document(id=str(f), path=str(f))
            elif path.exists():
                yield Document(id=name, path=name)
            else:
                raise InputError("no such file or folder", name)


def _open(name: str) -> Iterator[str]:
    if name == "-":
        yield from sys.stdin
        return
    try:
        with open(name, encoding="utf-8-sig", newline="") as fh:
            yield from fh
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte offset {exc.start})", name) from None


def _jsonl(name: str, text_field: str, id_field: str | None) -> Iterator[Document]:
    for n, line in enumerate(_open(name), 1):
        if not line.strip():
            continue
        default_id = f"{name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document(id=default_id, error=f"invalid JSON: {exc.msg}")
            continue
        yield _row(row, default_id, text_field, id_field)


def _csv(name: str, text_field: str, id_field: str | None) -> Iterator[Document]:
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(_open(name))
    for n, row in enumerate(reader, 2):
        yield _row(row, f"{name}:{n}", text_field, id_field)


def _row(row: object, default_id: str, text_field: str, id_field: str | None) -> Document:
    if not isinstance(row, dict):
        return Document(id=default_id, error="row is not an object")
    doc_id = str(row.get(id_field, default_id)) if id_field else default_id
    text = row.get(text_field)
    if not isinstance(text, str):
        return Document(id=doc_id, error=f"no text in field {text_field!r}")
    return Document(id=doc_id, text=text)
