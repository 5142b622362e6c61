"""Train the run-on title-end re-ranker (src/officialspeech/parse/headings/reranker.py).

Usage: python benchmarks/title_end_train.py [--wild DIR] [--half A|B] [--out FILE] [--epochs N]
                                            [--l2 X] [--cv]

Self-supervised, from ../shared/wild (read in place; never copied): a clean-lined text (as in
benchmarks/shape_consistency.py) gives, for every heading of its own outline, where the title
ends.  The same text flattened and space-joined (the shapes of that benchmark) is parsed by the
rules (``rule_headings``); each heading found there gets its candidate ends and features
(``rerank.candidate_features``) and the candidate whose title equals the clean one is the label.
Only one half of the wild texts is read (``--half``, default A, split by document with
near-duplicates together, as ``shape_consistency.py --half``), so the other half stays an
honest test: report with ``python benchmarks/shape_consistency.py --half B``.

The n-gram tables are counted on the same half (every text, sentence boundaries marked by its
own punctuation and line breaks; title ends from the clean outlines).  For the training rows
they are cross-fitted over 5 folds of documents, so a heading never sees its own document's
counts; the shipped tables are counted on the whole half and pruned (>= MIN_COUNT occurrences,
|log ratio| >= MIN_RATIO).  The model is a conditional logit over each heading's candidates,
trained with AdaGrad and an L2 penalty; ``--out`` writes the data file the parser reads.
Needs no package beyond the project's own.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import shape_consistency as sc

from officialspeech import parse_speech
from officialspeech.parse import read_document
from officialspeech.parse.document import Document
from officialspeech.parse.front import read_front_matter
from officialspeech.parse.headings import Heading, rule_headings
from officialspeech.parse.headings import reranker as rr

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT.parent / "shared" / "wild"
OUT = ROOT / "src" / "officialspeech" / "data" / rr.MODEL_FILE
SHAPES = ("flattened", "space_joined", "stripped")
FOLDS = 5
SMOOTH = 2.0  # pseudo-counts pulling a rare n-gram's rate to the base rate
MIN_COUNT = 3
MIN_RATIO = 0.5
FUNCTION_CHARS = "的在要是和与对把将及并等了着为以于从向而且"
MAX_LENGTH = 60
LOCATIVE = ("在", "中上下里内时前后间")  # 在…中: a place or time the title opens and closes
STRIP = "。！？；：，、!?;:,"  # the punctuation the 'stripped' shape drops (with line breaks)


# ---------------------------------------------------------------------------------------------
# n-gram counts


@dataclass
class Counts:
    """n-gram occurrences and how many of them sit at a boundary (see :func:`count_text`)."""

    freq: Counter[str] = field(default_factory=Counter)
    starts: Counter[str] = field(default_factory=Counter)  # the n-gram opens a sentence
    ends: Counter[str] = field(default_factory=Counter)  # the n-gram ends a sentence
    split: Counter[str] = field(default_factory=Counter)  # the pair straddles a boundary
    title_ends: Counter[str] = field(default_factory=Counter)
    positions: int = 0
    boundaries: int = 0
    titles: int = 0

    def add(self, other: Counts, sign: int = 1) -> None:
        for name in ("freq", "starts", "ends", "split", "title_ends"):
            mine: Counter[str] = getattr(self, name)
            for g, n in getattr(other, name).items():
                mine[g] += sign * n
        self.positions += sign * other.positions
        self.boundaries += sign * other.boundaries
        self.titles += sign * other.titles


def stripped(text: str) -> tuple[str, list[bool]]:
    """The text without boundary characters and white space, and per kept character whether a
    sentence boundary (a terminator or a line break) was removed right before it."""
    out: list[str] = []
    flags: list[bool] = []
    pending = True
    for ch in text:
        if ch in rr.BOUNDARY_CHARS:
            pending = True
        elif not ch.isspace():
            out.append(ch)
            flags.append(pending)
            pending = False
    return "".join(out), flags


def count_text(text: str, titles: Iterable[str]) -> Counts:
    """The counts of one text; ``titles``: its heading titles (from its clean outline)."""
    c = Counts()
    s, flags = stripped(text)
    n_chars = len(s)
    c.positions = n_chars
    c.boundaries = sum(flags)
    for n in range(1, rr.NGRAM + 1):
        for i in range(n_chars - n + 1):
            g = s[i:i + n]
            c.freq[g] += 1
            if flags[i]:
                c.starts[g] += 1
            if i + n < n_chars and flags[i + n]:
                c.ends[g] += 1
    for i in range(1, n_chars):
        if flags[i]:
            c.split[s[i - 1] + s[i]] += 1
    for raw in titles:
        t = "".join(ch for ch in raw if not ch.isspace())
        c.titles += 1
        for n in (1, 2):
            if len(t) >= n:
                c.title_ends[t[-n:]] += 1
    return c


def ratio(hits: int, total: int, base: float) -> float:
    """The smoothed log ratio of a rate to the base rate."""
    return math.log((hits + SMOOTH * base) / (total + SMOOTH) / base)


def tables(c: Counts, prune: bool = False, min_count: int = MIN_COUNT,
           min_ratio: float = MIN_RATIO) -> dict[str, dict[str, float]]:
    """The log-ratio tables of the counts (pruned for shipping)."""
    base = max(c.boundaries, 1) / max(c.positions, 1)
    title_base = max(c.titles, 1) / max(c.positions, 1)
    out: dict[str, dict[str, float]] = {f"{k}{n}": {} for k in "RL" for n in range(1, rr.NGRAM + 1)}
    out.update({"T1": {}, "T2": {}, "X": {}})
    for g, total in c.freq.items():
        if total <= 0 or (prune and total < min_count):
            continue
        n = len(g)
        for name, hits, b in ((f"R{n}", c.starts[g], base), (f"L{n}", c.ends[g], base),
                              (f"T{n}", c.title_ends[g], title_base), ("X", c.split[g], base)):
            if name not in out or (name == "X" and n != 2):
                continue
            v = ratio(hits, total, b)
            if not prune or abs(v) >= min_ratio:
                out[name][g] = round(v, 2) if prune else v
    return out


# ---------------------------------------------------------------------------------------------
# training rows


@dataclass
class Row:
    doc: str
    shape: str
    heading: Heading
    stop: int
    terminator: int | None
    median: float | None
    next_form: str | None
    text: str
    gold: str  # the clean title, white space removed


def rule_parse(text: str) -> tuple[str, list[Heading], bool, Document]:
    """The view and the rules' headings of ``text`` (the stages of ``parse_tree`` up to headings)."""
    doc = read_document(text)
    front = read_front_matter(doc)
    heads, run_on = rule_headings(doc, front.body_start)
    return doc.view.text, heads, run_on, doc


def stripped_variant(text: str) -> sc.Variant:
    """The text run on with its punctuation stripped too (a report pasted without it)."""
    segments: list[sc.Segment] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in STRIP or ch in "\r\n":
            if start < i:
                segments.append((start, i))
            start = i + 1
    if start < len(text):
        segments.append((start, len(text)))
    return sc.build("stripped", text, segments)


def rows_of(doc_id: str, text: str) -> tuple[list[Row], list[str]]:
    """The training rows of one clean-lined text (both shapes) and its clean titles."""
    ref = parse_speech(text)
    if not sc.clean_lined(text, ref):
        return [], []
    gold = {(sc.marker_key(s.marker), s.heading_span.start): sc.norm(s.title) or "" for s in ref.sections()}
    rows: list[Row] = []
    for shape in SHAPES:
        v = stripped_variant(text) if shape == "stripped" else sc.variant(text, shape, doc_id)
        view, heads, run_on, doc = rule_parse(v.text)
        if not run_on:
            continue
        medians = rr.sibling_medians(heads)
        for i, h in enumerate(heads):
            key = (sc.marker_key(h.marker), v.original(doc.view.source(h.start)))
            stop = heads[i + 1].start if i + 1 < len(heads) else len(view)
            if key not in gold or rr.settled(view, h, stop):
                continue
            title = gold[key] if shape != "stripped" else "".join(ch for ch in gold[key] if ch not in STRIP)
            nxt = heads[i + 1].form if i + 1 < len(heads) else None
            rows.append(Row(doc_id, shape, h, stop, rr.terminator(view, h, stop), medians[i], nxt, view, title))
    return rows, [s.title for s in ref.sections()]


@dataclass
class Example:
    cands: list[tuple[int, rr.Features]]
    gold: int  # index into cands
    rule: int  # index of the rules' end (-1: none)


def examples(rows: Sequence[Row], m: rr.Model) -> tuple[list[Example], int]:
    """Rows as candidate lists with the gold index; and how many rows had no gold candidate."""
    out: list[Example] = []
    missing = 0
    for r in rows:
        cands = rr.candidate_features(r.text, r.heading, r.stop, r.terminator, m, r.median, r.next_form)
        ts = r.heading.title_start
        gold = next((i for i, (k, _) in enumerate(cands) if sc.norm(r.text[ts:k]) == r.gold), -1)
        if gold < 0:
            missing += 1
            continue
        rule = next((i for i, (k, _) in enumerate(cands) if k == r.heading.title_end), -1)
        out.append(Example(cands, gold, rule))
    return out, missing


# ---------------------------------------------------------------------------------------------
# the conditional logit


def train(data: Sequence[Example], epochs: int, l2: float = 1e-4, rate: float = 0.3, seed: int = 0) -> dict[str, float]:
    """Weights maximising the log likelihood of each gold candidate (AdaGrad, L2)."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            ex = data[i]
            scores = [rr.score(f, w) for _, f in ex.cands]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            z = sum(exps)
            grad: dict[str, float] = {}
            for (_, f), e in zip(ex.cands, exps, strict=True):
                p = e / z
                for name, v in f:
                    grad[name] = grad.get(name, 0.0) + p * v
            for name, v in ex.cands[ex.gold][1]:
                grad[name] = grad.get(name, 0.0) - v
            for name, raw in grad.items():
                gr = raw + l2 * w.get(name, 0.0)
                g2[name] = g2.get(name, 0.0) + gr * gr
                w[name] = w.get(name, 0.0) - rate * gr / math.sqrt(g2[name] + 1e-8)
    return w


def accuracy(data: Sequence[Example], w: dict[str, float]) -> tuple[float, float]:
    """(model, rules) share of examples whose pick is the gold candidate."""
    if not data:
        return 0.0, 0.0
    model = sum(max(range(len(ex.cands)), key=lambda i: rr.score(ex.cands[i][1], w)) == ex.gold for ex in data)
    rules = sum(ex.rule == ex.gold for ex in data)
    return model / len(data), rules / len(data)


def model_json(w: dict[str, float], t: dict[str, dict[str, float]]) -> dict[str, Any]:
    """The data file: weights, pruned tables and the feature settings."""
    return {"about": "Title-end re-ranker for run-on text, trained by benchmarks/title_end_train.py "
                     "on one half of ../shared/wild (see src/officialspeech/parse/headings/reranker.py).",
            "features": {"function_chars": FUNCTION_CHARS, "max_length": MAX_LENGTH,
                         "locative_opens": LOCATIVE[0], "locative_closes": LOCATIVE[1]},
            "weights": {k: round(v, 4) for k, v in sorted(w.items()) if abs(v) >= 1e-3},
            "tables": {name: rr.pack_table(table) for name, table in t.items()}}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wild", type=Path, default=WILD)
    ap.add_argument("--half", choices=("A", "B"), default="A")
    ap.add_argument("--out", type=Path, default=None, help=f"write the model here (the parser reads {OUT})")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--min-count", type=int, default=MIN_COUNT, help="prune n-grams seen fewer times")
    ap.add_argument("--min-ratio", type=float, default=MIN_RATIO, help="prune log ratios closer to 0")
    ap.add_argument("--cv", action="store_true", help="first print grouped 5-fold CV accuracy for a grid of settings")
    a = ap.parse_args(argv)
    manifest_path = a.wild / "manifest.json"
    if not manifest_path.is_file():
        print(f"{a.wild} not found: nothing to train on")
        return 0
    manifest = json.loads(manifest_path.read_text("utf-8"))
    side = sc.halves(manifest)
    texts = {r["id"]: (a.wild / r["file"]).read_bytes().decode("utf-8") for r in manifest if side[r["id"]] == a.half}
    root = {r["id"]: r.get("near_duplicate_of") or r["id"] for r in manifest}
    groups = sorted({root[d] for d in texts})
    fold = {d: groups.index(root[d]) % FOLDS for d in texts}  # near-duplicates in one fold
    all_rows: dict[str, list[Row]] = {}
    counts: dict[str, Counts] = {}
    for d, text in texts.items():
        rows, titles = rows_of(d, text)
        all_rows[d] = rows
        counts[d] = count_text(text, titles)
    total = Counts()
    for c in counts.values():
        total.add(c)
    data: list[Example] = []
    data_fold: list[int] = []
    missing = 0
    for f in range(FOLDS):
        held = Counts()
        held.add(total)
        for d, c in counts.items():
            if fold[d] == f:
                held.add(c, -1)
        m = rr.Model({}, tables(held), FUNCTION_CHARS, MAX_LENGTH, LOCATIVE)
        ex, miss = examples([r for d in texts if fold[d] == f for r in all_rows[d]], m)
        data.extend(ex)
        data_fold.extend([f] * len(ex))
        missing += miss
    if a.cv:
        for epochs in (12, 30):
            for l2 in (3e-5, 1e-4, 1e-3):
                right = 0
                for f in range(FOLDS):
                    wf = train([e for e, g in zip(data, data_fold, strict=True) if g != f], epochs, l2)
                    test = [e for e, g in zip(data, data_fold, strict=True) if g == f]
                    right += round(accuracy(test, wf)[0] * len(test))
                print(f"cv epochs {epochs} l2 {l2:g}: accuracy {right / len(data):.3f}")
    w = train(data, a.epochs, a.l2)
    acc, rules = accuracy(data, w)
    print(f"half {a.half}: {len(texts)} texts, {len(data)} headings (+{missing} without the clean title among "
          f"the candidates); train accuracy model {acc:.3f}, rules {rules:.3f}")
    if a.out is not None:
        t = tables(total, True, a.min_count, a.min_ratio)
        doc = model_json(w, t)
        a.out.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
        print(f"wrote {a.out}: {len(doc['weights'])} weights, {sum(map(len, t.values()))} table entries, "
              f"{a.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
