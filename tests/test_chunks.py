"""Speech.chunks: coverage, overlap, the slice contract, section boundaries; node paths and pages."""

from __future__ import annotations

import json
import random
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officialspeech import Chunk, DateNode, Paragraph, Point, Salutation, Section, Speech, TextNode, parse_speech
from officialspeech.outline import heading_text
from speechgen import SHAPES, generate

Node = TextNode | DateNode | Salutation | Paragraph | Point | Section
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALPHABET = list("一二三四五六七八九十（）()、，。：；！？是要第首先其次最后页共—-/1234567890.同志们谢谢大家 \u3000\n\r")
FRAGMENTS = ["第5页 共5页", "一、", "（一）", "1.", "一是", "二是", "同志们：", "\r\n", "谢谢大家！", "分享", "下载文档",
             "— 3 —", "注释", "提高政治站位，狠抓工作落实。", "我们要坚持问题导向，加大工作力度，完善工作机制。"]
odd_texts = st.lists(st.one_of(st.sampled_from(ALPHABET), st.sampled_from(FRAGMENTS)), max_size=120).map("".join)
by_modes = st.sampled_from(["point", "paragraph", "section"])


@st.composite
def generated(draw: st.DrawFn) -> str:
    rng = random.Random(draw(st.integers(0, 10_000)))
    tree = generate(rng, sections=rng.randint(1, 4), max_children=3, sentences=draw(st.integers(1, 8)))
    return SHAPES[draw(st.sampled_from(sorted(SHAPES)))](tree, rng.randint(0, 99))


speeches = st.one_of(generated(), odd_texts)


def cut_positions(speech: Speech) -> set[int]:
    """Every offset cut out of some text: node gaps, page markers, chrome."""
    out: set[int] = set()

    def add(a: int, b: int) -> None:
        out.update(range(a, b))

    front: list[TextNode | DateNode | Salutation | Paragraph | None] = [
        speech.title, speech.subtitle, speech.speaker, speech.occasion, speech.date, speech.salutation, speech.closing,
        *speech.front]
    for node in front:
        for g in node.gaps if node is not None else ():
            add(g.span.start, g.span.end)
    for block in walk(speech.body):
        if not isinstance(block, Section):
            for g in block.gaps:
                add(g.span.start, g.span.end)
    for span in [m.span for m in speech.page_markers] + [c.span for c in speech.chrome]:
        add(span.start, span.end)
    return out


def walk(blocks: list[Section | Point | Paragraph]) -> list[Section | Point | Paragraph]:
    out: list[Section | Point | Paragraph] = []
    for b in blocks:
        out.append(b)
        if isinstance(b, Section):
            out.extend(walk(b.children))
    return out


def positions(chunk: Chunk) -> list[int]:
    gaps = {i for g in chunk.gaps for i in range(g.span.start, g.span.end)}
    return [i for i in range(chunk.span.start, chunk.span.end) if i not in gaps]


def body_positions(speech: Speech) -> set[int]:
    """Offsets of the body's headings, paragraphs and points, gaps aside."""
    out: set[int] = set()
    for b in walk(speech.body):
        span = b.heading_span if isinstance(b, Section) else b.span
        out.update(range(span.start, span.end))
    return out - cut_positions(speech)


@SETTINGS
@given(speeches, st.integers(1, 300), by_modes)
def test_without_overlap_every_body_character_is_in_one_chunk_white_space_at_cuts_aside(text: str, max_chars: int, by: str) -> None:
    speech = parse_speech(text)
    chunks = speech.chunks(max_chars=max_chars, by=by)  # type: ignore[arg-type]
    count = [0] * len(text)
    for c in chunks:
        for i in positions(c):
            count[i] += 1
        assert 0 < len(c.text) <= max_chars
    body = body_positions(speech)
    assert [i for i in body if count[i] != 1 and not text[i].isspace()] == []
    assert [i for i, n in enumerate(count) if n > 1] == []
    # what a chunk holds beyond the units is the white space between them
    assert all(text[i].isspace() for i, n in enumerate(count) if n and i not in body)


@SETTINGS
@given(speeches, st.integers(2, 300), st.integers(1, 100), by_modes)
def test_consecutive_chunks_share_at_most_overlap_characters(text: str, max_chars: int, overlap: int, by: str) -> None:
    overlap = min(overlap, max_chars - 1)
    speech = parse_speech(text)
    chunks = speech.chunks(max_chars=max_chars, overlap=overlap, by=by)  # type: ignore[arg-type]
    for a, b in pairwise(chunks):
        assert len(set(positions(a)) & set(positions(b))) <= overlap
        assert b.span.end > a.span.end  # a chunk never falls inside the one before it
    assert all(len(c.text) <= max_chars + overlap for c in chunks)
    # the chunks without overlap are the same cut points: the overlap only extends starts
    plain = speech.chunks(max_chars=max_chars, by=by)  # type: ignore[arg-type]
    assert [c.span.end for c in chunks] == [c.span.end for c in plain]


@SETTINGS
@given(speeches, st.integers(1, 300), st.integers(0, 50), by_modes)
def test_chunk_text_is_its_span_slice_minus_its_gaps(text: str, max_chars: int, overlap: int, by: str) -> None:
    overlap = min(overlap, max_chars - 1)
    speech = parse_speech(text)
    for c in speech.chunks(max_chars=max_chars, overlap=overlap, by=by):  # type: ignore[arg-type]
        assert c.text == "".join(text[i] for i in positions(c))
        assert not text[c.span.start].isspace()
        assert not text[c.span.end - 1].isspace()
        assert all(c.span.start < g.span.start and g.span.end < c.span.end for g in c.gaps)


@SETTINGS
@given(speeches, st.integers(1, 300), st.integers(0, 50), by_modes)
def test_no_chunk_crosses_a_section_boundary(text: str, max_chars: int, overlap: int, by: str) -> None:
    overlap = min(overlap, max_chars - 1)
    speech = parse_speech(text)
    sections = [b for b in walk(speech.body) if isinstance(b, Section)]
    for c in speech.chunks(max_chars=max_chars, overlap=overlap, by=by):  # type: ignore[arg-type]
        for s in sections:
            assert not c.span.start < s.span.start < c.span.end
            assert not c.span.start < s.span.end < c.span.end
        # the heading path is that of the innermost section holding the chunk
        holding = [s for s in sections if s.span.start <= c.span.start < s.span.end]
        assert c.heading_path == [heading_text(s) for s in holding]


@SETTINGS
@given(generated(), st.integers(20, 400))
def test_a_point_is_split_only_when_longer_than_max_chars(text: str, max_chars: int) -> None:
    speech = parse_speech(text)
    chunks = speech.chunks(max_chars=max_chars)
    owner = {i: k for k, c in enumerate(chunks) for i in positions(c)}
    cuts = cut_positions(speech)
    for p in speech.points():
        own = [i for i in range(p.span.start, p.span.end) if i not in cuts]
        if len(own) <= max_chars:
            assert len({owner[i] for i in own}) == 1, p.path


def test_by_paragraph_and_by_point_and_by_section_pack_differently() -> None:
    text = ("在会议上的讲话\n同志们：\n一、抓好落实\n我们要坚持问题导向。\n我们要加大工作力度。\n"
            "一是抓学习。要完善工作机制。\n二是抓队伍。要强化督促检查。\n谢谢大家！\n")
    speech = parse_speech(text)
    by_paragraph = [c.text for c in speech.chunks(by="paragraph")]
    by_point = [c.text for c in speech.chunks(by="point")]
    by_section = [c.text for c in speech.chunks(by="section")]
    assert by_paragraph == ["一、抓好落实\n我们要坚持问题导向。", "我们要加大工作力度。", "一是抓学习。要完善工作机制。",
                            "二是抓队伍。要强化督促检查。"]
    assert by_point == ["一、抓好落实\n我们要坚持问题导向。\n我们要加大工作力度。", *by_paragraph[2:]]
    assert by_section == [text[text.index("一、"):text.index("\n谢谢")]]
    assert {c.path for c in speech.chunks(by="paragraph")} == {"一", "一/b2", "一/p1", "一/p2"}
    assert [c.kind for c in speech.chunks(by="section")] == ["mixed"]


def test_an_overlong_sentence_is_split_at_clause_ends_then_hard() -> None:
    sentence = "，".join(["坚持问题导向"] * 6) + "。"  # 41 characters, clauses of 6 and their commas
    speech = parse_speech(f"一、抓好落实\n{sentence}\n")
    chunks = speech.chunks(max_chars=15, by="paragraph")
    assert all(len(c.text) <= 15 for c in chunks)
    assert all(c.text.endswith(("，", "。")) for c in chunks[1:])
    hard = parse_speech("一、抓好落实\n" + "坚" * 40 + "\n").chunks(max_chars=15)
    assert [len(c.text) for c in hard][1:] == [15, 15, 10]


def test_chunks_of_a_speech_read_back_from_json_need_the_text() -> None:
    text = "一、抓好落实\n我们要坚持问题导向。\n"
    speech = parse_speech(text)
    again = Speech.model_validate_json(speech.model_dump_json())
    assert again == speech
    with pytest.raises(ValueError, match="text="):
        again.chunks()
    assert again.chunks(text) == speech.chunks()
    with pytest.raises(ValueError, match="characters"):
        again.chunks(text + "x")
    with pytest.raises(ValueError, match="overlap"):
        speech.chunks(max_chars=10, overlap=10)


def test_pages_of_chunks_follow_the_footers() -> None:
    text = ("一、抓好落实\n我们要坚持问题导向。\n第1页 共2页\n我们要加大工作力度，第2页 共2页\n"
            "（一）完善机制\n要强化督促检查。\n")
    speech = parse_speech(text)
    chunks = speech.chunks(by="section")
    assert chunks[0].pages == [1, 2]
    assert chunks[-1].pages == [2]  # 共2页: what follows the last footer is still on page 2
    # the first footer stands inside the chunk, the second after its last character
    assert [g.reason for g in chunks[0].gaps] == ["page_marker"]
    assert chunks[0].text.endswith("我们要加大工作力度，")


# ------------------------------------------------------------------ paths and pages


def all_nodes(speech: Speech) -> list[Node]:
    front: list[Node | None] = [speech.title, speech.subtitle, speech.speaker, speech.occasion, speech.date, speech.salutation,
             *speech.front, speech.closing]
    return [n for n in front if n is not None] + list(walk(speech.body))


@SETTINGS
@given(speeches)
def test_paths_are_unique_and_spell_the_markers_of_the_ancestors(text: str) -> None:
    speech = parse_speech(text)
    nodes = all_nodes(speech)
    paths = [n.path for n in nodes]
    assert len(set(paths)) == len(paths)
    assert all(paths)

    def check(blocks: list[Section | Point | Paragraph], prefix: str) -> None:
        for b in blocks:
            assert b.path.startswith(prefix)
            assert "/" not in b.path[len(prefix):]
            last = b.path[len(prefix):].split("~")[0]
            if isinstance(b, Section):
                if b.marker:
                    # (the path drops trailing punctuation and white space, 一 总体要求 is 一, and
                    # a line break inside the marker, （⏎三） is （三）)
                    marker = b.marker.replace("\r", "").replace("\n", "")
                    assert marker.startswith(last)
                    assert marker[len(last):].rstrip(" \t\u3000") in ("", "、", ".", "．")
                check(b.children, b.path + "/")
            else:
                assert last[0] == ("p" if isinstance(b, Point) else "b")

    check(speech.body, "")


@SETTINGS
@given(generated())
def test_a_node_is_on_the_page_after_the_footers_before_it(text: str) -> None:
    speech = parse_speech(text)
    markers = speech.page_markers
    for node in all_nodes(speech):
        page = node.page
        if not markers:
            assert page is None
            continue
        start = node.span.start
        before = [m for m in markers if m.span.start <= start]
        expected = 1 + len(before) if before else markers[0].page
        total = before[-1].total if before else None
        assert page == (min(expected, total) if total and expected else expected)


def test_header_style_markers_start_their_page() -> None:
    text = "第1页\n一、抓好落实\n我们要坚持问题导向。\n第2页\n我们要加大工作力度。\n"
    speech = parse_speech(text)
    section = speech.body[0]
    assert isinstance(section, Section)
    assert [section.page, *(c.page for c in section.children)] == [1, 1, 2]
    assert speech.chunks(by="section")[0].pages == [1, 2]


def test_paths_of_a_restarted_series_and_front_matter() -> None:
    text = ("在会议上的讲话\n同志们：\n开场。\n一、甲\n要甲。\n一是抓学习。\n二是抓队伍。\n二、乙\n"
            "（一）丙\n要丙。\n（一）丁\n要丁。\n谢谢大家！\n")
    speech = parse_speech(text)
    got = {n.path: n.kind for n in all_nodes(speech)}
    assert got == {"title": "title", "salutation": "salutation", "closing": "closing", "b1": "paragraph",
                   "一": "section", "一/b1": "paragraph", "一/p1": "point", "一/p2": "point", "二": "section",
                   "二/（一）": "section", "二/（一）/b1": "paragraph", "二/（一）~2": "section",
                   "二/（一）~2/b1": "paragraph"}
    assert all(n.page is None for n in all_nodes(speech))


def test_chunks_on_the_example_keep_pages_and_heading_paths() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "scraped_page.txt"
    speech = parse_speech(example.read_text(encoding="utf-8"))
    chunks = speech.chunks(max_chars=200)
    assert chunks
    assert all(c.pages for c in chunks)
    assert all("第1页" not in c.text and "— 2 —" not in c.text for c in chunks)
    json.dumps([c.model_dump(mode="json") for c in chunks], ensure_ascii=False)


def test_the_readme_rag_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("<!-- section:chunks -->"):readme.index("<!-- /section:chunks -->")]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "speech.txt").write_text((root / "examples" / "scraped_page.txt").read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), scope)
    records = scope["records"]
    assert isinstance(records, list)
    assert records
    assert all(isinstance(r, dict) and r["text"] and r["metadata"]["pages"] for r in records)
    assert len({r["id"] for r in records}) == len(records)


def test_a_schema_1_0_document_still_validates() -> None:
    speech = parse_speech("在会议上的讲话\n同志们：\n一、抓好落实\n我们要坚持问题导向。\n第1页 共1页\n谢谢大家！\n")
    data = json.loads(speech.model_dump_json())

    def strip(x: object) -> object:
        if isinstance(x, dict):
            node = "kind" in x and x["kind"] != "page_marker"  # (a page marker's page is its number)
            return {k: strip(v) for k, v in x.items() if k not in ("path", "page") or not node}
        return [strip(v) for v in x] if isinstance(x, list) else x

    old = strip({**data, "schema_version": "1.0"})
    assert "'path'" not in repr(old)
    again = Speech.model_validate(old)
    assert [s.path for s in again.sections()] == [""]
    assert speech.sections()[0].path == "一"
    assert speech.sections()[0].page == 1
    assert again.sections()[0].page is None


@SETTINGS
@given(st.lists(odd_texts, min_size=1, max_size=4))
def test_the_source_text_is_kept_beside_each_speech_until_it_is_freed(texts: list[str]) -> None:
    import gc

    from officialspeech import model

    speeches = [parse_speech(t) for t in texts]
    assert [s.source_text() for s in speeches] == texts  # each its own input, also for equal trees
    keys = [id(s) for s in speeches]
    assert all(k in model._SOURCE_TEXTS for k in keys)
    del speeches
    gc.collect()
    assert not any(k in model._SOURCE_TEXTS for k in keys)  # freed with its Speech, not kept for ever


@pytest.mark.parametrize("by", ["point", "paragraph", "section"])
def test_a_chunk_never_spans_a_closing_between_two_paragraphs(by: str) -> None:
    # (hypothesis found it: the closing is no body unit, yet a chunk of both paragraphs held it)
    text = "同志们：一\r\n\r\n谢谢大家！ 一"
    speech = parse_speech(text)
    assert speech.closing is not None
    chunks = speech.chunks(max_chars=12, by=by)  # type: ignore[arg-type]
    assert [c.text for c in chunks] == ["一", "一"]
    closing = range(speech.closing.span.start, speech.closing.span.end)
    assert not any(c.span.start < closing.stop and closing.start < c.span.end for c in chunks)
