"""Stage points: enumerations inside paragraphs, their series and leads."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import Point, Speech, parse_speech


def _leads(speech: Speech) -> list[tuple[str, int, str]]:
    return [(p.marker, p.number, p.lead) for p in speech.points()]


def test_numbered_list_inside_a_paragraph_is_points() -> None:
    text = "同志们：\n今年要办好十件实事：（1）新增就业5万人；（2）改造老旧小区30个；（3）新建养老机构10所。\n"
    speech = parse_speech(text)
    assert speech.sections() == []
    assert _leads(speech) == [("（1）", 1, "新增就业5万人"), ("（2）", 2, "改造老旧小区30个"), ("（3）", 3, "新建养老机构10所")]


def test_restarted_point_lists_are_separate_series() -> None:
    text = "同志们：\n一是抓学习。二是抓落实。\n另外，一是要守纪律。二是要讲规矩。三是要重实效。\n"
    speech = parse_speech(text)
    points = speech.points()
    assert [(p.series, p.number) for p in points] == [(0, 1), (0, 2), (1, 1), (1, 2), (1, 2 + 1)]
    assert all(isinstance(p, Point) for p in points)


def test_a_nested_agenda_sequence_is_its_own_series_and_the_outer_goes_on() -> None:
    text = ("同志们：\n首先，请张明同志讲话。下面，请三位同志发言。首先请王刚同志发言；其次请李红同志发言；"
            "最后请赵强同志发言。最后，请李华同志讲话。\n")
    points = parse_speech(text).points()
    assert [(p.marker, p.series, p.number) for p in points] == [
        ("首先", 0, 1), ("下面", 0, 2), ("首先", 1, 1), ("其次", 1, 2), ("最后", 1, 3), ("最后", 0, 3)]


@pytest.mark.parametrize(("text", "expected"), [
    ("同志们：\n第一，要抓学习。一是学理论，二是学业务。第二，要抓落实。第三，要抓作风。\n",
     [("第一，", 0, 1), ("一是", 1, 1), ("二是", 1, 2), ("第二，", 0, 2), ("第三，", 0, 3)]),
    ("同志们：\n首先，讲形势。一是经济稳中向好，二是民生持续改善。其次，讲任务。最后，讲要求。\n",
     [("首先", 0, 1), ("一是", 1, 1), ("二是", 1, 2), ("其次", 0, 2), ("最后", 0, 3)]),
    ("同志们：\n一是抓学习。第一，学理论；第二，学业务。二是抓落实。\n",
     [("一是", 0, 1), ("第一，", 1, 1), ("第二，", 1, 2), ("二是", 0, 2)]),
])
def test_an_enumeration_of_another_family_nests_and_the_outer_goes_on(
        text: str, expected: list[tuple[str, int, int]]) -> None:
    points = parse_speech(text).points()
    assert [(p.marker, p.series, p.number) for p in points] == expected


def test_an_enumeration_two_levels_out_goes_on_after_both_nested_ones() -> None:
    text = ("同志们：\n第一，要抓学习。一是学理论，二是学业务：（1）读原著；（2）写心得。第二，要抓落实。"
            "第三，要抓作风。\n")
    points = parse_speech(text).points()
    assert [(p.marker, p.series, p.number) for p in points] == [
        ("第一，", 0, 1), ("一是", 1, 1), ("二是", 1, 2), ("（1）", 2, 1), ("（2）", 2, 2), ("第二，", 0, 2), ("第三，", 0, 3)]


def test_a_nested_enumeration_does_not_carry_the_outer_one_past_the_gap_limit() -> None:
    from officialspeech.parse.points import MAX_GAP

    filler = "这是正文内容。" * (MAX_GAP // 7 + 100)
    text = f"同志们：\n一是抓学习，二是抓落实。\n{filler}\n第一，学理论；第二，学业务。\n三是抓作风。\n"
    points = parse_speech(text).points()
    assert [(p.marker, p.series, p.number) for p in points] == [
        ("一是", 0, 1), ("二是", 0, 2), ("第一，", 1, 1), ("第二，", 1, 2)]


def test_a_lone_first_point_interrupted_by_another_enumeration_is_no_series() -> None:
    text = "同志们：\n第一，要抓学习。一是学理论，二是学业务。\n第一，要守纪律。第二，要讲规矩。\n"
    points = parse_speech(text).points()
    assert [(p.marker, p.series, p.number) for p in points] == [
        ("一是", 0, 1), ("二是", 0, 2), ("第一，", 1, 1), ("第二，", 1, 2)]


@pytest.mark.parametrize("text", [
    "同志们：\n第一，要抓学习。一是学理论，二是学业务。同时，一是读原著，二是写心得。第二，要抓落实。第三，要抓作风。\n",
    "同志们：\n第一，要抓学习。\n一是学理论；二是学业务。\n另外，一是读原著；二是写心得。\n第二，要抓落实。\n第三，要抓作风。\n",
])
def test_an_enumeration_started_again_inside_a_point_leaves_the_outer_one_going_on(text: str) -> None:
    points = parse_speech(text).points()
    assert [(p.marker, p.series, p.number) for p in points] == [
        ("第一，", 0, 1), ("一是", 1, 1), ("二是", 1, 2), ("一是", 2, 1), ("二是", 2, 2), ("第二，", 0, 2), ("第三，", 0, 3)]


def test_a_lone_point_of_the_nested_family_again_is_no_restart() -> None:
    # one 一是 is no enumeration: a second 一是 does not keep the interrupted 第一 going
    text = "同志们：\n第一，要抓学习。一是学理论。\n一是要守纪律，二是要讲规矩。第二，要抓落实。\n"
    points = parse_speech(text).points()
    assert [(p.marker, p.series, p.number) for p in points] == [("一是", 0, 1), ("二是", 0, 2)]


@pytest.mark.parametrize(("text", "expected"), [
    ("同志们：\n一是深入学习。二是一以贯之抓落实。三是加强领导。\n",
     [("一是", 1, "深入学习"), ("二是", 2, "一以贯之抓落实"), ("三是", 3, "加强领导")]),
    ("同志们：\n一是加强学习。\n二是狠抓落实。\n三是一些突出问题解决得不好。\n四是作风建设有待加强。\n",
     [("一是", 1, "加强学习"), ("二是", 2, "狠抓落实"), ("三是", 3, "一些突出问题解决得不好"), ("四是", 4, "作风建设有待加强")]),
    ("同志们：\n一是2024年要完成任务；二是两岸交流不断深化；三是三农工作扎实推进。\n",
     [("一是", 1, "2024年要完成任务"), ("二是", 2, "两岸交流不断深化"), ("三是", 3, "三农工作扎实推进")]),
    ("同志们：\n一要一以贯之；二要一抓到底。\n", [("一要", 1, "一以贯之"), ("二要", 2, "一抓到底")]),
])
def test_a_point_lead_may_open_with_a_numeral_after_the_verb(text: str, expected: list[tuple[str, int, str]]) -> None:
    # the verb ends the marker: 二是|一以贯之, 三是|一些, not a number run on (unlike 第一|二季度)
    assert _leads(parse_speech(text)) == expected


@pytest.mark.parametrize("text", [
    "同志们：\n我们要坚持一是一，二是二，实事求是。\n",  # an idiom: the leads are bare numbers
    "同志们：\n今年第一二季度经济运行平稳，第三四季度继续向好。\n",  # 第一 before a numeral: no marker
])
def test_no_points_where_a_numeral_runs_on_from_the_marker(text: str) -> None:
    assert _leads(parse_speech(text)) == []


def test_zaici_before_a_verb_is_again_not_a_point() -> None:
    # 再次到访: "again"; 再次，/再次要 after 首先…其次 is the third point (corpus/INDEX.md)
    text = "朋友们：\n首先，我代表中国政府致以问候。再次到访这座城市，这里依旧宁静祥和。最后，我衷心祝愿友谊长青！\n"
    assert [p.marker for p in parse_speech(text).points()] == ["首先", "最后"]
    for sep in ("，", "要"):
        text = f"同志们：\n首先{sep}提高认识。其次{sep}加强领导。再次{sep}狠抓落实。最后{sep}严格考核。\n"
        assert [(p.marker, p.number) for p in parse_speech(text).points()] == [
            ("首先", 1), ("其次", 2), ("再次", 3), ("最后", 4)]


def test_a_sequence_word_takes_the_shi_that_follows_it_into_the_marker() -> None:
    # corpus/INDEX.md: 首先是/其次是 take the 是 into the marker, like 第一是
    text = "同志们：\n首先是提高认识。其次是加强领导。再次是狠抓落实。最后是严格考核。\n"
    assert _leads(parse_speech(text)) == [
        ("首先是", 1, "提高认识"), ("其次是", 2, "加强领导"), ("再次是", 3, "狠抓落实"), ("最后是", 4, "严格考核")]
    # 是否 (whether) is no 是; 首先，/首先要 stay as they were
    text = "同志们：\n首先是否需要讨论，大家发表意见。其次要落实。\n"
    assert _leads(parse_speech(text)) == [("首先", 1, "是否需要讨论，大家发表意见"), ("其次", 2, "要落实")]


@pytest.mark.parametrize("text", [
    "同志们：\n首先，要提高认识。其次，要加强领导。我们相信，坚持到最后是一定能够胜利的。\n",
    "同志们：\n首先，要提高认识。其次，要加强领导。这件事放在最后是有原因的。\n",
])
def test_only_a_first_sequence_word_with_its_shi_stands_glued_to_a_word(text: str) -> None:
    # 坚持到最后是…: the words of a phrase, no third point
    assert [p.marker for p in parse_speech(text).points()] == ["首先", "其次"]


def test_a_dun_is_no_clause_punctuation_that_keeps_a_stripped_lead_whole() -> None:
    # no ，/；/。 in reach, one 、 (a list inside the clause): the lead is cut where the evidence says
    unit = ("加强理论学习深入学习贯彻党的二十大精神、习近平新时代中国特色社会主义思想切实提高政治判断力政治领悟力政治执行力"
            "我们要在学思践悟上下功夫推动各项工作落地见效不断开创工作新局面各级党组织要高度重视把理论学习摆上重要议事日程认真抓好落实确保取得实效")
    leads = [p.lead for p in parse_speech("同志们\n一是" + unit + "二是" + unit + "三是" + unit).points()]
    assert len(leads) == 3
    assert all(0 < len(lead) < len(unit) for lead in leads)


def test_zaici_takes_no_dun() -> None:
    text = "同志们：\n首先，提高认识。其次，加强领导。再次、狠抓落实。\n"
    assert [p.marker for p in parse_speech(text).points()] == ["首先", "其次"]


def test_a_sequence_with_its_shi_may_stand_inside_a_sentence() -> None:
    text = "同志们：\n参与难度提升的原因首先是流动性层面，资金偏紧；其次是产业层面，盈利下滑。\n"
    assert _leads(parse_speech(text)) == [("首先是", 1, "流动性层面，资金偏紧"), ("其次是", 2, "产业层面，盈利下滑")]
    assert _leads(parse_speech("同志们：\n这首先是一个政治问题，必须高度重视。\n")) == []  # a lone 首先是


def test_a_long_lead_with_its_commas_ends_at_its_sentence_end() -> None:
    clause = "持续整治群众身边的不正之风和腐败问题"
    lead = ("建设廉洁政府，深刻汲取违纪违法案件教训，巩固拓展深入贯彻中央八项规定精神学习教育成果，"
            + "，".join([clause] * 5))  # past 120 characters, no 。 or ；
    text = f"同志们：\n一是加强学习。二是狠抓落实。三是{lead}。四是改进作风。\n"
    assert len(lead) > 120
    assert [p.lead for p in parse_speech(text).points()][2] == lead


WRAPPED_SERIES = ["一是", "二是", "三是", "四是"], ["第一，", "第二，", "第三，", "第四，"]


@given(series=st.sampled_from(WRAPPED_SERIES), which=st.integers(0, 3), cut=st.integers(1, 2),
       newline=st.sampled_from(["\n", "\r\n"]))
@settings(max_examples=60, deadline=None)
def test_a_line_wrapped_inside_a_point_marker_keeps_the_series(series: list[str], which: int, cut: int,
                                                                newline: str) -> None:
    # text extracted from a PDF breaks its lines anywhere, also inside a marker (三⏎是, 第三⏎，)
    leads = ["稳增长，经济稳中向好", "促改革，改革深入推进", "惠民生，民生持续改善", "保安全，社会和谐稳定"]
    markers = list(series)
    m = markers[which]
    cut = min(cut, len(m) - 1)
    markers[which] = m[:cut] + newline + m[cut:]
    text = "各位代表：\n一、工作回顾\n过去一年，我们做了四件事。" + "".join(
        mk + lead + "。" for mk, lead in zip(markers, leads, strict=True)) + "\n"
    got = [(p.marker, p.number, p.lead) for p in parse_speech(text).points()]
    assert got == [(mk, i + 1, lead) for i, (mk, lead) in enumerate(zip(markers, leads, strict=True))]


@given(st.lists(st.booleans(), min_size=3, max_size=3), st.sampled_from(["\n", "\r\n"]))
@settings(max_examples=30, deadline=None)
def test_a_line_break_after_the_marker_is_no_part_of_the_lead(breaks: list[bool], nl: str) -> None:
    # wrapped as a PDF wraps it: the line ends right after 一是 / 第二， / 其次，
    markers = ["一是", "二是", "三是"]
    leads = ["加强组织领导", "狠抓工作落实", "严明工作纪律"]
    body = "".join(m + (nl if b else "") + lead + "。" for m, b, lead in zip(markers, breaks, leads, strict=True))
    text = f"同志们：{nl}今年要做好三件事。{body}{nl}"
    speech = parse_speech(text)
    assert _leads(speech) == [(m, i + 1, lead) for i, (m, lead) in enumerate(zip(markers, leads, strict=True))]
    for p in speech.points():
        assert text[p.lead_span.start:p.lead_span.end] == p.lead


@given(st.integers(2, 6), st.sampled_from(["是", "要"]), st.sampled_from(["", "\n"]))
@settings(max_examples=40, deadline=None)
def test_an_excerpt_may_open_inside_an_enumeration(first: int, verb: str, nl: str) -> None:
    # a page cut out of a speech: its first series starts at a later number
    cn = "一二三四五六七八九"
    leads = ["强化督查考核", "严肃追责问责", "加强宣传引导"]
    body = "".join(f"{cn[first - 1 + i]}{verb}{lead}。要抓紧落实。" for i, lead in enumerate(leads))
    text = f"作用，推动工作落到实处。{body}{nl}三、加强组织领导{nl}（一）压实工作责任。各级党委要担负起责任。"
    points = parse_speech(text).points()
    assert [(p.number, p.lead) for p in points] == [(first + i, lead) for i, lead in enumerate(leads)]


def test_only_the_first_series_before_any_heading_may_start_late() -> None:
    text = "在会议上的讲话\n同志们：\n一、提高认识\n三是强化督查考核。四是严肃追责问责。\n"
    assert parse_speech(text).points() == []


def _points(speech: Speech) -> list[str]:
    out: list[str] = []

    def walk(nodes: list[object]) -> None:
        for n in nodes:
            if isinstance(n, Point):
                out.append(n.marker)
            walk(list(getattr(n, "children", []) or []) + list(getattr(n, "points", []) or []))

    walk(list(speech.body))
    return out


@pytest.mark.parametrize("credit", ["新华社记者 李明/摄", "本报记者 王小红 摄", "张伟/摄"])
def test_a_point_after_a_photo_credit_run_on_into_the_text(credit: str) -> None:
    text = ("这是3月5日上午，省长在县里考察。 " + credit + "第一，抓好产业发展。产业是根本。"
            "这是4月2日，省长在村里看望群众。 " + credit + "第二，抓好人才培养。人才是关键。")
    assert _points(parse_speech(text)) == ["第一，", "第二，"]


def test_a_marker_glued_after_a_verb_ending_in_the_credit_character_is_no_point() -> None:
    text = "我们要认真拍摄第一，抓好产业发展。大家都去拍摄第二，抓好人才培养。"
    assert _points(parse_speech(text)) == []


@pytest.mark.parametrize("word", ["项目", "年度", "条件", "批次", "位置", "种业", "点位", "次序"])
def test_a_lead_may_open_with_a_classifier_character(word: str) -> None:
    # after 一是 the 是 ends the marker: 一是项目储备更加充实 is a point (一项 would not be)
    text = f"今年以来开局良好。一是{word}工作更加扎实。全县谋划重点项目。二是开工进度明显加快。项目已开工。\n"
    assert [p.marker for p in parse_speech(text).points()] == ["一是", "二是"]


def test_a_first_point_whose_series_a_page_cut_off_is_a_point() -> None:
    # a page excerpt ends mid-sentence: the 二是 that would follow was cut away
    cut = "同志们：\n今年工作要抓好三件事。一是要加快前期工作。对已谋划的储备项目，要逐个明确责任单位和责任"
    assert [p.marker for p in parse_speech(cut).points()] == ["一是"]
    # the same text closed: a lone 一是 is no enumeration; nor a lone 首先 cut off
    assert parse_speech(cut + "人。\n").points() == []
    assert parse_speech(cut.replace("一是要", "首先要")).points() == []


@pytest.mark.parametrize("word", ["项目", "年度", "条件", "批次", "次要", "点位"])
def test_a_lead_after_a_comma_closed_marker_may_open_with_a_classifier_character(word: str) -> None:
    # 第一，项目… is a point; 第一项 (the numeral glued to a classifier) is a count
    text = f"同志们：\n存在的问题有：第一，{word}工作不够扎实；第二，管护跟不上；第三，绩效评价不全面。\n"
    assert [p.marker for p in parse_speech(text).points()] == ["第一，", "第二，", "第三，"]
    assert parse_speech("同志们：\n第一项工作是学习。第二项工作是落实。\n").points() == []


@pytest.mark.parametrize(("one", "two", "three"), [("㈠", "㈡", "㈢"), ("（一）", "（二）", "（三）"), ("(一)", "(二)", "(三)")])
@pytest.mark.parametrize("opener", ["：", ":", "，"])
def test_bracketed_items_as_the_clauses_of_one_sentence_are_points(one: str, two: str, three: str,
                                                                  opener: str) -> None:
    text = ("同志们：\n一、扎实推进数字政府建设\n今年重点实施三项工程" + opener + one + "扩容政务云，新增存储资源2PB；"
            + two + "升级电子政务外网，实现四级全覆盖；" + three + "建设数据中台。\n二、持续优化营商环境\n我们要抓好落实。\n")
    speech = parse_speech(text)
    assert [(s.marker, s.title) for s in speech.sections()] == [("一、", "扎实推进数字政府建设"), ("二、", "持续优化营商环境")]
    assert _leads(speech) == [(one, 1, "扩容政务云，新增存储资源2PB"), (two, 2, "升级电子政务外网，实现四级全覆盖"),
                              (three, 3, "建设数据中台")]


@pytest.mark.parametrize("sep", ["。", "；"])
def test_bracketed_headings_run_on_in_one_line_stay_headings(sep: str) -> None:
    # the sections of a text that lost its line breaks: each after a sentence end (or, for
    # the first, after nothing that opens a list), with sentences between them
    text = ("同志们：一、坚持稳中求进（一）稳住经济大盘。全年增长6%" + sep + "投资增长8%。"
            "（二）扩大有效需求。消费增长7%。二、深化改革开放。我们要抓落实。")
    speech = parse_speech(text)
    assert [(s.marker, s.title) for s in speech.sections()] == [
        ("一、", "坚持稳中求进"), ("（一）", "稳住经济大盘"), ("（二）", "扩大有效需求"), ("二、", "深化改革开放")]


@pytest.mark.parametrize("middle", [
    "今年要抓好三件事：一是稳增长，二是促改革，三是惠民生。",
    "我提三点希望。第一，要志存高远。第二，要脚踏实地。第三，要心怀感恩。",
])
def test_a_first_and_a_last_around_other_enumerations_frame_the_speech(middle: str) -> None:
    # 首先，我代表… opening the speech and 最后，祝… closing it, with the body's enumerations
    # between them: no sequence of two (corpus/INDEX.md: a lone 首先 is no point)
    text = (f"同志们：\n首先，我代表市委、市政府，向受表彰的先进集体和个人表示热烈祝贺！\n{middle}\n"
            "各级各部门要加强协作，确保各项任务落到实处。\n最后，祝大家工作顺利、身体健康！\n")
    markers = [p.marker for p in parse_speech(text).points()]
    assert "首先" not in markers
    assert "最后" not in markers
    assert len(markers) == 3


def test_a_first_and_a_last_with_nothing_between_are_still_a_sequence() -> None:
    text = "同志们：\n今天的会议有两项议程。首先，请王刚同志通报情况。最后，请李红同志讲话。\n"
    assert [(p.marker, p.number) for p in parse_speech(text).points()] == [("首先", 1), ("最后", 2)]


def test_an_ordinal_continuing_a_sequence_of_firstly_and_secondly_is_its_next_point() -> None:
    # 首先…其次…第三…最后…: the ordinal goes on with the sequence, as 再次 after them does
    text = ("同志们：\n今年要抓好四项工作。首先，要落实包保责任，每名领导包保一个社区。其次，要强化督查考核，"
            "每周暗访一次。第三，要加大投入力度，安排专项资金。最后，要发动群众参与，人人都是参与者。\n")
    points = parse_speech(text).points()
    assert [(p.marker, p.number) for p in points] == [("首先", 1), ("其次", 2), ("第三，", 3), ("最后", 4)]
    assert points[2].lead == "要加大投入力度，安排专项资金"


@pytest.mark.parametrize("text", [
    # a lone 首先是 inside the first point of a 第一，… run: 第二， goes on with that run
    "同志们：\n第一，希望大家增强爱国情怀。爱国有多种形式，但首先是办好一流企业。第二，希望大家勇于创新。第三，希望大家诚信守法。\n",
    # one 首先 is no sequence for an ordinal to continue
    "同志们：\n首先，要统一思想。第二，要抓好落实。\n",
])
def test_an_ordinal_does_not_continue_a_lone_firstly(text: str) -> None:
    points = parse_speech(text).points()
    assert all(p.marker != "第二，" or p.number == 2 for p in points)
    assert [p.marker for p in points if p.marker.startswith("第")] in (["第一，", "第二，", "第三，"], [])


@pytest.mark.parametrize(("closer", "sep"), [("但", "，"), ("然而", "，"), ("不过", ","), ("可是", "， ")])
def test_a_contrast_after_a_comma_ends_the_last_lead_of_a_chained_run(closer: str, sep: str) -> None:
    # (INDEX.md: chained points' leads are cut at the commas; the sentence leaves the list
    # at the contrast after the last one)
    text = f"同志们：\n我们要坚持生态优先，第一是保护，第二是保护，第三还是保护{sep}{closer}不能把保护当作不发展的理由。\n"
    assert _leads(parse_speech(text)) == [("第一是", 1, "保护"), ("第二是", 2, "保护"), ("第三还是", 3, "保护")]


def test_the_last_chained_lead_keeps_a_clause_that_goes_on_with_it() -> None:
    text = ("同志们：\n这一年我们办成了三件大事：一是建成了青川大桥，二是通了城际铁路，"
            "三是完成了老城改造的全部任务，实现了三年前的承诺。\n")
    assert _leads(parse_speech(text))[-1] == ("三是", 3, "完成了老城改造的全部任务，实现了三年前的承诺")


def test_a_contrast_inside_a_point_that_is_not_chained_stays_in_its_lead() -> None:
    text = "同志们：\n一是要抓好学习，但不能只停留在口头上。二是要抓好落实，但不能搞形式主义。\n"
    assert _leads(parse_speech(text)) == [("一是", 1, "要抓好学习，但不能只停留在口头上"),
                                         ("二是", 2, "要抓好落实，但不能搞形式主义")]


AGENDA = ("在全区安全生产工作会议上的主持词\n同志们：\n现在开会。今天的会议共有三项议程：一是传达会议精神；二是通报考核结果；"
          "三是请区长讲话。\n下面，进行会议第一项议程，请区应急管理局局长传达会议精神。\n（传达）\n"
          "下面，进行会议第二项议程，请区安委办通报考核结果。\n（通报）\n{then}，请区长作重要讲话，大家欢迎！\n")


@pytest.mark.parametrize("then", ["然后", "最后"])
def test_a_moderators_agenda_opened_with_no_first_word(then: str) -> None:
    """Agenda steps each opening its line with a step word only an agenda verb follows
    (下面，进行…/下面，请…/最后，请…) are one sequence 1–3, though no 首先 opens it."""
    speech = parse_speech(AGENDA.format(then=then))
    steps = [(p.marker, p.number) for p in speech.points() if p.marker in ("下面", "然后", "最后")]
    assert steps == [("下面", 1), ("下面", 2), (then, 3)]


def test_two_agenda_steps_with_no_first_word_are_no_sequence() -> None:
    text = AGENDA.format(then="最后").replace("下面，进行会议第二项议程，请区安委办通报考核结果。\n（通报）\n", "")
    speech = parse_speech(text)
    assert not [p for p in speech.points() if p.marker in ("下面", "最后")]


def test_an_inline_numbered_clause_list_is_points_where_lines_were_kept() -> None:
    """1.…；2.…；3.… as the clauses of one sentence inside a paragraph are points (as an
    inline （1）… list is); flattened, a list whose items opened their lines reads the same,
    so there the items stay headings."""
    text = ("在全局半年工作会议上的讲话\n同志们：\n一、抓好下半年工作\n局党组明确了三个时间节点：1.七月底前完成专项检查；"
            "2.九月底前完成问题整改；3.十一月底前完成总结评估。各科室要抓紧落实。\n")
    speech = parse_speech(text)
    assert [(p.marker, p.number, p.lead) for p in speech.points()] == [
        ("1.", 1, "七月底前完成专项检查"), ("2.", 2, "九月底前完成问题整改"), ("3.", 3, "十一月底前完成总结评估")]
    assert [s.marker for s in speech.sections()] == ["一、"]
    notice = ("关于召开防汛会议的通知\n各乡镇：\n经县政府同意，定于5月8日上午召开全县防汛工作会议，请各单位主要负责同志"
              "准时参加。会议议程：\n1.县水利局通报汛情；\n2.县应急局安排部署；\n3.县长讲话。\n")
    for shape in (notice, notice.replace("\n", "")):
        assert [s.marker for s in parse_speech(shape).sections()] == ["1.", "2.", "3."]


def test_points_in_markdown_bold_stand_at_their_line_start() -> None:
    """**一是…。** from an LLM-cleaned corpus, read as plain text: the emphasis before the
    marker is a boundary, not a word the marker is glued to."""
    text = ("在全市经济工作会议上的讲话\n同志们：\n（三）抓好重点工作\n**一是稳住工业基本盘。**要抓好重点企业。\n"
            "**二是扩大有效投资。**要抓好重大项目。\n")
    speech = parse_speech(text)
    assert [(p.marker, p.lead) for p in speech.points()] == [("一是", "稳住工业基本盘"), ("二是", "扩大有效投资")]
