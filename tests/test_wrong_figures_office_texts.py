"""`pdftotext -layout` of the office-saved PDFs of the hunt (tests/data/office_layouts:
the 2021 template filled and laid out as Word users do, saved by LibreOffice 7.4), read
as text: what a user has who turned the PDF into text first. The text keeps no cell:
a number wider than its cell shows as a first line of digits (806 425 144 for 806 42529
1447), its rest on a line of its own or nowhere, and a row of a fixed height too low
for its figures puts them on the next row's line. Every figure right or missing (127
were wrong over 11 of these texts before the rules of GP326 and GP330 for a text)."""

from __future__ import annotations

import csv

import pytest

import govparse

from conftest import HERE

HUNT = HERE / "data" / "office_layouts"

# right figures of each text (out of 200), as read now: a rule that loses many more
# is a change to look at (many of these PDFs' rows are cut or wrapped out of reach)
RIGHT = {
    "digits-of-cells-run-together": 10,
    "distributed-label-numbering": 1,
    "empty-page-before-tables": 4,
    "exact-row-height-clipped": 2,
    "exact-row-height-figures-below-their-row": 10,
    "exact-row-height-figures-over-the-line": 9,
    "exact-row-height-first-lines-of-one-width": 52,
    "exact-row-height-first-lines": 38,
    "exact-row-height-overflow": 3,
    "label-and-figures-continued-on-next-page": 6,
    "row-broken-beside-a-group-label": 4,
    "row-broken-digits-a-line": 4,
    "row-broken-label-and-wrapped-figure": 10,
    "row-broken-rest-after-a-repeated-header": 10,
    "row-broken-rest-beside-label-rest-under-header": 2,
    "row-broken-rest-in-a-header-label": 10,
    "row-broken-rest-in-header-cells": 7,
    "row-broken-under-a-repeated-header": 10,
    "separator-wrapped-across-pages": 10,
    "separator-wrapped-in-cell": 102,
    "space-separator-in-spread-cells": 1,
    "space-separator-table-wider-than-page": 75,
    "spaced-labels-template": 1,
}


def _expected(name: str) -> dict:
    with open(HUNT / f"{name}.expected.tsv", encoding="utf-8") as handle:
        return {(r["table"], r["row"], r["column"]): None if r["value"] == "missing"
                else r["value"] for r in csv.DictReader(handle, delimiter="\t")}


def _read(name: str):
    """The report of a text, its wrong figures ((got, right) by key) and how many right."""
    report = govparse.parse((HUNT / f"{name}.pdftotext.txt").read_text("utf-8"))
    wrong, right = {}, 0
    for key, value in _expected(name).items():
        got = report.figure(*key).value
        if got is None:
            continue
        if str(got) == value:
            right += 1
        else:
            wrong[key] = (got, value)
    return report, wrong, right


def test_every_office_pdf_has_its_text():
    assert sorted(p.name.removesuffix(".pdftotext.txt") for p in HUNT.glob("*.pdftotext.txt")
                  if (HUNT / p.name.replace(".pdftotext.txt", ".expected.tsv")).exists()) \
        == sorted(RIGHT)


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_no_figure_of_the_text_is_wrong(name):
    _, wrong, right = _read(name)
    assert wrong == {}
    assert right >= RIGHT[name]


def test_a_row_of_first_lines_whose_total_breaks_is_not_placed():
    # 5.属于三类内部事务信息 of a row of a fixed height: 806 42529 1447 10140 2991 357747
    # 415660 shows as 806 425 144 101 299 357 415, each number's first line in its
    # cell, the rests drawn over the line (pdftotext writes them elsewhere). Its total
    # breaks (806 + 425 + … ≠ 415); in a document whose rows stand missing for numbers
    # one above the other (GP320), a row whose own total breaks is not placed (GP326)
    report, _, _ = _read("exact-row-height-figures-over-the-line")
    assert [f.value for _, row, _, f in report.table_figures()
            if row == "withheld_internal_affairs"] == [None] * 7
    (said,) = [d for d in report.diagnostics
               if d.code == "GP326" and d.row_id == "withheld_internal_affairs"]
    assert said.message == (
        "row '5.属于三类内部事务信息': its own total does not hold, in a document whose "
        "numbers wrap in their cells (GP320): a figure may be the first line of a longer "
        "number, the rest cut off or written apart, which the text does not tell; none of "
        "the row's figures is placed")
    assert said.line == 129


def test_a_total_broken_whatever_a_missing_figure_is():
    # 1.本机关不掌握相关 2 — 4 3 3 6 2 (294 — 494 389 359 608 2144 a digit a line):
    # — is a missing figure, and 2 + 4 + 3 + 3 + 6 > 2 whatever it is: not placed
    report, _, _ = _read("row-broken-rest-in-header-cells")
    assert [f.value for _, row, _, f in report.table_figures()
            if row == "unavailable_not_held"] == [None] * 7
    assert any(d.code == "GP326" and d.row_id == "unavailable_not_held"
               for d in report.diagnostics)


def test_figures_a_row_below_their_labels_are_not_placed():
    # rows of a fixed height too low for their figures, drawn lower: pdftotext writes
    # 规章's 607 99999 1080 on 行政规范性文件's line, and 行政规范性文件's own on the line
    # of the next header, 第二十条第（五）项. 规章 has none: 607 99999 1080 were read as
    # 行政规范性文件's (GP330)
    report, _, _ = _read("exact-row-height-figures-below-their-row")
    for row in ("rules", "normative_documents"):
        for column in ("issued", "repealed", "in_force"):
            assert report.figure("active_disclosure", row, column).value is None
    (said,) = [d for d in report.diagnostics if d.code == "GP330"]
    assert said.message == (
        "figures follow '第二十条第（五）项', a header, right under row '行政规范性文件', "
        "after a row's label with no figures: each row's figures may stand a row below its "
        "label, which the text does not tell; none of those rows' figures is placed")
    assert (said.line, said.table_id) == (16, "active_disclosure")


def test_a_row_under_a_bare_label_is_read_where_no_figures_follow_a_header():
    # 规章 with no figures, then 行政规范性文件 with its own, then the next header alone
    # on its line: nothing tells of a shift, the row is read (the next figures, 行政许可's
    # 64 on the line of the header after it, follow labels of their own: no shift said)
    text = (HUNT / "exact-row-height-figures-below-their-row.pdftotext.txt").read_text("utf-8")
    text = text.replace("第二十条第（五）项        1268         6439          566",
                        "第二十条第（五）项")
    report = govparse.parse(text)
    assert [report.figure("active_disclosure", "normative_documents", c).value
            for c in ("issued", "repealed", "in_force")] == [607, 99999, 1080]
    assert not any(d.code == "GP330" for d in report.diagnostics)


def test_the_pdf_itself_is_read_by_its_cells_not_by_these_rules():
    # the PDF's reader measures each figure against its cell (Document.cells_measured):
    # 8.属于行政查询事项's numbers wrapped to fit their cells are read (GP328), where
    # its text, with figures on the next header's line, leaves them missing
    pdf = govparse.parse_file(HUNT / "exact-row-height-figures-over-the-line.libreoffice.pdf")
    assert pdf.figure("applications", "withheld_administrative_inquiry", "total").value == 16712
    assert not any(d.code == "GP330" for d in pdf.diagnostics)
