"""Chinese and Arabic numerals to int: a table for the common case, cn2an behind it."""

from __future__ import annotations

from functools import lru_cache

_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _build_table() -> dict[str, int]:
    names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    table: dict[str, int] = {"〇": 0, "零": 0, "○": 0, "两": 2, "十": 10}
    for n in range(1, 100):
        tens, ones = divmod(n, 10)
        if tens == 0:
            forms = [names[ones]]
        elif tens == 1:
            forms = ["十" + names[ones], "一十" + names[ones]]
        else:
            forms = [names[tens] + "十" + names[ones]]
        for f in forms:
            table[f] = n
    return table


_TABLE = _build_table()


@lru_cache(maxsize=4096)
def to_int(text: str) -> int | None:
    """The value of a numeral such as 三, 十二, 一百零三, 两, 〇, 12 or １２; None if it is not one.

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
    hit = _TABLE.get(text)
    if hit is not None:
        return hit
    if all(ch in _DIGITS for ch in text):  # 二〇二三 read digit by digit
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS[ch]
        return value
    return _cn2an(text)


def _cn2an(text: str) -> int | None:
    import cn2an  # lazy: ~100 ms of import time

    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    return None
