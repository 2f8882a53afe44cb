"""The grammar itself: LALR without conflicts, no terminal collisions, every
terminal named, and shipped inside the wheel."""

import lark
from hypothesis import given
from hypothesis import strategies as st

from govparse.frontends.text.grammar import grammar_text, lark_parser


def test_grammar_builds_in_strict_mode():
    # strict=True turns shift/reduce conflicts and regex collisions into errors
    lark.Lark(grammar_text(), parser="lalr", lexer="contextual", maybe_placeholders=True,
              start=["start", "row"], strict=True)


def test_the_parse_tables_are_made_from_this_grammar():
    # govparse/_standalone.py is generated (grammar/generate.py): what we test is
    # what a wheel runs, and the parser refuses tables made from another grammar
    import subprocess
    import sys
    from pathlib import Path

    from govparse.frontends.text import _standalone

    assert _standalone.GRAMMAR == grammar_text()
    root = Path(__file__).resolve().parent.parent
    check = subprocess.run([sys.executable, str(root / "grammar" / "generate.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_stale_parse_tables_are_refused(monkeypatch):
    import pytest

    from govparse.frontends.text import _standalone, grammar as parser

    parser.lark_parser.cache_clear()
    monkeypatch.setattr(_standalone, "GRAMMAR", _standalone.GRAMMAR + "// edited\n")
    try:
        with pytest.raises(parser.StaleParserError, match="make grammar"):
            parser.lark_parser()
    finally:
        monkeypatch.undo()
        parser.lark_parser.cache_clear()


def test_cold_start_imports_no_lark():
    # the whole point of the stand-alone tables: lark is a build dependency only
    import subprocess
    import sys

    code = ("import sys, govparse; govparse.parse('x'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lark', 'interegular')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_terminal_is_named():
    names = {t.name for t in lark_parser().terminals}
    assert not [n for n in names if n.startswith("__ANON")]
    assert {"SEP", "NUMBER", "LABEL", "TEXT_LINE", "YEAR", "ORGANIZATION"} <= names


def test_cells_and_separators():
    raw = lark_parser().parse("二、主动公开政府信息情况\n规章\t0\t—\t1,234个||\n\t\n", start="start")
    (section,) = raw.sections
    first, second = section.lines
    assert [(c.kind, c.text, c.column) for c in first.cells] == [
        ("label", "规章", 1), ("number", "0", 4), ("placeholder", "—", 6),
        ("number", "1,234", 8), ("empty", "", 15), ("empty", "", 16)]
    assert first.cells[3].value == 1234 and first.cells[3].unit == "个"
    assert first.separators == "\t\t\t||"
    # a line holding only a tab: two empty cells, the line indented
    assert [c.kind for c in second.cells] == ["empty", "empty"] and second.indented


def test_title_and_narrative_lines():
    raw = lark_parser().parse("某区2024年政府信息公开工作年度报告\n2024年，某区…\n一、总体情况\n\t正文\n",
                               start="start")
    title, preamble = raw.front_matter
    assert (str(title.organization), str(title.year)) == ("某区", "2024")
    assert preamble.text == "2024年，某区…"
    assert raw.sections[0].kind == "overview"
    assert raw.sections[0].paragraphs[0].text == "正文"


LINES = [
    "规章\t0\t—\t1,234个||",
    "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0",
    "| 规章 | 0 | 0 | 0 |",
    " \t四、结转下年度继续办理",
    "结果 维持 | 结果 纠正 | |||",
    "行政许可\t58 个\t+17\t2461",
    "政府集中采购 ｜ 14 ｜ 246900元 ｜",
    "\t",
    "—\t/\t无\t-\t-3\t０.５\t1,2",
    "a\u3000b\t\u3000c\u00a0",
    "一、总体情况\t0",  # a heading's words in a cell are a label
]


def test_split_cells_agrees_with_the_row_rule():
    """The document parse splits table lines in one pass (cells.split_cells);
    the grammar's `row` rule, parsed cell by cell, must read them the same."""
    from govparse.frontends.text.lines import split_cells

    for text in LINES:
        by_grammar = lark_parser().parse(text, start="row")
        offset = len(text) - len(text.lstrip(" \u3000\u00a0"))
        by_split = split_cells(text[offset:], 1, 1 + offset)
        assert by_split == by_grammar, text


CELL_ALPHABET = "\t|｜ \u3000\u00a00123456789０.,+-—/无个元万件规章商业企业总计（一）、总体情况"


@given(st.text(alphabet=CELL_ALPHABET, max_size=40).filter(lambda t: t.strip(" \u3000\u00a0")))
def test_split_cells_agrees_with_the_row_rule_on_any_line(text):
    # (a TABLE_LINE holds something besides blanks: blank lines are blank lines)
    from govparse.frontends.text.lines import split_cells

    by_grammar = lark_parser().parse(text, start="row")
    offset = len(text) - len(text.lstrip(" \u3000\u00a0"))
    assert split_cells(text[offset:], 1, 1 + offset) == by_grammar


def test_blank_is_the_grammars_blank():
    # cells.BLANK (for str.strip) and the grammar's [^\S\t\n] are one set: every
    # whitespace character but the tab and the line end
    import re

    from govparse.frontends.text.lines import BLANK

    blank = re.compile(r"[^\S\t\n]")
    everything = map(chr, range(0x110000))
    expected = {c for c in everything if c.isspace() and c not in "\t\n"}
    assert set(BLANK) == expected
    assert all(blank.fullmatch(c) for c in expected)
    assert not blank.fullmatch("\t") and not blank.fullmatch("\n") and not blank.fullmatch("a")


def test_other_unicode_spaces_are_blanks():
    # an em space or a narrow no-break space (copied out of Word or PDF) pads like a space
    import govparse

    text = "\u2003二、主动公开政府信息情况\u202f\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\u2003\t1\u2009\t2\t3\n"
    report = govparse.parse(text)
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (1, 2, 3)
    assert (rules.issued.line, rules.issued.column) == (3, 5)
