"""The five reference reports: every figure right, through the CLI's csv output,
and strict mode rejecting each with diagnostics at the right lines."""

import csv
import io

import pytest
from click.testing import CliRunner

import govparse
from govparse.cli import cli
from conftest import SEED_FILES, load_expected

EXPECTED = load_expected()


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_figure_matches_expected_through_cli_csv(path):
    result = CliRunner().invoke(cli, ["parse", "--format", "csv", str(path)])
    errors = [d for d in govparse.parse_file(path).diagnostics
              if d.severity is govparse.Severity.ERROR]
    # 001 has rows whose spare empty cells cannot be told apart (GP303): exit 1
    assert result.exit_code == (1 if errors else 0), result.output
    assert bool(errors) == (path.name[:3] == "001")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["report", "organization", "year", "template", "table", "row",
                             "column", "value", "unit", "inferred", "line", "col", "location",
                             "recovered"]
    got = {(r["table"], r["row"], r["column"]): r for r in rows}
    assert all(r["report"] == str(path) for r in rows)
    expected = dict(EXPECTED[path.name])
    # the organisation and the year are columns of every row, not rows of their own
    for name in ("organization", "year"):
        acceptable = expected.pop(("report", "meta", name))
        assert {r[name] or "missing" for r in rows} <= acceptable, name
    assert set(got) == set(expected)
    for key, acceptable in expected.items():
        value = got[key]["value"] or "missing"
        assert value in acceptable, f"{key}: {value} not in {acceptable}"
        if value != "missing":
            # a figure that was read keeps where it came from
            assert got[key]["line"] and got[key]["col"], key


def test_positions_point_at_the_figures():
    path = SEED_FILES[3]  # 003: pipe layout, 349 administrative penalties on line 23
    lines = path.read_text(encoding="utf-8").split("\n")
    report = govparse.parse_file(path)
    fig = report.active_disclosure.administrative_penalty.decisions
    assert (fig.value, fig.line, fig.column) == (349, 23, 8)
    assert lines[fig.line - 1][fig.column - 1:fig.column + 2] == "349"
    wrapped = report.applications.other_no_correction.total
    assert (wrapped.value, wrapped.line, wrapped.column) == (1, 53, 1)
    org = govparse.parse_file(SEED_FILES[0]).organization
    assert (org.value, org.line, org.column) == ("文峰区南关街道办事处", 3, 1)


STRICT_PROBLEMS = {
    # report: (code, line, column) that must be among the strict-mode errors
    "000": [("GP202", 22, 13)],
    "001": [("GP303", 40, 21), ("GP303", 62, 14)],
    "002": [("GP202", 22, 13)],
    "003": [("GP101", 1, 1), ("GP102", 1, 94), ("GP202", 61, 8), ("GP202", 62, 1)],
    "004": [("GP315", 325, 2)],
}


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_strict_mode_rejects_each_reference_report(path):
    with pytest.raises(govparse.StrictModeError) as info:
        govparse.parse_file(path, strict=True)
    error = info.value
    assert isinstance(error, govparse.GovParseError)
    found = {(d.code, d.line, d.column) for d in error.diagnostics}
    for problem in STRICT_PROBLEMS[path.name[:3]]:
        assert problem in found
    assert all(d.severity is govparse.Severity.ERROR for d in error.diagnostics)
    assert all(d.path == str(path) for d in error.diagnostics)
    assert (error.line, error.column) == (error.diagnostics[0].line, error.diagnostics[0].column)


def test_header_typo_gets_a_hint():
    report = govparse.parse_file(SEED_FILES[0])
    (typo,) = [d for d in report.diagnostics if d.code == "GP202"]
    assert "本年度止件数" in typo.message
    assert typo.hint == "did you mean 本年废止件数?"
    assert typo.severity is govparse.Severity.WARNING


def test_short_row_is_placed_only_where_the_arithmetic_allows_one_placement():
    # 004's （七）总计 has 6 figures (2 0 0 0 0 0) for 7 columns and no empty cell.
    # The table's arithmetic is broken elsewhere (结转下年度 1 where 0 would hold),
    # so no placement fits it all; one breaks a single relation, every other more.
    report = govparse.parse_file(SEED_FILES[4])
    (short,) = [d for d in report.diagnostics if d.code == "GP315"]
    assert "6 figures for 7 columns" in short.message
    assert "总计 is missing" in short.message
    assert (short.line, short.column) == (325, 2)
    assert report.applications.total_processed.total.value is None
    assert report.applications.total_processed.natural_person.value == 2
    assert not [d for d in report.diagnostics if d.code in ("GP301", "GP314")]


def test_lenient_diagnostics_of_reference_reports_are_only_what_they_are():
    # 000: a repeated heading and a header typo; the rest are layout notes
    report = govparse.parse_file(SEED_FILES[0])
    problems = [d.code for d in report.diagnostics if d.severity is not govparse.Severity.NOTE]
    assert problems == ["GP202"]
    notes = {d.code for d in report.diagnostics if d.severity is govparse.Severity.NOTE}
    assert notes == {"GP104", "GP305", "GP307", "GP308"}
    # 003: no title, year from the statistics period, wrapped rows, garbled review header
    report = govparse.parse_file(SEED_FILES[3])
    assert report.organization.value is None and report.year.value == 2024
    codes = [d.code for d in report.diagnostics]
    assert codes.count("GP306") == 2 and codes.count("GP202") == 11


def test_narrative_is_kept():
    report = govparse.parse_file(SEED_FILES[0])
    overview = report.section(1)
    assert overview.heading == "一、总体情况"
    assert overview.paragraphs[0].text.startswith("南关街道紧紧围绕")
    assert len(report.section(5).paragraphs) == 8
    assert report.section(6).paragraphs[0].text == "本年度，本机关未收取信息公开处理费。"
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
