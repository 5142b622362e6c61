"""Generate speeches (trees of our own phrases) and render them in the shapes found in the wild.

Used by the property tests and by benchmarks/throughput.py.  Every phrase here was written
for this project.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from officialspeech import Point, Speech

CN = "一二三四五六七八九十"

TITLE_VERBS = ["提高", "加强", "压实", "突出", "抓好", "推进", "强化", "深化", "健全", "优化", "聚焦", "筑牢"]
TITLE_OBJECTS = ["政治站位", "组织领导", "工作责任", "重点任务", "队伍建设", "基层基础", "制度保障", "作风建设",
                 "风险防控", "服务水平", "产业发展", "民生保障", "安全底线", "改革创新"]
TITLE_TAILS = ["在服务大局上展现新作为", "在履职尽责中创造新业绩", "在改革创新中树立新形象",
               "确保各项任务落到实处", "推动工作提质增效", "切实增强责任感紧迫感"]
OPENERS = ["我们要", "近年来", "今年以来", "各级党委", "全市各级", "当前", "实践证明", "同志们"]
CLAUSES = ["坚持问题导向", "狠抓工作落实", "加大工作力度", "完善工作机制", "强化督促检查", "注重统筹协调",
           "持续改进作风", "不断提升能力", "扎实推进各项工作", "切实解决突出问题", "积极回应群众关切"]
POINT_HEADS = ["抓学习", "抓落实", "抓队伍", "抓服务", "抓规范", "抓创新", "抓宣传", "抓保障"]
TITLES = ["在全市安全生产工作会议上的讲话", "在全县乡村振兴推进会上的讲话", "在全区作风建设大会上的讲话",
          "在市总工会全委会议上的讲话"]
SALUTATIONS = ["同志们：", "各位代表：", "各位领导、同志们："]
CHROME_HEAD = ["分享", "下载文档", "ID:3381", "大小:20.1KB", "页数:4页", "格式:DOCX", "时间:2024-03-02"]
CHROME_TAIL = ["此文档下载收益归作者所有", "下载文档", "收起", "展开"]


@dataclass
class Node:
    """A section of a generated speech."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


@dataclass
class Tree:
    """A generated speech."""

    title: str
    salutation: str
    intro: str
    sections: list[Node]
    closing: str = "谢谢大家！"


def _sentence(rng: random.Random) -> str:
    clauses = rng.sample(CLAUSES, rng.randint(2, 3))
    return rng.choice(OPENERS) + "，".join(clauses) + "。"


def _paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(_sentence(rng) for _ in range(sentences))


def _title(rng: random.Random, long: bool) -> str:
    head = rng.choice(TITLE_VERBS) + rng.choice(TITLE_OBJECTS)
    return head + "，" + rng.choice(TITLE_TAILS) if long else head


def generate(rng: random.Random, sections: int = 3, max_children: int = 3, sentences: int = 1) -> Tree:
    """A random speech tree; paragraphs have up to ``sentences`` sentences (real speeches:
    about 6, one heading per 1,000 characters; the property tests use 1 to stay small)."""
    secs: list[Node] = []
    for _ in range(sections):
        node = Node(_title(rng, long=True),
                    [_paragraph(rng, rng.randint(1, sentences)) for _ in range(rng.randint(1, 2 + sentences // 3))])
        if rng.random() < 0.5:
            node.points = rng.sample(POINT_HEADS, rng.randint(2, 4))
        for _ in range(rng.choice([0, *range(2, max_children + 1)])):
            child = Node(_title(rng, long=False),
                         [_paragraph(rng, rng.randint(1, sentences)) for _ in range(rng.randint(1, 1 + sentences // 3))])
            if rng.random() < 0.3:
                child.points = rng.sample(POINT_HEADS, rng.randint(2, 3))
            node.children.append(child)
        secs.append(node)
    return Tree(rng.choice(TITLES), rng.choice(SALUTATIONS), _paragraph(rng, sentences), secs)


def _point_lines(points: list[str], rng: random.Random) -> list[str]:
    return [f"{CN[i]}是{p}。{_sentence(rng)}" for i, p in enumerate(points)]


def render_lines(tree: Tree, seed: int = 0) -> list[str]:
    """One paragraph per line; headings on lines of their own."""
    rng = random.Random(seed)
    out = [tree.title, tree.salutation, tree.intro]
    for i, sec in enumerate(tree.sections):
        out.append(f"{CN[i]}、{sec.title}")
        out.extend(sec.paragraphs)
        out.extend(_point_lines(sec.points, rng))
        for j, child in enumerate(sec.children):
            out.append(f"（{CN[j]}）{child.title}")
            out.extend(child.paragraphs)
            out.extend(_point_lines(child.points, rng))
    out.append(tree.closing)
    return out


def clean(tree: Tree, seed: int = 0) -> str:
    """Clean lines."""
    return "\n".join(render_lines(tree, seed)) + "\n"


def crlf(tree: Tree, seed: int = 0) -> str:
    """Windows line ends and U+3000 indents."""
    return "\r\n".join("\u3000\u3000" + ln for ln in render_lines(tree, seed)) + "\r\n"


def space_joined(tree: Tree, seed: int = 0) -> str:
    """Paragraphs joined by spaces on one line (headings keep their own line break)."""
    lines = render_lines(tree, seed)
    return " ".join(lines) + "\n"


def one_line(tree: Tree, seed: int = 0) -> str:
    """All on one line: headings glued to the body with no punctuation between."""
    return "".join(render_lines(tree, seed))


def page_broken(tree: Tree, seed: int = 0) -> str:
    """Page markers on their own lines and glued inside sentences."""
    rng = random.Random(seed)
    lines = render_lines(tree, seed)
    out: list[str] = []
    page = 1
    total = 1 + len(lines) // 6
    for i, line in enumerate(lines):
        ln = line
        if i and i % 6 == 0 and page < total:
            if rng.random() < 0.5 and len(ln) > 8:
                cut = rng.randint(3, len(ln) - 3)
                ln = ln[:cut] + f"第{page}页 共{total}页" + ln[cut:]
            else:
                out.append(f"— {page} —")
            page += 1
        out.append(ln)
    return "\n".join(out) + "\n"


def pdf_wrapped(tree: Tree, seed: int = 0, width: int = 25) -> str:
    """Long paragraphs broken every ``width`` characters, as PDF extraction does."""
    out: list[str] = []
    for ln in render_lines(tree, seed):
        if len(ln) <= width or (ln[0] in CN and "、" in ln[:4]) or ln.startswith("（"):
            out.append(ln)
            continue
        out.extend(ln[i:i + width] for i in range(0, len(ln), width))
    return "\n".join(out) + "\n"


def chrome_wrapped(tree: Tree, seed: int = 0) -> str:
    """Site chrome before and after the speech."""
    return "\n".join([*CHROME_HEAD, *render_lines(tree, seed), "", *CHROME_TAIL]) + "\n"


SHAPES = {
    "clean": clean,
    "crlf": crlf,
    "space_joined": space_joined,
    "one_line": one_line,
    "page_broken": page_broken,
    "pdf_wrapped": pdf_wrapped,
    "chrome_wrapped": chrome_wrapped,
}


def markdown(tree: Tree, seed: int = 0) -> str:
    """The speech as a Markdown draft (not one of SHAPES: it is parsed with ``markdown=True``):
    ``#`` title, ``##``/``###`` headings (some with closing ``#``s or a setext underline),
    paragraphs apart, points as ``**一是**`` or ``- **一是抓学习**。``, a quoted paragraph,
    emphasis inside sentences, and a disable comment."""
    rng = random.Random(seed)
    out = [f"# {tree.title}", "", "<!-- officialspeech: disable=X301 -->", "", tree.salutation, "", tree.intro, ""]

    def body(paragraphs: list[str], points: list[str]) -> None:
        for text in paragraphs:
            style = rng.randrange(4)
            para = text
            if style == 1:
                para = "> " + text
            elif style == 2:
                a = text.index("，") + 1
                b = min(i for i in (text.find("，", a), text.find("。", a)) if i > a)
                para = "**" + text[:2] + "**" + text[2:a] + "*" + text[a:b] + "*" + text[b:]
            out.extend([para, ""])
        for point in _point_lines(points, rng):
            style = rng.randrange(3)
            line = point
            if style == 1:
                line = "**" + point[:2] + "**" + point[2:]
            elif style == 2:
                k = point.index("。")
                line = "- **" + point[:k] + "**" + point[k:]
            out.extend([line, ""])

    for i, sec in enumerate(tree.sections):
        heading = f"{CN[i]}、{sec.title}"
        if rng.random() < 0.2:
            out.extend([heading, "-" * rng.randint(3, 12), ""])
        else:
            out.extend([f"## {heading}" + (" ##" if rng.random() < 0.2 else ""), ""])
        body(sec.paragraphs, sec.points)
        for j, child in enumerate(sec.children):
            out.extend([f"### （{CN[j]}）{child.title}", ""])
            body(child.paragraphs, child.points)
    out.append(tree.closing)
    return "\n".join(out) + "\n"


def expected_outline(tree: Tree) -> list[tuple[object, ...]]:
    """The outline a parse must give: sections (level, marker, title) and points (number, lead)."""
    out: list[tuple[object, ...]] = []
    for i, sec in enumerate(tree.sections):
        out.append(("section", 1, f"{CN[i]}、", sec.title))
        out.extend(("point", k + 1, p) for k, p in enumerate(sec.points))
        for j, child in enumerate(sec.children):
            out.append(("section", 2, f"（{CN[j]}）", child.title))
            out.extend(("point", k + 1, p) for k, p in enumerate(child.points))
    return out


def parsed_outline(speech: Speech) -> list[tuple[object, ...]]:
    """The outline of a parse in the shape of :func:`expected_outline`."""
    out: list[tuple[object, ...]] = []
    for s in speech.sections():
        out.append(("section", s.level, s.marker, s.title))
        out.extend(("point", p.number, p.lead) for p in s.children if isinstance(p, Point))
    return out
