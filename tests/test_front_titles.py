"""Stage front: which line is the document title on pages with datelines, headlines and
letter-spaced titles, on clean lines and with the line breaks lost."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import parse_speech
from spanchecks import assert_lossless

BODY = "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、过去一年的工作\n一年来，全县经济平稳增长。\n"


def _title(text: str) -> str | None:
    speech = parse_speech(text)
    return speech.title.text if speech.title else None


@pytest.mark.parametrize("join", ["\n", ""])
def test_a_news_dateline_is_no_part_of_the_title(join: str) -> None:
    front = ["新华社青山3月6日电", "政府工作报告", "——2024年3月1日在青山县第八届人民代表大会第三次会议上", "县长 李明"]
    text = join.join(front) + join + BODY
    assert _title(text) == "政府工作报告"


@pytest.mark.parametrize("join", ["\n", "", " "])
def test_a_headline_said_again_as_the_title(join: str) -> None:
    front = ["2024年青山县政府工作报告", "政府工作报告", "——2024年3月1日在青山县第八届人民代表大会第三次会议上"]
    text = join.join(front) + join + BODY
    assert _title(text) == "政府工作报告"


def test_a_letter_spaced_title_is_a_title_not_keywords() -> None:
    text = "政 府 工 作 报 告\n——2024年3月1日在青山县第八届人民代表大会第三次会议上\n" + BODY
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "政 府 工 作 报 告"
    assert not speech.chrome


def test_keyword_tags_are_still_chrome() -> None:
    text = "乡村振兴 工作会议 讲话稿\n在全县乡村振兴工作会议上的讲话\n同志们：\n今天开会。\n一、提高认识\n要重视。\n"
    speech = parse_speech(text)
    assert [c.rule for c in speech.chrome] == ["keywords"]
    assert speech.metadata.keywords == ["乡村振兴", "工作会议", "讲话稿"]


@pytest.mark.parametrize("dash", ["--", "—", "－－"])
def test_a_title_glued_to_its_subtitle_by_another_dash(dash: str) -> None:
    text = f"政府工作报告{dash}2024年3月1日在青山县第八届人民代表大会第三次会议上\n" + BODY
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "政府工作报告"
    assert speech.subtitle is not None
    assert speech.subtitle.text.startswith(dash)


def test_a_dash_inside_a_title_without_a_subtitle_after_it_stays() -> None:
    text = "坚持人民至上—做好新时代群众工作\n同志们：\n今天开会。\n一、提高认识\n要重视。\n"
    assert _title(text) == "坚持人民至上—做好新时代群众工作"


def test_a_title_read_out_of_a_glued_front_is_guessed() -> None:
    glued = ("当前位置：首页>要闻动态>本地新闻2025年青山市政府工作报告发布时间：2025-01-20 10:30:00"
             "政府工作报告——2025年1月15日在青山市第八届人民代表大会第三次会议上市长 周明远各位代表：现在，"
             "我代表市人民政府，向大会报告工作。一、过去一年工作回顾过去一年，我们稳住了经济大盘。")
    speech = parse_speech(glued)
    assert speech.title is not None
    assert speech.title.text == "政府工作报告"
    assert speech.title.confidence == "guessed"


def test_front_lines_of_their_own_are_certain() -> None:
    text = "在全县安全生产工作会议上的讲话\n（2024年9月12日）\n县长 王明\n同志们：\n今天开会。\n一、压实责任\n要落实。\n"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.date is not None
    assert speech.speaker is not None
    assert (speech.title.confidence, speech.date.confidence, speech.speaker.confidence) == ("certain",) * 3


@pytest.mark.parametrize("dash", ["――", "——", "－－"])
def test_every_double_dash_opens_a_subtitle_glued_to_its_title(dash: str) -> None:
    text = f"政府工作报告{dash}2024年3月1日在青山县第八届人民代表大会第三次会议上县长 李明" + BODY.replace("\n", "")
    assert _title(text) == "政府工作报告"


_LETTER_BODY = ("我代表省委，向大会的召开表示热烈的祝贺！向全省广大青年致以诚挚的问候！"
                "希望你们坚定理想信念，练就过硬本领，在推进全省高质量发展中贡献青春力量。")


@pytest.mark.parametrize(("word", "opener"), [("贺信", "值此全省青年代表大会召开之际，"),
                                         ("贺电", "欣闻省农业科学院建院七十周年，"),
                                         ("慰问信", "值此新春佳节来临之际，")])
def test_a_letter_title_glued_to_its_first_sentence(word: str, opener: str) -> None:
    text = word + opener + _LETTER_BODY
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == word
    assert speech.title.confidence == "guessed"
    assert speech.body
    assert text[speech.body[0].span.start:].startswith(opener)
    assert_lossless(text, speech)


@pytest.mark.parametrize("text", ["贺信中说，" + _LETTER_BODY, "回信收到以后，" + _LETTER_BODY])
def test_a_sentence_that_opens_with_a_letter_word_has_no_title(text: str) -> None:
    assert parse_speech(text).title is None


_FRONT_PATTERNS = ("subtitle", "glued.subtitle", "dateline_end")
_FRONT_PIECES = ["——", "—", "--", "（", "）", "2024年", "二〇二四年", "3月", "1日", "在", "青山县", "会议", "大会",
                 "上", "的讲话", "新华社", "电", "记者", "李明", " ", "年", "日", "月", "１２"]


def _front_pattern(name: str) -> Any:
    from officialspeech.vocab import vocabulary

    obj: object = vocabulary()
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


# front lines written for this test, so each pattern has lines to match without ../shared
# (a subtitle, a dateline whose agency was wrapped onto the line before, and near misses)
_OWN_FRONT_LINES = ["——在全县2024年经济工作会议上的讲话", "—在青山县干部大会上的讲话", "3月5日电",
                    "2024年3月5日电（记者 李明）", "１２月１日电", "3月5日电讯稿", "新华社青山3月5日"]


def _front_lines() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    texts = [*root.glob("examples/*.txt"), *root.glob("tests/fixtures/**/*.txt")]
    shared = root.parent / "shared"
    texts += [*shared.glob("corpus/texts/*.txt"), *shared.glob("wild/texts/*.txt")]
    lines = [ln for f in texts for ln in f.read_text("utf-8", errors="replace").splitlines()]
    return sorted({ln.strip() for ln in [*lines, *_OWN_FRONT_LINES] if 0 < len(ln.strip()) <= 200})


@pytest.mark.parametrize("name", _FRONT_PATTERNS)
def test_a_front_pattern_matches_only_lines_holding_what_it_needs(name: str) -> None:
    # the front line test skips the pattern on a line without its needed characters: that
    # must never skip a line it matches (the repository's texts, and ../shared when present)
    from officialspeech.firsts import holds

    pattern = _front_pattern(name)
    assert pattern.needs, name  # (each needs some character: else the test spares nothing)
    matched = 0
    for line in _front_lines():
        if pattern.search(line):
            matched += 1
            assert holds(line, pattern.needs), (name, line)
    assert matched >= 1, name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRONT_PIECES), max_size=12))
def test_a_front_pattern_never_matches_a_line_without_what_it_needs(pieces: list[str]) -> None:
    from officialspeech.firsts import holds

    line = "".join(pieces)
    for name in _FRONT_PATTERNS:
        pattern = _front_pattern(name)
        if pattern.search(line):
            assert holds(line, pattern.needs), (name, line)


@pytest.mark.parametrize("date", ["(20xx年x月x日)", "（20XX年X月X日）", "××××年××月××日"])
def test_a_date_line_with_placeholders_is_the_date_not_the_title(date: str) -> None:
    text = f"在XX县区基层治理工作推进会上的讲话\n{date}\nXX县区委书记 ×××\n同志们:\n今天开会。\n"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "在XX县区基层治理工作推进会上的讲话"
    assert speech.date is not None
    assert speech.date.text == date
    assert speech.date.iso is None  # no day to write


def test_a_title_in_traditional_characters_ends_at_its_date_and_speaker() -> None:
    text = ("在第三屆青山國際馬拉松開幕式上的致辭2025年4月12日\n青山市市長　林嘉文\n"
            "尊敬的各位來賓，女士們、先生們：\n大家上午好！\n我謹代表市政府表示熱烈歡迎。\n謝謝大家！\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "在第三屆青山國際馬拉松開幕式上的致辭"
    assert speech.date is not None
    assert speech.date.iso == "2025-04-12"
    assert speech.speaker is not None
    assert speech.speaker.text == "青山市市長　林嘉文"


def test_a_news_page_meta_line_under_the_headline_is_chrome() -> None:
    text = "全市文旅产业发展大会召开\n2024-06-14 08:02　来源：青山日报　编辑：王静\n本报讯 6月13日，全市文旅产业发展大会召开。\n"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "全市文旅产业发展大会召开"
    assert [c.text for c in speech.chrome] == ["2024-06-14 08:02　来源：青山日报　编辑：王静"]


def test_a_line_that_announces_the_speech_is_no_part_of_its_title() -> None:
    # a blurb with a sentence in it, ending with a colon, above the title line
    text = ("以过硬作风护航高质量发展\n青川发布\n5月5日，全区作风建设大会召开，区委书记李明出席会议并讲话。现将讲话全文刊发如下：\n"
            "以过硬作风护航高质量发展\n——在全区作风建设大会上的讲话\n区委书记　李明\n同志们：\n今天召开会议。\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "以过硬作风护航高质量发展"


def test_minutes_are_titled_by_their_title_word() -> None:
    text = ("全市民营经济发展座谈会会议纪要\n〔2025〕第7期\n青山市人民政府办公室　　　　2025年8月14日\n"
            "8月12日下午，市长主持召开座谈会。现将会议议定事项纪要如下：\n一、关于企业融资难问题\n会议议定：建立对接机制。\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "全市民营经济发展座谈会会议纪要"


@pytest.mark.parametrize("masthead", ["青川县第五届人民代表大会第三次会议文件", "青川县人民政府办公室文件", "中共青川县委员会文件"])
def test_a_masthead_line_over_a_short_title_is_no_part_of_it(masthead: str) -> None:
    # (a red-header document's first line: the title under it is whole, though short)
    text = (f"{masthead}\n政府工作报告\n——2024年1月9日在青川县第五届人民代表大会第三次会议上\n各位代表：\n"
            "现在，我代表县人民政府，向大会报告工作，请予审议。\n一、过去一年的工作\n全县经济稳中有进。\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "政府工作报告"
    assert [f.text for f in speech.front] == [masthead]


@pytest.mark.parametrize("named", ["陈立新同志", "县长陈立新", "陈立新书记"])
def test_a_title_restated_with_the_speakers_name_before_it_is_the_headline(named: str) -> None:
    # a portal's headline, then the speech's own head line naming the speaker over its date
    title = "在全县冬春安全生产工作会议上的讲话"
    text = (f"青川县人民政府\n{title}\n来源：县政府办公室　发布时间：2023-11-08 10:25\n{named}{title}\n（2023年11月6日）\n"
            "同志们：\n今天召开全县冬春安全生产工作会议，部署今冬明春安全防范工作。\n一、认清形势\n全县安全生产形势总体平稳。\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == title
    assert speech.speaker is not None
    assert speech.speaker.text == named  # (the name the restated line sets before the title)
    assert_lossless(text, speech)


def test_a_title_line_longer_than_a_name_before_an_earlier_one_keeps_its_own_words() -> None:
    # the earlier line is the end of the title, not the title restated: 关于…的讲话 is all of it
    text = ("在全县大会上的讲话\n关于全面加强作风建设推动各项工作落实在全县大会上的讲话\n（2023年11月6日）\n"
            "同志们：\n今天召开全县大会，部署作风建设工作。\n一、认清形势\n全县形势总体平稳。\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "关于全面加强作风建设推动各项工作落实在全县大会上的讲话"


def test_label_lines_of_a_reply_page_are_no_title() -> None:
    # a message board's reply: 答复单位：…, 答复时间：… under the question's headline
    text = ("关于老旧小区加装电梯补贴政策的咨询\n留言内容：\n小区建于上世纪九十年代，请问补贴标准是多少？\n"
            "答复单位：青川县住房和城乡建设局\n答复时间：2024-03-27 16:10\n尊敬的网友：\n您好！您的留言收悉。\n"
            "一、关于补贴标准\n对符合条件的项目给予补贴。\n二、关于申请材料\n请向街道提交申请。\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "关于老旧小区加装电梯补贴政策的咨询"
