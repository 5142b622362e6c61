"""officialspeech: parse Chinese official speeches into a typed, span-exact tree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import InputError, OfficialSpeechError, VocabularyError
from .io import read_text
from .parse import parse_json, parse_speech
from .treekeys import SCHEMA_VERSION
from .vocab import Vocabulary
from .vocab import using as using_vocabulary
from .vocab_extension import load_vocabulary

if TYPE_CHECKING:
    from .check import Diagnostic, check_speech
    from .chunks import Chunk
    from .files import parse_file
    from .model import (
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
    from .spinning import Repair, SpinHit, find_spinning, repair_text

# loaded on first use: the command line starts faster without them (the models cost ~20 ms
# to define; `outline` and `parse_json` need none)
_MODELS = ("Chrome", "DateNode", "Gap", "MarkupNode", "Metadata", "PageMarker", "Paragraph", "Point", "Salutation",
           "Section", "Source", "Span", "Speech", "TextNode")
_LAZY = {"Diagnostic": "check", "check_speech": "check", "Repair": "spinning", "SpinHit": "spinning",
         "find_spinning": "spinning", "repair_text": "spinning", "Chunk": "chunks", "parse_file": "files",
         **dict.fromkeys(_MODELS, "model")}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

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
