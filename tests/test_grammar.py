"""The grammar itself: LALR without conflicts, no terminal collisions, every
terminal named, and shipped inside the wheel."""

import lark

from govparse.parser import grammar_text, lark_parser


def test_grammar_builds_in_strict_mode():
    # strict=True turns shift/reduce conflicts and regex collisions into errors
    lark.Lark(grammar_text(), parser="lalr", lexer="contextual", maybe_placeholders=True,
              strict=True)


def test_every_terminal_is_named():
    names = {t.name for t in lark_parser().terminals}
    assert not [n for n in names if n.startswith("__ANON")]
    assert {"SEP", "NUMBER", "LABEL", "TEXT_LINE", "YEAR", "ORGANIZATION"} <= names


def test_cells_and_separators():
    raw = lark_parser().parse("二、主动公开政府信息情况\n规章\t0\t—\t1,234个||\n\t\n")
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
    raw = lark_parser().parse("某区2024年政府信息公开工作年度报告\n2024年，某区…\n一、总体情况\n\t正文\n")
    title, preamble = raw.front_matter
    assert (str(title.organization), str(title.year)) == ("某区", "2024")
    assert preamble.text == "2024年，某区…"
    assert raw.sections[0].kind == "overview"
    assert raw.sections[0].paragraphs[0].text == "正文"
