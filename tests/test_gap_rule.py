"""The gap rule (issue 13): a row with fewer figures than columns is placed only where
something in the source tells where its gap is: an empty cell, the figures'
positions under the header, or the template's arithmetic when exactly one placement
fits (and confirms each figure it places). Otherwise its figures stay missing, with
an error that lists them. One test for each."""

from __future__ import annotations

import govparse
from govparse.document import Cell, Document, Heading, Table, Title
from govparse.template.sections import SECTION_NAMES

from helpers import changed, line_of

ROW = "（七）总计\t10\t2\t0\t1\t0\t0\t13"  # examples/report-2024-tab.txt


def applicants(report, row: str) -> list:
    counts = getattr(report.applications, row)
    return [getattr(counts, c).value for c in ("natural_person", "commercial_enterprise",
                                                "research_institution", "social_welfare_org",
                                                "legal_service_org", "other_org", "total")]


def codes_on(report, line: int) -> list[str]:
    return [d.code for d in report.diagnostics if d.line == line]


def test_an_empty_cell_marks_the_gap():
    text = changed(ROW, "（七）总计\t10\t\t0\t1\t0\t0\t13")
    report = govparse.parse(text)
    assert applicants(report, "total_processed") == [10, None, 0, 1, 0, 0, 13]
    assert codes_on(report, line_of(text, "（七）总计\t10\t\t0\t1\t0\t0\t13")) == ["GP302"]


def test_the_arithmetic_places_the_gap_when_one_placement_fits():
    # 10 2 0 1 0 0 without its total: only the total missing fits every relation, and
    # each figure placed is confirmed by a column's sum of the outcome rows
    text = changed(ROW, "（七）总计\t10\t2\t0\t1\t0\t0")
    report = govparse.parse(text)
    assert applicants(report, "total_processed") == [10, 2, 0, 1, 0, 0, None]
    (said,) = [d for d in report.diagnostics if d.code == "GP315"]
    assert said.line == line_of(text, "（七）总计\t10\t2\t0\t1\t0\t0")
    assert "总计 is missing" in said.message
    assert said.severity is govparse.Severity.WARNING


def test_the_arithmetic_finds_a_lost_figure_in_the_middle_of_a_row():
    # 一、本年新收 10 2 0 1 0 0 13 lost its 1: the row alone fits four placements, but
    # the balance of each column (新收 + 结转 = 办理结果 + 结转下年度) fits one only
    old = "一、本年新收政府信息公开申请数量\t10\t2\t0\t1\t0\t0\t13"
    text = changed(old, "一、本年新收政府信息公开申请数量\t10\t2\t0\t0\t0\t13")
    report = govparse.parse(text)
    assert applicants(report, "new_requests") == [10, 2, 0, None, 0, 0, 13]
    assert [d.code for d in report.diagnostics] == ["GP315"]


def test_nothing_tells_where_the_gap_is():
    # the first table has no arithmetic: 行政规范性文件 5 1 23 that lost a figure has
    # no column whose figure every placement agrees on
    old = "行政规范性文件\t5\t1\t23"
    text = changed(old, "行政规范性文件\t1\t23")
    report = govparse.parse(text)
    docs = report.active_disclosure.normative_documents
    assert (docs.issued.value, docs.repealed.value, docs.in_force.value) == (None, None, None)
    (error,) = [d for d in report.diagnostics if d.code == "GP314"]
    assert error.severity is govparse.Severity.ERROR
    assert error.line == line_of(text, "行政规范性文件\t1\t23")
    assert "1, 23 are not placed" in error.message


def _document(rows) -> Document:
    blocks = [Title("某区2024年政府信息公开工作年度报告")]
    for kind, name in SECTION_NAMES.items():
        blocks.append(Heading(name))
        if kind == "active_disclosure":
            blocks.append(Table.from_rows(rows))
    return Document(tuple(blocks))


def test_positions_under_the_header_place_the_gap():
    # a PDF's or an aligned text's cells carry their horizontal extent: 789 and 1553
    # stand under 本年废止件数 and 现行有效件数, so 本年制发件数 is the one missing
    # (the full row below shows that the table's positions hold: each of its figures
    # stands under its own header)
    header = ["信息内容", Cell("本年制发件数", x=(100, 160)), Cell("本年废止件数", x=(170, 230)),
              Cell("现行有效件数", x=(240, 300))]
    full = ["行政规范性文件", Cell("11", x=(120, 140)), Cell("12", x=(190, 210)),
            Cell("13", x=(260, 280))]
    rows = [header, ["规章", Cell("789", x=(180, 200)), Cell("1553", x=(250, 280))], full]
    report = govparse.read_document(_document(rows))
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (None, 789, 1553)
    assert "GP316" in [d.code for d in report.diagnostics]
    # without positions nothing tells: neither figure is placed (GP314)
    rows = [header, ["规章", "789", "1553"], full]
    report = govparse.read_document(_document(rows))
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (None, None, None)
    assert "GP314" in [d.code for d in report.diagnostics]


def test_a_position_under_two_headers_tells_nothing():
    header = ["信息内容", Cell("本年制发件数", x=(100, 160)), Cell("本年废止件数", x=(170, 230)),
              Cell("现行有效件数", x=(240, 300))]
    rows = [header, ["规章", Cell("789", x=(150, 200)), Cell("1553", x=(250, 280))]]
    report = govparse.read_document(_document(rows))
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (None, None, None)
    assert "GP314" in [d.code for d in report.diagnostics]
