"""Batch conversion: throughput with 1 and 2 workers, peak memory at two corpus sizes, and
the cost per document against the single-process API — all in one run.

Usage: python benchmarks/batch_throughput.py [--mb 100] [--small-mb 10] [--real-mb 32] [--repeat 5]

Generated text: folders of speech files (tests/speechgen.py, real heading density); runs
``officialspeech parse FOLDER -o out.jsonl --jobs N`` as a fresh process and samples the
resident memory of that process and its workers together (/proc, every 20 ms).

Real text (``--real-mb``, 0 to skip): a folder of symbolic links to the texts of
../shared/corpus/texts and ../shared/wild/texts (read in place, never copied), repeated until
``--real-mb`` MB; ``--jobs 1`` and ``--jobs 2`` run in turns (1 2, 2 1, …), ``--repeat`` times
each; prints the median wall time of each and the median of the per-turn speed-ups; with
``--python-path DIR`` another source tree runs in the same turns (e.g. an older commit).
Skipped when ../shared is absent. ``--mb 0`` skips the generated-text figures.
This is a benchmark, not a test: run it alone on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # as tests/conftest.py: ../shared next to the repository
sys.path.insert(0, str(ROOT / "tests"))

import speechgen  # noqa: E402
from officialspeech import parse_speech  # noqa: E402


def make_corpus(folder: Path, megabytes: float, seed: int = 3) -> tuple[int, float]:
    """Write speeches into ``folder`` until ``megabytes`` MB; return (count, MB)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    n = 0
    shapes = list(speechgen.SHAPES.values())
    while size < megabytes * 1_000_000:
        tree = speechgen.generate(rng, sections=rng.randint(2, 6), max_children=4, sentences=20)
        data = shapes[n % len(shapes)](tree, n).encode("utf-8")
        (folder / f"{n // 1000:03d}").mkdir(exist_ok=True)
        (folder / f"{n // 1000:03d}" / f"{n:06d}.txt").write_bytes(data)
        size += len(data)
        n += 1
    return n, size / 1_000_000


def real_corpus(folder: Path, megabytes: float) -> tuple[int, float]:
    """Symbolic links in ``folder`` to the ../shared texts, repeated until ``megabytes`` MB;
    (count, MB), (0, 0) when ../shared is absent."""
    texts = [p for d in (SHARED / "corpus" / "texts", SHARED / "wild" / "texts") if d.is_dir()
             for p in sorted(d.glob("*.txt"))]
    if not texts:
        return 0, 0.0
    folder.mkdir(parents=True, exist_ok=True)
    size = n = 0
    while size < megabytes * 1_000_000:
        src = texts[n % len(texts)]
        (folder / f"{n:06d}-{src.parent.parent.name}-{src.name}").symlink_to(src)
        size += src.stat().st_size
        n += 1
    return n, size / 1_000_000


def wait_quiet(limit: float) -> float:
    """Sample the free cores until QUIET or ``limit`` seconds; the last sample."""
    end = time.perf_counter() + limit
    cores = available_cores()
    while cores < QUIET and time.perf_counter() < end:
        time.sleep(1.0)
        cores = available_cores()
    return cores


def real_scaling(megabytes: float, repeat: int, trees: list[str | None], wait: float = 0.0) -> None:
    """``--jobs 1`` against ``--jobs 2`` on real text, in turns, for each source tree (None:
    the installed one) in every turn; the cores two busy processes get are sampled around
    every turn, and turns where the (shared) machine gave less than QUIET are reported apart."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "real"
        n, size = real_corpus(folder, megabytes)
        if not n:
            print(f"real text: skipped ({SHARED} is absent)")
            return
        for tree in trees:
            run_cli(folder, 2, tree)  # warm: bytecode, the OS file cache
        walls: dict[tuple[str | None, int], list[float]] = {(t, j): [] for t in trees for j in (1, 2)}
        cores = [available_cores()]  # sampled before and after every pair of runs
        pairs: dict[str | None, list[tuple[float, float]]] = {t: [] for t in trees}  # (speed-up, min cores)
        for r in range(repeat):
            for tree in trees if r % 2 == 0 else trees[::-1]:
                if wait > 0 and cores[-1] < QUIET:
                    cores[-1] = wait_quiet(wait)
                for jobs in ((1, 2) if r % 2 == 0 else (2, 1)):
                    walls[tree, jobs].append(run_cli(folder, jobs, tree)[0])
                cores.append(available_cores())
                pairs[tree].append((walls[tree, 1][-1] / walls[tree, 2][-1], min(cores[-2:])))
        print(f"real text (../shared texts repeated): {n} docs, {size:.1f} MB; {repeat} turns (1 2, 2 1, …)")
        print(f"  cores two busy processes got around each pair of runs: {' '.join(f'{c:.2f}' for c in cores)} "
              f"(2.00 = an idle 2-core machine)")
        for tree in trees:
            t1, t2 = statistics.median(walls[tree, 1]), statistics.median(walls[tree, 2])
            ups = [u for u, _ in pairs[tree]]
            quiet = [u for u, c in pairs[tree] if c >= QUIET]
            print(f"  {tree or 'installed tree'}:")
            print(f"    --jobs 1: median {t1:.2f} s, {size / t1:.1f} MB/s;  --jobs 2: median {t2:.2f} s, {size / t2:.1f} MB/s")
            print(f"    speed-up --jobs 2 / --jobs 1: median {statistics.median(ups):.2f}x over all {len(ups)} pairs "
                  f"(range {min(ups):.2f}-{max(ups):.2f}); target >= 1.7")
            print(f"    each pair (speed-up @ fewest cores free around it): "
                  f"{', '.join(f'{u:.2f}@{c:.2f}' for u, c in pairs[tree])}")
            if quiet:
                print(f"    on the {len(quiet)} pairs with >= {QUIET} cores free before and after: median "
                      f"{statistics.median(quiet):.2f}x (range {min(quiet):.2f}-{max(quiet):.2f})")
            else:
                print(f"    no pair had >= {QUIET} cores free before and after: run again when the machine is quiet")


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of ``pid`` and its descendants."""
    total = 0
    pids = [pid]
    seen = set()
    while pids:
        p = pids.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
            pids.extend(int(c) for c in children)
        except (OSError, ValueError):
            continue
    return total


QUIET = 1.9  # cores two busy processes get: a turn counts as quiet at or above this


def _spin(_: int) -> float:
    t0 = time.perf_counter()
    n = 0
    for i in range(3_000_000):
        n += i
    return time.perf_counter() - t0


def available_cores() -> float:
    """How many cores two busy processes get right now (2.0 on an idle 2-core machine)."""
    import multiprocessing

    one = _spin(0)
    with multiprocessing.get_context("fork").Pool(2) as pool:
        t0 = time.perf_counter()
        pool.map(_spin, [0, 1])
        two = time.perf_counter() - t0
    return 2 * one / two


def run_cli(folder: Path, jobs: int, src: str | None = None) -> tuple[float, int]:
    """(wall seconds, peak resident bytes of the whole process tree) of one batch run, of the
    installed officialspeech or of the one in source tree ``src``."""
    env = dict(os.environ, PYTHONPATH=src) if src else None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        cmd = [sys.executable, "-m", "officialspeech", "parse", str(folder), "-o", str(out),
               "--jobs", str(jobs), "--progress", "never"]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, env=env)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.02)
        wall = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            raise SystemExit(f"batch run failed with {proc.returncode}")
    return wall, peak


def api_cost(folder: Path, limit: int = 300) -> float:
    """Seconds per document for read + parse_speech + JSON in this process (warm)."""
    files = sorted(folder.rglob("*.txt"))[:limit]
    parse_speech(files[0].read_text("utf-8"))
    t0 = time.perf_counter()
    for f in files:
        parse_speech(f.read_text("utf-8")).model_dump_json()
    return (time.perf_counter() - t0) / len(files)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--small-mb", type=float, default=10.0)
    ap.add_argument("--real-mb", type=float, default=32.0, help="real-text corpus size (0: skip)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each --jobs on real text")
    ap.add_argument("--wait-quiet", type=float, default=0.0, metavar="S",
                    help="real text: before each pair of runs wait up to S seconds for >= 1.9 free cores")
    ap.add_argument("--python-path", action="append", default=[], metavar="DIR",
                    help="real text: also time officialspeech from this source tree (DIR/src or DIR), in the same turns")
    args = ap.parse_args(argv)
    trees: list[str | None] = [None]
    for d in args.python_path:
        src = Path(d).resolve()
        trees.append(str(src / "src" if (src / "src" / "officialspeech").is_dir() else src))
    if args.real_mb > 0:
        real_scaling(args.real_mb, args.repeat, trees, args.wait_quiet)
    if args.mb <= 0:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp) / "small", Path(tmp) / "big"
        n_small, mb_small = make_corpus(small, args.small_mb)
        n_big, mb_big = make_corpus(big, args.mb)
        print(f"generated corpora (tests/speechgen.py): {n_small} docs / {mb_small:.0f} MB and {n_big} docs / {mb_big:.0f} MB")
        per_doc = api_cost(big)
        t1, m1 = run_cli(big, 1)
        t2, m2 = run_cli(big, 2)
        ts, ms = run_cli(small, 2)
        print(f"1 worker : {mb_big / t1:.1f} MB/s, {n_big / t1:.0f} docs/s, peak {m1 / 2**20:.0f} MB ({mb_big:.0f} MB corpus)")
        print(f"2 workers: {mb_big / t2:.1f} MB/s, {n_big / t2:.0f} docs/s, peak {m2 / 2**20:.0f} MB ({mb_big:.0f} MB corpus)")
        print(f"speed-up 2 workers / 1 worker: {t1 / t2:.2f}x")
        print(f"peak memory, 2 workers: {ms / 2**20:.0f} MB at {mb_small:.0f} MB ({mb_small / ts:.1f} MB/s), "
              f"{m2 / 2**20:.0f} MB at {mb_big:.0f} MB")
        print(f"cost per document: API {per_doc * 1000:.2f} ms; batch, 1 worker {t1 / n_big * 1000:.2f} ms "
              f"(ratio {t1 / n_big / per_doc:.2f}); 2 workers {t2 / n_big * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
