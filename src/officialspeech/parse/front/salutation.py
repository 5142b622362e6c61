"""The salutation: the address (同志们：, 各位代表、同志们：) that opens the speech."""

from __future__ import annotations

import regex

from ...compiled import compile_regex
from ...vocab import LazyPattern, per_vocabulary, vocabulary
from ..chars import COLONS, COMMAS, EXCLAIMS, INLINE_SPACE, LINE_BREAKS, is_han
from ..markers import bare_address, salutation

Range = tuple[int, int]
_SEPARATORS = "、，,"  # between the items of an address
_ITEM_SEP = compile_regex(f"[{_SEPARATORS}]")
_COMMA = compile_regex(r"[，,]")
_NAME_SEP = compile_regex(f"[{_SEPARATORS}\\s]+")
_STOPS = frozenset("。！？!?；;：:\r\n")  # no addressee holds these


def _after_boundary(text: str, i: int) -> bool:
    """``text[i]`` starts the text or follows white space or a boundary (。，、…)."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in vocabulary().boundary_before


def _after_title(text: str, i: int) -> bool:
    """A title word ends right before ``text[i]`` (a title run on to the address when the line
    breaks were lost: …会议上的讲话同志们，大家好！)."""
    finals = _title_word_finals()
    if i == 0 or (finals is not None and text[i - 1] not in finals):
        return False  # (the character before is no title word's last: most are not)
    return any(m.end() == i for m in vocabulary().glued.title_words.finditer(text, max(0, i - _title_word_max()), i))


@per_vocabulary
def _title_word_finals() -> frozenset[str] | None:
    """Characters among which every title word's last is: the Han characters written in the
    title words' pattern, when it is a plain alternation of words (groups, ``?``, classes of
    variant characters, escaped spaces: nothing a match can end with beyond its characters);
    None otherwise."""
    pattern = vocabulary().glued.title_words.pattern
    if any(not is_han(ch) and ch not in _PLAIN_SYNTAX for ch in pattern):
        return None
    return frozenset(ch for ch in pattern if is_han(ch))


_PLAIN_SYNTAX = frozenset("(?:)|[]\\ \u3000")  # the syntax of a plain alternation of words


@per_vocabulary
def _title_word_max() -> int:
    """The characters of the longest title word."""
    return max(map(len, vocabulary().data["glued_front"]["title_words"]), default=0)


def _item_start(text: str, end: int, floor: int) -> int:
    """Where the item ending at ``end`` starts: after the boundary before it (not before
    ``floor``; the test of :func:`_after_boundary`, with the boundary class looked up once)."""
    boundary = vocabulary().boundary_before
    s = end
    while s > floor:  # (floor >= 0: s > 0, text[s - 1] exists)
        ch = text[s - 1]
        if ch.isspace() or ch in boundary:
            break
        s -= 1
    return s


def find_salutation(text: str, limit: int) -> tuple[Range, list[str]] | None:
    """The first salutation (同志们：…) within ``text[:limit]`` that starts a line or follows a boundary."""
    voc = vocabulary()
    address = salutation()
    tried: set[int] = set()
    opening: Range | None = None
    for hint in voc.salutation_hint.finditer(text, 0, limit):
        # the address may start a few items before the word that gave it away
        floor = max(0, hint.start() - voc.salutation_max)
        s = _item_start(text, hint.start(), floor)
        while s - 1 > floor and text[s - 1] in _SEPARATORS:
            # an addressee before it across a comma: 主席先生，各位同事： / 同胞们，同志们，朋友们：
            before = _item_start(text, s - 1, floor)
            if before == s - 1 or voc.salutation_item_before.fullmatch(text, before, s - 1) is None:
                break
            s = before
        starts: list[int] = []
        peeled = False  # (the address starts after the speaker's name, inside a word)
        if s < hint.start() and _after_title(text, hint.start()):
            s, peeled = hint.start(), True  # …的通知各乡镇人民政府：: the title's end is no addressee
        elif s < hint.start() and _speaker_before(text, s, hint.start()):
            s, peeled = hint.start(), True  # …主席 习近平尊敬的各位来宾：: the speaker's name is no addressee
        elif s < hint.start():
            named = _after_speaker_name(text, s, hint.start())
            peeled, s = named > s, named
        if not (s in tried or not (peeled or _after_boundary(text, s))):
            tried.add(s)
            starts = _item_starts(text, s, hint.start())
        # the address may be glued to what stands before it when line breaks were lost:
        # …记者 王鼎 摄各位代表：现在，… / …工作的通知各市州、县市区人民政府,省政府各厅委:
        starts.append(hint.start())
        for start in starts:
            m = address.match(text, start, limit)
            after_name = peeled and start == s  # (glued to the speaker's name peeled off before it)
            end = m.end() if m is not None else (_alone(text, start, limit)
                                                 or _comma_closed(text, start, limit, after_name=after_name)
                                                 or _greeted(text, start, limit, after_name=after_name))
            if end is None and opening is None:
                # an address closed by a comma that opens the speech: taken only when no
                # other address follows (尊敬的读者，本文…⏎…讲话⏎同志们：)
                weak = _opening(text, start, limit)
                if weak is not None and weak - start <= voc.salutation_max:
                    opening = (start, weak)
                continue
            if end is None or end - start > voc.salutation_max:
                continue
            end = _continued(text, end, limit, address)
            if m is None:
                end = _stacked(text, start, end, limit, address)
            found = (_spaced_before(text, start, floor), end)  # (各位领导 各位来宾：)
            line = _line_address(text, limit, end)
            if line is not None and (line[1] <= start or (
                    line[1] == end and (voc.address_modifiers.fullmatch(text, line[0], start) is not None
                                        or voc.address_role.fullmatch(text, line[0], start) is not None))):
                found = line  # 少先队员们：… 同志们： / 全市广大青年朋友们： (not 回信乡亲们：)
            return found, _names(text, *found)
    line = _line_address(text, limit, limit) or opening
    return (line, _names(text, *line)) if line is not None else None


def _continued(text: str, end: int, limit: int, address: regex.Pattern[str]) -> int:
    """The end of an address closed by a comma at its line's end that the next line goes on
    with up to its colon (尊敬的…，尊敬的各位嘉宾，⏎女士们，先生们，朋友们：: an address
    wrapped or broken across two lines), else ``end``."""
    if text[end - 1] not in COMMAS:
        return end
    q = _next_line(text, end, limit)
    if q is None:
        return end
    m = address.match(text, q, limit)
    return m.end() if m is not None and text[m.end() - 1] in COLONS else end


def _next_line(text: str, end: int, limit: int) -> int | None:
    """Where the text of the next line starts when only inline space stands between ``end``
    and the line break (past the next line's indent); None: the line goes on, or ``limit``."""
    q = end
    while q < limit and text[q] in INLINE_SPACE:
        q += 1
    if q >= limit or text[q] not in LINE_BREAKS:
        return None
    q += 2 if text.startswith("\r\n", q) else 1
    while q < limit and text[q] in INLINE_SPACE:
        q += 1
    return q if q < limit else None


def _stacked(text: str, start: int, end: int, limit: int, address: regex.Pattern[str]) -> int:
    """The end of an address with no closing mark alone on its line (``_alone``) that the
    next lines go on with, each an address alone on its line too, the last maybe closed by
    its colon (尊敬的各位领导⏎尊敬的…各位朋友⏎各位来宾，女士们、先生们⏎大家上午好！: one
    address set out line by line), else ``end``."""
    if _alone(text, start, limit) != end or text[end - 1] in COLONS + COMMAS + EXCLAIMS:
        return end
    while True:
        q = _next_line(text, end, limit)
        if q is None:
            return end
        m = address.match(text, q, limit)
        nxt = m.end() if m is not None and text[m.end() - 1] in COLONS else _alone(text, q, limit)
        if nxt is None or nxt - q > vocabulary().salutation_max:
            return end
        end = nxt
        if text[end - 1] in COLONS + COMMAS + EXCLAIMS:
            return end


def _names(text: str, start: int, end: int) -> list[str]:
    body = text[start:end].rstrip("：:，, \u3000")
    return [x for x in _NAME_SEP.split(body) if x]


_COLON = compile_regex("[：:]")


def _pronoun(phrase: str) -> bool:
    voc = vocabulary()
    return phrase in voc.not_addresses or phrase.endswith(voc.not_addressees)


def _line_start(text: str, end: int, most: int) -> int:
    """The start of the line holding ``text[end]``, or ``end - most`` when that is later."""
    lo = max(0, end - most)
    return max(text.rfind(b, lo, end) for b in LINE_BREAKS) + 1 or lo


def _line_address(text: str, limit: int, stop: int) -> Range | None:
    """The first address ending by ``stop`` that fills a line start up to its colon
    (``salutation_line``: 少先队员们：, 全市广大青年朋友们：), though no pronoun (我们：)."""
    voc = vocabulary()
    for m in _COLON.finditer(text, 0, min(stop, limit)):
        s = _line_start(text, m.start(), voc.salutation_max + 1)
        while s < m.start() and text[s] in INLINE_SPACE:
            s += 1
        if _pronoun(text[s:m.start()]):
            continue
        if m.start() == s or text[m.start() - 1] not in voc.salutation_line_ends:
            continue  # (the cheap test first: what stands before the colon ends no address)
        # a title glued before it: a letter's at the line start (回信…的毕业生们：), or a
        # speech's run on to the address when the line breaks were lost (…会议上的讲话全体学员：)
        ends = [w.end() for w in voc.glued.title_words.finditer(text, s, m.start())]
        for e in reversed(ends):
            if voc.salutation_line.fullmatch(text, e, m.end()) is not None:
                return e, m.end()
        if voc.salutation_line.fullmatch(text, s, m.end()) is not None:
            return s, m.end()
    return None


def _spaced_before(text: str, s: int, floor: int) -> int:
    """``s`` moved back over addressees set apart by spaces only (各位领导 各位来宾：), each a
    whole address of its own."""
    address = bare_address()
    while s - 1 > floor and text[s - 1] in INLINE_SPACE:
        e = s - 1
        while e > floor and text[e - 1] in INLINE_SPACE:
            e -= 1
        before = _item_start(text, e, floor)
        if before == e or address.fullmatch(text, before, e) is None:
            break
        s = before
    return s


def _alone(text: str, start: int, limit: int) -> int | None:
    """The end of an address without its colon that stands alone on its line (同志们⏎, or
    closed by an exclamation mark: 各位代表！⏎),
    from a line start, indented or not (None: there is none)."""
    ls = start
    while ls > 0 and text[ls - 1] in INLINE_SPACE:
        ls -= 1
    if ls > 0 and text[ls - 1] not in LINE_BREAKS:
        return None
    m = bare_address().match(text, start, limit)
    if m is None:
        return None
    end = m.end()
    while end > start and text[end - 1].isspace():  # (the address may take a line break)
        end -= 1
    words_end = end
    if end < limit and (text[end] in EXCLAIMS
                        or (text[end] in COMMAS and vocabulary().sentence_end.search(text, 0, start) is None)):
        end += 1  # 各位代表！ (an older style: the address closed by an exclamation mark); 同志们， opening the speech
    after = end
    while after < limit and text[after] in INLINE_SPACE:
        after += 1
    if not (after >= limit or text[after] in LINE_BREAKS):
        return None
    return end if _all_addressees(text, start, words_end) else None


COMMA_CLOSED_MIN = 2  # addressees in an address closed by a comma (尊敬的…总统，尊敬的…先生，在…)


def _comma_closed(text: str, start: int, limit: int, *, after_name: bool = False) -> int | None:
    """The end (after its comma) of an address with no colon that runs on into the speech: at
    least COMMA_CLOSED_MIN addressees, the first honorific-led, each part between commas one
    (honorific-led, or each of its 、-items ending like an addressee), and what follows the
    last comma none (尊敬的…总统，尊敬的…总干事谭德塞先生，在全球抗击疫情的重要时刻…); it
    starts the text or follows a boundary (or, ``after_name``, the speaker's name glued to it).
    None: not such an address."""
    voc = vocabulary()
    if not (after_name or _after_boundary(text, start)):
        return None  # (not glued to what stands before it, as a sentence's words are)
    if voc.salutation_honorific.match(text, start, limit) is None:
        return None
    cap = min(limit, start + voc.salutation_max)
    pos, parts, end = start, 0, None
    while pos < cap:
        comma = _COMMA.search(text, pos, cap)
        if comma is None:
            break
        if not _addressee_part(text, pos, comma.start()):
            break
        parts += 1
        pos = end = comma.end()
    if end is None or parts < COMMA_CLOSED_MIN or end >= limit:
        return None
    return end


def _opening(text: str, start: int, limit: int) -> int | None:
    """The end (after its comma) of an address closed by a comma that opens the speech: at a
    line start (or right after a title word) with no sentence before it in the text, each part
    an addressee, the speech run on after it (标题⏎同志们，今天我们召开… / 各位代表，同志们，
    现在…); None: not such an address."""
    voc = vocabulary()
    ls = start
    while ls > 0 and text[ls - 1] in INLINE_SPACE:
        ls -= 1
    at_line_start = ls == 0 or text[ls - 1] in LINE_BREAKS
    if not (at_line_start or _after_title(text, start)) or voc.sentence_end.search(text, 0, start) is not None:
        return None  # (…的讲话同志们，今天…: a title run on before it, when the line breaks were lost)
    cap = min(limit, start + voc.salutation_max)
    pos, end = start, None
    while pos < cap:
        comma = _COMMA.search(text, pos, cap)
        if comma is None or not _addressee_part(text, pos, comma.start(), known=True):
            break
        if _site_reader(text[pos:comma.start()]):
            return None  # a site's own notice: 尊敬的用户，…
        pos = end = comma.end()
    return end


def _site_reader(part: str) -> bool:
    """``part`` names nothing but a site's readers (尊敬的用户, 亲爱的读者朋友们; not
    各位会员代表, whom a speech addresses: ``salutation.site_reader`` in data/vocab.json)."""
    return vocabulary().site_reader.fullmatch(part) is not None


def _greeted(text: str, start: int, limit: int, *, after_name: bool = False) -> int | None:
    """The end (after its comma) of an address closed by a comma with a greeting run on after
    it (同志们，大家好！ / 各位代表、同志们，大家上午好！), at a boundary (or, ``after_name``,
    after the speaker's name glued to it), each of its parts an addressee; None: not such an
    address."""
    voc = vocabulary()
    if not (after_name or _after_boundary(text, start) or _after_title(text, start)):
        return None
    cap = min(limit, start + voc.salutation_max)
    pos = start
    while pos < cap:
        comma = _COMMA.search(text, pos, cap)
        if comma is None or not _addressee_part(text, pos, comma.start()):
            return None
        after = comma.end()
        while after < limit and text[after] in INLINE_SPACE:
            after += 1
        if voc.greetings.match(text, after, limit) is not None:
            return comma.end()
        pos = comma.end()
    return None


def _all_addressees(text: str, start: int, end: int) -> bool:
    """Every comma-separated part of ``text[start:end]`` (an address without its colon) names
    addressees (同志们，朋友们; not 同志们，今天开会)."""
    body = text[start:end].rstrip("：: \u3000\r\n")
    pos = start
    for part in _COMMA.split(body):
        if not _addressee_part(text, pos, pos + len(part)):
            return False
        pos += len(part) + 1
    return True


def _addressee_part(text: str, s: int, e: int, *, known: bool = False) -> bool:
    """``text[s:e]`` (between commas) names addressees: honorific-led (尊敬的各位元首、政府首脑),
    or each of its 、-items ending like an addressee (or a known one). ``known``: each item an
    addressee or a role the vocabulary holds, not words ending like one (全市经济工作会议同志们)."""
    voc = vocabulary()
    part = text[s:e]
    if not part or not _STOPS.isdisjoint(part):
        return False
    if voc.salutation_honorific.match(part) is not None:
        return True
    return all((not known and voc.salutation_item_before.fullmatch(item) is not None)
               or voc.salutation_addressee.fullmatch(item) is not None
               or voc.address_role.fullmatch(item) is not None for item in part.split("、"))


def _item_starts(text: str, s: int, hint: int) -> list[int]:
    """Where an address may begin between boundary ``s`` and the hint word: at ``s`` or
    right after a space (a title glued before the address: 市总工会全委会议上的讲话 同志们：)."""
    starts = [s]
    starts.extend(i + 1 for i in range(s, hint) if text[i].isspace())
    return starts


@per_vocabulary
def _speaker_end() -> LazyPattern:
    """What ends right before a speaker's name: an office (主席 习近平) or a date in brackets
    (（2020年11月12日）习近平)."""
    voc = vocabulary()
    date = voc.data["date"]
    return LazyPattern(f"(?:{voc.glued.speaker_office.pattern})[ \u3000\u00a0]*$|(?:{date})[^（）()]{{0,10}}[）)][ \u3000\u00a0]*$")


def _after_speaker_name(text: str, s: int, hint: int) -> int:
    """Where the address starting at ``s`` starts when its first item is the speaker's name run
    on into an addressee's title or a whole addressee (…副区长　邵文澜主任、各位副主任：: the
    address is 主任、…; …县长　程远舟各位领导、各位来宾，):
    right after the name, if an office or a date ends before it; else ``s``."""
    voc = vocabulary()
    g = voc.glued
    end = s
    while end < hint and text[end] not in _SEPARATORS:
        end += 1
    if end == hint or _speaker_end().search(text, max(0, s - 40), s) is None:
        return s  # (the first item is the hint itself, or no speaker's office stands before it)
    for n in range(min(g.max_name_length, end - s - 1), 1, -1):
        if (g.speaker_name.fullmatch(text, s, s + n) is not None and g.not_names.fullmatch(text, s, s + n) is None
                and (voc.salutation_title.fullmatch(text, s + n, end) is not None
                     or bare_address().fullmatch(text, s + n, end) is not None)):
            return s + n  # (邵文澜|主任、…, or a whole addressee: 县长　程远舟|各位领导、各位来宾，)
    return s


def _speaker_before(text: str, s: int, hint: int) -> bool:
    """``text[s:hint]`` is a speaker's name glued to the address, after their office or the
    date (the front matter of a speech run together: …主席 习近平尊敬的…)."""
    g = vocabulary().glued
    if g.speaker_name.fullmatch(text, s, hint) is None or g.not_names.fullmatch(text, s, hint) is not None:
        return False
    return _speaker_end().search(text, max(0, s - 40), s) is not None
