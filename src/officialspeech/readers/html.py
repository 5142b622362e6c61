"""HTML pages (extra ``html``): the article body of a government or news page.

lxml is used (it parses broken real-world HTML, is already needed for .docx, and has no
network access): navigation, breadcrumbs, share buttons, scripts and footers are dropped
by tag and by class or id words; the article is the element holding the most paragraph
text; <p>, <div>, <li>, headings and <br> become line breaks; text, full-width indents
included, is kept as written.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from ..compiled import compile_re
from ..errors import InputError
from ..io import MAX_BYTES, decode, read_bytes
from ..packaged import package_text
from .base import Extracted
from .limits import MAX_ELEMENTS

BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "pre",
         "table", "ul", "ol", "dd", "dt", "center"}
_START_TAG = compile_re(r"<[A-Za-z]")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)


@cache
def _chrome() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The page chrome to drop, from data/chrome.json (section html)."""
    data = json.loads(package_text("data/chrome.json"))["html"]
    return tuple(data["drop_tags"]), compile_re(data["drop_words"], re.I)


def _decode(data: bytes, path: str) -> str:
    m = _CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        if enc in ("gb2312", "gbk"):
            enc = "gb18030"
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def _text(el: object, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
    if tag == "br" or tag in BLOCK:
        out.append("\n")
    if el.text and tag not in ("br",):  # type: ignore[attr-defined]
        out.append(el.text)  # type: ignore[attr-defined]
    for child in el:  # type: ignore[attr-defined]
        _text(child, out)
        if child.tail:
            out.append(child.tail)
    if tag in BLOCK:
        out.append("\n")


def _parse(text: str, path: str) -> object:
    """The page's tree, after counting its start tags (at most ``MAX_ELEMENTS``, so that
    the tree stays a few times the size of the page); the HTML parser reads no DTD,
    expands no declared entity and has no network access."""
    import lxml.html

    tags = sum(1 for _ in _START_TAG.finditer(text))
    if tags > MAX_ELEMENTS:
        raise InputError(f"more than {MAX_ELEMENTS} HTML elements (the limit of MAX_ELEMENTS)", path)
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    return lxml.html.document_fromstring(text, parser=parser)


def read(path: str, max_bytes: int = MAX_BYTES) -> Extracted:
    """Extract the article text of an HTML page (a page over ``max_bytes`` is refused)."""
    try:
        import lxml.html  # noqa: F401
    except ImportError:  # pragma: no cover - the extra is missing
        raise InputError("reading HTML needs the html extra: pip install 'officialspeech[html]'", path) from None
    data = read_bytes(path, max_bytes)
    text = _decode(data, path)
    del data
    try:
        root: Any = _parse(text, path)
    except InputError:
        raise
    except Exception as exc:  # lxml raises ParserError and ValueError on empty or odd input
        raise InputError(f"cannot parse HTML: {exc}", path) from None
    del text
    drop_tags, drop_words = _chrome()
    for el in list(root.iter(*drop_tags)):
        el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        words = f"{el.get('class', '')} {el.get('id', '')}"
        if words.strip() and drop_words.search(words) and el.tag not in ("body", "html"):
            el.drop_tree()
    best, best_len = root, 0
    for el in root.iter("div", "article", "section", "td", "main", "body"):
        length = sum(len(p.text_content()) for p in el.findall("p")) + sum(
            len(p.text_content()) for p in el.findall("div") if not p.findall(".//div"))
        if length > best_len:
            best, best_len = el, length
    out: list[str] = []
    _text(best, out)
    lines = [line.rstrip() for line in "".join(out).replace("\r\n", "\n").split("\n")]
    cleaned = "\n".join(line for line in lines if line.strip())
    if not cleaned.strip():
        raise InputError("no article text found in the HTML page", path)
    return Extracted(format="html", path=path, text=cleaned + "\n")
