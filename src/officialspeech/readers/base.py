"""What a reader returns: the extracted text, and the structure hints its format carried."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

InputFormat = Literal["text", "markdown", "docx", "pdf", "html"]


# (frozen dataclasses, not pydantic models: only the readers make them, and building a
# model's validator on first use cost every one-shot command ~20 ms)
@dataclass(frozen=True, slots=True)
class Hint:
    """Structure the file format stated: a Word heading style, an outline level, a page start."""

    kind: Literal["heading_style", "outline_level", "list_label", "page", "table", "text_box"]
    line: int
    """1-based line of the extracted text the hint is about."""
    value: str
    """The style name, the level, the rendered list label or the page number."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """A file turned into text; spans of a Speech parsed from it index ``text``."""

    format: InputFormat
    path: str
    text: str
    hints: list[Hint] = field(default_factory=list)
