"""Characters that stand for CJK ideographs, read as the ideographs they stand for.

The text layer of many PDFs writes some ideographs as radicals, where a font maps
its glyphs to the radicals' code points: ⾏政许可 (U+2F8F KANGXI RADICAL WALK) for
行政许可, ⼀、总体情况 for 一、总体情况, ⻓ (U+2ED3) for 长; and text copied out of such
a PDF into a web page or a Word file keeps them. Such a label is no label of the
template, such a heading no heading: the rows' figures would go missing. Read here:

- the Kangxi radicals (U+2F00–U+2FDF) and the CJK compatibility ideographs
  (U+F900–U+FAFF, U+2F800–U+2FA1F), as NFKC has them (one ideograph each);
- the simplified forms of the CJK Radicals Supplement (U+2E80–U+2EFF), which have no
  decomposition, as Unicode's CJKRadicals.txt pairs each with its ideograph, and
  ⺠ CIVILIAN with 民 (as EquivalentUnifiedIdeograph.txt does).

One character for one: the lines, columns and a PDF's character offsets stay as they
were. Nothing else is changed (full-width digits and letters are read where they are
read, not here). One note (GP013) says how many and where the first stands.
"""

from __future__ import annotations

import functools
import re

from govparse.diagnostics import Diagnostic, Severity


@functools.cache
def _candidate() -> re.Pattern:
    """Where such characters stand. (U+FFFF, a noncharacter no text holds, makes the
    class's ranges three: re compiles it as a table of the plane, a lookup a character,
    which reads a report's text two and a half times as fast as two ranges compared.
    Compiled when a text's high bytes first say it may hold one: 0.5 ms of a start.)"""
    return re.compile("[\u2e80-\u2fdf\uf900-\ufaff\uffff\U0002f800-\U0002fa1f]")


# The high bytes of the UTF-16 code units such characters are written in: U+2E80–U+2FDF
# (2E, 2F), U+F900–U+FAFF (F9, FA), U+2F800–U+2FA1F (the high surrogate D87E).
_CANDIDATE_HIGH_BYTES = (0x2E, 0x2F, 0xF9, 0xFA, 0xD8)


def _may_hold_candidates(text: str) -> bool:
    """False where the text holds no character that stands for an ideograph (True:
    it may). Its UTF-16 code units' high bytes looked through with memchr: about a
    quarter of the instructions of _candidate()'s search, some 35 a character (a grid
    report's text has 10,000 and more), which is made only where one of those bytes
    stands (a character of a block next to them, or any beyond the BMP, may give one;
    U+FFFF, in _candidate() only to make its class a table, stands for none)."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return any(byte in high for byte in _CANDIDATE_HIGH_BYTES)


# The CJK Radicals Supplement's simplified forms and their ideographs (Unicode's
# CJKRadicals.txt, the radical numbers with an apostrophe), and ⺠.
_SUPPLEMENT = {
    0x2EA0: 0x6C11,  # ⺠ 民
    0x2EA6: 0x4E2C,  # ⺦ 丬
    0x2EB0: 0x7E9F,  # ⺰ 纟
    0x2EC5: 0x89C1,  # ⻅ 见
    0x2EC8: 0x8BA0,  # ⻈ 讠
    0x2EC9: 0x8D1D,  # ⻉ 贝
    0x2ECB: 0x8F66,  # ⻋ 车
    0x2ED0: 0x9485,  # ⻐ 钅
    0x2ED3: 0x957F,  # ⻓ 长
    0x2ED4: 0x95E8,  # ⻔ 门
    0x2ED9: 0x97E6,  # ⻙ 韦
    0x2EDA: 0x9875,  # ⻚ 页
    0x2EDB: 0x98CE,  # ⻛ 风
    0x2EDC: 0x98DE,  # ⻜ 飞
    0x2EE0: 0x9963,  # ⻠ 饣
    0x2EE2: 0x9A6C,  # ⻢ 马
    0x2EE5: 0x9C7C,  # ⻥ 鱼
    0x2EE6: 0x9E1F,  # ⻦ 鸟
    0x2EE7: 0x5364,  # ⻧ 卤
    0x2EE8: 0x9EA6,  # ⻨ 麦
    0x2EE9: 0x9EC4,  # ⻩ 黄
    0x2EEA: 0x9EFE,  # ⻪ 黾
    0x2EEB: 0x6589,  # ⻫ 斉
    0x2EEC: 0x9F50,  # ⻬ 齐
    0x2EED: 0x6B6F,  # ⻭ 歯
    0x2EEE: 0x9F7F,  # ⻮ 齿
    0x2EEF: 0x7ADC,  # ⻯ 竜
    0x2EF0: 0x9F99,  # ⻰ 龙
    0x2EF2: 0x4E80,  # ⻲ 亀
}
_DECOMPOSED = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


@functools.cache
def ideograph_of() -> dict[int, str]:
    """Each character that stands for an ideograph (by code point) and the ideograph."""
    import unicodedata  # (only a text that holds such a character needs it)

    table = {}
    for first, last in _DECOMPOSED:
        for code in range(first, last + 1):
            read = unicodedata.normalize("NFKC", chr(code))
            if len(read) == 1 and read != chr(code) \
                    and unicodedata.name(read, "").startswith("CJK UNIFIED IDEOGRAPH"):
                table[code] = read
    table.update((code, chr(ideograph)) for code, ideograph in _SUPPLEMENT.items())
    return table


def with_ideographs(text: str) -> tuple[str, tuple[int, int, str] | None]:
    """The text with each character that stands for an ideograph replaced by it, and
    what was found: how many, the first one's offset and the character written there
    (None: none)."""
    found = _candidate().search(text) if _may_hold_candidates(text) else None
    if found is None:
        return text, None  # (most texts: told by the high bytes alone)
    table = ideograph_of()
    offsets = [m.start() for m in _candidate().finditer(text, found.start())
               if ord(m.group()) in table]
    if not offsets:
        return text, None
    return text.translate(table), (len(offsets), offsets[0], text[offsets[0]])


def radicals_referenced(source: str) -> str:
    """A page's source with each numeric character reference to a character that
    stands for an ideograph (``&#x2F8F;``, ``&#12175;``) written as that character, which
    ``with_ideographs`` then reads (a page that writes every character it has beyond
    ASCII as a reference writes the radicals of its text so too)."""
    if "&#" not in source:
        return source
    table = ideograph_of()

    def written(ref: re.Match) -> str:
        code = int(ref[1], 16) if ref[1] else int(ref[2])
        return chr(code) if code in table else ref[0]

    return _numeric_reference().sub(written, source)


@functools.cache
def _numeric_reference() -> re.Pattern:
    """A numeric character reference (compiled when a page first holds one). Up to seven
    digits: a longer one is no character, and read as the parser reads it."""
    return re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")


def text_with_ideographs(text: str) -> tuple[str, Diagnostic | None]:
    """``with_ideographs`` for a text whose lines locate the note."""
    text, found = with_ideographs(text)
    if found is None:
        return text, None
    at = found[1]
    return text, ideographs_note(found, text.count("\n", 0, at) + 1,
                                 at - text.rfind("\n", 0, at))


def ideographs_note(found: tuple[int, int, str], line: int | None = None,
                    column: int | None = None, where: str = "") -> Diagnostic:
    """The note (GP013) for what ``with_ideographs`` found (its first at ``line`` and
    ``column``; ``where``: in words, where there is no line)."""
    count, _, written = found
    read = ideograph_of()[ord(written)]
    return Diagnostic(
        "GP013", Severity.NOTE,
        f"{count} character{'s' if count != 1 else ''} written as radicals or "
        f"compatibility ideographs (the first: {written} U+{ord(written):04X} for "
        f"{read}{where}) read as the ideographs they stand for",
        line, column,
        hint="a PDF's text layer writes them where a font maps its glyphs to radicals; "
             "nothing else was changed")
