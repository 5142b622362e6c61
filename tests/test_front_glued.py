"""Front matter run together: the title (and its subtitle, date, speaker) found in glued or
flattened fronts. All texts are made up for these tests."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officialspeech import Paragraph, Speech, parse_speech
from officialspeech.model import DateNode, TextNode
from officialspeech.parse.front import glued
from spanchecks import assert_lossless


def _exact(text: str, node: TextNode | DateNode | None, want: str) -> None:
    assert node is not None, want
    assert node.text == want
    assert text[node.span.start:node.span.end] == want


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


GOV_PAGE = (
    "当前位置：首页>要闻动态>本地新闻2025年青山市政府工作报告发布时间：2025-01-20 10:30:00"
    "来源：青山日报阅读量：【字体：大中小】政府工作报告——2025年1月15日在青山市第八届人民代表大会"
    "第三次会议上市长 周明远1月15日，青山市第八届人民代表大会第三次会议开幕。各位代表：现在，"
    "我代表市人民政府，向大会报告工作。一、过去一年工作回顾过去一年，我们稳住了经济大盘。"
)


def test_flattened_government_page_title_before_dash_subtitle() -> None:
    speech = parse_speech(GOV_PAGE)
    _exact(GOV_PAGE, speech.title, "政府工作报告")
    _exact(GOV_PAGE, speech.subtitle, "——2025年1月15日在青山市第八届人民代表大会第三次会议上")
    assert speech.date is not None
    assert speech.date.iso == "2025-01-15"
    _exact(GOV_PAGE, speech.speaker, "市长 周明远")
    assert speech.occasion is not None
    assert speech.occasion.text == "青山市第八届人民代表大会第三次会议"
    assert speech.salutation is not None
    assert speech.salutation.text == "各位代表："
    rules = [c.rule for c in speech.chrome]
    assert "font" in rules
    assert "published" in rules
    assert speech.metadata.date == "2025-01-20"
    assert_lossless(GOV_PAGE, speech)


MODERATOR = (
    "编号:20251234县委副书记全县秋季植树造林工作会议上的主持词202X/X/XX全县秋季植树造林工作会议上的"
    "主持词县委副书记xxx(二〇二五年十月九日)同志们:现在开会。今天的会议主要有三项议程。"
)


def test_title_said_twice_ending_with_a_speech_kind_word() -> None:
    speech = parse_speech(MODERATOR)
    _exact(MODERATOR, speech.title, "全县秋季植树造林工作会议上的主持词")
    assert speech.title is not None
    assert speech.title.span.start == MODERATOR.index("全县")
    assert speech.metadata.id == "20251234"
    assert_lossless(MODERATOR, speech)


SHOP = (
    "首页 > 范文 > 党课讲稿 > 学院七一党课:守初心 担使命6800字.DOCX 【图片、文字、动画均可编辑】\n"
    "学院七一党课:守初心 担使命6800字\n"
    "七一党课:守初心 担使命按照学院党委的安排,今天我和大家一起学习交流。我想讲三个方面的体会。\n"
    "一、牢记初心,坚定理想信念\n"
    "初心是我们出发的地方。\n"
)


def test_title_glued_to_the_first_sentence_restating_a_chrome_line() -> None:
    speech = parse_speech(SHOP)
    _exact(SHOP, speech.title, "七一党课:守初心 担使命")
    first = speech.body[0]
    assert first.kind == "paragraph"
    assert first.text.startswith("按照学院党委的安排")
    assert [s.title for s in speech.sections()] == ["牢记初心,坚定理想信念"]
    assert_lossless(SHOP, speech)


def test_title_restated_in_a_flattened_shop_page() -> None:
    flat = _flat(SHOP)
    speech = parse_speech(flat)
    _exact(flat, speech.title, "七一党课:守初心 担使命")
    assert speech.metadata.format == "DOCX"
    assert_lossless(flat, speech)


OPINION = (
    "关于进一步加强社区治理工作的意见\n（2025年3月8日）\n加强社区治理是推进基层治理现代化的基础工作。"
    "现就进一步加强社区治理工作提出如下意见。\n一、总体要求\n坚持党建引领，坚持问题导向。\n"
)


def test_flattened_title_followed_by_a_date_at_the_start_of_the_body() -> None:
    flat = _flat(OPINION)
    speech = parse_speech(flat)
    _exact(flat, speech.title, "关于进一步加强社区治理工作的意见")
    _exact(flat, speech.date, "（2025年3月8日）")
    assert speech.date is not None
    assert speech.date.iso == "2025-03-08"
    first = speech.body[0]
    assert first.kind == "paragraph"
    assert first.text.startswith("加强社区治理是")
    assert_lossless(flat, speech)
    # a sentence naming a report and its date is no title
    text = "根据市委工作报告（2025年1月5日）部署，我们召开这次会议。一要提高认识。二要狠抓落实。"
    assert parse_speech(text).title is None


@pytest.mark.parametrize(("speaker", "body"), [
    ("县委书记李明", "2018年1月，我在全县干部大会上讲过三个方面的风险，今天再讲一讲。"),
    ("县委书记 李明 ", "2018年1月，我在全县干部大会上讲过三个方面的风险，今天再讲一讲。"),
    ("县委书记李明", "今年以来，我们坚持稳中求进，各项工作取得新成效。"),
])
def test_a_title_and_speaker_glued_to_a_body_that_plainly_opens_after_them(speaker: str, body: str) -> None:
    # one line, no address: the title, the office and name, then a date or a time word
    text = "在全县经济工作会议上的讲话" + speaker + body * 3
    speech = parse_speech(text)
    _exact(text, speech.title, "在全县经济工作会议上的讲话")
    _exact(text, speech.speaker, speaker.strip())
    first = speech.body[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith(body[:6])
    assert_lossless(text, speech)


@pytest.mark.parametrize("text", [
    "在全县经济工作会议上的讲话精神县委书记李明2018年就作了部署，我们要抓好落实。",  # a sentence naming a speech
    "学习在全县经济工作会议上的讲话，县委书记李明今年以来多次强调，我们要抓好落实。",
])
def test_a_sentence_naming_a_speech_before_an_office_and_a_name_gives_no_title(text: str) -> None:
    speech = parse_speech(text)
    assert speech.title is None
    assert speech.speaker is None


def test_a_bracketed_date_a_flattened_front_opens_with_is_the_date_not_the_title() -> None:
    # （2024年9月12日）⏎在…座谈会上的讲话同志们：… with its line breaks lost
    text = "（2024年9月12日）在全市民营企业座谈会上的讲话同志们、朋友们：今天召开座谈会。一、充分肯定成绩。要总结经验。"
    speech = parse_speech(text)
    _exact(text, speech.title, "在全市民营企业座谈会上的讲话")
    _exact(text, speech.date, "（2024年9月12日）")
    assert speech.date is not None
    assert speech.date.iso == "2024-09-12"
    assert_lossless(text, speech)


def test_a_speech_titled_in_hong_kong_usage_is_a_title_in_a_glued_front() -> None:
    text = "署長在年度工作會議上的講辭_青嶺政府新聞網首頁 > 新聞公報 > 演辭各位同事、各位朋友：早晨！今天和大家聚首一堂。"
    speech = parse_speech(text)
    _exact(text, speech.title, "署長在年度工作會議上的講辭")


JOURNAL_BODY = "2018年1月，我在全县干部大会上讲过三个方面的风险，今天再讲一讲防范风险的问题。" * 3


@pytest.mark.parametrize(("headline", "name"), [
    ("构建起强大的公共卫生体系 为维护人民健康提供有力保障", "习近平"),  # a three-character name
    ("构建起强大的公共卫生体系 为维护人民健康提供有力保障", "李强"),  # two: 保障 is a title final
    ("全面推进乡村振兴 加快建设农业强国", "王小红"),
])
def test_a_journal_headline_of_two_halves_glued_to_the_name_and_the_first_year(headline: str, name: str) -> None:
    # a party journal's article republished on one line: no title word, no ※ after it
    text = headline + name + JOURNAL_BODY
    speech = parse_speech(text)
    _exact(text, speech.title, headline)
    _exact(text, speech.speaker, name)
    first = speech.body[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith("2018年1月")
    assert_lossless(text, speech)


@pytest.mark.parametrize("text", [
    "今天我们在这里召开大会 共同研究部署全年工作任务" + JOURNAL_BODY,  # the run opens a sentence
    "构建起强大的公共卫生体系，为维护人民健康提供有力保障习近平" + JOURNAL_BODY,  # punctuation, not one space
])
def test_a_sentence_before_a_year_is_no_two_half_headline(text: str) -> None:
    speech = parse_speech(text)
    assert speech.title is None
    assert speech.speaker is None


TOOLBAR = (
    "下载打印全屏收藏【字号：加大还原减小】2025年青山省政府工作报告——2025年1月20日在青山省第十四届"
    "人民代表大会第三次会议上\n"
    "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
)


def test_toolbar_chrome_glued_before_the_title_is_left_out() -> None:
    speech = parse_speech(TOOLBAR)
    _exact(TOOLBAR, speech.title, "2025年青山省政府工作报告")
    _exact(TOOLBAR, speech.subtitle, "——2025年1月20日在青山省第十四届人民代表大会第三次会议上")
    assert speech.date is not None
    assert speech.date.iso == "2025-01-20"
    assert [c.text for c in speech.chrome][:2] == ["下载打印全屏收藏", "【字号：加大还原减小】"]
    assert_lossless(TOOLBAR, speech)


GREETING = (
    "首页 > 范文大全 > 致辞 > 校长欢迎词校长欢迎词2024-09-01 08:30:00   来源:   点击:    "
    "亲爱的同学们:欢迎你们来到美丽的校园!"
)


def test_title_said_twice_after_a_breadcrumb() -> None:
    speech = parse_speech(GREETING)
    _exact(GREETING, speech.title, "校长欢迎词")
    assert speech.salutation is not None
    assert speech.salutation.text == "亲爱的同学们:"
    assert_lossless(GREETING, speech)



# ---------------------------------------------------------------- review fixes (made-up text)


def _node_ranges(speech: Speech) -> list[tuple[int, int, set[tuple[int, int]]]]:
    """(start, end, gap spans) of every front and body node."""
    out: list[tuple[int, int, set[tuple[int, int]]]] = []

    def add(node: object) -> None:
        span = getattr(node, "span", None)
        if span is not None:
            gaps = {(g.span.start, g.span.end) for g in getattr(node, "gaps", None) or []}
            out.append((span.start, span.end, gaps))

    for n in (speech.title, speech.subtitle, speech.speaker, speech.date, speech.salutation, speech.closing):
        if n is not None:
            add(n)
    for p in speech.front:
        add(p)

    def walk(blocks: list[object]) -> None:
        for b in blocks:
            children = getattr(b, "children", None)
            if children is not None and hasattr(b, "heading_span"):
                hs = b.heading_span
                out.append((hs.start, hs.end, {(g.span.start, g.span.end) for g in getattr(b, "gaps", None) or []}))
                walk(children)
            else:
                add(b)

    walk(list(speech.body))
    return out


def _chrome_apart(speech: Speech) -> None:
    """No chrome span overlaps a front or body node unless it is recorded as one of its gaps."""
    nodes = _node_ranges(speech)
    for c in speech.chrome:
        a, b = c.span.start, c.span.end
        for s, e, gaps in nodes:
            if a < e and s < b:
                assert any(ga <= a and b <= gb for ga, gb in gaps), (c.text, c.rule, (s, e))


def test_inline_chrome_past_a_glued_title_stays_in_the_body() -> None:
    text = ("关于加强社区治理的意见（2024年1月20日）加强社区治理是基础工作，会议时间：3月5日，"
            "字数不少于3000字，详见附件[1]说明。\n一、总结\n好的。")
    speech = parse_speech(text)
    _exact(text, speech.title, "关于加强社区治理的意见")
    assert speech.chrome == []
    first = speech.body[0]
    assert first.kind == "paragraph"
    assert first.text.startswith("加强社区治理是基础工作，会议时间：")
    assert "[1]" in first.text
    _chrome_apart(speech)
    assert_lossless(text, speech)


_PIECES = ["发布时间：2024-01-05", "来源：", "3000字", "[1]", "下载打印", "【字号：加大还原减小】",
           "在全市会议上的讲话", "关于加强社区治理的意见", "（2024年1月20日）", "——2024年1月5日在全市工作会议上",
           "市长 王强", "提出，", "加强社区治理是基础工作，", "会议时间：3月5日，", "详见附件说明。", "同志们：",
           "\n", "首页>", "编号：A12345"]


@SETTINGS
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10))
def test_no_chrome_overlaps_a_node_of_glued_front_matter(pieces: list[str]) -> None:
    text = "".join(pieces) + "\n一、总结\n各地积极探索，取得了成效。"
    speech = parse_speech(text)
    _chrome_apart(speech)
    assert_lossless(text, speech)


def test_a_sentence_naming_a_document_and_its_date_is_no_title() -> None:
    for text in (
        "市委关于加强基层治理的意见2024年3月5日印发以来，各地认真贯彻落实，取得明显成效。\n一、主要做法\n各地积极探索。",
        "省政府工作报告（2024年1月20日）提出，今年要着力扩大内需，推动经济稳中向好。\n一、主要做法\n各地积极探索。",
        "认真学习总书记重要讲话——2024年3月5日在全国两会上的讲话精神，我们深受鼓舞。\n一、主要做法\n各地积极探索。",
    ):
        speech = parse_speech(text)
        assert speech.title is None, text
        assert speech.date is None
        assert speech.subtitle is None
        assert speech.body[0].kind == "paragraph"
        assert speech.body[0].span.start == 0


def test_a_chrome_source_is_no_title_restated_by_the_first_sentence() -> None:
    text = "来源：市人民政府办公室\n市人民政府办公室近日印发通知，要求各地做好防汛工作。各地要高度重视。\n一、提高认识\n防汛工作很重要。"
    speech = parse_speech(text)
    assert speech.title is None
    assert speech.metadata.source == "市人民政府办公室"
    first = speech.body[0]
    assert first.kind == "paragraph"
    assert first.text.startswith("市人民政府办公室近日")


def test_a_tag_or_breadcrumb_before_the_title_loses_the_tie() -> None:
    want = "在全市经济工作会议上的讲话"
    for text in (
        "【领导讲话】在全市经济工作会议上的讲话\n同志们：\n今天我们召开会议。",
        "领导讲话 | 在全市经济工作会议上的讲话\n同志们：\n今天我们召开会议。",
        "当前位置：首页>领导讲话>在全市经济工作会议上的讲话发布时间：2024-01-05来源：市政府办公室同志们：今天我们召开会议。",
    ):
        speech = parse_speech(text)
        _exact(text, speech.title, want)
        assert all("讲话" not in f.text for f in speech.front if f.text.endswith("领导讲话")), text
    # the opening bracket of a tag is no part of a title
    text = "【领导讲话】同志们：今天我们召开会议。"
    _exact(text, parse_speech(text).title, "领导讲话")


# the line breaks of a district report lost: single dash, a subtitle ending in 上 followed by a
# place name (…会议上海河区…: 上 ends the subtitle, 海河区 opens the speaker's office), the
# speaker run on to it, no space before the name
DISTRICT = (
    "政府工作报告\n—2023年2月9日在海河区第九届人民代表大会第三次会议上\n海河区人民政府区长　　林景安\n"
    "各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n一、2022年工作回顾\n过去一年，我们扎实工作。\n"
)


def test_single_dash_subtitle_and_speaker_run_on_after_a_flattened_title() -> None:
    for text in (DISTRICT, _flat(DISTRICT), DISTRICT.replace("\n", " ")):
        speech = parse_speech(text)
        _exact(text, speech.title, "政府工作报告")
        _exact(text, speech.subtitle, "—2023年2月9日在海河区第九届人民代表大会第三次会议上")
        _exact(text, speech.speaker, "海河区人民政府区长　　林景安")
        assert speech.date is not None
        assert speech.date.iso == "2023-02-09"
        assert_lossless(text, speech)
    # the speaker on its own line is certain; run on to the subtitle its end is inferred
    for text, want in ((DISTRICT, "certain"), (_flat(DISTRICT), "guessed")):
        speaker = parse_speech(text).speaker
        assert speaker is not None
        assert speaker.confidence == want


def test_repeated_dashes_open_a_subtitle_with_the_speaker_run_on() -> None:
    text = _flat(DISTRICT.replace("\n—", "\n----"))
    speech = parse_speech(text)
    _exact(text, speech.subtitle, "----2023年2月9日在海河区第九届人民代表大会第三次会议上")
    _exact(text, speech.speaker, "海河区人民政府区长　　林景安")


# a news page flattened: the subtitle runs straight into the source and time of the page
NEWS = (
    "2024年青山省政府工作报告——2024年1月22日在青山省第九届人民代表大会第二次会议上"
    "来源：青山日报时间：2024-01-30 08:15:00各位代表：现在，我代表省人民政府，向大会报告工作。"
    "一、2023年工作回顾过去一年，全省经济回升向好。"
)


def test_subtitle_ends_where_site_chrome_glued_to_it_begins() -> None:
    speech = parse_speech(NEWS)
    _exact(NEWS, speech.title, "2024年青山省政府工作报告")
    _exact(NEWS, speech.subtitle, "——2024年1月22日在青山省第九届人民代表大会第二次会议上")
    assert speech.date is not None
    assert speech.date.iso == "2024-01-22"
    assert speech.salutation is not None
    assert speech.salutation.text == "各位代表："
    assert_lossless(NEWS, speech)


# a page headline, a news agency dateline, then the title letter-spaced as headlines are set
SPACED = (
    "2023年青山省政府工作报告\n新华社青山3月2日电\n政 府 工 作 报 告\n"
    "——2023年2月26日在青山省第九届人民代表大会第一次会议上\n省长　周明远\n各位代表：\n"
    "现在，我代表省人民政府，向大会报告工作。\n一、过去五年工作回顾\n五年来，我们稳步推进各项工作。\n"
)


def test_letter_spaced_title_before_its_subtitle_in_every_shape() -> None:
    for text in (SPACED, _flat(SPACED), SPACED.replace("\n", " ")):
        speech = parse_speech(text)
        _exact(text, speech.title, "政 府 工 作 报 告")
        _exact(text, speech.subtitle, "——2023年2月26日在青山省第九届人民代表大会第一次会议上")
        _exact(text, speech.speaker, "省长　周明远")
        assert_lossless(text, speech)


# exported through a tool that wrote each no-break space as the escape <U+00A0>
ESCAPED = (
    "<U+00A0>\n2022年青山省政府工作报告\n<U+00A0><U+00A0>新华社青山３月１２日电\n政府工作报告\n"
    "<U+00A0><U+00A0>——2022年3月6日在青山省第八届人民代表大会第五次会议上\n省长<U+00A0> 周明远<U+00A0>\n"
    "<U+00A0><U+00A0>各位代表：\n<U+00A0><U+00A0>现在，我代表省人民政府，向大会报告工作。\n"
    "<U+00A0><U+00A0>一、过去一年工作回顾\n<U+00A0><U+00A0>过去一年，我们稳步推进各项工作。\n"
)


@given(st.sampled_from(["\n", "", " "]))
@SETTINGS
def test_escaped_spaces_are_no_part_of_the_front_lines(sep: str) -> None:
    text = ESCAPED.replace("\n", sep)
    speech = parse_speech(text)
    _exact(text, speech.title, "政府工作报告")
    _exact(text, speech.subtitle, "——2022年3月6日在青山省第八届人民代表大会第五次会议上")
    _exact(text, speech.speaker, "省长<U+00A0> 周明远")
    assert speech.date is not None
    assert speech.date.iso == "2022-03-06"
    assert_lossless(text, speech)


# a news page: the column name closes the breadcrumb and heads the column, said twice at once
COLUMN = (
    "您的位置:\n首页\n>\n青山要闻\n青山要闻\n2024年政府工作报告\n来源：青山日报\n2024-01-30 08:15:00\n"
    "——2024年1月22日在青山省第九届人民代表大会第二次会议上\n省长　周明远\n各位代表：\n"
    "现在，我代表省人民政府，向大会报告工作。\n一、2023年工作回顾\n过去一年，全省经济回升向好。\n"
)


def test_column_name_said_twice_before_a_flattened_title_is_no_part_of_it() -> None:
    for text in (COLUMN, _flat(COLUMN), COLUMN.replace("\n", " ")):
        speech = parse_speech(text)
        _exact(text, speech.title, "2024年政府工作报告")
        _exact(text, speech.subtitle, "——2024年1月22日在青山省第九届人民代表大会第二次会议上")
        assert_lossless(text, speech)


def test_the_end_of_a_wrapped_dateline_is_no_part_of_the_title() -> None:
    text = SPACED.replace("新华社青山3月2日电", "新华社青\n山3月2日电").replace("政 府 工 作 报 告", "政府工作报告")
    speech = parse_speech(text)
    _exact(text, speech.title, "政府工作报告")
    assert_lossless(text, speech)


# a leader's speech with its line breaks lost: the speaker's name (after the office, or after
# the date in brackets) runs straight into the address
SUMMIT = (
    "携手共建绿色家园\n——在青山论坛第三届年会上的致辞\n（2023年5月8日，青山）\n青山省省长 周明远\n"
    "尊敬的各位来宾，女士们，先生们：\n大家好！很高兴同大家相聚。\n"
)


@given(st.sampled_from(["", " "]), st.booleans())
@SETTINGS
def test_speakers_name_glued_to_the_address_is_no_part_of_it(sep: str, bare: bool) -> None:
    text = SUMMIT.replace("青山省省长 ", "") if bare else SUMMIT
    text = text.replace("\n", sep)
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == "尊敬的各位来宾，女士们，先生们："
    assert_lossless(text, speech)


def test_an_address_opening_with_a_short_phrase_keeps_it() -> None:
    text = "在座的各位领导，同志们：今天我们召开全市工作会议。"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == "在座的各位领导，同志们："


def test_bracketed_date_with_the_place_ends_a_run_on_title() -> None:
    for text, title in ((_flat(SUMMIT), "携手共建绿色家园"),
                        (_flat(SUMMIT).replace("携手共建绿色家园——", ""), "在青山论坛第三届年会上的致辞")):
        speech = parse_speech(text)
        _exact(text, speech.date, "（2023年5月8日，青山）")
        assert speech.date is not None
        assert speech.date.iso == "2023-05-08"
        _exact(text, speech.speaker, "青山省省长 周明远")
        _exact(text, speech.title, title)
        assert_lossless(text, speech)


MARKED = "坚持系统观念 推动城乡融合发展走深走实"


@given(author=st.sampled_from(["王建国", "李 明", ""]),
       body=st.sampled_from(["今年以来，各地区各部门扎实工作。", "一、总体要求\n要坚持稳中求进。", "我们召开会议。"]),
       joiner=st.sampled_from(["", " "]))
@SETTINGS
def test_a_title_ended_by_its_note_mark(author: str, body: str, joiner: str) -> None:
    # a title with no title word (…讲话, …报告), closed by the note mark (※) that points to
    # its source note, the author's name and the body run on after it
    text = MARKED + joiner + "※" + author + body
    speech = parse_speech(text)
    _exact(text, speech.title, MARKED)
    assert speech.title is not None
    assert speech.title.confidence == "guessed"
    assert_lossless(text, speech)


def test_a_note_mark_after_a_sentence_makes_no_title() -> None:
    # a sentence before the mark (a comma in it), or a mark deep in the body, is no title
    for text in ("今年以来，各地区扎实推进改革※注：数据为初步统计。", "我们召开会议。改革取得新进展※"):
        assert parse_speech(text).title is None, text


@given(st.sampled_from(["领导讲话", "讲话稿", "工作报告", "致辞"]), st.sampled_from(["", " ", "\u3000"]),
       st.sampled_from(["首页 > 范文大全 > ", "当前位置：首页>", ""]))
@SETTINGS
def test_a_category_label_glued_before_a_title_is_no_part_of_it(label: str, sep: str, crumb: str) -> None:
    # a breadcrumb's last step run into the title once the line breaks were lost
    title = "在全市安全生产工作会议上的讲话"
    text = f"{crumb}{label}{sep}{title}同志们：今天我们召开会议。一、提高认识要高度重视。"
    _exact(text, parse_speech(text).title, title)


def test_a_title_that_opens_with_its_own_words_keeps_them() -> None:
    # not a label: the words before 在 belong to the title (no title word ends them)
    text = "学习贯彻在全市工作会议上的讲话精神的体会\n同志们：\n今天我们召开会议。\n"
    _exact(text, parse_speech(text).title, "学习贯彻在全市工作会议上的讲话精神的体会")


_GLUED_PIECES = ["在全市", "工作会议上的讲话", "报告", "※", "习近平", "来源：新华网", "6800字", ".docx", "（精选3篇）", "三篇文字",
                 "，", "。", " ", "\n", "2024年1月20日", "省长 李明", "同志们：", "深化改革", "提出"]


@given(st.lists(st.sampled_from(_GLUED_PIECES), max_size=12), st.booleans(), st.booleans(),
       st.sampled_from(["", "工作会议上的讲话\x00"]))
def test_the_glued_prefilter_loses_no_title(parts: list[str], closed: bool, at_body: bool, earlier: str) -> None:
    """find_glued skips a run that holds no title word, mark or restated title before it
    finds the run's breaks and chrome: it finds what it found without the skip."""
    text = "".join(parts)
    found = glued.find_glued(text, 0, len(text), len(text), closed=closed, at_body=at_body, earlier=earlier)
    with patch.object(glued, "_may_hold_title", lambda *args: True):
        unfiltered = glued.find_glued(text, 0, len(text), len(text), closed=closed, at_body=at_body,
                                      earlier=earlier)
    assert found == unfiltered


def test_a_run_on_page_opening_with_a_breadcrumb_to_the_text_keeps_its_words_out_of_the_title() -> None:
    # the crumbs name kinds of text (讲话致辞, 述职报告): no title ends in them
    text = ("当前位置:首页 > 讲话致辞 > 领导讲话 > 正文发布时间:2024-03-21 09:12:05在全县项目建设推进会上的讲话"
            "同志们:今天召开推进会。一、正视不足要正视不足。二、突出重点要突出重点。")
    speech = parse_speech(text)
    _exact(text, speech.title, "在全县项目建设推进会上的讲话")
    assert "首页 > 讲话致辞 > 领导讲话 > 正文" in [c.text for c in speech.chrome]
    assert_lossless(text, speech)


def test_a_report_with_no_address_after_a_breadcrumb_has_its_title() -> None:
    text = ("您现在的位置:首页 > 总结报告 > 述职报告 > 正文2024年度分管农业农村副县长述职述廉报告_某某范文网"
            "2024年,我在县委的坚强领导下认真履职尽责。一、坚持学思践悟(一)强化理论武装。坚持学习。")
    speech = parse_speech(text)
    _exact(text, speech.title, "2024年度分管农业农村副县长述职述廉报告")


@pytest.mark.parametrize("kind", ["开幕词", "闭幕词", "祝酒词", "述职报告"])
def test_more_kinds_of_speech_end_a_title_glued_to_its_date(kind: str) -> None:
    text = f"在青山县第十八届人民代表大会第四次会议上的{kind}（2025年1月14日）县人大常委会主任　周振国各位代表：今天开会。"
    speech = parse_speech(text)
    _exact(text, speech.title, f"在青山县第十八届人民代表大会第四次会议上的{kind}")


def test_a_run_of_page_buttons_before_a_run_on_title_is_chrome() -> None:
    text = "在全区社区工作推进会上的讲话.doc上传时间:2025-04-18收藏 举报 分享赚钱在全区社区工作推进会上的讲话同志们：今天开会。"
    speech = parse_speech(text)
    _exact(text, speech.title, "在全区社区工作推进会上的讲话")
    assert "收藏 举报 分享赚钱" in [c.text for c in speech.chrome]


def test_the_title_glued_to_the_address_beats_a_breadcrumb_step_before_the_page_stats() -> None:
    # the last crumb (领导讲话) is followed by chrome, the title by the address: the address
    # is the stronger sign of where a title ends
    text = ("青山市应急管理局您当前的位置:首页 > 工作动态 > 领导讲话发布时间:2025-09-16 15:20:07 来源:局办公室 "
            "浏览次数:412在全市燃气安全专项整治推进会上的讲话同志们:今天召开推进会。一、认清形势要认清形势。二、压实责任要压实责任。")
    speech = parse_speech(text)
    _exact(text, speech.title, "在全市燃气安全专项整治推进会上的讲话")


def test_a_title_said_before_in_a_file_name_sheds_the_chrome_glued_before_its_second_copy() -> None:
    # a sharing page flattened: the file name says the title, the keyword line runs into its
    # second copy before the address
    text = ("分享在全县防汛工作会议上的讲话.docx下载文档ID:5083921大小:21.36KB页数:3页格式:DOCX时间:2024-05-10"
            "收藏 分享赚钱温馨提示:1. 本文档由用户上传,如对版权有异议请联系客服处理。网站客服:4008001234"
            "防汛 会议 讲话 2024在全县防汛工作会议上的讲话同志们:今天召开全县防汛工作会议。"
            "一、认清形势要认清形势。二、压实责任要压实责任。")
    speech = parse_speech(text)
    _exact(text, speech.title, "在全县防汛工作会议上的讲话")
    # a title word glued to the Han character before it is no chrome to shed: 市长在…讲话 stays whole
    twice = "市长在全市作风整治动员会上的讲话首页 > 讲话 > 正文市长在全市作风整治动员会上的讲话同志们:今天开会。"
    title = parse_speech(twice).title
    assert title is not None
    assert title.text.startswith("市长在")


@pytest.mark.parametrize("meta", [
    "2025-03-18 09:12　来源：青川日报　编辑：许宁",
    "发布者：青川文秘网  时间：2025-03-18 09:12  阅读：1024次",
    "发布时间：2025-03-18　来源：县政府办",
])
@pytest.mark.parametrize("title", ["全县春季农业生产现场推进会召开", "专题党课：赓续红色血脉 勇担时代使命"])
@pytest.mark.parametrize("body", [
    "3月17日，全县春季农业生产现场推进会在青川镇召开。会议要求抓好春耕备耕。",  # a news report
    "同志们：今天，我们召开这次会议，主要任务是部署春耕工作。一、提高认识\n要高度重视。",
])
def test_a_title_with_no_title_word_above_an_article_pages_meta_line(meta: str, title: str, body: str) -> None:
    # the page lost its line breaks: the title runs on into the meta line (time stamp, 来源：…)
    text = title + meta + body
    speech = parse_speech(text)
    _exact(text, speech.title, title)
    assert_lossless(text, speech)


@pytest.mark.parametrize("lead", [
    "今天，全县春季农业生产现场推进会召开",  # a sentence, not a title
    # longer than a title can be
    "全县春季农业生产现场推进会在青川镇召开全县各乡镇主要负责同志和县直有关部门负责人参加了会议会议由副县长主持会议结束后与会人员分组实地察看了各乡镇春耕备耕情况",
])
def test_no_title_before_the_meta_line_where_no_title_stands(lead: str) -> None:
    text = lead + "2025-03-18 09:12　来源：青川日报　3月17日，会议要求抓好春耕备耕。"
    speech = parse_speech(text)
    assert speech.title is None or speech.title.text != lead


def test_a_title_named_in_a_blurb_sentence_gives_way_to_the_title_before_the_address() -> None:
    # a collection page flattened: its blurb names the page title in a sentence that goes on
    # (…整理了…讲话稿，仅供参考), so the title is the first speech's, before its address
    title = "在全县秋冬季森林防火工作会议上的讲话"
    text = ("某某文库 > 范文大全 > 讲话稿森林防火工作会议讲话稿（精选2篇）更新时间：2024-10-16 09:40　"
            "【导读】某某文库小编为您整理了森林防火工作会议讲话稿（精选2篇），仅供参考。篇一：" + title +
            "同志们：今天，县政府召开全县秋冬季森林防火工作会议。一、认清形势\n要高度重视。")
    speech = parse_speech(text)
    _exact(text, speech.title, title)
    assert_lossless(text, speech)


@pytest.mark.parametrize(("lead", "title"), [
    # an article's blurb announces the speech (…刊发如下：) before its title and dash subtitle
    ("青川发布原创 青川融媒 2024-05-06 09:30 发表于江苏5月5日，全区作风建设大会召开，区委书记李明出席会议并讲话。"
     "现将讲话全文刊发如下：", "以过硬作风护航高质量发展"),
    # a portal's meta line with its font buttons (字号：大 中 小 打印) before the title
    ("青川县人民政府首页 > 新闻中心 > 领导讲话发布时间：2024-03-26 来源：县政府办公室 字号：大 中 小 打印",
     "在全县春季农业生产工作会议上的讲话"),
    # a red-header masthead (…办公室文件) glued to the title
    ("青川市人民政府办公室文件", "在全市防汛抗旱工作会议上的讲话"),
    ("青川县第五届人民代表大会第三次会议文件", "政府工作报告"),  # …a congress session's
])
def test_flattened_page_fronts_before_the_title(lead: str, title: str) -> None:
    text = lead + title + "——在全区工作会议上的讲话区委书记　李明同志们：今天召开会议。一、提高认识要高度重视。"
    speech = parse_speech(text)
    _exact(text, speech.title, title)
    assert_lossless(text, speech)


def test_the_glued_prefilter_skips_a_body_line_with_only_the_characters_of_titled_chrome() -> None:
    # 篇, 字 and brackets stand in many first body lines; only a hit of a titled chrome pattern
    # (（精选3篇）, 6800字, .docx) can make the line restate a title
    line = "4月12日，我区召开会议（扩大），研究三篇文字材料的修改工作。各单位负责同志参加会议。"
    with patch.object(glued, "_Run", side_effect=AssertionError("the run was built")):
        assert glued.find_glued(line, 0, len(line), len(line), closed=False, at_body=True) is None


@pytest.mark.parametrize("occasion", ["在青川国际城市论坛上的主旨演讲", "在青川国际城市论坛的致辞",
                                      "在青川国际城市论坛上的演讲", "在青川国际城市论坛的讲话"])
def test_a_dash_subtitle_of_any_speech_kind_ends_before_the_date_and_speaker(occasion: str) -> None:
    # (a subtitle naming the speech 主旨演讲 or 演讲, or with no 上 before 的致辞, in a flattened front)
    title, date, speaker = "携手共建开放城市", "（2024年10月8日，青川）", "青川市市长 林远山"
    text = (f"{title}——{occasion}{date}{speaker}尊敬的各位来宾，女士们，先生们：很高兴同大家相聚青川。"
            "城市因开放而兴，因合作而强。谢谢大家。")
    speech = parse_speech(text)
    _exact(text, speech.title, title)
    _exact(text, speech.subtitle, "——" + occasion)
    _exact(text, speech.date, date)
    _exact(text, speech.speaker, speaker)


@pytest.mark.parametrize(("name", "body"), [("林远山", "今年3月，我到青川调研。"), ("林远山", "我国是农业大国。"),
                                            ("林山", "2023年5月，市委召开全会。")])
def test_the_authors_name_after_a_title_mark_is_the_speaker_when_the_body_opens_after_it(name: str, body: str) -> None:
    # a journal's article flattened to one line: headline※author, the body glued after it
    title = "坚持人民城市人民建 推动城市治理现代化"
    text = f"{title}※{name}{body}城市治理要坚持以人民为中心。※这是{name}同志在市委全会上的讲话的一部分。"
    speech = parse_speech(text)
    _exact(text, speech.title, title)
    _exact(text, speech.speaker, name)


def test_a_name_after_a_title_mark_that_runs_on_into_a_sentence_is_no_speaker() -> None:
    text = "坚持人民城市人民建 推动城市治理现代化※林远山同志指出，城市治理要坚持以人民为中心。"
    assert parse_speech(text).speaker is None


@pytest.mark.parametrize("indent", ["\u3000\u3000", "  "])
def test_a_bare_name_after_the_date_and_before_a_paragraph_indent_is_the_speaker(indent: str) -> None:
    text = (f"在全市防汛工作会议上的讲话（2024年6月3日）林远山{indent}入汛以来，全市降雨偏多。"
            f"{indent}我们要压实责任，确保安全度汛。")
    speech = parse_speech(text)
    _exact(text, speech.title, "在全市防汛工作会议上的讲话")
    _exact(text, speech.date, "（2024年6月3日）")
    _exact(text, speech.speaker, "林远山")


@pytest.mark.parametrize("note", ["（摘要）", "（节选）", ""])
def test_a_portal_title_after_its_breadcrumbs_last_step_keeps_its_year_and_edition_note(note: str) -> None:
    # a portal page flattened to one line: the breadcrumb ends with the category 政府工作报告,
    # glued to the page's title, which opens with its year and ends with its edition note
    title = f"2024年青川县政府工作报告{note}"
    text = (f"当前位置：首页 > 政务公开 > 政府工作报告{title}发布时间：2024-01-26 10:15　来源：青川县人民政府办公室"
            "——2024年1月22日在青川县第十八届人民代表大会第三次会议上青川县县长　林远山各位代表：现在，我代表县人民政府，"
            "向大会报告工作，请予审议。一、2023年工作回顾过去一年，全县经济稳中有进。")
    speech = parse_speech(text)
    _exact(text, speech.title, title)


def test_a_bracketed_date_after_a_glued_title_stays_the_date() -> None:
    text = "在全县防汛工作会议上的讲话（2024年6月3日）同志们：入汛以来，全县降雨偏多。"
    speech = parse_speech(text)
    _exact(text, speech.title, "在全县防汛工作会议上的讲话")
    _exact(text, speech.date, "（2024年6月3日）")


def test_a_journals_endnote_gives_the_speechs_date_where_the_front_has_none() -> None:
    text = ("坚持人民城市人民建 推动城市治理现代化※林远山今年3月，我到青川调研。城市治理要坚持以人民为中心。"
            "※这是林远山同志2023年5月8日在全市城市工作会议上的讲话。")
    speech = parse_speech(text)
    _exact(text, speech.date, "2023年5月8日")
    assert speech.date is not None
    assert speech.date.iso == "2023-05-08"
    assert_lossless(text, speech)


@pytest.mark.parametrize("text", [
    # the front's own date stands
    "在全市防汛工作会议上的讲话（2024年6月3日）同志们：入汛以来，全市降雨偏多。※这是2024年7月1日在全市会议上的讲话。",
    # a note naming no date
    "坚持人民城市人民建 推动城市治理现代化※林远山今年3月，我到青川调研。※这是林远山同志讲话的主要部分。",
])
def test_an_endnote_date_does_not_replace_a_front_date_or_come_from_a_note_without_one(text: str) -> None:
    speech = parse_speech(text)
    if "（2024年6月3日）" in text:
        _exact(text, speech.date, "（2024年6月3日）")
    else:
        assert speech.date is None


@pytest.mark.parametrize(("front", "title"), [
    # a site-led path (no 首页) ending in 正文, glued to the title
    ("青禾范文网 > 讲话稿 > 政府讲话 > 正文在全县优化营商环境工作推进会上的讲话", "在全县优化营商环境工作推进会上的讲话"),
    # the path's last step ends in a title word and runs on into a title opening with its place and year
    ("当前位置:首页 > 主持词 > 会议主持词青禾区2024年安全生产工作会议主持词", "青禾区2024年安全生产工作会议主持词"),
])
def test_a_breadcrumb_glued_to_the_title_is_chrome(front: str, title: str) -> None:
    text = front + "区委常委、常务副区长 林清远(2024年3月6日)同志们:现在开会。今天,区委、区政府召开会议,部署全年工作。"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == title
    assert any(front.startswith(c.text.rstrip()) or c.text in front for c in speech.chrome if c.rule == "breadcrumb")


def test_a_breadcrumbs_last_step_split_inside_a_word_stays_with_the_title() -> None:
    """首页 > 领导活动 > 讲话文稿在…的讲话: 讲话 ends a title word inside the step 讲话文稿, and what
    follows opens no title of the place-and-year shape: the step is not cut at it."""
    text = ("首页 > 政务公开 > 领导活动 > 讲话文稿【打印】【关闭】在全区秋冬季大气污染防治攻坚动员会上的讲话"
            "区委常委、副区长　叶书航同志们：今天召开动员会。")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "在全区秋冬季大气污染防治攻坚动员会上的讲话"


def test_a_title_line_that_opens_with_chrome_is_the_rest_of_it() -> None:
    """What the lines read as the title opens with a breadcrumb and holds no title word (a
    portal's headline, its dash subtitle after it): the headline past the breadcrumb."""
    text = ("首页 > 时政要闻 > 正文凝心聚力抓落实　奋勇争先开新局——在全市会议上的讲话（摘要）"
            "市委书记　祁远舟同志们：这次全会的主要任务是部署工作。")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "凝心聚力抓落实　奋勇争先开新局"
    assert [c.text for c in speech.chrome if c.rule == "breadcrumb"] == ["首页 > 时政要闻 > 正文"]


def test_a_breadcrumbs_last_step_before_an_occasion_title() -> None:
    text = ("青禾文库 > 范文大全 > 讲话稿 > 经济工作在中共青禾县委十届五次全会上的讲话范文更新时间：2023-12-28"
            "同志们：这次会议的主要任务是部署明年工作。")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "在中共青禾县委十届五次全会上的讲话"


def test_a_glued_subtitle_takes_its_edition_note_and_ends_before_the_meta_line() -> None:
    text = ("首页 > 时政要闻 > 正文凝心聚力抓落实　奋勇争先开新局——在全市会议上的讲话（摘要）来源：青禾日报"
            "　市委书记　祁远舟同志们：这次全会的主要任务是部署工作。")
    speech = parse_speech(text)
    assert speech.subtitle is not None
    assert speech.subtitle.text == "——在全市会议上的讲话（摘要）"
