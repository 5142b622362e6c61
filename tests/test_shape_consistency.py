"""The shape-consistency benchmark's own machinery: its variants keep an exact offset map back to
the original, insert only what each shape says, and its matching works by original offsets.
(The parser's accuracy is what the benchmark measures; these tests do not assert it.)"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from array import array
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechgen
from corpusscorer import benchmark
from officialspeech import parse_speech

sc = benchmark("shape_consistency")

# our own characters: markers, punctuation, every kind of line break and blank
ALPHABET = [*"一二三四五六七八九十、（）()1234567890.。，；：！？“”要抓好工作同志们讲话报告 \u3000\t", "\n", "\r", "\r\n"]
texts = st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=1500).map("".join)
SETTINGS = settings(max_examples=60, deadline=None)


def speech_text(seed: int, shape: str = "clean") -> str:
    tree = speechgen.generate(random.Random(seed), sections=4, max_children=3, sentences=3)
    return str(speechgen.SHAPES[shape](tree, seed))


def check_map(original: str, v: Any) -> None:
    """Every kept character is the original character at its origin (halfwidth: in its
    half-width form; every other shape: itself), in order."""
    assert len(v.origin) == len(v.text)
    kept = [(i, o) for i, o in enumerate(v.origin) if o >= 0]
    if v.shape == "halfwidth":
        assert all(v.text[i] == sc.fold(original[o]) for i, o in kept)
    else:
        assert all(v.text[i] == original[o] for i, o in kept)
    assert all(a[1] < b[1] for a, b in pairwise(kept))


def page_pattern() -> re.Pattern[str]:
    alts = [re.escape(s).replace(r"\{p\}", rf"(?P<p{k}>\d+)").replace(r"\{n\}", rf"(?P<n{k}>\d+)")
            for k, s in enumerate(sc.PAGE_STYLES)]
    return re.compile("|".join(f"(?:{a})" for a in alts))


@SETTINGS
@given(texts, st.integers(0, 50))
def test_every_variant_keeps_an_exact_offset_map(text: str, seed: int) -> None:
    for shape in sc.SHAPES:
        v = sc.variant(text, shape, "T", seed, width=12, page_chars=60)
        check_map(text, v)
        for at, run in v.inserted():  # never between the CR and LF of one line break
            assert not (v.text[at - 1:at] == "\r" and v.text[at + len(run):at + len(run) + 1] == "\n"), (shape, at)
        assert v == sc.variant(text, shape, "T", seed, width=12, page_chars=60)  # fixed seed: same variant


@SETTINGS
@given(texts)
def test_flattened_and_space_joined_only_touch_line_breaks(text: str) -> None:
    flat = sc.variant(text, "flattened", "T")
    assert flat.text == re.sub(r"\r\n|\r|\n", "", text)
    assert flat.inserted() == []
    joined = sc.variant(text, "space_joined", "T")
    assert joined.text == re.sub(r"\r\n|\r|\n", " ", text)
    spaces = "".join(run for _, run in joined.inserted())
    assert spaces == " " * len(re.findall(r"\r\n|\r|\n", text))  # one inserted space per line break
    assert flat.kept() == joined.kept() == re.sub(r"[\r\n]", "", text)


@SETTINGS
@given(texts)
def test_halfwidth_writes_the_full_width_punctuation_half_width_and_nothing_else(text: str) -> None:
    v = sc.variant(text, "halfwidth", "T")
    assert v.inserted() == []
    assert len(v.text) == len(text)
    for a, b in zip(text, v.text, strict=True):
        assert b == a if a not in "，：；（）！？\u3000" else b == unicodedata.normalize("NFKC", a)


@SETTINGS
@given(texts, st.integers(0, 50))
def test_removing_page_markers_gives_back_the_original(text: str, seed: int) -> None:
    v = sc.variant(text, "page_broken", "T", seed, page_chars=60)
    assert v.kept() == text
    pattern = page_pattern()
    pages: list[int] = []
    styles: set[int] = set()
    for _, run in v.inserted():
        m = pattern.fullmatch(run.strip("\r\n"))
        assert m is not None, run
        k = next(int(g[1:]) for g, val in m.groupdict().items() if val is not None)
        styles.add(k)
        pages.append(int(m.group(f"p{k}")))
    assert pages == list(range(1, len(pages) + 1))
    assert len(styles) <= 1  # one style per document
    if len(text) > 400:
        assert pages


@SETTINGS
@given(texts, st.integers(4, 40))
def test_hard_wrapping_inserts_only_line_breaks(text: str, width: int) -> None:
    v = sc.hard_wrapped(text, random.Random(0), width)
    assert v.kept() == text
    nl = sc.newline_of(text)
    assert all(run == nl * (len(run) // len(nl)) for _, run in v.inserted())
    assert all(e - s <= width for s, e, _ in sc.line_ranges(v.text))
    original_lines = [text[s:e] for s, e, _ in sc.line_ranges(text)]
    short = [ln for ln in original_lines if len(ln) <= width]
    wrapped = [v.text[s:e] for s, e, _ in sc.line_ranges(v.text)]
    assert all(ln in wrapped for ln in short)


@SETTINGS
@given(texts, st.integers(0, 50))
def test_chrome_is_a_header_and_a_footer_around_the_whole_text(text: str, seed: int) -> None:
    v = sc.variant(text, "chrome", "T", seed)
    assert v.kept() == text
    runs = v.inserted()
    assert len(runs) == 2
    (head_at, head), (tail_at, tail) = runs
    assert head_at == 0
    assert tail_at + len(tail) == len(v.text)
    assert v.text[len(head):tail_at] == text
    assert len([ln for ln in re.split(r"\r\n|\r|\n", head + tail) if ln.strip()]) >= 2


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("source", ["clean", "crlf", "pdf_wrapped"])
def test_heading_markers_stand_at_their_mapped_offsets(seed: int, source: str) -> None:
    text = speech_text(seed, source)
    starts = [m.start(1) for m in re.finditer(r"(?m)^[\u3000 ]*([一二三四五六七八九十]、|（[一二三四五六七八九十]）)", text)]
    assert starts
    for shape in sc.SHAPES:
        v = sc.variant(text, shape, f"S{seed}", seed)
        where = {o: i for i, o in enumerate(v.origin) if o >= 0}
        for o in starts:
            i = where[o]
            marker = text[o:text.index("、" if text[o] != "（" else "）", o) + 1]
            assert v.text[i:i + len(marker)] == (sc.fold(marker) if shape == "halfwidth" else marker)


@pytest.mark.parametrize("seed", range(4))
def test_a_text_agrees_with_itself_and_not_with_unmapped_offsets(seed: int) -> None:
    text = speech_text(seed)
    ref = parse_speech(text)
    same = sc.build("same", text, [(0, len(text))])
    t = sc.compare("T", ref, parse_speech(text), same)
    assert t.h_ref == t.h_var == t.h_tp > 0
    assert t.details == []
    assert all(v == 1.0 for v in t.scores().values())
    # the same parse with every character marked as inserted: nothing maps back, nothing matches
    unmapped = sc.Variant("x", text, array("l", [-1] * len(text)))
    t = sc.compare("T", ref, parse_speech(text), unmapped)
    assert t.h_tp == 0
    assert t.scores()["heading_f1"] == 0.0
    assert sum(d.what == "missed heading" for d in t.details) == t.h_ref


def test_halves_keep_near_duplicates_together() -> None:
    rows = [{"id": f"W{k:04d}", "near_duplicate_of": None} for k in range(1, 21)]
    rows += [{"id": "W0101", "near_duplicate_of": "W0002"}, {"id": "W0102", "near_duplicate_of": "W0003"}]
    side = sc.halves(rows)
    assert set(side) == {r["id"] for r in rows}
    assert side["W0101"] == side["W0002"]
    assert side["W0102"] == side["W0003"]
    assert {side["W0002"], side["W0003"]} == {"A", "B"}
    counts = [sum(s == h for s in side.values()) for h in "AB"]
    assert abs(counts[0] - counts[1]) <= 2


def make_wild(root: Path, n: int) -> None:
    (root / "texts").mkdir(parents=True)
    rows = []
    for k in range(n):
        doc = f"X{k:03d}"
        (root / "texts" / f"{doc}.txt").write_text(speech_text(k, ["clean", "crlf", "page_broken"][k % 3]), "utf-8")
        rows.append({"id": doc, "file": f"texts/{doc}.txt", "near_duplicate_of": "X000" if k == 3 else None})
    (root / "manifest.json").write_text(json.dumps(rows), "utf-8")


def test_the_command_writes_figures_and_details(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_wild(tmp_path / "wild", 4)
    out = tmp_path / "figures.json"
    assert sc.main(["--wild", str(tmp_path / "wild"), "--json", str(out), "--details", "hard_wrapped"]) == 0
    figures = json.loads(out.read_text("utf-8"))
    assert figures["texts"] == 4
    assert figures["parses"] == 4 * (1 + len(sc.SHAPES))
    assert set(figures["shapes"]) == set(sc.SHAPES)
    assert figures["exceptions"] == []
    assert figures["span_errors"] == []
    printed = capsys.readouterr().out
    assert all(shape in printed for shape in sc.SHAPES)
    assert "disagreements, hard_wrapped:" in printed
    assert sc.main(["--wild", str(tmp_path / "wild"), "--half", "A", "--json"]) == 0
    half = json.loads(capsys.readouterr().out)
    side = sc.halves(json.loads((tmp_path / "wild" / "manifest.json").read_text("utf-8")))
    assert half["texts"] == sum(s == "A" for s in side.values())


def test_an_absent_wild_corpus_is_nothing_to_measure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sc.main(["--wild", str(tmp_path / "none")]) == 0
    assert "nothing to measure" in capsys.readouterr().out


@SETTINGS
@given(texts, st.integers(0, 50))
def test_a_scraped_page_is_the_flattened_text_with_page_markers_and_chrome_inserted(text: str, seed: int) -> None:
    v = sc.variant(text, "scraped", "T", seed, page_chars=60)
    assert v.kept() == re.sub(r"\r\n|\r|\n", "", text)  # every line break of the text is gone
    runs = [run for _, run in v.inserted()]
    assert runs
    assert runs[0].strip()  # the site's header comes first
    pattern = page_pattern()
    if len(re.sub(r"[\r\n]", "", text)) > 400:
        assert any(pattern.search(run) for run in runs)
