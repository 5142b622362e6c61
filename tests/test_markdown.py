"""Markdown drafts: the markup is cut out like chrome (recorded, never applied), the speech's
own markers decide the levels, and ``check`` works on them as on text."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officialspeech import Point, Section, Speech, parse_file, parse_json, parse_speech
from officialspeech.cli import main
from officialspeech.parse import parse_tree
from spanchecks import check_spans, contract_violations
from speechgen import Tree, clean, expected_outline, generate, markdown, parsed_outline

FIXTURE = Path(__file__).parent / "fixtures" / "markdown" / "draft.md"
MARKUP_CHARS = set("#*>_")


def _trees(seed: int) -> tuple[Tree, str, str]:
    rng = random.Random(seed)
    tree = generate(rng, sections=rng.randint(1, 5), sentences=rng.randint(1, 4))
    return tree, markdown(tree, seed), clean(tree, seed)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6))
def test_a_markdown_rendering_keeps_the_outline_and_the_slice_contract(seed: int) -> None:
    tree, md, plain = _trees(seed)
    speech = parse_speech(md, markdown=True)
    assert parsed_outline(speech) == expected_outline(tree)
    assert parsed_outline(speech) == parsed_outline(parse_speech(plain))
    details: dict[str, str] = {}
    assert contract_violations(md, speech, details) == {}, details
    check_spans(md, speech)
    assert speech.title is not None
    assert speech.title.text == tree.title
    for s in speech.sections():
        assert not MARKUP_CHARS & set(s.title), s.title
    # the markup is recorded as written, every stretch of it, and nothing else is cut
    assert speech.markup
    for m in speech.markup:
        assert md[m.span.start:m.span.end] == m.text
        assert m.text.strip()
        if m.rule != "comment":
            assert set(m.text) <= set("#*-=>_ \t\u3000"), m
    assert parse_json(md, markdown=True) == speech.model_dump_json()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6))
def test_text_without_markup_parses_the_same_either_way(seed: int) -> None:
    _, _, plain = _trees(seed)
    assert parse_json(plain, markdown=True) == parse_json(plain)


def test_the_fixture_draft() -> None:
    text = FIXTURE.read_text("utf-8")
    speech = parse_file(str(FIXTURE))
    assert speech.source is None  # spans index the file itself
    assert speech.title is not None
    assert speech.title.text == "在全县作风建设大会上的讲话"
    assert speech.salutation is not None
    assert speech.salutation.text == "同志们："
    got = [(s.level, s.marker, s.style, s.title) for s in speech.sections()]
    assert got == [(1, "一、", "cn_dun", "提高政治站位"), (2, "（一）", "cn_paren", "压实工作责任"),
                   (2, "", "other", "小结"), (1, "二、", "cn_dun", "强化制度保障"), (1, "", "other", "附则")]
    first = speech.body[-3] if isinstance(speech.body[-3], Section) else None
    assert first is not None
    assert first.marker == "一、"
    # the ordered list going on from a line of text: points, not 1. headings
    points = [c for c in first.children if isinstance(c, Point)]
    assert [(p.marker, p.lead) for p in points] == [("1.", "坚持问题导向，把问题找准"), ("2.", "坚持目标导向，把措施定实")]
    assert [g.reason for g in points[0].gaps] == ["markup", "markup"]  # the two * of *问题导向*
    # the unnumbered ### heading is a sibling of （一）, inside 一、
    summary = [c for c in first.children if isinstance(c, Section)][1]
    assert summary.title == "小结"
    assert summary.path == "一/s1"
    assert [(p.marker, p.lead) for p in summary.children if isinstance(p, Point)] == [("一是", "抓学习"), ("二是", "抓落实")]
    assert {m.rule for m in speech.markup} == {"heading", "heading_close", "setext", "thematic_break", "quote",
                                               "bullet", "emphasis", "comment"}
    comment = next(m for m in speech.markup if m.rule == "comment")
    assert comment.text == "<!-- officialspeech: disable=X301 -->"
    assert contract_violations(text, speech) == {}
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"


def test_markdown_heading_levels_come_from_the_speech_markers() -> None:
    text = "# 讲话\n\n同志们：\n\n### 一、总体要求\n\n内容。\n\n# （一）具体要求\n\n内容。\n\n### 二、重点\n\n内容。\n"
    speech = parse_speech(text, markdown=True)
    assert [(s.level, s.marker) for s in speech.sections()] == [(1, "一、"), (2, "（一）"), (1, "二、")]


def test_unnumbered_headings_rank_by_their_hashes() -> None:
    text = ("# 在全市工作会议上的讲话\n\n同志们：\n\n# 总论\n\n## 一、总体要求\n\n内容。\n\n### 小结\n\n内容。\n\n"
            "## 二、重点任务\n\n内容。\n\n## 结语\n\n内容。\n")
    speech = parse_speech(text, markdown=True)
    top = [(s.marker, s.title) for s in speech.body if isinstance(s, Section)]
    assert top == [("", "总论")]  # above every numbered heading
    part = speech.body[-1]
    assert isinstance(part, Section)
    inner = [(s.level, s.marker, s.title) for s in part.children if isinstance(s, Section)]
    # (a numbered heading's level is its marker's; an unnumbered one's, one below its parent)
    assert inner == [(1, "一、", "总体要求"), (1, "二、", "重点任务"), (2, "", "结语")]
    first = part.children[0]
    assert isinstance(first, Section)
    assert [(s.marker, s.title) for s in first.children if isinstance(s, Section)] == [("", "小结")]


def test_an_ordered_list_after_a_blank_line_reads_as_in_text() -> None:
    text = "# 讲话\n\n同志们：\n\n## 一、总体要求\n\n要求如下。\n\n1. 坚持稳中求进\n\n2. 坚持问题导向\n"
    speech = parse_speech(text, markdown=True)
    assert [s.marker for s in speech.sections()] == [s.marker for s in parse_speech(text.replace("## ", "")).sections()]


def test_no_hash_in_a_title_even_without_a_space() -> None:
    speech = parse_speech("#  在全市工作会议上的讲话  #\n\n同志们：\n\n今天开会。\n", markdown=True)
    assert speech.title is not None
    assert speech.title.text == "在全市工作会议上的讲话"
    assert [m.text for m in speech.markup] == ["#  ", "  #"]


GAP = "# 在全市工作会议上的讲话\n\n同志们：\n\n## 一、总体要求\n\n要高度重视。\n\n## 三、重点任务\n\n要抓好落实。\n"
DUP = ("# 在全市工作会议上的讲话\n\n同志们：\n\n## 一、总体要求\n\n要高度重视。\n\n## 二、重点任务\n\n要抓好落实。\n\n"
       "## 二、保障措施\n\n要落实经费。\n")


def _check(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[dict[str, Any]]]:
    code = main(["check", "--format", "json", *extra, str(path)])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return code, found


def _codes(found: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(d["code"], d["start"]["line"]) for d in found]


def test_check_finds_a_numbering_gap_in_a_markdown_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "讲话.md"
    path.write_text(GAP, "utf-8")
    code, found = _check(path, capsys)
    assert code == 1
    assert ("N101", 9) in _codes(found)
    path.write_text(GAP.replace("## 三、", "## 二、"), "utf-8")
    _, found = _check(path, capsys)
    assert "N101" not in [c for c, _ in _codes(found)]


def test_check_finds_a_duplicate_number_in_a_markdown_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DUP, "utf-8")
    code, found = _check(path, capsys)
    assert code == 1
    assert ("N102", 13) in _codes(found)


def test_check_reads_any_file_as_markdown_when_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DUP, "utf-8")
    for fmt in ("md", "markdown"):
        code, found = _check(path, capsys, "--input-format", fmt)
        assert code == 1
        assert ("N102", 13) in _codes(found)


def test_inline_disable_comments_still_work_in_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DUP.replace("## 二、保障", "<!-- officialspeech: disable-next-line=N102 -->\n## 二、保障"), "utf-8")
    _, found = _check(path, capsys)
    assert "N102" not in [c for c, _ in _codes(found)]
    path.write_text(DUP, "utf-8")
    _code, found = _check(path, capsys)
    assert "N102" in [c for c, _ in _codes(found)]


def test_parse_and_outline_of_a_markdown_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    md = tmp_path / "draft.md"
    md.write_text(DUP, "utf-8")
    assert main(["parse", str(md)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"]["text"] == "在全市工作会议上的讲话"
    assert data["markup"][0] == {"kind": "markup", "text": "# ", "rule": "heading",
                                 "span": {"start": 0, "end": 2, "line": 1, "column": 1, "end_line": 1, "end_column": 3}}
    assert main(["outline", str(md)]) == 0
    md_outline = capsys.readouterr().out
    txt = tmp_path / "draft.txt"
    txt.write_text(DUP.replace("# ", "").replace("#", ""), "utf-8")
    assert main(["outline", str(txt)]) == 0
    assert capsys.readouterr().out == md_outline
    assert "#" not in md_outline


def as_markdown(text: str, speech: Speech) -> str:
    """``text`` with ``#`` before its title line and ``#``×(level + 1) before every heading
    that starts a line: a real speech as a writing office keeps it in a .md draft."""
    prefix: dict[int, str] = {}
    for s in speech.sections():
        line_start = text.rfind("\n", 0, s.heading_span.start) + 1
        if not text[line_start:s.heading_span.start].strip():
            prefix[line_start] = "#" * (s.level + 1) + " "
    if speech.title is not None:
        line_start = text.rfind("\n", 0, speech.title.span.start) + 1
        if not text[line_start:speech.title.span.start].strip():
            prefix[line_start] = "# "
    out, pos = [], 0
    for at in sorted(prefix):
        out += [text[pos:at], prefix[at]]
        pos = at
    out.append(text[pos:])
    return "".join(out)


def _real_texts(shared: Path | None) -> list[Path]:
    folders = [Path(__file__).parent / "fixtures" / "speeches"]
    if shared is not None:
        folders += [shared / "corpus" / "texts", shared / "wild" / "texts"]
    return [p for f in folders for p in sorted(f.rglob("*.txt"))]


def _assert_markdown_keeps(paths: list[Path]) -> None:
    from officialspeech import read_text

    assert paths
    for path in paths:
        text = read_text(str(path))
        plain = parse_speech(text)
        md = as_markdown(text, plain)
        speech = parse_speech(md, markdown=True)
        assert parsed_outline(speech) == parsed_outline(plain), path
        assert (speech.title and speech.title.text) == (plain.title and plain.title.text), path
        assert contract_violations(md, speech) == {}, path


def test_real_speeches_marked_up_keep_their_outline() -> None:
    _assert_markdown_keeps(_real_texts(None))


def test_shared_speeches_marked_up_keep_their_outline(shared_dir: Path) -> None:
    _assert_markdown_keeps(_real_texts(shared_dir))


MD_ALPHABET = list("一二三（）、，。：是要1234567890.同志们谢谢大家 \u3000\n\t#*_->=+<!`x的在")
MD_FRAGMENTS = ["## ", "### ", "# ", "**", "*", "__", "_", "- ", "* ", "+ ", "> ", "<!-- ", " -->", "---", "===",
                "\n\n", "一、", "（一）", "1. ", "一是", "同志们：", "谢谢大家！", "注释", "第5页 共5页", "分享"]
md_texts = st.lists(st.one_of(st.sampled_from(MD_ALPHABET), st.sampled_from(MD_FRAGMENTS)), max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(md_texts, st.text(max_size=200)))
def test_any_string_parses_as_markdown_to_valid_lossless_spans(text: str) -> None:
    speech = parse_speech(text, markdown=True)
    assert speech.length == len(text)
    check_spans(text, speech)
    details: dict[str, str] = {}
    assert contract_violations(text, speech, details) == {}, details
    cut = [(m.span.start, m.span.end) for m in speech.markup]
    assert cut == sorted(cut)
    assert all(a < b for a, b in cut)
    assert all(b <= c for (_, b), (c, _) in itertools.pairwise(cut))  # no overlaps
    assert Speech.model_validate(parse_tree(text, markdown=True)) == speech
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        assert parse_json(text, markdown=True) == speech.model_dump_json()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(20, 300), st.sampled_from(["point", "paragraph", "section"]))
def test_chunks_of_a_markdown_draft_are_their_span_slice_minus_their_gaps(seed: int, max_chars: int, by: str) -> None:
    _, md, _ = _trees(seed)
    speech = parse_speech(md, markdown=True)
    chunks = speech.chunks(max_chars=max_chars, by=by)  # type: ignore[arg-type]
    assert chunks
    for c in chunks:
        cut = {i for g in c.gaps for i in range(g.span.start, g.span.end)}
        assert c.text == "".join(md[i] for i in range(c.span.start, c.span.end) if i not in cut)
        assert all(c.span.start <= g.span.start and g.span.end <= c.span.end for g in c.gaps)
        assert "**" not in c.text


def test_a_yaml_block_and_code_fences_are_markup_and_code_is_kept_as_written() -> None:
    text = ("---\ntitle: 讲话稿\nauthor: 办公室\n---\n\n# 在全市工作会议上的讲话\n\n同志们：\n\n## 一、总体要求\n\n"
            "```text\n**原样**\n## 不是标题\n```\n\n要高度重视。\n")
    speech = parse_speech(text, markdown=True)
    assert speech.title is not None
    assert speech.title.text == "在全市工作会议上的讲话"
    assert speech.front == []
    assert [(m.rule, m.text) for m in speech.markup] == [
        ("front_matter", "---\ntitle: 讲话稿\nauthor: 办公室\n---"), ("heading", "# "), ("heading", "## "),
        ("fence", "```text"), ("fence", "```")]
    assert [s.title for s in speech.sections()] == ["总体要求"]
    section = speech.body[0]
    assert isinstance(section, Section)
    assert any("**原样**\n## 不是标题" in getattr(c, "text", "") for c in section.children)
    assert contract_violations(text, speech) == {}


def test_markup_search_stays_linear_on_hostile_lines() -> None:
    import time

    # unclosed emphasis openers on one long line, and thousands of comments: each was
    # quadratic once (9 s and 7 s); now a fraction of a second each
    for text in ("**a " * 5000, "*a " * 5000, "_a _" * 5000, "<!-- a -->同志们\n" * 20000):
        started = time.perf_counter()
        speech = parse_speech(text, markdown=True)
        assert time.perf_counter() - started < 4, text[:12]
        assert contract_violations(text, speech) == {}


def test_the_view_of_a_markdown_draft_holds_it_exactly_with_its_markup_marked() -> None:
    from officialspeech.view import render_html
    from test_view import read

    text = FIXTURE.read_text("utf-8")
    speech = parse_speech(text, markdown=True)
    page = read(render_html(speech))
    assert "".join(page.text) == text
    marked = [inner for attrs, inner in page.done if "markup" in str(attrs.get("class") or "").split()]
    assert marked == [m.text for m in speech.markup]


def test_a_heading_inside_a_quote_or_a_list_item_is_a_heading() -> None:
    text = "# 讲话\n\n同志们：\n\n> ## 一、总体要求\n\n内容。\n\n- ### （一）具体要求\n\n内容。\n"
    speech = parse_speech(text, markdown=True)
    assert [(s.level, s.marker, s.title) for s in speech.sections()] == [(1, "一、", "总体要求"), (2, "（一）", "具体要求")]
    assert [m.rule for m in speech.markup] == ["heading", "quote", "heading", "bullet", "heading"]
