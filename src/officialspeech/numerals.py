"""Chinese and Arabic numerals to int: a table for the common case, cn2an behind it."""

from __future__ import annotations

from functools import lru_cache

_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


_NAMES = "〇一二三四五六七八九"


def to_chinese(n: int) -> str:
    """一 … 九十九 for 1-99 (十一, 二十, 九十九); other numbers as Arabic digits."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _NAMES[ones]
    return ("" if tens == 1 else _NAMES[tens]) + "十" + (_NAMES[ones] if ones else "")


def _build_table() -> dict[str, int]:
    table: dict[str, int] = {"〇": 0, "零": 0, "○": 0, "两": 2}
    for n in range(1, 100):
        table[to_chinese(n)] = n
        if 10 <= n < 20:
            table["一" + to_chinese(n)] = n  # 一十一
    return table


_TABLE = _build_table()


@lru_cache(maxsize=4096)
def to_int(text: str) -> int | None:
    """The value of a numeral such as 三, 十二, 一百零三, 两, 〇, 12, １２, ③, ❸, ⒊ or ㈢; None if it is not one.

    Common forms are a table lookup; anything else goes to cn2an (imported lazily,
    and only ever on the numeral itself, never on running text).
    """
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    t = text.translate(_FULLWIDTH)
    if t.isascii() and t.isdigit():
        return int(t)
    if len(text) == 1:
        enclosed = _enclosed(ord(text))
        if enclosed is not None:
            return enclosed
    hit = _TABLE.get(text)
    if hit is not None:
        return hit
    if all(ch in _DIGITS for ch in text):  # 二〇二三 read digit by digit
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS[ch]
        return value
    return _cn2an(text)


# single characters that are a number in a frame: (first code point, last, value of the first)
_ENCLOSED = (
    (0x2460, 0x2473, 1),  # ① … ⑳
    (0x2474, 0x2487, 1),  # ⑴ … ⒇
    (0x2488, 0x249B, 1),  # ⒈ … ⒛
    (0x2776, 0x277F, 1),  # ❶ … ❿
    (0x2780, 0x2789, 1),  # ➀ … ➉
    (0x278A, 0x2793, 1),  # ➊ … ➓
    (0x3220, 0x3229, 1),  # ㈠ … ㈩
)
STEMS = "甲乙丙丁戊己庚辛壬癸"  # the heavenly stems, counting items 1-10 (甲、乙、丙…)


def _enclosed(code: int) -> int | None:
    for first, last, value in _ENCLOSED:
        if first <= code <= last:
            return code - first + value
    return None


def stem_to_int(text: str) -> int | None:
    """The place of a heavenly stem (甲 1, 乙 2 … 癸 10); None for anything else."""
    return STEMS.index(text) + 1 if len(text) == 1 and text in STEMS else None


def _cn2an(text: str) -> int | None:
    import cn2an  # lazy: ~100 ms of import time

    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    return None
