"""The cost of node paths and pages on a parse, measured in one run.

Usage: python benchmarks/paths_cost.py [--mb 2] [--repeat 3]

On the generated corpus of benchmarks/throughput.py (every shape), best of ``--repeat``:
  * build: the parser's tree of plain dicts (``_Builder(text).build()``);
  * add_paths: the pass that fills ``path`` and ``page`` into that tree;
  * validate: ``Speech.model_validate`` of the tree without and with paths and pages (fresh
    copies of the same trees, the two in turns);
and the ratio of a parse with paths to one without (build + validate, + add_paths).
This is a benchmark, not a test: figures depend on the machine.  Run it alone.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus

from officialspeech.model import Speech
from officialspeech.parser import _Builder
from officialspeech.paths import add_paths


def timed(fn: Callable[[], object]) -> float:
    gc.disable()
    try:
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t
    finally:
        gc.enable()


def one_round(texts: list[str], frozen: bytes, turn: int, keep: Callable[[str, float], None]) -> None:
    """Time each step once over the corpus; the two validations on fresh copies of the same
    trees (``frozen``, pickled), in turns."""
    keep("build", timed(lambda: [_Builder(t).build() for t in texts]))
    plain: list[dict[str, Any]] = pickle.loads(frozen)
    trees: list[dict[str, Any]] = pickle.loads(frozen)
    keep("add_paths", timed(lambda: [add_paths(d, t) for d, t in zip(trees, texts, strict=True)]))
    steps = [("validate without", plain), ("validate with", trees)]
    for name, dicts in steps if turn % 2 else steps[::-1]:
        keep(name, timed(partial(validate_all, dicts)))


def validate_all(dicts: list[dict[str, Any]]) -> list[Speech]:
    """The Speech of every tree, validated as parse_speech does."""
    return [Speech.model_validate(d, extra="ignore") for d in dicts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = corpus(args.mb)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, float("inf")), seconds)

    frozen = pickle.dumps([_Builder(t).build() for t in texts])
    for turn in range(args.repeat):
        one_round(texts, frozen, turn, keep)
    print(f"corpus: {len(texts)} speeches, {size:.1f} MB")
    for name, seconds in best.items():
        print(f"{name:17s} {seconds * 1000:7.1f} ms")
    without = best["build"] + best["validate without"]
    with_paths = best["build"] + best["add_paths"] + best["validate with"]
    print(f"parse without paths: {size / without:.1f} MB/s; with paths and pages: {size / with_paths:.1f} MB/s; "
          f"ratio {with_paths / without:.3f}x")


if __name__ == "__main__":
    main()
