"""Shape consistency on ../shared/wild: does the outline survive when the same text changes shape?

Usage: python benchmarks/shape_consistency.py [--wild DIR] [--half A|B|all] [--shape NAME ...]
                                             [--json [PATH]] [--details SHAPE] [--seed N]

There is no hand gold.  The reference is the parser's own outline of each *clean-lined* text
(>= 20 non-blank lines, no line over 2,000 characters, >= 2 headings in its own outline).  The
same text is then rendered in seven shapes and parsed again:

  flattened     every line break removed
  space_joined  every line break (CRLF, CR or LF) replaced by one space
  page_broken   page markers (第5页 共9页, — 3 —, - 3 -, ...) every ~``--page-chars`` characters:
                on a line of their own between lines, on a line of their own splitting a
                paragraph, or glued into a sentence
  hard_wrapped  every line longer than ``--width`` characters broken every ``--width`` characters
                (PDF-like: mid-sentence)
  chrome        header and footer lines of a document-sharing or news site (breadcrumbs, 下载,
                举报, 相关文档, page counts, time stamps, site names)
  halfwidth     full-width ，：；（）！？ and U+3000 written half-width, as a web archive's NFKC
                normalisation does (。、“”《》 unchanged)
  scraped       a document-sharing page: flattened, page-broken and wrapped in chrome at once
                (the shapes the seed page shows together)

The page-marker and chrome templates are written here, in several styles chosen at random with
a fixed seed per text and shape; nothing is read from the parser's data files or grammar, so the
variants are not only what the parser already knows.

Matching.  Every variant is built as a list of segments (slices of the original and inserted
strings), so each variant character knows the original offset it came from (``-1`` for inserted
characters, e.g. a page marker or the space that replaced a line break).  A variant heading is
the same heading as a reference one when its marker (white space removed), level and the
*original* offset of its first character agree; a heading that starts on an inserted character
matches nothing.  Points likewise (marker without a trailing comma or colon, number, offset).
Titles, leads and the document title agree when their text is equal with all white space
removed (line breaks and the spaces that replaced them do not count; an inserted page marker or
chrome line inside a title does) and the punctuation of ``halfwidth`` folded to one width (markers
too: （一） is (一)).  Parent accuracy: the matched heading's parent is the match of
the reference heading's parent (or both are top level).

Columns: hF1 heading F1, title heading title exact (of matched headings), parent parent accuracy,
pF1 point F1, lead lead exact, docTit document title exact, salut salutation exact (both per text,
None = None agreeing), allOK texts whose outline agrees entirely, insRec the share of inserted
page-marker or chrome lines the variant's parse took wholly as page markers or chrome (not part of
the agreement; - where nothing is inserted).

Besides the agreement (over clean-lined texts) every wild text and all its variants are parsed
and checked: no exception, every span in range and agreeing with its line, column and text, and
no non-blank character lost.

``--half A|B`` keeps one half of ../shared/wild, split by document: a text and its
``near_duplicate_of`` rendering are one group, groups are taken in id order and dealt A, B, A, ...
(for learned-weight work: train on one half, report on the other).
``--details SHAPE`` prints every disagreement of that shape, text by text, with the variant text
around it (``⏎`` for a line break).  Exits 0 with a message when ../shared/wild is absent.
This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WILD = ROOT.parent / "shared" / "wild"
sys.path.insert(0, str(ROOT / "tests"))

import spanchecks  # noqa: E402
from officialspeech import Speech, parse_speech  # noqa: E402

SHAPES = ("flattened", "space_joined", "page_broken", "hard_wrapped", "chrome", "halfwidth", "scraped")
# NFKC as a web archive applies it: full-width ，：；（）！？ and U+3000 become half-width
# (。、“”《》 are unchanged); written here, not read from the parser's data
HALFWIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "\u3000": " "})
BREAK = re.compile(r"\r\n|\r|\n")
WS = re.compile(r"\s+")
MIN_LINES = 20
MAX_LINE = 2000
MIN_HEADINGS = 2

# ---------------------------------------------------------------------------------------------
# variants with an offset map

Segment = tuple[int, int] | str  # a slice [start, end) of the original, or inserted text


@dataclass(frozen=True)
class Variant:
    """A reshaped text and, per character, the original offset it came from (-1: inserted)."""

    shape: str
    text: str
    origin: array[int]

    def original(self, offset: int) -> int:
        """The original offset of variant character ``offset`` (-1 when inserted or out of range)."""
        return self.origin[offset] if 0 <= offset < len(self.origin) else -1

    def kept(self) -> str:
        """The variant with every inserted character removed."""
        return "".join(ch for ch, o in zip(self.text, self.origin, strict=True) if o >= 0)

    def inserted(self) -> list[tuple[int, str]]:
        """The inserted runs as (variant offset, text), in order."""
        runs: list[tuple[int, str]] = []
        start = -1
        for i, o in enumerate([*self.origin, 0]):
            if o < 0 and start < 0:
                start = i
            elif o >= 0 and start >= 0:
                runs.append((start, self.text[start:i]))
                start = -1
        return runs


def build(shape: str, original: str, segments: Sequence[Segment]) -> Variant:
    """The variant made of ``segments``; original slices must come in order and not overlap."""
    parts: list[str] = []
    origin: array[int] = array("l")
    last = 0
    for seg in segments:
        if isinstance(seg, str):
            parts.append(seg)
            origin.extend([-1] * len(seg))
        else:
            start, end = seg
            if not last <= start <= end <= len(original):
                raise ValueError(f"segment {seg} out of order (after {last})")
            parts.append(original[start:end])
            origin.extend(range(start, end))
            last = end
    return Variant(shape, "".join(parts), origin)


def line_ranges(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end of content, end with the line break) of every line."""
    pos = 0
    for m in BREAK.finditer(text):
        yield pos, m.start(), m.end()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text), len(text)


def newline_of(text: str) -> str:
    """The text's commonest line break (LF when it has none)."""
    counts = {"\r\n": text.count("\r\n"), "\n": text.count("\n") - text.count("\r\n"),
              "\r": text.count("\r") - text.count("\r\n")}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "\n"


def flattened(text: str, rng: random.Random) -> Variant:
    """Every line break removed."""
    return build("flattened", text, [(s, e) for s, e, _ in line_ranges(text)])


def halfwidth(text: str, rng: random.Random) -> Variant:
    """Full-width ，：；（）！？ and U+3000 written half-width (NFKC), character for character:
    every character keeps its offset."""
    return Variant("halfwidth", text.translate(HALFWIDTH), array("l", range(len(text))))


def space_joined(text: str, rng: random.Random) -> Variant:
    """Every line break replaced by one space."""
    segs: list[Segment] = []
    for s, e, b in line_ranges(text):
        segs.append((s, e))
        if b > e:
            segs.append(" ")
    return build("space_joined", text, segs)


def hard_wrapped(text: str, rng: random.Random, width: int = 36) -> Variant:
    """Lines longer than ``width`` broken every ``width`` characters, as PDF extraction does."""
    nl = newline_of(text)
    segs: list[Segment] = []
    for s, e, b in line_ranges(text):
        pos = s
        while e - pos > width:
            segs.extend([(pos, pos + width), nl])
            pos += width
        segs.append((pos, b))
    return build("hard_wrapped", text, segs)


# page markers: (template, chance of spaces around it when glued); {p} page, {n} pages
PAGE_STYLES = (
    "第{p}页 共{n}页",
    "第{p}页/共{n}页",
    "共{n}页 第{p}页",
    "第 {p} 页",
    "— {p} —",
    "- {p} -",
    "—{p}—",
    "-{p}-",
    "{p} / {n}",
    "第{p}页，共{n}页",
)


def page_broken(text: str, rng: random.Random, every: int = 900) -> Variant:
    """Page markers of one randomly chosen style every ~``every`` characters (±20%): on a line
    of their own between lines, on a line of their own splitting a paragraph, or glued into it."""
    nl = newline_of(text)
    style = rng.choice(PAGE_STYLES)
    total = max(2, -(-len(text) // every))
    lines = list(line_ranges(text))
    inserts: list[tuple[int, str]] = []
    target = int(every * rng.uniform(0.8, 1.2))
    page = 1
    li = 0
    while target < len(text) - 20 and page < total:
        while li < len(lines) - 1 and lines[li][2] <= target:
            li += 1
        s, e, b = lines[li]
        marker = style.format(p=page, n=total)
        mode = rng.random()
        inside = e - s >= 80 and s + 40 <= target <= e - 10
        if inside and mode < 0.3:  # glued into the sentence
            inserts.append((target, marker))
        elif inside and mode < 0.6:  # a line of its own, splitting the paragraph
            inserts.append((target, nl + marker + nl))
        elif b > e:  # a line of its own after this line
            inserts.append((b, marker + nl))
        else:  # the last line, or a short one with no line break: glued at its end
            inserts.append((e, nl + marker))
        page += 1
        target = max(target, inserts[-1][0]) + int(every * rng.uniform(0.8, 1.2))
    segs: list[Segment] = []
    pos = 0
    for at, marker in inserts:
        segs.extend([(pos, at), marker])
        pos = at
    segs.append((pos, len(text)))
    return build("page_broken", text, segs)


SITES = ("百度文库", "道客巴巴", "豆丁网", "原创力文档", "人人文库", "文档之家", "办公资源网", "360文库", "七彩文档网", "范文先生网")
ORGS = ("东川市人民政府", "临江县人民政府", "南岭区人民政府", "北湖市发展和改革委员会", "西平县委组织部")
CATEGORIES = ("党政公文", "讲话致辞", "工作总结", "领导讲话", "心得体会", "计划方案", "行业资料", "公文写作")
DOCS = ("关于做好2024年度安全生产工作的通知", "在全县防汛抗旱工作会议上的讲话", "基层党建工作述职报告范文",
        "关于进一步优化营商环境的实施方案", "乡村振兴工作推进会讲话稿", "作风建设专项行动心得体会（精选3篇）",
        "民生实事项目完成情况的工作汇报", "招商引资工作总结及明年工作计划", "在全市经济工作会议上的讲话（完整版）",
        "党课讲稿：汲取奋进力量", "年度述职述廉报告", "关于开展安全隐患大排查大整治的通知")
DOC_EXT = ("", "", ".docx", ".doc", ".pdf")


def _date(rng: random.Random) -> str:
    return f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _time(rng: random.Random) -> str:
    return f"{_date(rng)} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}" + (f":{rng.randint(0, 59):02d}" if rng.random() < 0.5 else "")


def _doc(rng: random.Random) -> str:
    return rng.choice(DOCS) + rng.choice(DOC_EXT)


def _chrome_library(rng: random.Random, pages: int) -> tuple[list[str], list[str]]:
    site = rng.choice(SITES)
    head = [site, f"首页 > {rng.choice(CATEGORIES)} > {rng.choice(CATEGORIES)}",
            f"上传人：{rng.choice(['用户', 'wk_', 'doc'])}{rng.randint(1000, 99999)}", f"上传时间：{_date(rng)}",
            f"页数：{pages}页", f"大小：{rng.randint(12, 480)}.{rng.randint(0, 99)}KB", "格式：DOCX",
            "下载", "举报", "收藏"]
    tail = ["下载此文档", "举报", "相关文档", *(_doc(rng) for _ in range(rng.randint(2, 5))),
            "本文档由用户上传，版权归原作者所有，如有侵权请联系删除。", f"©20{rng.randint(18, 25)} {site} 版权所有"]
    return head, tail


def _chrome_gov(rng: random.Random, pages: int) -> tuple[list[str], list[str]]:
    org = rng.choice(ORGS)
    head = [f"{org}门户网站", f"当前位置：首页 >> 新闻中心 >> {rng.choice(['领导讲话', '政务要闻', '重要讲话'])}",
            f"发布时间：{_time(rng)}　来源：{org}办公室　浏览次数：{rng.randint(50, 9999)}",
            "【字体：大 中 小】【打印】【关闭】"]
    tail = ["【打印本页】　【关闭窗口】", f"上一篇：{_doc(rng)}", f"下一篇：{_doc(rng)}",
            f"主办单位：{org}办公室　承办：{org}信息中心",
            f"网站标识码：{rng.randint(1000000000, 9999999999)}　ICP备{rng.randint(10000000, 99999999)}号"]
    return head, tail


def _chrome_share(rng: random.Random, pages: int) -> tuple[list[str], list[str]]:
    site = rng.choice(SITES)
    head = [f"{site} - 在线文档分享平台", f"{rng.choice(CATEGORIES)} | {rng.randint(10, 9999)}次阅读 | {rng.randint(1, 999)}次下载",
            "VIP免费下载", f"文档格式：.doc　文档页数：{pages}页　文档大小：{rng.randint(20, 300)}K", _time(rng)]
    tail = [f"阅读已结束，下载本文需要 {rng.randint(1, 20)} 积分", "立即下载", "举报", "猜你喜欢",
            *(_doc(rng) for _ in range(rng.randint(2, 4))), "关于我们 | 联系我们 | 用户协议 | 隐私政策"]
    return head, tail


def _chrome_mobile(rng: random.Random, pages: int) -> tuple[list[str], list[str]]:
    site = rng.choice(SITES)
    head = ["返回", site, _time(rng), f"阅读 {rng.randint(100, 99999)}", "打开APP"]
    tail = ["展开全文", "点击查看更多>>", "分享到：微信 微博 QQ空间", "举报/反馈", "相关推荐",
            *(_doc(rng) for _ in range(rng.randint(2, 4))), f"共{pages}页", "下载APP，阅读更方便"]
    return head, tail


CHROME_STYLES: tuple[Callable[[random.Random, int], tuple[list[str], list[str]]], ...] = (
    _chrome_library, _chrome_gov, _chrome_share, _chrome_mobile)


def chrome(text: str, rng: random.Random) -> Variant:
    """Header and footer lines of a site around the text (one style chosen at random; a few of its
    lines dropped at random, a blank line before and after the speech now and then)."""
    nl = newline_of(text)
    head, tail = rng.choice(CHROME_STYLES)(rng, max(1, len(text) // 900))
    head = [h for h in head if rng.random() < 0.85] or head[:1]
    tail = [t for t in tail if rng.random() < 0.85] or tail[:1]
    before = nl.join(head) + nl + (nl if rng.random() < 0.3 else "")
    ends_with_break = bool(BREAK.search(text[-2:])) if text else True
    after = ("" if ends_with_break else nl) + (nl if rng.random() < 0.3 else "") + nl.join(tail) + nl
    return build("chrome", text, [before, (0, len(text)), after])


def composed(shape: str, first: Variant, second: Variant) -> Variant:
    """``second`` (made from ``first.text``) with its offsets mapped back to the original."""
    origin = array("l", (first.origin[o] if o >= 0 else -1 for o in second.origin))
    return Variant(shape, second.text, origin)


def scraped(text: str, rng: random.Random, every: int = 900) -> Variant:
    """A document-sharing page: the text flattened to one line, page markers glued into it
    or on lines of their own, and the site's header and footer around it."""
    flat = flattened(text, rng)
    paged = composed("scraped", flat, page_broken(flat.text, rng, every))
    return composed("scraped", paged, chrome(paged.text, rng))


GENERATORS: dict[str, Callable[[str, random.Random], Variant]] = {
    "flattened": flattened, "space_joined": space_joined, "page_broken": page_broken,
    "hard_wrapped": hard_wrapped, "chrome": chrome, "halfwidth": halfwidth, "scraped": scraped}


def variant(text: str, shape: str, key: str, seed: int = 0, width: int = 36, page_chars: int = 900) -> Variant:
    """The text in ``shape``, randomised by ``seed`` and ``key`` (e.g. the text's id)."""
    rng = random.Random(f"{seed}:{key}:{shape}")
    if shape == "hard_wrapped":
        return hard_wrapped(text, rng, width)
    if shape == "page_broken":
        return page_broken(text, rng, page_chars)
    if shape == "scraped":
        return scraped(text, rng, page_chars)
    return GENERATORS[shape](text, rng)


# ---------------------------------------------------------------------------------------------
# outlines and agreement


def fold(s: str) -> str:
    """``s`` with the full-width punctuation of HALFWIDTH written half-width."""
    return s.translate(HALFWIDTH)


def norm(s: str | None) -> str | None:
    """Text compared without any white space, full- and half-width punctuation alike."""
    return None if s is None else WS.sub("", fold(s))


def marker_key(marker: str) -> str:
    """A marker without white space and without the comma or colon after it (第一， = 第一),
    full- and half-width alike (（一） = (一))."""
    return WS.sub("", fold(marker)).rstrip(",:")


@dataclass(frozen=True)
class Item:
    """A heading or point of an outline, keyed by marker, level or number, and original offset."""

    key: tuple[str, int, int]
    marker: str
    text: str  # heading title or point lead
    parent: int | None  # index of the parent heading in the same outline
    start: int  # offset in the parsed text (variant offsets for a variant)
    confidence: str = ""  # a heading's title-end confidence


def outline(speech: Speech, to_original: Callable[[int], int]) -> tuple[list[Item], list[Item]]:
    """Headings and points in document order, keyed by original offsets."""
    heads: list[Item] = []
    points: list[Item] = []

    def walk(blocks: Sequence[Any], parent: int | None) -> None:
        for b in blocks:
            if b.kind == "section":
                st = b.heading_span.start
                heads.append(Item((marker_key(b.marker), b.level, to_original(st)), b.marker, b.title, parent, st, b.confidence))
                walk(b.children, len(heads) - 1)
            elif b.kind == "point":
                st = b.span.start
                points.append(Item((marker_key(b.marker), b.number, to_original(st)), b.marker, b.lead, parent, st))

    walk(speech.body, None)
    return heads, points


@dataclass
class Tally:
    """Counts behind the agreement of one shape."""

    texts: int = 0
    h_ref: int = 0
    h_var: int = 0
    h_tp: int = 0
    h_title: int = 0
    h_parent: int = 0
    p_ref: int = 0
    p_var: int = 0
    p_tp: int = 0
    p_lead: int = 0
    doc_title: int = 0
    salutation: int = 0
    all_agree: int = 0
    inserted: int = 0  # inserted non-blank lines (page markers, chrome lines)
    recognised: int = 0  # of them, wholly covered by the variant's page-marker or chrome spans
    details: list[Disagreement] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
            else:
                getattr(self, k).extend(v)

    def scores(self) -> dict[str, float]:
        def f1(tp: int, a: int, b: int) -> float:
            return 1.0 if a + b == 0 else 2 * tp / (a + b)

        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {"heading_f1": f1(self.h_tp, self.h_ref, self.h_var), "title_exact": ratio(self.h_title, self.h_tp),
                "parent_accuracy": ratio(self.h_parent, self.h_tp), "point_f1": f1(self.p_tp, self.p_ref, self.p_var),
                "lead_exact": ratio(self.p_lead, self.p_tp), "doc_title_exact": ratio(self.doc_title, self.texts),
                "salutation_exact": ratio(self.salutation, self.texts), "texts_all_agree": ratio(self.all_agree, self.texts),
                "inserted_recognised": ratio(self.recognised, self.inserted)}


def _around(v: Variant, at: int, before: int = 12, after: int = 40) -> str:
    if at < 0:
        return ""
    return (v.text[max(0, at - before):at] + "▮" + v.text[at:at + after]).replace("\r", "").replace("\n", "⏎")


def _short(s: str | None, n: int = 40) -> str:
    if s is None:
        return "None"
    s = s.replace("\r", "").replace("\n", "⏎")
    return repr(s if len(s) <= n else s[:n] + "…")


@dataclass(frozen=True)
class Disagreement:
    """One place where a variant's outline differs from the reference outline."""

    doc: str
    what: str  # title, parent, missed heading, extra heading, lead, missed point, extra point, document title, salutation
    marker: str
    reference: str | None  # the reference's title, lead or parent marker
    variant: str | None  # the variant's
    context: str = ""  # the variant text around the place (▮ marks it)

    def __str__(self) -> str:
        where = f" | {self.context}" if self.context else ""
        if self.what in ("missed heading", "missed point"):
            return f"{self.doc} {self.what} {self.marker}{_short(self.reference, 24)}{where}"
        if self.what in ("extra heading", "extra point"):
            return f"{self.doc} {self.what} {self.marker}{_short(self.variant, 24)}{where}"
        n = 60 if self.what in ("document title", "salutation") else 40
        marker = f" {self.marker}" if self.marker else ""
        return f"{self.doc} {self.what}{marker}: {_short(self.reference, n)} -> {_short(self.variant, n)}{where}"


def compare(doc_id: str, ref: Speech, var_speech: Speech, v: Variant) -> Tally:
    """The agreement of a variant's outline with the reference outline."""
    t = Tally(texts=1)
    rh, rp = outline(ref, lambda o: o)
    vh, vp = outline(var_speech, v.original)
    t.h_ref, t.h_var, t.p_ref, t.p_var = len(rh), len(vh), len(rp), len(vp)
    r_index = {h.key: i for i, h in enumerate(rh)}
    pairs = {j: r_index[h.key] for j, h in enumerate(vh) if h.key in r_index}  # variant -> reference
    t.h_tp = len(pairs)
    add = t.details.append
    for j, i in pairs.items():
        a, b = rh[i], vh[j]
        if norm(a.text) == norm(b.text):
            t.h_title += 1
        else:
            add(Disagreement(doc_id, "title", a.marker, a.text, b.text, f"{b.confidence} {_around(v, b.start, 4, 24)}"))
        if (pairs.get(b.parent) if b.parent is not None else None) == a.parent:
            t.h_parent += 1
        else:
            add(Disagreement(doc_id, "parent", f"{a.marker}{a.text[:16]}", rh[a.parent].marker if a.parent is not None else "top",
                             vh[b.parent].marker if b.parent is not None else "top"))
    matched = set(pairs.values())
    inverse = {o: k for k, o in enumerate(v.origin) if o >= 0} if len(matched) < len(rh) else {}
    t.details.extend(Disagreement(doc_id, "missed heading", h.marker, h.text, None, _around(v, inverse.get(h.start, -1)))
                     for i, h in enumerate(rh) if i not in matched)
    t.details.extend(Disagreement(doc_id, "extra heading", h.marker, None, h.text, _around(v, h.start))
                     for j, h in enumerate(vh) if j not in pairs)
    rpi = {p.key: i for i, p in enumerate(rp)}
    ppairs = {j: rpi[p.key] for j, p in enumerate(vp) if p.key in rpi}
    t.p_tp = len(ppairs)
    for j, i in ppairs.items():
        if norm(rp[i].text) == norm(vp[j].text):
            t.p_lead += 1
        else:
            add(Disagreement(doc_id, "lead", rp[i].marker, rp[i].text, vp[j].text))
    pm = set(ppairs.values())
    t.details.extend(Disagreement(doc_id, "missed point", p.marker, p.text, None) for i, p in enumerate(rp) if i not in pm)
    t.details.extend(Disagreement(doc_id, "extra point", p.marker, None, p.text, _around(v, p.start))
                     for j, p in enumerate(vp) if j not in ppairs)
    rt = ref.title.text if ref.title else None
    vt = var_speech.title.text if var_speech.title else None
    t.doc_title = int(norm(rt) == norm(vt))
    if not t.doc_title:
        add(Disagreement(doc_id, "document title", "", rt, vt))
    rs = ref.salutation.text if ref.salutation else None
    vs = var_speech.salutation.text if var_speech.salutation else None
    t.salutation = int(norm(rs) == norm(vs))
    if not t.salutation:
        add(Disagreement(doc_id, "salutation", "", rs, vs))
    t.all_agree = int(not t.details)
    t.inserted, t.recognised = recognised(var_speech, v)
    return t


def recognised(speech: Speech, v: Variant) -> tuple[int, int]:
    """(inserted non-blank lines, how many of them the parse took wholly as page markers or chrome)."""
    covered = bytearray(len(v.text))
    spans = [m.span for m in speech.page_markers] + [c.span for c in speech.chrome]
    for sp in spans:
        covered[sp.start:sp.end] = b"\x01" * (sp.end - sp.start)
    total = found = 0
    for at, run in v.inserted():
        for m in re.finditer(r"[^\r\n]+", run):
            chars = [at + m.start() + k for k, ch in enumerate(m.group()) if not ch.isspace()]
            if chars:
                total += 1
                found += all(covered[c] for c in chars)
    return total, found


# ---------------------------------------------------------------------------------------------
# the wild corpus


def clean_lined(text: str, speech: Speech) -> bool:
    """>= 20 non-blank lines, no line over 2,000 characters, >= 2 headings in its own outline."""
    lines = [text[s:e] for s, e, _ in line_ranges(text)]
    return (sum(1 for ln in lines if ln.strip()) >= MIN_LINES and max(map(len, lines), default=0) <= MAX_LINE
            and len(speech.sections()) >= MIN_HEADINGS)


def halves(manifest: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Text id -> 'A' or 'B': a text and its near-duplicate rendering in one group, groups in id
    order dealt A, B, A, B, ..."""
    root = {r["id"]: r.get("near_duplicate_of") or r["id"] for r in manifest}
    groups = sorted(set(root.values()))
    side = {g: "AB"[k % 2] for k, g in enumerate(groups)}
    return {doc: side[g] for doc, g in root.items()}


def span_problems(text: str, speech: Speech) -> list[str]:
    """Why the parse's spans are not valid (empty when they are)."""
    out: list[str] = []
    if speech.length != len(text):
        out.append(f"length {speech.length} != {len(text)}")
    try:
        spanchecks.check_spans(text, speech)
    except AssertionError as exc:
        out.append(f"span check failed {exc}")
    lost = spanchecks.coverage_gaps(text, speech)
    if lost:
        out.append(f"{len(lost)} non-blank characters lost, first at {lost[0]}: {text[lost[0]:lost[0] + 20]!r}")
    return out


@dataclass
class Run:
    """Everything one run measured."""

    half: str
    texts: int = 0
    clean: list[str] = field(default_factory=list)
    parses: int = 0
    exceptions: list[str] = field(default_factory=list)
    span_errors: list[str] = field(default_factory=list)
    shapes: dict[str, Tally] = field(default_factory=dict)
    seconds: float = 0.0


def run(wild: Path, half: str = "all", shapes: Sequence[str] = SHAPES, seed: int = 0, width: int = 36,
        page_chars: int = 900) -> Run:
    """Parse every wild text of ``half`` and its variants; compare the clean-lined ones."""
    manifest = json.loads((wild / "manifest.json").read_text("utf-8"))
    side = halves(manifest)
    out = Run(half, shapes={s: Tally() for s in shapes})
    t0 = time.perf_counter()
    for row in manifest:
        if half != "all" and side[row["id"]] != half:
            continue
        doc = row["id"]
        text = (wild / row["file"]).read_bytes().decode("utf-8")
        out.texts += 1

        def parse(t: str, label: str) -> Speech | None:
            out.parses += 1
            try:
                sp = parse_speech(t)
            except Exception as exc:  # a crash is a finding, not the end of the run
                out.exceptions.append(f"{label}: {type(exc).__name__}: {exc}")
                return None
            out.span_errors.extend(f"{label}: {p}" for p in span_problems(t, sp))
            return sp

        ref = parse(text, f"{doc} original")
        is_clean = ref is not None and clean_lined(text, ref)
        if is_clean:
            out.clean.append(doc)
        for shape in shapes:
            v = variant(text, shape, doc, seed, width, page_chars)
            sp = parse(v.text, f"{doc} {shape}")
            if is_clean and ref is not None and sp is not None:
                out.shapes[shape].add(compare(doc, ref, sp, v))
    out.seconds = time.perf_counter() - t0
    return out


COLUMNS = (("heading_f1", "hF1"), ("title_exact", "title"), ("parent_accuracy", "parent"), ("point_f1", "pF1"),
           ("lead_exact", "lead"), ("doc_title_exact", "docTit"), ("salutation_exact", "salut"),
           ("texts_all_agree", "allOK"), ("inserted_recognised", "insRec"))


def table(r: Run) -> str:
    """The agreement per shape and the robustness line, as printed."""
    lines = [f"wild texts: {r.texts} (half {r.half}), clean-lined: {len(r.clean)}; parses: {r.parses} "
             f"(originals and {len(r.shapes)} shapes) in {r.seconds:.1f} s; exceptions: {len(r.exceptions)}; "
             f"span errors: {len(r.span_errors)}",
             f"{'shape':<13}" + "".join(f"{c:>7}" for _, c in COLUMNS) + f"{'heads':>7}{'points':>7}"]
    for shape, t in r.shapes.items():
        s = t.scores()
        lines.append(f"{shape:<13}" + "".join(f"{s[k]:7.3f}" for k, _ in COLUMNS[:-1])
                     + (f"{s['inserted_recognised']:7.3f}" if t.inserted else f"{'-':>7}") + f"{t.h_ref:>7}{t.p_ref:>7}")
    lines.extend(f"EXCEPTION {e}" for e in r.exceptions)
    lines.extend(f"SPANS {e}" for e in r.span_errors)
    return "\n".join(lines)


def figures(r: Run) -> dict[str, Any]:
    """The figures of a run, for --json."""
    return {"half": r.half, "texts": r.texts, "clean_lined": len(r.clean), "parses": r.parses,
            "exceptions": r.exceptions, "span_errors": r.span_errors,
            "shapes": {s: {**{k: v for k, v in t.scores().items() if t.inserted or k != "inserted_recognised"},
                           "headings": t.h_ref, "points": t.p_ref, "texts": t.texts, "inserted_lines": t.inserted}
                       for s, t in r.shapes.items()}}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--wild", type=Path, default=DEFAULT_WILD)
    ap.add_argument("--half", choices=("A", "B", "all"), default="all")
    ap.add_argument("--shape", action="append", choices=SHAPES, help="only this shape (repeatable)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--width", type=int, default=36, help="hard-wrap width in characters")
    ap.add_argument("--page-chars", type=int, default=900, help="characters per page when page-broken")
    ap.add_argument("--json", nargs="?", const="-", metavar="PATH", help="write the figures as JSON (- or no PATH: stdout)")
    ap.add_argument("--details", choices=SHAPES, metavar="SHAPE", help="print every disagreement of SHAPE")
    args = ap.parse_args(argv)
    if not (args.wild / "manifest.json").is_file():
        print(f"wild corpus not found at {args.wild}; nothing to measure")
        return 0
    shapes = args.shape or list(SHAPES)
    if args.details and args.details not in shapes:
        shapes.append(args.details)
    r = run(args.wild, args.half, shapes, args.seed, args.width, args.page_chars)
    if args.json:
        data = json.dumps(figures(r), ensure_ascii=False, indent=1)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", "utf-8")
    if args.json != "-":
        print(table(r))
    if args.details:
        print(f"\ndisagreements, {args.details}:")
        for line in r.shapes[args.details].details:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
