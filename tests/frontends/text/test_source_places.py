"""Where a report says things stand in a text whose form feeds follow text on their
line (pypdfium2's pages joined by form feeds: no page's last line ends), said on the
source's lines as an editor and ``grep -n`` count them (frontends/text/source_places.py):
the front-end reads each form feed as opening a line (locations.line_ends_normalized)."""

import pytest

import govparse
from govparse.emit.rendering import render_all
from govparse.locations import lines_as_written, lines_moved_by_form_feeds

PAGES = ("某区2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
         "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 2 3"
         "\f行政规范性文件 4 5 6\n"
         "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 7\f\f行政处罚 8\n")


@pytest.mark.parametrize("text, moved", [
    ("a\nb\n", ()),
    ("a\n\fb\n", ()),                                   # a form feed at a line's start
    ("a\nb 1\fc\nd", ((3, 2, 3), (4, 3, 0))),
    ("a\r\nb\fc\r\n", ((3, 2, 1), (4, 3, 0))),          # \r\n a line end as \n
    ("x\fy\fz", ((2, 1, 1), (3, 1, 3))),
])
def test_lines_moved_by_form_feeds(text, moved):
    assert lines_moved_by_form_feeds(text) == moved


def test_lines_as_written_part_at_line_ends_only():
    assert lines_as_written("a\r\nb\fc\rd") == ["a", "b\fc", "d"]


def test_figures_and_diagnostics_stand_on_the_source_s_lines():
    report = govparse.parse(PAGES)
    lines = PAGES.split("\n")
    for column_id, value in (("issued", 4), ("repealed", 5), ("in_force", 6)):
        figure = report.figure("active_disclosure", "normative_documents", column_id)
        assert figure.value == value
        assert (figure.line, lines[figure.line - 1][figure.column - 1]) == (4, str(value))
    penalty = report.figure("active_disclosure", "administrative_penalty", "decisions")
    assert penalty.value == 8
    assert (penalty.line, lines[penalty.line - 1][penalty.column - 1]) == (7, "8")
    assert [s.line for s in report.sections] == [2]


def test_a_message_names_the_source_s_lines():
    # 规章 read twice: the second time on a line a form feed opened, which the source
    # has after the first page's last row
    text = PAGES.replace("行政处罚 8", "规章 1 2 9")
    report = govparse.parse(text)
    (again,) = [d for d in report.diagnostics if d.code == "GP206"]
    assert (again.line, again.column) == (7, 9)
    assert text.split("\n")[6][8:10] == "规章"
    assert "(first at line 4)" in again.message
    rendered = render_all([again], text)
    assert " 7 | 行政许可 7" in rendered  # (the source's line, the form feeds shown)


def test_the_figures_a_diagnostic_is_about_are_moved_too():
    import attrs

    from govparse.diagnostics import Diagnostic, FigureRef, Severity
    from govparse.frontends.text.source_places import in_source_lines

    report = govparse.parse("某区2024年政府信息公开工作年度报告\n")
    about = Diagnostic("GP318", Severity.WARNING, "read", 3, 2, figures=(
        FigureRef("active_disclosure", "rules", "issued", 1, line=3, col=4),
        FigureRef("active_disclosure", "rules", "repealed", 2, line=1, col=1)))
    moved = in_source_lines(attrs.evolve(report, diagnostics=(about,)), ((3, 2, 5),))
    (said,) = moved.diagnostics
    assert (said.line, said.column) == (2, 7)
    assert [(f.line, f.col) for f in said.figures] == [(2, 9), (1, 1)]
