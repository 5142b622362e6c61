"""Titles of parallel sibling headings in run-on text, cut where most siblings say the body
starts, and in text with its line breaks, closed where most siblings close theirs
(src/officialspeech/parse/headings/siblings.py). The speeches are our own, in the shapes of
the provincial reports, with their line breaks and without."""

from __future__ import annotations

from officialspeech import parse_speech

BODY = "要把各项任务落到实处，确保取得实效，让人民群众有更多获得感。"

SUBHEADS = [
    ("着力稳定就业岗位，促进城乡居民增收", "扩大就业容量"),
    ("提升创新体系效能，引领产业转型升级", "推动科技成果转化"),
    ("加快基础设施建设，夯实发展支撑能力", "加强交通水利建设"),
    ("优化区域发展布局，推进城乡融合发展", "强化中心城市带动"),
]


def _subhead_report(rows: list[tuple[str, str]], body: int = 2) -> str:
    numerals = "一二三四五六七八九"
    parts = ["同志们：今年工作总的要求是稳中求进。一、2025年工作安排今年要重点抓好以下工作。"]
    for i, (title, subhead) in enumerate(rows):
        parts.append(f"（{numerals[i]}）{title}{subhead}。{BODY * body}")
    return "".join(parts)


def test_titles_end_before_the_subheads_most_siblings_carry() -> None:
    speech = parse_speech(_subhead_report(SUBHEADS))
    subs = [s for s in speech.sections() if s.level == 2]
    assert [s.title for s in subs] == [t for t, _ in SUBHEADS]
    assert all(s.confidence == "guessed" for s in subs)
    text = _subhead_report(SUBHEADS)
    for s, (title, subhead) in zip(subs, SUBHEADS, strict=True):
        assert text[s.title_span.start:s.title_span.end] == title
        # the sub-heading is body text again, the first words of the section's first paragraph
        first = s.children[0]
        assert text[first.span.start:first.span.end].startswith(subhead + "。")


def test_one_sibling_alone_does_not_cut() -> None:
    rows = [("着力稳定就业岗位，促进城乡居民增收", "扩大就业容量"),
            ("提升创新体系效能，引领产业转型升级", "。"),
            ("加快基础设施建设，夯实发展支撑能力", "。")]
    text = _subhead_report([(t, s if s != "。" else "") for t, s in rows])
    speech = parse_speech(text)
    subs = [s for s in speech.sections() if s.level == 2]
    assert subs[0].title == "着力稳定就业岗位，促进城乡居民增收扩大就业容量"


def test_a_frame_waiting_for_its_verb_is_one_title() -> None:
    rows = [("努力在推进改革开放中", "培育新优势"), ("努力在推进绿色转型中", "实现新突破"),
            ("努力在推进共同富裕中", "展现新作为")]
    speech = parse_speech(_subhead_report(rows))
    subs = [s for s in speech.sections() if s.level == 2]
    assert [s.title for s in subs] == [t + v for t, v in rows]


def test_unbalanced_clauses_are_not_cut() -> None:
    rows = [("稳就业，促进城乡居民收入持续较快增长", "扩大就业容量"),
            ("强创新，引领产业向中高端持续迈进", "推动科技成果转化"),
            ("补短板，夯实经济社会发展的基础条件", "完善交通水利网络")]
    speech = parse_speech(_subhead_report(rows))
    subs = [s for s in speech.sections() if s.level == 2]
    assert [s.title for s in subs] == [t + v for t, v in rows]


def test_a_second_clause_a_few_characters_longer_than_the_first_is_still_one_title() -> None:
    # 聚焦扩大内需，更好融入强大国内市场: the clauses differ by four characters, as parallel
    # report headings often do; each sibling's sub-heading opens its body
    rows = [("聚焦扩大内需，更好融入强大国内市场", "深入推进消费提振"), ("聚焦改革攻坚，增强发展动力活力", "激发经营主体活力"),
            ("聚焦协调发展，促进城乡融合区域联动", "推进跨区域协作"), ("聚焦民心所系，加大民生保障力度", "推动充分就业")]
    speech = parse_speech(_subhead_report(rows))
    subs = [s for s in speech.sections() if s.level == 2]
    assert [s.title for s in subs] == [t for t, _ in rows]


SHARED = [
    ("提高社区服务质量，培育邻里互助新风尚", "社区治理，服务群众是根本。"),
    ("推进老旧小区改造，打造宜居宜业新家园", "社区治理，居住安全是底线。"),
    ("繁荣社区文化生活，营造和谐相处新氛围", "社区治理，文化凝聚是纽带。"),
    ("加强网格队伍建设，构建共建共享新格局", "社区治理，队伍建设是保障。"),
]


def test_the_same_words_opening_every_body_end_the_titles() -> None:
    numerals = "一二三四五六七八九"
    text = "各位代表：现在报告今年的工作。" + "".join(
        f"{numerals[i]}、{title}{opening}{BODY}{BODY}" for i, (title, opening) in enumerate(SHARED))
    speech = parse_speech(text)
    assert [s.title for s in speech.sections()] == [t for t, _ in SHARED]


def test_titles_ending_at_a_line_break_are_left_alone_in_run_on_text() -> None:
    # a run-on text (few line breaks) where two of the four titles still end their line: the
    # siblings agree on the sub-headings, the two glued titles are cut, the others kept
    text = _subhead_report(SUBHEADS, body=10)
    for title, subhead in SUBHEADS[:2]:
        text = text.replace(title + subhead, title + "\n" + subhead)
    speech = parse_speech(text)
    subs = [s for s in speech.sections() if s.level == 2]
    assert [s.title for s in subs] == [t for t, _ in SUBHEADS]
    assert [s.confidence for s in subs] == ["certain", "certain", "guessed", "guessed"]


def _report(titles: list[str], after: str) -> str:
    numerals = "一二三四五六七八九"
    return "同志们：下面讲几点意见。" + "".join(
        f"{numerals[i]}、{t}{after}{BODY}{BODY}" for i, t in enumerate(titles))


def test_a_title_closed_by_punctuation_is_never_recut() -> None:
    titles = ["关于稳增长方面的工作", "关于促改革方面的工作", "关于惠民生方面的工作", "关于防风险方面的工作"]
    speech = parse_speech(_report(titles, "：我们要坚持问题导向，"))
    assert [(s.title, s.confidence) for s in speech.sections()] == [(t, "certain") for t in titles]


def test_shared_words_after_punctuation_do_not_cut_into_the_titles() -> None:
    # every body opens with 我们要坚持问题导向，and every title ends in 建设: the shared run stops
    # at the comma, so no sibling evidence cuts 加强党的政治|建设
    titles = ["加强党的政治建设", "加强党的思想建设", "加强党的组织建设", "加强党的作风建设"]
    speech = parse_speech(_report(titles, "，我们要坚持问题导向，"))
    assert all(s.title.startswith(t) for s, t in zip(speech.sections(), titles, strict=True))


def test_a_chain_of_verbs_is_not_cut_as_a_sub_heading() -> None:
    rows = [("坚持创新驱动，着力加快", "推动产业升级"), ("坚持改革开放，持续深化", "推进制度创新"),
            ("坚持绿色发展，全面加快", "推进生态建设")]
    speech = parse_speech(_subhead_report(rows))
    subs = [s for s in speech.sections() if s.level == 2]
    assert [s.title for s in subs] == [t + v for t, v in rows]


# text with its line breaks: a run-in series closed by punctuation, one sibling longer than the rule of thumb

_CLOSED_SERIES = (
    "同志们：\n一、今年的重点工作\n"
    "（一）坚持生态优先、绿色发展，筑牢北方生态安全屏障。一要打好三北工程攻坚战。完成生态建设任务。\n"
    "（二）更好统筹发展和安全，筑牢北疆安全稳定屏障。一要守好安全生产底线。开展专项整治。\n"
    "（三）大力发展现代能源经济，建设国家重要能源基地。一要做好煤炭保供文章。稳定煤炭产量。\n"
    "（四）以创建中国（内蒙古）自由贸易试验区为牵引，打造我国向北开放重要桥头堡。一要做强开放平台。主动对接国际规则。\n"
)


def _paren_titles(text: str) -> list[tuple[str, str]]:
    return [(s.title, s.confidence) for s in parse_speech(text).sections() if s.marker.startswith("（")]


def test_a_sibling_of_a_series_closed_by_punctuation_ends_at_its_own_punctuation() -> None:
    assert _paren_titles(_CLOSED_SERIES)[-1] == ("以创建中国（内蒙古）自由贸易试验区为牵引，打造我国向北开放重要桥头堡", "certain")


def test_a_title_glued_to_a_long_sentence_stays_a_guess_beside_short_closed_siblings() -> None:
    text = ("同志们：\n一、今年的重点工作\n（一）加强理论学习。要读原著学原文。\n（二）狠抓工作落实。要一级抓一级。\n"
            "（三）改进工作作风。要深入基层调研。\n"
            "（四）加强组织领导各级党委要高度重视把这项工作摆上重要议事日程切实抓紧抓好。要明确责任。\n")
    assert _paren_titles(text)[-1] == ("加强组织领导", "guessed")


def test_a_sibling_alone_on_its_line_ends_at_its_punctuation_as_the_rest_of_its_series_do() -> None:
    # an earlier list names 美丽乡村建设 as a term, which alone would end a run-in title there
    text = ("同志们：\n今后五年，要全力打好乡村全面振兴、美丽乡村建设、边疆治理持久战，以重点领域突破带动整体发展跃升。\n"
            "一、今后五年的目标\n（一）现代化产业体系建设取得决定性进展。\n产业发展提质增效，转型步伐加快。\n"
            "（二）美丽乡村建设取得决定性进展。\n生态文明建设关乎永续发展，要立足生态优势增强发展后劲。\n"
            "（三）民生保障稳步增进。\n各项民生实事全面完成。\n")
    assert _paren_titles(text)[1] == ("美丽乡村建设取得决定性进展", "certain")
