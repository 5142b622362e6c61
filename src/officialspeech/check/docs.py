"""Render the rule reference (docs/rules.md) from the registry, so the two never disagree.

Each rule has a stable anchor, ``#<code>-<name>`` in lower case (``#x301-placeholder``): the
heading is ``### X301 placeholder`` and GitHub's heading anchors keep exactly that form.
SARIF ``helpUri`` and ``officialspeech rule`` point there.
"""

from __future__ import annotations

from .registry import Rule, rules

# Where this repository lives; helpUri/informationUri are built from it. Change this one line
# when the project has its public home (the README uses the same URL for "this repository").
REPOSITORY_URL = "https://example.org/officialspeech"
RULES_DOC = "docs/rules.md"

HEADER = """# Rules of `officialspeech check`

Generated from the rule registry by `python -m officialspeech.check.docs > docs/rules.md`;
a test fails when this file is out of date. Codes are stable: a letter for the family and
three digits. Select or ignore rules by code (`N101`), prefix (`N`, `N1`), family
(`numbering`) or name (`numbering-gap`). `[*]` marks rules with a safe automatic fix.
`officialspeech rule CODE` prints one rule's entry; each rule's anchor is `#code-name`
(`docs/rules.md#x301-placeholder`), which SARIF `helpUri` links to.

| code | name | default | summary |
|---|---|---|---|
"""


def anchor(r: Rule) -> str:
    """The rule's anchor in docs/rules.md: ``x301-placeholder``."""
    return f"{r.code.lower()}-{r.name}"


def help_uri(r: Rule) -> str:
    """An absolute URL of the rule's entry in docs/rules.md."""
    return f"{REPOSITORY_URL}/blob/main/{RULES_DOC}#{anchor(r)}"


def entry(r: Rule) -> str:
    """One rule's section of the reference (also what ``officialspeech rule CODE`` prints)."""
    fix = "yes (safe, applied by `--fix`)" if r.fixable else "no"
    return (f"### {r.code} {r.name}\n\nDefault severity: {r.severity}. Family: {r.family}. Automatic fix: {fix}.\n\n"
            f"{r.explanation}\n\nBad:\n\n```\n{r.bad}\n```\n\nGood:\n\n```\n{r.good}\n```\n")


def render() -> str:
    """The Markdown rule reference."""
    rows = [f"| [{r.code}](#{anchor(r)}) | {r.name} | {r.severity} | {r.summary}{' [*]' if r.fixable else ''} |"
            for r in rules().values()]
    parts = [HEADER + "\n".join(rows) + "\n"]
    family = ""
    for r in rules().values():
        if r.family != family:
            family = r.family
            parts.append(f"\n## {family}\n")
        parts.append("\n" + entry(r))
    return "".join(parts)


if __name__ == "__main__":
    print(render(), end="")
