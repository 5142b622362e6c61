"""One JSON Lines record per document: the speech, or the error that stopped it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import OfficialSpeechError
from ..files import heading_lines, parse_extracted
from ..parse import parse_json
from ..parse.chars import has_surrogate
from ..readers import Extracted, read_document, read_document_bytes
from ..readers.limits import check_text
from ..vocab import Vocabulary, using
from ..vocab_extension import load_vocabulary
from .sources import EMPTY, Document


def convert(doc: Document) -> tuple[str, bool]:
    """The record of ``doc`` as one line of JSON, and whether it parsed (never raises).

    Blank text is an error record (``empty input``), as an empty file is."""
    if doc.error is not None:
        return _error(doc.id, "input", doc.error)
    try:
        if doc.text is not None:
            if not doc.text.strip():
                return _error(doc.id, "input", f"{doc.id}: {EMPTY}" if doc.id else EMPTY)
            check_text(doc.text, doc.id, doc.max_bytes)
            body = parse_json(doc.text)  # (the tree serialised as built, no models)
        else:
            if doc.data is not None:
                extracted = read_document_bytes(doc.data, doc.id or "-", doc.format or "text", doc.max_bytes)
            else:
                extracted = read_document(doc.path or "-", doc.format, doc.max_bytes)
            body = _extracted_json(extracted)
        # the speech's JSON with the id put in front: the same line as
        # json.dumps({"id": …, **model_dump(mode="json")})
    except OfficialSpeechError as exc:
        return _error(doc.id, "input", str(exc))
    except Exception as exc:  # one bad document never stops the run
        return _error(doc.id, type(exc).__name__, f"{doc.id}: {exc}")
    return '{"id":' + json.dumps(doc.id, ensure_ascii=False) + "," + body[1:], True


def _extracted_json(extracted: Extracted) -> str:
    """``parse_extracted(extracted).model_dump_json()``. A text or Markdown file (no
    ``source`` to add) goes through :func:`parse_json`, the same string without building the
    models (twice as fast; tests/test_parse_json.py holds them equal); other formats, and
    text with an unpaired surrogate (whose error names pydantic's exception), build the Speech."""
    text = extracted.text
    if extracted.format in ("text", "markdown") and not has_surrogate(text):
        return parse_json(text, heading_lines=heading_lines(extracted), markdown=extracted.format == "markdown")
    return parse_extracted(extracted).model_dump_json()


_LOADED: dict[str, Vocabulary] = {}  # the vocabulary files this process loaded


@dataclass(frozen=True)
class WithVocabulary:
    """A converter run with the vocabulary file ``path`` active. Picklable: a worker process
    (or a Dask worker) gets the path and loads the file itself, once per process."""

    path: str
    converter: Callable[[Document], tuple[str, bool]] = convert

    def __call__(self, doc: Document) -> tuple[str, bool]:
        voc = _LOADED.get(self.path)
        if voc is None:
            voc = _LOADED[self.path] = load_vocabulary(self.path)
        with using(voc):
            return self.converter(doc)


def _error(doc_id: str, kind: str, message: str) -> tuple[str, bool]:
    return json.dumps({"id": doc_id, "error": {"kind": kind, "message": message}}, ensure_ascii=False), False


def record_id(line: str) -> tuple[str, bool] | None:
    """(id, ok) of a record line, None when the line is not a complete record."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or "id" not in data:
        return None
    return str(data["id"]), "error" not in data
