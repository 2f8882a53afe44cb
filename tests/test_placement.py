"""Every figure read is the figure of its own row and column, or said to be missing.

The reference reports' figures are almost all 0, so a figure read one column or
one row off passes for the right one there. Here every figure differs:

- the placement property: reports whose figures are all distinct
  (govparse.testing.damage.distinct_reports), printed in every layout, damaged as real
  tables are (govparse.testing.damage: cells lost, stray cells, doubled separators,
  wrapped labels and rows, placeholders, full-width digits and pipes, split or
  reordered headers, swapped columns, blank lines, a table on the other template),
  and every figure the parser gives checked against the one printed for that
  (table, row, column); a missing one needs a warning or error on its row's lines;
- the distinct reference report (tests/data/distinct): every figure of the three
  tables a different non-zero number, the arithmetic consistent, read exactly in
  every layout.

The quick profile runs few examples a damage and does not shrink (a report is a
large example: shrinking one takes minutes); HYPOTHESIS_PROFILE=long runs 25x as
many and shrinks. A failure prints the problems, the diagnostics and the damaged
tables with line numbers.
"""

from __future__ import annotations

import csv
import random
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govparse
from govparse.testing import damage
from govparse.testing import strategies as gst
from govparse.model.report import Figure
from govparse.emit.printer import LAYOUTS, dumps

ROOT = Path(__file__).resolve().parent.parent
DISTINCT = ROOT / "tests" / "data" / "distinct"
REFERENCE = DISTINCT / "report-2024-distinct.txt"

EXAMPLES = settings.default.max_examples  # the profile's: 200 quick, 5000 long
LONG = EXAMPLES >= 1000
# No shrinking in the quick profile: the failure message shows the damaged tables.
PHASES = tuple(Phase) if LONG else (Phase.explicit, Phase.reuse, Phase.generate)


def placement(share: int) -> settings:
    return settings(max_examples=max(10, EXAMPLES // share), phases=PHASES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# Defects the property finds, open until the table reader changes: a damage named
# here with why is marked xfail (not strict: a run may draw none of them); every
# other damage must pass. None is open: the gap rule, reading by a header's order
# (on one line or two), label numbering and empty cells at a row's ends are fixed
# (625 examples of each damage in the long profile, no wrong figure).
KNOWN_TABLE_DAMAGE: dict[str, str] = {}
KNOWN_TEXT_DAMAGE: dict[str, str] = {}


def _marked(names, known):
    return [pytest.param(n, marks=pytest.mark.xfail(reason=known[n], strict=False))
            if n in known else n for n in names]


def assert_placed(text: damage.Printed) -> govparse.Report:
    report = govparse.parse(text.text)
    problems = damage.misplaced(report, text)
    assert not problems, damage.explain(report, text, problems)
    return report


# ---------------------------------------------------------------- the printout itself


@settings(max_examples=max(20, EXAMPLES // 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(report=st.one_of(gst.reports(), gst.reports("2019")), layout=gst.layouts())
def test_sheet_renders_exactly_as_the_printer_prints(report, layout):
    # the damage starts from what govparse.dumps writes, cell for cell
    assert damage.render(damage.sheet_of(report), layout).text == dumps(report, layout)


@placement(20)
@given(sheet=damage.sheets())
def test_undamaged_distinct_figures_are_read_in_place(sheet):
    for layout in LAYOUTS:
        assert_placed(damage.render(sheet, layout))


# ---------------------------------------------------------------- the placement property


@pytest.mark.parametrize("name", _marked(damage.SHEET_DAMAGE_NAMES, KNOWN_TABLE_DAMAGE))
@placement(8)
@given(data=st.data())
def test_figures_stay_in_place_through_table_damage(name, data):
    sheet = data.draw(damage.sheets(), label="sheet")
    sheet, applied = data.draw(damage.damaged_sheets(sheet, [name], 1, 2), label="damage")
    for layout in LAYOUTS:
        assert_placed(damage.render(sheet, layout, applied))


@pytest.mark.parametrize("name", _marked(damage.TEXT_DAMAGE_NAMES, KNOWN_TEXT_DAMAGE))
@placement(8)
@given(data=st.data())
def test_figures_stay_in_place_through_text_damage(name, data):
    sheet = data.draw(damage.sheets(), label="sheet")
    for layout in LAYOUTS:
        printed = damage.render(sheet, layout)
        assert_placed(data.draw(damage.damaged_texts(printed, [name], 1, 2),
                                label=f"{layout} damage"))


# Damages that make up for each other in one row write another table, which no reader
# could tell from the printed one: lose_cell drops 规章's 本年制发件数 (| 规章 | 371 |
# 216182 |) and double_separator doubles a separator after it (| 371 |  | 216182 |):
# three cells for three columns, 371 as 本年制发件数. So a row that lost a cell gains
# none (no stray cell, doubled separator or wrapped line starting with one: see
# damage.Printed.lost_rows); so a row with a stray cell has no empty figure cell (| 行政
# 事业性收费 | 1000000000219 |  |: the stray under the header, the blanked figure a
# trailing empty cell, a drawn example of 2026-12-06); every other mix is drawn.
@placement(2)
@given(data=st.data())
def test_figures_stay_in_place_through_mixed_damage(data):
    sheet = data.draw(damage.sheets(), label="sheet")
    sheet, applied = data.draw(damage.damaged_sheets(sheet, min_damages=0, max_damages=3),
                               label="table damage")
    for layout in LAYOUTS:
        printed = damage.render(sheet, layout, applied)
        assert_placed(data.draw(damage.damaged_texts(printed, min_damages=0, max_damages=3),
                                label=f"{layout} damage"))


# ---------------------------------------------------------------- the operators themselves


def reference_sheet(other: bool = False) -> damage.Sheet:
    """The distinct reference report's sheet; ``other``: with the 2020 example (on
    the 2019 template) for mixed_template."""
    second = govparse.parse_file(ROOT / "examples" / "report-2020-tab.txt") if other else None
    return damage.sheet_of(govparse.parse_file(REFERENCE), second)


def applied(name: str, seed: int, layout: str = "tab") -> tuple[damage.Printed, damage.Printed]:
    """The reference report in a layout before and after one operator."""
    choose = damage.RandomChooser(random.Random(seed))
    sheet = reference_sheet(other=True)
    before = damage.render(sheet, layout)
    if name in damage.SHEET_DAMAGES:
        return before, damage.render(damage.SHEET_DAMAGES[name](sheet, choose), layout, [name])
    return before, damage.TEXT_DAMAGES[name](before, choose)


# A layout in which each operator applies (some leave other layouts alone).
APPLIES_IN = {"full_width_pipes": "pipe", "continue_cell": "cells"}


@pytest.mark.parametrize("name", damage.DAMAGE_NAMES)
def test_every_operator_changes_the_text_and_keeps_its_figures_known(name):
    layout = APPLIES_IN.get(name, "tab")
    changed = 0
    for seed in range(5):
        before, after = applied(name, seed, layout)
        changed += after.text != before.text
        # every line of the damaged text still says which rows it holds
        keys = {c.key for ln in after.lines for c in ln.cells if c.key}
        assert keys <= set(after.truth)
        for ln in after.lines:
            for cell in ln.cells:
                if cell.key:
                    assert cell.key[:2] in ln.rows, (name, ln)
    assert changed >= 3, f"{name} left the text unchanged {5 - changed} times of 5"


def test_lose_cell_leaves_no_gap_marker():
    for seed in range(5):
        before, after = applied("lose_cell", seed)
        assert after.text.count("\t") == before.text.count("\t") - 1
        changed = set(after.text.split("\n")) - set(before.text.split("\n"))
        assert len(changed) == 1 and "\t\t" not in changed.pop().lstrip("\t")


def test_swap_columns_moves_header_and_figures_together():
    sheet = reference_sheet()
    choose = damage.RandomChooser(random.Random(1))
    swapped = damage.render(damage.swap_columns(sheet, choose), "tab")
    header = next(ln for ln in swapped.lines if ln.text is None and "信息内容" in ln.render())
    rules = next(ln for ln in swapped.lines if ln.rows == {("active_disclosure", "rules")})
    labels = [c.text for c in header.cells[1:]]
    columns = {"本年制发件数": "issued", "本年废止件数": "repealed", "现行有效件数": "in_force"}
    if set(labels) == set(columns):  # this seed swapped two columns of this block
        assert [c.key[2] for c in rules.cells[1:]] == [columns[t] for t in labels]


def test_misplaced_names_a_wrong_figure_and_a_silently_missing_one():
    printed = damage.render(reference_sheet(), "tab")
    report = govparse.parse(printed.text)
    assert damage.misplaced(report, printed) == []
    right = report.active_disclosure.rules.repealed
    shifted = report.replace_figure("active_disclosure", "rules", "issued", right)
    assert damage.misplaced(shifted, printed) == [
        "active_disclosure.rules.issued = 789 (line 13:9), but its figure is 1730"]
    lost = report.replace_figure("active_disclosure", "rules", "issued", Figure())
    (problem,) = damage.misplaced(lost, printed)
    assert problem.startswith("active_disclosure.rules.issued (= 1730) is missing, with no "
                              "warning or error on its row's lines [13]")
    other_row = report.replace_figure("active_disclosure", "rules", "issued", Figure(
        1730, report.active_disclosure.normative_documents.issued.line, 1))
    assert "not from its row's lines" in damage.misplaced(other_row, printed)[0]


# ---------------------------------------------------------------- the distinct reference report


def load_distinct_expected() -> dict[tuple[str, str, str], str]:
    with open(DISTINCT / "expected.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert {r["report"] for r in rows} == {REFERENCE.name}
    return {(r["table"], r["row"], r["column"]): r["value"] for r in rows}


def exact(value) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def test_distinct_reference_report_has_a_different_non_zero_figure_in_every_cell():
    expected = load_distinct_expected()
    figures = {k: v for k, v in expected.items() if k[0] != "report"}
    assert len(figures) == 10 + 25 * 7 + 15
    assert all("|" not in v and v not in ("", "missing") for v in expected.values())
    numbers = [Decimal(v) for v in figures.values()]
    assert all(n > 0 for n in numbers)
    assert len(set(numbers)) == len(numbers)
    fee = figures[("active_disclosure", "administrative_fees", "amount")]
    assert "." in fee and Decimal(fee) != Decimal(fee).to_integral_value()


def test_distinct_reference_report_passes_the_arithmetic():
    report = govparse.parse_file(REFERENCE)
    assert govparse.validate(report) == []
    assert [d for d in report.diagnostics if d.severity is not govparse.Severity.NOTE] == []
    from click.testing import CliRunner
    from govparse.cli import cli

    result = CliRunner().invoke(cli, ["check", "--strict", str(REFERENCE)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("layout", ("file",) + LAYOUTS)
def test_distinct_reference_report_is_read_exactly_in_every_layout(layout):
    expected = load_distinct_expected()
    text = REFERENCE.read_text(encoding="utf-8")
    if layout != "file":
        text = dumps(govparse.parse(text), layout)
    report = govparse.parse(text)
    lines = text.split("\n")
    got = {(r.table, r.row, r.column): r for r in report.figures()}
    assert set(got) == set(expected)
    for key, value in expected.items():
        rec = got[key]
        assert rec.value is not None, key
        assert exact(rec.value) == value, f"{key}: read {rec.value!r}, expected {value}"
        if key[0] != "report":
            # read from where it is written
            assert lines[rec.line - 1][rec.col - 1:].startswith(value), (key, rec)


# ---------------------------------------------------------------- wrong figures found (open bugs)
#
# Minimal reproductions of the wrong figures the placement property found, each on
# the distinct reference report with one row damaged. Each figure must be the one
# printed for its (table, row, column) or missing; these fail while the bug is open.

REFERENCE_TEXT = REFERENCE.read_text(encoding="utf-8")


def damaged_reference(*replacements: tuple[str, str]) -> str:
    text = REFERENCE_TEXT
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def wrong_figures(report: govparse.Report, blanked: frozenset = frozenset()) -> list[str]:
    """Figures read with another value than the one printed in their place
    (``blanked``: printed figures the damage removed, which can only be missing)."""
    expected = load_distinct_expected()
    wrong = []
    for table, row, column, fig in report.table_figures():
        key = (table, row, column)
        if fig.value is None:
            continue
        if key in blanked or exact(fig.value) != expected[key]:
            wrong.append(f"{'.'.join(key)} = {fig.value} (line {fig.line}), printed "
                         f"{'nothing' if key in blanked else expected[key]}")
    return wrong


def problems_on(report: govparse.Report, line: int) -> list[str]:
    return [d.code for d in report.diagnostics
            if d.line == line and d.severity is not govparse.Severity.NOTE]


def test_row_that_lost_its_first_cell_is_not_read_shifted_left():
    # damage lose_cell: 规章 1730 789 1553 lost its first cell, and no empty cell
    # marks the gap. Once the last column was taken as missing (789 read as
    # 本年制发件数); now nothing tells where the gap is, so no figure is placed (GP314).
    text = damaged_reference(("规章\t1730\t789\t1553", "规章\t789\t1553"))
    report = govparse.parse(text)
    assert wrong_figures(report) == []
    said = problems_on(report, text.split("\n").index("规章\t789\t1553") + 1)
    assert said == ["GP314"]
    assert report.active_disclosure.rules.issued.value is None


def test_columns_in_another_order_are_read_by_their_header():
    # damage swap_columns: the header names 本年废止件数 before 本年制发件数 and the
    # figures follow it. They were read in the template's order (本年制发件数 = 789);
    # the header line names every column of these rows, so they are read in its order
    # (GP209 still says the header is not the template's).
    report = govparse.parse(damaged_reference(
        ("信息内容\t本年制发件数\t本年废止件数", "信息内容\t本年废止件数\t本年制发件数"),
        ("规章\t1730\t789\t1553", "规章\t789\t1730\t1553"),
        ("行政规范性文件\t1824\t862\t83", "行政规范性文件\t862\t1824\t83")))
    assert wrong_figures(report) == []
    assert report.active_disclosure.rules.issued.value == 1730
    assert "GP209" in {d.code for d in report.diagnostics}


def test_blank_first_cell_and_a_doubled_separator_are_not_read_shifted_left():
    # damage blank_cell + double_separator: 规章 [empty] 789 [empty] 1553 has four
    # cells for three columns. The first empty cell was skipped as the rest of a
    # merged label cell and 789 read as 本年制发件数; with an empty cell among the
    # figures, which cell is extra cannot be told (GP303), and none is placed.
    report = govparse.parse(damaged_reference(
        ("规章\t1730\t789\t1553", "规章\t\t789\t\t1553")))
    assert wrong_figures(report, frozenset({("active_disclosure", "rules", "issued")})) == []


def test_empty_last_cell_of_a_bordered_row_is_not_dropped_as_a_trailing_separator():
    # damage blank_cell + double_separator, markdown: | 规章 |  | 1730 | 789 |  | has
    # four cells for three columns (the last one 现行有效件数, empty). The empty
    # last cell is dropped as a trailing separator, so the doubled separator's
    # empty cell is taken as the gap: 1730 is read as 本年废止件数, 789 as 现行有效件数.
    # (The same happens when a row wraps right after an empty cell, or when the
    # figures' line is padded with empty cells under the labels.)
    text = dumps(govparse.parse_file(REFERENCE), "markdown")
    assert text.count("| 规章 | 1730 | 789 | 1553 |") == 1
    report = govparse.parse(text.replace("| 规章 | 1730 | 789 | 1553 |",
                                         "| 规章 |  | 1730 | 789 |  |"))
    assert wrong_figures(report, frozenset({("active_disclosure", "rules", "in_force")})) == []


def test_label_cut_short_is_not_read_as_another_row_with_the_same_words():
    # damage wrap_label_below: 2.其他法律行政法规禁止公开 wrapped after 其他, its
    # figures on the first line. Label keys drop the numbering, so 2.其他 was read as
    # the row 3.其他 (other_other); now its number disagreeing with that row's, its
    # figures are not placed (GP204) and 3.其他 keeps its own.
    report = govparse.parse(damaged_reference((
        "\t\t2.其他法律行政法规禁止公开\t1606\t1233\t907\t1777\t1041\t1635\t8199\n",
        "\t\t2.其他\t1606\t1233\t907\t1777\t1041\t1635\t8199\n\t\t法律行政法规禁止公开\n")))
    assert wrong_figures(report) == []
    assert "GP204" in {d.code for d in report.diagnostics}


def test_label_cut_short_close_to_another_row_is_not_read_as_that_row():
    # damage wrap_label_below (the long profile's mixed-damage property):
    # 2.其他法律行政法规禁止公开 wrapped after 其他法, its figures on the first line.
    # 其他法 is no row's words, but close to 3.其他's: it was read as that row (GP203),
    # its figures placed there, and 3.其他's own ignored as a row given twice (GP206).
    # Its number is that of 2.其他法律行政法规禁止公开, whose words start with its own:
    # its figures are not placed (GP204). (A label close to a row whose number is
    # not that row's is read as it otherwise: （四）无法提供 1.本机关不掌握相关政府信息
    # in one cell, a real PDF's.)
    # The label's rest on the next line makes it whole again (GP307): read as its row.
    full = "\t\t2.其他法律行政法规禁止公开\t1606\t1233\t907\t1777\t1041\t1635\t8199\n"
    cut = "\t\t2.其他法\t1606\t1233\t907\t1777\t1041\t1635\t8199\n"
    report = govparse.parse(damaged_reference((full, cut + "\t\t律行政法规禁止公开\n")))
    assert wrong_figures(report) == []
    withheld = report.applications.withheld_prohibited_by_law
    assert (withheld.natural_person.value, withheld.total.value) == (1606, 8199)
    assert "GP307" in {d.code for d in report.diagnostics}
    # Cut with no rest (the page lost it): its figures are not placed.
    text = damaged_reference((full, cut))
    report = govparse.parse(text)
    assert wrong_figures(report) == []
    other = report.applications.other_other
    assert (other.natural_person.value, other.total.value) == (1638, 8045)
    assert report.applications.withheld_prohibited_by_law.natural_person.value is None
    line = text.split("\n").index(cut.rstrip("\n")) + 1
    (said,) = [d for d in report.diagnostics if d.line == line]
    assert (said.code, said.severity, said.column) == ("GP204", govparse.Severity.ERROR, 3)
    assert said.message == ("figures follow '2.其他法', whose words are close to row '3.其他', "
                            "but whose number is that of row '2.其他法律行政法规禁止公开', which "
                            "starts with its words; they are not placed")
    assert said.hint == "a label cut short? the template has '2.其他法律行政法规禁止公开'"
    assert "GP206" not in {d.code for d in report.diagnostics}


def test_row_with_an_empty_cell_before_an_unknown_label_is_said_missing_on_its_line():
    # damage blank_cell + wrap_label_above: 行政强制 [empty] is followed by a label
    # that names no row (行政事业性 / 收费 1.25): the labels before the unknown one
    # were never read, and 行政强制 was said missing at the heading (GP205), not on
    # its own line.
    text = damaged_reference(("行政强制\t1048\n", "行政强制\t\n"),
                             ("行政事业性收费\t36.2575", "行政事业性\n收费\t36.2575"))
    report = govparse.parse(text)
    line = text.split("\n").index("行政强制\t") + 1
    assert report.active_disclosure.administrative_coercion.decisions.value is None
    said = problems_on(report, line)
    assert said, [(d.code, d.line) for d in report.diagnostics]


def test_a_row_placed_by_the_arithmetic_is_known_to_the_next_row_in_doubt():
    # damage lose_cell twice: （七）总计 and 四、结转下年度继续办理 each lost 总计. The first is
    # placed by the arithmetic (GP315); the second only with the first's figures known
    # (本年新收 + 上年结转 = （七）总计 + 结转下年度, column by column)
    text = damaged_reference(("\t17154\t132586\n", "\t17154\n"), ("\t267\t5496\n", "\t267\n"))
    report = govparse.parse(text)
    assert wrong_figures(report) == []
    columns = ("natural_person", "commercial_enterprise", "research_institution",
               "social_welfare_org", "legal_service_org", "other_org", "total")
    processed, forward = report.applications.total_processed, report.applications.carried_forward
    assert [getattr(processed, c).value for c in columns] == \
        [23492, 21561, 24827, 23494, 22058, 17154, None]
    assert [getattr(forward, c).value for c in columns] == [514, 1312, 1281, 918, 1204, 267, None]
    lines = text.split("\n")
    rows = [next(n for n, line in enumerate(lines, 1) if label in line)
            for label in ("（七）总计", "四、结转下年度继续办理")]
    assert [(d.code, d.line) for d in report.diagnostics if d.code in ("GP314", "GP315")] == \
        [("GP315", rows[0]), ("GP315", rows[1])]
