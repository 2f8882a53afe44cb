"""Printing and parsing are inverse: properties over generated models, the reference
reports and strings generated from the grammar itself.

- parse(dumps(r, layout)) == r for generated models, in every layout (positions,
  headings as written, the title as written and diagnostics aside);
- dumps of a parsed reference report re-parses to the same figures and model;
- fmt (parse, then dumps) is idempotent, and converts between layouts exactly;
- text generated from the grammar (hypothesis.extra.lark.from_lark) parses without
  any exception but the documented ones, and fmt is idempotent on it too.
"""

from __future__ import annotations

import functools

import attrs
import lark
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

import govparse
from govparse.testing import strategies as gst
from govparse.diagnostics import Severity
from govparse.model.report import Section
from govparse.frontends.text.grammar import grammar_text
from govparse.emit.printer import LAYOUTS, dumps
from govparse.template.spec import load_template
from conftest import SEED_FILES
from helpers import assert_positions_point_at_figures

# A test that needs fewer examples than the profile still scales with it.
FEWER = settings(max_examples=max(50, settings.default.max_examples // 4))


def fmt(text: str, layout: str) -> str:
    """What ``govparse fmt --layout LAYOUT`` writes for this text."""
    return dumps(govparse.parse(text), layout)


def values(report) -> list[tuple]:
    """Every figure (with the organisation and year) without its position."""
    return [(f.table, f.row, f.column, f.value) for f in report.figures()]


# ---------------------------------------------------------------- generated models


@pytest.mark.parametrize("template", gst.TEMPLATES)
@pytest.mark.parametrize("layout", LAYOUTS)
@given(data=st.data())
def test_generated_report_round_trips(layout, template, data):
    report = data.draw(gst.reports(template), label="report")
    text = dumps(report, layout)
    back = govparse.parse(text)
    assert back == report
    assert back.template == template
    # The printer writes the template's tables whole: nothing it writes is an error.
    assert [d for d in back.diagnostics if d.severity is Severity.ERROR] == []
    assert_positions_point_at_figures(text, back)
    # and the printout is already in canonical form
    assert dumps(back, layout) == text


@FEWER
@given(report=gst.reports(), source=gst.layouts(), target=gst.layouts())
def test_fmt_converts_between_layouts_exactly_and_is_idempotent(report, source, target):
    once = fmt(dumps(report, source), target)
    assert once == dumps(report, target)
    assert fmt(once, target) == once


@FEWER
@given(report=st.sampled_from(gst.TEMPLATES).flatmap(
    lambda template: gst.reports(template, consistent=True, narrative=False)),
    layout=gst.layouts())
def test_consistent_report_round_trips_cleanly(report, layout):
    back = govparse.parse(dumps(report, layout))
    assert back == report
    assert govparse.validate(back) == []
    # all figures present: only the title and template-year notes may remain
    assert {d.code for d in back.diagnostics} <= {"GP101", "GP107"}


# ---------------------------------------------------------------- the reference reports


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_dumps_of_a_reference_report_reparses_to_the_same_figures(path, layout):
    report = govparse.parse_file(path)
    text = dumps(report, layout)
    back = govparse.parse(text)
    assert values(back) == values(report)
    assert back == report
    assert_positions_point_at_figures(text, back)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_fmt_is_idempotent_on_reference_reports(path, layout):
    source = path.read_text(encoding="utf-8")
    once = fmt(source, layout)
    assert once != source  # the reference reports are not in canonical form
    assert fmt(once, layout) == once


def test_reference_report_in_canonical_form_reads_as_expected():
    # 000: the typo'd header cell is written as the template's, the title kept
    once = fmt(SEED_FILES[0].read_text(encoding="utf-8"), "tab")
    assert once.startswith("文峰区南关街道办事处2024年政府信息公开工作年度报告\n")
    assert "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n" in once
    assert "本年度止件数" not in once
    report = govparse.parse(once, strict=False)
    assert [d.code for d in report.diagnostics if d.severity is not Severity.NOTE] == []
    # 003 had no title; its year came from the text, and now stands in a title
    once = fmt(SEED_FILES[3].read_text(encoding="utf-8"), "pipe")
    assert once.startswith("2024年政府信息公开工作年度报告\n")
    assert govparse.parse(once).year.value == 2024


# ---------------------------------------------------------------- strings from the grammar


@functools.cache
def grammar() -> lark.Lark:
    # A plain Lark object (no transformer, no post-lexer, no cache) for from_lark to
    # read the rules of: `start` (a whole report), `body` (a section's body:
    # runs of lines, rule lines, blank lines) and `row` (one table line, cell by cell).
    return lark.Lark(grammar_text(), parser="lalr", lexer="contextual",
                     maybe_placeholders=True, start=["start", "body", "row"])


def _without_trailing_lookahead(pattern: str) -> str:
    """The pattern without a lookahead group that ends it: from_regex would write the
    lookahead's text into the token, and from_lark then drops the token (it does not
    lex whole). Lookaheads inside the pattern are left alone."""
    if not pattern.endswith(")"):
        return pattern
    in_class, escaped, opened = False, False, []
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            opened.append(index)
        elif char == ")":
            start = opened.pop()
            if index == len(pattern) - 1 and pattern.startswith("(?=", start):
                return pattern[:start]
    return pattern


# Characters the grammar cares about, often; any other character now and then; and a
# NUL rarely (parse raises the documented InputError GP002 for it).
ALPHABET = st.one_of(
    st.sampled_from(list("\n\t|｜ \u3000\u00a0-—=:+,.．0123456789０一二三四五六、（）()#万元个无/年度"
                         "政府信息公开工作报告总体情况\r")),
    st.characters(codec="utf-8", exclude_characters="\x00"),
    st.just("\x00"),
)


@functools.cache
def grammar_strings(start: str) -> st.SearchStrategy[str]:
    g = grammar()
    terminals, _, _ = g.grammar.compile([start], ())
    # terminals that look ahead: from_lark cannot draw them whole
    explicit = {
        t.name: st.from_regex(_without_trailing_lookahead(t.pattern.to_regexp()),
                              fullmatch=True, alphabet=ALPHABET)
        for t in terminals if "(?=" in t.pattern.to_regexp()
    }
    return from_lark(g, start=start, explicit=explicit, alphabet=ALPHABET)


@functools.cache
def table_bodies() -> st.SearchStrategy[str]:
    """A table section's body: lines of cells from the rule `row`, rule lines, blank
    lines; or a body from the rule `body` as a whole."""
    rule_line = st.from_regex(grammar().get_terminal("RULE").pattern.to_regexp(),
                              fullmatch=True, alphabet=ALPHABET)
    line = st.one_of(grammar_strings("row").map(lambda row: row + "\n"), rule_line,
                     st.just("\n"))
    return st.one_of(st.lists(line, max_size=12).map("".join), grammar_strings("body"))


TABLE_HEADINGS = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况")


def parse_or_documented_error(text: str):
    """The parse, or None where it raised one of the documented errors."""
    try:
        return govparse.parse(text)
    except govparse.InputError as exc:
        assert exc.code == "GP002" and "\x00" in text, exc  # the only one these inputs can
        return None


def check_grammar_string(text: str, layout: str) -> None:
    report = parse_or_documented_error(text)
    assume(report is not None)
    for rec in report.figures():
        assert rec.value is None or type(rec.value).__name__ in ("int", "Decimal", "str"), rec
    once = dumps(report, layout)
    back = govparse.parse(once)
    assert values(back) == values(report)
    # the same report, but with all six sections: the printer writes every heading
    assert back == attrs.evolve(report, sections=tuple(
        report.section(n) or Section(n) for n in range(1, 7)))
    assert dumps(back, layout) == once


@given(heading=st.sampled_from(TABLE_HEADINGS), body=table_bodies(), layout=gst.layouts())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_table_sections_generated_from_the_grammar_parse(heading, body, layout):
    check_grammar_string(f"{heading}\n{body}", layout)


TABLE_IDS = dict(zip(TABLE_HEADINGS, ("active_disclosure", "applications", "review_litigation")))


@functools.cache
def terminal(name: str) -> st.SearchStrategy[str]:
    pattern = _without_trailing_lookahead(grammar().get_terminal(name).pattern.to_regexp())
    return st.from_regex(pattern, fullmatch=True, alphabet=ALPHABET)


@st.composite
def figure_rows(draw, table_id: str) -> tuple:
    """A table line of the rule `row` ([cell] (SEP [cell])*) that places figures: a row
    label of the table, then a NUMBER (now and then with a UNIT) for each of the
    row's columns, between SEPs; the terminals drawn from the grammar. Most lines
    generated from the rule itself place no figure: these always do."""
    row = draw(st.sampled_from(load_template("2021").table(table_id).rows))
    cells = [draw(terminal("NUMBER")) + draw(st.one_of(st.just(""), terminal("UNIT")))
             for _ in row.columns]
    sep = draw(terminal("SEP"))
    return row, row.label + sep + sep.join(cells) + "\n"


@given(heading=st.sampled_from(TABLE_HEADINGS), data=st.data(), layout=gst.layouts())
@settings(max_examples=max(50, settings.default.max_examples // 2),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_table_rows_generated_from_the_grammar_place_their_figures(heading, data, layout):
    table_id = TABLE_IDS[heading]
    rows = data.draw(st.lists(figure_rows(table_id), min_size=1, max_size=6), label="rows")
    rest = data.draw(st.one_of(st.just(""), table_bodies()), label="then")
    text = f"{heading}\n" + "".join(line for _, line in rows) + rest
    report = parse_or_documented_error(text)
    assume(report is not None)
    if not rest:  # (lines of figures after them may join them, GP306, and overflow)
        first = rows[0][0]  # the first line: a row label and a number for every column
        placed = all(report.figure(table_id, first.id, c.id).value is not None
                     for c in first.columns)
        # ... unless the row comes again with other figures: then neither is placed,
        # and GP206 says so
        again = any(spec.id == first.id for spec, _ in rows[1:])
        assert placed or again and any(d.code == "GP206" and "other figures" in d.message
                                       for d in report.diagnostics), (text, report.diagnostics)
    check_grammar_string(text, layout)


@given(text=grammar_strings("start"), layout=gst.layouts())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_reports_generated_from_the_grammar_parse(text, layout):
    check_grammar_string(text, layout)


def test_lookaheads_are_taken_off_the_end_only():
    assert _without_trailing_lookahead("[12]\\d{3}(?=年)") == "[12]\\d{3}"
    assert _without_trailing_lookahead("a(?:(?!(?=b)c)d)*") == "a(?:(?!(?=b)c)d)*"
    assert _without_trailing_lookahead("[(]x(?=[)])") == "[(]x"


def test_heading_padded_with_blanks_after_text_is_a_heading():
    # found by the grammar-driven property: LINES went on over a heading line longer
    # than 48 characters with its blanks, and read it as a paragraph
    report = govparse.parse("一、总体情况\n第一段。\n六、其他需要报告的事项" + " " * 45 + "\n后文。\n")
    assert [p.text for p in report.section(1).paragraphs] == ["第一段。"]
    assert [p.text for p in report.section(6).paragraphs] == ["后文。"]
