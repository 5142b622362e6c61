"""Hostile documents, built from scratch (for tests/test_faults.py and
benchmarks/hostile_readers.py): zip archives whose directory lies, expansion bombs, XML
entity tricks, a truncated PDF, oversized HTML. Every builder streams what it writes, so
that even the benchmark's gigabyte-scale bombs take little memory to make."""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
TAIL = b"</w:body></w:document>"
CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                 b'2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i + 1} "{("&lol" + (str(i) if i else "") + ";") * 10}">' for i in range(9))
          + f']><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
XXE = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document {W}><w:body>'
       '<w:p><w:r><w:t>同志们：&x;</w:t></w:r></w:p></w:body></w:document>')


def paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def write_zip(path: Path, members: Iterable[tuple[str, Iterable[bytes], int | None]]) -> None:
    """A zip archive of deflated members written chunk by chunk; each member is (name,
    chunks, stated size): a stated size other than None is what the directory claims
    instead of the true size (a lying header)."""
    central: list[bytes] = []
    with open(path, "wb") as fh:
        for name, chunks, stated in members:
            offset = fh.tell()
            raw_name = name.encode()
            fh.write(b"\0" * (30 + len(raw_name)))
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            crc = size = csize = 0
            for chunk in chunks:
                crc = zlib.crc32(chunk, crc)
                size += len(chunk)
                out = comp.compress(chunk)
                csize += len(out)
                fh.write(out)
            out = comp.flush()
            csize += len(out)
            fh.write(out)
            end = fh.tell()
            claimed = size if stated is None else stated
            fh.seek(offset)
            fh.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, csize, claimed, len(raw_name), 0)
                     + raw_name)
            fh.seek(end)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, csize, claimed,
                                       len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name)
        start = fh.tell()
        for entry in central:
            fh.write(entry)
        fh.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), fh.tell() - start, start, 0))


def _docx(path: Path, document: Iterable[bytes], stated: int | None = None) -> Path:
    write_zip(path, [("[Content_Types].xml", [CONTENT_TYPES], None), ("word/document.xml", document, stated)])
    return path


def lying_header_docx(path: Path, real_bytes: int, stated: int = 4096) -> Path:
    """document.xml really holds ``real_bytes`` (one paragraph of zeros-like text that
    deflates ~1000:1), its directory entry says ``stated``: a reader trusting the header
    for its buffers, or reading all at once, allocates the real size."""
    def chunks() -> Iterator[bytes]:
        yield HEAD + b"<w:p><w:r><w:t>"
        block = b"a" * (1 << 20)
        for _ in range(real_bytes >> 20):
            yield block
        yield b"</w:t></w:r></w:p>" + TAIL
    return _docx(path, chunks(), stated)


def paragraph_bomb_docx(path: Path, paragraphs: int) -> Path:
    """Honest headers, a small file, and ``paragraphs`` short paragraphs (15 MB of .docx
    that expands to 150 MB of XML at 4 million)."""
    def chunks() -> Iterator[bytes]:
        yield HEAD
        for start in range(0, paragraphs, 10_000):
            yield b"".join(paragraph(f"第{i}段。") for i in range(start, min(paragraphs, start + 10_000)))
        yield TAIL
    return _docx(path, chunks())


def text_bomb_docx(path: Path, text_bytes: int, seed: int = 0) -> Path:
    """Honest headers, a ratio no zip-bomb check flags (random Chinese text: ~1.5:1),
    ``text_bytes`` of UTF-8 text in paragraphs of up to 1 MiB."""
    rng = random.Random(seed)
    block = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range((1 << 20) // 3)).encode()

    def chunks() -> Iterator[bytes]:
        yield HEAD
        for _ in range(max(1, text_bytes // len(block))):
            yield b"<w:p><w:r><w:t>" + block + b"</w:t></w:r></w:p>"
        yield TAIL
    return _docx(path, chunks())


def entity_docx(path: Path, external: bool = False) -> Path:
    """document.xml declaring entities: a billion laughs, or an external entity."""
    return _docx(path, [(XXE if external else LAUGHS).encode()])


def big_html(path: Path, size: int) -> Path:
    """An HTML page of ``size`` bytes of ordinary paragraphs."""
    row = "<p>同志们，今天我们召开会议，研究部署下一阶段的工作。</p>\n".encode()
    with open(path, "wb") as fh:
        fh.write(b'<html><head><meta charset="utf-8"></head><body><div class="article">')
        block = row * max(1, (1 << 20) // len(row))
        written = 0
        while written < size:
            fh.write(block)
            written += len(block)
        fh.write(b"</div></body></html>")
    return path


def many_elements_html(path: Path, elements: int) -> Path:
    """A small page of ``elements`` tiny elements (a tree far larger than the file)."""
    path.write_bytes(b"<html><body><div>" + b"<b>x</b>" * elements + b"</div></body></html>")
    return path


def truncated_pdf(path: Path, keep: float = 0.5) -> Path:
    """A real three-page PDF (reportlab, built-in CJK font) cut to ``keep`` of its bytes."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    full = path.with_suffix(".full.pdf")
    c = canvas.Canvas(str(full))
    for page in range(3):
        c.setFont("STSong-Light", 14)
        for i in range(10):
            c.drawString(72, 760 - i * 30, f"第{page + 1}页第{i + 1}行：同志们，今天我们召开会议。")
        c.showPage()
    c.save()
    data = full.read_bytes()
    full.unlink()
    path.write_bytes(data[:int(len(data) * keep)])
    return path
