"""``render_html``: one self-contained HTML page to look at a parse.

The page shows the exact source text (nothing added to it, nothing taken away) with the
title, subtitle, speaker and date, salutation, headings by level, points (their markers in
bold), page markers, site chrome, Markdown markup, other front lines and the closing highlighted in distinct
colours; a heading whose title end was guessed is underlined and flagged.  Beside it a
collapsible outline (the headings and points as the Markdown outline writes them) links to
each node; hovering a node shows its path, span and page (in its tooltip and the status
line).  No network, no external assets: styles and a few lines of script are inline.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .model import Block, Point, Section, Speech
from .outline import heading_text

KINDS = ("title", "subtitle", "speaker", "occasion", "date", "salutation", "front", "heading", "point", "paragraph",
         "page", "chrome", "markup", "closing")
LEGEND = {"title": "title", "subtitle": "subtitle", "speaker": "speaker / date", "salutation": "salutation",
          "h1": "heading 1", "h2": "heading 2", "h3": "heading 3", "h4": "heading 4", "point": "point",
          "page": "page marker", "chrome": "chrome", "markup": "Markdown markup", "front": "front line", "closing": "closing",
          "guessed": "guessed title end"}

CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#222}
#side{position:fixed;top:0;left:0;bottom:0;width:330px;overflow:auto;background:#f7f7f9;border-right:1px solid #ddd;
 padding:10px 12px;font-size:13px}
#side h2{font-size:14px;margin:4px 0 8px}
#side details{margin-left:10px}
#side summary{cursor:pointer;list-style-position:outside}
#side a{color:#1a3d7c;text-decoration:none}
#side a:hover{text-decoration:underline}
#side .pt{margin-left:22px;color:#345}
#side .leaf{margin-left:24px}
#side .leaf.lv1{font-weight:600}
#side .pt a{color:#34568b}
#side .lv1>summary{font-weight:600}
#side .meta{color:#666;margin:2px 0}
#main{margin-left:330px;padding:16px 28px 60px}
#legend{display:flex;flex-wrap:wrap;gap:6px;margin-bottom:12px;font-size:12px}
#legend span{padding:1px 6px;border-radius:3px}
#text{white-space:pre-wrap;word-break:break-all;line-height:1.9;font-size:16px;max-width:52em}
#status{position:fixed;left:330px;right:0;bottom:0;background:#222;color:#eee;font:12px/1.8 monospace;
 padding:0 12px;min-height:1.8em;white-space:nowrap;overflow:hidden}
[data-path]:hover{outline:1px solid #5b7bd5}
:target{outline:2px solid #d33 !important}
.title{background:#ffd9d9;color:#900;font-weight:700}
.subtitle{background:#ffe6cc;color:#8a4b00}
.speaker,.date,.occasion{background:#eadcff}
.salutation{background:#cdf0d4;color:#135c26;font-weight:600}
.front{background:#eef0f2;color:#555}
.h1{background:#ffc266;font-weight:700;font-size:1.12em}
.h2{background:#ffe08a;font-weight:600}
.h3{background:#e4f5b0}
.h4{background:#f3e3c3}
.guessed{text-decoration:underline wavy #d00;text-underline-offset:3px}
.guessed::after{content:"?";font-size:.7em;font-weight:700;color:#fff;background:#d00;border-radius:6px;
 padding:0 3px;margin-left:2px;vertical-align:super}
.point{background:#eef5ff;border-bottom:1px dotted #7a9cd6}
.pmark{color:#0b46a8;font-weight:700}
.page{background:#444;color:#fff;border-radius:3px;padding:0 3px;font-size:.85em}
.chrome{background:#f0f0f0;color:#999;border:1px dashed #bbb;font-size:.9em}
.markup{color:#aaa}
.closing{background:#c9f0ef;color:#0b5b59;font-weight:600}
"""

SCRIPT = """
(function(){var s=document.getElementById('status'),t=document.getElementById('text');
t.addEventListener('mouseover',function(e){var n=e.target.closest('[data-path]');
if(n){s.textContent=n.getAttribute('title');}});
document.getElementById('all').addEventListener('click',function(e){e.preventDefault();
var d=document.querySelectorAll('#side details'),o=!d[0]||!d[0].open;d.forEach(function(x){x.open=o;});});})();
"""


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    open: str
    close: str = "</span>"


def _tip(kind: str, path: str, start: int, end: int, page: int | None) -> str:
    text = f"{path or kind} · {kind} · span {start}–{end}"
    return text + (f" · page {page}" if page is not None else "")


class _Page:
    def __init__(self, speech: Speech) -> None:
        self.speech = speech
        self.marks: list[_Mark] = []
        self.outline: list[str] = []
        self.count = 0

    def node(self, cls: str, kind: str, path: str, start: int, end: int, page: int | None) -> str:
        self.count += 1
        nid = f"n{self.count}"
        tip = escape(_tip(kind, path, start, end, page))
        self.marks.append(_Mark(start, end, f'<span id="{nid}" class="{cls}" data-path="{escape(path)}" '
                                            f'data-span="{start}-{end}" title="{tip}">'))
        return nid

    def link(self, nid: str, label: str, cls: str = "") -> str:
        return f'<a href="#{nid}"{f" class={cls!r}" if cls else ""}>{escape(label)}</a>'

    def front(self) -> None:
        s = self.speech
        for key in ("title", "subtitle", "speaker", "date", "salutation"):
            node = getattr(s, key)
            if node is None:
                continue
            nid = self.node(key, key, node.path, node.span.start, node.span.end, node.page)
            label = node.text.replace("\r", "").replace("\n", " ")
            self.outline.append(f'<div class="meta">{key}: {self.link(nid, label)}</div>')
        if s.occasion is not None:
            o = s.occasion
            self.node("occasion", "occasion", o.path, o.span.start, o.span.end, o.page)
        for p in s.front:
            self.node("front", "front line", p.path, p.span.start, p.span.end, p.page)

    def body(self, blocks: list[Block], depth: int) -> list[str]:
        out: list[str] = []
        for b in blocks:
            if isinstance(b, Section):
                hs = b.heading_span
                cls = f"h{min(b.level, 4)}"
                nid = self.node(cls, f"heading {b.level}", b.path, hs.start, hs.end, b.page)
                if b.confidence == "guessed":
                    self.marks.append(_Mark(b.title_span.start, b.title_span.end,
                                            '<span class="guessed" title="guessed title end">'))
                inner = self.body(b.children, depth + 1)
                label = heading_text(b) + (" (?)" if b.confidence == "guessed" else "")
                if inner:
                    out.append(f'<details open class="lv{min(b.level, 4)}"><summary>{self.link(nid, label)}</summary>'
                               + "".join(inner) + "</details>")
                else:
                    out.append(f'<div class="leaf lv{min(b.level, 4)}">{self.link(nid, label)}</div>')
            elif isinstance(b, Point):
                nid = self.node("point", "point", b.path, b.span.start, b.span.end, b.page)
                self.marks.append(_Mark(b.span.start, min(b.span.end, b.span.start + len(b.marker)),
                                        '<span class="pmark">'))
                out.append(f'<div class="pt">{self.link(nid, f"{b.marker} {b.lead}")}</div>')
            else:
                self.node("paragraph", "paragraph", b.path, b.span.start, b.span.end, b.page)
        return out

    def back(self) -> None:
        s = self.speech
        for m in s.page_markers:
            self.node("page", "page marker", f"page {m.page}" if m.page is not None else "page", m.span.start,
                      m.span.end, m.page)
        for c in s.chrome:
            self.node("chrome", f"chrome ({c.site}: {c.rule})", "", c.span.start, c.span.end, None)
        for k in s.markup:
            self.node("markup", f"markup ({k.rule})", "", k.span.start, k.span.end, None)
        if s.closing is not None:
            c2 = s.closing
            nid = self.node("closing", "closing", c2.path, c2.span.start, c2.span.end, c2.page)
            self.outline.append(f'<div class="meta">closing: {self.link(nid, c2.text)}</div>')


def _nest(text: str, marks: list[_Mark]) -> str:
    """``text`` escaped, with the marks opened and closed around their stretches (a mark
    crossing the end of the one it starts in is cut there, so the HTML stays nested)."""
    out: list[str] = []
    pos = 0
    stack: list[tuple[int, str]] = []
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        while stack and stack[-1][0] <= m.start:
            end, close = stack.pop()
            out.append(escape(text[pos:end], quote=False))
            out.append(close)
            pos = end
        end = min(m.end, stack[-1][0]) if stack else m.end
        if end <= m.start:
            continue
        out.append(escape(text[pos:m.start], quote=False))
        out.append(m.open)
        pos = m.start
        stack.append((end, m.close))
    while stack:
        end, close = stack.pop()
        out.append(escape(text[pos:end], quote=False))
        out.append(close)
        pos = end
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def render_html(speech: Speech, text: str | None = None, name: str = "") -> str:
    """The page of ``speech`` parsed from ``text`` (by default the text kept by
    :func:`parse_speech`, or ``speech.source.text``); ``name`` titles the page."""
    if text is None:
        text = speech.source_text()
    if text is None or len(text) != speech.length:
        raise ValueError("render_html needs the parsed text: pass text= for a Speech read back from JSON")
    page = _Page(speech)
    page.front()
    tree = page.body(speech.body, 0)
    page.back()
    side_head = page.outline[: len([k for k in ("title", "subtitle", "speaker", "date", "salutation")
                                    if getattr(speech, k) is not None])]
    side_tail = page.outline[len(side_head):]
    legend = "".join(f'<span class="{cls}">{escape(label)}</span>' for cls, label in LEGEND.items())
    pages = f" · {len(speech.page_markers)} page markers" if speech.page_markers else ""
    heading = escape(name or (speech.title.text if speech.title else "speech"))
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{heading}</title><style>{CSS}</style></head><body>"
        f'<nav id="side"><h2>Outline <a href="#" id="all" title="fold or unfold all">±</a></h2>'
        + "".join(side_head) + "".join(tree) + "".join(side_tail)
        + f'</nav><main id="main"><div id="legend">{legend}</div>'
        f'<div class="meta" style="color:#666;font-size:12px;margin-bottom:8px">{heading} · {speech.length} characters'
        f"{pages} · {len(speech.sections())} headings · {len(speech.points())} points</div>"
        f'<div id="text">{_nest(text, page.marks)}</div></main>'
        f'<div id="status">hover a node for its path and span</div><script>{SCRIPT}</script></body></html>\n'
    )
