"""Score the parser against the hand-made gold outlines in ../shared/corpus.

Usage: python benchmarks/corpus_score.py [--corpus DIR] [--flatten] [--verbose] [--json]

Prints heading F1, heading-title exact match, parent accuracy, point F1, lead exact
match, point-heading accuracy, salutation, title and closing exact match and page-marker
F1, per text and overall.  ``--flatten`` removes every line break from the texts (and
from the gold titles and leads) first.  Any folder with ``texts/NAME.txt`` and
``gold/NAME.json`` can be scored, e.g. the held-out set ``--corpus tests/fixtures/speeches``.  Exits 0 when the corpus is absent
(nothing to score) and prints why.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from officialspeech import Point, Section, Speech, parse_speech

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@dataclass
class Tally:
    """Counts behind the scores."""

    h_tp: int = 0
    h_pred: int = 0
    h_gold: int = 0
    h_title: int = 0
    h_parent: int = 0
    p_tp: int = 0
    p_pred: int = 0
    p_gold: int = 0
    p_lead: int = 0
    p_head: int = 0
    sal_ok: int = 0
    sal_n: int = 0
    title_ok: int = 0
    title_n: int = 0
    close_ok: int = 0
    close_n: int = 0
    pm_tp: int = 0
    pm_pred: int = 0
    pm_gold: int = 0
    crashes: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
            else:
                getattr(self, k).extend(v)

    def scores(self) -> dict[str, float]:
        def f1(tp: int, pred: int, gold: int) -> float:
            if pred == 0 and gold == 0:
                return 1.0
            return 2 * tp / (pred + gold) if pred + gold else 0.0

        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "heading_f1": f1(self.h_tp, self.h_pred, self.h_gold),
            "title_exact": ratio(self.h_title, self.h_tp),
            "parent_accuracy": ratio(self.h_parent, self.h_tp),
            "point_f1": f1(self.p_tp, self.p_pred, self.p_gold),
            "lead_exact": ratio(self.p_lead, self.p_tp),
            "point_heading_accuracy": ratio(self.p_head, self.p_tp),
            "salutation_exact": ratio(self.sal_ok, self.sal_n),
            "doc_title_exact": ratio(self.title_ok, self.title_n),
            "closing_exact": ratio(self.close_ok, self.close_n),
            "page_marker_f1": f1(self.pm_tp, self.pm_pred, self.pm_gold),
            "crashes": float(self.crashes),
        }


def _align(pred: Sequence[tuple[Any, ...]], gold: Sequence[tuple[Any, ...]]) -> list[tuple[int, int]]:
    """Longest common subsequence of the keys, as index pairs."""
    n, m = len(pred), len(gold)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = dp[i + 1][j + 1] + 1 if pred[i] == gold[j] else max(dp[i + 1][j], dp[i][j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if pred[i] == gold[j]:
            pairs.append((i, j))
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _flat(speech: Speech) -> tuple[list[tuple[Section, int | None]], list[tuple[Point, int | None]]]:
    heads: list[tuple[Section, int | None]] = []
    points: list[tuple[Point, int | None]] = []

    def walk(blocks: Sequence[Any], parent: int | None) -> None:
        for b in blocks:
            if isinstance(b, Section):
                heads.append((b, parent))
                walk(b.children, len(heads) - 1)
            elif isinstance(b, Point):
                points.append((b, parent))

    walk(speech.body, None)
    return heads, points


def _marker_key(marker: str) -> str:
    """A point marker without the comma or colon that may follow it (第一， = 第一、 = 第一)."""
    return marker.rstrip("，,、：: ")


def score_one(text: str, gold: dict[str, Any]) -> Tally:
    """Compare one parse with its gold outline."""
    t = Tally()
    speech = parse_speech(text)
    heads, points = _flat(speech)
    gh = gold["headings"]
    pk = [(h.style, h.number) for h, _ in heads]
    gk = [(g["level_style"], g["number"]) for g in gh]
    # gold lists are not always in document order (some group headings by level):
    # align per marker style, in order within each style
    pairs: list[tuple[int, int]] = []
    for style in {k[0] for k in pk} | {k[0] for k in gk}:
        pi = [i for i, k in enumerate(pk) if k[0] == style]
        gi = [j for j, k in enumerate(gk) if k[0] == style]
        pairs.extend((pi[a], gi[b]) for a, b in _align([pk[i] for i in pi], [gk[j] for j in gi]))
    pairs.sort()
    t.h_pred, t.h_gold, t.h_tp = len(pk), len(gk), len(pairs)
    p2g = dict(pairs)
    for i, j in pairs:
        h, parent = heads[i]
        if h.title == gh[j]["title"]:
            t.h_title += 1
        else:
            t.misses.append(f"{gold['id']} title {h.marker}: {h.title!r} != {gh[j]['title']!r}")
        if (p2g.get(parent) if parent is not None else None) == gh[j]["parent"]:
            t.h_parent += 1
        else:
            t.misses.append(f"{gold['id']} parent {h.marker}{h.title[:12]}")
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    t.misses.extend(f"{gold['id']} extra heading {heads[i][0].marker}{heads[i][0].title[:20]!r}"
                    for i in range(len(heads)) if i not in matched_p)
    t.misses.extend(f"{gold['id']} missed heading {gh[j]['marker']}{gh[j]['title'][:20]!r}"
                    for j in range(len(gh)) if j not in matched_g)
    gp = gold["points"]
    ppk = [(_marker_key(p.marker), p.number) for p, _ in points]
    gpk = [(_marker_key(g["marker"]), g["number"]) for g in gp]
    ppairs = _align(ppk, gpk)
    t.p_pred, t.p_gold, t.p_tp = len(ppk), len(gpk), len(ppairs)
    for i, j in ppairs:
        if points[i][0].lead == gp[j]["lead"]:
            t.p_lead += 1
        else:
            t.misses.append(f"{gold['id']} lead {points[i][0].marker}: {points[i][0].lead!r} != {gp[j]['lead']!r}")
        parent = points[i][1]
        if (p2g.get(parent) if parent is not None else None) == gp[j].get("heading"):
            t.p_head += 1
        else:
            t.misses.append(f"{gold['id']} point heading {points[i][0].marker}{points[i][0].lead[:12]}")
    mp = {i for i, _ in ppairs}
    mg = {j for _, j in ppairs}
    t.misses.extend(f"{gold['id']} extra point {points[i][0].marker} {points[i][0].lead[:20]!r}"
                    for i in range(len(points)) if i not in mp)
    t.misses.extend(f"{gold['id']} missed point {gp[j]['marker']} {gp[j]['lead'][:20]!r}"
                    for j in range(len(gp)) if j not in mg)
    t.sal_n = t.title_n = 1
    sal = speech.salutation.text if speech.salutation else None
    t.sal_ok = int(sal == gold["salutation"])
    if not t.sal_ok:
        t.misses.append(f"{gold['id']} salutation {sal!r} != {gold['salutation']!r}")
    title = speech.title.text if speech.title else None
    t.title_ok = int(title == gold["title"])
    if not t.title_ok:
        t.misses.append(f"{gold['id']} title {title!r} != {gold['title']!r}")
    t.close_n = 1
    closing = speech.closing.text if speech.closing else None
    t.close_ok = int(closing == gold.get("closing"))
    if not t.close_ok:
        t.misses.append(f"{gold['id']} closing {closing!r} != {gold.get('closing')!r}")
    pm = [m.text for m in speech.page_markers]
    gpm = list(gold.get("page_markers", []))
    t.pm_pred, t.pm_gold = len(pm), len(gpm)
    t.pm_tp = len(_align([(m,) for m in pm], [(m,) for m in gpm]))
    if t.pm_tp < max(len(pm), len(gpm)):
        t.misses.append(f"{gold['id']} page markers {pm!r} != {gpm!r}")
    return t


def flatten(text: str) -> str:
    """The text with every line break removed."""
    return text.replace("\r", "").replace("\n", "")


def score_corpus(corpus: Path, flat: bool = False) -> tuple[Tally, dict[str, Tally]]:
    """Score every text of the corpus that has a gold outline."""
    total = Tally()
    per: dict[str, Tally] = {}
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        text = (corpus / "texts" / f"{gold_path.stem}.txt").read_bytes().decode("utf-8")
        if flat:
            text = flatten(text)
            gold = {**gold, "headings": [{**h, "title": flatten(h["title"])} for h in gold["headings"]],
                    "points": [{**p, "lead": flatten(p["lead"])} for p in gold["points"]],
                    "title": flatten(gold["title"]) if gold["title"] else None}
        try:
            t = score_one(text, gold)
        except Exception as exc:  # a crash is a finding, not the end of the run
            t = Tally(crashes=1, misses=[f"{gold['id']} CRASH {type(exc).__name__}: {exc}"])
        per[gold["id"]] = t
        total.add(t)
    return total, per


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--flatten", action="store_true", help="remove every line break first")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    ap.add_argument("--json", action="store_true", help="print the overall scores as JSON")
    args = ap.parse_args(argv)
    if not (args.corpus / "gold").is_dir():
        print(f"corpus not found at {args.corpus}; nothing to score")
        return 0
    total, per = score_corpus(args.corpus, args.flatten)
    if args.json:
        print(json.dumps(total.scores()))
        return 0
    width = max([4, *map(len, per)])
    print(f"{'id':>{width}} {'hF1':>6} {'title':>6} {'parent':>6} {'pF1':>6} {'lead':>6} {'ptHd':>6} sal tit clo {'pmF1':>6}")
    for doc_id, t in per.items():
        s = t.scores()
        print(f"{doc_id:>{width}} {s['heading_f1']:6.3f} {s['title_exact']:6.3f} {s['parent_accuracy']:6.3f} "
              f"{s['point_f1']:6.3f} {s['lead_exact']:6.3f} {s['point_heading_accuracy']:6.3f} {t.sal_ok:>3} {t.title_ok:>3} "
              f"{t.close_ok:>3} {s['page_marker_f1']:6.3f}"
              + (" CRASH" if t.crashes else ""))
    s = total.scores()
    print("overall: " + ", ".join(f"{k} {v:.3f}" for k, v in s.items()))
    if args.verbose:
        for t in per.values():
            for line in t.misses:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
