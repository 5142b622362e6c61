"""Speed on real text, against a one-pass marker regex floor measured in the same run.

Usage:
  python benchmarks/realtext.py [--repeat 9] [--sections real,linear,startup]
  python benchmarks/realtext.py --compare REV [--repeat 9]       # REV (git worktree) vs this tree
  python benchmarks/realtext.py --python-path A --python-path B   # two source trees (A/src or A)

``real``: the texts of ../shared/corpus/texts and ../shared/wild/texts (read in place, as
tests/conftest.py finds them; the section is skipped when they are absent), per size class:
short texts (<= 2 KB as stored), excerpts (the first <= 2 KB of each longer text, cut at a line
end), full texts (> 2 KB) and all. In turns (floor, parse, parse+JSON, the order rotated each
repetition) it times one pass over a class: the floor (one compiled ``regex`` alternation of the
marker shapes, written below, ``finditer`` collecting the matches), ``parse_speech`` alone, and
``parse_speech(t).model_dump_json()``. Prints MB/s of the median pass, the median of the
per-repetition ratios to the floor, and µs per call.

``linear``: generated inputs of 1 MB and 10 MB (``--linear-mb``) in nine shapes; each size is
parsed in a fresh subprocess with a timeout (``>timeout``) and a memory cap (``>memory``), the
best of ``--linear-repeat`` runs at both sizes (the same number: the best of three against a
single run would bias the ratio up by the noise of one run). Prints the time ratio (target
<= 11 for 10x input) and MB/s (target >= 1).

``startup``: ``officialspeech outline examples/clean_lines.txt`` against
``python -c "from pydantic import BaseModel; import regex"``, fresh processes, interleaved,
median of ``--startup-runs`` each (target ratio <= 2). The command line keeps its compiled
patterns in a cache file (``officialspeech.compiled``; here a temporary folder, filled by the
warm-up run as on any machine after the first run); the same command with
``OFFICIALSPEECH_NO_CACHE=1`` is timed too (every run compiles, as the very first one does).

``--compare`` / ``--python-path``: one long-lived worker process per source tree, each importing
``officialspeech`` from its tree; the same texts, turns alternating A B, B A, …; prints MB/s of
each (median), the ratio B/A of the per-turn times (median) and whether the JSON of every text
is byte-identical between the trees.

This is a benchmark, not a test: figures depend on the machine. Run it alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import regex

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # as tests/conftest.py: ../shared next to the repository
TEXT_DIRS = (SHARED / "corpus" / "texts", SHARED / "wild" / "texts")
SHORT = 2048  # bytes (UTF-8): a short text or excerpt
MIN_TURN = 0.05  # seconds: a pass over a small class is repeated until a turn lasts this long

_N = "[一二三四五六七八九十百〇零两]+"
# one alternation, factored by first character and led by a lookahead on the characters a
# marker can start with (as fast as the bare alternation with ``regex``; the same pattern
# compiled with the standard ``re``, FLOOR_RE, scans these texts about 1.7x faster still and
# is printed for reference: the ratios are against ``regex``, the project's engine)
FLOOR = regex.compile(
    "(?=[一二三四五六七八九十百〇零两（(0-9第共首其再最—－-])(?:" + "|".join([
        _N + "(?:、|是)",  # 一、 一是
        "[（(](?:" + _N + r"|\d{1,3})[）)]",  # （一） （1）
        r"\d{1,3}[.．](?!\d)",  # 1.
        "第(?:" + _N + r"[，,、]|\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)",  # 第一， 第5页 共5页
        r"共\s*\d+\s*页",  # 共5页
        "首先|其次|再次|最后",  # 首先…
        r"[—－-]+\s*\d+\s*[—－-]+",  # — 3 —
    ]) + ")"
)


FLOOR_RE = re.compile(FLOOR.pattern)


def floor(text: str) -> list[regex.Match[str]]:
    """The floor: one pass of one compiled alternation, the matches collected."""
    return list(FLOOR.finditer(text))


def mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1_000_000


# ---------------------------------------------------------------------------------- texts


def load_texts() -> list[str]:
    """Every text of ../shared/{corpus,wild}/texts, in a fixed order (empty when absent)."""
    texts = []
    for d in TEXT_DIRS:
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.is_file() and p.suffix == ".txt":
                try:
                    texts.append(p.read_bytes().decode("utf-8-sig"))
                except UnicodeDecodeError:
                    continue
    return texts


def excerpt(text: str) -> str:
    """The first lines of ``text`` that fit in SHORT bytes (at least one line's start)."""
    out = 0
    for line in text.splitlines(keepends=True):
        if out + len(line.encode("utf-8")) > SHORT:
            break
        out += len(line.encode("utf-8"))
    return text.encode("utf-8")[:out].decode("utf-8") if out else text[: SHORT // 3]


def size_classes(texts: list[str]) -> dict[str, list[str]]:
    short = [t for t in texts if len(t.encode("utf-8")) <= SHORT]
    full = [t for t in texts if len(t.encode("utf-8")) > SHORT]
    return {"short (<=2KB)": short, "excerpts (2KB)": [excerpt(t) for t in full],
            "full (>2KB)": full, "all texts": texts}


# ------------------------------------------------------------------------------- real text


def _timed(fn: Callable[[], object], loops: int) -> float:
    t0 = time.perf_counter()
    for _ in range(loops):
        fn()
    return (time.perf_counter() - t0) / loops


def real_text(repeat: int) -> None:
    from officialspeech import parse_speech

    texts = load_texts()
    if not texts:
        print(f"real text: skipped ({SHARED} is absent)")
        return
    parse_speech("一、warm\n正文。")

    def passes(group: list[str]) -> dict[str, Callable[[], object]]:
        return {"floor": lambda: [floor(t) for t in group],
                "parse": lambda: [parse_speech(t) for t in group],
                "json": lambda: [parse_speech(t).model_dump_json() for t in group],
                "floor_re": lambda: [list(FLOOR_RE.finditer(t)) for t in group]}

    print(f"real text: {len(texts)} texts, {mb(texts):.2f} MB (../shared/corpus/texts + ../shared/wild/texts); "
          f"median of {repeat} turns, floor/parse/json (and re) interleaved")
    print(f"{'class':15s} {'texts':>5s} {'MB':>6s} {'floor MB/s':>10s} {'parse MB/s':>10s} {'x floor':>7s} "
          f"{'+json MB/s':>10s} {'x floor':>7s} {'µs/call':>8s} {'+json µs':>8s}")
    reference: list[str] = []
    for name, group in size_classes(texts).items():
        if not group:
            continue
        fns = passes(group)
        one = _timed(fns["json"], 1)  # warm, and how many passes make a turn long enough
        loops = max(1, int(MIN_TURN / max(one, 1e-6)) + 1)
        times: dict[str, list[float]] = {k: [] for k in fns}
        order = list(fns)
        for r in range(repeat):
            for k in order[r % len(order):] + order[: r % len(order)]:
                times[k].append(_timed(fns[k], loops))
        size = mb(group)
        med = {k: statistics.median(v) for k, v in times.items()}
        ratio = {k: statistics.median(t / f for t, f in zip(times[k], times["floor"], strict=True))
                 for k in ("parse", "json")}
        print(f"{name:15s} {len(group):5d} {size:6.2f} {size / med['floor']:10.1f} {size / med['parse']:10.1f} "
              f"{ratio['parse']:6.1f}x {size / med['json']:10.1f} {ratio['json']:6.1f}x "
              f"{med['parse'] / len(group) * 1e6:8.0f} {med['json'] / len(group) * 1e6:8.0f}")
        reference.append(f"{name} {size / med['floor_re']:.0f} MB/s")
    print(f"(reference, not the floor: the same alternation with the standard re module: {'; '.join(reference)})")
    empty = _timed(lambda: parse_speech(""), 2000)
    print(f"parse_speech(''): {empty * 1e6:.0f} µs a call")


# ---------------------------------------------------------------------- linearity inputs

_PHRASES = ["坚持稳中求进工作总基调", "推动经济高质量发展", "深化重点领域改革", "加强生态环境保护",
            "保障和改善民生", "全面从严治党", "我们要认真贯彻落实", "各级领导干部要带头", "持续优化营商环境",
            "扎实推进乡村振兴", "统筹发展和安全", "不断增强人民群众的获得感"]
_TITLES = ["提高站位增强责任感", "突出重点抓好落实", "强化保障确保见效", "加强组织领导", "狠抓工作落实"]
_CN = "一二三四五六七八九十"


def _sentence(i: int) -> str:
    return "，".join(_PHRASES[(i + k * 5) % len(_PHRASES)] for k in range(2 + i % 3)) + "。"


def _unit_clean(i: int) -> str:
    out = [f"{_CN[i % 9]}、{_TITLES[i % 5]}\n", _sentence(i) + _sentence(i + 1) + "\n"]
    for j in range(3):
        out.append(f"（{_CN[j]}）{_TITLES[(i + j) % 5]}。\n{_sentence(i + j)}{_sentence(i + j + 2)}\n")
    return "".join(out)


def _unit_run_on(i: int) -> str:
    return _sentence(i) + _sentence(i + 3) + f"今年要完成{i % 97 + 3}项任务，" + _sentence(i + 7)


def _unit_glued(i: int) -> str:
    return (f"{_CN[i % 9]}、{_TITLES[i % 5]}{_sentence(i)}"
            + "".join(f"（{_CN[j]}）{_TITLES[(i + j) % 5]}{_sentence(i + j)}" for j in range(3)))


def _unit_dense_yi(i: int) -> str:
    alphabet = "一一一一一是一二一三个一的一一致统一一样"
    return "".join(alphabet[(i * 7 + k * k) % len(alphabet)] for k in range(61))


def _unit_pages(i: int) -> str:
    p = i % 300 + 1
    marker = f"第{p}页 共300页" if i % 2 else f"— {p} —"
    return _sentence(i)[:20] + marker


def _unit_points(i: int) -> str:
    lines = ["".join(f"{_CN[k]}是{_PHRASES[(i + k) % len(_PHRASES)]}；" for k in range(10)) + "\n",
             "".join(f"第{_CN[k]}，{_PHRASES[(i + k) % len(_PHRASES)]}。" for k in range(5)) + "\n",
             f"首先，{_sentence(i)}其次，{_sentence(i + 1)}再次，{_sentence(i + 2)}最后，{_sentence(i + 3)}\n"]
    return "".join(lines)


def _unit_nested(i: int) -> str:
    circled = "①②③"
    out = [f"{_CN[i % 9]}、{_TITLES[i % 5]}\n"]
    for a in range(3):
        out.append(f"（{_CN[a]}）{_TITLES[a]}\n")
        for b in range(3):
            out.append(f"{b + 1}.{_TITLES[b]}\n")
            for c in range(2):
                out.append(f"（{c + 1}）{_PHRASES[(i + c) % len(_PHRASES)]}\n")
                for d in range(2):
                    out.append(f"{circled[d]}{_sentence(i + d)}\n")
    return "".join(out)


LINEAR_CASES: dict[str, Callable[[int], str]] = {
    "clean lines": _unit_clean,
    "one-line run-on": _unit_run_on,
    "glued headings, one line": _unit_glued,
    "repeated （一）": lambda i: "（一）",
    "repeated 一、": lambda i: "一、",
    "no punctuation, dense 一": _unit_dense_yi,
    "dense inline page markers": _unit_pages,
    "many points": _unit_points,
    "deeply nested levels": _unit_nested,
}


def linear_text(case: str, megabytes: float) -> str:
    unit = LINEAR_CASES[case]
    parts: list[str] = []
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        s = unit(i)
        parts.append(s)
        size += len(s.encode("utf-8"))
        i += 1
    return "".join(parts)


def _linear_child(case: str, megabytes: float, repeat: int) -> None:
    """In a subprocess: the best seconds of ``parse_speech`` on the generated input."""
    import resource

    cap = 8 * 2**30
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from officialspeech import parse_speech

    parse_speech(linear_text(case, 0.01))
    text = linear_text(case, megabytes)
    best = float("inf")
    try:
        for _ in range(repeat):
            t0 = time.perf_counter()
            parse_speech(text)
            best = min(best, time.perf_counter() - t0)
    except MemoryError:
        print(json.dumps({"error": ">memory"}))
        return
    print(json.dumps({"seconds": best, "mb": len(text.encode("utf-8")) / 1_000_000}))


def _linear_run(case: str, megabytes: float, repeat: int, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--linear-child", case, str(megabytes), str(repeat)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": ">timeout"}
    if out.returncode != 0 and not out.stdout.strip():
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": ">memory" if "MemoryError" in last else f"failed: {last[:60]}"}
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def linearity(sizes: tuple[float, float], timeout: float, repeat: int = 3) -> None:
    small, big = sizes
    print(f"linearity: generated inputs of {small:g} MB and {big:g} MB, parse_speech in a fresh process each "
          f"(best of {repeat} at each size; timeout {timeout:g} s); "
          f"targets: ratio <= {big / small * 1.1:g}, >= 1 MB/s")
    print(f"{'input':27s} {f'{small:g} MB s':>9s} {f'{big:g} MB s':>9s} {'ratio':>7s} {'MB/s':>7s}")
    for case in LINEAR_CASES:
        a = _linear_run(case, small, repeat, timeout)
        b: dict[str, Any] = _linear_run(case, big, repeat, timeout) if "error" not in a else {"error": "-"}
        sa = f"{a['seconds']:.3f}" if "seconds" in a else a["error"]
        sb = f"{b['seconds']:.3f}" if "seconds" in b else b["error"]
        ratio = f"{b['seconds'] / a['seconds']:.2f}" if "seconds" in a and "seconds" in b else "-"
        speed = f"{b['mb'] / b['seconds']:.1f}" if "seconds" in b else "-"
        print(f"{case:27s} {sa:>9s} {sb:>9s} {ratio:>7s} {speed:>7s}", flush=True)


# -------------------------------------------------------------------------------- start-up


def startup(runs: int, other: str | None = None) -> None:
    """The start-up figures; ``other``: a source tree whose ``python -m officialspeech outline``
    is timed too, against this tree's, interleaved."""
    script = Path(sys.executable).parent / "officialspeech"
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "officialspeech"]
    example = str(ROOT / "examples" / "clean_lines.txt")
    cmds = {"officialspeech outline": [*cli, "outline", example],
            "outline, no pattern cache": [*cli, "outline", example],
            "pydantic + regex import": [sys.executable, "-c", "from pydantic import BaseModel; import regex"],
            "import officialspeech.cli": [sys.executable, "-c", "import officialspeech.cli"]}
    cache_dir = tempfile.mkdtemp(prefix="officialspeech-cache-")
    cached = dict(os.environ, OFFICIALSPEECH_CACHE_DIR=cache_dir)
    envs: dict[str, dict[str, str] | None] = dict.fromkeys(cmds, cached)
    envs["outline, no pattern cache"] = dict(cached, OFFICIALSPEECH_NO_CACHE="1")
    if other:
        for label, src in (("-m outline, this tree", ROOT / "src"), ("-m outline, other tree", _src_dir(other))):
            cmds[label] = [sys.executable, "-m", "officialspeech", "outline", example]
            envs[label] = dict(cached, PYTHONPATH=str(src))
    names = list(cmds)
    walls: dict[str, list[float]] = {k: [] for k in names}
    for k, cmd in cmds.items():  # warm: bytecode written (as pip writes it for an installed package, even
        # where PYTHONDONTWRITEBYTECODE is set), files in the OS cache
        warm = {key: v for key, v in (envs[k] or os.environ).items() if key != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=warm)
    for r in range(runs):
        for k in names[r % len(names):] + names[: r % len(names)]:
            t0 = time.perf_counter()
            subprocess.run(cmds[k], check=True, stdout=subprocess.DEVNULL, env=envs[k])
            walls[k].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in walls.items()}
    base = med["pydantic + regex import"]
    print(f"start-up: fresh processes, median of {runs} each, interleaved")
    for k in names:
        print(f"  {k:26s} {med[k] * 1000:6.0f} ms  ({med[k] / base:.2f}x pydantic + regex)")
    print(f"  ratio outline / (pydantic + regex): {med['officialspeech outline'] / base:.2f}x (target <= 2); "
          f"without the pattern cache {med['outline, no pattern cache'] / base:.2f}x")
    shutil.rmtree(cache_dir, ignore_errors=True)
    if other:
        print(f"  other tree: {_src_dir(other)}; this tree / other tree (-m outline): "
              f"{med['-m outline, this tree'] / med['-m outline, other tree']:.3f}")


# ------------------------------------------------------------------------- compare trees


def _src_dir(path: str) -> Path:
    p = Path(path).resolve()
    return p / "src" if (p / "src" / "officialspeech").is_dir() else p


def _worker() -> None:
    """A long-lived worker: officialspeech imported from PYTHONPATH; answers "run CLASS KIND LOOPS"
    with the seconds of one pass of KIND (floor, parse, json) over CLASS; stops at end of input."""
    import officialspeech
    from officialspeech import parse_speech

    texts = load_texts()
    classes = {"all texts": texts, "short (<=2KB)": [t for t in texts if len(t.encode("utf-8")) <= SHORT]}
    digest = hashlib.sha256()
    for t in texts:
        digest.update(parse_speech(t).model_dump_json().encode("utf-8") + b"\n")
    print(json.dumps({"file": officialspeech.__file__, "sha256": digest.hexdigest(), "texts": len(texts),
                      "mb": {k: mb(v) for k, v in classes.items()}}), flush=True)
    for line in sys.stdin:
        cmd, _, arg = line.strip().partition(" ")
        if cmd != "run":
            break
        name, kind, loops = arg.rsplit(" ", 2)
        print(json.dumps({"seconds": _timed(_pass(parse_speech, classes[name], kind), int(loops))}), flush=True)


def _pass(parse_speech: Callable[[str], Any], group: list[str], kind: str) -> Callable[[], object]:
    if kind == "floor":
        return lambda: [floor(t) for t in group]
    if kind == "parse":
        return lambda: [parse_speech(t) for t in group]
    return lambda: [parse_speech(t).model_dump_json() for t in group]


class _Tree:
    def __init__(self, label: str, src: Path) -> None:
        self.label, self.src = label, src
        env = dict(os.environ, PYTHONPATH=str(src))
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--worker"], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     cwd=tempfile.gettempdir())
        self.info = self._read()
        if not Path(self.info["file"]).resolve().is_relative_to(src):
            self.close()
            raise SystemExit(f"{label}: imported {self.info['file']}, not from {src}")

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"{self.label}: worker failed")
        result: dict[str, Any] = json.loads(line)
        return result

    def run(self, name: str, kind: str, loops: int) -> float:
        stdin: IO[str] | None = self.proc.stdin
        assert stdin is not None
        stdin.write(f"run {name} {kind} {loops}\n")
        stdin.flush()
        return float(self._read()["seconds"])

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def compare(srcs: list[tuple[str, Path]], repeat: int) -> None:
    if not load_texts():
        print(f"compare: skipped ({SHARED} is absent)")
        return
    trees = [_Tree(label, src) for label, src in srcs]
    try:
        a, b = trees
        same = a.info["sha256"] == b.info["sha256"]
        print(f"compare: A = {a.label} ({a.src}), B = {b.label} ({b.src})")
        print(f"  {a.info['texts']} texts; JSON of every text byte-identical between A and B: "
              f"{'yes' if same else 'NO'} (sha256 {a.info['sha256'][:12]} / {b.info['sha256'][:12]})")
        print(f"  median of {repeat} turns, A and B alternating (A B, B A, …) for each of floor, parse, json")
        for name, size in a.info["mb"].items():
            if not size:
                continue
            one = a.run(name, "json", 1)
            b.run(name, "json", 1)
            loops = max(1, int(MIN_TURN / max(one, 1e-6)) + 1)
            times: dict[str, dict[str, list[float]]] = {"A": {}, "B": {}}
            for r in range(repeat):  # A B, B A, … for each kind in turn
                for kind in ("floor", "parse", "json"):
                    pair = [("A", a), ("B", b)] if r % 2 == 0 else [("B", b), ("A", a)]
                    for key, tree in pair:
                        times[key].setdefault(kind, []).append(tree.run(name, kind, loops))
            print(f"  {name} ({size:.2f} MB):")
            for kind in ("parse", "json"):
                ta, tb = times["A"][kind], times["B"][kind]
                ratio = statistics.median(y / x for x, y in zip(ta, tb, strict=True))
                label = "parse_speech" if kind == "parse" else "parse + model_dump_json"
                print(f"    {label:24s} A {size / statistics.median(ta):6.2f} MB/s  B {size / statistics.median(tb):6.2f}"
                      f" MB/s  time B/A {ratio:.3f} ({(ratio - 1) * 100:+.1f}%)"
                      f"  x floor A {statistics.median(t / f for t, f in zip(ta, times['A']['floor'], strict=True)):.1f}"
                      f" B {statistics.median(t / f for t, f in zip(tb, times['B']['floor'], strict=True)):.1f}")
    finally:
        for t in trees:
            t.close()


@contextmanager
def _worktree(rev: str) -> Iterator[Path]:
    tmp = Path(tempfile.mkdtemp(prefix="realtext-"))
    path = tmp / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(path), rev], check=True)
    try:
        yield path
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)], check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=9, help="turns (median); >= 9 for figures")
    ap.add_argument("--sections", default="real,linear,startup", help="any of real, linear, startup")
    ap.add_argument("--linear-mb", default="1,10", help="the two input sizes of the linearity table")
    ap.add_argument("--linear-timeout", type=float, default=120.0)
    ap.add_argument("--linear-repeat", type=int, default=3, help="runs at each size (best)")
    ap.add_argument("--startup-runs", type=int, default=10)
    ap.add_argument("--startup-other", metavar="DIR", help="also time `outline` from this source tree")
    ap.add_argument("--compare", metavar="REV", help="time REV (checked out in a temporary git worktree) against this tree")
    ap.add_argument("--python-path", action="append", default=[], metavar="DIR",
                    help="a source tree (DIR/src or DIR holding officialspeech/); give two")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--linear-child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        _worker()
        return 0
    if args.linear_child:
        case, size, repeat = args.linear_child
        _linear_child(case, float(size), int(repeat))
        return 0
    if args.compare:
        with _worktree(args.compare) as old:
            compare([(args.compare, _src_dir(str(old))), ("this tree", ROOT / "src")], args.repeat)
        return 0
    if args.python_path:
        if len(args.python_path) != 2:
            ap.error("give --python-path twice")
        compare([(p, _src_dir(p)) for p in args.python_path], args.repeat)
        return 0
    sections = set(args.sections.split(","))
    if "real" in sections:
        real_text(args.repeat)
    if "linear" in sections:
        small, big = (float(x) for x in args.linear_mb.split(","))
        linearity((small, big), args.linear_timeout, args.linear_repeat)
    if "startup" in sections:
        startup(args.startup_runs, args.startup_other)
    return 0


if __name__ == "__main__":
    sys.exit(main())
