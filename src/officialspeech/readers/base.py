"""What a reader returns: the extracted text, and the structure hints its format carried."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

InputFormat = Literal["text", "markdown", "docx", "pdf", "html"]


class Hint(BaseModel):
    """Structure the file format stated: a Word heading style, an outline level, a page start."""

    model_config = ConfigDict(frozen=True, defer_build=True)  # built on first use, not at import

    kind: Literal["heading_style", "outline_level", "list_label", "page", "table", "text_box"]
    line: int = Field(description="1-based line of the extracted text the hint is about.")
    value: str = Field(description="The style name, the level, the rendered list label or the page number.")


class Extracted(BaseModel):
    """A file turned into text; spans of a Speech parsed from it index ``text``."""

    model_config = ConfigDict(frozen=True, defer_build=True)  # built on first use, not at import

    format: InputFormat
    path: str
    text: str
    hints: list[Hint] = Field(default_factory=list)
