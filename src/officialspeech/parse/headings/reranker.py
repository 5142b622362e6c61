"""A learned re-ranker for where a heading's title ends in run-on text.

Once a text lost its line breaks, a heading that stood alone on its line runs straight into
its body (``（二）持续夯实高质量发展基础京津冀协同发展深入拓展。``) and the rules of
:mod:`.titles` often take the first ``。`` far on.  This module scores every possible end
``k`` (``title = text[title_start:k]``) with a linear model over cheap features and keeps
the best one per heading (a conditional logit, trained by ``benchmarks/title_end_train.py``):

* the title's length, and the length for the heading's marker form;
* the character classes around the cut (Han, digit, comma, quote, space…);
* the first terminator: whether the cut is there, how far it lies on;
* the rules' own end (and its confidence) and the evidence score of :mod:`.titleend`;
* n-gram tables learned from running text: how often the 1–3 characters after the cut open a
  sentence, how often those before it end a sentence or a heading title, and how often the
  pair straddling the cut is split by a sentence boundary (log ratios to the base rate);
* shape cues: an open quote, a marker at the cut, a function word on either side, commas in
  the title, the distance from the last comma, the siblings' median title length.

The weights and the pruned tables are one data file, ``data/title_end_model.json``, read on
first use (only run-on text needs it).  Its ``features`` section says which character lists
the features use, so the model and its vocabulary travel together.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from statistics import median
from typing import Any

from ...vocab import vocabulary
from ..chars import CLOSE_QUOTES, GAP_SPACE, OPEN_QUOTES
from .candidates import Heading
from .siblings import SUBHEAD_MAX, sibling_groups
from .titleend import announced_end, cut_score, cut_scores, ending_score, opener_strength, opening_score, point_marker
from .titles import first_title_end

Features = list[tuple[str, float]]
MODEL_FILE = "title_end_model.json"
NGRAM = 3
LENGTH_BUCKETS = (3, 5, 7, 9, 11, 13, 15, 18, 21, 25, 30, 40, 50)
DISTANCE_BUCKETS = (0, 1, 2, 4, 7, 11, 16, 25, 40)
CUT_BUCKETS = (-1, 0, 1, 2, 3, 4, 5, 6)
X_BUCKETS = (-8, -6, -4, -3, -2, -1, 0, 1, 2, 3)  # twice the straddling pair's log ratio
RESTATED_MIN, RESTATED_MAX = 2, 8  # the body opens with the title's last words: …民主|民主是…
BOUNDARY_CHARS = "。！？；：!?;:\r\n"  # a sentence (or line) ends here, in the tables' text
_SKIP = BOUNDARY_CHARS + GAP_SPACE + "\u2002\u2003"
_COMMAS = "，,、"  # a title never ends with one
WORD = -2.5  # a straddling pair whose log ratio of being split is this low is one word
SHORT_RUN_IN = 16  # (on the training half, the model kept all 328 such rules' ends)
SETTLED = 3.4  # a rules' cut this well supported (titleend.cut_score; titles.MIN_CUT_SCORE) is kept


_LEN = tuple(f"len{i}" for i in range(len(LENGTH_BUCKETS) + 1))
_NOTERM = tuple(f"noterm|len{i}" for i in range(len(LENGTH_BUCKETS) + 1))
_TERM = tuple(f"term|len{i}" for i in range(len(LENGTH_BUCKETS) + 1))
_TDIST = tuple(f"tdist{i}" for i in range(len(DISTANCE_BUCKETS) + 1))
_SINCE_COMMA = tuple(f"sincecomma{i}" for i in range(len(DISTANCE_BUCKETS) + 1))
_SIB = tuple(f"sib{i}" for i in range(len(DISTANCE_BUCKETS) + 1))
_RULE_CUT = tuple(f"rule|cut{i}" for i in range(len(CUT_BUCKETS) + 1))
_XB = tuple(f"Xb{i}" for i in range(len(X_BUCKETS) + 1))
_COMMA_COUNT = tuple(f"commas{i}" for i in range(4))
_R = ("", "R1", "R2", "R3")
_L = ("", "L1", "L2", "L3")
_T = ("", "T1", "T2")


def bucket(n: int, edges: Sequence[int]) -> int:
    """The index of the first edge ``n`` does not exceed (len(edges): beyond the last)."""
    return bisect_left(edges, n)


@cache
def _class(ch: str) -> str:
    """:func:`char_class`, remembered."""
    return char_class(ch)


def char_class(ch: str) -> str:
    """One letter for the class of ``ch``: H Han, D digit, T terminator, C comma, O opening
    and Q closing quote or bracket, S space, L Latin letter, X anything else, E none ('': past
    the end). Han is the unified block U+4E00–U+9FFF, as the model was trained (not chars.HAN)."""
    if not ch:
        return "E"
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch in BOUNDARY_CHARS:
        return "T"
    if ch in _COMMAS:
        return "C"
    if ch in OPEN_QUOTES:
        return "O"
    if ch in CLOSE_QUOTES:
        return "Q"
    if ch.isspace():
        return "S"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "X"


@dataclass(frozen=True)
class Model:
    """Weights, n-gram tables and the character lists the features use."""

    weights: dict[str, float]
    tables: dict[str, dict[str, float]]
    function_chars: str
    max_length: int
    locative: tuple[str, str]  # (opens, closes): 在…中, a place or time the title opens and closes

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        """The model of a ``title_end_model.json`` document."""
        return cls({k: float(v) for k, v in data["weights"].items()},
                   {name: {g: float(v) for g, v in table.items()} for name, table in data["tables"].items()},
                   str(data["features"]["function_chars"]), int(data["features"]["max_length"]),
                   (str(data["features"]["locative_opens"]), str(data["features"]["locative_closes"])))


@cache
def model() -> Model:
    """The shipped model (read once, on first use)."""
    raw = resources.files("officialspeech").joinpath(f"data/{MODEL_FILE}").read_text("utf-8")
    return Model.from_json(json.loads(raw))


def context_after(text: str, k: int, n: int) -> str:
    """The ``n`` characters the body would open with after a cut at ``k`` (a terminator and
    white space there skipped, as the tables' text has none)."""
    while k < len(text) and text[k] in _SKIP:
        k += 1
    return text[k:k + n]


def candidates(text: str, h: Heading, stop: int, max_length: int, terminator: int | None) -> Iterator[int]:
    """The possible title ends of ``h``: ``title_start + 2`` up to the first terminator, the
    next heading and ``max_length`` characters, never inside white space or before a
    closing quote; the rules' own end always among them."""
    ts = h.title_start
    voc = vocabulary()
    hi = min(stop, ts + max_length, len(text))
    if terminator is not None:
        hi = min(hi, terminator)
    for k in range(ts + 2, hi + 1):
        before, after = text[k - 1], text[k:k + 1]
        if before in _SKIP or before in _COMMAS or before in OPEN_QUOTES or (after and after in CLOSE_QUOTES):
            continue
        if before in voc.title_bad_final_chars and any(text[k - n:k] in voc.title_bad_finals
                                                       for n in voc.title_bad_final_lengths if k - n >= ts):
            continue  # a title does not end with a word that wants what follows (…建设依托|我省…)
        yield k
    if h.title_end > hi:
        yield h.title_end


def candidate_features(text: str, h: Heading, stop: int, terminator: int | None, m: Model,
                       sibling_median: float | None = None, next_form: str | None = None) -> list[tuple[int, Features]]:
    """Each candidate end of ``h`` with its features (see the module docstring).  One pass
    over the window: quote depth, commas and openers inside the title are carried along."""
    ts = h.title_start
    scores = dict(cut_scores(text, ts, min(stop, ts + m.max_length + 1)))
    tables = m.tables
    x_table = tables["X"]
    fn = m.function_chars
    opener_at = opener_strength().match
    open_inside: tuple[int, str] | None = None  # the first opener in the title (start, strength)
    pending: dict[int, list[tuple[int, str]]] = {}  # openers by their end
    counts = dict.fromkeys("“”《》（），,", 0)
    last_comma = -1
    out: list[tuple[int, Features]] = []
    prev = ts  # text[ts:prev] is counted
    for k in candidates(text, h, stop, m.max_length, terminator):
        for p in range(prev, k):
            ch = text[p]
            if ch in counts:
                counts[ch] += 1
            if ch in _COMMAS:
                last_comma = p
            if p >= ts + 2 and (o := opener_at(text, p)) is not None:
                pending.setdefault(o.end(), []).append((p, o.lastgroup or ""))
            for q in [e for e in pending if e <= p + 1]:
                for found in pending.pop(q):
                    if open_inside is None or found[0] < open_inside[0]:
                        open_inside = found
        prev = max(prev, k)
        right3 = context_after(text, k, NGRAM)
        pair = text[k - 1] + right3[:1]
        x = x_table.get(pair, 0.0)
        if x <= WORD and k not in (terminator, h.title_end):
            continue  # the cut would split a word: the pair is common and (almost) never split
        length = k - ts
        lb = bucket(length, LENGTH_BUCKETS)
        before2 = _class(text[k - 2]) if k - 2 >= ts else "E"
        before, after = _class(text[k - 1]), _class(text[k]) if k < len(text) else "E"
        f: Features = [(_LEN[lb], 1.0), (f"len{lb}|{h.form}", 1.0), ("cp" + before + after, 1.0),
                       ("ct" + before2 + before + after, 1.0)]
        if terminator is None:
            f.append((_NOTERM[lb], 1.0))
        elif k == terminator:
            f.append(("term", 1.0))
            f.append((_TERM[lb], 1.0))
        else:
            f.append((_TDIST[bucket(terminator - k, DISTANCE_BUCKETS)], 1.0))
        sc = scores.get(k, 0.0)
        if k == h.title_end:
            f.append((f"rule|{h.confidence}", 1.0))
            f.append((_RULE_CUT[bucket(int(sc), CUT_BUCKETS)], 1.0))
        else:
            f.append((f"rdist{'-' if k < h.title_end else '+'}{bucket(abs(k - h.title_end), DISTANCE_BUCKETS)}", 1.0))
        f.append(("cut", max(-1.0, min(sc, 8.0))))
        if sc < 0:
            f.append(("cutneg", 1.0))
        for n in range(1, NGRAM + 1):
            right = right3[:n]
            if len(right) == n:
                f.append((_R[n], tables[_R[n]].get(right, 0.0)))
            if length >= n:
                left = text[k - n:k]
                f.append((_L[n], tables[_L[n]].get(left, 0.0)))
                if n <= 2:
                    f.append((_T[n], tables[_T[n]].get(left, 0.0)))
        f.append(("X", x))
        f.append((_XB[bucket(int(x * 2), X_BUCKETS)], 1.0))
        for n in range(RESTATED_MIN, min(RESTATED_MAX, length) + 1):
            if text[k - n:k] == text[k:k + n]:
                f.append(("restated", 1.0))
                break
        if counts["“"] > counts["”"] or counts["《"] > counts["》"] or counts["（"] > counts["）"]:
            f.append(("openquote", 1.0))
        if text[k:k + 1] == text[k - 1]:
            f.append(("samechar", 1.0))
        if k < len(text) - 1:
            f.append(("opening", opening_score(text, k)))
            f.append(("ending", ending_score(text, ts, k, 0.0)))
        if (opener := opener_at(text, k)) is not None:
            f.append((f"opener|{opener.lastgroup}", 1.0))
        if open_inside is not None:
            f.append((f"opener_in_title|{open_inside[1]}", 1.0))
        if _open_locative(text[max(ts, last_comma):k], m.locative):
            f.append(("openlocative", 1.0))
        if text[k - 1] in fn:
            f.append(("fnbefore", 1.0))
        if k < len(text) and text[k] in fn:
            f.append(("fnafter", 1.0))
        f.append((_COMMA_COUNT[min(counts["，"] + counts[","], 3)], 1.0))
        if last_comma != -1:
            f.append((_SINCE_COMMA[bucket(k - last_comma - 1, DISTANCE_BUCKETS)], 1.0))
        if next_form is not None and not text[k:stop].strip():
            # nothing left for a body: fine before a sub-heading, odd before a sibling
            f.append((f"empty|{'sibling' if next_form == h.form else 'other'}", 1.0))
        if sibling_median is not None:
            f.append((_SIB[bucket(int(abs(length - sibling_median)), DISTANCE_BUCKETS)], 1.0))
        out.append((k, f))
    return out


def _open_locative(clause: str, locative: tuple[str, str]) -> bool:
    """The title's last clause opens a place or time (在…) that it does not close (…中)."""
    opens, closes = locative
    at = max(clause.rfind(ch) for ch in opens)
    return at != -1 and not any(ch in closes for ch in clause[at + 2:])


def score(f: Features, weights: dict[str, float]) -> float:
    """The model's score of one candidate."""
    return sum(weights.get(name, 0.0) * v for name, v in f)


def sibling_medians(heads: Sequence[Heading]) -> list[float | None]:
    """Per heading, the median title length of its siblings (same form, consecutive run under
    one parent; None when it has fewer than two)."""
    out: dict[int, float | None] = {}
    for group in sibling_groups(list(heads)):
        for h in group:
            others = [g.title_end - g.title_start for g in group if g is not h]
            out[id(h)] = median(others) if len(others) >= 2 else None
    return [out.get(id(h)) for h in heads]


def settled(text: str, h: Heading, stop: int) -> bool:
    """The rules' end of ``h`` rests on evidence strong enough to keep: the speech announced
    the title before, the next heading (at ``stop``) starts there (二、…各项任务(一)…: the
    section opens with its sub-heading), or the body visibly starts there (a sure opener, the
    body restating or defining the title's words, an indent) - cues too rare in the training
    texts to weigh."""
    if announced_end(text, h.title_start) == h.title_end:
        return True
    if h.title_end <= stop and not text[h.title_end:stop].strip():
        return True
    k = h.title_end
    if not 0 < k < len(text) or text[k] in BOUNDARY_CHARS:
        return False
    if cut_score(text, h.title_start, k) >= SETTLED:
        return True
    if text[k - 1] in model().function_chars:
        return False
    if text[k] in GAP_SPACE:
        return True  # white space after the title: where its line ended
    # the body opens with a subject or time word (我们…, 全市各级…, 今年…; not a year: 和|2025年…),
    # a point marker (一是…), or a quoted term after a typical title ending (…意义|“多规合一”改革是…)
    voc = vocabulary()
    opener = voc.openers.match(text, k)
    if (opener is not None and not opener.group()[0].isdigit()) or point_marker().match(text, k):
        return True
    return text[k] in OPEN_QUOTES and opening_score(text, k) > 0 and ending_score(text, h.title_start, k, 0.0) > 0


def _subheading(text: str, k: int, t: int | None, h: Heading) -> bool:
    """A cut that would leave a short directive clause before the terminator the rules' title
    ran to (…持续迈进|推动科技成果转化。): the bold sub-heading pattern, which
    :mod:`.siblings` applies only where most siblings show it."""
    return t is not None and h.title_end == t and t - k <= SUBHEAD_MAX and bool(vocabulary().subhead_openers.match(text, k))


def terminator(text: str, h: Heading, stop: int) -> int | None:
    """The first title terminator after ``h``'s title start, before ``stop``, in reach."""
    reach = 2 * vocabulary().max_title_length
    return first_title_end(text, h.title_start, min(stop, h.title_start + reach + 1))


def rerank(text: str, heads: list[Heading], limit: int) -> None:
    """Re-cut the titles of ``heads`` (run-on text) where the model prefers another end."""
    m = model()
    medians = sibling_medians(heads)
    for i, h in enumerate(heads):
        stop = heads[i + 1].start if i + 1 < len(heads) else limit
        if settled(text, h, stop):
            continue
        t = terminator(text, h, stop)
        if h.title_end == t and t - h.title_start < SHORT_RUN_IN:
            continue  # a short title closed by its punctuation: the model never moves these
        cands = candidate_features(text, h, stop, t, m, medians[i], heads[i + 1].form if i + 1 < len(heads) else None)
        if not cands:
            continue
        best_k, best = h.title_end, -math.inf
        for k, f in cands:
            s = score(f, m.weights)
            if s > best:
                best, best_k = s, k
        if best_k == h.title_end or _subheading(text, best_k, t, h):
            continue
        h.title_end = best_k
        if best_k == t:
            h.heading_end, h.confidence = best_k + 1, "certain"
        else:
            h.heading_end, h.confidence = best_k, "guessed"
