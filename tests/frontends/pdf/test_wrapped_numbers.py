"""A number wrapped to fit its cell of a PDF's grid (frontends/pdf/wrapped.py): read as
the digits joined where the page shows every line but the last filling the cell and the
last leaving room for a digit, in a table whose figures are set to one side (GP328);
elsewhere digits parted by a blank (GP313, or the arithmetic's GP325)."""

from __future__ import annotations

import csv

import pytest

import govparse
from govparse.core.cells import classify
from govparse.frontends.pdf.pieces import Piece
from govparse.frontends.pdf.wrapped import Alignment

from conftest import HERE

OFFICE = HERE / "data" / "office"

WIDTH, MARGIN, DIGIT = 34.0, 3.6, 6.2  # a narrow cell: four digits a line, 2 pt to spare


def line(text: str, cell: int, y: float, side: str = "left") -> Piece:
    """A line of digits in the grid cell ``cell`` (34 pt wide), set to ``side``."""
    left, width = cell * WIDTH, DIGIT * len(text)
    x0 = {"left": left + MARGIN, "right": left + WIDTH - MARGIN - width,
          "centre": left + (WIDTH - width) / 2}[side]
    return Piece(classify(text, 1, 1), (x0, y, x0 + width, y + 8), 1,
                 (left, 0.0, left + WIDTH, 100.0))


def table(side: str, *groups: list[str]) -> tuple[Alignment, list[list[Piece]]]:
    """A table of single figures of one to four digits and the groups of lines given,
    each in a cell of its own, set to ``side``; the groups' Pieces, top down."""
    pieces = [line(text, cell, 50, side) for cell, text in enumerate(["7", "42", "815", "2024"])]
    lines = []
    for cell, group in enumerate(groups, start=4):
        lines.append([line(text, cell, 80 - 16 * k, side) for k, text in enumerate(group)])
        pieces.extend(lines[-1])
    return Alignment(pieces), lines


@pytest.mark.parametrize("side", ["left", "right"])
def test_lines_each_but_the_last_filling_the_cell_are_one_number(side):
    alignment, (two, three) = table(side, ["8015", "05"], ["1000", "2024", "7"])
    assert alignment.wrapped_to_fit(two) and alignment.wrapped_to_fit(three)
    assert alignment.side == side


@pytest.mark.parametrize("group", [
    ["801", "5"],           # room for a digit more on the first line: two numbers?
    ["1000", "0000"],       # the last line fills the cell: the number may go on, unshown
    ["8015", "801", "5"],   # a line short of the first's digits
    ["2024", "7"][::-1],    # the short line first
])
def test_lines_that_need_not_be_a_wrap_are_not_joined(group):
    alignment, (lines,) = table("left", group)
    assert not alignment.wrapped_to_fit(lines)


def test_centred_figures_tell_nothing_of_the_room_a_line_leaves():
    alignment, (lines,) = table("centre", ["8015", "05"])
    assert not alignment.wrapped_to_fit(lines)
    assert alignment.side is None


def test_a_line_set_apart_from_the_tables_margin_is_not_joined():
    alignment, (lines,) = table("left", ["8015", "05"])
    lines[1] = Piece(lines[1].cell, tuple(v + 2.5 if i % 2 == 0 else v
                                          for i, v in enumerate(lines[1].box)), 1,
                     lines[1].grid)
    assert not alignment.wrapped_to_fit(lines)


def test_figures_of_one_width_tell_no_side():
    pieces = [line("5", cell, 50) for cell in range(6)]
    group = [line("5", 6, 80), line("5", 6, 64)]
    alignment = Alignment(pieces + group)
    assert not alignment.wrapped_to_fit(group)
    assert alignment.side is None


def expected(name: str) -> dict:
    with open(OFFICE / f"{name}.expected.tsv", encoding="utf-8") as handle:
        return {(r["table"], r["row"], r["column"]): None if r["value"] == "missing"
                else r["value"] for r in csv.DictReader(handle, delimiter="\t")}


def test_numbers_wrapped_in_the_official_templates_cells_are_read():
    # the official template filled by LibreOffice with figures up to 10,000,000 that all
    # differ and hold their sums: every number wrapped to fit its cell is read (GP328,
    # a warning, the figure marked recovered), those whose last line fills the cell
    # (1000 / 0000) are read where the arithmetic confirms them (GP325), else missing
    report = govparse.parse_file(OFFICE / "template-2021-large.libreoffice.pdf")
    truth = expected("template-2021-large")
    got = {key: report.figure(*key).value for key in truth}
    assert {k: v for k, v in got.items() if v is not None and str(v) != truth[k]} == {}
    assert sum(v is not None for v in got.values()) == 192
    figure = report.figure("applications", "new_requests", "research_institution")
    assert (figure.value, figure.recovered) == (9555607, True)
    (said,) = [d for d in report.diagnostics if d.code == "GP328" and "'9555 / 607'" in d.message]
    assert said.message.startswith("row '一、本年新收政府信息公开申请数量': the cell for 科研机构")
    assert said.severity.value == "warning"
    assert said.location.page == 2
    with pytest.raises(govparse.StrictModeError) as raised:
        govparse.parse_file(OFFICE / "template-2021-large.libreoffice.pdf", mode="strict")
    assert "GP328" in {d.code for d in raised.value.diagnostics}


def test_a_number_wrapped_to_fit_whose_rows_total_breaks_is_missing_the_others_read():
    # figures that all differ, their sums not holding (benchmarks/converters.py, seed
    # 5146, report 19): 6947310 as 6947 / 310 in 二、上年结转's 总计, its row's own total
    # broken: the joined number is what the total puts in doubt, missing (GP313); the
    # row's six other figures fit their cells, and the row shows two lines of a cell,
    # so none of them is cut to its first line: read. (Where no number of the row is
    # joined, a row whose total breaks in a table whose numbers wrap is missing whole:
    # GP326.)
    report = govparse.parse_file(OFFICE / "template-2021-totals-broken.libreoffice.pdf")
    truth = expected("template-2021-totals-broken")
    got = {key: report.figure(*key).value for key in truth}
    assert {k: v for k, v in got.items() if v is not None and str(v) != truth[k]} == {}
    row = {column: value for (_, r, column), value in got.items() if r == "carried_over"}
    assert row == {"natural_person": 1258, "commercial_enterprise": 5692,
                   "research_institution": 257, "social_welfare_org": 120,
                   "legal_service_org": 2628, "other_org": 49, "total": None}
    (said,) = [d for d in report.diagnostics if d.code == "GP313"
               and d.row_id == "carried_over" and d.column_id == "total"]
    assert "'6947 / 310'" in said.message and "own total does not hold" in said.message
    assert not any(d.code == "GP328" and "'6947 / 310'" in d.message
                   for d in report.diagnostics)
    assert sum(v is not None for v in got.values()) == 110


def test_glyphs_with_no_width_tell_nothing():
    pieces = [Piece(classify(text, 1, 1), (10.0, 50.0, 10.0, 58.0), 1, (0.0, 0.0, 34.0, 100.0))
              for text in ("7", "42", "815", "2024")]
    group = pieces[2:]
    alignment = Alignment(pieces)
    assert not alignment.wrapped_to_fit(group)
    assert alignment.side is None


class _Rules:
    """A page's ruling lines, as joined_cells asks them: its horizontal lines only."""

    def __init__(self, horizontal) -> None:
        self.horizontal = horizontal


@pytest.mark.parametrize("merged", [False, True])
def test_a_cell_merged_over_rows_holds_no_number_wrapped(merged):
    # lines filling a cell merged over two rows (a line between the rows ends at its
    # side, 总计's cell of two rows' figures typed one a line): each row's figure, maybe,
    # never one number; a cell of one row: one number wrapped to fit (GP328)
    from govparse.core.cells import PARTED
    from govparse.frontends.pdf.grid_cells import Centres, joined_cells

    pieces = [line(text, cell, 50) for cell, text in enumerate(["7", "42", "815", "2024"])]
    group = [line("8015", 4, 80), line("05", 4, 64)]
    pieces += group
    rules = _Rules([(60.0, 0.0, 4 * WIDTH)] if merged else [])
    joined = joined_cells(pieces, lambda page: rules, Centres(pieces), Alignment(pieces))
    whole = joined[id(group[0])]
    assert (whole.kind, whole.text) == (PARTED, "8015 05")
    assert whole.value == (None if merged else 801505)
