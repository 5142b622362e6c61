"""Stage pages: page markers cut out of the text, on their own line or glued inside a sentence."""

from __future__ import annotations

import pytest

from officialspeech import Paragraph, parse_speech


def test_page_marker_inside_a_sentence_is_cut_out() -> None:
    text = "同志们：\n一、抓好落实\n我们要把各项工作落到实第2页 共3页处，确保取得实效。\n— 3 —\n二、加强领导\n各级要高度重视。\n"
    speech = parse_speech(text)
    assert [(p.page, p.total, p.inline) for p in speech.page_markers] == [(2, 3, True), (3, None, False)]
    first = speech.sections()[0]
    (para,) = [c for c in first.children if isinstance(c, Paragraph)]
    assert para.text == "我们要把各项工作落到实处，确保取得实效。"
    assert [g.reason for g in para.gaps] == ["page_marker"]
    assert text[para.span.start:para.span.end] == "我们要把各项工作落到实第2页 共3页处，确保取得实效。"


@pytest.mark.parametrize("footer", ["— 2 —", "－ 2 －"])  # a long dash, a full-width hyphen
def test_a_dashed_page_footer_glued_into_a_sentence_is_cut_out(footer: str) -> None:
    text = f"同志们：\n职业教育特色发展，县职业中专与三家企业{footer}合作开办订单班，2021—2025年毕业生就业率稳定。\n"
    speech = parse_speech(text)
    assert [(p.text, p.page, p.inline) for p in speech.page_markers] == [(footer, 2, True)]
    assert [b.text for b in speech.body if isinstance(b, Paragraph)] == [
        "职业教育特色发展，县职业中专与三家企业合作开办订单班，2021—2025年毕业生就业率稳定。"]



def test_an_ascii_hyphen_footer_set_apart_by_spaces_is_cut_out_of_a_sentence() -> None:
    # － 2 － under NFKC (an archived page): ASCII hyphens, with spaces between it and the words
    text = "同志们:\n二、聚焦群众需求提升服务效能 - 1 - 社区是服务群众的最后一站。要清理规范 - 2 - 各类不合理的考核。\n"
    speech = parse_speech(text)
    assert [(p.text, p.page, p.inline) for p in speech.page_markers] == [("- 1 -", 1, True), ("- 2 -", 2, True)]
    (section,) = speech.sections()
    paragraphs = [c.text for c in section.children if isinstance(c, Paragraph)]
    assert "-" not in section.title + "".join(paragraphs)
    assert paragraphs[-1].endswith("要清理规范 各类不合理的考核。")


def test_an_ascii_hyphen_footer_whose_line_breaks_were_lost_is_cut_out() -> None:
    # a page-broken text flattened: the footer line stands glued between two words
    text = "同志们：要坚决清理规范- 2 -各类不合理的考核评比。- 3 -谢谢大家！"
    speech = parse_speech(text)
    assert [(p.text, p.page, p.inline) for p in speech.page_markers] == [("- 2 -", 2, True), ("- 3 -", 3, True)]
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"


@pytest.mark.parametrize("text", [
    "同志们：\n按5 - 3 - 1的比例安排。\n",  # arithmetic between digits
    "同志们：\n选用a - 2 - b型号。\n",  # between Latin letters
    "同志们：\n分为三组-2-各自讨论。\n",  # no spaces inside it
    "同志们：\n编号A- 2 -B的设备。\n",  # glued to Latin letters
])
def test_an_ascii_hyphen_number_among_digits_letters_or_unspaced_is_no_page_marker(text: str) -> None:
    assert parse_speech(text).page_markers == []


def test_a_short_line_the_first_character_test_skips_holds_no_page_marker() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from officialspeech.parse.pages import _first, _pattern

    first = _first()
    assert first is not None

    @settings(max_examples=300, deadline=None)
    @given(st.from_regex(_pattern().pattern, fullmatch=True))
    def check(marker: str) -> None:
        core = marker.strip()
        if _pattern().fullmatch(core):  # (every marker a short line can hold, stripped)
            assert first.match(core), core

    check()


@pytest.mark.parametrize(("text", "pages"), [
    ("一、加快数字产业发展\n年内新引进数字经济\n·3·\n项目30个以上。\n", [3]),  # alone on its line
    ("一、加快数字产业发展\n年内新引进数字经济 ·3· 项目30个以上。\n", [3]),  # set apart inside a sentence
    ("一、加快数字产业发展\n纪念“5·12”汶川地震，学习马克思·恩格斯著作，年内引进·3·项目。\n", []),  # no page number
])
def test_a_page_number_between_middle_dots(text: str, pages: list[int]) -> None:
    speech = parse_speech(text)
    assert [p.page for p in speech.page_markers] == pages
    if pages:
        (para,) = [c for c in speech.sections()[0].children if isinstance(c, Paragraph)]
        assert "".join(para.text.split()) == "年内新引进数字经济项目30个以上。"
        assert [g.reason for g in para.gaps] == ["page_marker"]
