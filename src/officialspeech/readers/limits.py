"""The caps every reader works under, so that no file can make a reader use unbounded
memory or time: the bytes read or decompressed, the extracted text, the paragraphs.

``max_bytes`` (default 64 MiB, ``parse_file(max_bytes=)``, ``--max-bytes``) caps the bytes
read from a file and the UTF-8 bytes of the text extracted from it; a .docx archive may
decompress to at most ``ARCHIVE_FACTOR`` times that (XML markup around the text), counted as
it is decompressed. Exceeding a cap is an :class:`InputError` naming the limit.
"""

from __future__ import annotations

from ..errors import InputError
from ..io import MAX_BYTES, size_label, too_large

MAX_PARAGRAPHS = 100_000  # non-blank lines of extracted text (paragraphs, table cells, text boxes)
MAX_ELEMENTS = 200_000  # HTML elements in a page; XML elements of one .docx paragraph or table
MAX_PAGES = 10_000  # pages of a PDF
ARCHIVE_FACTOR = 4  # a .docx may decompress to this many times max_bytes
SIDE_PART = 16 * 1024 * 1024  # numbering.xml and styles.xml (a few hundred KiB in real files)


def check_max_bytes(max_bytes: int) -> int:
    """``max_bytes`` when it is a positive number of bytes."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, not {max_bytes!r}")
    return max_bytes


class TextBudget:
    """Counts extracted text and paragraphs as a reader produces them."""

    def __init__(self, path: str, max_bytes: int = MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.bytes = 0
        self.paragraphs = 0

    def add(self, text: str) -> None:
        """One more line of extracted text."""
        self.bytes += len(text.encode("utf-8", "surrogatepass")) + 1
        if self.bytes > self.max_bytes:
            raise InputError(too_large("extracted text", self.max_bytes), self.path)
        if text.strip():
            self.paragraphs += 1
            if self.paragraphs > MAX_PARAGRAPHS:
                raise InputError(too_many_paragraphs(), self.path)


def too_many_paragraphs() -> str:
    """The one-line message of a document over the paragraph cap."""
    return f"more than {MAX_PARAGRAPHS} paragraphs (the limit of MAX_PARAGRAPHS)"


def check_text(text: str, path: str, max_bytes: int = MAX_BYTES) -> None:
    """Refuse extracted text over ``max_bytes`` UTF-8 bytes or ``MAX_PARAGRAPHS`` non-blank lines."""
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputError(too_large("extracted text", max_bytes), path)
    lines = text.count("\n") + 1
    if lines > MAX_PARAGRAPHS and sum(1 for line in text.splitlines() if line.strip()) > MAX_PARAGRAPHS:
        raise InputError(too_many_paragraphs(), path)


__all__ = ["ARCHIVE_FACTOR", "MAX_ELEMENTS", "MAX_PAGES", "MAX_PARAGRAPHS", "SIDE_PART", "TextBudget",
           "check_max_bytes", "check_text", "size_label"]
