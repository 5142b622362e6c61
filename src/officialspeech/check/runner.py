"""Run the rules over a speech and turn their findings into Diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Block, Chrome, DateNode, Gap, PageMarker, Paragraph, Point, Salutation, Section, Span, Speech, TextNode
from ..parse import parse_speech
from .context import Context
from .diagnostic import SEVERITY_ORDER, Diagnostic, Position, Severity
from .registry import rules
from .selection import enabled


def check_speech(speech: Speech, text: str | None = None, *, path: str = "-",
                 select: Sequence[str] | None = None, ignore: Sequence[str] = (),
                 severities: dict[str, Severity] | None = None) -> list[Diagnostic]:
    """Check a parsed speech and return its diagnostics, in document order.

    ``text`` is the string the speech was parsed from; without it the text is rebuilt from
    the nodes (every non-blank character of the input is in a node, so positions stay exact).
    ``select``/``ignore`` take codes, code prefixes, family or rule names; ``severities``
    overrides the default severity per code or name.
    """
    source = text if text is not None else rebuild_text(speech)
    ctx = Context(speech, source)
    out: list[Diagnostic] = []
    sel = list(select) if select is not None else None
    for r in rules().values():
        if not enabled(r, sel, list(ignore)):
            continue
        severity = r.severity
        if severities:
            severity = severities.get(r.code, severities.get(r.name, severity))
        for f in r.check(ctx):
            out.append(Diagnostic(code=r.code, name=r.name, severity=severity, message=f.message, path=path,
                                  start=_position(ctx, f.start), end=_position(ctx, f.end), fix=f.fix))
    out.sort(key=lambda d: (d.start.offset, d.code))
    return out


def check_text(text: str, path: str = "-", heading_lines: Iterable[int] = (), *, markdown: bool = False,
               **options: object) -> list[Diagnostic]:
    """Parse ``text`` (with the lines a file format styled as headings; ``markdown``: a
    Markdown draft, its markup cut out) and check it (options as for :func:`check_speech`)."""
    speech = parse_speech(text, heading_lines=heading_lines, markdown=markdown)
    return check_speech(speech, text, path=path, **options)  # type: ignore[arg-type]


def at_or_above(diagnostics: Sequence[Diagnostic], level: Severity) -> list[Diagnostic]:
    """The diagnostics of severity ``level`` or higher."""
    floor = SEVERITY_ORDER[level]
    return [d for d in diagnostics if SEVERITY_ORDER[d.severity] >= floor]


def _position(ctx: Context, offset: int) -> Position:
    line, column = ctx.index.position(offset)
    return Position(line=line, column=column, offset=offset)


def rebuild_text(speech: Speech) -> str:
    """The parsed text as far as the nodes keep it: every node's text at its span, line
    breaks where the spans' lines and columns put line starts, blanks elsewhere.  Every
    non-blank character of the input sits in some node, so offsets, lines and columns of
    everything a rule can report are those of the original."""
    chars = [" "] * speech.length
    line_starts: dict[int, int] = {}

    def put(start: int, text: str, gaps: Sequence[Gap] = ()) -> None:
        cuts = sorted((g.span.start, g.span.end) for g in gaps)
        pos, ci = start, 0
        for ch in text:
            while ci < len(cuts) and cuts[ci][0] <= pos:
                pos = max(pos, cuts[ci][1])
                ci += 1
            if pos >= len(chars):
                return
            chars[pos] = ch
            pos += 1

    def anchor(span: Span) -> None:
        line_starts[span.line] = span.start - span.column + 1

    nodes: list[TextLike] = [n for n in (speech.title, speech.subtitle, speech.speaker, speech.occasion,
                                         speech.date, speech.salutation, speech.closing) if n is not None]
    nodes.extend([*speech.front, *speech.page_markers, *speech.chrome])

    def walk(blocks: list[Block]) -> None:
        for b in blocks:
            if isinstance(b, Section):
                put(b.heading_span.start, b.marker)
                put(b.title_span.start, b.title)
                anchor(b.heading_span)
                walk(b.children)
            else:
                nodes.append(b)

    walk(speech.body)
    for node in nodes:
        put(node.span.start, node.text, getattr(node, "gaps", ()))
        anchor(node.span)
    newlines = 0
    done = 0
    for line, start in sorted(line_starts.items()):
        newlines += sum(1 for ch in chars[done:start] if ch == "\n")
        done = start
        j = start - 1
        while newlines < line - 1 and j >= 0 and chars[j] == " ":
            chars[j] = "\n"
            newlines += 1
            j -= 1
    return "".join(chars)


TextLike = TextNode | DateNode | Salutation | Paragraph | Point | PageMarker | Chrome

__all__ = ["at_or_above", "check_speech", "check_text", "rebuild_text"]
