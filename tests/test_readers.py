"""Readers: .docx with Word's automatic numbering, PDF with a CJK font, HTML pages, encodings.
Every fixture is built here from the example speech written for this project, and must parse
to the same outline as the plain text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from officialspeech import InputError, Point, Speech, parse_file, parse_speech
from officialspeech.cli import main
from officialspeech.readers import read_document

EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "clean_lines.txt").read_text("utf-8")
LINES = EXAMPLE.splitlines()
LEVELS = {"一、": 0, "二、": 0, "三、": 0, "（一）": 1, "（二）": 1, "（三）": 1, "1.": 2, "2.": 2}


def outline(speech: Speech) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for s in speech.sections():
        out.append((s.level, s.marker, s.number, s.title))
        out.extend((p.marker, p.number, p.lead) for p in s.children if isinstance(p, Point))
    return out


EXPECTED = outline(parse_speech(EXAMPLE))


def _marker(line: str) -> str | None:
    return next((m for m in LEVELS if line.startswith(m)), None)


def make_docx(path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line in LINES:
        marker = _marker(line)
        if marker is None:
            doc.add_paragraph(line)
            continue
        p = doc.add_paragraph(line[len(marker):], style="Heading 1" if LEVELS[marker] == 0 else None)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{LEVELS[marker]}"/><w:numId w:val="90"/></w:numPr>'))
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "附表"
    table.cell(0, 1).text = "各县区任务分解"
    doc.save(str(path))


def test_docx_with_automatic_chinese_numbering(tmp_path: Path) -> None:
    path = tmp_path / "speech.docx"
    make_docx(path)
    extracted = read_document(str(path))
    assert "一、提高站位，切实增强推进乡村振兴的责任感紧迫感" in extracted.text
    assert "（二）做强乡村特色产业。" in extracted.text
    assert "各县区任务分解" in extracted.text  # tables are read, not dropped
    assert any(h.kind == "heading_style" for h in extracted.hints)
    assert any(h.kind == "list_label" and h.value == "（三）" for h in extracted.hints)
    speech = parse_file(str(path))
    assert outline(speech) == EXPECTED
    assert speech.source is not None
    assert speech.source.format == "docx"
    s = speech.sections()[0]
    assert speech.source.text[s.title_span.start:s.title_span.end] == s.title


def test_docx_refuses_zip_bombs_and_entities(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\x00" * 5_000_000)
    with pytest.raises(InputError, match="zip bomb"):
        read_document(str(bomb))
    xxe = tmp_path / "xxe.docx"
    with zipfile.ZipFile(xxe, "w") as zf:
        zf.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>')
    with pytest.raises(InputError, match="DOCTYPE"):
        read_document(str(xxe))
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a valid"):
        read_document(str(broken))


def make_pdf(path: Path, lines: list[str], per_page: int = 22, width: int = 26) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(line[i:i + width] for i in range(0, len(line), width)) if line else None
    pages = [wrapped[i:i + per_page] for i in range(0, len(wrapped), per_page)]
    for n, page in enumerate(pages, 1):
        c.setFont("STSong-Light", 10)
        c.drawString(72, 800, "某市人民政府办公室文件")
        c.setFont("STSong-Light", 14)
        for i, line in enumerate(page):
            c.drawString(72, 760 - i * 30, line)
        c.setFont("STSong-Light", 10)
        c.drawString(280, 40, f"— {n} —")
        c.showPage()
    c.save()


def test_pdf_pages_headers_and_broken_lines(tmp_path: Path) -> None:
    path = tmp_path / "speech.pdf"
    make_pdf(path, LINES)
    extracted = read_document(str(path))
    assert "某市人民政府办公室文件" not in extracted.text  # running header dropped
    speech = parse_file(str(path))
    assert outline(speech) == EXPECTED
    assert [p.page for p in speech.page_markers] == list(range(1, len(speech.page_markers) + 1))
    assert len(speech.page_markers) >= 2


def test_scanned_pdf_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
    assert main(["parse", str(path)]) == 2
    assert "no text layer" in capsys.readouterr().err


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>讲话</title>
<script>var x = "一、不是标题";</script></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a>领导讲话</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 讲话</div>
<div class="share">分享到：微信 微博</div>
<div class="article">{body}</div>
<div class="footer">版权所有 © 某市人民政府 ICP备案号</div>
</body></html>"""


def test_html_article_body(tmp_path: Path) -> None:
    body = "".join(f"<h2>{line}</h2>" if _marker(line) == "一、" else f"<p>\u3000\u3000{line}</p>" for line in LINES)
    body = body.replace("农民收入稳步增长，", "农民收入稳步增长，<br>", 1)
    path = tmp_path / "speech.html"
    path.write_text(HTML.format(body=body), "utf-8")
    extracted = read_document(str(path))
    for chrome in ("首页", "分享到", "版权所有", "不是标题"):
        assert chrome not in extracted.text
    assert "\u3000\u3000同志们：" in extracted.text  # full-width indents kept
    speech = parse_file(str(path))
    assert outline(speech) == EXPECTED
    assert main(["outline", str(path)]) == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(EXAMPLE.encode(encoding))
    assert outline(parse_file(str(path))) == EXPECTED


@pytest.mark.parametrize("text", ["同志们：", "讲话", "一、二", "谢谢大家！"])
def test_short_gbk_text_is_not_misread(tmp_path: Path, text: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("gbk"))
    assert read_document(str(path)).text == text


def test_undecodable_names_file_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("同志们".encode() + b"abc\x81\x81\xff")
    with pytest.raises(InputError) as info:
        read_document(str(path))
    assert str(path) in str(info.value)
    assert "offset" in str(info.value)


def test_input_format_override(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(HTML.format(body="<p>同志们：</p><p>今天开会，研究部署工作。</p>"), "utf-8")
    as_text = parse_file(str(path))
    assert as_text.source is None
    speech = parse_file(str(path), "html")
    assert speech.source is not None
    assert speech.source.format == "html"
    assert "<" not in speech.source.text
    assert speech.salutation is not None
    assert speech.salutation.text == "同志们："


def test_heading_style_hint_takes_an_out_of_sequence_heading(tmp_path: Path) -> None:
    text = "同志们：\n一、加强领导\n要高度重视。\n五、压实责任\n要层层落实。\n"
    assert [s.marker for s in parse_speech(text).sections()] == ["一、"]
    assert [s.marker for s in parse_speech(text, heading_lines={4}).sections()] == ["一、", "五、"]
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for i, line in enumerate(text.splitlines()):
        doc.add_paragraph(line, style="Heading 1" if i == 3 else None)
    path = tmp_path / "hint.docx"
    doc.save(str(path))
    assert [s.marker for s in parse_file(str(path)).sections()] == ["一、", "五、"]
