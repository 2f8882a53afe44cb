"""The validator: each rule with a report in which that one relation is broken,
in each of the four layouts, asserting the exact codes, ids and positions."""

import json
from decimal import Decimal

import pytest
from click.testing import CliRunner

import govparse
from govparse.cli import cli
from govparse.model import Figure
from govparse.printer import dumps
from govparse.validation import validate
from conftest import LAYOUTS, SEED_FILES, example_path
from test_examples import EXAMPLE

A, R, D = "applications", "review_litigation", "active_disclosure"


def broken(*changes):
    report = EXAMPLE
    for table, row, column, value in changes:
        report = report.replace_figure(table, row, column, Figure(value))
    return report


CASES = {
    # rule: (changes to the clean example, [(code, table, row, column)] expected)
    "GP401": ([(A, "disclosed", "natural_person", 6), (A, "partially_disclosed", "natural_person", 0)],
              [("GP401", A, "disclosed", "total"), ("GP401", A, "partially_disclosed", "total")]),
    "GP402": ([(A, "disclosed", "natural_person", 6), (A, "disclosed", "commercial_enterprise", 0)],
              [("GP402", A, "total_processed", "natural_person"),
               ("GP402", A, "total_processed", "commercial_enterprise")]),
    "GP403": ([(A, "new_requests", "natural_person", 11),
               (A, "new_requests", "commercial_enterprise", 1)],
              [("GP403", A, None, "natural_person"), ("GP403", A, None, "commercial_enterprise")]),
    "GP404": ([(R, "administrative_review", "total", 3)],
              [("GP404", R, "administrative_review", "total")]),
    "GP405": ([(D, "rules", "issued", -1), (D, "rules", "in_force", Decimal("1.5"))],
              [("GP405", D, "rules", "issued"), ("GP405", D, "rules", "in_force")]),
    "GP406": ([(D, "administrative_fees", "amount", Decimal("1.23456"))],
              [("GP406", D, "administrative_fees", "amount")]),
    "GP407": ([(R, "litigation_direct", "corrected", None)],
              [("GP407", R, "litigation_direct", "total")]),
}

# Where each finding must point: its subject figure, or for the 勾稽关系 (no
# subject row) the first figure of the relation, 本年新收.
POINTS_AT = {
    "GP401": lambda row, col: (A, row, "total"),
    "GP402": lambda row, col: (A, "total_processed", col),
    "GP403": lambda row, col: (A, "new_requests", col),
    "GP404": lambda row, col: (R, row, "total"),
    "GP405": lambda row, col: (D, row, col),
    "GP406": lambda row, col: (D, row, col),
    "GP407": lambda row, col: (R, row, "total"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_rule_broken_alone_in_each_layout(rule, layout):
    changes, expected = CASES[rule]
    text = dumps(broken(*changes), layout)
    report = govparse.parse(text)
    findings = validate(report)
    assert [(d.code, d.table_id, d.row_id, d.column_id) for d in findings] == expected
    lines = text.split("\n")
    for finding in findings:
        where = POINTS_AT[rule](finding.row_id, finding.column_id)
        fig = report.figure(*where)
        assert (finding.line, finding.column) == (fig.line, fig.column)
        written = lines[fig.line - 1][fig.column - 1:]
        assert written.startswith(str(fig.value))
        assert finding.figures and all(f.id.startswith(finding.table_id) for f in finding.figures)


def test_findings_say_what_was_expected_and_found():
    changes, _ = CASES["GP404"]
    (finding,) = validate(govparse.parse(dumps(broken(*changes))))
    assert (finding.expected, finding.actual) == (2, 3)
    assert [(f.column, f.value) for f in finding.figures] == [
        ("total", 3), ("upheld", 1), ("corrected", 0), ("other", 0), ("pending", 1)]
    assert finding.severity is govparse.Severity.ERROR
    changes, _ = CASES["GP403"]
    first = validate(govparse.parse(dumps(broken(*changes))))[0]
    assert (first.expected, first.actual) == (12, 11)
    assert "勾稽关系 fails for 自然人" in first.message


def test_missing_figure_is_not_checkable_never_zero():
    changes, _ = CASES["GP407"]
    (finding,) = validate(govparse.parse(dumps(broken(*changes))))
    assert finding.severity is govparse.Severity.WARNING
    assert [f.id for f in finding.figures if f.value is None] == [
        "review_litigation.litigation_direct.corrected"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_inference_fills_a_figure_the_arithmetic_pins_down(layout):
    text = dumps(broken((R, "administrative_review", "total", None)), layout)
    assert govparse.parse(text).review_litigation.administrative_review.total.value is None
    report = govparse.parse(text, infer=True)
    fig = report.review_litigation.administrative_review.total
    assert (fig.value, fig.inferred) == (2, True)
    (note,) = [d for d in report.diagnostics if d.code == "GP408"]
    assert (note.table_id, note.row_id, note.column_id, note.expected) == (
        R, "administrative_review", "total", 2)
    # the empty cell it was filled into keeps its place, and the note points there
    assert fig.line is not None and (note.line, note.column) == (fig.line, fig.column)
    assert validate(report) == []
    record = next(r for r in report.figures() if (r.row, r.column) == ("administrative_review",
                                                                       "total"))
    assert record.inferred is True


def test_findings_name_the_file_even_without_parse_diagnostics(tmp_path):
    path = tmp_path / "arith.txt"
    path.write_text(dumps(broken(*CASES["GP404"][0])), encoding="utf-8")
    report = govparse.parse_file(path)
    assert report.diagnostics == () and report.path == str(path)
    assert [d.path for d in validate(report)] == [str(path)]


def test_infer_is_for_lenient_mode_only():
    with pytest.raises(ValueError):
        govparse.parse(dumps(EXAMPLE), strict=True, infer=True)


def test_no_inference_where_related_figures_fail():
    # 004: total_processed.total is missing, but its row and column touch the
    # failing 勾稽关系 of 自然人: it stays missing
    report = govparse.parse_file(SEED_FILES[4], infer=True)
    assert report.applications.total_processed.total.value is None
    assert "GP408" not in [d.code for d in report.diagnostics]


def test_reference_report_004_findings_are_exactly_these():
    findings = validate(govparse.parse_file(SEED_FILES[4]))
    got = [(d.code, d.row_id, d.column_id, d.line, d.column) for d in findings]
    assert got == [
        ("GP403", None, "natural_person", 77, 2),          # 2 + 0 ≠ 2 + 1
        ("GP407", None, "total", 83, 2),                   # 勾稽关系 of 总计: needs the missing total
        ("GP407", "total_processed", "total", 102, 2),     # （七）总计 of 总计: the same
        ("GP407", "total_processed", "total", 325, 2),     # the row total of （七）总计: the same
        ("GP401", "carried_forward", "total", 338, 2),     # 1 for 自然人, 0 in 总计
    ]
    gp401 = findings[-1]
    assert (gp401.expected, gp401.actual) == (1, 0)
    gp403 = findings[0]
    assert (gp403.expected, gp403.actual) == (2, 3)
    assert all(d.path == str(SEED_FILES[4]) for d in findings)


@pytest.mark.parametrize("path", SEED_FILES[:4], ids=lambda p: p.name[:3])
def test_reference_reports_000_to_003_fail_no_relation(path):
    findings = validate(govparse.parse_file(path))
    assert [d for d in findings if d.severity is govparse.Severity.ERROR] == []
    assert {d.code for d in findings} <= {"GP407"}


def test_select_and_ignore():
    report = govparse.parse_file(SEED_FILES[4])
    assert [d.code for d in validate(report, select=["GP401"])] == ["GP401"]
    assert {d.code for d in validate(report, ignore=["GP407", "GP403"])} == {"GP401"}


# ---------------------------------------------------------------- govparse check


def run(*args):
    return CliRunner().invoke(cli, ["check", *args])


def test_check_exit_codes():
    assert run(str(example_path("tab"))).exit_code == 0
    assert run(str(SEED_FILES[0])).exit_code == 0          # no relation fails
    assert run("--strict", str(SEED_FILES[0])).exit_code == 1  # a parse warning
    result = run(str(SEED_FILES[4]))
    assert result.exit_code == 1
    assert "error[GP401]" in result.stderr and "error[GP403]" in result.stderr
    assert "applications.carried_forward.natural_person = 1" in result.stderr
    assert run("--ignore", "GP401,GP403", str(SEED_FILES[4])).exit_code == 0
    assert run("nope.txt", str(SEED_FILES[0])).exit_code == 2


def test_check_json_gives_the_same_as_data():
    result = run("--format", "json", "--select", "GP4", str(SEED_FILES[4]))
    (entry,) = json.loads(result.stdout)
    codes = [d["code"] for d in entry["diagnostics"]]
    assert codes == ["GP403", "GP407", "GP407", "GP407", "GP401"]
    gp401 = entry["diagnostics"][-1]
    assert (gp401["table_id"], gp401["row_id"], gp401["column_id"]) == (
        "applications", "carried_forward", "total")
    assert (gp401["expected"], gp401["actual"], gp401["line"], gp401["column"]) == (1, 0, 338, 2)
    assert gp401["figures"][0] == {"table": "applications", "row": "carried_forward",
                                   "column": "total", "value": 0, "line": 338, "col": 2}
