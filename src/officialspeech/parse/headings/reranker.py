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
the features use, so the model and its vocabulary travel together.  A table is packed
(:func:`pack_table`): its n-grams joined by tabs and its log ratios, hundredths as
little-endian int16, in base64 — read in a third of the time a JSON object of 220,000
numbers takes (~35 ms against ~100 ms), which every process pays on its first run-on text.

Trainer and parser share one feature computation, :func:`cuts`: one pass over a heading's
window yields, per candidate, a :class:`Cut` holding what the features read (character
classes, the n-gram contexts, the cut score, the walk's quote, comma and opener state).  The
trainer names them (:func:`features`, :func:`candidate_features`); the parser scores them with
:class:`Scorer`, whose weights are looked up once per model into tuples and dicts indexed by
what a feature reads, so no feature name is built per candidate.  Its terms are the same
products added in the same order as ``score(features(...))``, so the scores, and the chosen
ends, are those of the named features bit for bit (``tests/test_reranker.py``).
"""

from __future__ import annotations

import base64
import json
import math
import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, NamedTuple

from ...packaged import package_text
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
_NOT_FINAL = frozenset(_SKIP + _COMMAS + OPEN_QUOTES)  # nor with any of these
_NOT_AFTER = frozenset(CLOSE_QUOTES)  # nor right before these
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

    @cached_property
    def scorer(self) -> Scorer:
        """The weights folded for scoring (built on first use, once per model)."""
        return Scorer(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        """The model of a ``title_end_model.json`` document."""
        return cls({k: float(v) for k, v in data["weights"].items()},
                   {name: unpack_table(table) for name, table in data["tables"].items()},
                   str(data["features"]["function_chars"]), int(data["features"]["max_length"]),
                   (str(data["features"]["locative_opens"]), str(data["features"]["locative_closes"])))


def pack_table(table: dict[str, float]) -> dict[str, str]:
    """``table`` as the data file holds it: ``{"grams": its n-grams in code point order,
    joined by tabs, "centi": the
    values in hundredths, little-endian int16, base64}``. Every value must be a whole number
    of hundredths within int16 (the trainer rounds them to 2 decimals), and no n-gram may hold
    a tab (the tables' text has no white space); ``ValueError`` otherwise."""
    grams = sorted(table)
    if any("\t" in g for g in grams):
        raise ValueError("an n-gram holds a tab")
    centi = array("h")
    for g in grams:
        c = round(table[g] * 100)
        if c / 100 != table[g] or not -32768 <= c <= 32767:
            raise ValueError(f"table value {table[g]!r} of {g!r} is not a whole number of hundredths within int16")
        centi.append(c)
    if sys.byteorder == "big":
        centi.byteswap()
    return {"grams": "\t".join(grams), "centi": base64.b64encode(centi.tobytes()).decode("ascii")}


def unpack_table(packed: dict[str, str]) -> dict[str, float]:
    """The table :func:`pack_table` packed, in the same order (``c / 100`` is the float the
    value's two decimals name, as ``float("-1.39")`` is)."""
    centi = array("h")
    centi.frombytes(base64.b64decode(packed["centi"]))
    if sys.byteorder == "big":
        centi.byteswap()
    grams = packed["grams"].split("\t") if packed["grams"] else []
    if len(grams) != len(centi):
        raise ValueError(f"a packed table has {len(grams)} n-grams and {len(centi)} values")
    return dict(zip(grams, [c / 100 for c in centi], strict=True))


@cache
def model() -> Model:
    """The shipped model (read once, on first use)."""
    raw = package_text(f"data/{MODEL_FILE}")
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
    bad_chars, bad, bad_lengths = voc.title_bad_final_chars, voc.title_bad_finals, voc.title_bad_final_lengths
    hi = min(stop, ts + max_length, len(text))
    if terminator is not None:
        hi = min(hi, terminator)
    for k in range(ts + 2, hi + 1):
        before = text[k - 1]
        if before in _NOT_FINAL or text[k:k + 1] in _NOT_AFTER:
            continue
        if before in bad_chars and any(text[k - n:k] in bad for n in bad_lengths if k - n >= ts):
            continue  # a title does not end with a word that wants what follows (…建设依托|我省…)
        yield k
    if h.title_end > hi:
        yield h.title_end


class Cut(NamedTuple):
    """What the features of one candidate end ``k`` read, computed once by :func:`cuts` for
    both :func:`features` (the trainer's named features) and :class:`Scorer` (the parser's
    folded weights)."""

    k: int
    length: int  # of the title text[title_start:k]
    classes: str  # char_class of text[k-2], text[k-1], text[k] ("E": before the title / past the end)
    left: str  # the title's last (up to) NGRAM characters
    right: str  # the body's first (up to) NGRAM characters (context_after)
    x: float  # the straddling pair's log ratio of being split (the X table)
    cut: float  # the evidence score of titleend.cut_scores (0.0: no evidence)
    restated: bool  # the body opens with the title's last RESTATED_MIN..RESTATED_MAX characters
    open_quote: bool  # a quote or bracket opened in the title is still open
    same_char: bool  # text[k] == text[k-1]
    tail: tuple[float, float] | None  # (opening_score, ending_score); None at the last character
    opener: str | None  # the strength of an opener at k (its group's name, as str() gives it)
    opener_in_title: str | None  # the strength of the first opener inside the title
    open_locative: bool  # the title's last clause opens a place or time (在…) it does not close (…中)
    fn_before: bool  # a function character before the cut
    fn_after: bool  # and after it
    commas: int  # full- and half-width commas in the title
    since_comma: int | None  # characters since the title's last comma (None: no comma)
    empty: bool  # nothing but white space left before the next heading


def cuts(text: str, h: Heading, stop: int, terminator: int | None, m: Model,
         next_form: str | None = None) -> Iterator[Cut]:
    """Each candidate end of ``h`` that does not split a word, with what its features read.
    One pass over the window: quote depth, commas and openers inside the title are carried
    along; the cut scores, and where the text before ``stop`` is only white space, are found
    once per heading."""
    ts = h.title_start
    n_text = len(text)
    scores = dict(cut_scores(text, ts, min(stop, ts + m.max_length + 1)))
    x_table = m.tables["X"]
    fn = m.function_chars
    opens, closes = m.locative
    opener_at = opener_strength().match
    open_inside: tuple[int, str] | None = None  # the first opener in the title (start, strength)
    pending: dict[int, list[tuple[int, str]]] = {}  # openers by their end
    counts = dict.fromkeys("“”《》（），,", 0)
    marks = frozenset((*counts, *_COMMAS, *opens, *closes))  # the characters the walk counts or remembers
    last_comma = last_open = last_close = -1  # the last comma, locative opener and closer before k
    blank = min(stop, n_text)  # text[blank:stop] is white space (text[k:stop].strip() == "" iff k >= blank)
    while blank > 0 and text[blank - 1].isspace():
        blank -= 1
    at_k: tuple[int, re.Match[str] | None] = (-1, None)  # the opener match at the last candidate
    prev = ts  # text[ts:prev] is counted
    for k in candidates(text, h, stop, m.max_length, terminator):
        for p in range(prev, k):
            if (ch := text[p]) in marks:
                if ch in counts:
                    counts[ch] += 1
                if ch in _COMMAS:
                    last_comma = p
                if ch in opens:
                    last_open = p
                if ch in closes:
                    last_close = p
            if p >= ts + 2 and (o := at_k[1] if p == at_k[0] else opener_at(text, p)) is not None:
                pending.setdefault(o.end(), []).append((p, o.lastgroup or ""))
            if pending:
                for q in [e for e in pending if e <= p + 1]:
                    for found in pending.pop(q):
                        if open_inside is None or found[0] < open_inside[0]:
                            open_inside = found
        prev = max(prev, k)
        right = text[k:k + NGRAM] if k < n_text and text[k] not in _SKIP else context_after(text, k, NGRAM)
        x = x_table.get(text[k - 1] + right[:1], 0.0)
        if x <= WORD and k not in (terminator, h.title_end):
            continue  # the cut would split a word: the pair is common and (almost) never split
        length = k - ts
        classes = ((_class(text[k - 2]) if k - 2 >= ts else "E") + _class(text[k - 1])
                   + (_class(text[k]) if k < n_text else "E"))
        at_k = (k, opener_at(text, k))
        yield Cut(k, length, classes, text[max(ts, k - NGRAM):k], right, x, scores.get(k, 0.0),
                  _restated(text, k, length),
                  counts["“"] > counts["”"] or counts["《"] > counts["》"] or counts["（"] > counts["）"],
                  text[k:k + 1] == text[k - 1],
                  (opening_score(text, k), ending_score(text, ts, k, 0.0)) if k < n_text - 1 else None,
                  None if at_k[1] is None else str(at_k[1].lastgroup),
                  None if open_inside is None else open_inside[1],
                  # the title's last clause (from its last comma) opens a place or time (在…)
                  # that it does not close (…中): _open_locative of text[max(ts, last_comma):k]
                  ts <= last_open >= last_comma and last_close < last_open + 2,
                  text[k - 1] in fn, k < n_text and text[k] in fn, min(counts["，"] + counts[","], 3),
                  None if last_comma == -1 else k - last_comma - 1, next_form is not None and k >= blank)


def _restated(text: str, k: int, length: int) -> bool:
    """The body opens with the title's last ``RESTATED_MIN``..``RESTATED_MAX`` characters
    (…民主|民主是…): only where text[k] recurs that far back can a repeat start."""
    lo = k - min(RESTATED_MAX, length)
    j = text.find(text[k:k + 1], lo, k - RESTATED_MIN + 1) if k < len(text) else -1
    while j != -1:
        if text[j:k] == text[k:2 * k - j]:
            return True
        j = text.find(text[k], j + 1, k - RESTATED_MIN + 1)
    return False


def features(c: Cut, h: Heading, terminator: int | None, m: Model, sibling_median: float | None = None,
             next_form: str | None = None) -> Features:
    """The named features of one candidate (see the module docstring); the model's score is
    their weighted sum in this order (:func:`score`, and :class:`Scorer` folded)."""
    k, length, tables = c.k, c.length, m.tables
    lb = bucket(length, LENGTH_BUCKETS)
    f: Features = [(_LEN[lb], 1.0), (f"len{lb}|{h.form}", 1.0), ("cp" + c.classes[1:], 1.0),
                   ("ct" + c.classes, 1.0)]
    if terminator is None:
        f.append((_NOTERM[lb], 1.0))
    elif k == terminator:
        f.append(("term", 1.0))
        f.append((_TERM[lb], 1.0))
    else:
        f.append((_TDIST[bucket(terminator - k, DISTANCE_BUCKETS)], 1.0))
    sc = c.cut
    if k == h.title_end:
        f.append((f"rule|{h.confidence}", 1.0))
        f.append((_RULE_CUT[bucket(int(sc), CUT_BUCKETS)], 1.0))
    else:
        f.append((f"rdist{'-' if k < h.title_end else '+'}{bucket(abs(k - h.title_end), DISTANCE_BUCKETS)}", 1.0))
    f.append(("cut", max(-1.0, min(sc, 8.0))))
    if sc < 0:
        f.append(("cutneg", 1.0))
    for n in range(1, NGRAM + 1):
        if len(c.right) >= n:
            f.append((_R[n], tables[_R[n]].get(c.right[:n], 0.0)))
        if length >= n:
            left = c.left[-n:]
            f.append((_L[n], tables[_L[n]].get(left, 0.0)))
            if n <= 2:
                f.append((_T[n], tables[_T[n]].get(left, 0.0)))
    f.append(("X", c.x))
    f.append((_XB[bucket(int(c.x * 2), X_BUCKETS)], 1.0))
    if c.restated:
        f.append(("restated", 1.0))
    if c.open_quote:
        f.append(("openquote", 1.0))
    if c.same_char:
        f.append(("samechar", 1.0))
    if c.tail is not None:
        f.append(("opening", c.tail[0]))
        f.append(("ending", c.tail[1]))
    if c.opener is not None:
        f.append((f"opener|{c.opener}", 1.0))
    if c.opener_in_title is not None:
        f.append((f"opener_in_title|{c.opener_in_title}", 1.0))
    if c.open_locative:
        f.append(("openlocative", 1.0))
    if c.fn_before:
        f.append(("fnbefore", 1.0))
    if c.fn_after:
        f.append(("fnafter", 1.0))
    f.append((_COMMA_COUNT[c.commas], 1.0))
    if c.since_comma is not None:
        f.append((_SINCE_COMMA[bucket(c.since_comma, DISTANCE_BUCKETS)], 1.0))
    if c.empty:
        # nothing left for a body: fine before a sub-heading, odd before a sibling
        f.append((f"empty|{'sibling' if next_form == h.form else 'other'}", 1.0))
    if sibling_median is not None:
        f.append((_SIB[bucket(int(abs(length - sibling_median)), DISTANCE_BUCKETS)], 1.0))
    return f


def candidate_features(text: str, h: Heading, stop: int, terminator: int | None, m: Model,
                       sibling_median: float | None = None, next_form: str | None = None) -> list[tuple[int, Features]]:
    """Each candidate end of ``h`` with its named features (what the trainer reads)."""
    return [(c.k, features(c, h, terminator, m, sibling_median, next_form))
            for c in cuts(text, h, stop, terminator, m, next_form)]


_CLASSES = "HDTCOQSLXE"  # every letter char_class returns


class Scorer:
    """The model's score of each :class:`Cut` without naming its features.

    Built once per model (:attr:`Model.scorer`): every weight of a feature that is 0 or 1 is
    looked up once, into tuples indexed by the feature's bucket and dicts keyed by a class
    pair or triple or an opener's strength; the weight of a valued feature (``cut``, an
    n-gram table's log ratio, ``X``, ``opening``, ``ending``) is kept to multiply.  The terms
    are added in the order of :func:`features`, each the same product, so a score equals
    ``score(features(...), weights)`` bit for bit (tests/test_reranker.py checks it)."""

    def __init__(self, m: Model) -> None:
        w = m.weights

        def ws(names: Sequence[str]) -> tuple[float, ...]:
            return tuple(w.get(name, 0.0) for name in names)

        self.weights = w
        self.tables = tuple(m.tables[name] for name in (*_R[1:], *_L[1:], *_T[1:]))
        self.table_weights = ws((*_R[1:], *_L[1:], *_T[1:]))
        self.length, self.noterm, self.term_at, self.tdist = ws(_LEN), ws(_NOTERM), ws(_TERM), ws(_TDIST)
        self.rule_cut, self.xb, self.commas = ws(_RULE_CUT), ws(_XB), ws(_COMMA_COUNT)
        self.since_comma, self.sib = ws(_SINCE_COMMA), ws(_SIB)
        self.rdist = {sign: ws([f"rdist{sign}{i}" for i in range(len(DISTANCE_BUCKETS) + 1)]) for sign in "-+"}
        self.pair = {a + b: w.get(f"cp{a}{b}", 0.0) for a in _CLASSES for b in _CLASSES}
        self.triple = {a + b + c: w.get(f"ct{a}{b}{c}", 0.0) for a in _CLASSES for b in _CLASSES for c in _CLASSES}
        groups = [*opener_strength().groupindex, "", "None"]  # every strength a Cut can name
        self.opener = {g: w.get(f"opener|{g}", 0.0) for g in groups}
        self.opener_in_title = {g: w.get(f"opener_in_title|{g}", 0.0) for g in groups}
        self.flags = ws(("term", "cut", "cutneg", "X", "restated", "openquote", "samechar", "opening", "ending",
                         "openlocative", "fnbefore", "fnafter"))

    def scores(self, text: str, h: Heading, stop: int, terminator: int | None, m: Model,
               sibling_median: float | None = None, next_form: str | None = None) -> list[tuple[int, float]]:
        """Each candidate end of ``h`` with its score: ``[(k, score(f, m.weights)) for k, f in
        candidate_features(...)]``, computed without the feature lists."""
        w = self.weights
        len_form = tuple(w.get(f"len{i}|{h.form}", 0.0) for i in range(len(LENGTH_BUCKETS) + 1))
        rule = w.get(f"rule|{h.confidence}", 0.0)
        empty = w.get(f"empty|{'sibling' if next_form == h.form else 'other'}", 0.0)
        r1, r2, r3, l1, l2, l3, t1, t2 = self.tables
        wr1, wr2, wr3, wl1, wl2, wl3, wt1, wt2 = self.table_weights
        (w_term, w_cut, w_cutneg, w_x, w_restated, w_openquote, w_samechar, w_opening, w_ending, w_locative,
         w_fnbefore, w_fnafter) = self.flags
        lengths, pair, triple, rule_cut, rdist = self.length, self.pair, self.triple, self.rule_cut, self.rdist
        te = h.title_end
        out: list[tuple[int, float]] = []
        for (k, length, classes, left, right, x, sc, restated, open_quote, same_char, tail, opener, opener_in_title,
             open_locative, fn_before, fn_after, commas, since_comma, is_empty) in cuts(text, h, stop, terminator, m,
                                                                                        next_form):
            lb = bisect_left(LENGTH_BUCKETS, length)
            s = 0.0 + lengths[lb] + len_form[lb] + pair[classes[1:]] + triple[classes]  # 0.0 +: as sum() starts
            if terminator is None:
                s += self.noterm[lb]
            elif k == terminator:
                s += w_term
                s += self.term_at[lb]
            else:
                s += self.tdist[bisect_left(DISTANCE_BUCKETS, terminator - k)]
            if k == te:
                s += rule
                s += rule_cut[bisect_left(CUT_BUCKETS, int(sc))]
            else:
                s += rdist["-" if k < te else "+"][bisect_left(DISTANCE_BUCKETS, abs(k - te))]
            s += w_cut * max(-1.0, min(sc, 8.0))
            if sc < 0:
                s += w_cutneg
            # the n-gram terms in features' order: R1 L1 T1 R2 L2 T2 R3 L3
            nr = len(right)
            if nr >= 1:
                s += wr1 * r1.get(right[:1], 0.0)
            if length >= 1:
                g = left[-1:]
                s += wl1 * l1.get(g, 0.0)
                s += wt1 * t1.get(g, 0.0)
            if nr >= 2:
                s += wr2 * r2.get(right[:2], 0.0)
            if length >= 2:
                g = left[-2:]
                s += wl2 * l2.get(g, 0.0)
                s += wt2 * t2.get(g, 0.0)
            if nr >= 3:
                s += wr3 * r3.get(right, 0.0)
            if length >= 3:
                s += wl3 * l3.get(left, 0.0)
            s += w_x * x
            s += self.xb[bisect_left(X_BUCKETS, int(x * 2))]
            if restated:
                s += w_restated
            if open_quote:
                s += w_openquote
            if same_char:
                s += w_samechar
            if tail is not None:
                s += w_opening * tail[0]
                s += w_ending * tail[1]
            if opener is not None:
                s += self.opener[opener]
            if opener_in_title is not None:
                s += self.opener_in_title[opener_in_title]
            if open_locative:
                s += w_locative
            if fn_before:
                s += w_fnbefore
            if fn_after:
                s += w_fnafter
            s += self.commas[commas]
            if since_comma is not None:
                s += self.since_comma[bisect_left(DISTANCE_BUCKETS, since_comma)]
            if is_empty:
                s += empty
            if sibling_median is not None:
                s += self.sib[bisect_left(DISTANCE_BUCKETS, int(abs(length - sibling_median)))]
            out.append((k, s))
        return out


def score(f: Features, weights: dict[str, float]) -> float:
    """The model's score of one candidate."""
    return sum(weights.get(name, 0.0) * v for name, v in f)


def sibling_medians(heads: Sequence[Heading]) -> list[float | None]:
    """Per heading, the median title length of its siblings (same form, consecutive run under
    one parent; None when it has fewer than two)."""
    out: dict[int, float | None] = {}
    for group in sibling_groups(list(heads)):
        lengths = sorted(g.title_end - g.title_start for g in group)
        for h in group:
            out[id(h)] = _median_without(lengths, h.title_end - h.title_start) if len(group) >= 3 else None
    return [out.get(id(h)) for h in heads]


def _median_without(lengths: list[int], length: int) -> float:
    """``statistics.median`` of the sorted ``lengths`` with one ``length`` left out, in
    O(log n) (a long list of siblings would make the copies quadratic)."""
    i = bisect_left(lengths, length)  # (which copy of an equal length goes makes no difference)
    n = len(lengths) - 1

    def at(k: int) -> int:
        return lengths[k] if k < i else lengths[k + 1]

    if n % 2 == 1:
        return at(n // 2)
    return (at(n // 2 - 1) + at(n // 2)) / 2


def settled(text: str, h: Heading, stop: int) -> bool:
    """The rules' end of ``h`` rests on evidence strong enough to keep: the speech announced
    the title before, the next heading (at ``stop``) starts there (二、…各项任务(一)…: the
    section opens with its sub-heading), or the body visibly starts there (a sure opener, the
    body restating or defining the title's words, an indent) - cues too rare in the training
    texts to weigh."""
    return settled_by(text, h, stop) is not None


def settled_by(text: str, h: Heading, stop: int) -> str | None:
    """What settles the rules' end of ``h`` (see :func:`settled`): ``announced``, ``next``
    (the next heading), ``cut`` (a strong rules' cut), ``restated``, ``space``, ``opener``
    (a subject or time word, a point marker) or ``quote``; None when nothing does."""
    if announced_end(text, h.title_start) == h.title_end:
        return "announced"
    if h.title_end <= stop and not text[h.title_end:stop].strip():
        return "next"
    k = h.title_end
    if not 0 < k < len(text) or text[k] in BOUNDARY_CHARS:
        return None
    if cut_score(text, h.title_start, k) >= SETTLED:
        return "cut"
    if _restated(text, k, k - h.title_start):
        return "restated"  # the body opens with the title's last words: …“三个年”活动|活动成效明显
    voc = vocabulary()
    if text[k - 1] in model().function_chars or text[k - 1] in voc.binding_finals:
        return None  # (…第十一届|全国人民代表大会: the word binds to the noun after it)
    if text[k] in GAP_SPACE:
        return "space"  # white space after the title: where its line ended
    # the body opens with a subject or time word (我们…, 全市各级…, 今年…; not a year: 和|2025年…),
    # a point marker (一是…), or a quoted term after a typical title ending (…意义|“多规合一”改革是…)
    opener = voc.openers.match(text, k)
    if (opener is not None and voc.opener_years.fullmatch(opener.group()) is None) or point_marker().match(text, k):
        return "opener"
    if text[k] in OPEN_QUOTES and opening_score(text, k) > 0 and ending_score(text, h.title_start, k, 0.0) > 0:
        return "quote"
    return None


RECUR_WINDOW = 20_000  # characters either side in which a term's repeats are counted (bounded work per heading)
RECUR_MIN = 4  # repeats of the three characters across a cut that make them one term of the document


def _splits_recurring(text: str, k: int) -> bool:
    """A cut at ``k`` splits a term the document keeps using (建议|稿起草过程, where 建议稿
    recurs): the two characters before ``k`` and the one after it stand together at least
    RECUR_MIN times near it, and make up most uses of those two characters there."""
    if k < 2 or k >= len(text):
        return False
    lo, hi = max(0, k - RECUR_WINDOW), min(len(text), k + RECUR_WINDOW)
    term = text[k - 2:k + 1]
    if not term.isalpha():
        return False
    together = text.count(term, lo, hi)
    return together >= RECUR_MIN and 2 * together > text.count(term[:2], lo, hi)


def _subheading(text: str, k: int, t: int | None, h: Heading) -> bool:
    """A cut that would leave a short directive clause before the terminator the rules' title
    ran to (…持续迈进|推动科技成果转化。): the bold sub-heading pattern, which
    :mod:`.siblings` applies only where most siblings show it."""
    return t is not None and h.title_end == t and t - k <= SUBHEAD_MAX and bool(vocabulary().subhead_openers.match(text, k))


def terminator(text: str, h: Heading, stop: int) -> int | None:
    """The first title terminator after ``h``'s title start, before ``stop``, in reach."""
    reach = 2 * vocabulary().max_title_length
    return first_title_end(text, h.title_start, min(stop, h.title_start + reach + 1))


OVERRULE = 4.0  # the model's margin over an end a word after it settles that moves it all the same
OVERRULED = frozenset({"opener"})  # (…做好|今年的工作: 今年 opens bodies, but not after a verb the model knows wants more)

RERANK_MAX = 1000  # headings re-cut per document: the model's work stays bounded (a speech has a few hundred at most)


def rerank(text: str, heads: list[Heading], limit: int) -> None:
    """Re-cut the titles of ``heads`` (run-on text) where the model prefers another end;
    past the first RERANK_MAX headings the rules' ends stand (the model costs ~0.2 ms a
    heading: text made of thousands of headings stays above 1 MB/s)."""
    m = model()
    medians = sibling_medians(heads)
    for i, h in enumerate(heads[:RERANK_MAX]):
        stop = heads[i + 1].start if i + 1 < len(heads) else limit
        sure = settled_by(text, h, stop)
        if sure is not None and sure not in OVERRULED:
            continue
        t = terminator(text, h, stop)
        if h.title_end == t and t - h.title_start < SHORT_RUN_IN:
            continue  # a short title closed by its punctuation: the model never moves these
        scored = m.scorer.scores(text, h, stop, t, m, medians[i], heads[i + 1].form if i + 1 < len(heads) else None)
        ranked = sorted(scored, key=lambda ks: -ks[1])
        best_k = next((k for k, _ in ranked if k == h.title_end or not _splits_recurring(text, k)), h.title_end)
        if best_k == h.title_end or _subheading(text, best_k, t, h):
            continue
        if sure is not None:
            own = next((s for k, s in scored if k == h.title_end), -math.inf)
            best = next(s for k, s in scored if k == best_k)
            if best - own < OVERRULE:
                continue
        h.title_end = best_k
        if best_k == t:
            h.heading_end, h.confidence = best_k + 1, "certain"
        else:
            h.heading_end, h.confidence = best_k, "guessed"
