"""PDF files (extra ``pdf``): text per page in reading order, running headers and footers
and page numbers recognised, page breaks recorded as page markers.

pdfminer.six is used: it is pure Python, ships the Adobe CJK character maps that Chinese
PDFs need (pypdf decodes many CID fonts wrongly), and gives text lines with positions, so
headers and footers can be told from the body. Each page's lines are written in reading
order; a line that repeats on most pages at the top or bottom (ignoring digits) is a running
header or footer and is dropped; each page ends with a marker line ``— N —`` that the parser
records as a page marker. Lines broken inside a sentence are left to the parser, which
joins a line that does not end a sentence with the next one.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from ..compiled import compile_re
from ..errors import InputError
from ..io import MAX_BYTES, read_bytes
from .base import Extracted, Hint
from .limits import MAX_PAGES, TextBudget

_DIGITS = compile_re(r"[0-9０-９]+")
EDGE = 2  # lines at the top and at the bottom of a page that may be running headers or footers
WRAPPED = 0.8  # a line at least this share of the longest line was broken by the page width
SENTENCE_END = "。！？；：!?;:…”’"


def _is_page_number(line: str) -> bool:
    """A page number line: a page marker of the grammar (— 3 —, 第3页 共9页) or bare digits."""
    from ..parse.markers import category_pattern

    return line.isdigit() or re.fullmatch(f"(?:{category_pattern('page')})", line) is not None


def _starts_heading(line: str) -> bool:
    """Whether a line starts with a heading marker (a heading is not rejoined with its body)."""
    from ..parse.markers import scanner

    return scanner(("heading",)).match(line.lstrip()) is not None


def _starts_item(line: str) -> bool:
    """Whether a line starts with a heading or point marker (then it begins a new paragraph)."""
    from ..parse.markers import scanner

    m = scanner(("heading", "point")).match(line.lstrip())
    return m is not None


def _page_lines(path: str, max_bytes: int) -> list[list[str]]:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - the extra is missing
        raise InputError("reading PDF needs the pdf extra: pip install 'officialspeech[pdf]'", path) from None
    pages: list[list[str]] = []
    budget = TextBudget(path, max_bytes)
    data = io.BytesIO(read_bytes(path, max_bytes))  # read and counted: the file may not be what stat says
    try:
        for layout in extract_pages(data, laparams=LAParams(line_margin=0.3)):
            if len(pages) >= MAX_PAGES:
                raise InputError(f"more than {MAX_PAGES} pages (the limit of MAX_PAGES)", path)
            lines: list[tuple[float, float, str]] = []
            for element in layout:
                if isinstance(element, LTTextContainer):
                    for line in element:
                        if isinstance(line, LTTextLine):
                            text = line.get_text().rstrip("\n")
                            if text.strip():
                                lines.append((-line.y1, line.x0, text))
            lines.sort()
            for _, _, t in lines:
                budget.add(t)
            pages.append([t for _, _, t in lines])
    except InputError:
        raise
    except PDFSyntaxError as exc:
        raise InputError(f"not a readable PDF: {exc}", path) from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise InputError(f"cannot read PDF: {type(exc).__name__}: {exc}", path) from None
    return pages


def _running(pages: list[list[str]]) -> set[str]:
    """Header and footer lines: at a page edge on at least half of the pages (digits ignored)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = set(lines[:EDGE] + lines[-EDGE:])
        counts.update({_DIGITS.sub("#", line.strip()) for line in edges})
    return {k for k, n in counts.items() if n >= max(2, len(pages) // 2)}


def read(path: str, max_bytes: int = MAX_BYTES) -> Extracted:
    """Extract the text of a PDF with page markers between pages (a file or text over
    ``max_bytes``, or more than ``MAX_PAGES`` pages, is refused)."""
    pages = _page_lines(path, max_bytes)
    if not pages:
        raise InputError("the PDF has no pages", path)
    if not any(pages):
        raise InputError("the PDF has no text layer (a scanned document?): run OCR first", path)
    running = _running(pages)
    out: list[str] = []
    wrapped_width = max((len(line) for lines in pages for line in lines), default=0) * WRAPPED
    hints: list[Hint] = []
    for number, lines in enumerate(pages, 1):
        hints.append(Hint(kind="page", line=len(out) + 1, value=str(number)))
        for i, line in enumerate(lines):
            key = _DIGITS.sub("#", line.strip())
            at_edge = i < EDGE or i >= len(lines) - EDGE
            if at_edge and (key in running or _is_page_number(line.strip())):
                continue
            prev = out[-1] if out else ""
            if prev and len(prev.rstrip()) >= wrapped_width and prev.rstrip()[-1] not in SENTENCE_END \
                    and not _starts_item(line) and not _starts_heading(prev):
                out[-1] = prev.rstrip() + line.lstrip()  # a line the page width broke: rejoin it
                continue
            out.append(line)
        if number < len(pages):
            out.append(f"— {number} —")
    return Extracted(format="pdf", path=path, text="\n".join(out) + "\n", hints=hints)
