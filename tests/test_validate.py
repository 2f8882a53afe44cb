"""The validator: each rule with a report in which that one relation is broken,
in each of the four layouts, asserting the exact codes, ids and positions."""

import functools
import json
from decimal import Decimal
from typing import NamedTuple

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import govparse
from govparse.testing import strategies as gst
from govparse.cli import cli
from govparse.diagnostics import Diagnostic, FigureRef, Severity
from govparse.model.report import Figure
from govparse.emit.printer import dumps
from govparse.template.spec import load_template
from govparse.check.validation import relations, selected, validate
from conftest import EXAMPLES, LAYOUTS, SEED_FILES, example_path
from test_examples import EXAMPLE

A, R, D = "applications", "review_litigation", "active_disclosure"
# A test that costs more per example runs a quarter of the profile's examples.
FEWER = settings(max_examples=max(50, settings.default.max_examples // 4))


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
    assert run("nope.txt", str(SEED_FILES[0])).exit_code == 1  # one file of two unreadable
    assert run("nope.txt").exit_code == 2  # no file could be read


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


# ---------------------------------------------------------------- the arithmetic, written out again
#
# The template's relations and value rules as the README states them, written here
# without govparse.check.validation, and the findings they give for any report: every
# figure and relation that fails, with its severity, message, expected and actual
# values, the figures it is about and where it points. The properties below hold
# validate() to exactly these findings, for generated reports with bad figures and
# broken sums anywhere.

APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org")
COLUMN_LABELS = {"natural_person": "自然人", "commercial_enterprise": "商业企业",
                 "research_institution": "科研机构", "social_welfare_org": "社会公益组织",
                 "legal_service_org": "法律服务机构", "other_org": "其他", "total": "总计"}
OUTCOMES = ("upheld", "corrected", "other", "pending")
COUNT_RULE = "a count is a whole number ≥ 0"
CHANGE_RULE = "a change in items is a whole number"
FEE_RULE = "a fee is an amount ≥ 0 in 万元 with at most four decimal places"


class Rel(NamedTuple):
    code: str
    subject: tuple  # (table, row or None, column)
    left: tuple
    right: tuple
    describe: str


@functools.cache
def arithmetic(template: str = "2021") -> tuple[Rel, ...]:
    """Every relation of the template, in the order validate() reports them."""
    spec = load_template(template)
    rows = [r for r in spec.table(A).rows]
    ids = [r.id for r in rows]
    # the outcome rows: （一）予以公开 … the last of （六）其他处理, just before （七）总计
    outcome_rows = ids[ids.index("disclosed"):ids.index("total_processed")]
    columns = APPLICANTS + ("total",)
    found = [Rel("GP401", (A, r.id, "total"), ((A, r.id, "total"),),
                 tuple((A, r.id, c) for c in APPLICANTS),
                 f"'{r.label}': 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他")
             for r in rows]
    found += [Rel("GP402", (A, "total_processed", c), ((A, "total_processed", c),),
                  tuple((A, r, c) for r in outcome_rows),
                  f"{COLUMN_LABELS[c]}: （七）总计 = the sum of the outcome rows （一） to （六）")
              for c in columns]
    found += [Rel("GP403", (A, None, c), ((A, "new_requests", c), (A, "carried_over", c)),
                  ((A, "total_processed", c), (A, "carried_forward", c)),
                  f"{COLUMN_LABELS[c]}: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度")
              for c in columns]
    found += [Rel("GP404", (R, r.id, "total"), ((R, r.id, "total"),),
                  tuple((R, r.id, c) for c in OUTCOMES),
                  f"'{' / '.join(r.path)}': 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结")
              for r in spec.table(R).rows]
    return tuple(found)


def value_rule(column: str, value) -> tuple[str, str] | None:
    """The code and rule a figure's value breaks, if any."""
    if value is None:
        return None
    if column == "amount":
        places = -value.as_tuple().exponent if isinstance(value, Decimal) else 0
        return ("GP406", FEE_RULE) if value < 0 or places > 4 else None
    if column == "change":  # 本年增/减 (2019): signed
        return ("GP405", CHANGE_RULE) if value % 1 else None
    return ("GP405", COUNT_RULE) if value < 0 or value % 1 else None


def points_at(figures, subject):
    """The subject figure's place, else the first figure's that has one."""
    placed = [f for f in figures if (f.table, f.row, f.column) == subject and f.line is not None]
    placed += [f for f in figures if f.line is not None]
    return (placed[0].line, placed[0].col) if placed else (None, None)


def expected_findings(report) -> list:
    """What validate(report) must say, written out from the rules above."""
    found = []
    for table, row, column, fig in report.table_figures():
        broken_rule = value_rule(column, fig.value)
        if broken_rule:
            code, rule = broken_rule
            ref = FigureRef(table, row, column, fig.value, fig.line, fig.column)
            found.append(Diagnostic(code, Severity.ERROR, f"{ref.id} is {fig.value}: {rule}",
                                    fig.line, fig.column, table_id=table, row_id=row,
                                    column_id=column, actual=fig.value, figures=(ref,)))
    for rel in arithmetic(report.table_template(A)):
        figures = tuple(FigureRef(*ref, report.figure(*ref).value, report.figure(*ref).line,
                                  report.figure(*ref).column) for ref in rel.left + rel.right)
        table, row, column = rel.subject
        line, col = points_at(figures, rel.subject)
        missing = [f.id for f in figures if f.value is None]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            found.append(Diagnostic(
                "GP407", Severity.WARNING,
                f"not checkable: {rel.describe} needs {', '.join(missing)}, which {verb} missing",
                line, col, table_id=table, row_id=row, column_id=column, figures=figures))
            continue
        left = sum(f.value for f in figures[:len(rel.left)])
        right = sum(f.value for f in figures[len(rel.left):])
        if left == right:
            continue
        if rel.code == "GP403":
            message = (f"勾稽关系 fails for {COLUMN_LABELS[column]}: 本年新收 + 上年结转 = {left}, "
                       f"but 办理结果总计 + 结转下年度 = {right}")
            expected, actual = left, right
        else:
            message = f"{rel.describe}: the report says {left}, the figures add up to {right}"
            expected, actual = right, left
        found.append(Diagnostic(rel.code, Severity.ERROR, message, line, col, table_id=table,
                                row_id=row, column_id=column, expected=expected, actual=actual,
                                figures=figures))
    found = [attrs.evolve(d, path=report.path) for d in found]
    return sorted(found, key=lambda d: (d.line or 0, d.column or 0, d.code))


def exact(value):
    """A value with its type and places: Decimal("1.25") is not Decimal("1.2500")."""
    return None if value is None else (type(value).__name__, str(value))


def assert_same_findings(got, want):
    def fields(d):
        return (d.code, d.severity, d.table_id, d.row_id, d.column_id, exact(d.expected),
                exact(d.actual), d.line, d.column,
                [(f.id, exact(f.value), f.line, f.col) for f in d.figures])

    assert [fields(d) for d in got] == [fields(d) for d in want]
    assert [d.message for d in got] == [d.message for d in want]
    assert got == want


# Values a damaged figure may take: whole, negative, fractional, whole but written with
# places (3.0), a fee with more than four places, or with trailing zeros (1.23450).
BAD_VALUES = st.one_of(
    st.integers(-30, 10**6),
    st.integers(0, 8).flatmap(lambda places: st.decimals(
        min_value=-1000, max_value=10**6, places=places, allow_nan=False,
        allow_infinity=False)),
)


@st.composite
def damaged_reports(draw, parseable: bool = False):
    """A generated report (consistent or not, figures missing or not) with a few figures
    set to any value or moved by a few units, so that any one relation or rule may fail."""
    template = draw(st.sampled_from(gst.TEMPLATES))
    report = draw(st.one_of(gst.reports(template, consistent=True, narrative=False),
                            gst.reports(template, narrative=False)))
    refs = [(t, r, c) for t, r, c, _ in report.table_figures()]
    for _ in range(draw(st.integers(0, 5))):
        ref = draw(st.sampled_from(refs))
        old = report.figure(*ref).value
        how = draw(st.integers(0, 3))
        if old is not None and isinstance(old, int) and how == 0:
            value = old + draw(st.integers(-3, 3))  # a sum that no longer adds up
        elif old is not None and isinstance(old, int) and how == 1:
            value = Decimal(f"{old}.00")  # the same figure, written with places
        else:
            value = draw(st.one_of(BAD_VALUES, st.none()) if not parseable else BAD_VALUES)
        report = report.replace_figure(*ref, Figure(value))
    return report


@given(report=damaged_reports())
def test_findings_are_exactly_the_failing_figures_and_relations(report):
    assert_same_findings(validate(report), expected_findings(report))


@FEWER
@given(report=damaged_reports(parseable=True), layout=gst.layouts())
def test_findings_of_a_parsed_report_point_where_the_figures_stand(report, layout):
    back = govparse.parse(dumps(report, layout))
    assert_same_findings(validate(back), expected_findings(back))


@given(report=st.sampled_from(gst.TEMPLATES).flatmap(
    lambda template: gst.reports(template, consistent=True, narrative=False)))
def test_a_consistent_report_has_no_finding(report):
    assert validate(report) == []


@pytest.mark.parametrize("template", gst.TEMPLATES)
def test_the_relations_are_the_templates(template):
    got = [(r.code, r.subject, r.left, r.right, r.describe) for r in relations(template)]
    assert got == [tuple(r) for r in arithmetic(template)]
    assert len(got) == (25 if template == "2021" else 23) + 7 + 7 + 3


def test_every_figure_of_the_tables_is_checked_not_just_the_first_bad_one():
    # a bad value in every row of every table: each is its own finding, in table order
    report = EXAMPLE
    bad = []
    for table, row, column, _ in EXAMPLE.table_figures():
        if column in ("total", "in_force", "decisions", "amount"):
            value = Decimal("1.234567") if column == "amount" else -1
            report = report.replace_figure(table, row, column, Figure(value))
            bad.append((table, row, column))
    findings = validate(report, select=["GP405", "GP406"])
    assert [(d.table_id, d.row_id, d.column_id) for d in findings] == sorted(
        bad, key=lambda ref: ref[0] == D and ref[2] == "amount")  # GP406 sorts after GP405
    assert len(findings) == 2 + 3 + 1 + 25 + 3
    assert_same_findings(validate(report), expected_findings(report))


def test_a_whole_count_written_with_places_does_not_stop_the_checking():
    # 3.0 in the first row and 2.00 in the review table are whole: no finding; the
    # figures after them are still checked, up to the very last one
    report = broken((D, "rules", "issued", Decimal("3.0")), (A, "new_requests", "total",
                                                             Decimal("13.00")),
                    (R, "litigation_after_review", "total", Decimal("-1.0")))
    findings = validate(report, select=["GP405", "GP406"])
    assert [(d.code, d.row_id, d.column_id, d.actual) for d in findings] == [
        ("GP405", "litigation_after_review", "total", Decimal("-1.0"))]
    assert_same_findings(validate(report), expected_findings(report))


@pytest.mark.parametrize("value,code,rule", [
    (-1, "GP405", COUNT_RULE), (Decimal("0.5"), "GP405", COUNT_RULE),
    (Decimal("-3.0"), "GP405", COUNT_RULE), (Decimal("3.0"), None, None), (0, None, None),
])
def test_count_rule_on_a_single_figure(value, code, rule):
    report = broken((R, "litigation_after_review", "pending", value))
    findings = validate(report, select=["GP405", "GP406"])
    if code is None:
        assert findings == []
        return
    (finding,) = findings
    ref = FigureRef(R, "litigation_after_review", "pending", value)
    assert finding == Diagnostic(
        code, Severity.ERROR, f"review_litigation.litigation_after_review.pending is {value}: "
        f"{rule}", table_id=R, row_id="litigation_after_review", column_id="pending",
        actual=value, figures=(ref,))


@pytest.mark.parametrize("value,fails", [
    (Decimal("1.2345"), False), (Decimal("1.23450"), True), (Decimal("0.00001"), True),
    (Decimal("-0.01"), True), (-1, True), (0, False), (Decimal("0.0000"), False),
    (Decimal("1E+3"), False), (12, False),
])
def test_fee_rule_counts_the_places_as_written(value, fails):
    findings = validate(broken((D, "administrative_fees", "amount", value)))
    assert [(d.code, d.actual, d.severity) for d in findings] == (
        [("GP406", value, Severity.ERROR)] if fails else [])
    if fails:
        assert findings[0].message == (f"active_disclosure.administrative_fees.amount is "
                                       f"{value}: {FEE_RULE}")


def test_a_change_in_items_may_be_negative_but_is_whole():
    report = govparse.parse_file(EXAMPLES / "report-2020-tab.txt")
    assert validate(report) == []
    signed = report.replace_figure(D, "administrative_licensing", "change", Figure(-7))
    assert validate(signed) == []
    half = report.replace_figure(D, "administrative_licensing", "change",
                                 Figure(Decimal("-1.5")))
    (finding,) = validate(half)
    assert (finding.code, finding.actual, finding.message) == (
        "GP405", Decimal("-1.5"),
        f"active_disclosure.administrative_licensing.change is -1.5: {CHANGE_RULE}")
    negative_count = report.replace_figure(D, "administrative_licensing", "decisions", Figure(-1))
    assert [d.code for d in validate(negative_count)] == ["GP405"]


def test_messages_of_each_relation():
    report = broken((A, "disclosed", "natural_person", 6), (R, "litigation_direct", "total", 4),
                    (A, "carried_forward", "total", None), (A, "carried_forward", "other_org", None))
    messages = {(d.code, d.row_id, d.column_id): d.message for d in validate(report)}
    assert messages == {
        ("GP401", "disclosed", "total"): "'（一）予以公开': 总计 = 自然人 + 商业企业 + 科研机构 + "
        "社会公益组织 + 法律服务机构 + 其他: the report says 6, the figures add up to 7",
        ("GP402", "total_processed", "natural_person"): "自然人: （七）总计 = the sum of the "
        "outcome rows （一） to （六）: the report says 10, the figures add up to 11",
        ("GP404", "litigation_direct", "total"): "'行政诉讼 / 未经复议直接起诉': 总计 = 结果维持 + "
        "结果纠正 + 其他结果 + 尚未审结: the report says 4, the figures add up to 1",
        ("GP407", "carried_forward", "total"): "not checkable: '四、结转下年度继续办理': 总计 = 自然人 "
        "+ 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 needs "
        "applications.carried_forward.total, applications.carried_forward.other_org, "
        "which are missing",
        ("GP407", None, "total"): "not checkable: 总计: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 "
        "needs applications.carried_forward.total, which is missing",
        ("GP407", None, "other_org"): "not checkable: 其他: 本年新收 + 上年结转 = 办理结果总计 + "
        "结转下年度 needs applications.carried_forward.other_org, which is missing",
    }


def test_a_finding_whose_subject_has_no_place_points_at_the_first_figure_that_has_one():
    # the row total of （一）予以公开 cut off the end of its line: missing, with no place
    text = dumps(EXAMPLE).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t0")
    report = govparse.parse(text)
    assert report.applications.disclosed.total.line is None
    first = report.applications.disclosed.natural_person
    gp407 = [d for d in validate(report) if (d.code, d.row_id) == ("GP407", "disclosed")]
    assert [(d.line, d.column) for d in gp407] == [(first.line, first.column)]
    # the （七）总计 of the 总计 column needs it too, and points at its own subject
    total_col = [d for d in validate(report) if (d.row_id, d.column_id) == (
        "total_processed", "total")]
    tp = report.applications.total_processed.total
    assert [(d.code, d.line, d.column) for d in total_col] == [("GP407", tp.line, tp.column)]
    assert_same_findings(validate(report), expected_findings(report))


def test_select_and_ignore_take_codes_and_prefixes():
    report = broken(*CASES["GP402"][0], *CASES["GP404"][0], *CASES["GP405"][0],
                    *CASES["GP407"][0])
    every = validate(report)
    assert sorted({d.code for d in every}) == ["GP402", "GP404", "GP405", "GP407"]
    for select, ignore, kept in [
        ((), (), {"GP402", "GP404", "GP405", "GP407"}),
        (["GP40"], (), {"GP402", "GP404", "GP405", "GP407"}),
        (["GP402", "GP405"], (), {"GP402", "GP405"}),
        ((), ["GP40"], set()),
        ((), ["GP402", "GP407"], {"GP404", "GP405"}),
        (["GP4"], ["GP404"], {"GP402", "GP405", "GP407"}),
        (["GP1"], (), set()),
        (["GP402"], ["GP402"], set()),
    ]:
        got = validate(report, select=select, ignore=ignore)
        assert got == [d for d in every if d.code in kept], (select, ignore)
    assert selected("GP401") and selected("GP401", ["GP4"]) and not selected("GP401", ["GP402"])
    assert not selected("GP401", (), ["GP4"]) and selected("GP401", ["GP401"], ["GP402"])
