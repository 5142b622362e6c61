"""The lines of the front matter: which is the title, subtitle, speaker or date."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...compiled import compile_re
from ...firsts import holds
from ...numerals import to_int
from ...vocab import vocabulary
from ..chars import COLONS, is_han
from ..positions import strip
from .glued import Glued, InlineChrome, chrome_opens, find_glued, meta_inside, subtitle_parts

Range = tuple[int, int]
_LINE = compile_re(r"[^\r\n]+")


@dataclass
class Front:
    """What was found before the body (view offsets)."""

    body_start: int
    salutation: Range | None = None
    addressees: list[str] = field(default_factory=list)
    title: Range | None = None
    subtitle: Range | None = None
    speaker: Range | None = None
    date: Range | None = None
    date_iso: str | None = None
    occasion: Range | None = None
    others: list[Range] = field(default_factory=list)
    chrome: list[InlineChrome] = field(default_factory=list)
    guessed: set[str] = field(default_factory=set)
    """The fields read out of front matter run together (their ends inferred)."""


def _strip(text: str, s: int, e: int, cut: list[Range] | None = None) -> Range:
    """``[s, e)`` without the white space at either end, written out or as an escape
    (``escaped_space``: <U+00A0>); the escapes cut off are added to ``cut``."""
    s, e = strip(text, s, e)
    if "<" not in text[s:s + 1] and ">" not in text[e - 1:e]:
        return s, e
    esc = vocabulary().escaped_space
    s0, e0 = s, e
    while s < e:
        m = esc.match(text, s, e)
        if m is None:
            break
        s, e = strip(text, m.end(), e)
    while e > s and text[e - 1] == ">":
        k = text.rfind("<", s, e)
        if k < 0 or esc.fullmatch(text, k, e) is None:
            break
        s, e = strip(text, s, k)
    if cut is not None:
        cut.extend(r for r in (strip(text, s0, s), strip(text, e, e0)) if r[1] > r[0])
    return s, e


def _inline_gap(t: str) -> bool:
    return not t.strip() and "\n" not in t and "\r" not in t


def _keep_cut(text: str, front: Front, cut: list[Range]) -> None:
    """The escapes cut off the front lines stay in the front (no character is lost): joined to
    an other line they stand next to on the same line, else on their own."""
    if not cut:
        return
    others = list(front.others)
    for a, b in cut:
        if any(s <= a and b <= e for s, e in others):
            continue
        k = next((i for i, (s, e) in enumerate(others) if s >= b and _inline_gap(text[b:s])), None)
        if k is not None:
            others[k] = (a, others[k][1])
            continue
        k = next((i for i, (s, e) in enumerate(others) if e <= a and _inline_gap(text[e:a])), None)
        if k is not None:
            others[k] = (others[k][0], b)
        else:
            others.append((a, b))
    front.others = sorted(others)


def iso_date(text: str) -> tuple[Range, str | None] | None:
    """The first date written in ``text``: its range and ISO form (None when incomplete)."""
    m = vocabulary().date_in_text.search(text)
    if not m:
        return None
    y, mo, d = (to_int(m.group(k)) for k in ("y", "m", "d"))
    iso = None
    if y is not None and mo is not None and d is not None and 1 <= mo <= 12 and 1 <= d <= 31:
        iso = f"{y:04d}-{mo:02d}-{d:02d}"
    return m.span(), iso


def _opens_frame(t: str) -> bool:
    """``t`` opens a frame the next line closes: …办公厅关于加强… (no 的 after 关于)."""
    voc = vocabulary()
    for w in voc.title_frame_opens:
        at = t.rfind(w)
        if at != -1 and voc.title_frame_close not in t[at:]:
            return True
    return False


def _is_complete_title(t: str) -> bool:
    return bool(vocabulary().speech_title.search(t[-6:]))


def title_like(t: str) -> bool:
    """A whole line that reads as a title: short, unbroken, ending with a title word."""
    voc = vocabulary()
    t = t.strip()
    return (0 < len(t) <= voc.max_title_length and voc.glued.title_bad.search(t) is None
            and any(m.end() == len(t) for m in voc.glued.title_words.finditer(t, max(0, len(t) - 6))))


WHOLE_TITLE_MIN = 6  # a complete title line longer than this stands alone (…的讲话, not 讲话)


def read_front(text: str, start: int, end: int, body_start: int, *,
               lookahead: int = 0, earlier: str = "") -> Front:
    """Classify the lines of ``text[start:end]`` (the stretch before the salutation or body).

    Where no line reads as a title, or the title line holds more than a title, the front is
    read again as a glued run (see :mod:`.glued`). ``lookahead`` (> ``body_start``):
    with no salutation, how far into the first body line a title glued to it is looked for;
    ``earlier``: titles that chrome cut out before the body carries (each closed by ``\\x00``),
    which such a title may restate.
    """
    if lookahead <= body_start and (start >= end or text[start:end].isspace()):
        return Front(body_start=body_start)  # nothing before the body (同志们： opens the text)
    voc = vocabulary()
    front = Front(body_start=body_start)
    cut: list[Range] = []
    lines = [_strip(text, m.start(), m.end(), cut) for m in _LINE.finditer(text, start, end)]
    subtitles: dict[str, bool] = {}  # (each line matched once against the subtitle pattern)
    lines, joined = _join_subtitle([r for part in lines if part[1] > part[0] for r in _split_dash(text, part, cut)],
                                   text, subtitles)
    kinds = [_kind(text[s:e], (s, e) in joined, subtitles) for s, e in lines]
    title_idx = _title_lines(text, lines, kinds)
    if title_idx:
        front.title = (lines[title_idx[0]][0], lines[title_idx[-1]][1])
    for i, (r, k) in enumerate(zip(lines, kinds, strict=True)):
        if i in title_idx:
            continue
        if k == "title" and front.speaker is None and (named := _named_restatement(text, r, front.title)) is not None:
            front.speaker = named  # 戴文澜同志 of 戴文澜同志在…会议上的讲话 under the headline
            front.others.extend(_rest(text, r, [named]))
            continue
        if k == "subtitle" and front.subtitle is None:
            had = {"date": front.date, "speaker": front.speaker}
            _take_subtitle(text, front, r)
            if r not in joined and not _is_subtitle(text[r[0]:r[1]], subtitles):
                # what is run on to the subtitle (…会议上省长李明): the ends are inferred
                front.guessed.update(n for n in ("subtitle", "date", "speaker")
                                     if getattr(front, n) is not None and getattr(front, n) != had.get(n))
        elif k == "date" and (front.date is None or _inside(front.date, front.subtitle)):
            front.date = r
            front.guessed.discard("date")
            found = iso_date(text[r[0]:r[1]])
            front.date_iso = found[1] if found else None
        elif k == "speaker" and front.speaker is None:
            front.speaker = r
        else:
            front.others.append(r)
    glued = _glued(text, start, end, body_start, front, lookahead, earlier, lines)
    if glued is not None:
        _take_glued(text, front, glued, lines, body_start)
    _keep_cut(text, front, cut)
    for name in ("subtitle", "title"):
        where = getattr(front, name)
        if where is not None and front.occasion is None:
            m = voc.occasion.search(text, where[0], where[1])
            if m:
                front.occasion = m.span("occasion")
                if name in front.guessed:
                    front.guessed.add("occasion")
    return front


def _is_subtitle(t: str, memo: dict[str, bool]) -> bool:
    """``t`` matches the subtitle pattern (…在…会议上), remembered in ``memo``."""
    found = memo.get(t)
    if found is None:
        pattern = vocabulary().subtitle
        found = memo[t] = holds(t, pattern.needs) and pattern.match(t) is not None
    return found


def _kind(t: str, joined: bool, subtitles: dict[str, bool]) -> str:
    """What a front line is: title, subtitle, date, speaker or other (``subtitles``: see
    :func:`_is_subtitle`)."""
    voc = vocabulary()
    if joined:
        return "subtitle"
    if voc.date_line.match(t):
        return "date"
    # (the costlier patterns are tried only on a line that holds the characters they need)
    if _is_subtitle(t, subtitles) or (holds(t, voc.glued.subtitle.needs) and voc.glued.subtitle.match(t)):
        return "subtitle"  # …会议上 省长 李明, or the name run on: …会议上省长李明
    if (voc.glued.not_names.fullmatch(t) or voc.front_note.match(t) or voc.dateline.fullmatch(t)
            or (holds(t, voc.dateline_end.needs) and voc.dateline_end.search(t))):
        return "other"  # 上午, 定稿, 提纲, （根据录音整理）, 新华社北京3月5日电 (or its end): neither a name nor a title
    if len(t) <= 30 and not _is_complete_title(t) and voc.speaker_line.match(t):  # (the cheap test first)
        return "speaker"
    if voc.caption.search(t) or voc.glued.breaks.fullmatch(t):
        return "other"  # a caption; a time stamp or number (202X/X/XX) is no part of a title
    if voc.front_issuer.match(t) and not _is_complete_title(t):
        return "issuer"  # 琅岙区人民政府办公室 under a 会议纪要 or a notice, over its date
    if (len(t) <= voc.max_title_length and not voc.sentence_end.search(t[-1:]) and t[-1:] not in voc.glued.clause_punctuation
            and t[-1:] not in COLONS and "。" not in t):
        return "title"
    return "other"  # (also a line that announces what follows, or holds a sentence: …出席会议并讲话。现将讲话全文刊发如下：)


def _title_lines(text: str, lines: list[Range], kinds: list[str]) -> list[int]:
    """The indexes of the title's lines (one, or two when the title is split over two)."""
    anchor = next((i for i, k in enumerate(kinds) if k in ("subtitle", "date", "speaker")), None)
    title_idx: list[int] = []
    above = anchor - 1 if anchor is not None else -1  # (past the issuer's name between: title / issuer / date)
    if above > 0 and kinds[above] == "issuer":
        above -= 1
    if anchor is not None and above >= 0 and kinds[above] == "title":
        title_idx = [above]
    elif anchor is None or anchor == 0:
        cands = [i for i, k in enumerate(kinds) if k == "title"]
        if cands and anchor is None:
            # the last title-like line, or the last that ends like a title (…的讲话) if any does
            complete = [i for i in cands if _is_complete_title(text[lines[i][0]:lines[i][1]])]
            title_idx = [(complete or cands)[-1]]
        elif cands:
            title_idx = [cands[0]]
    if not (title_idx and _anchored(kinds, title_idx[0])):
        # a title line that the subtitle or date follows is the title (not a site name or a
        # button above it, nor a line above a name)
        title_idx = next(([i] for i, k in enumerate(kinds) if k == "title" and _anchored(kinds, i)), title_idx)
    if title_idx:
        i = title_idx[0]
        # a title split over two lines (blank lines between): 高举…旗帜 / 为…而团结奋斗; not a
        # line above a title that is whole by itself (a site name over …大会上的讲话)
        line = text[lines[i][0]:lines[i][1]]
        prev = text[lines[i - 1][0]:lines[i - 1][1]] if i > 0 else ""
        whole = _is_complete_title(line) and len(line) > WHOLE_TITLE_MIN and not _opens_frame(prev)
        # (nor a page title over the same line restated: 全县召开…会议_某某县人民政府 / 全县召开…会议)
        if i > 0 and kinds[i - 1] == "title" and not whole and not _is_complete_title(prev) and prev != line:
            title_idx.insert(0, i - 1)
        elif whole:
            title_idx = [_unnamed_before(text, lines, kinds, i)]
    return title_idx


NAMED_PREFIX_MAX = 12  # characters of a speaker's name and role set before a restated title


def _named_prefix(line: str, title: str) -> int:
    """The characters of the speaker's name and role that ``line`` sets before ``title``,
    which it restates (戴文澜同志 of 戴文澜同志在…会议上的讲话), else 0."""
    named = len(line) - len(title)
    if 0 < named <= NAMED_PREFIX_MAX and line.endswith(title) and all(map(is_han, line[:named])):
        return named
    return 0


def _named_restatement(text: str, r: Range, title: Range | None) -> Range | None:
    """The speaker's name and role that line ``r`` sets before the title it restates (see
    :func:`_unnamed_before`), else None."""
    if title is None or r[0] < title[1]:
        return None
    named = _named_prefix(text[r[0]:r[1]], text[title[0]:title[1]])
    return (r[0], r[0] + named) if named else None


def _unnamed_before(text: str, lines: list[Range], kinds: list[str], i: int) -> int:
    """Line ``i`` or, where it restates an earlier title line with the speaker's name set
    before it (a portal's headline 在…会议上的讲话 over 戴文澜同志在…会议上的讲话), that line."""
    line = text[lines[i][0]:lines[i][1]]
    for j in range(i):
        earlier = text[lines[j][0]:lines[j][1]]
        if (kinds[j] == "title" and len(earlier) > WHOLE_TITLE_MIN and _named_prefix(line, earlier)
                and _is_complete_title(earlier)):
            return j
    return i


def _anchored(kinds: list[str], i: int) -> bool:
    """A subtitle or date follows line ``i``, or the issuer's name and then one of them."""
    if i + 2 < len(kinds) and kinds[i + 1] == "issuer":
        i += 1
    return i + 1 < len(kinds) and kinds[i + 1] in ("subtitle", "date")


def _take_subtitle(text: str, front: Front, r: Range) -> None:
    """The subtitle line ``r``, with the speaker or date on its line (…会议上 省长 李明)."""
    front.subtitle = r
    parts = subtitle_parts(text, *r)
    if parts is not None:
        front.subtitle = parts.title
        if parts.date is not None and front.date is None:
            front.date = parts.date
            found = iso_date(text[parts.date[0]:parts.date[1]])
            front.date_iso = found[1] if found else None
        if parts.speaker is not None and front.speaker is None:
            front.speaker = parts.speaker
        taken = [x for x in (front.subtitle, front.date, front.speaker) if x is not None and _inside(x, r)]
        front.others.extend(_rest(text, r, taken))
    sub = front.subtitle
    if front.date is None:
        found = iso_date(text[sub[0]:sub[1]])
        if found:
            (a, b), iso = found
            front.date, front.date_iso = (sub[0] + a, sub[0] + b), iso


def _split_dash(text: str, r: Range, cut: list[Range]) -> list[Range]:
    """政府工作报告——2024年3月5日在…上: a title glued to its dash subtitle is two lines (after a
    double dash, ―― and -- too; after a single one where a subtitle follows it)."""
    voc = vocabulary()
    dash = voc.dash.search(text, r[0], r[1])
    i = dash.start() if dash is not None else -1
    if i == -1:
        m = voc.single_dash.search(text, r[0], r[1])
        i = m.start() if m is not None and _subtitle_line(text, m.start(), r[1]) else -1
    if i - r[0] < 2 or i - r[0] > voc.max_title_length:
        return [r]
    return [_strip(text, r[0], i, cut), (i, r[1])]


def _subtitle_line(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` is a subtitle line (——…会议上), also with a speaker run on to it."""
    voc = vocabulary()
    return bool(voc.subtitle.match(text[s:e]) or voc.glued.subtitle.match(text, s, e))


def _join_subtitle(lines: list[Range], text: str, subtitles: dict[str, bool]) -> tuple[list[Range], set[Range]]:
    """A subtitle broken over two lines (——2024年1月5日在青山市第十届 / 人民代表大会第三次会议上)
    is one line: where the subtitle pattern of glued front matter ends only on the next line.
    Returns the lines and those joined."""
    voc = vocabulary()
    out: list[Range] = []
    joined: set[Range] = set()
    i = 0
    while i < len(lines):
        s, e = lines[i]
        if i + 1 < len(lines) and _is_subtitle(text[s:e], subtitles) and not voc.glued.subtitle.match(text, s, e):
            ns, ne = lines[i + 1]
            gap = text[e:ns]
            m = voc.glued.subtitle.match(text, s, ne)
            if m is not None and m.end() > ns and gap.count("\n") + gap.count("\r") - gap.count("\r\n") == 1:
                out.append((s, ne))
                joined.add((s, ne))
                i += 2
                continue
        out.append((s, e))
        i += 1
    return out, joined


def _rest(text: str, r: Range, taken: list[Range]) -> list[Range]:
    """What is left of ``r`` around the ranges ``taken`` from it (stripped, not empty)."""
    out: list[Range] = []
    pos = r[0]
    for a, b in sorted(taken):
        if a > pos:
            out.append(strip(text, pos, a))
        pos = max(pos, b)
    if pos < r[1]:
        out.append(strip(text, pos, r[1]))
    return [x for x in out if x[1] > x[0]]


def _inside(inner: Range | None, outer: Range | None) -> bool:
    return inner is not None and outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _glued(text: str, start: int, end: int, body_start: int, front: Front,
           lookahead: int, earlier: str, lines: list[Range]) -> Glued | None:
    if front.title is None:
        found = find_glued(text, start, end, end, closed=True) if end > start else None
        if found is None and lookahead > body_start:
            titles = "".join(text[s:e] + "\x00" for s, e in lines if title_like(text[s:e]))
            found = find_glued(text, body_start, lookahead, lookahead, closed=False, at_body=True,
                               earlier=earlier + titles)
        return found
    ts, te = front.title
    g = vocabulary().glued
    words = [m.end() for m in g.title_words.finditer(text, ts, te)]
    if text.find("\n", ts, te) != -1 or text.find("\r", ts, te) != -1:
        return None
    if not (words or g.title_marks.search(text, ts, te) or meta_inside(text, ts, te) or chrome_opens(text, ts, te)):
        # (a title with no title word runs on only into a page's meta line, …召开来源：…, or
        # from chrome it opens with: 首页 > 时政要闻 > 正文凝心聚力抓落实…)
        return None
    if words == [te] and g.breaks.search(text, ts, te) is None and not chrome_opens(text, ts, te):
        return None  # the common case: one line that ends with its one title word
    found = find_glued(text, ts, te, end, closed=True, line=True)
    if found is None or found.title == front.title or not (ts <= found.title[0] and found.title[1] <= te):
        return None
    return found


def _take_glued(text: str, front: Front, glued: Glued, lines: list[Range], body_start: int) -> None:
    """Put what was found in a glued run in ``front``; what is left of its lines stays in others."""
    front.title = glued.title
    front.guessed.add("title")
    for name in ("subtitle", "date", "speaker"):
        mine: Range | None = getattr(glued, name)
        theirs: Range | None = getattr(front, name)
        # (a date inside the run's: the lines read 2024年9月12日 in （2024年9月12日）在…的讲话, a
        # line the run found to open with its date)
        wider = name == "date" and theirs is not None and _inside(theirs, mine)
        if mine is None or (theirs is not None and not _overlaps(theirs, glued.title) and not wider):
            continue  # what the lines said stands
        if any(_overlaps(mine, r) for r in (front.subtitle, front.speaker)
               if r is not None and r is not theirs and not (wider and _overlaps(r, glued.title))):
            continue
        setattr(front, name, mine)
        front.guessed.add(name)
        if name == "date":
            found = iso_date(text[mine[0]:mine[1]])
            front.date_iso = found[1] if found else None
        elif name == "subtitle" and glued.date is None and front.date is None:
            found = iso_date(text[mine[0]:mine[1]])
            if found:
                (a, b), iso = found
                front.date, front.date_iso = (mine[0] + a, mine[0] + b), iso
                front.guessed.add("date")
    for name in ("subtitle", "date", "speaker"):
        r = getattr(front, name)
        if r is not None and _overlaps(r, front.title):
            setattr(front, name, None)
    taken = sorted(r for r in (front.title, front.subtitle, front.date, front.speaker) if r is not None)
    front.chrome = [h for h in glued.chrome if not any(_overlaps((h.start, h.end), r) for r in taken)]
    cut = sorted(taken + [(h.start, h.end) for h in front.chrome])
    spread = list(lines)
    if glued.end > body_start:
        spread.append((body_start, glued.end))
        front.body_start = max(front.body_start, glued.end)
    others: list[Range] = []
    for s, e in spread:
        pos = s
        for a, b in cut:
            if b <= pos or a >= e:
                continue
            if a > pos:
                others.append(strip(text, pos, a))
            pos = max(pos, b)
        if pos < e:
            others.append(strip(text, pos, e))
    front.others = [r for r in others if r[1] > r[0]]


def _overlaps(a: Range, b: Range | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]
