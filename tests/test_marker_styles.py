"""Marker styles beyond the four levels: items counted by the heavenly stems (甲、 （甲）), the
single characters word processors number with (㈠ ⒈), and the other circled digits (❶ ➀ ➊)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officialspeech import Speech, parse_speech
from officialspeech.numerals import STEMS, stem_to_int, to_chinese, to_int
from spanchecks import assert_lossless, check_spans

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sections(speech: Speech) -> list[tuple[str, str, int, str]]:
    return [(s.marker, s.title, s.level, s.style) for s in speech.sections()]


TOPICS = ["加强组织领导", "狠抓工作落实", "强化督促检查", "营造良好氛围", "严明工作纪律"]


def _speech(body: list[str]) -> str:
    return "\n".join(["在全县重点工作推进会上的讲话", "同志们：", *body, "谢谢大家！"]) + "\n"


@given(st.integers(2, 5), st.sampled_from(["dun", "paren"]))
@SETTINGS
def test_stem_items_are_headings_below_the_open_section(n: int, style: str) -> None:
    items = [f"{STEMS[i]}、" if style == "dun" else f"（{STEMS[i]}）" for i in range(n)]
    body = ["一、总体要求", "要坚持稳中求进。"]
    for marker, topic in zip(items, TOPICS, strict=False):
        body += [marker + topic, "各单位要抓紧抓实。"]
    body += ["二、工作安排", "要按时完成。"]
    text = _speech(body)
    speech = parse_speech(text)
    got = _sections(speech)
    assert [(m, t, lv) for m, t, lv, _ in got] == [
        ("一、", "总体要求", 1), *[(m, t, 2) for m, t in zip(items, TOPICS, strict=False)], ("二、", "工作安排", 1)]
    assert [s.number for s in speech.sections()][1:-1] == list(range(1, n + 1))
    check_spans(text, speech)
    assert_lossless(text, speech)


def test_a_list_of_parties_is_no_stem_heading() -> None:
    speech = parse_speech(_speech(["甲、乙双方应当遵守协议。", "乙方应当按时付款。", "甲、乙、丙三方共同负责。"]))
    assert speech.sections() == []


@given(st.integers(2, 5))
@SETTINGS
def test_word_processor_numbers_read_as_the_markers_they_stand_for(n: int) -> None:
    def text(paren: Callable[[int], str], dot: Callable[[int], str]) -> str:
        body = ["一、主要任务", "今年要抓好以下工作。"]
        for i in range(1, n + 1):
            body += [f"{paren(i)}{TOPICS[i - 1]}", "要抓紧推进。", f"{dot(1)}明确责任", "要落实到人。",
                     f"{dot(2)}加强考核", "要定期通报。"]
        return _speech(body)

    plain = parse_speech(text(lambda i: f"（{to_chinese(i)}）", lambda i: f"{i}."))
    single = parse_speech(text(lambda i: chr(0x3220 + i - 1), lambda i: chr(0x2488 + i - 1)))
    assert [(t, lv, st) for _, t, lv, st in _sections(single)] == [(t, lv, st) for _, t, lv, st in _sections(plain)]
    assert [s.number for s in single.sections()] == [s.number for s in plain.sections()]


@given(st.sampled_from([0x2460, 0x2776, 0x2780, 0x278A]), st.integers(2, 6))
@SETTINGS
def test_every_circled_digit_style_numbers_points(first: int, n: int) -> None:
    items = "".join(f"{chr(first + i)}{TOPICS[i % 5]}；" for i in range(n))
    speech = parse_speech(_speech(["一、工作要求", f"我们要做到：{items}"]))
    assert [(p.number, p.lead) for p in speech.points()] == [(i + 1, TOPICS[i % 5]) for i in range(n)]


def test_numerals_of_the_single_character_styles() -> None:
    for first, count in ((0x2460, 20), (0x2474, 20), (0x2488, 20), (0x2776, 10), (0x2780, 10), (0x278A, 10),
                         (0x3220, 10)):
        assert [to_int(chr(first + i)) for i in range(count)] == list(range(1, count + 1))
    assert [stem_to_int(ch) for ch in STEMS] == list(range(1, 11))
    assert stem_to_int("子") is None
    assert stem_to_int("甲乙") is None
    assert to_int("甲") is None


def test_every_heading_form_is_a_model_form_and_styles_are_the_outline_four() -> None:
    # Section.form names every marker form of the table; Section.style the four styles of
    # outlines (corpus/INDEX.md: cn_dun, cn_paren, arabic_dot, other)
    from typing import get_args

    from officialspeech.model import LevelStyle, MarkerForm
    from officialspeech.parse.markers import FORMS
    assert set(FORMS) == set(get_args(MarkerForm))
    assert {f.style for f in FORMS.values()} == set(get_args(LevelStyle)) == {"cn_dun", "cn_paren", "arabic_dot", "other"}


def test_a_paren_digit_heading_is_style_other_and_form_arabic_paren() -> None:
    text = "同志们：\n一、总体要求\n（一）工作目标\n1.主要指标\n（1）提高质量\n（2）扩大规模\n（3）加强保障\n谢谢大家！\n"
    speech = parse_speech(text)
    got = [(s.marker, s.level, s.style, s.form) for s in speech.sections()]
    assert got == [("一、", 1, "cn_dun", "cn_dun"), ("（一）", 2, "cn_paren", "cn_paren"), ("1.", 3, "arabic_dot", "arabic_dot"),
                   ("（1）", 4, "other", "arabic_paren"), ("（2）", 4, "other", "arabic_paren"),
                   ("（3）", 4, "other", "arabic_paren")]


@given(st.integers(2, 5), st.sampled_from([" ", "\u3000"]), st.sampled_from(["\n", "\n\n"]))
@SETTINGS
def test_arabic_numerals_and_a_space_alone_on_their_lines_are_the_dot_series(n: int, space: str, gap: str) -> None:
    # 1 创建工作取得成效: the 1. series whose dot was lost (word processors' auto-numbering
    # copied as text), under 一、, numbered again under the next 一、
    body = []
    for top in (1, 2):
        body.append(f"{to_chinese(top)}、{TOPICS[top]}")
        for k in range(1, n + 1):
            body += [f"{k}{space}{TOPICS[k - 1]}", "要结合实际抓好落实，确保取得实效。"]
    text = _speech(body).replace("\n", gap)
    speech = parse_speech(text)
    subs = [s for s in speech.sections() if s.form == "arabic_space"]
    assert [(s.marker.strip(), s.title, s.level, s.style) for s in subs] == [
        (str(k), TOPICS[k - 1], 3, "arabic_dot") for _ in (1, 2) for k in range(1, n + 1)]
    assert all(s.path.split("/")[0] in ("一", "二") for s in subs)
    check_spans(text, speech)
    assert_lossless(text, speech)


@given(st.sampled_from([
    "1 城关镇  356  12.5%",  # a table row: columns set apart by wide space
    "30 平方米的标准补齐社区服务设施。",  # a line wrapped before a number: a sentence
    "2 个方面：一是抓落实",  # a colon and a count word
    "3 2024年要抓好落实",  # no Han character first
]))
@SETTINGS
def test_an_arabic_numeral_and_a_space_before_a_sentence_or_columns_is_no_heading(line: str) -> None:
    text = _speech(["一、加强组织领导", "要高度重视。", line, "要抓好落实。"])
    assert [s.marker for s in parse_speech(text).sections()] == ["一、"]
