"""The .docx reader parses document.xml as a stream, one body block at a time: paragraphs,
tables (cell by cell), text boxes (after their paragraph) and the section properties
come out as a whole-tree read gave them, and one block may hold at most MAX_ELEMENTS
elements."""

from __future__ import annotations

from pathlib import Path

import pytest

import hostile
from officialspeech import InputError
from officialspeech.readers import docx, read_document

W = hostile.W


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


BOX = ("<w:p><w:r><w:t>正文在前</w:t></w:r><w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\">"
       f"<v:textbox><w:txbxContent>{_p('框内一')}{_p('框内二')}</w:txbxContent></v:textbox></v:shape></w:pict>"
       "</w:r><w:r><w:t>正文在后</w:t></w:r></w:p>")
TABLE = (f"<w:tbl><w:tr><w:tc>{_p('甲')}{_p('乙')}</w:tc><w:tc>{_p('丙')}</w:tc></w:tr>"
         f"<w:tr><w:tc>{_p('丁')}</w:tc></w:tr></w:tbl>")
DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:background w:color="FFFFFF"/><w:body>'
            f"{_p('同志们：')}{TABLE}{BOX}{_p('谢谢大家！')}<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr>"
            "</w:body></w:document>")


def _write(path: Path, document: str) -> Path:
    hostile.write_zip(path, [("word/document.xml", [document.encode()], None)])
    return path


def test_blocks_come_out_in_order(tmp_path: Path) -> None:
    extracted = read_document(str(_write(tmp_path / "d.docx", DOCUMENT)))
    assert extracted.text.splitlines() == ["同志们：", "甲", "乙", "丙", "丁", "正文在前正文在后", "框内一", "框内二",
                                           "谢谢大家！"]
    assert [(h.kind, h.line) for h in extracted.hints] == [("table", 2), ("text_box", 7)]


def test_a_document_without_body_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no body"):
        read_document(str(_write(tmp_path / "d.docx", f"<w:document {W}><w:other>{_p('x')}</w:other></w:document>")))


def test_one_block_may_hold_only_so_many_elements(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx, "MAX_ELEMENTS", 500)
    many = "<w:p>" + "<w:r><w:t>字</w:t></w:r>" * 300 + "</w:p>"  # 601 elements in one paragraph
    with pytest.raises(InputError, match="more than 500 XML elements"):
        read_document(str(_write(tmp_path / "big.docx", f"<w:document {W}><w:body>{many}</w:body></w:document>")))
    spread = _p("字") * 300  # as many elements, in small blocks: fine
    text = read_document(str(_write(tmp_path / "ok.docx", f"<w:document {W}><w:body>{spread}</w:body></w:document>"))).text
    assert text.count("字") == 300
