"""A review of 2026-12-05: PDF page joins, grid rows (frontends/pdf/grid_rows.py), the header's
order (core/header_order.py), form feeds in a line (locations.line_ends_normalized).
Each a case that gave, or could give, a wrong figure."""

from __future__ import annotations

import pathlib
import sys

import pytest

import govparse
from govparse.model.report import Figure
from govparse.template.spec import load_template

from conftest import EXAMPLES
from helpers import expected_figures, misplaced, office_expected

sys.path.insert(0, str(pathlib.Path(__file__).parent / "frontends" / "pdf"))
from pdf_pages import report_pdf  # noqa: E402  (the PDF printer of tests/frontends/pdf)


@pytest.fixture(scope="module")
def report():
    return govparse.parse_file(EXAMPLES / "report-2024-tab.txt")


def _with(report, table, row, values):
    spec = load_template(report.template).table(table).row(row)
    for column, value in zip((c.id for c in spec.columns), values):
        report = report.replace_figure(table, row, column, Figure(value=value))
    return report


def test_an_empty_row_at_a_pages_top_is_no_rest_of_the_label_above(report):
    # labels_continued_on_next_page: 规章 (11 12 13) at the foot of page 1, the row
    # 行政规范性文件 with its figure cells empty at the top of page 2 (no figure in its
    # band, no numbering): the two labels were joined as one cell, 规章行政规范性文件,
    # read as 行政规范性文件 (GP203), so 规章's figures were read as 行政规范性文件's
    printed = _with(report, "active_disclosure", "rules", (11, 12, 13))
    printed = _with(printed, "active_disclosure", "normative_documents", (None,) * 3)
    read = govparse.parse(report_pdf(printed, page_break_before={"active_disclosure": 3}),
                          path="printed.pdf")
    assert misplaced(read, printed) == []
    assert read.figure("active_disclosure", "rules", "issued").value == 11
    assert not [d for d in read.diagnostics if d.code == "GP307" and "broken across" in d.message]


_REVIEW_TAIL = "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t1\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0"
# the last group's 尚未审结 and 总计 written the other way round, 总计 5, 尚未审结 3
_SWAPPED_TAIL = "\t结果维持\t结果纠正\t其他结果\t总计\t尚未审结\n1\t0\t0\t1\t2\t1\t0\t0\t0\t1\t0\t0\t0\t5\t3"


def _swapped_review_header() -> str:
    text = (EXAMPLES / "report-2024-tab.txt").read_text(encoding="utf-8")
    assert _REVIEW_TAIL in text
    return text.replace(_REVIEW_TAIL, _SWAPPED_TAIL)


def test_the_review_headers_last_group_out_of_order_is_said():
    # header_order._check_header_order (356a895): a group of the review table's header
    # ended at its last column (总计) whatever came next, so 总计 尚未审结 at the end of
    # the header started a new group and GP209 was no more said
    read = govparse.parse(_swapped_review_header())
    assert "GP209" in {d.code for d in read.diagnostics}


def test_the_review_table_under_a_header_out_of_order_gives_no_wrong_figure():
    # the review table is read by position, in the template's order: under a header
    # that names two columns the other way round its figures were read swapped (总计 3,
    # 尚未审结 5), with GP209 alone; now none is placed (GP321)
    read = govparse.parse(_swapped_review_header())
    figures = [f.value for t, _, _, f in read.table_figures() if t == "review_litigation"]
    assert figures == [None] * 15
    assert {"GP209", "GP321"} <= {d.code for d in read.diagnostics}


class _Boxes:
    """Glyph boxes of a line of characters 9 points high, one point apart, on one
    baseline, ``gap`` points apart where pdfium wrote a line end (what
    reader._within_line asks of pdfium's text page)."""

    def __init__(self, raw: str, gap: float) -> None:
        self.at, x = {}, 100.0
        for index, char in enumerate(raw):
            if char in "\r\n":
                x += (gap - 1.0) * (char == "\r")
                continue
            self.at[index] = (x, 700.0, x + 5.0, 709.0)
            x += 6.0

    def box(self, index):
        return self.at[index], False


@pytest.mark.parametrize("gap", [1.0, 2.0, 5.0])
def test_a_line_end_between_two_cells_figures_never_joins_them(gap):
    # reader._within_line: a \r\n of pdfium's between 12 and 34 standing on one
    # baseline less than a blank apart was read as nothing: 1234, one number
    from govparse.frontends.pdf.reader import _within_line

    raw = "12\r\n34"
    assert _within_line(raw, 2, _Boxes(raw, gap)) == " "
    heading = "行政复\r\n议"
    assert _within_line(heading, 3, _Boxes(heading, 1.0)) == ""


DATA = pathlib.Path(__file__).parent / "data"


def _office_truth(blank_normative_documents: bool) -> dict:
    truth = office_expected("report-page")
    if blank_normative_documents:
        for column in ("issued", "repealed", "in_force"):
            truth["active_disclosure", "normative_documents", column] = None
    return truth


def _wrong(report, truth: dict) -> dict:
    return {key: (report.figure(*key).value, value) for key, value in truth.items()
            if report.figure(*key).value is not None and str(report.figure(*key).value) != value}


def _page_joins(report) -> list[str]:
    return [d.message for d in report.diagnostics
            if d.code == "GP307" and "broken across pages" in d.message]


def test_a_header_repeated_on_a_new_page_is_no_rest_of_the_label_above():
    # LibreOffice repeats a <thead> on each page: 二、上年结转政府信息公开申请数量 at the
    # foot of a page and the repeated header's first cell （本列数据的勾稽关系为…） at the
    # top of the next, in the same columns, no figure in its band, no numbering: they
    # were joined as one label (labels_continued_on_next_page)
    report = govparse.parse_file(DATA / "page_breaks" / "report-page-thead-break.libreoffice.pdf")
    assert _wrong(report, _office_truth(False)) == {}
    assert not [m for m in _page_joins(report) if "本列数据" in m]


def test_a_group_label_cut_after_its_numbering_is_still_joined():
    # （三） at the foot of a page, 不予公 / 开 at the top of the next: one label, though
    # 不予公开 is a whole label of the template (the guard above wants both whole)
    report = govparse.parse_file(
        DATA / "page_breaks" / "report-page-group-label-break.libreoffice.pdf")
    assert _wrong(report, _office_truth(True)) == {}
    assert any("（三）不予公" in m for m in _page_joins(report))


def test_figures_at_a_page_s_top_are_no_rest_of_a_row_above_another():
    # wkhtmltopdf breaks row 5 across the pages: its label's first line and its empty
    # figure cells at the foot of page 1, under row 4's figures; its figures at the
    # top of page 2. They were joined to row 4's as the rest of numbers a break cut
    # (0 1: no number, 14 figures missing); a row below row 4 on page 1 says not.
    report = govparse.parse_file(DATA / "page_breaks" / "row-cut-below-its-label.wkhtmltopdf.pdf")
    truth = expected_figures(DATA / "page_breaks" / "row-cut-below-its-label.expected.tsv")
    assert _wrong(report, truth) == {}
    for row in ("not_processed_excessive", "not_processed_confirmation"):
        assert [report.figure("applications", row, column).value for column in
                ("natural_person", "total")] == \
            [int(truth["applications", row, column]) for column in ("natural_person", "total")]
    assert not [d for d in report.diagnostics if d.code == "GP313"]
