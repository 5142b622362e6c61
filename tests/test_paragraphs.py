"""Stage paragraphs: how body text splits into paragraphs (lines broken mid-sentence are
joined back, blank lines and sentence ends part paragraphs, a line opening with a number
starts anew) and the closing formula at the end."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import parse_speech
from officialspeech.parse.paragraphs import split_paragraphs
from spanchecks import contract_violations


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_paragraphs(text, 0, len(text))]


def test_a_line_broken_mid_sentence_is_joined_back() -> None:
    text = "我们要坚持问题导向，\n狠抓工作落实。\n各级各部门要主动作为。"
    assert _texts(text) == ["我们要坚持问题导向，\n狠抓工作落实。", "各级各部门要主动作为。"]


def test_a_blank_line_parts_paragraphs() -> None:
    assert _texts("我们要坚持问题导向\n\n狠抓工作落实。") == ["我们要坚持问题导向", "狠抓工作落实。"]
    assert _texts("我们要坚持问题导向\r\n\r\n狠抓工作落实。") == ["我们要坚持问题导向", "狠抓工作落实。"]
    assert _texts("我们要坚持问题导向\r\n狠抓工作落实。") == ["我们要坚持问题导向\r\n狠抓工作落实。"]


def test_lines_opening_with_numbers_dashes_or_brackets_start_anew() -> None:
    for opener in ("1.", "１．", "①", "⑴", "⒈", "❶", "——", "（一）", "“"):
        text = f"会议要求做好以下工作\n{opener}抓好安全生产"
        assert _texts(text) == ["会议要求做好以下工作", f"{opener}抓好安全生产"], opener


def test_clause_punctuation_at_a_line_start_continues_the_sentence() -> None:
    assert _texts("我们要坚持问题导向\n，狠抓工作落实。") == ["我们要坚持问题导向\n，狠抓工作落实。"]


def test_sentences_joined_by_spaces_are_split() -> None:
    assert _texts("狠抓工作落实。 各级各部门要主动作为。\u3000确保取得实效。") == [
        "狠抓工作落实。", "各级各部门要主动作为。", "确保取得实效。"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("我们，。！\n\r \u3000①1—“")), max_size=60))
def test_paragraphs_are_ordered_trimmed_and_cover_all_content(text: str) -> None:
    ranges = split_paragraphs(text, 0, len(text))
    pos = 0
    for s, e in ranges:
        assert pos <= s < e
        assert not text[s].isspace()
        assert not text[e - 1].isspace()
        assert not text[pos:s].strip()  # only white space between paragraphs
        pos = e
    assert not text[pos:].strip()


def test_a_moderators_closing_and_a_related_documents_list_after_it() -> None:
    text = ("同志们：\n现在开会。首先，请张明同志讲话。最后，请李华同志讲话。\n"
            "今天的会议开得很好，希望大家抓好落实。\n散会！\n相关文档\n某县工作会议主持词范文\n"
            "在全县大会上的主持词\n下载文档 | 收藏 | 举报\n")
    speech = parse_speech(text)
    assert speech.closing is not None
    assert speech.closing.text == "散会！"
    assert [c.text for c in speech.chrome] == ["相关文档", "某县工作会议主持词范文", "在全县大会上的主持词",
                                               "下载文档 | 收藏 | 举报"]


@pytest.mark.parametrize(("ending", "closing"), [
    ("谢谢大家！\n2024年1月5日\n", "谢谢大家！"),  # a date line after it
    ("谢谢大家！\n（全文完）\n", "谢谢大家！"),
    ("我的讲话就到这里，谢谢大家！\n", "我的讲话就到这里，谢谢大家！"),  # a lead-in before the thanks
    ("讲话完毕，谢谢大家。\n", "讲话完毕，谢谢大家。"),
    ("感谢大家的聆听！\n", "感谢大家的聆听！"),
    ("大家要抓好落实。谢谢大家！\n", "谢谢大家！"),  # the last sentence of a paragraph
    ("我的表态发言完毕，谢谢！\n", "我的表态发言完毕，谢谢！"),
    ("以上报告，请予评议。\n", "以上报告，请予评议。"),  # a duty report's
    ("以上发言，不妥之处，请各位领导和同志们批评指正。\n", "以上发言，不妥之处，请各位领导和同志们批评指正。"),
    ("以上是我的讲课内容，不妥之处请批评指正。\n", "以上是我的讲课内容，不妥之处请批评指正。"),  # a lecture's
    ("祝大家工作顺利！\n此致\n敬礼！\n青川县委办公室\n2024年1月5日\n", "此致\n敬礼！"),  # a letter's, on two lines
    ("以上是我的几点体会，不当之处，恳请大家批评指正。\n", "以上是我的几点体会，不当之处，恳请大家批评指正。"),
    ("以上是我的一点学习体会，讲得不对的地方，请同志们批评指正。\n",
     "以上是我的一点学习体会，讲得不对的地方，请同志们批评指正。"),  # a party lecture's
    ("现在，我提议：为全县的美好明天，为各位朋友的身体健康，干杯！\n",
     "现在，我提议：为全县的美好明天，为各位朋友的身体健康，干杯！"),  # a toast
])
def test_closings_not_on_the_last_line_or_with_a_lead_in(ending: str, closing: str) -> None:
    speech = parse_speech("同志们：\n一、加强领导\n要高度重视。\n" + ending)
    assert speech.closing is not None
    assert speech.closing.text == closing


def test_a_thanks_inside_the_body_is_no_closing() -> None:
    text = "同志们：\n一、加强领导\n谢谢大家！\n要重视加强领导，抓好落实，确保各项工作落到实处。\n"
    assert parse_speech(text).closing is None


GLUED_TAILS = [  # site chrome after the end of a page, as it reads when the line breaks are lost
    "此文档下载收益归作者所有下载文档相关文档在全县大会上的讲话.docx",
    "【打印本页】 【关闭窗口】上一篇：全市工作会议召开",
    "（责任编辑：王明）",
    "来源：县政府办公室 2024-01-05",
    "相关推荐在全市会议上的讲话稿",
    "©2024 某某文库 版权所有",
    "END来源：青川发布编辑：王明",  # an article's end mark before its footer
    "——全文完——【下载文档】 【加入收藏】",
    "本文档由用户上传，如有侵权请联系删除。下载提示：1.本站不保证文档完整性。",
]
RUN_ON = "同志们：现在开会。一、加强领导要高度重视，抓好落实。大家要抓好落实，确保取得实效！"


@pytest.mark.parametrize("tail", GLUED_TAILS)
@pytest.mark.parametrize("closing", ["谢谢大家！", "讲话完毕，谢谢大家。", "散会！"])
def test_a_closing_that_site_chrome_runs_on_after(closing: str, tail: str) -> None:
    # the last paragraph of a flattened page: …确保取得实效！谢谢大家！【打印本页】…
    text = RUN_ON + closing + tail
    speech = parse_speech(text)
    assert speech.closing is not None
    assert speech.closing.text == closing
    assert text[speech.closing.span.start:speech.closing.span.end] == closing
    assert not contract_violations(text, speech)  # the chrome after it stays text: nothing is lost


SPACE_JOINED = "同志们： 现在开会。 一、加强领导 要高度重视，抓好落实。 大家要抓好落实，确保取得实效！ "


@pytest.mark.parametrize("tail", GLUED_TAILS)
def test_a_closing_space_joined_to_the_site_chrome_after_it(tail: str) -> None:
    # a page whose line breaks became spaces: the chrome after the closing makes a paragraph
    # of its own, which the closing is found above
    text = SPACE_JOINED + "谢谢大家！ " + tail
    speech = parse_speech(text)
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"
    assert not contract_violations(text, speech)


@pytest.mark.parametrize("note", ["（本文根据会议录音整理，未经本人审阅）", "（根据录音整理）（有删节）", "【全文完】 "])
def test_a_closing_before_a_bracketed_note_and_the_chrome_after_it(note: str) -> None:
    text = RUN_ON + "谢谢大家！" + note + GLUED_TAILS[0]
    speech = parse_speech(text)
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"
    assert not contract_violations(text, speech)


@pytest.mark.parametrize("after", [
    "下面请张局长讲话。",  # a moderator's thanks, then the meeting goes on
    "大家要把来源：财政资金用好。",  # chrome words inside a sentence are not chrome
    "要抓好落实，把分享到：各村的经验推广开。",
])
def test_a_thanks_followed_by_more_speech_is_no_closing(after: str) -> None:
    assert parse_speech(RUN_ON + "谢谢大家！" + after).closing is None


def _wrapped(paragraph: str, width: int) -> str:
    return "\n".join(paragraph[i:i + width] for i in range(0, len(paragraph), width))


def test_a_hard_wrap_right_before_a_figure_stays_inside_its_sentence() -> None:
    # (a PDF's lines, 30 characters each: the break before 2.4% is the wrap's, not a paragraph's)
    width = 30
    opening = "过去一年，全区上下坚持稳中求进工作总基调，统筹发展和安全，经济社会发展取得新成效。" * 6
    point = "一是科技创新持续发力，全区全社会研发经费投入强度已提高到"
    assert len(point) == width - 2  # (a full line: the wrap's width less its slack)
    second = "2.4%，新增高新技术企业42家。二是产业结构持续优化，服务业增加值占比提高到52.3%，比上年提高1.2个百分点。"
    text = ("政府工作报告\n各位代表：\n" + _wrapped(opening, width) + "\n" + point + "\n"
            + _wrapped(second, width) + "\n")
    leads = [p.lead for p in parse_speech(text).points()]
    assert leads[0].startswith("科技创新持续发力")
    assert leads[0].endswith("提高到\n2.4%，新增高新技术企业42家")


def test_a_line_not_wrapped_before_a_dated_sentence_ends_its_paragraph() -> None:
    # one paragraph a line: a meta line with no sentence end stays apart from the next
    text = ("发布时间：2025-01-22 16:30　来源：青川县人民政府新闻办公室　打印本页\n"
            "1月22日上午，县政府新闻办举行新闻发布会，介绍今年民生实事项目安排情况。\n"
            "今年全县将实施十项民生实事，总投资12.6亿元。\n")
    paras = [b.text for b in parse_speech(text).body if b.kind == "paragraph"]
    assert "1月22日上午，县政府新闻办举行新闻发布会，介绍今年民生实事项目安排情况。" in paras


@pytest.mark.parametrize("note", ["※本文根据会议现场录音整理，已经讲话人审阅。", "※这是市委书记2024年5月8日在全市防汛工作会议上的讲话。"])
def test_a_closing_before_a_note_on_the_text(note: str) -> None:
    """A note on the text after the speech, opened by the note mark ※, is back matter: the
    closing before it stands."""
    text = "在全市防汛工作会议上的讲话\n同志们：\n汛期将至，各级各部门要扎实抓好各项工作。\n谢谢大家！\n" + note + "\n"
    speech = parse_speech(text)
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"
