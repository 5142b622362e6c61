"""Where heading titles end in speeches whose ，、。 were all deleted and whose lines were
joined (src/officialspeech/titleend.py, headings.py, siblings.py). The speeches are made up
for these tests: each section is a title glued to a body with no punctuation at all."""

from __future__ import annotations

from officialspeech import parse_speech

FILLER = ("切实把各项任务落到实处确保取得实效让人民群众有更多获得感幸福感安全感"
          "要健全工作机制压实工作责任加强督促检查推动工作任务落地见效")
NUMERALS = "一二三四五六七八九十"


def _stripped(rows: list[tuple[str, str]]) -> str:
    """A speech of （一）… sections, each ``title + body`` with the filler after it."""
    parts = ["同志们：现在我就做好今年的工作讲几点意见"]
    for i, (title, body) in enumerate(rows):
        parts.append(f"（{NUMERALS[i]}）{title}{body}{FILLER}")
    return "".join(parts)


def _titles(rows: list[tuple[str, str]]) -> list[str]:
    return [s.title for s in parse_speech(_stripped(rows)).sections()]


def test_restated_last_words_defined_by_shi_outweigh_a_cut_before_a_verb() -> None:
    # 优化营商环境|着力… has a typical title ending and a weak opener; the body restating the
    # title's last words and defining them (市场主体活力是…) says more
    rows = [("优化营商环境着力激发市场主体活力", "市场主体活力是经济发展的源泉要持续深化放管服改革"),
            ("全面提升基层应急管理服务能力", "基层应急管理服务能力是防范化解风险的第一道防线")]
    assert _titles(rows) == [t for t, _ in rows]


def test_the_body_defining_a_word_of_the_title_marks_where_it_starts() -> None:
    # 推进… is a weak opener, but the body opens by defining the title's “河长制”
    rows = [("坚持和完善“河长制”推进流域共治", "“河长制”是守护江河湖泊的制度创新要压实各级河长责任"),
            ("深化农村集体产权制度改革", "集体产权制度改革是激活农村资源要素的关键一招")]
    assert _titles(rows) == [t for t, _ in rows]


def test_a_title_does_not_end_with_a_word_that_wants_an_object() -> None:
    # 我省 is a likely opener, but 推进高标准农田建设依托 would end the title with 依托
    rows = [("推进高标准农田建设", "依托我省丰富的水土资源推动农田建设提质增效"),
            ("扩大有效投资", "有效投资是稳增长的关键变量要依托重大项目带动社会投资")]
    assert _titles(rows) == [t for t, _ in rows]


def test_the_body_restating_the_title_after_an_adverb_starts_before_the_adverb() -> None:
    # …新局面|如期实现粮食生产…: the title is not …新局面如期
    rows = [("实现粮食生产连年丰收开创乡村发展新局面", "如期实现粮食生产连年丰收目标要稳面积增单产"),
            ("加快建设农业强省", "农业强省是我们的奋斗目标")]
    assert _titles(rows) == [t for t, _ in rows]


def test_two_title_endings_in_a_row_end_the_title_together() -> None:
    # …乡村振兴|战略… and …乡村振兴战略|… both end in a typical title word; the compound wins
    rows = [("深入实施乡村振兴战略", "培育壮大乡村特色产业带动农民就近就业增收"),
            ("大力推进城市更新", "城市更新是提升城市品质的重要抓手")]
    assert _titles(rows) == [t for t, _ in rows]
