"""``parse_file``: read any supported file and parse it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .io import MAX_BYTES
from .parse import parse_speech, parse_tree
from .readers import Extracted, read_document
from .readers.base import InputFormat
from .vocab import using
from .vocab_extension import VocabularySource, load_vocabulary

if TYPE_CHECKING:
    from .model import Speech


def heading_lines(extracted: Extracted) -> set[int]:
    """The lines the file format styled as headings (Word heading styles, outline levels):
    hints to the parser, so ``parse``, ``outline`` and ``check`` see the same outline."""
    return {h.line for h in extracted.hints if h.kind in ("heading_style", "outline_level")}


def parse_file(path: str, input_format: InputFormat | None = None, max_bytes: int = MAX_BYTES,
               vocabulary: VocabularySource | None = None) -> Speech:
    """Read a speech file and parse it: text (UTF-8 with or without BOM, UTF-16 with BOM,
    GB18030), Markdown (.md, .markdown: its markup cut out like chrome), .docx, PDF or HTML,
    chosen by suffix unless ``input_format`` says (md is markdown). For .docx,
    PDF and HTML the extracted text is kept in ``Speech.source`` (spans index it); lines the
    format styles as headings (Word heading styles, outline levels) are hints to the parser.

    ``max_bytes`` (default 64 MiB) caps the bytes read from the file and the UTF-8 bytes of
    the text extracted from it (a .docx may decompress to 4 times that); more, or more than
    ``readers.limits.MAX_PARAGRAPHS`` paragraphs, is an InputError naming the limit.
    ``vocabulary``: as for :func:`~officialspeech.parse_speech`."""
    if vocabulary is not None:
        with using(load_vocabulary(vocabulary)):
            return parse_extracted(read_document(path, input_format, max_bytes))
    return parse_extracted(read_document(path, input_format, max_bytes))


def parse_file_tree(path: str, input_format: InputFormat | None = None, max_bytes: int = MAX_BYTES) -> dict[str, Any]:
    """:func:`parse_file` as the plain tree of :func:`~officialspeech.parse.parse_tree`
    (the fields of ``parse_file(...).model_dump()``, ``source`` included), without building
    the models: what the ``outline`` command renders. The active vocabulary applies."""
    extracted = read_document(path, input_format, max_bytes)
    tree = parse_tree(extracted.text, heading_lines=heading_lines(extracted), markdown=extracted.format == "markdown")
    if extracted.format not in ("text", "markdown"):
        tree["source"] = {"format": extracted.format, "path": extracted.path, "text": extracted.text}
    return tree


def parse_extracted(extracted: Extracted) -> Speech:
    """Parse what a reader extracted, with its heading hints."""
    from .model import Source  # (the models load on first use: the outline command needs none)

    speech = parse_speech(extracted.text, heading_lines=heading_lines(extracted),
                          markdown=extracted.format == "markdown")
    match extracted.format:
        case "text" | "markdown":  # spans index the file itself
            return speech
        case fmt:
            source = Source(format=fmt, path=extracted.path, text=extracted.text)
    return speech.model_copy(update={"source": source})
