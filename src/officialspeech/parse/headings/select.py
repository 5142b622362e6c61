"""Which heading candidates are headings: numbering sequences followed per marker form."""

from __future__ import annotations

from bisect import bisect_right

from ...compiled import compile_re
from ...vocab import vocabulary
from ..chars import SENTENCE_ENDS
from ..markers import AFTER_BOUNDARY, FORMS, LINE_START
from .candidates import Candidate
from .titleend import announced_end

CONFIRM_WINDOW = {"part": 200_000, "cn_dun": 200_000, "cn_paren": 8000}
DEFAULT_CONFIRM_WINDOW = 4000
ANNOUNCE_REACH = 40
SKIPPED_MAX = 2  # numbers a series may skip (a line-start one always, a run-on one when it goes on)
GAP_CONFIRMS = 2  # a series that skips a number goes on only when the next this many follow
GAP_LOOKAHEAD = 60  # candidates looked at for them
EXCERPT_START_MAX = 20  # the highest number a run-on excerpt's first heading may have
CHILD_REACH = 1500  # characters from a 1 to the 1 of the sub-series that opens its section
SUB_SERIES_TITLE_MIN = 2  # characters of a title between the 1 and its sub-series' 1 (一、(一): none)


def _title_like_line(text: str, c: Candidate) -> bool:
    line = text[c.end:c.line_end].strip()
    voc = vocabulary()
    m = voc.title_end.search(line)
    first = m.start() if m else len(line)
    return 0 < first <= voc.max_title_length


_FULL_STOP = compile_re(f"[{SENTENCE_ENDS}]")


class _Confirmation:
    """Whether a 1 starts a sequence: a later 2 of the same form follows closely, or the
    sentence before announces a list (我再讲三点意见。)."""

    def __init__(self, text: str, cands: list[Candidate]) -> None:
        self.text = text
        self.cands = cands
        self.index = {c.start: i for i, c in enumerate(cands)}
        self.twos: dict[str, list[int]] = {}
        for c in cands:
            if c.number == 2 and (c.strength >= AFTER_BOUNDARY or c.form == "cn_paren"):
                self.twos.setdefault(c.form, []).append(c.start)
        for starts in self.twos.values():
            starts.sort()

    def continued(self, c: Candidate, confirms: int = GAP_CONFIRMS) -> bool:
        """``c`` (number n, past the number its series expects) is followed by n + 1 and
        n + 2 of its form, each standing after a boundary, before any marker of a higher level:
        the series goes on after a number it lacks (（二）…（四）（五）（六）, the （三） lost or
        never written), as a line-start series may."""
        assert c.number is not None
        rank = FORMS[c.form].rank
        want = c.number + 1
        i = self.index[c.start]
        for d in self.cands[i + 1:i + 1 + GAP_LOOKAHEAD]:
            if d.strength < AFTER_BOUNDARY:
                continue
            if FORMS[d.form].rank < rank:
                return False
            if d.form == c.form and d.number == want:
                if want == c.number + confirms:
                    return True
                want += 1
        return False

    def comes_again(self, c: Candidate) -> bool:
        """``c``, a 1 after its series reached 2 or more, starts the series again (a page that
        holds the document twice): its 2 and 3 follow (:meth:`continued`) and a sentence ends
        between it and its 2, as a section's body does, not a list inside one sentence
        (要做到：一、加强领导；二、落实责任；三、…)."""
        if not self.continued(c):
            return False
        i = self.index[c.start]
        two = next((d for d in self.cands[i + 1:i + 1 + GAP_LOOKAHEAD] if d.form == c.form and d.number == 2), None)
        return two is not None and _FULL_STOP.search(self.text, c.end, two.start) is not None

    def _followed_by_two(self, c: Candidate) -> bool:
        window = CONFIRM_WINDOW.get(c.form, DEFAULT_CONFIRM_WINDOW)
        starts = self.twos.get(c.form, [])
        i = bisect_right(starts, c.start)
        return i < len(starts) and starts[i] <= c.start + window

    def opens_sub_series(self, c: Candidate) -> bool:
        """The next marker after ``c`` standing after a boundary is, within CHILD_REACH, the
        1 of a lower-level series that goes on (一、去年工作回顾。…（一）…（二）…): the section
        ``c`` heads opens with its sub-headings, though the document has no 二、 of its own
        (an excerpt of one section, or a report whose line breaks were lost)."""
        rank = FORMS[c.form].rank
        cands = self.cands
        for j in range(self.index[c.start] + 1, len(cands)):  # (no slice: a copy per call is quadratic)
            d = cands[j]
            if d.start > c.end + CHILD_REACH:
                return False
            if d.strength < AFTER_BOUNDARY:
                continue
            return (d.number == 1 and FORMS[d.form].rank > rank and d.start - c.end >= SUB_SERIES_TITLE_MIN
                    and self._followed_by_two(d))
        return False

    def __call__(self, c: Candidate) -> bool:
        if self._followed_by_two(c) or self.opens_sub_series(c):
            return True
        if vocabulary().announcement.search(self.text, max(0, c.start - ANNOUNCE_REACH), c.start):
            return True
        return announced_end(self.text, c.end) is not None  # 从“筑牢思想根基;…”两个方面 … 一、筑牢思想根基…


def select_headings(text: str, cands: list[Candidate], hinted: frozenset[int] = frozenset(),
                    run_in: frozenset[int] = frozenset()) -> list[Candidate]:
    """Choose the candidates that are headings, following numbering sequences per style.
    A candidate starting at one of ``hinted`` (the file format styled that line as a heading)
    is taken as long as its line reads like a heading; one at ``run_in`` (an inline （1）
    series of titled items, :func:`markers.run_in_series`) may be glued to the title above."""
    if not cands:
        return []
    confirmed = _Confirmation(text, cands)
    line_starts = {(c.form, c.number) for c in cands if c.strength == LINE_START}
    stack: list[tuple[str, int | None]] = []
    accepted: list[Candidate] = []
    opened: set[tuple[str, str]] = set()  # (parent form, child form): a parent's sub-series seen
    last_of: dict[str, int] = {}  # the last number accepted of each form, under any parent
    for c in cands:
        form, n = c.form, c.number
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == form), None)
        if form == "markdown":
            accepted.append(c)  # marked up as a heading; numbered sequences go on across it
            continue
        if form == "container":
            stack.clear()
            stack.append((form, None))
            accepted.append(c)
            continue
        assert n is not None
        prev_n = stack[depth][1] if depth is not None else None
        if not _accepts(text, c, depth, prev_n, hinted, line_starts, confirmed, bool(accepted), run_in,
                        last_of.get(form)) and not (
                depth is None and n == 1 and (_opens_like_a_sibling(c, accepted, stack, opened)
                                              or _opens_a_part(c, accepted, confirmed))):
            continue
        if depth is not None:
            del stack[depth:]
        else:
            rank = FORMS[form].rank
            while stack and FORMS[stack[-1][0]].rank >= rank:
                stack.pop()
        if stack and n == 1:
            opened.add((stack[-1][0], form))
        stack.append((form, n))
        accepted.append(c)
        last_of[form] = n
    return accepted


def _opens_like_a_sibling(c: Candidate, accepted: list[Candidate], stack: list[tuple[str, int | None]],
                          opened: set[tuple[str, str]]) -> bool:
    """A 1 glued to the title of the heading just accepted opens its sub-series as one did
    under an earlier heading of that form (二、压实工作责任（一）明确责任清单… once 一、 held
    （一）（二）): the sibling series says so where no 2 follows to confirm it."""
    if not accepted or not stack or c.strength == LINE_START:
        return False
    parent = accepted[-1]
    if stack[-1][0] != parent.form or FORMS[parent.form].rank >= FORMS[c.form].rank:
        return False
    if (parent.form, c.form) not in opened or (parent.number or 0) < 2:
        return False
    return c.start - parent.end <= vocabulary().max_title_length


def _opens_a_part(c: Candidate, accepted: list[Candidate], confirmed: _Confirmation) -> bool:
    """A 1 glued to the title of the part heading just accepted (第一部分　深刻认识…的重大意义一、…
    once the line breaks were lost) opens the part's series when its 2 follows."""
    if not accepted or c.strength == LINE_START:
        return False
    parent = accepted[-1]
    if parent.form != "part" or FORMS[c.form].rank <= FORMS[parent.form].rank:
        return False
    return c.start - parent.end <= vocabulary().max_title_length and confirmed(c)


def _accepts(text: str, c: Candidate, depth: int | None, prev_n: int | None, hinted: frozenset[int],
             line_starts: set[tuple[str, int | None]], confirmed: _Confirmation, any_accepted: bool,
             run_in: frozenset[int] = frozenset(), carried: int | None = None) -> bool:
    """Whether candidate ``c`` is a heading, given the open sequence of its form (``depth``
    in the stack, its last number ``prev_n``; ``carried``: the last number of its form
    accepted under any parent)."""
    form, n = c.form, c.number
    assert n is not None
    expected = (prev_n or 0) + 1
    if c.start in hinted and c.strength == LINE_START and _title_like_line(text, c):
        return True
    if c.strength == LINE_START:
        if not _title_like_line(text, c) and form not in ("attachment", "footnote", "arabic_dot"):
            # a long line with no sentence end soon: a heading only when it continues a
            # sequence, or opens one that its 2 or its sub-series confirms (一、提高站位认清形势过去一年，…)
            return (depth is not None and n == expected) or (depth is None and n == 1 and confirmed(c))
        if depth is None:
            # a sequence may start anywhere in an excerpt when the next number follows, or
            # where nothing of its form came before (an excerpt cut off inside its last section)
            # (or where its numbers run on across the parents: a Q&A's 1.…4. under 一、二、, 5. under 三、)
            return n in (1, 2) or form == "attachment" or (form, n + 1) in line_starts or n == (carried or 0) + 1 or (
                not any_accepted and n <= EXCERPT_START_MAX and not any((form, m) in line_starts for m in range(1, n)))
        # a heading line numbered out of sequence is still a heading (check reports it),
        # but not one that jumps far ahead
        return n <= expected + SKIPPED_MAX
    if c.strength == AFTER_BOUNDARY:
        if depth is None and n > 1 and not any_accepted:
            # an excerpt that opens inside a section list (…落到实处。三、…四、…): the first
            # heading may be numbered on when the next number follows
            return n <= EXCERPT_START_MAX and confirmed.continued(c, 1)
        if depth is None:
            return n == 1 and confirmed(c)
        if n == 1:
            # the series starts again where a 1 opens its own sub-series, as a line-start 1 may,
            # or where the whole series comes again (1, 2, 3 once more: a page that holds the
            # document twice)
            return confirmed.opens_sub_series(c) or ((prev_n or 0) >= 2 and confirmed.comes_again(c))
        return n == expected or (expected < n <= expected + SKIPPED_MAX and confirmed.continued(c))
    # glued to the text before it
    if form in ("cn_paren", "cn_dun"):
        if n == 1:
            return form == "cn_paren" and confirmed(c) and (depth is None or (prev_n or 0) >= 2)
        return depth is not None and n == expected
    if c.start in run_in:
        # …执法检查环节（1）随意检查、选择性执法。有的…: a run-in （1） glued to the title above it
        # once the line breaks were lost; its series of titled items says it heads
        return (n == 1 and depth is None and confirmed(c)) or (depth is not None and n == expected)
    if form == "arabic_dot" and any_accepted and text[c.start - 1].isalpha():
        # …排查整治1.聚焦重点行业领域…。2.建立…: a numbered list glued to the heading
        # above it once the line breaks were lost; a 2. must follow
        return (n == 1 and depth is None and confirmed(c)) or (depth is not None and n == expected)
    return False
