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


# ---------------------------------------------------------------- headings as data
# The heading words come from govparse/template/data/headings.tsv, filled into the
# grammar's HEADING and LINES terminals when the parser is generated. The oracle:
# the two terminals as they were written out in grammar/report.lark before (heading
# 五's words since widened to what real reports write: 政府信息公开工作存在的主要问题,
# 存在问题, 存在的问题).
OLD_HEADING = (
    r"[^\S\n]*(?:#{1,6}[^\S\t\n]*)?(?:\*\*)?(?:(?:[一二三四五六七八九十\d]+[^\S\t\n]*[、.．,，]"
    r"|[（(][一二三四五六七八九十\d]+[)）])[^\S\t\n]*)?"
    r"(?:总体情况|主动公开政府信息(?:的)?情况|收到和处理政府信息公开申请(?:的)?情况"
    r"|政府信息公开行政复议[、,，和及与]?行政诉讼(?:的)?情况"
    r"|(?:政府信息公开工作中?)?存在(?:的)?(?:主要)?问题(?:及|和|与|以及)?改进(?:情况|措施)"
    r"|其他需要报告的事项)"
    r"(?:\*\*)?[:：]?(?:\*\*)?[^\S\n]*(?=\n|\Z)")
OLD_LINES = (
    r"[\S\t][^\n]*\n(?:(?![^\n]*"
    r"(?:总体情况|主动公开政府信息(?:的)?情况|收到和处理政府信息公开申请(?:的)?情况"
    r"|行政诉讼(?:的)?情况|改进(?:情况|措施)|其他需要报告的事项)"
    r"(?:\*\*)?[:：]?(?:\*\*)?[^\S\n]*\n|[ |｜:]*[-=]{3}[-=:|｜+ \t]*\n)"
    r"[^\S\t\n]*[\S\t][^\n]*\n|[^\S\t\n]*\n)*+")

# Heading lines real reports write, and the section each opens.
HEADING_VARIANTS = {
    "一、总体情况": "overview",
    "一、总体情况：": "overview",
    "## 一、总体情况": "overview",
    "**一、总体情况**": "overview",
    "（一）总体情况": "overview",
    "1. 总体情况": "overview",
    "一 、 总体情况 ": "overview",
    "总体情况": "overview",
    "  二、主动公开政府信息的情况  ": "active_disclosure",
    "二、主动公开政府信息情况:": "active_disclosure",
    "二、主动公开政府信息情况**：**": "active_disclosure",
    "三、收到和处理政府信息公开申请情况": "applications",
    "三．收到和处理政府信息公开申请的情况": "applications",
    "四、政府信息公开行政复议、行政诉讼情况": "review_litigation",
    "四、政府信息公开行政复议,行政诉讼情况": "review_litigation",
    "四、政府信息公开行政复议和行政诉讼的情况": "review_litigation",
    "四、政府信息公开行政复议行政诉讼情况": "review_litigation",
    "(4)政府信息公开行政复议及行政诉讼情况": "review_litigation",
    "五、存在的主要问题及改进情况": "problems",
    "五、存在的主要问题和改进措施": "problems",
    "五、存在的主要问题以及改进情况": "problems",
    "（五）存在的主要问题与改进情况：": "problems",
    "五、存在的主要问题改进措施": "problems",
    "五、存在的问题及改进情况": "problems",
    "五、存在问题及改进情况": "problems",
    "五、政府信息公开工作存在的主要问题及改进情况": "problems",
    "五、政府信息公开工作中存在的主要问题和改进措施": "problems",
    "六、其他需要报告的事项": "other_matters",
    "\t六、其他需要报告的事项": "other_matters",
    "### 六、其他需要报告的事项：**": "other_matters",
}
# Lines that are no heading: some still end in a heading's words (a run of LINES
# stops before them), some hold the words elsewhere.
NOT_HEADINGS = [
    "本机关总体情况良好。",
    "全年行政诉讼情况",
    "本年度行政复议、行政诉讼的情况",
    "下一步改进措施",
    "第一、总体情况",
    "五、存在不足及改进情况",
    "二、主动公开政府信息情况说明",
    "三、收到和处理政府信息公开申请情况。",
    "一、总体情况\t0",
    "二、主动公开政府信息情况 | 1 |",
    "政府信息公开行政复议行政诉讼",
    "其他需要报告的事项无",
    "规章\t0\t0\t0",
    "----|----",
    "",
]


def _terminal(name):
    import re

    (terminal,) = [t for t in lark_parser().terminals if t.name == name]
    return re.compile(terminal.pattern.to_regexp())


def _matched(pattern, text):
    match = pattern.match(text)
    return match and match.group()


def test_heading_and_lines_match_what_they_matched_before():
    import re

    old_heading, new_heading = re.compile(OLD_HEADING), _terminal("HEADING")
    old_lines, new_lines = re.compile(OLD_LINES), _terminal("LINES")
    lines = [*HEADING_VARIANTS, *NOT_HEADINGS]
    assert len(lines) >= 30
    for line in lines:
        for text in (line, line + "\n", line + "\n正文\n"):
            assert _matched(new_heading, text) == _matched(old_heading, text), repr(text)
        for text in (f"正文\n{line}\n后文\n", f"\t1\t2\n\n{line}\n", f"{line}\n正文\n"):
            assert _matched(new_lines, text) == _matched(old_lines, text), repr(text)


def test_heading_variants_are_headings_and_stop_a_run_of_lines():
    from govparse.template.sections import heading_kind

    heading, lines = _terminal("HEADING"), _terminal("LINES")
    for line, kind in HEADING_VARIANTS.items():
        assert _matched(heading, line + "\n") == line, line
        assert heading_kind(line) == kind, line
        # a run of LINES ends before the heading, which the lexer reads on its own
        assert _matched(lines, f"正文\n{line}\n后文\n") == "正文\n", line
    for line in NOT_HEADINGS:
        assert not _matched(heading, line + "\n"), line


def test_the_grammar_is_filled_in_from_the_headings_data():
    from govparse.template.sections import heading_pattern, lines_stop_pattern

    grammar = grammar_text()
    assert "@HEADING_" not in grammar
    heading, lines = _terminal("HEADING"), _terminal("LINES")
    assert heading_pattern() in heading.pattern and lines_stop_pattern() in lines.pattern


def test_each_official_heading_opens_its_section():
    import govparse
    from govparse.template.sections import SECTION_KINDS, SECTION_NAMES

    for number, kind in enumerate(SECTION_KINDS, start=1):
        raw = lark_parser().parse(f"{SECTION_NAMES[kind]}\n正文\n", start="start")
        (section,) = raw.sections
        assert section.kind == kind
        report = govparse.parse(f"{SECTION_NAMES[kind]}\n正文。\n")
        assert [s.number for s in report.sections] == [number], kind
    # all six in a row, each its own section
    text = "".join(f"{SECTION_NAMES[kind]}\n正文\n" for kind in SECTION_KINDS)
    raw = lark_parser().parse(text, start="start")
    assert tuple(s.kind for s in raw.sections) == SECTION_KINDS


def test_sections_agree_with_the_headings_data():
    import re

    from govparse.template import sections
    from govparse.template.headings import TSV, headings
    from govparse.template.spec import TABLE_ORDER

    with open(TSV, encoding="utf-8") as handle:
        rows = [line.split("\t") for line in handle.read().splitlines()
                if line and not line.startswith("#")]
    assert [row[0] for row in rows] == ["overview", "active_disclosure", "applications",
                                        "review_litigation", "problems", "other_matters"]
    assert sections.SECTION_KINDS == tuple(row[0] for row in rows)
    assert sections.SECTION_NAMES == {row[0]: row[1] for row in rows}
    assert sections.SECTION_WORDS == tuple((row[4], row[0]) for row in rows)
    assert sections.TABLE_SECTIONS == TABLE_ORDER
    assert sections.TABLE_SECTIONS == tuple(row[0] for row in rows if row[5] == "table")
    for kind, name, words, ends, word, _ in rows:
        assert sections.heading_kind(name) == kind
        # the word is this heading's only
        assert [k for w, k in sections.SECTION_WORDS if w in name] == [kind]
        # the official heading (its numbering aside) is one the patterns accept
        assert re.fullmatch(words, name.partition("、")[2])
        assert re.search(f"(?:{ends})$", name)
        for column in (words, ends):  # the grammar's terminals keep no groups
            assert re.compile(column).groups == 0
    assert headings() == tuple(dict(zip(("kind", "heading", "words", "ends", "word", "body"),
                                        row)) for row in rows)
    assert sections.heading_kind("本年度工作") is None



@given(st.data())
def test_every_heading_end_ends_in_a_letter(data):
    # LINES lets a line through once its last character (before blanks, ** and a
    # colon) is no letter, before it looks for the ends (grammar/report.lark): an end
    # that could end in a digit or a bracket (附件1, （二）) would let its line be
    # swallowed by the run of lines, the heading lost
    import re

    from govparse.template.headings import headings

    for row in headings():
        written = data.draw(st.from_regex(row["ends"], fullmatch=True), label=row["kind"])
        assert re.search(r"[^\W\d_]$", written), (row["kind"], written)

def test_the_fill_in_wants_each_placeholder_once():
    import pytest

    from govparse.template.headings import fill_grammar

    with pytest.raises(ValueError, match="@HEADING_ENDS@"):
        fill_grammar("A: /@HEADING_WORDS@/\n")
    with pytest.raises(ValueError, match="@HEADING_WORDS@"):
        fill_grammar("// @HEADING_WORDS@\nA: /@HEADING_WORDS@/\nB: /@HEADING_ENDS@/\n")
    filled = fill_grammar("A: /x@HEADING_WORDS@/\nB: /@HEADING_ENDS@y/\n")
    assert filled.startswith("A: /x(?:总体情况|") and filled.endswith("|.*其他需要报告的事项)y/\n")


def _scanners():
    """The scanner of each lexer state (and of the lexer that reports an error)."""
    lexer = lark_parser().parser.lexer
    basic = [lexer.root_lexer, *{id(b): b for b in lexer.lexers.values()}.values()]
    return [b.scanner for b in basic]


def _union_match(terminals, text, pos):
    """What lark's own scanner matches: one union of a state's terminals, in order."""
    import re

    union = re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals))
    match = union.match(text, pos)
    return match and (match.group(), match.lastgroup)


def _scanned_as_the_union(text):
    from govparse.frontends.text._standalone import TextSlice

    whole = TextSlice(text, 0, len(text))
    for scanner in _scanners():
        for pos in range(len(text) + 1):
            assert scanner.match(whole, pos) == _union_match(scanner.terminals, text, pos), \
                (text[pos:pos + 40], [t.name for t in scanner.terminals])


def test_each_state_scans_as_the_union_of_its_terminals():
    # The generated parser compiles each terminal's pattern once (grammar/generate.py,
    # _EACH_SCANNER), not a union a lexer state; tried in order, they match what the
    # union did, at every position of the examples.
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples"
    for name in ("report-2024-tab.txt", "report-2020-markdown.txt", "report-2020-pipe.txt"):
        _scanned_as_the_union((examples / name).read_text("utf-8"))


@given(st.lists(st.sampled_from([*CELL_ALPHABET, "\n", "**", "## ", "---", "|", "2024年",
                                 "政府信息公开工作年度报告", *HEADING_VARIANTS]), max_size=30))
def test_each_state_scans_as_the_union_on_any_text(pieces):
    _scanned_as_the_union("".join(pieces))
