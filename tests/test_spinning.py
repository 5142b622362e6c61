"""Synonym-spinning detection and repair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import find_spinning, repair_text
from officialspeech.cli import main

SPUN = {"服务": "效劳", "基础": "根底", "发展": "开展", "广大": "广阔", "部分": "局部", "达到": "到达",
        "细则": "细那么", "安全": "平安", "回顾": "回忆", "坚定": "坚决", "多次": "屡次", "体现": "表达",
        "巩固": "稳固", "机会": "时机"}

# correct phrases written for these tests; several hold a spun form legitimately
CLEAN_PHRASES = ["坚持服务大局", "夯实基层基础", "推动高质量发展", "高质量开展主题教育", "广大职工群众", "广阔天地",
                 "重要组成部分", "局部冲突", "达到预期目标", "到达现场", "八项规定及其实施细则", "详细那么认真",
                 "是否那么重要", "办法那么多", "安全生产", "平安中国建设", "回顾总结", "回忆往事", "坚定不移",
                 "坚决打赢", "多次作出重要指示", "屡次三番", "体现在", "表达意见", "巩固拓展", "稳固的基础",
                 "借此机会", "时机成熟", "深入开展调查研究", "各项工作有序开展", "否则", "原则上"]


def test_every_spun_word_of_the_seed_is_found(shared_dir: Path) -> None:
    (seed,) = sorted((shared_dir / "seeds").glob("*.txt"))
    text = seed.read_text("utf-8")
    certain = {h.wrong for h in find_spinning(text) if h.confidence == "certain"}
    assert set(SPUN.values()) <= certain
    for h in find_spinning(text):
        assert text[h.start:h.end] == h.wrong
        assert text.splitlines()[h.line - 1][h.column - 1:h.column - 1 + len(h.wrong)] == h.wrong


def test_clean_reports_have_no_certain_hit(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "corpus" / "texts").glob("0[01]*.txt")):
        hits = [h for h in find_spinning(path.read_text("utf-8")) if h.confidence == "certain"]
        assert hits == [], path.name


@pytest.mark.parametrize(("spun", "correct"), [
    ("落实八项规定及其细那么精神", "落实八项规定及其细则精神"),
    ("遵守交通规那么", "遵守交通规则"),
    ("坚持原那么", "坚持原则"),
    ("行为准那么", "行为准则"),
    ("否那么就会落后", "否则就会落后"),
    ("为我市高质量开展提供动力", "为我市高质量发展提供动力"),
    ("推进根底设施建设", "推进基础设施建设"),
    ("提升效劳水平", "提升服务水平"),
    ("增强平安感", "增强安全感"),
    ("抓好平安生产", "抓好安全生产"),
    ("开展中国家", "发展中国家"),
    ("借此时机", "借此机会"),
])
def test_derived_from_the_mechanism(spun: str, correct: str) -> None:
    assert repair_text(spun).text == correct


@pytest.mark.parametrize("phrase", CLEAN_PHRASES)
def test_correct_phrases_have_no_certain_hit(phrase: str) -> None:
    assert [h.wrong for h in find_spinning(phrase) if h.confidence == "certain"] == []
    assert repair_text(phrase).text == phrase


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CLEAN_PHRASES + list(SPUN.values()) + ["，", "。", "\n", "效劳大局"]), max_size=30))
def test_repair_changes_only_reported_spans(parts: list[str]) -> None:
    text = "".join(parts)
    for suspect in (False, True):
        repair = repair_text(text, include_suspect=suspect)
        # rebuild the original from the repaired text and the list of changes
        rebuilt, pos = [], 0
        for c in repair.changes:
            assert repair.text[c.new_start:c.new_end] == c.correction
            assert text[c.start:c.end] == c.wrong
            rebuilt.append(repair.text[pos:c.new_start])
            rebuilt.append(c.wrong)
            pos = c.new_end
        rebuilt.append(repair.text[pos:])
        assert "".join(rebuilt) == text
        for i, ch in enumerate(repair.text):
            j = repair.original_offset(i)
            if not any(c.new_start <= i < c.new_end for c in repair.changes):
                assert text[j] == ch


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*CLEAN_PHRASES, "，", "。", "我们要", "各级"]), max_size=40))
def test_clean_text_has_no_certain_hit(parts: list[str]) -> None:
    text = "".join(parts)
    assert [h for h in find_spinning(text) if h.confidence == "certain"] == []


def test_repair_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.txt"
    path.write_text("坚持效劳大局。\n夯实基层根底，把局部资金用好。\n", encoding="utf-8")
    assert main(["repair", "--list", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "坚持服务大局。\n夯实基层基础，把部分资金用好。\n"
    assert f"{path}:1:3: 效劳 → 服务 (certain, fuwu)" in captured.err
    out = tmp_path / "fixed.txt"
    assert main(["repair", "-o", str(out), str(path)]) == 0
    assert out.read_text("utf-8") == "坚持服务大局。\n夯实基层基础，把部分资金用好。\n"
    assert main(["repair", "--json", str(path)]) == 0
    changes = json.loads(capsys.readouterr().out)
    assert [(c["wrong"], c["correction"], c["start"]) for c in changes] == [("效劳", "服务", 2), ("根底", "基础", 12),
                                                                          ("局部", "部分", 16)]
    assert main(["repair", str(tmp_path / "missing.txt")]) == 2
