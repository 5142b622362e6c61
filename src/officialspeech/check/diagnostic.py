"""The Diagnostic model: one finding of ``check``, with exact positions and an optional fix."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CHECK_SCHEMA_VERSION = "1.0"
Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Position(BaseModel):
    """A place in the checked text: 1-based line and column, 0-based offset, in characters."""

    model_config = ConfigDict(frozen=True)

    line: int
    column: int
    offset: int


class Fix(BaseModel):
    """A replacement of ``text[start:end]`` (character offsets) by ``replacement``."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    replacement: str
    description: str = Field(description="What the fix does, for people.")
    safe: bool = Field(default=True, description="Safe fixes are applied by --fix; the others are only shown.")


class Diagnostic(BaseModel):
    """One finding: a rule, where it applies and what to do about it."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="Stable rule code, e.g. N101.")
    name: str = Field(description="Rule name in kebab-case, e.g. numbering-gap.")
    severity: Severity
    message: str
    path: str = Field(default="-", description="The checked file, or - for text given directly.")
    start: Position
    end: Position
    fix: Fix | None = None
