"""Render the rule reference (docs/rules.md) from the registry, so the two never disagree."""

from __future__ import annotations

from .registry import rules

HEADER = """# Rules of `officialspeech check`

Generated from the rule registry by `python -m officialspeech.check.docs > docs/rules.md`;
a test fails when this file is out of date. Codes are stable: a letter for the family and
three digits. Select or ignore rules by code (`N101`), prefix (`N`, `N1`), family
(`numbering`) or name (`numbering-gap`). `[*]` marks rules with a safe automatic fix.

| code | name | default | summary |
|---|---|---|---|
"""


def render() -> str:
    """The Markdown rule reference."""
    rows = [f"| {r.code} | {r.name} | {r.severity} | {r.summary}{' [*]' if r.fixable else ''} |"
            for r in rules().values()]
    parts = [HEADER + "\n".join(rows) + "\n"]
    family = ""
    for r in rules().values():
        if r.family != family:
            family = r.family
            parts.append(f"\n## {family}\n")
        parts.append(f"\n### {r.code} {r.name} ({r.severity}{', fixable' if r.fixable else ''})\n\n"
                     f"{r.explanation}\n\nBad:\n\n```\n{r.bad}\n```\n\nGood:\n\n```\n{r.good}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    print(render(), end="")
