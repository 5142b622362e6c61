"""Every character class the parse stages test against, defined once.

White space comes in named variants because each stage asks a different question of it:
what may indent a line, what may join two sentences of a run-on line, what may stand
inside a heading.  Word lists and patterns of the genre are data (``data/vocab.json``);
these are the few punctuation and space sets the stages test one character at a time.
"""

from __future__ import annotations

from ..compiled import compile_re

LINE_BREAKS = "\r\n"
INLINE_SPACE = " \t\u3000"
"""Spaces inside a line: indents, and the separators inside a page marker (第 3 页)."""
GAP_SPACE = INLINE_SPACE + "\u00a0"
"""Spaces that may join two sentences or two lines of a run-on text."""
HEADING_SPACE = GAP_SPACE + "\u2002\u2003"
"""Spaces that may stand between a heading marker and its title (en and em spaces too)."""
LEAD_SKIP = "，,：: \t\u3000\u00a0\r\n"
"""What may stand between a point marker and its lead (一是，…; a line break too, where the
text was wrapped as a PDF wraps it: 一是⏎加强领导)."""

SENTENCE_ENDS = "。！？!?"
"""Marks that end a sentence (a closing formula is the last sentence after one)."""
LEAD_END = "。；！？!?;"
"""Marks that end a point's lead sentence."""
CLAUSE_MARKS = "，,、；;"
"""Marks that end a clause: trimmed off the end of a lead."""
COMMAS = "，,"
SEMICOLONS = "；;"
COLONS = "：:"
EXCLAIMS = "！!"
BREADCRUMB_SEPARATORS = ">＞»›"  # between the steps of a site's path (首页 > 新闻中心 > 正文)
PARAGRAPH_JOIN_ENDS = "。！？；：!?;:…”’》）)】"
"""A line ending with one of these is not continued by the next line."""

OPEN_QUOTES = "“‘《〈「『（(【［"
CLOSE_QUOTES = "”’》〉」』）)】］"
TEXT_QUOTES = "“”‘’《》\"'"
"""Quote marks that belong to the words around them (a title may open or end with them)."""

# The Han script (``\p{Han}``) as ranges for plain `re`, which has no script properties but
# runs short scans 2-3x faster than `regex` (tests/test_titleend.py checks the ranges).
HAN = ("\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf"
       "\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"
       "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
       "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479")
_HAN_CHAR = compile_re(f"[{HAN}]")


def is_han(ch: str) -> bool:
    """A character of the Han script (an empty string is not)."""
    return _HAN_CHAR.fullmatch(ch) is not None


def is_text(ch: str) -> bool:
    """A letter, digit or quote mark: what titles and the words around a cut are made of."""
    return ch.isalnum() or ch in TEXT_QUOTES


_NON_SPACE = compile_re(r"\S")  # (`re`: \s is what str.isspace() says)


def has_text(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` holds something other than white space (found without slicing it)."""
    return _NON_SPACE.search(text, a, b) is not None


_SURROGATE = compile_re("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """``text`` holds an unpaired surrogate (it cannot be written as UTF-8)."""
    return _SURROGATE.search(text) is not None
