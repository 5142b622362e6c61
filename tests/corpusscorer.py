"""benchmarks/corpus_score.py loaded as a module, for the tests that score a corpus with it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCORER = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus_score.py"


def scorer() -> ModuleType:
    """The scoring script as a module (loaded once per process)."""
    if "corpus_score" in sys.modules:
        return sys.modules["corpus_score"]
    spec = importlib.util.spec_from_file_location("corpus_score", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_score"] = module
    spec.loader.exec_module(module)
    return module
