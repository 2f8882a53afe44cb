"""Across reports (govparse.across): a body's applications carried forward at the end
of a year against those carried over at the start of the next, column by column;
gaps, doubles and reports that cannot be placed; two reports side by side."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import govparse
from govparse.across.bodies import Bodies, normal_name, parse_same_body
from govparse.across.carry_over import Carry, Placed, check_years, columns
from govparse.cli import cli
from govparse.emit.printer import dumps
from conftest import example_path

COLUMNS = [c for c, _ in columns()]
EXAMPLE = govparse.parse_file(example_path("tab"))


def carry(path, organization, year, over, forward) -> Carry:
    return Carry(path, organization, year,
                 {c: Placed(v, 20, 3 + i) for i, (c, v) in enumerate(zip(COLUMNS, over))},
                 {c: Placed(v, 40, 3 + i) for i, (c, v) in enumerate(zip(COLUMNS, forward))})


def codes(findings):
    return [d.code for d in findings]


# ---------------------------------------------------------------- the relation


def test_consecutive_years_that_carry_over_have_no_finding():
    reports = [carry("a.txt", "某区政府", 2022, [0] * 7, [1, 0, 0, 0, 0, 0, 1]),
               carry("b.txt", "某区政府", 2023, [1, 0, 0, 0, 0, 0, 1], [2, 1, 0, 0, 0, 0, 3]),
               carry("c.txt", "某区政府", 2024, [2, 1, 0, 0, 0, 0, 3], [0] * 7)]
    findings, tally = check_years(reports)
    assert findings == []
    assert (tally.reports, tally.bodies, tally.pairs, tally.compared, tally.breaks) == \
        (3, 1, 2, 14, 0)


def test_a_break_is_said_column_by_column_with_both_figures_and_where_they_stand():
    reports = [carry("a.txt", "某区政府", 2023, [0] * 7, [3, 0, 0, 0, 0, 0, 3]),
               carry("b.txt", "某区政府", 2024, [2, 0, 0, 0, 0, 0, 2], [0] * 7)]
    findings, tally = check_years(reports)
    assert codes(findings) == ["GP601", "GP601"]
    first = findings[0]
    assert first.message == ("某区政府, 自然人: 3 carried forward at the end of 2023 (a.txt:40:3), "
                             "2 carried over at the start of 2024")
    assert (first.path, first.line, first.column) == ("b.txt", 20, 3)
    assert (first.expected, first.actual, first.column_id) == (3, 2, "natural_person")
    assert [(f.row, f.value, f.line) for f in first.figures] == \
        [("carried_forward", 3, 40), ("carried_over", 2, 20)]
    assert findings[1].column_id == "total"
    assert tally.breaks == 2


def test_a_missing_figure_is_not_compared():
    reports = [carry("a.txt", "某区政府", 2023, [0] * 7, [None, 0, 0, 0, 0, 0, 3]),
               carry("b.txt", "某区政府", 2024, [2, 0, 0, 0, 0, 0, None], [0] * 7)]
    findings, tally = check_years(reports)
    assert findings == [] and (tally.compared, tally.not_comparable) == (5, 2)


def test_gaps_doubles_and_unplaced_reports_are_said():
    reports = [carry("a.txt", "某区政府", 2020, [0] * 7, [0] * 7),
               carry("b.txt", "某区政府", 2023, [5] * 7, [0] * 7),
               carry("c.txt", "某区政府", 2024, [0] * 7, [1] * 7),
               carry("c.html", "某区政府", 2024, [0] * 7, [1] * 7),  # the same report again
               carry("d.txt", "某县政府", 2024, [0] * 7, [0] * 7),
               carry("e.txt", "某县政府", 2024, [0] * 7, [9] * 7),  # another, differing
               carry("f.txt", None, 2024, [0] * 7, [0] * 7),
               carry("g.txt", "某区政府", None, [0] * 7, [0] * 7)]
    findings, tally = check_years(reports)
    assert sorted(codes(findings)) == ["GP602", "GP603", "GP603", "GP604", "GP604"]
    gap = next(d for d in findings if d.code == "GP602")
    assert gap.message == ("某区政府: no report for 2021, 2022 between 2020 (a.txt) and 2023; "
                           "the carry-over is not checked across the gap")
    agree, differ = sorted((d for d in findings if d.code == "GP603"), key=lambda d: d.path)
    assert "agree, so they are checked once" in agree.message
    assert "differ, so neither is checked" in differ.message
    assert {d.path for d in findings if d.code == "GP604"} == {"f.txt", "g.txt"}
    assert (tally.bodies, tally.pairs) == (2, 1)  # 2023 -> 2024 of 某区政府 only


def test_names_are_compared_in_a_normal_form_and_renamed_bodies_joined():
    assert normal_name("平潭综合实验区 管委会") == normal_name("平潭综合实验区管委会")
    assert normal_name("某区（开发区）") == normal_name("某区(开发区)")
    bodies = Bodies(parse_same_body(("某县政府=某区政府",)))
    reports = [carry("a.txt", "某县政府", 2023, [0] * 7, [3] * 7),
               carry("b.txt", "某区政府", 2024, [3] * 7, [0] * 7)]
    assert check_years(reports, bodies)[1].pairs == 1
    assert check_years(reports)[1].pairs == 0


# ---------------------------------------------------------------- the property


@st.composite
def years_of_bodies(draw):
    """Reports of a few bodies over consecutive years, the carry-over kept or broken
    column by column; and the breaks made (body, later year, column)."""
    reports, breaks = [], set()
    for b in range(draw(st.integers(1, 3))):
        body = f"第{b}区政府"
        first = draw(st.integers(2019, 2023))
        count = draw(st.integers(1, 4))
        forward = None
        for year in range(first, first + count):
            over = [None] * 7
            if forward is not None:
                over = list(forward)
                for i in range(7):
                    kind = draw(st.sampled_from(["same", "same", "same", "broken", "missing"]))
                    if kind == "broken" and forward[i] is not None:
                        over[i] = forward[i] + draw(st.integers(1, 5))
                        breaks.add((body, year, COLUMNS[i]))
                    elif kind == "missing":
                        over[i] = None
            forward = [draw(st.one_of(st.none(), st.integers(0, 50))) for _ in range(7)]
            reports.append(carry(f"{body}-{year}.txt", body, year, over, forward))
    return draw(st.permutations(reports)), breaks


@settings(max_examples=200, deadline=None)
@given(years_of_bodies())
def test_every_break_is_found_and_none_invented(case):
    reports, breaks = case
    findings, tally = check_years(reports)
    # a break is said at the later year's report (its path: body-year.txt)
    found = {(*d.path[:-4].split("-"), d.column_id) for d in findings if d.code == "GP601"}
    assert {(b, str(y), c) for b, y, c in breaks} == found
    assert set(codes(findings)) <= {"GP601"}
    assert tally.breaks == len(breaks)


# ---------------------------------------------------------------- the command line


def report_of(organization: str, year: int, over: int, forward: int) -> str:
    report = EXAMPLE
    for row, value in (("carried_over", over), ("carried_forward", forward)):
        report = report.replace_figure("applications", row, "natural_person",
                                       govparse.Figure(value))
        report = report.replace_figure("applications", row, "total", govparse.Figure(value))
    import attrs

    report = attrs.evolve(report, organization=govparse.MetaField(organization),
                          year=govparse.MetaField(year))
    return dumps(report)


def test_check_across_over_a_folder(tmp_path):
    (tmp_path / "a2023.txt").write_text(report_of("示例县人民政府办公室", 2023, 0, 4),
                                        encoding="utf-8")
    (tmp_path / "a2024.txt").write_text(report_of("示例县人民政府办公室", 2024, 3, 0),
                                        encoding="utf-8")
    (tmp_path / "b2024.txt").write_text(report_of("另一个县人民政府", 2024, 0, 0),
                                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--across", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.count("error[GP601]") == 2
    assert "示例县人民政府办公室, 自然人: 4 carried forward at the end of 2023 (" in result.stderr
    assert "Checked 3 reports of 2 bodies across years: 1 pairs of consecutive years, " \
           "7 figures compared (0 not: a figure missing), 2 breaks." in result.stderr
    data = json.loads(CliRunner().invoke(
        cli, ["check", "--across", "--format", "json", str(tmp_path)]).stdout)
    assert [f["code"] for f in data["findings"]] == ["GP601", "GP601"]
    assert data["findings"][0]["expected"] == 4 and data["findings"][0]["actual"] == 3
    fixed = CliRunner().invoke(cli, ["check", "--across", "--ignore", "GP601", str(tmp_path)])
    assert fixed.exit_code == 0
    bad = CliRunner().invoke(cli, ["check", "--across", "--same-body", "nope", str(tmp_path)])
    assert bad.exit_code == 2 and "is not OLD=NEW" in bad.stderr


def test_compare_prints_each_figure_of_both_and_the_change(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(report_of("示例县人民政府办公室", 2023, 0, 4), encoding="utf-8")
    b.write_text(report_of("示例县人民政府办公室", 2024, 4, 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(a), str(b)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"A: {a}  (示例县人民政府办公室, 2023)"
    over = next(line for line in lines if "二、上年结转政府信息公开申请数量 / 自然人" in line)
    assert over.split()[-3:] == ["0", "4", "+4"]
    forward = next(line for line in lines if "四、结转下年度继续办理 / 总计" in line)
    assert forward.split()[-3:] == ["4", "1", "-3"]
    assert lines[-1] == "200 figures shown; 196 the same in both."
    only = CliRunner().invoke(cli, ["compare", "--changed", str(a), str(b)])
    assert only.stdout.splitlines()[-1] == "4 figures shown; 196 the same in both."
    missing = CliRunner().invoke(cli, ["compare", str(a), str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "error[GP001]" in missing.stderr


def test_check_across_says_what_it_could_not_read(tmp_path):
    import sqlite3

    assert CliRunner().invoke(cli, ["check", "--across", str(tmp_path / "a.txt"),
                                    str(tmp_path / "b.txt")]).exit_code == 2  # none read
    (tmp_path / "a2023.txt").write_text(report_of("示例县人民政府办公室", 2023, 0, 4),
                                        encoding="utf-8")
    some = CliRunner().invoke(cli, ["check", "--across", str(tmp_path / "a2023.txt"),
                                    str(tmp_path / "nope.txt")])
    assert some.exit_code == 1 and "nope.txt: not read: GP001" in some.stderr
    other = tmp_path / "other#1.sqlite"  # a # in the name: no stray file made
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    result = CliRunner().invoke(cli, ["check", "--across", str(other)])
    assert result.exit_code == 2 and "as a batch run's database" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a2023.txt", "other#1.sqlite"]
    usage = CliRunner().invoke(cli, ["check", "--across", "-o", "x.csv", str(tmp_path)])
    assert usage.exit_code == 2 and "-o is for a run's results" in usage.stderr
    assert CliRunner().invoke(cli, ["compare", "-", "-"], input="x").exit_code == 2


def test_check_across_reads_a_batch_runs_database(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a2023.txt").write_text(report_of("示例县人民政府办公室", 2023, 0, 4),
                                      encoding="utf-8")
    (folder / "a2024.txt").write_text(report_of("示例县人民政府办公室", 2024, 3, 0),
                                      encoding="utf-8")
    for database in (tmp_path / "run.sqlite", tmp_path / "run.duckdb"):
        assert CliRunner().invoke(cli, ["parse", str(folder), "-o", str(database),
                                        "-q"]).exit_code == 0
        result = CliRunner().invoke(cli, ["check", "--across", str(database)])
        assert result.exit_code == 1 and result.stderr.count("error[GP601]") == 2, database
