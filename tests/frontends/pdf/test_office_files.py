"""Reports saved by an office suite (LibreOffice 7.4, tests/data/office/README.md):
PDFs and a Word file laid out by the suite itself, not by govparse's printers, as
real reports saved from Word or WPS are: no page numbers (a page's last line and the
next page's first, which pdfium does not part), tall header cells centred beside the
header's second row, a column whose figures sit higher in their cells than the
row's others, numbers wrapped in narrow cells. Every figure right or, where the
source cannot tell, missing with a diagnostic; never one wrong."""

from __future__ import annotations

import pytest

import govparse

from helpers import OFFICE, compared
from helpers import office_expected as expected


@pytest.mark.parametrize("name", ["report-page.libreoffice.pdf",
                                  "report-page.libreoffice.docx"])
def test_a_page_saved_by_an_office_suite_reads_figure_for_figure(name):
    # the printer's web page (report-page.html) opened in LibreOffice Writer and saved
    report = govparse.parse_file(OFFICE / name)
    assert compared(report, expected("report-page")) == ({}, {})
    assert (report.organization.value, report.year.value) == ("文峰乡人民政府", 2025)
    codes = {d.code for d in report.diagnostics}
    # every section found: 三、收到和处理… opens page 2 of the PDF, right after the
    # last row of section 二's table on page 1, with no line end between in the text
    # layer; and 总计, a tall header cell, comes before 商业企业 in the text layer
    # (beside the header's second row) but stands right of it: no order contradicted
    assert codes.isdisjoint({"GP103", "GP108", "GP201", "GP209", "GP321"})


def test_a_word_template_saved_as_pdf_reads_every_figure_it_can_tell():
    # the official template (tests/data/real/docx) filled with distinct figures and
    # saved as a PDF by LibreOffice
    report = govparse.parse_file(OFFICE / "template-2021-filled.libreoffice.pdf")
    truth = expected("template-2021-filled")
    wrong, missing = compared(report, truth)
    assert wrong == {}
    # the figures (3, 10, 17 … in the template's order) hold no total. The review
    # table's four-digit figures wrap in its narrow cells (1298 as 129 / 8), each to
    # fit its cell: none of its rows is placed (GP326); nor are the rows of 三 with a
    # figure of four digits, which fills its cell's width (1144): a row of a fixed
    # height may show a longer number's first line only, and their totals break
    refused = ["not_processed_confirmation", "other_no_correction", "other_no_fee_paid",
               "other_other", "total_processed", "carried_forward", "administrative_review",
               "litigation_direct", "litigation_after_review"]
    assert [d.row_id for d in report.diagnostics if d.code == "GP326"] == refused
    assert set(missing) == {key for key in truth if key[1] in refused}
    # 总计's figures sit higher in their cells than their rows' others beside labels
    # over two or three lines: the text layer puts them on lines of their own, which
    # the grid's lines put back in their rows
    moved = [d for d in report.diagnostics if d.code == "GP306" and "table's grid" in d.message]
    assert moved[0].message.startswith("3 lines of figures") and "'262'" in moved[0].message
    # the review table's wrapped figures (129 / 8) are lines of their own too: each
    # row's lines are one row of the grid, each wrapped number one cell (not a row's
    # figures continued on the next lines, GP306 a line)
    assert len(moved) == 2 and moved[1].message.startswith("29 lines of figures")
    assert report.figure("applications", "partially_disclosed", "total").value == 262
    assert not [d for d in report.diagnostics if d.code == "GP320"]


def test_a_page_break_inside_a_line_of_text_ends_it():
    # pypdfium2's text of the page above, its pages joined by form feeds as a script
    # that extracts them does: the table's last row and the next page's heading one line
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(OFFICE / "report-page.libreoffice.pdf"))
    try:
        text = "\f".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    assert "100.0206\f三、收到和处理政府信息公开申请情况" in text.replace("\r\n", "\n")
    report = govparse.parse(text)
    assert report.section(3) is not None
    assert report.figure("active_disclosure", "administrative_fees", "amount").value \
        is not None
    wrong, _ = compared(report, expected("report-page"))
    assert wrong == {}


def test_a_row_broken_across_pages_joins_a_number_cut_in_two():
    # the template filled with figures of up to seven digits (a generated report whose
    # figures all differ), which wrap in their cells: the row 1.信访举报投诉类申请 is
    # broken across pages 2 and 3, 4194304 written 4194 at the foot of page 2 and 304 at
    # the top of page 3, where no label stands. Read apart, 4194 would be the row's
    # figure: joined, it is one cell, its lines wrapped to fit it (4194 fills the cell,
    # 304 leaves room for a digit): 4194304 (GP328); no figure wrong
    report = govparse.parse_file(OFFICE / "template-2021-large.libreoffice.pdf")
    truth = expected("template-2021-large")
    wrong, missing = compared(report, truth)
    assert wrong == {}
    assert truth["applications", "not_processed_complaint", "natural_person"] == "4194304"
    figure = report.figure("applications", "not_processed_complaint", "natural_person")
    assert (figure.value, figure.recovered) == (4194304, True)
    (cut,) = [d for d in report.diagnostics if d.code == "GP307" and "page 3" in d.message]
    # (and the label cell of its group, （五）不予 / 处理)
    assert cut.message.startswith("5 cells at the foot of page 2 continue at the top of "
                                  "page 3") and "'（五）不予处理'" in cut.message
    assert any(d.code == "GP328" and "'4194 / 304'" in d.message
               and d.location.page == 2 for d in report.diagnostics)
    # every number wrapped to fit its cell is read where its row's own totals hold
    # with it (GP328); those whose last line fills the cell too (1000 / 0000: the
    # number may go on, unshown) are each a cell in its column's place, missing
    # (GP313), or read where the arithmetic confirms them (GP325): 192 of 200, every
    # one right (92 before the page's wraps were read)
    assert sum(report.figure(*key).value is not None for key in truth) == 192
    assert report.figure("applications", "unavailable_needs_creation", "total").value == 16232
    assert any(d.code == "GP328" and "'1623 / 2'" in d.message for d in report.diagnostics)
    # (27292783: its last line fills the cell, but the arithmetic gives those digits)
    assert report.figure("applications", "new_requests", "commercial_enterprise").value \
        == 27292783
    assert any(d.code == "GP325" and "'2729 2783'" in d.message for d in report.diagnostics)
    assert {d.context.text for d in report.diagnostics if d.code == "GP313"} >= {"1000 0000"}


def test_a_heading_pdfium_writes_in_two_pieces_is_one_line():
    # another page saved so (mostly zeros): pdfium's text layer writes a line end in the
    # middle of 四、政府信息公开行政复议、行政诉讼情况 (the PDF draws it in two pieces, one
    # just right of the other on its baseline), and the figures of most rows one a
    # line, their baselines a little apart
    import pypdfium2 as pdfium

    path = OFFICE / "report-page-2.libreoffice.pdf"
    document = pdfium.PdfDocument(str(path))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    assert "四、政府信息公开行政复\r\n议、行政诉讼情况" in text
    report = govparse.parse_file(path)
    assert compared(report, expected("report-page-2")) == ({}, {})
    assert (report.organization.value, report.year.value) == ("金水县人民政府", 2022)
    assert report.section(4) is not None
    assert {d.code for d in report.diagnostics}.isdisjoint({"GP103", "GP108", "GP201",
                                                          "GP320"})
    (rows,) = [d for d in report.diagnostics if d.code == "GP306"
               and "table's grid" in d.message]
    assert "lines of figures that the PDF's text puts apart" in rows.message
