"""Corpus-scale conversion: many documents to JSON Lines, in parallel, resumable."""

from __future__ import annotations

from .progress import Progress
from .records import convert
from .resume import completed
from .runner import default_jobs, run
from .sources import Document, iter_documents

__all__ = ["Document", "Progress", "completed", "convert", "default_jobs", "iter_documents", "run"]
