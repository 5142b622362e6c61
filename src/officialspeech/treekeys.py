"""What the parser's plain tree and the models (``officialspeech.model``) share, kept apart
from the models so that the parser and the ``outline`` command run without defining them
(pydantic models cost ~20 ms to import): the schema version and the fields of ``Metadata``
with their defaults (tests/test_outline_tree.py checks them against the model)."""

from __future__ import annotations

SCHEMA_VERSION = "1.5"

METADATA_FIELDS = ("title", "file_name", "format", "pages", "size", "date", "id", "source", "keywords")
"""The fields of ``Metadata``, in its order: each defaults to None, but those of
METADATA_LISTS to an empty list."""
METADATA_LISTS = frozenset({"keywords"})
