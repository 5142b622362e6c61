"""Chunk records for ``officialspeech chunk``: one JSON line per chunk, resumable by document.

A document gives ``{"id": …, "chunk": i, "chunks": n, …Chunk}`` for each of its ``n``
chunks (``i`` from 0), or one error record ``{"id": …, "error": {"kind", "message"}}``
as ``parse`` writes; a document without body text gives no line.  The batch runner writes
a document's lines together, so a run killed while writing leaves whole documents and at
most one torn one at the end, which :func:`completed_chunks` cuts off.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..chunks import ChunkBy
from ..errors import OfficialSpeechError
from ..files import parse_extracted, parse_file
from ..model import Speech
from ..parse import parse_speech
from ..readers import read_document_bytes
from .records import _error
from .resume import cut_back
from .sources import EMPTY, Document


def parse_document(doc: Document) -> Speech:
    """The Speech of a listed document (its text, its bytes or its file)."""
    if doc.text is not None:
        return parse_speech(doc.text)
    if doc.data is not None:
        return parse_extracted(read_document_bytes(doc.data, doc.id or "-", doc.format or "text"))
    return parse_file(doc.path or "-", doc.format)


@dataclass(frozen=True, slots=True)
class ChunkRecords:
    """The record maker of ``chunk`` (a picklable callable for the worker processes)."""

    max_chars: int = 500
    overlap: int = 0
    by: ChunkBy = "point"

    def __call__(self, doc: Document) -> tuple[str, bool]:
        """The lines of ``doc``'s chunks joined by line breaks, and whether it parsed (never raises)."""
        if doc.error is not None:
            return _error(doc.id, "input", doc.error)
        if doc.text is not None and not doc.text.strip():
            return _error(doc.id, "input", f"{doc.id}: {EMPTY}" if doc.id else EMPTY)
        try:
            chunks = parse_document(doc).chunks(max_chars=self.max_chars, overlap=self.overlap, by=self.by)
        except OfficialSpeechError as exc:
            return _error(doc.id, "input", str(exc))
        except Exception as exc:  # one bad document never stops the run
            return _error(doc.id, type(exc).__name__, f"{doc.id}: {exc}")
        head = '{"id":' + json.dumps(doc.id, ensure_ascii=False) + ',"chunk":'
        n = len(chunks)
        return "\n".join(f'{head}{i},"chunks":{n},{c.model_dump_json()[1:]}' for i, c in enumerate(chunks)), True


def completed_chunks(path: Path) -> tuple[Counter[str], int]:
    """Ids of the documents whose records are all in ``path`` (their last chunk, or an error
    record, was written), with how many such documents each id has, and the number of failed
    ones; the file is cut back to the end of the last whole document."""
    done: Counter[str] = Counter()
    failed = 0
    if not path.exists():
        return done, failed
    good_end = offset = 0
    with open(path, "rb") as fh:
        for raw in fh:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                break
            try:
                record = json.loads(raw)
            except json.JSONDecodeError:
                break
            if not isinstance(record, dict) or "id" not in record:
                break
            if "error" in record:
                failed += 1
            elif record.get("chunk", 0) + 1 != record.get("chunks", 1):
                continue  # a document's last chunk closes it
            done[str(record["id"])] += 1
            good_end = offset
    cut_back(path, good_end)
    return done, failed
