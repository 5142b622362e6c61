"""Speaker, subtitle, date and salutation in front matter whose line breaks were lost, or
whose parts do not follow the title directly. All texts are made up for these tests."""

from __future__ import annotations

import pytest

from officialspeech import parse_speech
from officialspeech.model import DateNode, Salutation, TextNode
from spanchecks import assert_lossless


def _exact(text: str, node: TextNode | DateNode | Salutation | None, want: str) -> None:
    assert node is not None, want
    assert node.text == want
    assert text[node.span.start:node.span.end] == want


def _flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


NOTICE = (
    "青山县人民政府办公室关于做好秋季防火工作的通知\n"
    "各乡镇人民政府、街道办事处,县政府各部门、各直属单位:\n"
    "现将有关事项通知如下。\n一、提高认识\n各地要高度重视。\n"
)


@pytest.mark.parametrize("text", [NOTICE, _flat(NOTICE)], ids=["lines", "flat"])
def test_salutation_listing_several_addressees(text: str) -> None:
    speech = parse_speech(text)
    _exact(text, speech.salutation, "各乡镇人民政府、街道办事处,县政府各部门、各直属单位:")
    assert speech.salutation is not None
    assert speech.salutation.addressees == ["各乡镇人民政府", "街道办事处", "县政府各部门", "各直属单位"]
    _exact(text, speech.title, "青山县人民政府办公室关于做好秋季防火工作的通知")
    assert_lossless(text, speech)


REPORT = (
    "政府工作报告\n"
    "——2025年1月15日在青山省第九届人民代表大会第三次会议上\n"
    "青山省省长 周明远\n"
    "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、过去一年工作回顾\n过去一年，我们稳住了经济大盘。\n"
)


@pytest.mark.parametrize("text", [
    _flat(REPORT),
    REPORT.replace("会议上\n青山省", "会议上 青山省"),
    REPORT.replace("会议上\n青山省", "会议上青山省"),
], ids=["flat", "same-line", "same-line-glued"])
def test_speaker_after_the_subtitle_is_cut_from_it(text: str) -> None:
    speech = parse_speech(text)
    _exact(text, speech.title, "政府工作报告")
    _exact(text, speech.subtitle, "——2025年1月15日在青山省第九届人民代表大会第三次会议上")
    _exact(text, speech.speaker, "青山省省长 周明远")
    assert speech.date is not None
    assert speech.date.iso == "2025-01-15"
    _exact(text, speech.salutation, "各位代表：")
    assert_lossless(text, speech)


def test_subtitle_broken_over_two_lines() -> None:
    text = REPORT.replace("第九届人民代表大会", "第九届\n人民代表大会")
    speech = parse_speech(text)
    _exact(text, speech.title, "政府工作报告")
    _exact(text, speech.subtitle, "——2025年1月15日在青山省第九届\n人民代表大会第三次会议上")
    _exact(text, speech.speaker, "青山省省长 周明远")
    assert speech.front == []
    assert_lossless(text, speech)


CONGRESS = (
    "坚定信心\n\n为建设美丽青山而奋斗\n"
    "——在中国共产党青山市第十次代表大会上的报告\n（2025年6月8日）\n李明远\n"
    "同志们：\n现在，我代表第九届市委向大会作报告。\n一、过去五年的工作\n五年来，我们砥砺奋进。\n"
)


def test_flattened_subtitle_then_date_then_bare_name() -> None:
    text = _flat(CONGRESS)
    speech = parse_speech(text)
    _exact(text, speech.title, "坚定信心为建设美丽青山而奋斗")
    _exact(text, speech.subtitle, "——在中国共产党青山市第十次代表大会上的报告")
    _exact(text, speech.date, "（2025年6月8日）")
    assert speech.date is not None
    assert speech.date.iso == "2025-06-08"
    _exact(text, speech.speaker, "李明远")
    assert_lossless(text, speech)


PAGE = (
    "2025年青山省人民政府工作报告\n2025年01月22日 08时15分\n来源:\n青山日报\n【字体：\n大\n中\n小\n】\n分享：\n"
    "2025年1月15日在青山省第九届人民代表大会第三次会议上\n青山省人民政府省长 周明远\n"
    "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、过去一年工作回顾\n过去一年，我们稳住了经济大盘。\n"
)


def test_flattened_subtitle_after_site_chrome() -> None:
    text = _flat(PAGE)
    speech = parse_speech(text)
    _exact(text, speech.title, "2025年青山省人民政府工作报告")
    _exact(text, speech.subtitle, "2025年1月15日在青山省第九届人民代表大会第三次会议上")
    _exact(text, speech.speaker, "青山省人民政府省长 周明远")
    assert speech.date is not None
    assert speech.date.iso == "2025-01-15"
    assert_lossless(text, speech)


NEWS = (
    "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2025年青山省政府工作报告\n"
    "——2025年1月15日在青山省第九届人民代表大会第三次会议上\n来源：青山日报\n时间：2025-01-20\n"
    "青山省人民政府省长 周明远\n{caption}。本报记者 李华 摄\n"
    "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、过去一年工作回顾\n过去一年，我们稳住了经济大盘。\n"
)


@pytest.mark.parametrize("caption", ["周明远作政府工作报告", "省长周明远代表省人民政府作政府工作报告"])
def test_flattened_speaker_after_chrome_with_the_name_said_again(caption: str) -> None:
    text = _flat(NEWS.format(caption=caption))
    speech = parse_speech(text)
    _exact(text, speech.title, "2025年青山省政府工作报告")
    _exact(text, speech.subtitle, "——2025年1月15日在青山省第九届人民代表大会第三次会议上")
    _exact(text, speech.speaker, "青山省人民政府省长 周明远")
    assert_lossless(text, speech)


SCRIPT = (
    "编号:20257788\n县委常委、县政府负责人\n全县冬春季防火工作会议上的主持词\n202X/X/XX\n"
    "全县冬春季防火工作会议上的主持词\n县委常委、县政府负责人xxx\n(二〇二五年十一月三日)\n"
    "同志们:\n现在开会。今天的会议主要有三项议程。\n"
)


@pytest.mark.parametrize("text", [SCRIPT, _flat(SCRIPT)], ids=["lines", "flat"])
def test_moderator_script_placeholder_speaker_then_date(text: str) -> None:
    speech = parse_speech(text)
    _exact(text, speech.title, "全县冬春季防火工作会议上的主持词")
    _exact(text, speech.speaker, "县委常委、县政府负责人xxx")
    _exact(text, speech.date, "(二〇二五年十一月三日)")
    assert speech.date is not None
    assert speech.date.iso == "2025-11-03"
    assert_lossless(text, speech)


KITE = "青山风筝节开幕式致辞\n王小红\n青山风筝节开幕式致辞\n各位领导、各位来宾:\n今天我们欢聚一堂。\n"


@pytest.mark.parametrize("text", [KITE, _flat(KITE)], ids=["lines", "flat"])
def test_author_name_between_two_copies_of_the_title(text: str) -> None:
    speech = parse_speech(text)
    _exact(text, speech.title, "青山风筝节开幕式致辞")
    assert speech.title is not None
    assert speech.title.span.start == 0
    _exact(text, speech.speaker, "王小红")
    assert_lossless(text, speech)
    # a title said twice is no office and name (市长 欢迎词)
    text = "首页 > 范文 > 致辞 > 市长欢迎词市长欢迎词2024-09-01 08:30:00   来源:   点击:    尊敬的各位来宾:欢迎你们!"
    speech = parse_speech(text)
    _exact(text, speech.title, "市长欢迎词")
    assert speech.speaker is None
    assert_lossless(text, speech)


def test_flattened_title_then_office_and_name_then_date() -> None:
    text = "在全县经济工作会议上的讲话县委书记 王明（2025年1月5日）同志们：今天我们召开会议。一、认清形势\n形势严峻。"
    speech = parse_speech(text)
    _exact(text, speech.title, "在全县经济工作会议上的讲话")
    _exact(text, speech.speaker, "县委书记 王明")
    _exact(text, speech.date, "（2025年1月5日）")
    assert_lossless(text, speech)
    # a word after the subtitle is no bare name: it needs a date before it
    text = "在全市招商引资大会上的讲话——在全市招商引资大会上的讲话提纲同志们：今天开会。"
    speech = parse_speech(text)
    assert speech.speaker is None
    assert_lossless(text, speech)


# ---------------------------------------------------------------- review fixes (made-up text)


def test_a_subtitle_with_a_word_holding_shang_stays_whole() -> None:
    text = "在全市经济运行调度会议上的讲话\n——在全市上半年经济运行调度点评上\n同志们：\n今天我们召开会议。"
    speech = parse_speech(text)
    assert speech.subtitle is not None
    assert speech.subtitle.text == "——在全市上半年经济运行调度点评上"
    assert speech.front == []
    text = "在全市经济运行调度会议上的讲话\n——在全市上半年经济运行调度点评上 市长 王强\n同志们：\n今天我们召开会议。"
    speech = parse_speech(text)
    assert speech.subtitle is not None
    assert speech.speaker is not None
    assert speech.subtitle.text == "——在全市上半年经济运行调度点评上"
    assert speech.speaker.text == "市长 王强"


def test_a_subtitle_with_a_note_after_it_is_not_split() -> None:
    text = "在全市经济工作会议上的讲话\n——2024年1月5日在全县工作会议上（根据录音整理）\n同志们：\n今天我们召开会议。"
    speech = parse_speech(text)
    assert speech.subtitle is not None
    assert speech.subtitle.text == "——2024年1月5日在全县工作会议上（根据录音整理）"
    assert speech.front == []
    assert speech.date is not None
    assert speech.date.iso == "2024-01-05"


def test_a_word_after_the_date_is_no_speaker() -> None:
    for text, word in (
        ("在全市经济工作会议上的讲话（2024年1月5日）上午同志们：今天我们召开会议。", "上午"),
        ("在全市经济工作会议上的讲话2024年1月5日定稿同志们：今天我们召开会议。", "定稿"),
        ("在全市经济工作会议上的讲话（2024年1月5日）\n上午\n同志们：\n今天我们召开会议。", "上午"),
        ("在全市经济工作会议上的讲话\n（2024年1月5日）\n提纲\n同志们：\n今天我们召开会议。", "提纲"),
    ):
        speech = parse_speech(text)
        assert speech.speaker is None, (text, speech.speaker)
        assert speech.date is not None
        assert speech.date.iso == "2024-01-05"
        assert [f.text for f in speech.front] == [word]


def test_a_bare_date_line_under_the_subtitle_is_the_date_not_a_page_time_stamp() -> None:
    text = "坚定信心 砥砺前行\n——在市委全会上的讲话\n2024年1月5日\n同志们：\n这次全会很重要。\n"
    speech = parse_speech(text)
    assert speech.date is not None
    assert speech.date.text == "2024年1月5日"
    assert speech.date.iso == "2024-01-05"
    assert speech.chrome == []
    assert_lossless(text, speech)
    # a time stamp with its time is still the page's
    stamped = "2024年1月6日 09:30\n" + text
    assert [c.rule for c in parse_speech(stamped).chrome] == ["timestamp"]


def test_a_labelled_lecturer_line_is_the_speaker_not_part_of_the_title() -> None:
    text = "党课讲稿：学习贯彻全会精神\n主讲人：张明\n同志们：\n今天我讲一次党课。\n"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "党课讲稿：学习贯彻全会精神"
    assert speech.speaker is not None
    assert speech.speaker.text == "主讲人：张明"
    assert_lossless(text, speech)


def test_a_note_under_the_title_is_neither_title_nor_speaker() -> None:
    text = "在全省宣传工作会议上的讲话\n（根据录音整理）\n同志们：\n这次会议开得很好。\n"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "在全省宣传工作会议上的讲话"
    assert [p.text for p in speech.front] == ["（根据录音整理）"]
    assert_lossless(text, speech)


def test_a_site_line_above_a_complete_title_is_not_the_title() -> None:
    text = "青山市人民政府门户网站\n在全市招商引资大会上的讲话\n联系电话\n各位企业家朋友：\n大家好！\n"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "在全市招商引资大会上的讲话"
    assert_lossless(text, speech)


def test_a_title_whose_first_line_opens_a_frame_goes_on_on_the_next() -> None:
    text = "青山市人民政府办公厅关于加强城市\n\n管理工作的通知\n各区人民政府：\n现将有关事项通知如下。\n"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "青山市人民政府办公厅关于加强城市\n\n管理工作的通知"
    assert_lossless(text, speech)
