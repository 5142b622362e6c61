"""officialspeech: parse Chinese official speeches into a typed, span-exact tree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .chunks import Chunk
from .errors import InputError, OfficialSpeechError, VocabularyError
from .files import parse_file
from .io import read_text
from .model import (
    SCHEMA_VERSION,
    Chrome,
    DateNode,
    Gap,
    MarkupNode,
    Metadata,
    PageMarker,
    Paragraph,
    Point,
    Salutation,
    Section,
    Source,
    Span,
    Speech,
    TextNode,
)
from .parse import parse_json, parse_speech
from .vocab import Vocabulary
from .vocab import using as using_vocabulary
from .vocab_extension import load_vocabulary

if TYPE_CHECKING:
    from .check import Diagnostic, check_speech
    from .spinning import Repair, SpinHit, find_spinning, repair_text

# check and spinning load on first use: the command line starts faster without them
_LAZY = {"Diagnostic": "check", "check_speech": "check", "Repair": "spinning", "SpinHit": "spinning",
         "find_spinning": "spinning", "repair_text": "spinning"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Chrome",
    "Chunk",
    "DateNode",
    "Diagnostic",
    "Gap",
    "InputError",
    "MarkupNode",
    "Metadata",
    "OfficialSpeechError",
    "PageMarker",
    "Paragraph",
    "Point",
    "Repair",
    "Salutation",
    "Section",
    "Source",
    "Span",
    "Speech",
    "SpinHit",
    "TextNode",
    "Vocabulary",
    "VocabularyError",
    "__version__",
    "check_speech",
    "find_spinning",
    "load_vocabulary",
    "parse_file",
    "parse_json",
    "parse_speech",
    "read_text",
    "repair_text",
    "using_vocabulary",
]
