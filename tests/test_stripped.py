"""Where heading titles end in speeches whose ，、。 were all deleted and whose lines were
joined (src/officialspeech/titleend.py, headings.py, siblings.py). The speeches are made up
for these tests: each section is a title glued to a body with no punctuation at all."""

from __future__ import annotations

from officialspeech import parse_speech

FILLER = ("各级各部门要把各项任务落到实处确保取得实效让人民群众有更多获得感幸福感安全感"
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
