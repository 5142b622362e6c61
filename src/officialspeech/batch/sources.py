"""Documents to convert, read lazily: files and folders, JSON Lines and CSV with a text column.

Problems found while listing (a missing input, a row that is not JSON, a row without text,
bytes that are not UTF-8) become documents carrying an ``error``: they turn into error
records naming the file and line, and the run goes on. Standard input is read here, in the
parent process (worker processes have no standard input).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..io import MAX_BYTES, read_limited
from ..readers import FORMATS
from ..readers.base import InputFormat
from ..walk import glob_matcher, walk_files

TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
DEFAULT_GLOBS: dict[str, str] = {"text": "*.txt", "markdown": "*.md", "docx": "*.docx", "pdf": "*.pdf", "html": "*.htm*"}
EMPTY = "empty input"


@dataclass(frozen=True, slots=True)
class Document:
    """One document: its id, and its text, its bytes (``data``, read by ``format``) or the path
    a worker reads it from (with the reader ``format``, default by suffix)."""

    id: str
    text: str | None = None
    path: str | None = None
    error: str | None = None  # a problem found while listing it (bad row, missing field)
    format: InputFormat | None = None
    data: bytes | None = None
    max_bytes: int = MAX_BYTES  # the cap on the bytes read and the text extracted (see readers.limits)


def table_format(name: str, forced: str | None = None) -> str | None:
    """'jsonl' or 'csv' for table inputs (by suffix unless ``forced``), else None."""
    if forced in ("jsonl", "csv"):
        return forced
    if forced in FORMATS:
        return None
    return TABLE_SUFFIXES.get(Path(name).suffix.lower())


def default_glob(input_format: str | None) -> str:
    """The files a folder contributes when ``--glob`` is not given."""
    return DEFAULT_GLOBS.get(input_format or "text", "*.txt")


def iter_documents(inputs: list[str], glob: str | None = None, text_field: str = "text",
                   id_field: str | None = None, input_format: str | None = None,
                   max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """Every document of ``inputs`` in order: files, folders (recursive, ``glob``), tables.
    ``input_format`` is a table format (jsonl, csv) or a reader (text, docx, pdf, html) that
    overrides the suffix of every file."""
    reader: InputFormat | None = input_format if input_format in FORMATS else None
    pattern = glob or default_glob(reader)
    for name in inputs:
        fmt = table_format(name, input_format)
        if fmt in ("jsonl", "csv"):
            rows = _jsonl(name, text_field, id_field) if fmt == "jsonl" else _csv(name, text_field, id_field)
            for doc in rows:
                yield doc if max_bytes == MAX_BYTES else replace(doc, max_bytes=max_bytes)
        elif name == "-":
            yield _stdin_document(reader or "text", max_bytes)
        else:
            path = Path(name)
            if path.is_dir():
                # listed once, up front: a file deleted later becomes an error record when it
                # is read (never a silent skip), and so does a folder that cannot be read
                files, problems = walk_files(path, glob_matcher(pattern))
                for where, problem in problems:
                    yield Document(id=where, error=f"{where}: {problem}", max_bytes=max_bytes)
                for f in files:
                    yield Document(id=str(f), path=str(f), format=reader, max_bytes=max_bytes)
            elif path.exists():
                yield Document(id=name, path=name, format=reader, max_bytes=max_bytes)
            else:
                yield Document(id=name, error=f"{name}: no such file or folder")


def _stdin_document(fmt: InputFormat, max_bytes: int) -> Document:
    """Standard input, read here (at most ``max_bytes`` bytes)."""
    try:
        data = read_limited(sys.stdin.buffer, max_bytes, "<stdin>")
    except InputError as exc:
        return Document(id="-", error=str(exc))
    return Document(id="-", data=data, format=fmt, max_bytes=max_bytes)


def _open_binary(name: str) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    return open(name, "rb")  # closed by _lines


def _split_lines(fh: BinaryIO) -> Iterator[bytes]:
    """The lines of a binary file, ends kept, ended by \\n, \\r\\n or a lone \\r (as text mode
    with ``newline=""`` reads them)."""
    for raw in fh:
        if b"\r" in raw:
            yield from raw.splitlines(keepends=True)
        else:
            yield raw


def _lines(name: str) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text, problem) of each line, decoded as UTF-8 line by line so that a bad
    byte is reported with its line and its offset in the file: text is None and problem
    says where."""
    fh = _open_binary(name)
    try:
        offset = 0
        for n, raw in enumerate(_split_lines(fh), 1):
            chunk = raw[3:] if n == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
            start = offset + len(raw) - len(chunk)
            offset += len(raw)
            try:
                yield n, chunk.decode("utf-8"), ""
            except UnicodeDecodeError as exc:
                yield n, None, f"not UTF-8: byte 0x{chunk[exc.start]:02X} at byte offset {start + exc.start}"
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _unreadable(name: str) -> Document | None:
    if name == "-":
        return None
    path = Path(name)
    if not path.exists():
        return Document(id=name, error=f"{name}: no such file")
    if path.is_dir():
        return Document(id=name, error=f"{name}: is a directory, not a table")
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        return Document(id=name, error=f"{name}: {exc.strerror or exc}")
    return None


def _jsonl(name: str, text_field: str, id_field: str | None) -> Iterator[Document]:
    bad = _unreadable(name)
    if bad is not None:
        yield bad
        return
    last = 0
    try:
        for n, doc in _jsonl_rows(name, text_field, id_field):
            last = n
            yield doc
    except OSError as exc:  # deleted, locked or failing while it is read
        yield _read_failed(name, last + 1, exc)


def _read_failed(name: str, line: int, exc: OSError) -> Document:
    where = f"{name}:{line}"
    return Document(id=where, error=f"{where}: cannot read: {exc.strerror or exc}; the rest of the table is skipped")


def _jsonl_rows(name: str, text_field: str, id_field: str | None) -> Iterator[tuple[int, Document]]:
    for n, line, problem in _lines(name):
        where = f"{name}:{n}"
        if line is None:
            yield n, Document(id=where, error=f"{where}: {problem}")
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, Document(id=where, error=f"{where}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield n, _row(row, where, text_field, id_field)


class _BadBytes(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line


def _text_lines(name: str) -> Iterator[str]:
    for n, line, problem in _lines(name):
        if line is None:
            raise _BadBytes(n, problem)
        yield line


def _csv(name: str, text_field: str, id_field: str | None) -> Iterator[Document]:
    bad = _unreadable(name)
    if bad is not None:
        yield bad
        return
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(_text_lines(name))
    try:
        fields = reader.fieldnames
        end = reader.line_num  # the line the previous row (here the header) ended on
        for row in reader:
            where = f"{name}:{end + 1}"  # the line the row starts on (cells may hold line breaks)
            end = reader.line_num
            yield _row(row, where, text_field, id_field, fields)
    except _BadBytes as exc:  # a CSV record may span lines: the rest of the table cannot be trusted
        where = f"{name}:{exc.line}"
        yield Document(id=where, error=f"{where}: {exc}; the rest of the table is skipped")
    except csv.Error as exc:
        where = f"{name}:{reader.line_num}"
        yield Document(id=where, error=f"{where}: bad CSV: {exc}; the rest of the table is skipped")
    except OSError as exc:  # deleted, locked or failing while it is read
        yield _read_failed(name, reader.line_num + 1, exc)


def _row(row: object, where: str, text_field: str, id_field: str | None,
         fields: object = None) -> Document:
    if not isinstance(row, dict):
        return Document(id=where, error=f"{where}: row is a JSON {_json_type(row)}, not an object")
    raw_id = row.get(id_field) if id_field else None
    doc_id = where if raw_id is None or raw_id == "" else str(raw_id)
    if _unpaired(doc_id) is not None:  # a JSON \ud800 escape: no text can be written with it
        return Document(id=where, error=f"{where}: field {id_field!r} holds an unpaired surrogate")
    if text_field not in row or row[text_field] is None:
        known = ", ".join(map(str, fields if isinstance(fields, list) else row))
        return Document(id=doc_id, error=f"{where}: no field {text_field!r} (fields: {known or 'none'})")
    text = row[text_field]
    if not isinstance(text, str):
        return Document(id=doc_id, error=f"{where}: field {text_field!r} is a JSON {_json_type(text)}, not a string")
    if not text.strip():
        return Document(id=doc_id, error=f"{where}: {EMPTY} (field {text_field!r} is blank)")
    bad = _unpaired(text)
    if bad is not None:
        return Document(id=doc_id, error=f"{where}: field {text_field!r} is not valid Unicode text "
                                         f"(unpaired surrogate U+{ord(text[bad]):04X} at character {bad})")
    return Document(id=doc_id, text=text)


def _unpaired(s: str) -> int | None:
    """Where ``s`` holds a lone surrogate (from a JSON \\ud800 escape), if it does."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object", type(None): "null"}.get(type(value), type(value).__name__)
