"""--infer: a missing figure is filled only where the template's arithmetic pins it
down, exactly; never a negative or fractional value, never where the relations that
need it disagree or cannot say; and the command line, the CSV and the JSON say which
figures were inferred.

The model-level properties call ``govparse.check.validation.infer_missing`` (what
``parse(infer=True)`` runs after building the report) on generated reports; the
others go through the printed text and ``parse``."""

import csv
import io
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import govparse
from govparse.testing import strategies as gst
from govparse.cli import cli
from govparse.diagnostics import Diagnostic, DiagnosticSink, Severity
from govparse.model.report import Figure
from govparse.emit.printer import dumps
from govparse.emit.serialize import to_csv, to_json
from govparse.template.spec import load_template
from govparse.check.validation import infer_missing, validate
from conftest import LAYOUTS
from test_examples import EXAMPLE
from test_validate import (APPLICANTS, FEWER, OUTCOMES, arithmetic, assert_same_findings, exact,
                           expected_findings)

A, R, D = "applications", "review_litigation", "active_disclosure"


def load_rows(report):
    return load_template(report.table_template(A)).table(A).rows


def infer(report):
    sink = DiagnosticSink()
    return infer_missing(report, sink), sink.sorted()


def needing(report, ref) -> list:
    """The relations (written out in test_validate) that need this figure."""
    return [rel for rel in arithmetic(report.table_template(A)) if ref in rel.left + rel.right]


def note(ref, value, codes, line=None, column=None) -> Diagnostic:
    return Diagnostic("GP408", Severity.WARNING,
                      f"{'.'.join(ref)} is missing; filled as {value}, which every relation "
                      f"that needs it gives ({', '.join(codes)})",
                      line, column, table_id=ref[0], row_id=ref[1], column_id=ref[2],
                      expected=value)


def blank(report, *refs):
    for ref in refs:
        report = report.replace_figure(*ref, Figure(None))
    return report


def add(report, ref, delta):
    return report.replace_figure(*ref, Figure(report.figure(*ref).value + delta))


def consistent(narrative=False):
    return st.sampled_from(gst.TEMPLATES).flatmap(
        lambda template: gst.reports(template, consistent=True, narrative=narrative))


def table_refs(report, *tables):
    return [(t, r, c) for t, r, c, _ in report.table_figures() if t in tables]


# ---------------------------------------------------------------- one figure blanked


@given(report=consistent(), data=st.data())
def test_any_one_figure_blanked_in_a_consistent_report_comes_back_exactly(report, data):
    ref = data.draw(st.sampled_from(table_refs(report, A, R)), label="blanked")
    value = report.figure(*ref).value
    filled, notes = infer(blank(report, ref))
    assert filled == report.replace_figure(*ref, Figure(value, inferred=True))
    assert exact(filled.figure(*ref).value) == exact(value)
    assert [f.inferred for *_, f in filled.table_figures()].count(True) == 1
    codes = sorted({rel.code for rel in needing(report, ref)})
    assert codes and notes == (note(ref, value, codes),)
    assert validate(filled) == []


@FEWER
@given(report=consistent(), data=st.data())
def test_a_figure_no_relation_needs_is_never_filled(report, data):
    ref = data.draw(st.sampled_from(table_refs(report, D)), label="blanked")
    blanked = blank(report, ref)
    assert infer(blanked) == (blanked, ())


@FEWER
@given(report=consistent(narrative=True), layout=gst.layouts(), data=st.data())
def test_parse_with_infer_fills_the_blank_where_it_stands(report, layout, data):
    ref = data.draw(st.sampled_from(table_refs(report, A, R)), label="blanked")
    value = report.figure(*ref).value
    text = dumps(blank(report, ref), layout)
    plain = govparse.parse(text)
    assert plain.figure(*ref).value is None
    back = govparse.parse(text, infer=True)
    assert back == report.replace_figure(*ref, Figure(value, inferred=True))
    fig = back.figure(*ref)
    # an empty cell among figures keeps its place, and the note points there; a
    # blank at the end of a row is no cell (GP301): the note points at the first
    # figure of the relations that needs it, in their order
    gap = plain.figure(*ref)
    assert (fig.line, fig.column) == (gap.line, gap.column)
    assert gap.line is not None or "GP301" in [d.code for d in plain.diagnostics]
    placed = [back.figure(*r) for rel in needing(report, ref) for r in rel.left + rel.right
              if back.figure(*r).line is not None]
    at = fig if fig.line is not None else placed[0]
    gp408 = [d for d in back.diagnostics if d.code == "GP408"]
    codes = sorted({rel.code for rel in needing(report, ref)})
    assert gp408 == [note(ref, value, codes, at.line, at.column)]
    # everything else is as parsed without inference
    assert [d for d in back.diagnostics if d.code != "GP408"] == list(plain.diagnostics)
    assert validate(back) == []
    assert_same_findings(validate(plain), expected_findings(plain))


def test_a_gap_with_no_place_is_said_at_the_first_figure_of_its_relations():
    # the row total cut off the end of its line (GP301): missing, and no place of its own
    text = dumps(EXAMPLE).replace("（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t0")
    report = govparse.parse(text, infer=True)
    ref = (A, "disclosed", "total")
    fig = report.figure(*ref)
    assert (fig.value, fig.inferred, fig.line, fig.column) == (6, True, None, None)
    anchor = report.applications.disclosed.natural_person  # first of GP401's figures
    (gp408,) = [d for d in report.diagnostics if d.code == "GP408"]
    assert gp408 == note(ref, 6, ["GP401", "GP402"], anchor.line, anchor.column)
    assert validate(report) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_infer_fills_several_blanks_that_do_not_share_a_relation(layout):
    refs = [(A, "disclosed", "natural_person"), (A, "carried_over", "commercial_enterprise"),
            (R, "litigation_after_review", "upheld"), (R, "administrative_review", "total")]
    report = govparse.parse(dumps(blank(EXAMPLE, *refs), layout), infer=True)
    assert [(ref, report.figure(*ref).value, report.figure(*ref).inferred) for ref in refs] == [
        (ref, EXAMPLE.figure(*ref).value, True) for ref in refs]
    assert [(d.table_id, d.row_id, d.column_id) for d in report.diagnostics
            if d.code == "GP408"] == sorted(refs, key=lambda ref: (
                report.figure(*ref).line, report.figure(*ref).column))
    assert validate(report) == []


# ---------------------------------------------------------------- never filled


@given(report=consistent(), data=st.data())
def test_a_negative_value_is_never_filled(report, data):
    # Move d units around a rectangle of the applications table: (r, c) and (r2, c2)
    # down, (r, c2) and (r2, c) up. Every relation still holds; (r, c) is v - d.
    rows = [r.id for r in load_rows(report)]
    outcome_rows = rows[rows.index("disclosed"):rows.index("total_processed")]
    r, r2 = data.draw(st.lists(st.sampled_from(outcome_rows), min_size=2, max_size=2,
                               unique=True), label="rows")
    c, c2 = data.draw(st.lists(st.sampled_from(APPLICANTS), min_size=2, max_size=2,
                               unique=True), label="columns")
    v, w = report.figure(A, r, c).value, report.figure(A, r2, c2).value
    d = data.draw(st.integers(0, w), label="d")
    moved = add(add(add(add(report, (A, r, c), -d), (A, r2, c2), -d), (A, r, c2), d), (A, r2, c), d)
    # the figures around the blank are whole and ≥ 0 (only (r, c) may be negative)
    assert validate(moved, ignore=["GP405"]) == []
    filled, notes = infer(blank(moved, (A, r, c)))
    if v - d >= 0:  # the control: a value ≥ 0, even 0, is filled
        assert filled.figure(A, r, c) == Figure(v - d, inferred=True)
        assert [n.expected for n in notes] == [v - d]
    else:
        assert (filled, notes) == (blank(moved, (A, r, c)), ())


@FEWER
@given(report=consistent(), data=st.data())
def test_a_negative_review_part_is_never_filled(report, data):
    row = data.draw(st.sampled_from(["administrative_review", "litigation_direct",
                                     "litigation_after_review"]), label="row")
    part = data.draw(st.sampled_from(OUTCOMES), label="part")
    others = sum(report.figure(R, row, c).value for c in OUTCOMES if c != part)
    total = data.draw(st.integers(0, others + 2), label="total")
    blanked = blank(report, (R, row, part)).replace_figure(R, row, "total", Figure(total))
    filled, notes = infer(blanked)
    if total >= others:
        assert filled.figure(R, row, part) == Figure(total - others, inferred=True)
        assert len(notes) == 1
    else:
        assert (filled, notes) == (blanked, ())


@pytest.mark.parametrize("negative", ["administrative_review", "litigation_after_review"])
def test_a_figure_not_filled_does_not_stop_the_filling_of_the_others(negative):
    # two blanks in the review table: one the arithmetic would make -1, one it pins
    # down; whichever comes first, the second is still filled
    fillable = ({"administrative_review", "litigation_after_review"} - {negative}).pop()
    report = blank(EXAMPLE, (R, negative, "upheld"), (R, fillable, "pending"))
    report = report.replace_figure(R, negative, "corrected", Figure(2))
    others = sum(report.figure(R, negative, c).value for c in OUTCOMES[1:])
    report = report.replace_figure(R, negative, "total", Figure(others - 1))
    filled, notes = infer(report)
    value = EXAMPLE.figure(R, fillable, "pending").value
    assert filled == report.replace_figure(R, fillable, "pending", Figure(value, inferred=True))
    assert notes == (note((R, fillable, "pending"), value, ["GP404"]),)


@pytest.mark.parametrize("parts,total", [
    ((Decimal("0.5"), 0, 0), 2), ((1, 0, 0), Decimal("2.5")), ((Decimal("1.25"), 0, 0), 3),
])
def test_a_fractional_value_is_never_filled(parts, total):
    row = "administrative_review"
    report = blank(EXAMPLE, (R, row, "upheld"))
    for column, value in zip(("corrected", "other", "pending"), parts):
        report = report.replace_figure(R, row, column, Figure(value))
    report = report.replace_figure(R, row, "total", Figure(total))
    assert infer(report) == (report, ())


def test_relations_that_disagree_fill_nothing_and_do_not_crash():
    # （一）予以公开's 总计 and the 自然人 of （七）总计 are missing, and 自然人 of （一）予以公开
    # is one more than the rest of the table says. No relation can fail (each needs
    # a missing figure), but each missing figure is given two values by its relations.
    report = add(blank(EXAMPLE, (A, "disclosed", "total"), (A, "total_processed",
                                                            "natural_person")),
                 (A, "disclosed", "natural_person"), 1)
    assert {d.code for d in validate(report)} == {"GP407"}
    assert infer(report) == (report, ())
    text = dumps(report)
    parsed = govparse.parse(text, infer=True)
    assert parsed == govparse.parse(text) and "GP408" not in [d.code for d in parsed.diagnostics]


@given(report=consistent(), data=st.data())
def test_relations_that_disagree_by_any_amount_fill_nothing(report, data):
    rows = [r.id for r in load_rows(report)]
    outcome_rows = rows[rows.index("disclosed"):rows.index("total_processed")]
    r = data.draw(st.sampled_from(outcome_rows), label="row")
    c = data.draw(st.sampled_from(APPLICANTS), label="column")
    delta = data.draw(st.integers(-report.figure(A, r, c).value, 5), label="delta")
    blanked = add(blank(report, (A, r, "total"), (A, "total_processed", c)), (A, r, c), delta)
    filled, notes = infer(blanked)
    if delta:
        assert (filled, notes) == (blanked, ())
    else:  # the control: both are filled, each from the relations that agree on it
        assert filled == report.replace_figure(
            A, r, "total", Figure(report.figure(A, r, "total").value, inferred=True)
        ).replace_figure(A, "total_processed", c,
                         Figure(report.figure(A, "total_processed", c).value, inferred=True))
        assert len(notes) == 2


def test_no_fill_from_a_relation_that_needs_another_missing_figure():
    # 自然人 and 商业企业 of （一）予以公开 are missing: each is pinned by its column, but the
    # row's 总计 relation needs both and cannot give either; and it involves 总计, which
    # fails the 总计 column. Filling them would make that row fail with filled figures.
    report = add(blank(EXAMPLE, (A, "disclosed", "natural_person"),
                       (A, "disclosed", "commercial_enterprise")), (A, "disclosed", "total"), 1)
    assert infer(report) == (report, ())


def test_no_fill_where_a_relation_of_the_figure_involves_a_failing_figure():
    x = (A, "carried_forward", "natural_person")  # needed by GP401 (its row) and GP403
    report = blank(EXAMPLE, x)
    # a relation fails elsewhere, sharing no figure with x's relations: x is filled
    elsewhere = add(report, (R, "administrative_review", "total"), 1)
    filled, notes = infer(elsewhere)
    assert filled.figure(*x) == Figure(1, inferred=True)
    assert notes == (note(x, 1, ["GP401", "GP403"]),)
    # 商业企业 of 结转下年度 one more: the 勾稽关系 of 商业企业 fails, and that figure
    # stands in x's row too: x is not filled
    failing = add(report, (A, "carried_forward", "commercial_enterprise"), 1)
    assert "GP403" in {d.code for d in validate(failing)}
    assert infer(failing) == (failing, ())


def expected_fills(report) -> dict:
    """Figure -> (value, codes of the relations that need it): what inference fills,
    by the README's rule written out again: a missing figure that is the one missing
    figure of every relation that needs it, none of which involves a figure of a
    failing relation, all giving the same whole number ≥ 0."""
    rels = arithmetic(report.table_template(A))

    def value(ref):
        return report.figure(*ref).value

    def sums(rel, leaving=None):
        return (sum(value(r) for r in rel.left if r != leaving),
                sum(value(r) for r in rel.right if r != leaving))

    failing = set()
    for rel in rels:
        if all(value(r) is not None for r in rel.left + rel.right) and \
                sums(rel)[0] != sums(rel)[1]:
            failing |= set(rel.left + rel.right)
    fills = {}
    for table, row, column, fig in report.table_figures():
        ref = (table, row, column)
        need = [rel for rel in rels if ref in rel.left + rel.right]
        if fig.value is not None or not need:
            continue
        others = {r for rel in need for r in rel.left + rel.right if r != ref}
        if any(value(r) is None or r in failing for r in others):
            continue
        given = set()
        for rel in need:
            left, right = sums(rel, ref)
            given.add(right - left if ref in rel.left else left - right)
        if len(given) == 1 and min(given) >= 0 and min(given) % 1 == 0:
            fills[ref] = (min(given), sorted({rel.code for rel in need}))
    return fills


@st.composite
def reports_with_blanks(draw):
    """Consistent reports with a few figures blanked and a few moved, or any report."""
    template = draw(st.sampled_from(gst.TEMPLATES))
    if draw(st.integers(0, 4)) == 0:
        return draw(gst.reports(template, narrative=False))
    report = draw(gst.reports(template, consistent=True, narrative=False))
    refs = table_refs(report, A, R)
    for ref in draw(st.lists(st.sampled_from(refs), min_size=1, max_size=6)):
        report = blank(report, ref)
    for ref in draw(st.lists(st.sampled_from(refs), max_size=2)):
        if report.figure(*ref).value is not None:
            report = add(report, ref, draw(st.integers(-3, 3)))
    return report


@given(report=reports_with_blanks())
def test_inference_fills_exactly_what_the_rule_allows(report):
    filled, notes = infer(report)
    fills = expected_fills(report)
    want = report
    for ref, (value, _) in fills.items():
        want = want.replace_figure(*ref, Figure(value, inferred=True))
    assert filled == want
    assert [(f.table, f.row, f.column, exact(f.value)) for f in filled.figures()] == [
        (f.table, f.row, f.column, exact(f.value)) for f in want.figures()]
    assert sorted(notes, key=lambda d: (d.table_id, d.row_id, d.column_id)) == [
        note(ref, value, codes) for ref, (value, codes) in sorted(fills.items())]
    # and every relation that needs a filled figure holds with it
    for ref in fills:
        for rel in needing(report, ref):
            values = [filled.figure(*r).value for r in rel.left + rel.right]
            assert sum(values[:len(rel.left)]) == sum(values[len(rel.left):]), rel.code


# ---------------------------------------------------------------- what says it


GAP = (A, "disclosed", "natural_person")  # an empty cell among figures: it keeps its place


def blanked_example_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(dumps(blank(EXAMPLE, GAP)), encoding="utf-8")
    return path


def test_parse_infer_on_the_command_line_marks_the_figure_in_csv(tmp_path):
    path = str(blanked_example_file(tmp_path))
    runner = CliRunner()
    plain = runner.invoke(cli, ["parse", "--format", "csv", path])
    inferred = runner.invoke(cli, ["parse", "--infer", "--format", "csv", path])
    assert (plain.exit_code, inferred.exit_code) == (0, 0)
    rows = {(r["table"], r["row"], r["column"]): r
            for r in csv.DictReader(io.StringIO(inferred.stdout))}
    before = {(r["table"], r["row"], r["column"]): r
              for r in csv.DictReader(io.StringIO(plain.stdout))}
    total = rows[GAP]
    assert (total["value"], total["inferred"]) == ("5", "true")
    assert (before[GAP]["value"],
            before[GAP]["inferred"]) == ("", "false")
    assert total["line"] == before[GAP]["line"] != ""
    assert [key for key, r in rows.items() if r["inferred"] == "true"] == [
        GAP]
    assert {r["inferred"] for r in before.values()} == {"false"}
    assert "warning[GP408]" in inferred.stderr and "filled as 5" in inferred.stderr
    assert "GP408" not in plain.stderr


def test_parse_infer_on_the_command_line_marks_the_figure_in_json(tmp_path):
    path = str(blanked_example_file(tmp_path))
    result = CliRunner().invoke(cli, ["parse", "--infer", "--format", "json", path])
    (entry,) = json.loads(result.stdout)
    row = entry["report"]["applications"]["disclosed"]
    assert (row["natural_person"]["value"], row["natural_person"]["inferred"]) == (5, True)
    assert (row["total"]["value"], row["total"]["inferred"]) == (6, False)
    (gp408,) = [d for d in entry["report"]["diagnostics"] if d["code"] == "GP408"]
    assert (gp408["severity"], gp408["row_id"], gp408["column_id"], gp408["expected"],
            gp408["line"], gp408["column"]) == ("warning", "disclosed", "natural_person", 5,
                                                row["natural_person"]["line"],
                                                row["natural_person"]["column"])
    plain = json.loads(CliRunner().invoke(cli, ["parse", "--format", "json", path]).stdout)
    assert plain[0]["report"]["applications"]["disclosed"]["natural_person"]["value"] is None


def test_check_infer_on_the_command_line(tmp_path):
    path = str(blanked_example_file(tmp_path))
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", "--format", "json", path])
    inferred = runner.invoke(cli, ["check", "--infer", "--format", "json", path])
    assert (plain.exit_code, inferred.exit_code) == (0, 0)  # warnings only
    codes = [d["code"] for d in json.loads(plain.stdout)[0]["diagnostics"]]
    assert "GP407" in codes and "GP408" not in codes
    diagnostics = json.loads(inferred.stdout)[0]["diagnostics"]
    assert [d["code"] for d in diagnostics if d["code"].startswith("GP40")] == ["GP408"]
    assert runner.invoke(cli, ["check", "--strict", "--infer", path]).exit_code == 2
    assert runner.invoke(cli, ["parse", "--strict", "--infer", path]).exit_code == 2
    assert runner.invoke(cli, ["check", "--strict", path]).exit_code == 1  # GP302, GP407


def test_csv_and_json_of_the_library_say_inferred():
    report = govparse.parse(dumps(blank(EXAMPLE, (R, "administrative_review", "total"))),
                            infer=True)
    fig = report.review_litigation.administrative_review.total
    lines = to_csv([("r", report)]).splitlines()
    assert f"{R},administrative_review,total,2,,true,{fig.line},{fig.column},,false" in \
        [line.split(",", 4)[4] for line in lines]
    assert sum(",true," in line for line in lines) == 1
    data = json.loads(to_json(report))
    assert data["review_litigation"]["administrative_review"]["total"]["inferred"] is True
