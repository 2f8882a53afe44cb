"""A row whose figures a text with no columns writes over two lines (a PDF's text
layer: cells of one row set at two heights, ``0 0 0 0 0 0`` / ``0``): which columns
the later line's figures stand in the text does not say. Placed only where every
reading gives the same figures (no number can go on from a 0 to the next line), or
exactly one reading fits the template's arithmetic (GP323: ``304 254 122 614 32 841``
/ ``2167``); else missing (GP320)."""

from __future__ import annotations

import govparse
from govparse.core.cells import NUMBER, Cell
from govparse.core.stacked import readings_over_lines, wrap_free

from helpers import OFFICE, office_expected
TEXT = (OFFICE / "template-2021-zeros.pdfium.txt").read_text("utf-8")
ROW_1 = ("applications", "other_no_correction")  # （六）1.申请人无正当理由逾期不补正…
ROW_2 = ("applications", "other_no_fee_paid")  # （六）2.申请人逾期未按收费通知要求…
LABEL_1 = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
LABEL_2 = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"


def _truth() -> dict:
    return office_expected("template-2021-zeros")


def _wrong_and_missing(report, truth: dict) -> tuple[dict, set]:
    wrong, missing = {}, set()
    for key, value in truth.items():
        got = report.figure(*key).value
        if got is None:
            if value is not None:
                missing.add(key)
        elif str(got) != value:
            wrong[key] = (got, value)
    return wrong, missing


def _with_lines(text: str, replaced: dict[int, tuple[str, str]]) -> str:
    """The text with each numbered line (1-based), as it was, written anew."""
    lines = text.split("\n")
    for number, (old, new) in replaced.items():
        assert lines[number - 1] == old
        lines[number - 1] = new
    return "\n".join(lines)


def test_a_row_of_zeros_over_two_lines_is_placed_and_the_row_under_it_by_its_arithmetic():
    # was: both rows of （六） missing (GP320): 0 … 0 / 0 and 0 1 0 0 0 0 / 1. A 0 is
    # no first part of a number, so the first row's seven zeros read alike in any
    # order. The second's first 0 stands under the first's later line (0): once that
    # row is placed, its 0 is the first part of no number of the row below, which is
    # read over two lines in turn; its 1 below may go on from the 1 above (11, a
    # number wrapped in its cell, the row's 总计 then empty), so only the arithmetic
    # may choose a reading: one alone has the row's total hold (0 1 0 0 0 0 1)
    report = govparse.parse(TEXT)
    assert _wrong_and_missing(report, _truth()) == ({}, set())
    assert [report.figure(*ROW_1, c).value for c in ("natural_person", "total")] == [0, 0]
    assert [report.figure(*ROW_2, c).value for c in ("commercial_enterprise", "total")] == [1, 1]
    first, second = [d for d in report.diagnostics if d.code == "GP323"]
    assert first.message.startswith("row '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': "
                                    "its figures stand on lines 66 and 67")
    assert first.message.endswith("every reading gives the same figures, which are placed")
    # (lines as an editor counts them: the form feed that ends page 1 in the middle of
    # a line, 34.2837\f三、…, opens none: frontends/text/source_places.py)
    assert first.severity.value == "warning" and first.line == 67
    assert second.message.startswith("row '2.申请人逾期未按收费通知要求缴纳费用") and second.message.endswith(
        "only one reading fits the template's arithmetic, and it is placed")
    (under,) = [d for d in report.diagnostics if d.code == "GP306" and "stands under" in d.message]
    assert under.line == 70 and under.message.endswith(
        "'0' (line 70) stands under '0' (line 67), a figure of the row above, whose figures "
        "over two lines were placed as its own (GP323); this row's are read as a row over "
        "two lines in turn")
    assert "GP320" not in {d.code for d in report.diagnostics}


def test_a_row_under_a_row_over_two_lines_left_unplaced_stays_missing():
    # the first row of （六） made 0 … 0 / 5: no reading of it adds up (5 as its total
    # with the six others 0, or 0 as its total with a 5 among the six), so it is not
    # placed, and the 0 below its 5 may be the rest of a number of the row below
    text = _with_lines(TEXT, {67: ("0", "5")})
    report = govparse.parse(text)
    wrong, missing = _wrong_and_missing(report, _truth())
    assert wrong == {}
    assert {key[1] for key in missing} == {"other_no_correction", "other_no_fee_paid"}
    assert any(d.code == "GP320" and d.message.startswith("row '2.申请人逾期未按收费通知要求缴纳费用")
               and "'5' (line 67) and '0' (line 70)" in d.message for d in report.diagnostics)


def test_a_row_over_two_lines_placed_where_one_reading_alone_fits_the_arithmetic():
    # five zeros, then 3 3 on the line below: the row's total names one of the 3s, the
    # column totals (（七）总计, 本年新收 …) the column of the other (商业企业)
    text = _with_lines(TEXT, {
        33: ("一、本年新收政府信息公开申请数量 8 4 4 3 14 1 34",
             "一、本年新收政府信息公开申请数量 8 7 4 3 14 1 37"),
        66: ("0 0 0 0 0 0", "0 0 0 0 0"),
        67: ("0", "3 3"),
        73: ("（七）总计 8 4 4 2 14 1 33", "（七）总计 8 7 4 2 14 1 36"),
    })
    report = govparse.parse(text)
    truth = _truth() | {(*ROW_1, "commercial_enterprise"): "3", (*ROW_1, "total"): "3",
                        ("applications", "total_processed", "commercial_enterprise"): "7",
                        ("applications", "total_processed", "total"): "36",
                        ("applications", "new_requests", "commercial_enterprise"): "7",
                        ("applications", "new_requests", "total"): "37"}
    wrong, missing = _wrong_and_missing(report, truth)
    # (and the row below it, 0 1 0 0 0 0 / 1, read in turn by its own total)
    assert wrong == {} and missing == set()
    placed, below = [d for d in report.diagnostics if d.code == "GP323"]
    assert placed.message.startswith("row '1.申请人无正当理由")
    assert "only one reading fits the template's arithmetic" in placed.message
    assert below.message.startswith("row '2.申请人逾期未按收费通知要求缴纳费用")
    # ... and where the arithmetic cannot tell (no column totals: （七）总计's figures
    # gone, the 3s in 商业企业 or in 其他), the row is missing. (With （七）总计 a figure
    # short, its one placement that fits, GP315, read before the rows in doubt are
    # read together, tells: 8 7 4 2 14 1 puts the 3 in 商业企业.)
    short = govparse.parse(text.replace("（七）总计 8 7 4 2 14 1 36", "（七）总计 8 7 4 2 14 1"))
    assert short.figure(*ROW_1, "commercial_enterprise").value == 3
    assert short.figure(*ROW_1, "other_org").value == 0
    text = text.replace("（七）总计 8 7 4 2 14 1 36", "（七）总计")
    report = govparse.parse(text)
    assert report.figure(*ROW_1, "commercial_enterprise").value is None
    assert report.figure(*ROW_2, "commercial_enterprise").value is None
    assert "GP323" not in {d.code for d in report.diagnostics}


def _cell(text: str, line: int, start: int) -> Cell:
    return Cell(NUMBER, text, line, start + 1, int(text), None, x=(start, start + len(text)))


def test_the_readings_of_a_row_over_two_lines():
    upper = [_cell("0", 5, 2 * i) for i in range(3)]
    lower = [_cell("4", 6, 0)]
    readings = readings_over_lines(upper + lower, 4)
    assert [[c.text for c in r] for r in readings] == [
        ["4", "0", "0", "0"], ["0", "4", "0", "0"], ["0", "0", "4", "0"], ["0", "0", "0", "4"]]
    assert wrap_free(upper + lower, 5)
    # a number may go on from a figure that is not 0 (2 / 4: 24 wrapped in its cell):
    # its readings are made, but only the arithmetic may choose one (ShortRows.
    # _place_row_over_lines); none goes on into a figure that starts with a point;
    # cells set at columns (space-aligned text) say where they stand
    two = [_cell("2", 5, 0)] + upper[1:]
    assert [[c.text for c in r] for r in readings_over_lines(two + lower, 4)][-1] == \
        ["2", "0", "0", "4"]
    assert not wrap_free(two + lower, 5)
    point = Cell(NUMBER, ".5", 6, 1, None, None, x=(0, 2))
    assert readings_over_lines(upper + [point], 4) is None
    spaced = [_cell("0", 5, 10 * i) for i in range(3)]
    assert readings_over_lines(spaced + lower, 4) is None
    assert readings_over_lines(upper + lower, 5) is None  # (a figure short)


# ------------------------------------------------ pdftotext -layout: cells at their columns

LAYOUT = (OFFICE / "template-2021-zeros.pdftotext.txt").read_text("utf-8")


def test_pdftotext_rows_at_two_heights_and_figures_above_their_label_are_read():
    # the same report through `pdftotext -layout`: was GP320 for rows 4 and (六)1, GP301
    # for 5 and (六)2's six figures after '理' not placed (GP204), 21 figures missing.
    # (六)2 (1 on its label's line, 0 1 0 0 0 0 below) was missing too: its 1 stands over
    # the 1 of 3.其他, as the first part of 11 wrapped in that row's cell would; but
    # its line stands above the last line of (六)2's own label (处理其政府信息公开申请),
    # inside (六)2's cell, where no part of the row below can be
    report = govparse.parse(LAYOUT)
    assert _wrong_and_missing(report, _truth()) == ({}, set())
    assert "GP204" not in {d.code for d in report.diagnostics}
    (above,) = [d for d in report.diagnostics if d.code == "GP324"]
    # (the text front-end's note that they go on row 4's line, taken back)
    assert not [d for d in report.diagnostics if d.code == "GP306" and d.line == 55]
    assert above.message == (
        "the figures on line 55 stand above row label '5.要求行政机关确认或重新出具已获取信息' "
        "(line 56), after a row whose figures, all 0, are whole on the line before them; "
        "read as that row's")
    heights = [d for d in report.diagnostics if d.code == "GP323"]
    assert [d.line for d in heights] == [59, 63] and all(d.message.endswith(
        "cells set at two heights; read left to right, each in the column the table's full "
        "rows stand in") for d in heights)
    assert "GP320" not in {d.code for d in report.diagnostics}
    assert any(d.code == "GP307" and "group label '（六）其他处' continues on line 63 as '理'"
               in d.message for d in report.diagnostics)


def test_figures_above_a_label_after_a_row_not_all_zeros_stay_missing():
    # 5 over 0: the line below may hold the rest of the 5 (a number wrapped in its
    # cell) as well as the next row's figures: neither row is placed
    text = _with_lines(LAYOUT, {54: (
        "       理         4.无正当理由大量反复申请                0     0        0         0        0        0        0",
        "       理         4.无正当理由大量反复申请                0     0        0         0        5        0        5")})
    report = govparse.parse(text)
    wrong, missing = _wrong_and_missing(report, _truth() | {
        ("applications", "not_processed_excessive", "legal_service_org"): "5",
        ("applications", "not_processed_excessive", "total"): "5"})
    assert wrong == {}
    assert {key[1] for key in missing} >= {"not_processed_excessive", "not_processed_confirmation"}
    assert "GP324" not in {d.code for d in report.diagnostics}


def test_a_row_at_two_heights_with_a_figure_under_another_stays_missing():
    # the 总计 of row (六)1 moved left, over the 其他 column's 0 below it: the rest of a
    # number wrapped in its cell stands so, and cannot be told from a figure
    line, below = LAYOUT.split("\n")[57:59]
    at = below.rindex("0")  # (其他's 0 on the line below, in characters)
    moved = line.rstrip()[:-1].rstrip().ljust(at) + "0"
    assert moved[at] == below[at] == "0" and moved != line.rstrip()
    report = govparse.parse(_with_lines(LAYOUT, {58: (line, moved)}))
    wrong, missing = _wrong_and_missing(report, _truth())
    assert wrong == {} and {key[1] for key in missing} == {"other_no_correction"}
    assert any(d.code == "GP320" and "'1.申请人无正当理由" in d.message
               for d in report.diagnostics)


def test_a_row_of_thousands_of_figures_over_two_lines_takes_no_time_to_refuse():
    # the readings are counted before they are made (C(2000, 1000) would never end),
    # and a row longer than any template's is not looked at pair by pair
    upper = [_cell("0", 5, 2 * i) for i in range(1000)]
    lower = [_cell("1", 6, 2 * i) for i in range(1000)]
    assert readings_over_lines(upper + lower, 2000) is None
    from govparse.core.stacked import at_two_heights

    assert at_two_heights(upper + lower, 2000) is False


def test_pdftotext_rows_whose_label_wraps_around_their_figures_at_two_heights():
    # the template filled with mostly zeros, through `pdftotext -layout` (tests/data/office
    # /README.md): 总计 at its cells' top. （二）部分公开's label wraps over its two lines of
    # figures, 2 on the first and 0 1 0 0 0 1 on the second: those stand over the next
    # row's figures, as the first parts of numbers wrapped in its cells would, but above
    # the last line of （二）'s own label, inside its cell (was GP320 for （二） and 1.属于国家
    # 秘密). The rows of （六） have their label over three lines (1.申请人无正当理由逾期
    # 不补正、 … 0 / 行政机关不再处理其政府信息公开 0 0 0 0 0 0 / 申请), the parts starting at
    # one column, a group's piece between (（六）其): joined, their figures the row's (was
    # GP204, figures after a label of no row). A long label moves the second line's
    # first figure off its column (a Chinese character one column in pdftotext's text):
    # read left to right where 总计 stands alone on the first line, right of the others,
    # and the row's own total holds
    text = (OFFICE / "template-2021-zeros-909.pdftotext.txt").read_text("utf-8")
    report = govparse.parse(text)
    truth = office_expected("template-2021-zeros-909")
    assert _wrong_and_missing(report, truth) == ({}, set())
    three = [d.message for d in report.diagnostics if d.code == "GP307"
             and "its figures on the first two" in d.message]
    assert three == [
        "row label '1.申请人无正当理由逾期不补正、' continues on the next lines as '行政机关不再"
        "处理其政府信息公开' / '申请', its figures on the first two; read as '1.申请人无正当理由"
        "逾期不补正、行政机关不再处理其政府信息公开申请'",
        "row label '2.申请人逾期未按收费通知要求缴' continues on the next lines as '纳费用、行政"
        "机关不再处理其政府' / '信息公开申请', its figures on the first two; read as '2.申请人逾期"
        "未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'"]
    heights = {d.message.split("'")[1]: d.message for d in report.diagnostics
               if d.code == "GP323"}
    assert heights["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"].endswith(
        "each in the column the table's full rows stand in")
    assert heights["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"].endswith(
        "the last column's figure alone on the first line, right of the others, its own "
        "totals holding")
    assert "GP320" not in {d.code for d in report.diagnostics}
    assert report.figure("applications", "other_no_fee_paid", "other_org").value == 1
    assert report.figure("applications", "other_no_fee_paid", "total").value == 1


def test_a_row_at_two_heights_whose_own_total_breaks_stays_missing():
    # the same, （六）2's 总计 on its label's first line written 2 where its figures
    # below add up to 1: the last column alone above the others, but the row's own
    # total does not confirm the reading (no full rows' columns to go by: its first
    # figure moved left by its long label): none placed, GP320
    text = (OFFICE / "template-2021-zeros-909.pdftotext.txt").read_text("utf-8")
    lines = text.split("\n")
    (at,) = [i for i, line in enumerate(lines) if "2.申请人逾期未按收费通知要求缴" in line]
    assert lines[at].rstrip().endswith(" 1")
    lines[at] = lines[at].rstrip()[:-1] + "2"
    report = govparse.parse("\n".join(lines))
    row = report.applications.other_no_fee_paid
    assert all(getattr(row, column).value is None for column in (
        "natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_org", "legal_service_org", "other_org", "total"))
    assert any(d.code == "GP320" and "'2.申请人逾期未按收费通知要求缴纳费用" in d.message
               for d in report.diagnostics)


def test_readings_that_differ_only_in_which_equal_figure_is_which_are_one():
    # pypdfium2's text of the same PDF: （六）2's `0 0 0 0 0 1` / `1` fits its own total
    # with the 1 below in 其他's place or in 总计's; both give the same figures (was GP320)
    text = (OFFICE / "template-2021-zeros-909.pdfium.txt").read_text("utf-8")
    report = govparse.parse(text)
    assert _wrong_and_missing(report, office_expected("template-2021-zeros-909")) == ({}, set())
    assert any(d.code == "GP323" and d.message.startswith(f"row '{LABEL_2}'")
               and d.message.endswith("the readings that fit the template's arithmetic "
                                      "differ only in which of two equal figures is which; "
                                      "the figures are placed")
               for d in report.diagnostics)


def test_two_rows_in_doubt_read_together_by_the_columns_totals():
    # report 12: （六）1 `0 0 0 0 0 1` / `1` and （六）2 `0 0 1 0 0 0` / `1`, the row under
    # the later line of the one above; each alone fits its own total with its 1 in
    # any column, and the columns' totals ((七)总计) name both rows. Together, one
    # choice of their readings gives figures that fit (GP323 each; GP306 for the row
    # under the other's later line)
    text = (OFFICE / "template-2021-zeros-909-12.pdfium.txt").read_text("utf-8")
    report = govparse.parse(text)
    assert _wrong_and_missing(report, office_expected("template-2021-zeros-909-12")) \
        == ({}, set())
    together = [d for d in report.diagnostics if d.code == "GP323" and "together" in d.message]
    assert [d.message.split("'")[1] for d in together] == [LABEL_1, LABEL_2]
    assert together[0].message.endswith(
        f"together with those of row '{LABEL_2}', also in doubt, and they are placed")
    assert any(d.code == "GP306" and d.message.startswith(f"row '{LABEL_2}'")
               for d in report.diagnostics)
    row_1, row_2 = report.applications.other_no_correction, report.applications.other_no_fee_paid
    assert (row_1.other_org.value, row_1.total.value) == (1, 1)
    assert (row_2.research_institution.value, row_2.total.value) == (1, 1)


def test_two_rows_in_doubt_whose_totals_cannot_tell_stay_missing():
    # the same with （七）总计's 其他 and 科研机构 both 1 off, so that the columns' totals
    # fit more than one choice (or none): neither row placed, GP320 each
    text = (OFFICE / "template-2021-zeros-909-12.pdfium.txt").read_text("utf-8")
    (total,) = [line for line in text.split("\n") if line.startswith("（七）总计")]
    figures = total.split("四、")[0].split()[1:]
    changed = figures[:2] + [str(int(figures[2]) - 1)] + figures[3:5] \
        + [str(int(figures[5]) - 1)] + figures[6:]
    report = govparse.parse(text.replace(total, total.replace(
        " ".join(figures), " ".join(changed), 1)))
    for row in (report.applications.other_no_correction, report.applications.other_no_fee_paid):
        assert all(getattr(row, column).value is None for column in (
            "natural_person", "commercial_enterprise", "research_institution",
            "social_welfare_org", "legal_service_org", "other_org", "total"))
    assert {d.message.split("'")[1] for d in report.diagnostics if d.code == "GP320"} \
        >= {LABEL_1, LABEL_2}


def test_a_row_in_doubt_read_again_once_the_rows_after_it_are():
    # report 5 of another draw: （二）部分公开 `0 0 0 0 0 1` / `1` fits its own total with
    # its 1s in 商业企业, 社会公益组织, 其他 or 总计 while the rows of （六） below it are in
    # doubt too (read after it); read again once they are placed, the columns' totals
    # leave one set of figures (GP323)
    text = (OFFICE / "template-2021-zeros-4242-5.pdfium.txt").read_text("utf-8")
    report = govparse.parse(text)
    assert _wrong_and_missing(report, office_expected("template-2021-zeros-4242-5")) \
        == ({}, set())
    assert any(d.code == "GP323" and d.message.startswith("row '（二）部分公开")
               and d.message.endswith("once the table's other rows are read, and they are "
                                      "placed") for d in report.diagnostics)
