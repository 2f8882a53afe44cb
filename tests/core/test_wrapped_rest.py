"""Rows with more figures than columns over lines of a text that gives no columns, some
of them the rests of numbers wrapped in their cells (govparse/core/wrapped_rest.py,
GP329): read only where the template's arithmetic leaves one set of figures.

The text is pypdfium2's of the official template filled with a report whose figures
all differ, up to 1,000, their arithmetic holding, saved as a PDF by LibreOffice
(tests/data/office/README.md, template-2021-wrapped-totals): the sums of five digits
of 一、本年新收 and （七）总计 wrap in their cells, ``… 6345 7845`` / ``4749`` / ``4``."""

from __future__ import annotations

import re

import pytest

import govparse
from govparse.core.cells import classify
from govparse.core.stacked import overlaps
from govparse.core.wrapped_rest import readings_as_laid_out, readings_with_wrapped_numbers
from govparse.diagnostics import Severity

from helpers import OFFICE, compared, office_expected

NAME = "template-2021-wrapped-totals"


def _text() -> str:
    return (OFFICE / f"{NAME}.pdfium.txt").read_text("utf-8")


def _figures(*lines: str) -> list:
    """A row's figures as a text with no columns gives them: a line each, one blank
    apart, each figure's place in display columns."""
    cells = []
    for number, line in enumerate(lines, start=1):
        at = 0
        for word in line.split(" "):
            cell = classify(word, number, at + 1)
            cell.x = (at, at + len(word))
            cells.append(cell)
            at += len(word) + 1
    return cells


def test_wrapped_totals_are_read_where_the_arithmetic_leaves_one_reading():
    report = govparse.parse(_text())
    wrong, missing = compared(report, office_expected(NAME))
    assert wrong == {}
    # the review table's totals wrapped too, each group's figures on a line, its total's
    # two lines after them (259 83 146 775 / 126 / 3 …): each figure alone on its line
    # joined to the next, as the layout pairs them, the three sums confirming them
    assert missing == {}
    joined = [d for d in report.diagnostics if d.code == "GP329"]
    assert [(d.table_id, d.row_id, d.column_id) for d in joined] == [
        ("applications", "new_requests", "total"), ("applications", "total_processed", "total"),
        ("review_litigation", "administrative_review", "total"),
        ("review_litigation", "litigation_direct", "total"),
        ("review_litigation", "litigation_after_review", "total")]
    assert report.review_litigation.administrative_review.total.value == 1263
    assert all(d.severity is Severity.WARNING and d.hint for d in joined)
    assert [d.message.split(":")[0] for d in joined] == [
        "row '一、本年新收政府信息公开申请数量'", "row '（七）总计'"] + ["the review table"] * 3
    assert "'4749' (line 37) and '4' (line 38) read as one number wrapped in its cell, " \
        "47494, for 总计" in joined[0].message
    assert (joined[0].line, joined[0].column) == (38, 1)
    for row in ("new_requests", "total_processed"):
        figure = report.figure("applications", row, "total")
        assert figure.recovered
        assert figure.line in (37, 84)  # where the number's first part stands
    assert report.figure("applications", "new_requests", "total").value == 47494
    assert report.figure("applications", "total_processed", "total").value == 46916
    assert not any(d.code == "GP320" and "本年新收" in d.message for d in report.diagnostics)


def test_strict_mode_refuses_a_number_read_as_wrapped():
    with pytest.raises(govparse.StrictModeError) as raised:
        govparse.parse(_text(), mode="strict")
    assert "GP329" in {d.code for d in raised.value.diagnostics}


def test_a_row_whose_total_does_not_hold_with_the_number_joined_stays_missing():
    # 47495: no reading of 4749 / 5 (nor of 4749 and 5 as figures) fits the row's
    # total, so none of the row's figures is placed, and the error says why (GP320)
    text = _text().replace("7845\n4749\n4\n", "7845\n4749\n5\n")
    assert text != _text()
    report = govparse.parse(text)
    assert all(report.figure("applications", "new_requests", c).value is None
               for c in ("natural_person", "commercial_enterprise", "total"))
    assert any(d.code == "GP320" and d.message.startswith("row '一、本年新收")
               for d in report.diagnostics)
    assert not any(d.code == "GP329" and "本年新收" in d.message for d in report.diagnostics)


def test_readings_join_a_figure_to_one_of_a_line_before_then_spread_the_lines():
    # 6 figures, then 4749 / 4: a figure too many for 7 columns. Joins: 4 to 4749 or
    # to each of the six, 4749 to each of the six (its line after theirs); each then
    # read over the lines left, each line's figures in their order, in any columns
    data = _figures("9263 7975 8165 7901 6345 7845", "4749", "4")
    readings = readings_with_wrapped_numbers(data, 7)
    six = ("9263", "7975", "8165", "7901", "6345", "7845")
    joins = {(first.text, rest.text) for r in readings for first, rest, _ in r.wraps}
    assert joins == {("4749", "4")} | {(f, "4749") for f in six} | {(f, "4") for f in six}
    assert len(readings) == 13 * 7  # (each join leaves two lines: 7 ways to spread them)
    in_order = [[c.text for c in r.cells] for r in readings
                if [c.text for c in r.cells][-1] == "47494"]
    assert in_order == [list(six) + ["47494"]]
    for reading in readings:
        assert len(reading.cells) == 7
        assert all(c is not None for c in reading.cells)


@pytest.mark.parametrize("lines, columns", [
    (("1 2 3", "4"), 4),               # as many figures as columns: nothing to join
    (("1 2 3 4 5 6 7 8 9",), 7),       # one line: nothing stands after another
    (("1 2 3", "4.5", "6"), 3),        # a figure that is no whole number of digits
    (("1 2", "3 4 5 6 7 8"), 3),       # more than three too many
])
def test_rows_that_are_not_so_have_no_readings(lines, columns):
    assert readings_with_wrapped_numbers(_figures(*lines), columns) is None


def test_a_first_part_never_starts_with_0_and_a_figure_is_joined_once():
    # 0 / 5: no number is written 05; 1 / 2 / 3 with two too many: 2 cannot be 1's rest
    # and 3's first part at once (a number over three lines is not read so)
    readings = readings_with_wrapped_numbers(_figures("0 7", "5"), 2)
    assert readings is not None
    assert {(f.text, r.text) for x in readings for f, r, _ in x.wraps} == {("7", "5")}
    assert readings_with_wrapped_numbers(_figures("1", "2", "3"), 1) is None


def _at_columns(*lines: str) -> list:
    """A row's figures as pdftotext -layout gives them: each at its column, a line
    each (ASCII: a character a display column)."""
    cells = []
    for number, line in enumerate(lines, start=1):
        for found in re.finditer(r"\S+", line):
            cell = classify(found.group(), number, found.start() + 1)
            cell.x = (found.start(), found.end())
            cells.append(cell)
    return cells


def _texts(reading) -> list:
    return [c.text for c in reading.cells]


def test_a_row_over_three_lines_its_rests_under_their_first_parts():
    # cells centred in their height: the wrapped numbers' first parts on the first
    # line, their rests under them on the third, the numbers one line high between,
    # read left to right (the review table of the template through pdftotext)
    data = _at_columns("108          176   337   236",
                       "      279 24                  28",
                       "0            8     6     7")
    readings = readings_with_wrapped_numbers(data, 7)
    assert [_texts(r) for r in readings] == [
        ["1080", "279", "24", "1768", "3376", "2367", "28"]]
    assert [(f.text, r.text) for f, r, _ in readings[0].wraps] == [
        ("108", "0"), ("176", "8"), ("337", "6"), ("236", "7")]


@pytest.mark.parametrize("lines", [
    # a figure of the middle line standing over a rest: whose rest it is, untold
    ("108          176   337   236", "      279 24      55", "0            8     6     7"),

    # lines not one after another
    ("108          176   337   236", "      279 24                  28", "",
     "0            8     6     7"),
    # a rest under no first part
    ("108          176   337   236", "      279 24                  28",
     "0            8     6     7    9"),
])
def test_a_row_over_three_lines_in_doubt_has_no_reading(lines):
    data = [c for c in _at_columns(*lines)]
    assert readings_with_wrapped_numbers(data, 7) is None


def test_a_figure_over_a_rest_in_characters_leaves_the_row_unread():
    # pdftotext sets each character at its column: 1626 over 1000's rest 0 there. On a
    # screen the label before the middle line (sixteen Chinese characters, each two
    # columns wide) moves its figures clear of the others, but that order (10000 2074
    # 1515 …) is not the row's: no reading (a reviewer's case, 2026-12-07)
    data = _label_before_the_middle(" " * 38 + "1000" + " " * 30 + "2261",
                                    " " * 27 + "2074 1515    1626  495  6902",
                                    " " * 41 + "0" + " " * 30 + "2")
    assert not any(overlaps(a, b) for a in data for b in data if a.line == 2 != b.line)
    assert readings_as_laid_out(data, 7) is None
    # so too where it touches a first part in characters only: the order in display
    # columns alone (10000 2074 1515 …) is the label's doing, and the row's own total
    # holds in any order (a second reviewer's case)
    data = _label_before_the_middle(" " * 38 + "1000" + " " * 34 + "2261",
                                    " " * 27 + "2074 1515    1626    495   6902",
                                    " " * 38 + "0" + " " * 37 + "2")
    assert not any(overlaps(a, b) for a in data for b in data if a.line == 2 != b.line)
    assert readings_as_laid_out(data, 7) is None
    # where it stands over no rest in characters, only over one in display columns
    # (495 over 2261's 2: the label's doing), the row is read left to right in characters
    data = _label_before_the_middle(" " * 41 + "1000" + " " * 22 + "2261",
                                    " " * 27 + "2074 1515          1626 495      6902",
                                    " " * 41 + "0" + " " * 25 + "2")
    assert [_texts(r) for r in readings_as_laid_out(data, 7)] == [
        ["2074", "1515", "10000", "1626", "495", "6902", "22612"]]


def _label_before_the_middle(*lines: str) -> list:
    """_at_columns, the second line's figures sixteen display columns right of their
    characters' places (a label of sixteen Chinese characters before them)."""
    data = _at_columns(*lines)
    for cell in data:
        if cell.line == 2:
            cell.x = (cell.x[0] + 16, cell.x[1] + 16)
    return data


def test_a_text_layer_s_cells_side_by_side_on_a_line_are_never_joined():
    # pypdfium2: each cell's lines one after the other, the cells one line high and
    # side by side on one line: only figures alone on their lines are joined
    data = _figures("108", "0", "279 24", "176", "8", "337", "6", "236", "7", "28")
    readings = readings_with_wrapped_numbers(data, 7)
    joins = {tuple((f.text, r.text) for f, r, _ in x.wraps) for x in readings}
    assert (("108", "0"), ("176", "8"), ("337", "6"), ("236", "7")) in joins
    assert not any(("24", "176") in j or ("0", "279") in j for j in joins)
    assert all(len(r.cells) == 7 for r in readings)


_ROW = "一、本年新收政府信息公开申请数量 9263 7975 8165 7901 6345 7845\n4749\n4\n"
_VALUES = [9263, 7975, 8165, 7901, 6345, 7845, 47494]
_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
            "social_welfare_org", "legal_service_org", "other_org", "total")


@pytest.mark.parametrize("column, cut", [(c, k) for c in range(7)
                                         for k in range(1, len(str(_VALUES[c])))
                                         if len(str(_VALUES[c])) - k <= k])
def test_a_number_wrapped_anywhere_in_the_row_reads_right(column, cut):
    # each figure of 一、本年新收 in turn written wrapped in its cell, cut after each of
    # its digits that leaves a rest no wider than the first part (which fills its
    # cell), the rest on a line of its own after the row's: one reading alone
    # fits the row's total and the table's other relations, and it is the row's
    numbers = [str(v) for v in _VALUES]
    written = numbers[column]
    numbers[column] = written[:cut]
    row = f"一、本年新收政府信息公开申请数量 {' '.join(numbers[:6])}\n{numbers[6]}\n{written[cut:]}\n"
    assert _ROW in _text()
    report = govparse.parse(_text().replace(_ROW, row))
    read = [report.figure("applications", "new_requests", c).value for c in _COLUMNS]
    assert read == _VALUES
    joined = report.figure("applications", "new_requests", _COLUMNS[column])
    assert joined.recovered and joined.line == (37 if column == 6 else 36)  # (its first part's)
    assert [d.column_id for d in report.diagnostics if d.code == "GP329"
            and d.row_id == "new_requests"] == [_COLUMNS[column]]


def test_a_row_of_fifteen_cells_ten_wrapped_has_its_handful_of_readings():
    # the review table's cells a cell's lines after another (pypdfium2), ten wrapped,
    # two one line high side by side: twelve joins, none two in a row, among the places
    # a figure alone on its line stands before another no narrower (1.35 million
    # combinations of all 23 places): one reading
    lines = ["117", "1", "279", "8", "25", "128", "7", "528", "1", "175 644", "398", "9",
             "348", "5", "829", "3", "661", "9", "546", "1", "207", "3", "858", "9", "227",
             "42"]
    readings = readings_with_wrapped_numbers(_figures(*lines), 15)
    assert [_texts(r) for r in readings] == [
        ["1171", "2798", "25", "1287", "5281", "175", "644", "3989", "3485", "8293", "6619",
         "5461", "2073", "8589", "22742"]]


def test_a_rest_wider_than_its_first_part_is_never_joined_to_it():
    # a first part fills its cell, and its rest is no wider: 2 / 6902 is no number
    # wrapped (a one-line 6902 after 4951 / 2), whatever sum a report's own slip gives
    data = _figures("2074 1515", "1000", "0", "1626", "4951", "2", "6902", "4706", "8")
    readings = readings_with_wrapped_numbers(data, 7)
    assert readings
    assert not any(f.text == "2" and r.text == "6902" for x in readings for f, r, _ in x.wraps)
    assert ["2074", "1515", "10000", "1626", "49512", "6902", "47068"] in [
        _texts(r) for r in readings]


def test_joins_none_two_in_a_row_made_and_counted_as_combinations_filtered_would():
    from itertools import combinations

    from govparse.core.wrapped_rest import _apart, _apart_count

    for places in ([], [0], [0, 1, 2, 3], [0, 2, 3, 7, 8, 9, 12], list(range(11))):
        for count in range(0, 6):
            apart = [c for c in combinations(places, count)
                     if all(b - a >= 2 for a, b in zip(c, c[1:]))]
            assert list(_apart(places, count)) == apart
            assert _apart_count(places, count) == len(apart)
