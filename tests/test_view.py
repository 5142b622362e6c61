"""``officialspeech view``: the self-contained HTML page, read with html.parser and, when installed, Chromium."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from officialspeech import Point, Section, Speech, parse_speech
from officialspeech.cli import main
from officialspeech.outline import heading_text
from officialspeech.view import render_html
from speechgen import SHAPES, generate

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "scraped_page.txt"
URL = re.compile(r"(?i)\b(?:https?:|ftp:|file:|data:)|//[a-z0-9]|@import|url\(")


class Page(HTMLParser):
    """What a test needs from the page: the text of #text, the marked elements in it with
    the text they hold, the outline links, and every attribute that could load something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.in_text = 0
        self.text: list[str] = []
        self.nodes: list[tuple[dict[str, str | None], int]] = []  # attributes, start in self.text
        self.open_nodes: list[tuple[dict[str, str | None], int] | None] = []
        self.done: list[tuple[dict[str, str | None], str]] = []
        self.links: list[tuple[str, str]] = []
        self.link: list[str] | None = None
        self.in_side = 0
        self.tags: set[str] = set()
        self.loads: list[str] = []
        self.styles: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        for key in ("src", "href", "srcset", "poster", "data", "action", "style"):
            value = a.get(key)
            if value and (key != "href" or not value.startswith("#")) and (key != "style" or URL.search(value)):
                self.loads.append(f"{tag} {key}={value}")
        self.in_style = tag == "style"
        if a.get("id") == "text":
            self.in_text += 1
        elif self.in_text and tag == "span":
            self.in_text += 1
            self.open_nodes.append((a, len("".join(self.text))))
            return
        if a.get("id") == "side":
            self.in_side = 1
        if self.in_side and tag == "a" and a.get("href", "").startswith("#n"):  # type: ignore[union-attr]
            self.link = [str(a["href"])]

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False
        if self.in_text and tag == "span":
            self.in_text -= 1
            item = self.open_nodes.pop()
            if item is not None:
                attrs, start = item
                self.done.append((attrs, "".join(self.text)[start:]))
        elif self.in_text and tag == "div":
            self.in_text = 0
        if tag == "nav":
            self.in_side = 0
        if tag == "a" and self.link is not None:
            self.links.append((self.link[0], "".join(self.link[1:])))
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text.append(data)
        if self.link is not None:
            self.link.append(data)
        if self.in_style:
            self.styles.append(data)


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def expected_outline(speech: Speech) -> list[str]:
    out: list[str] = []

    def walk(blocks: list[Section | Point | object]) -> None:
        for b in blocks:
            if isinstance(b, Section):
                out.append(heading_text(b) + (" (?)" if b.confidence == "guessed" else ""))
                walk(list(b.children))
            elif isinstance(b, Point):
                out.append(f"{b.marker} {b.lead}")

    walk(list(speech.body))
    return out


def samples() -> list[str]:
    rng = random.Random(16)
    texts = [EXAMPLE.read_text(encoding="utf-8")]
    for shape in ("page_broken", "chrome_wrapped", "one_line", "crlf"):
        texts.append(SHAPES[shape](generate(rng, sections=3, sentences=4), rng.randint(0, 99)))
    return texts


@pytest.mark.parametrize("text", samples(), ids=["example", "page_broken", "chrome_wrapped", "one_line", "crlf"])
def test_the_page_holds_the_exact_text_marked_and_an_outline_linked_to_it(text: str) -> None:
    speech = parse_speech(text)
    html = render_html(speech)
    page = read(html)
    assert "".join(page.text) == text  # nothing added to the source, nothing taken away
    for attrs, inner in page.done:  # every marked node holds exactly its span
        if attrs.get("data-span"):
            a, b = map(int, str(attrs["data-span"]).split("-"))
            assert inner == text[a:b], attrs
    ids = {str(attrs.get("id")) for attrs, _ in page.done}
    titles = [label for _, label in page.links]
    body = [label for label in titles if not label.startswith(("title", "speaker"))]
    assert [x for x in body if x in set(expected_outline(speech))] == expected_outline(speech)
    assert all(href[1:] in ids for href, _ in page.links)
    classes = {c for attrs, _ in page.done for c in str(attrs.get("class") or "").split()}
    wanted = {"paragraph"}
    wanted |= {f"h{min(s.level, 4)}" for s in speech.sections()}
    wanted |= {"point"} if speech.points() else set()
    wanted |= {"page"} if speech.page_markers else set()
    wanted |= {"chrome"} if speech.chrome else set()
    wanted |= {k for k in ("title", "salutation", "closing") if getattr(speech, k) is not None}
    assert wanted <= classes
    paths = {str(attrs.get("data-path")) for attrs, _ in page.done}
    assert {s.path for s in speech.sections()} <= paths
    assert all(str(attrs.get("title", "")).count("span ") == 1 for attrs, _ in page.done if attrs.get("data-path"))


def test_nothing_is_loaded_from_outside() -> None:
    page = read(render_html(parse_speech(EXAMPLE.read_text(encoding="utf-8"))))
    assert page.loads == []
    assert not {"link", "img", "iframe", "object", "embed", "video", "audio", "source", "base"} & page.tags
    assert not URL.search("".join(page.styles))


def test_the_example_has_every_highlight_and_the_guessed_title_ends() -> None:
    speech = parse_speech(EXAMPLE.read_text(encoding="utf-8"))
    classes = {c for attrs, _ in read(render_html(speech)).done for c in str(attrs.get("class") or "").split()}
    assert {"title", "speaker", "date", "salutation", "h1", "h2", "h3", "point", "pmark", "page", "chrome",
            "closing"} <= classes
    source = ("同志们：\n一、2013年工作回顾过去一年是本届政府依法履职的第一年，任务艰巨而繁重。\n"
              "二、2014年工作总体部署今年是全面贯彻落实党的十八届三中全会精神的开局之年。\n")
    guessed = parse_speech(source)
    assert [s.confidence for s in guessed.sections()] == ["guessed", "guessed"]
    page = read(render_html(guessed))
    marked = [inner for attrs, inner in page.done if "guessed" in str(attrs.get("class") or "").split()]
    assert marked == [source[s.title_span.start:s.title_span.end] for s in guessed.sections()]
    assert [label for _, label in page.links][-2:] == [heading_text(s) + " (?)" for s in guessed.sections()]


def test_a_100_kb_speech_gives_a_page_under_2_mb() -> None:
    rng = random.Random(7)
    parts: list[str] = []
    while sum(len(p.encode("utf-8")) for p in parts) < 100_000:
        parts.append(SHAPES["page_broken"](generate(rng, sections=6, max_children=4, sentences=6), len(parts)))
    text = "".join(parts)
    html = render_html(parse_speech(text))
    assert len(html.encode("utf-8")) <= 2_000_000


def test_view_and_outline_html_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "parse.html"
    assert main(["view", str(EXAMPLE), "-o", str(out)]) == 0
    assert "".join(read(out.read_text("utf-8")).text) == EXAMPLE.read_text("utf-8")
    assert main(["outline", str(EXAMPLE), "--format", "html"]) == 0
    assert "".join(read(capsys.readouterr().out).text) == EXAMPLE.read_text("utf-8")
    assert main(["view", str(tmp_path / "missing.txt")]) == 2
    assert "error" in capsys.readouterr().err


def test_a_speech_read_back_from_json_needs_the_text() -> None:
    speech = parse_speech("一、加强领导\n要高度重视。\n")
    again = Speech.model_validate_json(speech.model_dump_json())
    with pytest.raises(ValueError, match="text="):
        render_html(again)
    assert render_html(again, "一、加强领导\n要高度重视。\n") == render_html(speech)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_opens_the_page_with_the_outline_and_the_text(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    speech = parse_speech(text)
    out = tmp_path / "parse.html"
    # (for this test only: hover the first point, as a mouse would, once the page has loaded)
    hover = ("<script>var p=document.querySelector('#text .point');"
             "p.dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));</script></body>")
    out.write_text(render_html(speech).replace("</body>", hover), encoding="utf-8")
    dom = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", out.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    page = read(dom)
    assert "".join(page.text) == text.replace("\r\n", "\n")  # (the browser normalises line ends)
    labels = [label for _, label in page.links]
    assert all(entry in labels for entry in expected_outline(speech))
    status = re.search(r'<div id="status">([^<]*)</div>', dom)
    assert status is not None
    first = speech.points()[0]
    assert status.group(1) == f"{first.path} · point · span {first.span.start}–{first.span.end} · page {first.page}"
