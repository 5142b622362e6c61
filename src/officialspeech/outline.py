"""Render the outline of a Speech for people (text, Markdown) or as a bare JSON outline.

Each renderer takes a :class:`~officialspeech.model.Speech` or the plain tree of
:func:`~officialspeech.parse.parse_tree` (the same fields, as ``Speech.model_dump()`` gives
them): the ``outline`` command renders the tree as built, without building the models."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Section, Speech

Tree = Mapping[str, Any]


def heading_text(section: Section | Tree) -> str:
    """A heading as the Markdown outline, the chunks' ``heading_path`` and the HTML view
    write it: marker and title on one line (一、提高站位…)."""
    marker, title = (section["marker"], section["title"]) if isinstance(section, Mapping) else (
        section.marker, section.title)
    return one_line_marker(str(marker)) + one_line(str(title))


def one_line(text: str) -> str:
    """``text`` on one line: each line break a space."""
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def one_line_marker(marker: str) -> str:
    """A marker on one line: a line wrapped inside it (三⏎是, （⏎三）) joined back."""
    return marker.replace("\r", "").replace("\n", "")


def _tree(speech: Speech | Tree) -> Tree:
    return speech if isinstance(speech, Mapping) else speech.model_dump()


def _text(node: Tree | None, key: str = "text") -> Any:
    return node[key] if node else None


def outline_data(speech: Speech | Tree) -> dict[str, Any]:
    """The outline alone: title, salutation, nested headings with their points, closing."""
    tree = _tree(speech)

    def walk(blocks: list[Tree]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for b in blocks:
            if b["kind"] == "section":
                out.append({"kind": "section", "marker": b["marker"], "number": b["number"], "level": b["level"],
                            "title": b["title"], "line": b["span"]["line"], "children": walk(b["children"])})
            elif b["kind"] == "point":
                out.append({"kind": "point", "marker": b["marker"], "number": b["number"], "lead": b["lead"],
                            "line": b["span"]["line"]})
        return out

    return {
        "title": _text(tree["title"]),
        "speaker": _text(tree["speaker"]),
        "date": _text(tree["date"], "iso"),
        "salutation": _text(tree["salutation"]),
        "outline": walk(tree["body"]),
        "closing": _text(tree["closing"]),
        "page_markers": [{"page": p["page"], "total": p["total"]} for p in tree["page_markers"]],
    }


def render_text(speech: Speech | Tree) -> str:
    """An indented plain-text outline."""
    tree = _tree(speech)
    lines: list[str] = []
    if tree["title"]:
        lines.append(tree["title"]["text"].replace("\n", " ").replace("\r", ""))
    meta = [x for x in (_text(tree["speaker"]), _text(tree["date"])) if x]
    if meta:
        lines.append("  ".join(meta))
    if tree["salutation"]:
        lines.append(tree["salutation"]["text"])

    def walk(blocks: list[Tree], depth: int) -> None:
        for b in blocks:
            pad = "  " * depth
            if b["kind"] == "section":
                flag = " (?)" if b["confidence"] == "guessed" else ""
                lines.append(f"{pad}{heading_text(b)}{flag}")
                walk(b["children"], depth + 1)
            elif b["kind"] == "point":
                lines.append(f"{pad}· {one_line_marker(b['marker'])} {one_line(b['lead'])}")

    walk(tree["body"], 0)
    if tree["closing"]:
        lines.append(tree["closing"]["text"])
    return "\n".join(lines) + "\n"


def render_markdown(speech: Speech | Tree) -> str:
    """A Markdown outline: headings as #…####, points as list items."""
    tree = _tree(speech)
    lines: list[str] = []
    if tree["title"]:
        lines.append("# " + tree["title"]["text"].replace("\r", "").replace("\n", " "))
        lines.append("")
    if tree["salutation"]:
        lines.append(tree["salutation"]["text"])
        lines.append("")

    def walk(blocks: list[Tree]) -> None:
        for b in blocks:
            if b["kind"] == "section":
                lines.append("#" * min(b["level"] + 1, 6) + " " + heading_text(b))
                lines.append("")
                walk(b["children"])
            elif b["kind"] == "point":
                lines.append(f"- **{one_line_marker(b['marker'])}** {one_line(b['lead'])}")
        if lines and lines[-1] != "":
            lines.append("")

    walk(tree["body"])
    if tree["closing"]:
        lines.append(tree["closing"]["text"])
    return "\n".join(lines).rstrip("\n") + "\n"
