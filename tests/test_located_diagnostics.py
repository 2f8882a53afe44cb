"""Diagnostics and figures of a Document whose cells stand in an HTML, PDF or Word
table: each keeps its location; a diagnostic about a cell says the row label, the
column header and the cell's text instead of showing a source line (an HTML line may
be 14,000 characters of markup); the JSON writes the location and reads it back."""

from __future__ import annotations

import json

import pytest

from govparse.api import read_document
from govparse.check.validation import validate
from govparse.diagnostics import CellContext
from govparse.document import Cell, HtmlLocation, PdfLocation, Table, WordLocation
from govparse.emit.rendering import render_all
from govparse.emit.serialize import converter, from_dict, to_dict
from govparse.locations import TextLocation, from_dict as location_from_dict

from test_read_document import ACTIVE_DISCLOSURE, APPLICATIONS, hand_built

TABLE_LINE = 100  # the source line of the first <tr>; each row a line further


def html_table(rows, table: int) -> list[list[Cell]]:
    """Rows with each cell at its HTML place: table, row, column (as written), line."""
    return [[Cell(c.text, HtmlLocation(table, r, col, TABLE_LINE + r), c.rowspan, c.colspan)
             if isinstance(c, Cell) else Cell(c, HtmlLocation(table, r, col, TABLE_LINE + r))
             for col, c in enumerate(row, start=1)] for r, row in enumerate(rows, start=1)]


def with_cell(rows, label: str, index: int, text: str):
    """The rows with the cell ``index`` places after ``label`` written as ``text``."""
    out = [list(row) for row in rows]
    row = next(r for r in out if label in r)
    row[row.index(label) + index] = text
    return out


def located_report(active=ACTIVE_DISCLOSURE, applications=APPLICATIONS):
    return read_document(hand_built(active=html_table(active, 1),
                                    applications=html_table(applications, 2)))


def test_a_diagnostic_about_an_html_cell_says_where_and_what_stands_around_it():
    report = located_report(active=with_cell(ACTIVE_DISCLOSURE, "规章", 2, "—"))
    (placeholder,) = [d for d in report.diagnostics if d.code == "GP304"]
    # 规章 is the third row of the first table; the placeholder its third cell
    assert placeholder.location == HtmlLocation(1, 3, 3, TABLE_LINE + 3)
    assert placeholder.line == TABLE_LINE + 3 and placeholder.column is None
    assert placeholder.context == CellContext("规章", "本年废止件数", "—")
    assert report.active_disclosure.rules.repealed.value is None


def test_every_figure_keeps_the_place_of_its_cell():
    report = located_report()
    licensing = report.active_disclosure.administrative_licensing.decisions  # 行政许可 1234: row 7, column 2
    assert (licensing.value, licensing.location) == (1234, HtmlLocation(1, 7, 2, TABLE_LINE + 7))
    total = report.applications.new_requests.total  # the eighth cell of the fourth row
    assert (total.value, total.location) == (13, HtmlLocation(2, 4, 8, TABLE_LINE + 4))


def test_the_rendering_names_row_column_and_cell_never_the_source_line():
    report = located_report(active=with_cell(ACTIVE_DISCLOSURE, "规章", 2, "—"))
    huge_line = "<td>" + "&nbsp;" * 2500 + "</td>"  # what a saved page's line may be
    source = "\n".join([huge_line] * (TABLE_LINE + 40))
    shown = render_all([d for d in report.diagnostics if d.code == "GP304"], source)
    assert shown.splitlines() == [
        f"warning[GP304]: {next(d for d in report.diagnostics if d.code == 'GP304').message}",
        f"  --> <input>: table 1, row 3, column 3 (source line {TABLE_LINE + 3})",
        "   = row: 规章",
        "   = column: 本年废止件数",
        "   = cell: '—'",
    ]


def test_a_finding_of_the_validator_points_at_its_figures_cells():
    # 一、本年新收: 10 2 0 1 0 0, total 13 -> written 14: the row total breaks
    broken = with_cell(APPLICATIONS, "一、本年新收政府信息公开申请数量", 7, "14")
    finding = next(d for d in validate(located_report(applications=broken))
                   if d.row_id == "new_requests" and d.column_id == "total")
    assert finding.location == HtmlLocation(2, 4, 8, TABLE_LINE + 4)
    by_id = {f.id: f.location for f in finding.figures}
    assert by_id["applications.new_requests.natural_person"] == HtmlLocation(2, 4, 2, 104)
    shown = render_all([finding], None)
    assert f"  --> <input>: table 2, row 4, column 8 (source line {TABLE_LINE + 4})" in shown
    assert ("= applications.new_requests.natural_person = 10 at table 2, row 4, column 2 "
            f"(source line {TABLE_LINE + 4})") in shown
    assert "|" not in shown  # no source snippet


def test_json_writes_a_figures_location_and_reads_it_back():
    report = located_report(active=with_cell(ACTIVE_DISCLOSURE, "规章", 2, "—"))
    data = json.loads(json.dumps(to_dict(report), ensure_ascii=False))
    licensing = data["active_disclosure"]["administrative_licensing"]["decisions"]
    assert licensing["location"] == {"kind": "html", "table": 1, "row": 7, "column": 2,
                                   "line": TABLE_LINE + 7}
    again = from_dict(data)
    assert again.active_disclosure.administrative_licensing.decisions.location == HtmlLocation(1, 7, 2, 107)
    (placeholder,) = [d for d in converter.unstructure(list(report.diagnostics))
                      if d["code"] == "GP304"]
    assert placeholder["location"]["kind"] == "html"
    assert placeholder["context"] == {"row": "规章", "column": "本年废止件数", "text": "—"}


def test_a_texts_json_has_no_location_keys():
    import govparse
    from conftest import example_path

    report = govparse.parse(example_path("tab").read_text(encoding="utf-8"))
    text = json.dumps(to_dict(report), ensure_ascii=False)
    assert '"location"' not in text and '"context"' not in text


@pytest.mark.parametrize("location, where", [
    (TextLocation(3, 7), "3:7"),
    (HtmlLocation(2, 5, 4, 812), "table 2, row 5, column 4 (source line 812)"),
    (HtmlLocation(2, 5, 4), "table 2, row 5, column 4"),
    (PdfLocation(3, (72.0, 100.5, 96.0, 112.0)), "page 3, box (72, 100.5, 96, 112)"),
    (WordLocation(1, 9, 2), "table 1, row 9, column 2"),
])
def test_each_location_says_where_it_is_and_reads_back_from_its_data(location, where):
    assert location.where() == where
    assert location_from_dict(json.loads(json.dumps(location.as_dict()))) == location


def test_a_covered_place_reads_as_the_cell_that_covers_it():
    from govparse.core.places import _context, _grid, _row_labels

    table = Table.from_rows([
        [Cell("信息内容", HtmlLocation(1, 1, 1), rowspan=2), Cell("申请人情况", HtmlLocation(1, 1, 2),
                                                              colspan=2)],
        [Cell("自然人", HtmlLocation(1, 2, 2)), Cell("法人", HtmlLocation(1, 2, 3))],
        [Cell("规章", HtmlLocation(1, 3, 1)), Cell("1", HtmlLocation(1, 3, 2)),
         Cell("x", HtmlLocation(1, 3, 3))],
    ])
    grid = _grid(table)
    assert _context(grid, 2, 2, "x", _row_labels(grid[2])[2]) == \
        CellContext("规章", "申请人情况 / 法人", "x")
