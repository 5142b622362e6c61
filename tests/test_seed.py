"""The page this project started from (../shared/seeds) parses to the expected outline."""

from __future__ import annotations

from pathlib import Path

from officialspeech import Point, Section, parse_speech


def _seed(shared_dir: Path) -> str:
    (path,) = sorted((shared_dir / "seeds").glob("*.txt"))
    return path.read_text("utf-8")


def test_seed_outline(shared_dir: Path) -> None:
    text = _seed(shared_dir)
    speech = parse_speech(text)
    assert speech.title is not None
    assert speech.title.text == "市总工会全委会议上的讲话"
    assert speech.salutation is not None
    assert speech.salutation.text.rstrip(":：") == "同志们"
    sections = [b for b in speech.body if isinstance(b, Section)]
    assert [s.title for s in sections] == [
        "提高政治站位,在举旗定向上展现新作为",
        "聚焦主业主线,在履职尽责中创造新业绩",
        "狠抓自身建设,在建强队伍中树立新形象",
    ]
    assert all(s.level == 1 for s in sections)
    for s in sections:
        points = [c for c in s.children if isinstance(c, Point)]
        assert [p.number for p in points] == [1, 2, 3]
    assert speech.points()[0].lead == "紧跟核心讲政治"
    (pm,) = speech.page_markers
    assert (pm.page, pm.total) == (5, 5)
    meta = speech.metadata
    assert meta.title == "2023年市总工会全委会议上的致辞"
    assert (meta.pages, meta.format, meta.date) == (5, "DOCX", "2023-04-24")


def test_seed_no_chrome_in_body(shared_dir: Path) -> None:
    text = _seed(shared_dir)
    speech = parse_speech(text)
    chrome_words = ["下载文档", "温馨提示", "网站客服", "此文档下载收益", "你可能关注", "收起", "展开"]
    body_text = "".join(text[b.span.start:b.span.end] for b in speech.body)
    for word in chrome_words:
        assert word not in body_text
    assert "第5页" not in "".join(p.text for p in speech.points())
