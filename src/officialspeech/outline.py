"""Render the outline of a Speech for people (text, Markdown) or as a bare JSON outline."""

from __future__ import annotations

from typing import Any

from .model import Block, Point, Section, Speech


def heading_text(section: Section) -> str:
    """A heading as the Markdown outline, the chunks' ``heading_path`` and the HTML view
    write it: marker and title on one line (一、提高站位…)."""
    return (section.marker + section.title).replace("\r", "").replace("\n", " ")


def outline_data(speech: Speech) -> dict[str, Any]:
    """The outline alone: title, salutation, nested headings with their points, closing."""

    def walk(blocks: list[Block]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for b in blocks:
            if isinstance(b, Section):
                out.append({"kind": "section", "marker": b.marker, "number": b.number, "level": b.level,
                            "title": b.title, "line": b.span.line, "children": walk(b.children)})
            elif isinstance(b, Point):
                out.append({"kind": "point", "marker": b.marker, "number": b.number, "lead": b.lead,
                            "line": b.span.line})
        return out

    return {
        "title": speech.title.text if speech.title else None,
        "speaker": speech.speaker.text if speech.speaker else None,
        "date": speech.date.iso if speech.date else None,
        "salutation": speech.salutation.text if speech.salutation else None,
        "outline": walk(speech.body),
        "closing": speech.closing.text if speech.closing else None,
        "page_markers": [{"page": p.page, "total": p.total} for p in speech.page_markers],
    }


def render_text(speech: Speech) -> str:
    """An indented plain-text outline."""
    lines: list[str] = []
    if speech.title:
        lines.append(speech.title.text.replace("\n", " ").replace("\r", ""))
    meta = [x for x in (speech.speaker and speech.speaker.text, speech.date and speech.date.text) if x]
    if meta:
        lines.append("  ".join(meta))
    if speech.salutation:
        lines.append(speech.salutation.text)

    def walk(blocks: list[Block], depth: int) -> None:
        for b in blocks:
            pad = "  " * depth
            if isinstance(b, Section):
                flag = " (?)" if b.confidence == "guessed" else ""
                lines.append(f"{pad}{b.marker}{b.title}{flag}")
                walk(b.children, depth + 1)
            elif isinstance(b, Point):
                lines.append(f"{pad}· {b.marker} {b.lead}")

    walk(speech.body, 0)
    if speech.closing:
        lines.append(speech.closing.text)
    return "\n".join(lines) + "\n"


def render_markdown(speech: Speech) -> str:
    """A Markdown outline: headings as #…####, points as list items."""
    lines: list[str] = []
    if speech.title:
        lines.append("# " + speech.title.text.replace("\r", "").replace("\n", " "))
        lines.append("")
    if speech.salutation:
        lines.append(speech.salutation.text)
        lines.append("")

    def walk(blocks: list[Block]) -> None:
        for b in blocks:
            if isinstance(b, Section):
                lines.append("#" * min(b.level + 1, 6) + " " + heading_text(b))
                lines.append("")
                walk(b.children)
            elif isinstance(b, Point):
                lines.append(f"- **{b.marker}** {b.lead}")
        if lines and lines[-1] != "":
            lines.append("")

    walk(speech.body)
    if speech.closing:
        lines.append(speech.closing.text)
    return "\n".join(lines).rstrip("\n") + "\n"
