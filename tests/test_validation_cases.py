"""Cases for the validator (govparse.check.validation): findings with their codes,
places (line, column, location), severities, expected and actual values and
figures; and what inference fills, where. Reports are the clean example with a
few figures changed, some of them given the place of a cell of an HTML table, as a
front-end for HTML would give them. Written for issue #20 (mutation testing): each
case covers what no other test pinned down."""

from __future__ import annotations

from decimal import Decimal

import govparse
from govparse.check.validation import infer_missing, validate
from govparse.diagnostics import DiagnosticSink, FigureRef, Severity
from govparse.locations import HtmlLocation
from govparse.model.report import Figure

from conftest import example_path

A, R, D = "applications", "review_litigation", "active_disclosure"
CLEAN = govparse.parse(example_path("tab").read_text(encoding="utf-8"))
APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org")


def changed(*changes):
    report = CLEAN
    for table, row, column, figure in changes:
        report = report.replace_figure(table, row, column, figure)
    return report


def test_a_count_out_of_range_points_at_its_cell_in_an_html_table():
    cell = HtmlLocation(2, 3, 2, line=40)
    report = changed((D, "rules", "issued", Figure(-1, location=cell)))
    (finding,) = validate(report)
    assert (finding.code, finding.severity, finding.line, finding.column) == \
        ("GP405", Severity.ERROR, None, None)  # a cell's place, not a source line
    assert finding.location == cell
    assert finding.message == "active_disclosure.rules.issued is -1: a count is a whole number ≥ 0"
    assert finding.actual == -1 and finding.expected is None
    assert finding.figures == (FigureRef(D, "rules", "issued", -1, None, None, cell),)


def test_a_relation_that_fails_names_its_figures_with_their_places():
    cells = {c: HtmlLocation(3, 4, n, line=50) for n, c in enumerate(APPLICANTS + ("total",), 2)}
    changes = [(A, "disclosed", c, Figure(CLEAN.figure(A, "disclosed", c).value, location=cells[c]))
               for c in APPLICANTS]
    changes.append((A, "disclosed", "total", Figure(7, location=cells["total"])))
    report = changed(*changes)
    findings = [f for f in validate(report) if f.code == "GP401"]
    assert len(findings) == 1
    (finding,) = findings
    assert finding.location == cells["total"]
    assert (finding.expected, finding.actual) == (6, 7)
    assert finding.figures[0] == FigureRef(A, "disclosed", "total", 7, None, None, cells["total"])
    assert [f.location for f in finding.figures[1:]] == [cells[c] for c in APPLICANTS]
    assert [f.value for f in finding.figures[1:]] == [5, 1, 0, 0, 0, 0]


def test_findings_with_no_line_come_first():
    # a finding with no place at all sorts before one on line 1 with no column
    report = changed((D, "rules", "issued", Figure(-1, 1, None)),
                     (D, "administrative_fees", "amount", Figure(Decimal("-1"))))
    findings = validate(report)
    assert [(f.code, f.line, f.column) for f in findings] == \
        [("GP406", None, None), ("GP405", 1, None)]


def test_on_one_line_a_finding_with_no_column_comes_before_one_at_column_1():
    report = changed((D, "rules", "issued", Figure(-1, 7, 1)),
                     (D, "administrative_fees", "amount", Figure(Decimal("-1"), 7, None)))
    findings = validate(report)
    assert [(f.code, f.line, f.column) for f in findings] == \
        [("GP406", 7, None), ("GP405", 7, 1)]


def test_a_figure_no_relation_fills_does_not_stop_inference_of_the_next():
    # two of 本年新收's applicant figures missing: its row relation cannot give either;
    # 行政复议's 总计 missing alone: 1 + 0 + 0 + 1 fills it
    report = changed((A, "new_requests", "natural_person", Figure(None)),
                     (A, "new_requests", "commercial_enterprise", Figure(None)),
                     (R, "administrative_review", "total", Figure(None)))
    sink = DiagnosticSink()
    filled = infer_missing(report, sink)
    assert filled.figure(R, "administrative_review", "total").value == 2
    assert filled.figure(R, "administrative_review", "total").inferred
    assert filled.figure(A, "new_requests", "natural_person").value is None
    assert filled.figure(A, "new_requests", "commercial_enterprise").value is None
    assert [(d.code, d.row_id, d.column_id, d.expected) for d in sink.items] == \
        [("GP408", "administrative_review", "total", 2)]


def test_an_inferred_figure_keeps_the_place_of_its_empty_cell():
    cell = HtmlLocation(4, 3, 5, line=60)
    report = changed((R, "administrative_review", "total", Figure(None, location=cell)))
    sink = DiagnosticSink()
    filled = infer_missing(report, sink)
    figure = filled.figure(R, "administrative_review", "total")
    assert (figure.value, figure.inferred, figure.location) == (2, True, cell)
    (said,) = sink.items
    assert (said.code, said.location, said.table_id, said.row_id, said.column_id,
            said.expected) == ("GP408", cell, R, "administrative_review", "total", 2)
    assert said.message == ("review_litigation.administrative_review.total is missing; filled "
                            "as 2, which every relation that needs it gives (GP404)")


def test_a_good_change_does_not_end_the_check_of_its_row():
    # 2019: 行政许可's 本年增/减 -3 is a whole change (fine); 处理决定数量 after it is not a count
    report = govparse.parse(example_path("tab").with_name("report-2020-tab.txt")
                            .read_text(encoding="utf-8"))
    report = report.replace_figure(D, "administrative_licensing", "change", Figure(-3, 20, 9))
    report = report.replace_figure(D, "administrative_licensing", "decisions", Figure(-1, 20, 12))
    (finding,) = validate(report)
    assert (finding.code, finding.severity, finding.line, finding.column, finding.actual) == \
        ("GP405", Severity.ERROR, 20, 12, -1)
    assert finding.message == ("active_disclosure.administrative_licensing.decisions is -1: "
                               "a count is a whole number ≥ 0")
    assert finding.figures == (FigureRef(D, "administrative_licensing", "decisions", -1, 20, 12,
                                         None),)


def test_a_whole_count_written_with_a_point_does_not_end_the_check_of_its_row():
    # 规章's 本年制发件数 3 as a Decimal is a whole count (fine); 本年废止件数 after it is not
    report = changed((D, "rules", "issued", Figure(Decimal("3"), 9, 5)),
                     (D, "rules", "repealed", Figure(Decimal("2.5"), 9, 7)))
    (finding,) = validate(report)
    assert (finding.code, finding.severity, finding.line, finding.column, finding.actual) == \
        ("GP405", Severity.ERROR, 9, 7, Decimal("2.5"))
    assert finding.message == "active_disclosure.rules.repealed is 2.5: a count is a whole number ≥ 0"
