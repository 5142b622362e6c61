"""Word .docx files (extra ``docx``): paragraphs in order with the numbers Word draws itself.

A heading numbered by Word's automatic list has no number in its text: the label (一、,
（一）, 1.) comes from numbering.xml (numFmt chineseCounting, chineseCountingThousand,
decimal… and a template such as %1、 or （%1）). The reader renders those labels into the
text, so the parser sees what the reader of the document sees. Tables are read cell by
cell and text boxes after their paragraph; heading styles and outline levels are kept as
hints. The archive is read through counting streams (see safezip: zip bombs and lying headers
are refused), document.xml is parsed as a stream, one paragraph or table at a time, and
an XML part that declares a DOCTYPE or entities is refused.
lxml is used directly rather than python-docx: the reader needs numbering.xml and text
boxes, which python-docx does not expose, and lxml's parser can be locked down.
"""

from __future__ import annotations

import errno
import zipfile
import zlib
from dataclasses import dataclass, field

from ..errors import InputError
from ..io import MAX_BYTES
from ..numerals import to_chinese
from .base import Extracted, Hint
from .limits import MAX_ELEMENTS, SIDE_PART, TextBudget
from .safezip import open_archive

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parser() -> object:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_blank_text=False)


def format_number(n: int, fmt: str) -> str:
    """A list number in one of Word's number formats."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return to_chinese(n)
    if fmt in {"decimalFullWidth", "decimalFullWidth2"}:
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstractId, starts)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl].start)
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        label = levels[ilvl].text
        for k in range(ilvl + 1):
            lvl = levels.get(k, _Level())
            value = counts.get(k, overrides.get(k, lvl.start))
            label = label.replace(f"%{k + 1}", format_number(value, lvl.fmt))
        return label if levels[ilvl].fmt != "bullet" else ""


def _attr(el: object, name: str) -> str | None:
    value = el.get(W + name)  # type: ignore[attr-defined]
    return str(value) if value is not None else None


def _load_numbering(data: bytes | None) -> _Numbering:
    from lxml import etree

    numbering = _Numbering()
    if data is None:
        return numbering
    root = etree.fromstring(data, _parser())
    for abstract in root.iter(W + "abstractNum"):
        aid = _attr(abstract, "abstractNumId") or ""
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(W + "lvl"):
            ilvl = int(_attr(lvl, "ilvl") or 0)
            level = _Level()
            for child in lvl:
                tag = child.tag
                if tag == W + "numFmt":
                    level.fmt = _attr(child, "val") or "decimal"
                elif tag == W + "lvlText":
                    level.text = _attr(child, "val") or ""
                elif tag == W + "start":
                    level.start = int(_attr(child, "val") or 1)
            levels[ilvl] = level
        numbering.abstract[aid] = levels
    for num in root.iter(W + "num"):
        nid = _attr(num, "numId") or ""
        ref = num.find(W + "abstractNumId")
        overrides: dict[int, int] = {}
        for ov in num.iter(W + "lvlOverride"):
            so = ov.find(W + "startOverride")
            if so is not None:
                overrides[int(_attr(ov, "ilvl") or 0)] = int(_attr(so, "val") or 1)
        numbering.nums[nid] = (_attr(ref, "val") or "" if ref is not None else "", overrides)
    return numbering


def _styles(data: bytes | None) -> dict[str, tuple[str, tuple[str, int] | None, int | None]]:
    """styleId -> (name, numbering (numId, ilvl) or None, outline level or None)."""
    from lxml import etree

    out: dict[str, tuple[str, tuple[str, int] | None, int | None]] = {}
    if data is None:
        return out
    root = etree.fromstring(data, _parser())
    for style in root.iter(W + "style"):
        sid = _attr(style, "styleId") or ""
        name_el = style.find(W + "name")
        name = (_attr(name_el, "val") if name_el is not None else None) or sid
        ppr = style.find(W + "pPr")
        num = None
        outline = None
        if ppr is not None:
            num = _num_pr(ppr)
            ol = ppr.find(W + "outlineLvl")
            if ol is not None:
                outline = int(_attr(ol, "val") or 0)
        out[sid] = (name, num, outline)
    return out


def _num_pr(ppr: object) -> tuple[str, int] | None:
    numpr = ppr.find(W + "numPr")  # type: ignore[attr-defined]
    if numpr is None:
        return None
    nid = numpr.find(W + "numId")
    ilvl = numpr.find(W + "ilvl")
    if nid is None:
        return None
    return _attr(nid, "val") or "", int(_attr(ilvl, "val") or 0) if ilvl is not None else 0


def _text(p: object) -> str:
    parts: list[str] = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "txbxContent"):  # type: ignore[attr-defined]
        if el.tag == W + "txbxContent":
            continue
        if _inside_textbox(el, p):
            continue
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag == W + "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _inside_textbox(el: object, stop: object) -> bool:
    parent = el.getparent()  # type: ignore[attr-defined]
    while parent is not None and parent is not stop:
        if parent.tag == W + "txbxContent":
            return True
        parent = parent.getparent()
    return False


def read(path: str, max_bytes: int = MAX_BYTES) -> Extracted:
    """Extract the text of a .docx file with Word's list labels rendered; a damaged archive
    or part (bad XML, a number that is not one, a corrupt member) is an InputError, and so is
    one over the caps of :mod:`.limits` (decompressed bytes, extracted text, paragraphs)."""
    from lxml import etree

    try:
        return _read(path, max_bytes)
    except (etree.XMLSyntaxError, ValueError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
            RuntimeError) as exc:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"damaged .docx: {detail}", path) from None
    except OSError as exc:
        if exc.errno == errno.EINVAL:  # a seek the zip directory asked for is impossible
            raise InputError("damaged .docx: the zip directory points outside the file", path) from None
        raise


def _read(path: str, max_bytes: int) -> Extracted:
    from lxml import etree

    budget = TextBudget(path, max_bytes)
    lines: list[str] = []
    hints: list[Hint] = []

    def add_line(text: str) -> None:
        budget.add(text)
        lines.append(text)

    with open_archive(path, max_bytes) as archive:
        side = min(SIDE_PART, archive.max_total)
        numbering = _load_numbering(archive.read("word/numbering.xml", side))
        styles = _styles(archive.read("word/styles.xml", side))
        stream = archive.stream("word/document.xml", archive.max_total)
        if stream is None:
            raise InputError("not a Word document (no word/document.xml)", path)

        def paragraph(p: object) -> None:
            ppr = p.find(W + "pPr")  # type: ignore[attr-defined]
            style_id = None
            num = None
            outline = None
            if ppr is not None:
                ps = ppr.find(W + "pStyle")
                style_id = _attr(ps, "val") if ps is not None else None
                num = _num_pr(ppr)
                ol = ppr.find(W + "outlineLvl")
                outline = int(_attr(ol, "val") or 0) if ol is not None else None
            style = styles.get(style_id or "", None)
            if style is not None:
                num = num or style[1]
                outline = outline if outline is not None else style[2]
            label = numbering.label(*num) if num is not None and num[0] != "0" else ""
            text = _text(p)
            line_no = len(lines) + 1
            if label:
                hints.append(Hint(kind="list_label", line=line_no, value=label))
            if style is not None and (style[0].lower().startswith("heading") or style[0].startswith("标题")):
                hints.append(Hint(kind="heading_style", line=line_no, value=style[0]))
            if outline is not None and outline < 9:
                hints.append(Hint(kind="outline_level", line=line_no, value=str(outline + 1)))
            add_line(label + text)
            for box in p.iter(W + "txbxContent"):  # type: ignore[attr-defined]
                hints.append(Hint(kind="text_box", line=len(lines) + 1, value="text box"))
                for inner in box.iter(W + "p"):
                    add_line(_text(inner))

        def block(el: object) -> None:
            tag = el.tag  # type: ignore[attr-defined]
            if tag == W + "p":
                paragraph(el)
            elif tag == W + "tbl":
                hints.append(Hint(kind="table", line=len(lines) + 1, value="table"))
                for row in el.iter(W + "tr"):  # type: ignore[attr-defined]
                    for cell in row.iter(W + "tc"):
                        for p in cell.iter(W + "p"):
                            paragraph(p)

        # streamed: each child of <w:body> (a paragraph or a table) is read when it ends and
        # then dropped, so memory holds one block's elements, not the whole document's tree
        depth = 0
        held = 0  # elements of the current block
        body_seen = in_body = False
        with stream:
            events = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                                     load_dtd=False, huge_tree=False, remove_blank_text=False)
            for event, el in events:
                if event == "start":
                    depth += 1
                    if depth == 2 and el.tag == W + "body":
                        body_seen = in_body = True
                    held += 1
                    if held > MAX_ELEMENTS:
                        raise InputError(f"a paragraph or table of word/document.xml holds more than {MAX_ELEMENTS} "
                                         "XML elements (the limit of MAX_ELEMENTS)", path)
                    continue
                depth -= 1
                if depth == 1:
                    in_body = False
                elif depth == 2 and in_body:
                    block(el)
                    el.clear()
                    parent = el.getparent()
                    while parent is not None and el.getprevious() is not None:
                        del parent[0]
                    held = 0
    if not body_seen:
        raise InputError("word/document.xml has no body", path)
    return Extracted(format="docx", path=path, text="\n".join(lines) + "\n", hints=hints)
