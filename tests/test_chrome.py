"""Stage chrome: site chrome around a speech becomes metadata, not body."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import parse_speech


def test_site_chrome_becomes_metadata_not_body() -> None:
    text = (
        "分享\n在全镇防汛工作会议上的讲话.docx\n下载文档\nID:123456\n大小:20.5KB\n页数:3页\n格式:DOCX\n"
        "时间:2024-06-01\n温馨提示:\n1. 文件下载后可编辑。\n2. 如有疑问请联系客服。\n网站客服:400123\n"
        "在全镇防汛工作会议上的讲话\n同志们：\n当前已进入主汛期，形势严峻，任务艰巨。一、压实责任\n要层层落实。\n"
        "此文档下载收益归作者所有\n下载文档\n收起\n"
    )
    speech = parse_speech(text)
    meta = speech.metadata
    assert (meta.title, meta.format, meta.pages, meta.date, meta.id) == (
        "在全镇防汛工作会议上的讲话", "DOCX", 3, "2024-06-01", "123456")
    assert speech.title is not None
    assert speech.title.text == "在全镇防汛工作会议上的讲话"
    body = "".join(text[b.span.start:b.span.end] for b in speech.body)
    for chrome in ("温馨提示", "下载文档", "此文档", "收起", "客服"):
        assert chrome not in body


SHARED_PAGE = """返回
清风文档网
上传人：wk_2024
计划总结 | 312次阅读 | 25次下载
文档格式：.docx　文档页数：4页　文档大小：36K
打开APP
【字体：大 中 小】【打印】【关闭】
在全县秋粮收购工作会议上的讲话
——2024年10月8日
各位同志：
今天召开会议，部署秋粮收购工作。
一、提高认识
秋粮收购事关农民切身利益。
二、压实责任
各乡镇要守土有责。
网站标识码3601000002　赣ICP备05004415号
"""


def test_a_sharing_page_keeps_its_buttons_and_site_lines_out_of_the_title() -> None:
    speech = parse_speech(SHARED_PAGE)
    assert speech.title is not None
    assert speech.title.text == "在全县秋粮收购工作会议上的讲话"
    assert speech.salutation is not None
    assert [s.marker for s in speech.sections()] == ["一、", "二、"]
    rules = {c.text: c.rule for c in speech.chrome}
    for line in ("清风文档网", "上传人：wk_2024", "计划总结 | 312次阅读 | 25次下载", "打开APP",
                 "【字体：大 中 小】【打印】【关闭】", "网站标识码3601000002　赣ICP备05004415号"):
        assert line in rules, line
    assert speech.metadata.pages == 4
    assert speech.metadata.format == "DOCX"


def test_the_title_is_the_line_its_subtitle_follows() -> None:
    # a lone short line above (a name, here read as the speaker) does not make the first
    # title-like line the title
    text = "王强\n智慧党建平台\n在全市基层党建工作推进会上的讲话\n——2024年3月2日\n同志们：\n今天开会。\n一、抓好学习\n要抓学习。\n"
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "在全市基层党建工作推进会上的讲话"
    assert speech.date is not None
    assert speech.date.iso == "2024-03-02"


@cache
def shared_lines(shared_dir: Path) -> frozenset[str]:
    """Every line of the shared corpus and wild texts, stripped (read once for the tests below)."""
    texts = sorted((shared_dir / "corpus" / "texts").glob("*.txt")) + sorted((shared_dir / "wild" / "texts").glob("*.txt"))
    return frozenset(ln.strip() for f in texts for ln in f.read_text("utf-8", errors="replace").splitlines())


def test_the_first_character_test_of_a_chrome_rule_never_skips_a_line_it_matches(shared_dir: Path) -> None:
    from officialspeech.vocab import chrome_rules

    lines = shared_lines(shared_dir) | {ln.strip() for ln in SHARED_PAGE.splitlines()}
    tested = 0
    for rule in chrome_rules().lines:
        if rule.first is None:
            continue
        tested += 1
        for line in lines:
            if line and rule.pattern.match(line):
                assert rule.first.match(line), (rule.name, line)
    assert tested >= 10  # most rules open with characters that can be told


def test_the_required_characters_of_a_chrome_rule_stand_in_every_line_it_matches(shared_dir: Path) -> None:
    from officialspeech.vocab import chrome_rules

    lines = shared_lines(shared_dir) | {ln.strip() for ln in SHARED_PAGE.splitlines()}
    tested = matched = 0
    for rule in chrome_rules().lines:
        if not rule.required:
            continue
        tested += 1
        for line in lines:
            m = rule.pattern.search(line)
            if m:
                matched += 1
                assert rule.required <= set(m.group()), (rule.name, line)
    assert tested >= 8
    assert matched >= 20  # the rules do match lines of the shared texts


def test_a_line_a_chrome_rule_matches_holds_a_character_of_each_of_its_sets(shared_dir: Path) -> None:
    from officialspeech.parse.chrome import _salutation_needs
    from officialspeech.parse.markers import salutation
    from officialspeech.vocab import chrome_rules

    lines = shared_lines(shared_dir) | {ln.strip() for ln in SHARED_PAGE.splitlines()}
    tested = matched = 0
    for rule in chrome_rules().lines:
        tested += bool(rule.needs)
        for line in lines:
            m = rule.pattern.search(line)
            if m:
                matched += 1
                for chars in rule.needs:
                    assert set(chars) & set(m.group()), (rule.name, line, chars)
    assert tested >= 34  # nearly every rule needs some character
    assert matched >= 20
    for inline in chrome_rules().inline:
        tested += bool(inline.needs)
        for line in lines:
            for m in inline.pattern.finditer(line):
                matched += 1
                assert all(set(chars) & set(m.group()) for chars in inline.needs), (inline.name, line)
    assert tested >= 50  # (the inline rules too)
    assert _salutation_needs()  # (a colon, and a word of address)
    said = 0
    for line in lines:
        m = salutation().match(line)
        if m:
            said += 1
            assert all(set(chars) & set(m.group()) for chars in _salutation_needs()), line
    assert said >= 20


def test_required_sets_are_sets_every_match_holds_one_of() -> None:
    from officialspeech.firsts import required_sets

    assert required_sets(r"^(?:来源|时间)[:：]$") == (":：", "时来")
    assert required_sets(r"(?:甲乙|乙丙)丁") == ("丁", "乙甲")
    assert required_sets(r"[^ab]c[\p{Han}x]") == ("c",)  # a negated class or a category is no set
    assert required_sets(r"(?i)abc") == ()
    assert required_sets(r"a*b?c{0,2}") == ()


def test_the_widths_of_a_chrome_rule_bound_every_line_it_matches(shared_dir: Path) -> None:
    from officialspeech.vocab import chrome_rules

    lines = shared_lines(shared_dir) | {ln.strip() for ln in SHARED_PAGE.splitlines()}
    bounded = matched = 0
    for rule in chrome_rules().lines:
        fewest, most = rule.widths
        bounded += fewest > 0
        for line in lines:
            m = rule.pattern.match(line) if rule.match != "suffix" else rule.pattern.search(line)
            if m and (rule.match != "line" or m.end() == len(line)):
                matched += 1
                assert fewest <= len(m.group()) <= most, (rule.name, line)
                assert fewest <= len(line) <= most, (rule.name, line)
    assert bounded >= 30  # nearly every rule needs a few characters
    assert matched >= 20


def test_the_first_character_test_of_a_chrome_block_never_skips_a_start_line(shared_dir: Path) -> None:
    from officialspeech.vocab import chrome_rules

    lines = shared_lines(shared_dir) | {"相关文档", "猜你喜欢：", "来源：", "温馨提示："}
    started = 0
    for block in chrome_rules().blocks:
        assert block.first is not None
        for line in lines:
            if line and block.start.match(line):
                started += 1
                assert block.first.match(line), (block.name, line)
    assert started >= 4


def test_match_widths_are_the_fewest_and_most_characters_of_a_match() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from officialspeech.firsts import match_widths

    assert match_widths(r"^(?:分享|收藏)$") == (2, 2)
    assert match_widths(r"^[\p{Han}A-Z]{2,5}(?=\S)") == (2, 5)
    assert match_widths(r"^(?P<d>\d{4})年|^(?P<d>\d{2})月") == (3, 5)  # a group name used twice
    assert match_widths(r"(?:abc){e<=1}") is None  # fuzzy: `re` would read the braces as text
    assert match_widths(r"(?i)ß") is None  # full case folding may match two characters
    unbounded = match_widths(r"a+")
    assert unbounded is not None
    assert unbounded[1] > 10**9  # no bound

    import regex

    pattern = regex.compile(r"^(?:[0-9]{1,3}|x[\p{Han}]?)(?:-|——)?$")
    fewest, most = match_widths(pattern.pattern) or (0, 0)

    @given(st.text(alphabet="0123x中-—", max_size=8))
    def check(s: str) -> None:
        m = pattern.match(s)
        if m:
            assert fewest <= len(m.group()) <= most

    check()


def test_the_last_character_test_of_a_chrome_rule_never_skips_a_line_it_matches(shared_dir: Path) -> None:
    from officialspeech.vocab import chrome_rules

    lines = shared_lines(shared_dir) | {ln.strip() for ln in SHARED_PAGE.splitlines()} | set(COLLECTION_LINES)
    tested = matched = 0
    for rule in chrome_rules().lines:
        if rule.last is None:
            continue
        tested += 1
        for line in lines:
            if not line:
                continue
            m = rule.pattern.search(line) if rule.match == "suffix" else rule.pattern.match(line)
            if m and m.end() > m.start() and (rule.match == "suffix" or m.end() == len(line)):
                matched += 1
                assert rule.last.match(line[-1]), (rule.name, line)
    assert tested >= 8  # whole-line and $-anchored suffix rules whose end can be told
    assert matched >= 10


COLLECTION_LINES = tuple("在全镇安全生产工作会议上的讲话" + end for end in ("_某某范文网", " - 豆丁网", "（通用3篇）", "3篇", "（精选）"))


def test_the_last_characters_are_read_off_the_end_of_a_pattern() -> None:
    from officialspeech.firsts import last_class, last_items

    assert last_items(r"[（(]\d{1,3}篇[）)]$") == {"）", r"\)"}
    assert last_items(r"(?:网|文库)$") == {"网", "库"}
    assert last_items(r"[0-9]{1,3}篇(?<=讲话[0-9]{1,3}篇)$") == {"篇"}  # (a lookbehind at the end: zero width)
    assert last_items(r"范文(?:大全)?$") is None  # an optional end
    assert last_items(r"\w+$") is None  # re and regex differ on \w
    assert last_items(r"(?i)abc$") is None
    last = last_class(r"(?:_|\s-\s)(?:豆丁网|百度文库)$")
    assert last is not None
    assert last.match("网")
    assert last.match("库")
    assert not last.match("话")


def test_the_loose_first_characters_look_past_an_optional_start() -> None:
    import re

    from officialspeech.firsts import first_class, first_items

    assert first_items("^(?:文档)?格式") is None  # the marker scanner's strict reading
    assert first_items("^(?:文档)?格式", loose=True) == {"文", "格"}
    assert first_items(r"^\d{4}年|^\s*第", loose=True) == {r"\d", r"\s", "第"}
    assert first_items(r"^a?", loose=True) is None  # may match empty: every line is tried
    assert first_items(r"^\w+", loose=True) is None  # re and regex differ on \w
    first = first_class(r"^(?:当前位置[:：]\s*)?(?:首页|主页)\s*>")
    assert first is not None
    for line in ("当前位置：首页 > 新闻", "首页 > 新闻", "主页>"):
        assert re.match(r"^(?:当前位置[:：]\s*)?(?:首页|主页)\s*>", line)
        assert first.match(line)
    assert not first.match("新闻 > 首页")


def test_required_characters_are_those_every_match_holds() -> None:
    from officialspeech.firsts import required_chars

    assert required_chars(r"^(?:文档)?格式[:：]\d+页") == {"格", "式", "页"}
    assert required_chars(r"(?:甲乙|乙丙)丁") == {"乙", "丁"}
    assert required_chars(r"(?i)abc") == frozenset()
    assert required_chars(r"a*b?c{0,2}") == frozenset()


PRINT_NOTES = ["（新华社北京5月8日电）《 人民日报 》（ 2025年05月09日 02 版）",
               "（新华社成都5月8日电）\u3000\u3000《光明日报》（2025年5月9日 3版）",
               "《 青山日报 》（ 2025年05月09日 01 版）"]


def test_a_reprinted_speech_ends_with_its_print_note_as_chrome() -> None:
    from spanchecks import assert_lossless

    for note in PRINT_NOTES:
        for sep in ("", "\u3000\u3000", "\n"):
            text = ("同志们：今天我们召开全市安全生产工作会议。一、提高认识要高度重视安全生产。"
                    "二、压实责任要层层落实。我相信，只要我们共同努力，就一定能够完成任务！" + sep + "谢谢大家。" + note)
            speech = parse_speech(text)
            assert [c.text for c in speech.chrome] == [note], (note, sep)
            assert speech.closing is not None, (note, sep)
            assert speech.closing.text == "谢谢大家。"
            assert speech.metadata.source in ("人民日报", "光明日报", "青山日报")
            assert_lossless(text, speech)
    # a note inside a line, not closing it, is text
    inside = "同志们：今天我们学习" + PRINT_NOTES[0] + "刊登的文章。"
    assert parse_speech(inside).chrome == []


# the lines a news or government page sets under (and over) the text
PAGE_LINES = [
    ("上一篇：在全市防汛工作会议上的讲话", "pager"), ("下一篇：没有了", "pager"), ("【纠错】", "actions"),
    ("分享到：", "actions"), ("打印本页 关闭窗口", "actions"), ("收藏 举报", "actions"), ("查看更多>>", "actions"),
    ("（责任编辑：张三）", "bracketed_note"), ("（来源：青山日报）", "bracketed_note"),
    ("网站地图 | 联系我们 | 关于我们", "footer"), ("版权所有：青山市人民政府 主办单位：青山市人民政府办公室", "footer"),
    ("copyright © 2024 example.com All Rights Reserved", "footer"), ("本文来源于网络，仅供参考", "footer"),
    ("免责声明：本站文章仅供学习参考", "footer"), ("原标题：在全市工作会议上的讲话", "original_title"),
    ("稿源：新华社", "source"), ("字号：T|T", "font_size"), ("相关新闻", "related"), ("热点推荐", "related"),
    ("本文档由用户上传，如有侵权请联系删除", "upload_note"), ("如有侵权请联系删除", "upload_note"),
    ("阅读已结束，下载本文需要 3 积分", "read_limit"), ("试读已结束", "read_limit"),
    ("分享到：微信 微博 QQ空间", "share_to"), ("下载此文档", "action"), ("©2023 青山文库 版权所有", "footer"),
    ("下载此文档需要 3 积分　立即下载", "download_cost"), ("还剩2页未读，继续阅读", "read_limit"),
    ("相关文档推荐", "related"), ("青山文库版权所有　投诉举报 | 联系我们 | 用户协议", "copyright"),
    ("下载提示：1.本站不保证该用户上传的文档完整性，不予受理。2.该文档所得收入归上传者所有。", "download_notice"),
    ("版权声明：本文内容由互联网用户自发贡献，本站不拥有所有权。", "download_notice"),
    ("VIP会员可免费下载全站文档 立即开通>>", "vip_offer"), ("开通VIP", "vip_offer"),
    ("文档页数:3 | 浏览:862 | 上传日期:2022-11-03 | 贡献者:", "meta_bar"),
]


def test_chrome_under_the_text_that_reads_like_a_sentence_does_not_end_the_search_for_chrome() -> None:
    # the upload note has a comma, a full stop and a dozen Han characters, like a sentence of
    # the speech: it is still chrome, and so are the page lines above it and the closing is found
    tail = ["下载此文档", "举报", "相关文档", "年度述职述廉报告.docx", "本文档由用户上传，版权归原作者所有，如有侵权请联系删除。",
            "©2021 青山文库 版权所有"]
    speech = parse_speech(TALK + "\n".join(tail) + "\n")
    assert [c.text for c in speech.chrome] == tail
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"


def test_a_sentence_of_the_speech_after_its_closing_stays_text() -> None:
    text = TALK + "本次会议由市政府办公室承办，会期一天，请各单位做好准备。\n"
    assert parse_speech(text).chrome == []


@pytest.mark.parametrize("label", ["文档介绍：", "内容简介", "摘要："])
def test_a_sharing_page_label_over_the_text_is_no_title(label: str) -> None:
    speech = parse_speech(label + "\n" + TALK)
    assert [(c.text, c.rule) for c in speech.chrome] == [(label, "doc_label")]
    assert speech.title is not None
    assert speech.title.text == "在全市工作会议上的讲话"
TALK = "在全市工作会议上的讲话\n同志们：\n一、提高认识\n要高度重视。\n二、狠抓落实\n要抓好落实。谢谢大家！\n"


@pytest.mark.parametrize(("line", "rule"), PAGE_LINES)
def test_page_lines_under_the_text_are_chrome(line: str, rule: str) -> None:
    text = TALK + line + "\n"
    speech = parse_speech(text)
    assert [(c.text, c.rule) for c in speech.chrome] == [(line, rule)]
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"
    assert all(line not in text[b.span.start:b.span.end] for b in speech.body)


def test_a_bracketed_source_note_names_the_source() -> None:
    assert parse_speech(TALK + "（来源：青山日报）\n").metadata.source == "青山日报"


@pytest.mark.parametrize("line", ["下一篇文章要写好。", "版权所有的保护要加强。"])
def test_such_words_inside_the_speech_stay_text(line: str) -> None:
    text = TALK.replace("要高度重视。", "要高度重视。" + line)
    speech = parse_speech(text)
    assert speech.chrome == []


_NEED_CHARS = "：:来源时间ab-0123456789文编"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_NEED_CHARS + "xyz 。", max_size=30),
       st.lists(st.text(alphabet=_NEED_CHARS, min_size=1, max_size=20), max_size=4))
def test_holds_is_a_character_of_each_set(text: str, needs: list[str]) -> None:
    from officialspeech.firsts import holds

    # (sets of one, a few and many characters: the substring, loop and set tests)
    assert holds(text, tuple(needs)) == all(any(ch in text for ch in chars) for chars in needs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_NEED_CHARS + "xyz 。", max_size=30),
       st.lists(st.lists(st.text(alphabet=_NEED_CHARS, min_size=1, max_size=12), max_size=3), max_size=8))
def test_a_needs_index_finds_in_order_the_items_whose_sets_a_text_holds(text: str, needs: list[list[str]]) -> None:
    from officialspeech.firsts import NeedsIndex, holds

    items = [(i, tuple(n)) for i, n in enumerate(needs)]  # (any set may come first: the index keys on it)
    assert NeedsIndex(items).holding(text) == [i for i, n in items if holds(text, n)]


def test_a_spaced_slogan_title_over_its_dash_subtitle_is_the_title_not_keywords() -> None:
    text = ("守初心　担使命　勇作为\n——在全县青年干部培训班上的党课讲稿\n同志们：\n今天开课。\n"
            "一、守初心\n要守初心。\n二、担使命\n要担使命。\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "守初心　担使命　勇作为"
    assert speech.subtitle is not None
    assert speech.subtitle.text.startswith("——在全县")
    assert speech.chrome == []
    # the same words over the title line of a sharing page are its keyword list
    listed = "2024 党课 讲稿 青年\n在全县青年干部培训班上的讲话\n同志们：\n今天开课。\n"
    assert [(c.text, c.rule) for c in parse_speech(listed).chrome] == [("2024 党课 讲稿 青年", "keywords")]


def test_a_site_navigation_bar_above_the_title_is_chrome() -> None:
    text = "青山大学新闻网 | 首页 | 学校要闻 | 综合新闻 | 视频\n奋楫扬帆启新程\n——青山大学2026年新年致辞\n各位老师、同学们：\n新年好！\n"
    speech = parse_speech(text)
    assert [c.rule for c in speech.chrome] == ["nav_bar"]
    assert speech.title is not None
    assert speech.title.text == "奋楫扬帆启新程"
    # label:value fields between bars are the page's stats, read by their own rules
    stats = "上传者:某某 | 格式:DOC | 页数:4页\n在全县工作会议上的讲话\n同志们：\n今天开会。\n"
    assert "nav_bar" not in [c.rule for c in parse_speech(stats).chrome]


def test_a_navigation_bar_whose_items_hold_a_space_is_chrome() -> None:
    text = "青简文档网 首页 | 文档分类 | 上传文档 | 登录 注册\n在全区工作会议上的讲话\n同志们：\n今天开会。\n"
    speech = parse_speech(text)
    assert [c.rule for c in speech.chrome] == ["nav_bar"]
    assert speech.title is not None
    assert speech.title.text == "在全区工作会议上的讲话"


@pytest.mark.parametrize(("line", "rule"), [
    ("【字体：大 中 小】　　分享到：", "font"),  # pieces set apart by ideographic space
    ("【打印本页】  【关闭窗口】", "actions"),  # …or by two spaces
    ("发布时间：2025-01-22 16:30\u3000来源：某某新闻办公室\u3000【字体：大 中 小】", "time"),
])
def test_a_line_of_chrome_pieces_set_apart_by_wide_space_is_chrome(line: str, rule: str) -> None:
    text = "在全县工作会议上的讲话\n" + line + "\n同志们：\n今天开会。\n"
    speech = parse_speech(text)
    assert [(c.text, c.rule) for c in speech.chrome] == [(line, rule)]
    assert speech.title is not None
    assert speech.title.text == "在全县工作会议上的讲话"


def test_a_line_with_one_piece_that_is_not_chrome_stays_text() -> None:
    # a speaker line: the role and the name between wide space are no chrome
    text = "在全县工作会议上的讲话\n县委书记　　李明\n同志们：\n今天开会。\n"
    speech = parse_speech(text)
    assert speech.chrome == []
    assert speech.speaker is not None
    assert speech.speaker.text == "县委书记　　李明"


def test_a_portal_title_suffix_naming_the_government_is_cut_and_the_restated_title_kept_alone() -> None:
    text = ("全县召开2024年安全生产工作会议_棠浦县人民政府\n首页 > 新闻中心 > 政务要闻\n"
            "全县召开2024年安全生产工作会议\n来源：县应急管理局\n3月5日上午，全县安全生产工作会议召开。会议要求抓好落实。\n")
    speech = parse_speech(text)
    assert ("_棠浦县人民政府", "title_site") in [(c.text, c.rule) for c in speech.chrome]
    assert speech.title is not None
    assert speech.title.text == "全县召开2024年安全生产工作会议"
    assert speech.title.span.start == text.index("\n全县召开") + 1


def test_a_page_marker_line_is_the_page_markers_not_chrome() -> None:
    # 第 4 页 共 4 页 reads like a line of spaced keywords too; it is a page marker only
    text = TALK.replace("二、狠抓落实", "第 1 页 共 2 页\n二、狠抓落实") + "第 2 页 共 2 页\n相关文档\n"
    speech = parse_speech(text)
    assert [p.text for p in speech.page_markers] == ["第 1 页 共 2 页", "第 2 页 共 2 页"]
    assert [c.text for c in speech.chrome] == ["相关文档"]


ARTICLE_TAIL = ("谢谢大家！\nEND\n来源：河川发布\n往期推荐\n在全县一季度经济形势分析会上的讲话\n"
                "一图读懂｜河川人才新政十条来了\n{last}\n阅读原文\n")


@pytest.mark.parametrize("last", ["重磅！河川县入选省级人才发展改革试验区", "河川县入选省级人才发展改革试验区"])
def test_a_list_of_other_articles_under_the_speech_is_chrome_though_a_headline_holds_a_sentence_mark(
        last: str) -> None:
    # the last headline reads like a sentence (重磅！…): the list still ends the speech
    text = ("在全县人才工作会议上的讲话\n同志们：\n一、抓好人才引进\n要拓宽渠道，今年组织招聘会不少于30场，吸引更多青年人才来河川创业。\n"
            + ARTICLE_TAIL.format(last=last))
    speech = parse_speech(text)
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"
    rules = {c.text: c.rule for c in speech.chrome}
    assert rules["往期推荐"] == "related_list"
    assert rules[last] == "related_list"
    assert rules["END"] == "end_mark"


def test_a_recommendation_heading_inside_the_speech_leaves_its_sentences_text() -> None:
    text = ("同志们：\n一、抓好学习\n推荐阅读\n要认真学习，每个支部每月至少组织一次集中学习，学习情况纳入年终考核。\n"
            "二、抓好落实\n要压实责任，确保各项任务落到实处，年底前全面完成。\n谢谢大家！\n")
    speech = parse_speech(text)
    assert [c.text for c in speech.chrome] == []
    assert speech.closing is not None


TRADITIONAL_PAGE = (
    "署長在年度工作會議上的講辭_青嶺政府新聞網\n首頁 > 新聞公報 > 演辭\n署長在年度工作會議上的講辭\n"
    "發佈日期：2024年10月8日　來源：社區服務署\n各位同事、各位朋友：\n"
    "一、回顧過去一年的工作\n過去一年，本署在社區支援方面取得進展。\n"
    "二、訂立來年的工作重點\n來年，本署會集中做好三件事。\n謝謝大家！\n完\n"
    "上一則：社區服務署公佈第三季服務數據\n下一則：署長出席週年晚會致辭\n列印本頁　分享至\n"
    "版權所有 © 2024 青嶺政府新聞網　私隱政策\n"
)


def test_a_page_in_traditional_script_carries_the_same_chrome() -> None:
    from spanchecks import assert_lossless

    # 首頁, 發佈, 來源, 上一則, 列印, 版權: the chrome patterns match both forms of a character
    speech = parse_speech(TRADITIONAL_PAGE)
    rules = [c.rule for c in speech.chrome]
    assert rules == ["title_site", "breadcrumb_line", "time", "pager", "pager", "actions", "footer"]
    assert speech.title is not None
    assert speech.title.text == "署長在年度工作會議上的講辭"
    assert speech.closing is not None
    assert speech.closing.text == "謝謝大家！"
    assert [s.title for s in speech.sections()] == ["回顧過去一年的工作", "訂立來年的工作重點"]
    assert_lossless(TRADITIONAL_PAGE, speech)


def test_chrome_patterns_take_the_variant_of_each_character_they_name() -> None:
    from officialspeech.vocab import chrome_rules

    pager = next(r for r in chrome_rules().lines if r.name == "pager")
    assert pager.pattern.match("下一則：署長出席週年晚會致辭")
    assert pager.pattern.match("下一则：署长出席周年晚会致辞")
    assert not pager.pattern.match("下一個：署長出席週年晚會致辭")


DOC_PAGE = (
    "{title}_青禾文库\n青禾文库 > 行政公文 > 会议纪要\n"
    "上传者：river_0921　页数：2　下载：9次　阅读：3,062　上传时间：2023-06-15\n"
    "客服中心:在线咨询\n{title}\n{issuer}2023年6月9日\n"
    "6月7日下午，区政府召开专题会议，研究老旧小区改造工作。会议议定如下：一是加快项目进度；二是强化资金保障。\n"
    "声明：本站范文仅供参考，使用时请根据实际情况修改。\n"
)


def test_a_document_page_path_counters_and_service_line_are_chrome() -> None:
    """A site's path that opens with its name (not 首页), a meta line of label：value pieces
    with counters (阅读：3,062) and a bare page count, the customer service line and the
    site's notice under the text are chrome; the page count and date are metadata."""
    title = "青禾区老旧小区改造工作专题会议纪要"
    text = DOC_PAGE.format(title=title, issuer="")
    speech = parse_speech(text)
    rules = {c.rule: c.text for c in speech.chrome}
    assert rules["breadcrumb_path"] == "青禾文库 > 行政公文 > 会议纪要"
    assert rules["uploader"] == "上传者：river_0921　页数：2　下载：9次　阅读：3,062　上传时间：2023-06-15"
    assert rules["service"] == "客服中心:在线咨询"
    assert rules["footer"].startswith("声明：本站范文")
    assert (speech.metadata.pages, speech.metadata.date) == (2, "2023-06-15")
    assert speech.title is not None
    assert speech.title.text == title


def test_the_issuer_between_a_title_and_its_date_is_no_title() -> None:
    """An organisation's name alone on its line between a title and its date (a 纪要's
    issuer) is no title, nor does it anchor one."""
    title = "青禾区老旧小区改造工作专题会议纪要"
    speech = parse_speech(DOC_PAGE.format(title=title, issuer="青禾区人民政府办公室\n"))
    assert speech.title is not None
    assert speech.title.text == title
    assert speech.date is not None
    assert speech.date.iso == "2023-06-09"


@pytest.mark.parametrize("line", ["首页 > 新闻中心 > 领导讲话", "<U+00A0><U+00A0>新华社北京3月5日电", "坚持 > 稳中求进"])
def test_a_path_that_opens_with_home_or_is_no_path_keeps_its_old_reading(line: str) -> None:
    """首页 > … stays the breadcrumb_line rule's; an escaped space (<U+00A0>) or two steps are no path."""
    speech = parse_speech(line + "\n在全县工作会议上的讲话\n同志们：\n今天召开会议。\n")
    rules = [c.rule for c in speech.chrome if c.text == line]
    assert rules == (["breadcrumb_line"] if line.startswith("首页") else [])


def test_a_closing_before_a_tail_of_site_chrome_run_on_after_it() -> None:
    """Line breaks lost: the closing stands before the site's notice and a related-documents
    list split into short pieces (…讲话　4页　阅读1820), none of which ends the speech."""
    text = ("在全市招商引资推进会上的讲话 同志们：今天召开推进会，部署招商引资工作。大家要真抓实干。谢谢大家！"
            "本文档由用户上传，版权归属用户，青禾文库仅提供信息存储空间。如有侵权请联系客服处理。 相关文档 "
            "在全县项目建设动员会上的讲话　4页　阅读1820 招商引资推进会表态发言　3页　阅读956 "
            "市长在营商环境大会上的讲话　6页　阅读2741")
    speech = parse_speech(text)
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"


def test_a_title_with_stray_spaces_is_no_keyword_line() -> None:
    """OCR left spaces inside the title (在全区安全 生产工作会议 上的讲话): its pieces are as short
    as a keyword line's, but it has the occasion shape 在…上的, so it is the title, as written."""
    speech = parse_speech("在全区安全 生产工作会议 上的讲话\n同志们：\n今天召开会议，部署安全生产工作。\n")
    assert speech.title is not None
    assert speech.title.text == "在全区安全 生产工作会议 上的讲话"
    assert not [c for c in speech.chrome if c.rule == "keywords"]
    keywords = parse_speech("2023 妇联 执委会议 讲话\n在市妇联执委会议上的讲话\n同志们：\n今天召开会议。\n")
    assert [c.text for c in keywords.chrome if c.rule == "keywords"] == ["2023 妇联 执委会议 讲话"]


def test_a_reprints_editor_note_digest_and_keywords_are_chrome() -> None:
    """【编者按】… (and 【导读】…) over a reprinted speech reads like content, yet it is the
    page's: chrome wherever it stands, so the lines under it (原标题, 来源, 关键词) are edges too."""
    text = ("青禾党建网 > 理论学习 > 党课讲稿\n【编者按】5月16日，县委书记在培训班上讲了一堂专题党课。现将全文刊发，供学习参考。\n"
            "让青春在基层一线淬火成钢\n（原标题：在全县年轻干部培训班开班式上的专题党课）\n来源：青禾党建网　作者：章望川\n"
            "关键词：年轻干部　基层一线\n同志们：\n今天，县委举办年轻干部培训班。\n")
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "让青春在基层一线淬火成钢"
    rules = {c.text: c.rule for c in speech.chrome}
    assert rules["【编者按】5月16日，县委书记在培训班上讲了一堂专题党课。现将全文刊发，供学习参考。"] == "editor_note"
    assert rules["（原标题：在全县年轻干部培训班开班式上的专题党课）"] == "original_title"
    assert "关键词：年轻干部　基层一线" in rules
