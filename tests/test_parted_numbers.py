"""A number wrapped in its cell (2032 as 203 / 2, a narrow column of a Word table)
comes out of a PDF or a page as one cell with its digits parted by a blank: in the
review table it stands in its figure's place, read as the digits joined only where
the template's arithmetic gives exactly that number (GP325), else missing (GP313).
(core/parted_numbers.py)"""

from __future__ import annotations

import re

import pytest

import govparse
from govparse import Severity
from govparse.emit.printer import dumps
from helpers import OFFICE, codes, compared, example_text, office_expected

# The review row as the example report prints it, then with larger figures: 行政复议
# 726 168 181 957 | 2032, 未经复议直接起诉 712 601 415 386 | 2114, 复议后起诉 0 … 0.
FIGURES = ["726", "168", "181", "957", "2032", "712", "601", "415", "386", "2114",
           "0", "0", "0", "0", "0"]


def review_page(cells: list[str]) -> str:
    """The example report as a web page, its review row's cells written as given."""
    page = dumps(govparse.parse(example_text()), "html")
    table = page.rindex("<table")
    head, tail = page[:table], page[table:]
    row = re.search(r"(<tr>(?:<td>[^<]*</td>){15}</tr>)", tail)
    written = "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
    return head + tail[:row.start()] + written + tail[row.end():]


def test_a_total_wrapped_in_its_cell_is_read_where_the_arithmetic_gives_it():
    cells = list(FIGURES)
    cells[4], cells[9] = "203<br>2", "211 4"  # (a line break, a blank: one each)
    report = govparse.parse(review_page(cells))
    review = report.review_litigation
    assert (review.administrative_review.total.value, review.litigation_direct.total.value) \
        == (2032, 2114)
    assert review.administrative_review.upheld.value == 726
    # (marked as a figure the arithmetic decided, as a run-together text's split is)
    assert review.administrative_review.total.recovered
    assert not review.administrative_review.upheld.recovered
    found = [d for d in report.diagnostics if d.code == "GP325"]
    assert len(found) == 2 and all(d.severity is Severity.WARNING for d in found)
    assert "'203 2'" in found[0].message and "read as 2032" in found[0].message
    assert "GP404" in found[0].message and found[0].hint
    assert "GP313" not in codes(report)
    assert govparse.validate(report) == []
    with pytest.raises(govparse.StrictModeError) as raised:
        govparse.parse(review_page(cells), mode="strict")
    assert {d.code for d in raised.value.diagnostics} >= {"GP325"}


@pytest.mark.parametrize("total, why", [
    ("203 3", "the parts add up to 2032, not 2033"),
    ("20 32 1", "digits that make 20321"),
])
def test_digits_the_arithmetic_does_not_give_stay_missing(total, why):
    cells = list(FIGURES)
    cells[4] = total
    report = govparse.parse(review_page(cells))
    assert report.review_litigation.administrative_review.total.value is None, why
    assert report.review_litigation.administrative_review.upheld.value == 726
    assert report.review_litigation.litigation_direct.total.value == 2114
    missing = [d for d in report.diagnostics if d.code == "GP313"]
    assert len(missing) == 1 and missing[0].severity is Severity.ERROR
    assert "GP325" not in codes(report)


def test_a_part_wrapped_is_read_by_its_total_and_the_other_parts():
    cells = list(FIGURES)
    cells[0] = "72 6"  # 726 + 168 + 181 + 957 = 2032
    report = govparse.parse(review_page(cells))
    assert report.review_litigation.administrative_review.upheld.value == 726
    assert "GP325" in codes(report)


def test_two_wrapped_figures_of_one_relation_stay_missing():
    cells = list(FIGURES)
    cells[0], cells[4] = "72 6", "203 2"  # either could be anything the other allows
    report = govparse.parse(review_page(cells))
    review = report.review_litigation.administrative_review
    assert (review.upheld.value, review.total.value) == (None, None)
    assert codes(report).count("GP313") == 2 and "GP325" not in codes(report)


def test_digits_starting_with_0_are_no_wrapped_number():
    cells = list(FIGURES)
    cells[10] = "0 0"
    report = govparse.parse(review_page(cells))
    assert report.review_litigation.litigation_after_review.upheld.value is None
    assert "GP325" not in codes(report)


def test_the_review_totals_wrapped_in_a_word_made_pdf_are_read_as_the_page_shows_them():
    # the official template saved as a PDF by LibreOffice: its review table's narrow
    # cells wrap each four-digit total (203 / 2), one grid cell each, its figures set to
    # the left of their cells: 203 fills the cell, 2 leaves room (frontends/pdf/
    # wrapped.py, GP328; the arithmetic, GP325, gives the same digits)
    report = govparse.parse_file(OFFICE / "template-2021-wrapped-review.libreoffice.pdf")
    review = report.review_litigation
    rows = [[getattr(getattr(review, row), column).value
             for column in ("upheld", "corrected", "other", "pending", "total")]
            for row in ("administrative_review", "litigation_direct",
                        "litigation_after_review")]
    assert rows == [[726, 168, 181, 957, 2032], [712, 601, 415, 386, 2114],
                    [410, 152, 353, 146, 1061]]
    wrapped = [d for d in report.diagnostics if d.code == "GP328"
               and d.table_id == "review_litigation"]
    assert [(d.row_id, d.column_id, d.message.split("'")[3]) for d in wrapped] == [
        ("administrative_review", "total", "203 / 2"), ("litigation_direct", "total", "211 / 4"),
        ("litigation_after_review", "total", "106 / 1")]
    assert all(d.location is not None and d.location.page for d in wrapped)
    assert review.administrative_review.total.recovered


def test_numbers_wrapped_in_the_applications_table_of_a_word_made_pdf():
    # the same PDF: 11103 and 50563 of 一、本年新收 wrap in their cells (1110 / 3),
    # which sit higher than the row's others, so that the text layer writes each line
    # apart (8166 / 1110 / 3 / 8593 8440 7608 6653 / 5056 / 3); the page's grid puts
    # the lines back in their row, each wrapped number one cell in its column's place
    # (frontends/pdf/grid_rows.py), read as the page shows it wrapped to fit (GP328). The
    # 总计 column's cells stand a little lower than the row's others (its header cell
    # is of another height): one band of the grid all the same. Every figure right.
    report = govparse.parse_file(OFFICE / "template-2021-wrapped-review.libreoffice.pdf")
    truth = office_expected("template-2021-wrapped-review")
    wrong, missing = compared(report, truth)
    assert wrong == {} and missing == {}
    row = report.applications.new_requests
    assert (row.natural_person.value, row.commercial_enterprise.value, row.total.value) \
        == (8166, 11103, 50563)
    assert row.commercial_enterprise.recovered and not row.natural_person.recovered
    wrapped = [(d.row_id, d.column_id, d.message.split("'")[3]) for d in report.diagnostics
               if d.code == "GP328" and d.table_id == "applications"]
    assert wrapped == [("new_requests", "commercial_enterprise", "1110 / 3"),
                       ("new_requests", "total", "5056 / 3"),
                       ("total_processed", "commercial_enterprise", "1097 / 0"),
                       ("total_processed", "total", "5157 / 1")]
    # what stands around each, as the page has it: the row's label (not the wrapped
    # number before it in the row, 1110 3, which is a figure's place), its header
    contexts = [d.context for d in report.diagnostics if d.code == "GP328"][:2]
    assert [(c.row, c.column, c.text) for c in contexts] == [
        ("一、本年新收政府信息公开申请数量", "法人或其他组织 / 商业企业", "1110 3"),
        ("一、本年新收政府信息公开申请数量", "总计", "5056 3")]
    assert not [d for d in report.diagnostics if d.code in ("GP313", "GP320")]


def test_review_figures_all_wrapped_whose_totals_break_are_not_placed():
    # the template filled with 3, 10, 17, … in its order: every review figure (1298 …
    # 1396) wraps in its cell; the page shows each wrapped to fit (129 / 8), but no
    # row's own total holds with them (3, 10, 17 … add up to nothing): none of the three
    # rows is placed (GP326), none read
    report = govparse.parse_file(OFFICE / "template-2021-filled.libreoffice.pdf")
    assert not {"GP325", "GP328"} & set(codes(report))
    figures = [figure for table, _, _, figure in report.table_figures()
               if table == "review_litigation"]
    assert len(figures) == 15 and all(f.value is None for f in figures)
    assert [d.row_id for d in report.diagnostics if d.code == "GP326"
            and d.table_id == "review_litigation"] == [
        "administrative_review", "litigation_direct", "litigation_after_review"]
