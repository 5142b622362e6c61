"""Fuzz the public ``parse_speech`` and count contract violations (not part of the test suite).

Usage: python benchmarks/fuzz.py [--n 100000] [--seed 0] [--examples 3] [--shrink 400] [--markdown]

``--markdown`` parses every input as a Markdown draft (``parse_speech(text, markdown=True)``),
adds Markdown renderings of generated speeches and inserts Markdown markup in the mutations.

Inputs, in turn: random Unicode (CJK, ASCII, full-width and CJK punctuation, every kind of
white space and line break, emoji, combining marks), random mixes of markers (headings,
points, page markers, chrome, salutations, closings) and short phrases, generated
speeches (tests/speechgen.py, in all its shapes) and mutations of them, and mutations of
slices of the real texts in ../shared/corpus/texts and ../shared/wild/texts (skipped when
absent): deletions, duplications, inserted markers and page markers, lines joined or
split, CRLF, characters replaced.

Counted per input: exceptions; lost characters (a non-blank character no node, page
marker or chrome covers); spans outside their parent (a child outside its section, a
title span outside its heading, a heading outside its section, a lead span or gap outside
its point or paragraph, a span outside the text); and slice-contract violations:
``section_title`` (title != text[title_span]), ``point_lead`` (lead != text[lead_span]),
``paragraph_text`` / ``point_text`` / ``front_text`` (text != the span's slice minus its
gaps), ``section_marker`` / ``point_marker`` (the heading or point does not start with its
marker). Prints the counts, the slowest input, and for each kind a few minimal examples
(the shortest inputs found, then shrunk by deleting characters while the violation stays).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import speechgen  # noqa: E402
from officialspeech import parse_speech  # noqa: E402
from spanchecks import contract_violations as violations  # noqa: E402

SHARED = ROOT.parent / "shared"
REAL_DIRS = [SHARED / "corpus" / "texts", SHARED / "wild" / "texts"]

CN = "一二三四五六七八九十"
MARKERS = ["一、", "二、", "三、", "十一、", "（一）", "（二）", "(三)", "1.", "2．", "3、", "（1）", "(2)", "①", "②",
           "一是", "二是", "三是", "第一，", "第二，", "第三，", "首先，", "其次，", "最后，", "一要", "二要", "注释：",
           "［1］", "[2]", "附件：", "第一章", "第二节"]
PAGES = ["第2页 共3页", "— 3 —", "-4-", "第 5 页", "共9页 第1页", "- 12 -", "—2—"]
CHROME = ["下载文档", "分享", "收起", "展开", "此文档下载收益归作者所有", "ID:3381", "页数:4页", "格式:DOCX",
          "大小:20.1KB", "时间:2024-03-02", "举报", "免费下载"]
FRONT = ["在全县安全生产工作会议上的讲话", "同志们：", "各位代表：", "（2024年9月12日）", "张三", "谢谢大家！",
         "二〇二三年四月二十四日", "——在全市大会上"]
PHRASES = ["压实责任", "加强领导", "提高站位", "狠抓落实", "要高度重视", "确保安全", "推动发展", "坚持问题导向",
           "切实增强责任感", "各级党委", "今年以来", "我们要", "全面从严治党"]
PUNCT = "。，、；：？！…—（）《》“”‘’·.,;:?!()[]-"
SPACES = [" ", "\u3000", "\t", "\n", "\n", "\n", "\r\n", "\r", "\n\n", "\u00a0", "\u2028", "\x0c", "\x0b", "\x85"]
RANGES = [(0x4E00, 0x9FA5), (0x20, 0x7E), (0xFF01, 0xFF5E), (0x3000, 0x303F), (0x2000, 0x206F),
          (0x1F300, 0x1F64F), (0x0300, 0x036F), (0x2460, 0x24FF), (0x3400, 0x4DBF), (0xE000, 0xE0FF)]


# inputs


def random_unicode(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(0, 300)):
        r = rng.random()
        if r < 0.15:
            out.append(rng.choice(SPACES))
        elif r < 0.3:
            out.append(rng.choice(PUNCT))
        else:
            lo, hi = rng.choice(RANGES)
            out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def marker_mix(rng: random.Random) -> str:
    pools: list[list[str]] = [MARKERS, MARKERS, PAGES, CHROME, FRONT, PHRASES, PHRASES, PHRASES, list(PUNCT), SPACES,
                              SPACES, list(CN)]
    return "".join(rng.choice(rng.choice(pools)) for _ in range(rng.randrange(0, 60)))


MARKDOWN = {"on": False}  # --markdown
MARKUP = ["# ", "## ", "### ", " ##", "**", "*", "__", "_", "- ", "* ", "> ", "<!-- ", " -->", "\n---\n", "\n===\n",
          "\n```\n", "1. ", "\n\n"]


def generated(rng: random.Random) -> str:
    tree = speechgen.generate(rng, sections=rng.randint(1, 4), max_children=rng.randint(0, 3),
                              sentences=rng.randint(1, 3))
    shapes = [speechgen.clean, speechgen.crlf, speechgen.space_joined, speechgen.one_line,
              speechgen.page_broken, speechgen.pdf_wrapped, speechgen.chrome_wrapped]
    if MARKDOWN["on"]:
        shapes += [speechgen.markdown] * 3
    shape = rng.choice(shapes)
    return str(shape(tree, rng.randrange(1 << 30)))


def mutate(text: str, rng: random.Random) -> str:
    """A few random edits of ``text``."""
    for _ in range(rng.randint(1, 6)):
        n = len(text)
        i = rng.randrange(n + 1)
        j = min(n, i + rng.randrange(1, 40))
        op = rng.randrange(9)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:j] + text[i:j] + text[j:]
        elif op == 2:
            text = text[:i] + rng.choice(MARKERS) + text[i:]
        elif op == 3:
            text = text[:i] + rng.choice(PAGES) + text[i:]
        elif op == 4:
            text = text[:i] + rng.choice(CHROME + FRONT) + text[i:]
        elif op == 5:
            text = text[:i] + text[i:j].replace("\n", "") + text[j:]
        elif op == 6:
            text = text[:i] + rng.choice(MARKUP if MARKDOWN["on"] and rng.random() < 0.7 else SPACES) + text[i:]
        elif op == 7:
            text = text.replace("\n", "\r\n") if rng.random() < 0.5 else text.replace("\n", " ")
        else:
            text = text[:i] + random_unicode(rng)[:5] + text[i:]
    return text


def real_texts() -> list[str]:
    texts: list[str] = []
    for folder in REAL_DIRS:
        if folder.is_dir():
            texts.extend(p.read_text("utf-8", errors="replace") for p in sorted(folder.glob("*.txt")))
    return texts


def inputs(n: int, rng: random.Random, real: list[str]) -> Iterator[tuple[str, str]]:
    """(source kind, text) n times."""
    kinds: list[tuple[str, Callable[[], str]]] = [
        ("unicode", lambda: random_unicode(rng)),
        ("markers", lambda: marker_mix(rng)),
        ("generated", lambda: generated(rng)),
        ("generated+mutated", lambda: mutate(generated(rng), rng)),
    ]
    if real:
        def real_slice() -> str:
            text = rng.choice(real)
            start = rng.randrange(max(1, len(text)))
            return mutate(text[start:start + rng.randint(50, 1500)], rng)
        kinds += [("real+mutated", real_slice), ("real+mutated", real_slice)]
    for i in range(n):
        name, make = kinds[i % len(kinds)]
        yield name, make()


# checks


def check(text: str, details: dict[str, str] | None = None) -> Counter[str]:
    """Violations of one input, an exception counted as ``exception:Type``."""
    try:
        speech = parse_speech(text, markdown=MARKDOWN["on"])
    except Exception as exc:  # counted, never raised
        if details is not None:
            details.setdefault(f"exception:{type(exc).__name__}", str(exc)[:200])
        return Counter({f"exception:{type(exc).__name__}": 1})
    return violations(text, speech, details)


def shrink(text: str, kind: str, budget: int) -> str:
    """A shorter input with the same violation kind: delete chunks while it stays."""
    size = max(1, len(text) // 2)
    while size >= 1 and budget > 0:
        i, changed = 0, False
        while i < len(text) and budget > 0:
            candidate = text[:i] + text[i + size:]
            budget -= 1
            if check(candidate)[kind]:
                text, changed = candidate, True
            else:
                i += size
        if not changed:
            size //= 2
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="inputs to run (default 100000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--examples", type=int, default=3, help="minimal examples shown per violation kind")
    ap.add_argument("--shrink", type=int, default=2000, help="parses spent shrinking each example")
    ap.add_argument("--markdown", action="store_true", help="parse the inputs as Markdown drafts")
    args = ap.parse_args(argv)
    MARKDOWN["on"] = args.markdown
    rng = random.Random(args.seed)
    real = real_texts()
    totals: Counter[str] = Counter()
    inputs_with: Counter[str] = Counter()
    per_source: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    chars = 0
    slowest = (0.0, "")
    start = time.perf_counter()
    for i, (source, text) in enumerate(inputs(args.n, rng, real)):
        per_source[source] += 1
        chars += len(text)
        t0 = time.perf_counter()
        found = check(text)
        took = time.perf_counter() - t0
        if took > slowest[0]:
            slowest = (took, text)
        totals.update(found)
        for kind in found:
            inputs_with[kind] += 1
            keep = examples.setdefault(kind, [])
            keep.append(text)
            keep.sort(key=len)
            del keep[args.examples * 3:]
        if (i + 1) % 10_000 == 0:
            print(f"  {i + 1} inputs, {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - start
    print(f"fuzz: {args.n} inputs (seed {args.seed}), {chars} characters, {elapsed:.1f} s, "
          f"slowest input {slowest[0] * 1000:.0f} ms ({len(slowest[1])} chars)")
    print("sources: " + ", ".join(f"{k} {v}" for k, v in sorted(per_source.items()))
          + ("" if real else " (../shared texts absent: no real-text mutations)"))
    kinds = ["lost_characters", "span_outside_text", "span_outside_parent", "heading_outside_section",
             "title_span_outside_heading", "lead_span_outside_point", "gap_outside_node", "section_title",
             "point_lead", "paragraph_text", "point_text", "front_text", "section_marker", "point_marker"]
    kinds += sorted(k for k in totals if k not in kinds)
    exceptions = sum(v for k, v in inputs_with.items() if k.startswith("exception:"))
    print(f"exceptions: {exceptions} inputs")
    for kind in kinds:
        print(f"  {kind:28} {inputs_with[kind]:7} inputs ({100 * inputs_with[kind] / max(args.n, 1):.3f}%), "
              f"{totals[kind]} nodes")
    for kind in kinds:
        if not examples.get(kind):
            continue
        print(f"\nminimal examples of {kind}:")
        shown: set[str] = set()
        for text in examples[kind]:
            small = shrink(text, kind, args.shrink)
            if small in shown:
                continue
            shown.add(small)
            details: dict[str, str] = {}
            check(small, details)
            print(f"  {small!r}  (from {len(text)} chars)\n      {details.get(kind, '')}")
            if len(shown) >= args.examples:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
