"""Mutated reports: the inputs a scraper really produces, made on purpose.

Every operator is a plain function ``op(text, choose) -> text``. ``choose`` makes
the operator's choices: a ``DrawChooser`` draws them from Hypothesis (so failures
shrink), a ``RandomChooser`` from ``random.Random`` (the atheris harness's custom
mutator). The same operators thus serve both fuzzers.

The starting points are the five reference reports (tests/data/seeds), the bundled
examples in four layouts, the reference report whose figures all differ
(tests/data/distinct), and the printer's output of each reference report in
every layout (``govparse.emit.printer.dumps``).

Operators, by group:

- lines: delete, duplicate, swap, move and truncate lines; delete or double a run
  of lines (rows missing or doubled); join and split lines; cut the text anywhere
  or at a table boundary;
- separators: drop, double and change one; change every separator of a line;
- numbers: a digit becomes a letter; huge, negative, full-width, thousands-comma,
  decimal, unit-carrying numbers; a number becomes a placeholder;
- insertions: random Unicode, NUL bytes, control characters and odd line breaks,
  very long lines, lengthened lines, stray headings, titles and rules, a line of
  another report;
- bytes (after encoding): UTF-8 with and without BOM, UTF-16 with BOM (either
  order) and without, GB18030, GBK; LF, CRLF, CR and mixed line ends; flipped,
  inserted and deleted bytes, a cut in the middle of a character.
"""

from __future__ import annotations

import codecs
import functools
import random
import re
from typing import Callable, Sequence

import attrs
from hypothesis import strategies as st

from fuzz import EXAMPLES_DIR, ROOT, SEEDS_DIR
from govparse.testing import damage
from govparse.testing.page_damage import PAGE_DAMAGE

PAGES_DIR = ROOT / "tests" / "data" / "real" / "html"  # real published pages
CONVERTED_DIR = ROOT / "tests" / "data" / "converted"  # a page through the converters users run
DISTINCT_DIR = ROOT / "tests" / "data" / "distinct"  # the reference report of distinct figures

# ---------------------------------------------------------------- choosers


class RandomChooser(damage.RandomChooser):
    """Choices from a ``random.Random``: the atheris custom mutator's."""

    def text(self, max_size: int) -> str:
        return "".join(_random_char(self.rng) for _ in range(self.rng.randint(1, max_size)))


def _random_char(rng: random.Random) -> str:
    band = rng.random()
    if band < 0.25:
        return chr(rng.randint(0x20, 0x7E))
    if band < 0.45:
        return chr(rng.randint(0x4E00, 0x9FFF))  # CJK
    if band < 0.55:
        return chr(rng.randint(0xFF01, 0xFF5E))  # full-width forms
    if band < 0.65:
        return rng.choice(CONTROL_CHARACTERS)
    if band < 0.75:
        return rng.choice("\t|｜—－-/无、，。（）()：:0123456789０１２３４５６７８９")
    while True:  # anything but a surrogate
        code = rng.randint(0x80, 0x10FFFF)
        if not 0xD800 <= code <= 0xDFFF:
            return chr(code)


class DrawChooser(damage.DrawChooser):
    """Choices drawn from Hypothesis, so that a failing input shrinks."""

    def text(self, max_size: int) -> str:
        return self.draw(st.one_of(
            st.text(min_size=1, max_size=max_size),
            st.text(st.sampled_from(CONTROL_CHARACTERS + "\t|｜—-０１9年报告"), min_size=1,
                    max_size=max_size),
        ))


# ---------------------------------------------------------------- the starting points


@functools.cache
def base_texts() -> tuple[tuple[str, str], ...]:
    """(name, text): the reference reports, the examples, and printed reports."""
    import govparse
    from govparse.emit.printer import LAYOUTS, dumps

    bases = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        bases.append((f"seed/{path.name}", path.read_text(encoding="utf-8")))
    for path in sorted(EXAMPLES_DIR.glob("report-*.txt")):
        bases.append((f"example/{path.name}", path.read_text(encoding="utf-8")))
    # The reference report whose figures all differ: a figure moved to another row
    # or column there has another value, where in the seeds (almost all 0) it would not.
    distinct = [(f"distinct/{p.name}", p.read_text(encoding="utf-8"))
                for p in sorted(DISTINCT_DIR.glob("*.txt"))]
    bases += distinct
    for name, text in list(bases[:5]) + distinct:
        report = govparse.parse(text)
        # (aligned: pdftotext -layout; the grid layout is in the seed corpus only:
        # fuzz/README.md, "The grid layout")
        for layout in LAYOUTS + ("aligned", "html"):
            bases.append((f"printed/{layout}/{name.split('/')[-1]}", dumps(report, layout)))
    # Real pages (tests/data/real/html): Word-made and editor-made markup.
    for path in sorted(PAGES_DIR.glob("*.html")):
        bases.append((f"page/{path.name}", path.read_text(encoding="utf-8")))
    # A page through markdown writers that keep its tables as HTML (html2text's
    # bypass_tables, pandoc's commonmark): markup in a text, a text that opens with a tag.
    for name in ("h2t-bypass", "pandoc-cm"):
        path = CONVERTED_DIR / f"distinct-missing.{name}.txt"
        bases.append((f"converted/{path.name}", path.read_text(encoding="utf-8")))
    return tuple(bases)


# ---------------------------------------------------------------- text anatomy

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
_HEADING = re.compile(
    r"^[ \u3000]*(?:#{1,6}[ ]*)?(?:[一二三四五六七八九十\d]+[ \u3000]*[、.．,，]"
    r"|[（(][一二三四五六七八九十\d]+[)）])?[ \u3000]*"
    r"(总体情况|主动公开政府信息(?:的)?情况|收到和处理政府信息公开申请(?:的)?情况"
    r"|政府信息公开行政复议[、,，和及与]?行政诉讼(?:的)?情况"
    r"|存在的主要问题(?:及|和|与|以及)?改进(?:情况|措施)|其他需要报告的事项)[ \t\u3000]*$"
)
_TABLE_WORDS = ("主动公开", "收到和处理", "行政复议")
NUMBER = re.compile(r"[+\-]?[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?")
SEPARATOR = re.compile(r"[\t|｜]")
SEPARATORS = ("\t", "|", "｜", " | ", "\t\t", "||", "  ", " ", "", ",", "，", "\u3000", "\t|")
CONTROL_CHARACTERS = (
    "\x01\x02\x07\x08\x0b\x0c\x0e\x1b\x1c\x1d\x1e\x1f\x7f\x85\xa0"
    "\u200b\u200e\u2028\u2029\u3000\ufeff\ufffd\ufffe\r"
)
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def heading_lines(lines: Sequence[str]) -> list[tuple[int, bool]]:
    """(index, is a table section) of every section heading line."""
    found = []
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if match:
            found.append((index, any(w in match.group(1) for w in _TABLE_WORDS)))
    return found


def table_boundaries(text: str) -> list[int]:
    """Character offsets where a table section, a table block (第二十条…), its
    header or its figures begin or end: the places a truncated page is cut."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    cut_lines: set[int] = set()
    headings = heading_lines(lines)
    for number, (index, is_table) in enumerate(headings):
        if not is_table:
            continue
        end = headings[number + 1][0] if number + 1 < len(headings) else len(lines)
        cut_lines.update((index, index + 1, end))
        seen_figure_in_block = False
        for i in range(index + 1, end):
            blank = not lines[i].strip()
            previous_blank = not lines[i - 1].strip()
            if blank != previous_blank:
                cut_lines.add(i)  # a block begins or ends
                seen_figure_in_block = False
            if not blank and not seen_figure_in_block and NUMBER.search(lines[i]) \
                    and SEPARATOR.search(lines[i] + "\t"):
                cut_lines.add(i)  # header ends, figures begin
                seen_figure_in_block = True
    offsets = set()
    for i in cut_lines:
        if i < len(lines):
            offsets.add(starts[i])  # before the line
            offsets.add(starts[i] + len(lines[i]) // 2)  # inside it
    return sorted(o for o in offsets if o <= len(text))


# ---------------------------------------------------------------- operators

Mutator = Callable[[str, object], str]
MUTATORS: dict[str, Mutator] = {}


def mutator(fn: Mutator) -> Mutator:
    MUTATORS[fn.__name__] = fn
    return fn


def _line_index(lines: list[str], choose) -> int:
    return choose.integer(0, len(lines) - 1)


def _position(text: str, choose) -> int:
    return choose.integer(0, len(text))


def _span(matches: list[re.Match], choose) -> re.Match | None:
    return choose.choice(matches) if matches else None


# lines ---------------------------------------------------------------------


@mutator
def delete_line(text, choose):
    lines = text.split("\n")
    del lines[_line_index(lines, choose)]
    return "\n".join(lines)


@mutator
def duplicate_line(text, choose):
    lines = text.split("\n")
    i = _line_index(lines, choose)
    lines.insert(choose.integer(0, len(lines)) if choose.boolean() else i, lines[i])
    return "\n".join(lines)


@mutator
def swap_lines(text, choose):
    lines = text.split("\n")
    i = _line_index(lines, choose)
    j = min(i + 1, len(lines) - 1) if choose.boolean() else _line_index(lines, choose)
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@mutator
def truncate_line(text, choose):
    lines = text.split("\n")
    i = _line_index(lines, choose)
    lines[i] = lines[i][:choose.integer(0, len(lines[i]))]
    return "\n".join(lines)


@mutator
def delete_lines(text, choose):
    lines = text.split("\n")
    i = _line_index(lines, choose)
    del lines[i:i + choose.integer(2, 30)]
    return "\n".join(lines)


@mutator
def duplicate_lines(text, choose):
    lines = text.split("\n")
    i = _line_index(lines, choose)
    block = lines[i:i + choose.integer(2, 30)]
    at = i if choose.boolean() else choose.integer(0, len(lines))
    lines[at:at] = block * choose.integer(1, 3)
    return "\n".join(lines)


@mutator
def join_lines(text, choose):
    newlines = [m.start() for m in re.finditer("\n", text)]
    if not newlines:
        return text
    at = choose.choice(newlines)
    return text[:at] + choose.choice(("", "\t", " ", "|")) + text[at + 1:]


@mutator
def split_line(text, choose):
    at = _position(text, choose)
    return text[:at] + "\n" + text[at:]


@mutator
def truncate_text(text, choose):
    return text[:_position(text, choose)]


@mutator
def cut_at_table_boundary(text, choose):
    boundaries = table_boundaries(text)
    return text[:choose.choice(boundaries)] if boundaries else text


# separators ----------------------------------------------------------------


@mutator
def drop_separator(text, choose):
    found = _span(list(SEPARATOR.finditer(text)), choose)
    return text if found is None else text[:found.start()] + text[found.end():]


@mutator
def double_separator(text, choose):
    found = _span(list(SEPARATOR.finditer(text)), choose)
    if found is None:
        return text
    return text[:found.end()] + found.group() * choose.integer(1, 3) + text[found.end():]


@mutator
def change_separator(text, choose):
    found = _span(list(SEPARATOR.finditer(text)), choose)
    if found is None:
        return text
    return text[:found.start()] + choose.choice(SEPARATORS) + text[found.end():]


@mutator
def change_line_separators(text, choose):
    lines = text.split("\n")
    i = _line_index(lines, choose)
    lines[i] = SEPARATOR.sub(choose.choice(SEPARATORS), lines[i])
    return "\n".join(lines)


# numbers -------------------------------------------------------------------


def _replace_number(text, choose, make: Callable[[str], str]) -> str:
    found = _span(list(NUMBER.finditer(text)), choose)
    if found is None:
        at = _position(text, choose)
        return text[:at] + make("7") + text[at:]
    return text[:found.start()] + make(found.group()) + text[found.end():]


@mutator
def digit_to_letter(text, choose):
    digits = [m.start() for m in re.finditer(r"[0-9０-９]", text)]
    if not digits:
        return text
    at = choose.choice(digits)
    return text[:at] + choose.choice("OolIZSBgxaé一二〇") + text[at + 1:]


@mutator
def huge_number(text, choose):
    size = choose.choice((10, 19, 20, 40, 100, 1000, 4300, 4301, 5000, 20000))
    digit = choose.choice("19０")
    return _replace_number(text, choose, lambda old: digit * size)


@mutator
def negative_number(text, choose):
    sign = choose.choice(("-", "+", "−", "－", "--", "-0"))
    return _replace_number(text, choose, lambda old: sign + old.lstrip("+-"))


@mutator
def full_width_number(text, choose):
    return _replace_number(text, choose, lambda old: old.translate(FULL_WIDTH))


@mutator
def thousands_number(text, choose):
    forms = (lambda n: f"{int(n or 0):,}" if n.isdigit() and len(n) < 30 else n + ",000",
             lambda n: n + ",000,000", lambda n: n + ",00", lambda n: "1," + n,
             lambda n: n + ",", lambda n: "," + n, lambda n: n + "，000")
    form = choose.choice(forms)
    return _replace_number(text, choose, form)


@mutator
def decimal_number(text, choose):
    tail = choose.choice((".5", ".0000", "．25", ".", "..5", ".5.5", "e3", "E-2", "%", ".12345"))
    return _replace_number(text, choose, lambda old: old + tail)


@mutator
def number_with_unit(text, choose):
    unit = choose.choice(("个", "件", "元", "万元", " 万元", "人次", "项", "%", "条 ", "次\u3000"))
    return _replace_number(text, choose, lambda old: old + unit)


@mutator
def number_to_placeholder(text, choose):
    mark = choose.choice(("—", "-", "/", "无", "空", "——", "／", "－", "―", "N/A", "?", "0?"))
    return _replace_number(text, choose, lambda old: mark)


# insertions ----------------------------------------------------------------


@mutator
def insert_unicode(text, choose):
    at = _position(text, choose)
    return text[:at] + choose.text(12) + text[at:]


@mutator
def insert_nul(text, choose):
    at = _position(text, choose)
    return text[:at] + "\x00" * choose.integer(1, 3) + text[at:]


@mutator
def insert_control(text, choose):
    at = _position(text, choose)
    return text[:at] + choose.choice(CONTROL_CHARACTERS) + text[at:]


LONG_UNITS = (" ", "\t", "\u3000", "a", "中", "-", "—", "=", "(", "（", "|", "1", "9", "1\t",
              "0,", "年", ".", "#", "、", "一", "。", "商业 ", "规章", "1.", "- ", "\t-")
LONG_PREFIXES = ("", "a", "规章\t", "行政许可\t", "1", "#", "一、", "2024", "(", "\t")
LONG_SUFFIXES = ("", "x", "\t1", "年政府信息公开工作年度报告", ")", "\t", "一、总体情况")
LONG_LINE_MAX = 20_000


@mutator
def insert_long_line(text, choose):
    lines = text.split("\n")
    size = choose.integer(1, LONG_LINE_MAX)
    unit = choose.choice(LONG_UNITS)
    line = choose.choice(LONG_PREFIXES) + unit * max(1, size // len(unit)) + \
        choose.choice(LONG_SUFFIXES)
    lines.insert(choose.integer(0, len(lines)), line)
    return "\n".join(lines)


@mutator
def lengthen_line(text, choose):
    lines = text.split("\n")
    i = _line_index(lines, choose)
    line = lines[i]
    if not line:
        return text
    a = choose.integer(0, len(line) - 1)
    b = choose.integer(a + 1, len(line))
    times = min(choose.integer(2, 2000), max(2, LONG_LINE_MAX // (b - a)))
    lines[i] = line[:a] + line[a:b] * times + line[b:]
    return "\n".join(lines)


@mutator
def insert_structure(text, choose):
    lines = text.split("\n")
    line = choose.choice(HEADINGS + (
        "示例县人民政府办公室2024年政府信息公开工作年度报告",
        "2024年政府信息公开工作年度报告",
        "某某区 2024 年度政府信息公开报告\t",
        "## 二、主动公开政府信息情况",
        "（二）主动公开政府信息情况 ",
        "---------\t---",
        "|---|:---:|",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "行政复议\t0\t0\t0\t0\t0",
        "\t",
        "|",
        "本报告中所列数据统计期限为2024年1月1日至12月31日。",
    ))
    lines.insert(choose.integer(0, len(lines)), line)
    return "\n".join(lines)


@mutator
def insert_foreign_line(text, choose):
    """A line of another report: crossover between the starting points."""
    _, other = choose.choice(base_texts())
    other_lines = other.split("\n")
    lines = text.split("\n")
    lines.insert(choose.integer(0, len(lines)), choose.choice(other_lines))
    return "\n".join(lines)


@mutator
def change_spacing(text, choose):
    found = _span(list(re.finditer(r"[\t|｜]|(?<=\S) (?=\S)", text)), choose)
    if found is None:
        return text
    pad = choose.choice((" ", "\u3000", "\xa0", "  ", "\t ", " \t"))
    return text[:found.start()] + pad + found.group() + pad + text[found.end():]


# A page's own damage (govparse.testing.page_damage: lost and spanned cells, end tags
# left out, broken entities …): on a text they find no cell and change nothing.
for _name, _damage in PAGE_DAMAGE.items():
    MUTATORS[f"page_{_name}"] = _damage

MUTATOR_NAMES = tuple(MUTATORS)


# No mutated text grows beyond this many characters (a few long lines and a repeated
# block or two); the atheris harness keeps to libFuzzer's max_len instead.
TEXT_LIMIT = 200_000


def mutate(text: str, choose, count: int, limit: int = TEXT_LIMIT) -> tuple[str, list[str]]:
    """Apply ``count`` operators chosen by ``choose``; return the text and their names.
    The text is cut to ``limit`` characters after each operator, so that a chain of
    operators that each double it stays small."""
    applied = []
    for _ in range(count):
        name = choose.choice(MUTATOR_NAMES)
        text = MUTATORS[name](text, choose)[:limit]
        applied.append(name)
    return text, applied


# ---------------------------------------------------------------- bytes

ENCODINGS = ("str", "utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le", "gb18030",
             "gbk")
# How often each is drawn: text and UTF-8 most; UTF-16 without a BOM (NUL bytes:
# always GP002) seldom.
ENCODING_WEIGHTS = ("str", "utf-8", "str", "utf-8", "utf-8-sig", "utf-16", "gb18030", "str",
                    "utf-8", "utf-16-be-bom", "gbk", "utf-8", "str", "utf-16-le")
LINE_ENDS = ("\n", "\r\n", "\r", "mixed")


def with_line_ends(text: str, line_end: str, choose) -> str:
    if line_end == "\n":
        return text
    if line_end != "mixed":
        return text.replace("\n", line_end)
    parts = text.split("\n")
    out = [parts[0]]
    for part in parts[1:]:
        out.append(choose.choice(("\n", "\r\n", "\r")) + part)
    return "".join(out)


def encode(text: str, encoding: str) -> str | bytes:
    if encoding == "str":
        return text
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", "surrogatepass")
    if encoding in ("gb18030", "gbk"):
        return text.encode(encoding, "replace")
    return text.encode(encoding, "surrogatepass")


BYTE_MUTATIONS = ("flip", "insert", "delete", "cut")


def mutate_bytes(data: bytes, choose, kind: str) -> bytes:
    if not data:
        return bytes([choose.integer(0, 255)])
    at = choose.integer(0, len(data) - 1)
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ (1 << choose.integer(0, 7))]) + data[at + 1:]
    if kind == "insert":
        junk = bytes(choose.integer(0, 255) for _ in range(choose.integer(1, 4)))
        return data[:at] + junk + data[at:]
    if kind == "delete":
        return data[:at] + data[at + choose.integer(1, 4):]
    return data[:at]  # cut, often inside a character


# ---------------------------------------------------------------- strategies


@attrs.frozen
class FuzzInput:
    """One fuzzed input, with how it was made (shown when a property fails)."""

    data: str | bytes
    base: str
    operators: tuple[str, ...]
    encoding: str
    line_end: str
    byte_mutations: tuple[str, ...] = ()

    def __repr__(self) -> str:
        size = len(self.data)
        return (f"FuzzInput(base={self.base!r}, operators={self.operators!r}, "
                f"encoding={self.encoding!r}, line_end={self.line_end!r}, "
                f"byte_mutations={self.byte_mutations!r}, size={size}, data={self.data!r})")


@st.composite
def mutated_texts(draw, max_mutations: int = 6):
    """(base name, operators applied, text)."""
    name, text = draw(st.sampled_from(base_texts()))
    choose = DrawChooser(draw)
    text, applied = mutate(text, choose, draw(st.integers(1, max_mutations)))
    return name, tuple(applied), text


@st.composite
def fuzz_inputs(draw, max_mutations: int = 6):
    """A mutated report as text or bytes in some encoding and with some line ends,
    sometimes with damaged bytes."""
    name, applied, text = draw(mutated_texts(max_mutations))
    choose = DrawChooser(draw)
    line_end = draw(st.sampled_from(LINE_ENDS))
    text = with_line_ends(text, line_end, choose)
    encoding = draw(st.sampled_from(ENCODING_WEIGHTS))
    data = encode(text, encoding)
    damage: list[str] = []
    if isinstance(data, bytes) and draw(st.integers(0, 4)) == 0:
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.sampled_from(BYTE_MUTATIONS))
            data = mutate_bytes(data, choose, kind)
            damage.append(kind)
    return FuzzInput(data, name, applied, encoding, line_end, tuple(damage))


def table_cuts():
    """Every starting point cut at every table boundary: (id, text)."""
    for name, text in base_texts():
        for offset in table_boundaries(text):
            yield f"{name}@{offset}", text[:offset]


# ---------------------------------------------------------------- atheris


def random_mutation(data: bytes, rng: random.Random, max_size: int) -> bytes:
    """The atheris harness's structure-aware mutation: decode, apply one to three
    operators, encode again (sometimes differently), keep within ``max_size``."""
    choose = RandomChooser(rng)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", "replace")
    if not text.strip() or rng.random() < 0.05:
        text = choose.choice(base_texts())[1]
    if "\x00" in text and rng.random() < 0.9:
        # a NUL once in the corpus would keep every descendant at GP002 (binary)
        text = text.replace("\x00", "")
    text, _ = mutate(text, choose, rng.randint(1, 3), limit=max(max_size, 1))
    if rng.random() < 0.1:
        text = with_line_ends(text, choose.choice(LINE_ENDS), choose)
    encoding = "utf-8" if rng.random() < 0.8 else choose.choice(ENCODINGS[1:])
    out = encode(text, encoding)
    if rng.random() < 0.1:
        out = mutate_bytes(out, choose, choose.choice(BYTE_MUTATIONS))
    return out[:max_size]
