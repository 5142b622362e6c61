"""Benchmark scripts (benchmarks/*.py) loaded as modules, for the tests that run them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SCORER = BENCHMARKS / "corpus_score.py"


def benchmark(name: str) -> ModuleType:
    """benchmarks/NAME.py as a module (loaded once per process)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def scorer() -> ModuleType:
    """The corpus scoring script as a module."""
    return benchmark("corpus_score")
