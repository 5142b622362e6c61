"""End-to-end throughput of parse_speech on GENERATED text against a regex-scan floor, in one run.

For real text (../shared) and the one-pass marker regex floor, see benchmarks/realtext.py.

Usage: python benchmarks/throughput.py [--mb 10] [--repeat 3] [--cli-chars 20000]

Generates at least ``--mb`` MB (UTF-8) of speeches with tests/speechgen.py in all its shapes,
then measures (best of ``--repeat``):
  * parse_speech over the corpus, in MB/s;
  * the floor: the grammar's marker scanner run over the same texts (a bare regex scan);
  * the ratio between the two;
  * the wall time of ``officialspeech parse`` on one speech of ``--cli-chars`` characters
    (a fresh process each time, best of 5).
This is a benchmark, not a test: figures depend on the machine.  Run it alone.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = 20  # up to this many sentences a paragraph: about one heading per 1,000 characters, as in real speeches
sys.path.insert(0, str(ROOT / "tests"))

import speechgen  # noqa: E402
from officialspeech import parse_speech  # noqa: E402
from officialspeech.parse.markers import scanner  # noqa: E402


def corpus(megabytes: float, seed: int = 1) -> list[str]:
    """Generated speeches in every shape until ``megabytes`` MB of UTF-8."""
    rng = random.Random(seed)
    texts: list[str] = []
    size = 0
    shapes = list(speechgen.SHAPES.values())
    while size < megabytes * 1_000_000:
        tree = speechgen.generate(rng, sections=rng.randint(2, 6), max_children=4, sentences=SENTENCES)
        text = shapes[len(texts) % len(shapes)](tree, len(texts))
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def best_of(repeat: int, fn: object) -> float:
    assert callable(fn)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def one_speech(chars: int, seed: int = 2) -> str:
    """One clean-lines speech of at least ``chars`` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(len(p) for p in parts) < chars:
        parts.append(speechgen.clean(speechgen.generate(rng, sections=6, max_children=4, sentences=SENTENCES)))
    return "".join(parts)[:chars]


def parse_and_floor(texts: list[str], repeat: int) -> tuple[float, float]:
    """Best seconds of ``parse_speech`` and of the floor over ``texts``, measured in turns
    (parse, floor, parse, floor…) so that a change in the machine's speed hits both."""
    scan = scanner(("heading", "point"))

    def run_parse() -> None:
        for t in texts:
            parse_speech(t)

    def run_floor() -> None:
        for t in texts:
            for _ in scan.finditer(t):
                pass

    t_parse = t_floor = float("inf")
    for _ in range(repeat):
        t_parse = min(t_parse, best_of(1, run_parse))
        t_floor = min(t_floor, best_of(1, run_floor))
    return t_parse, t_floor


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cli-chars", type=int, default=20000, help="0: skip the command-line timing")
    ap.add_argument("--per-shape", action="store_true", help="also MB/s and ratio for each shape")
    args = ap.parse_args(argv)

    texts = corpus(args.mb)
    total = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    parse_speech(texts[0])  # build the parser and patterns once
    t_parse, t_floor = parse_and_floor(texts, args.repeat)
    chars = sum(len(t) for t in texts)
    heads = sum(len(parse_speech(t).sections()) for t in texts[:50])
    per = sum(len(t) for t in texts[:50]) / max(heads, 1)
    print(f"generated corpus (tests/speechgen.py): {len(texts)} speeches, {total:.1f} MB (UTF-8), {chars / len(texts):.0f} chars each, "
          f"{len(speechgen.SHAPES)} shapes, one heading per {per:.0f} chars")
    print(f"parse_speech, generated text: {total / t_parse:.1f} MB/s ({t_parse:.2f} s)")
    print(f"regex-scan floor (the grammar's marker scanner), generated text: {total / t_floor:.1f} MB/s ({t_floor:.2f} s)")
    print(f"ratio parse/floor, generated text: {t_parse / t_floor:.2f}x")
    if args.per_shape:
        names = list(speechgen.SHAPES)
        for i, name in enumerate(names):
            group = texts[i::len(names)]  # corpus() deals the shapes out in turn
            size = sum(len(t.encode("utf-8")) for t in group) / 1_000_000
            g_parse, g_floor = parse_and_floor(group, args.repeat)
            print(f"  {name:15s} {size / g_parse:5.1f} MB/s, {g_parse / g_floor:.2f}x the floor")
    if args.cli_chars <= 0:
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speech.txt"
        path.write_text(one_speech(args.cli_chars), encoding="utf-8")
        cmd = [sys.executable, "-m", "officialspeech", "parse", str(path)]
        # as installed from a wheel: bytecode compiled (pip does it on install; an editable
        # install under PYTHONDONTWRITEBYTECODE would recompile every module on every run)
        import officialspeech

        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(officialspeech.__file__).parent)],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)  # warm the OS and Lark caches
        walls = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - t0)
        print(f"officialspeech parse, {args.cli_chars} chars: best {min(walls) * 1000:.0f} ms, "
              f"median {sorted(walls)[2] * 1000:.0f} ms (wall, fresh process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
