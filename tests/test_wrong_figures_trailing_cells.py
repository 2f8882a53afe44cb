"""A row of a grid (a page's, a Word file's: nothing says where its figures stand) with
an empty place before its figures (the label not merged over both label columns) and,
in its total's cell, text that is no number (零, 暂无, 231*, 23 / 1 over two
paragraphs): the text was no label (GP201) and left out, the row kept the empty
place and six figures, one a column, and every figure was read a column out, 11 for
商业企业 where it is 自然人's, nothing said. Found by a helper's hunt of 2,326 Word
files (tests/data/word_layouts/README.md). Such text after the row's figures, in
their row, is a place of the row (core/row_labels.py, _trails_as_words): which cells
are its figures cannot be told, and none is placed (GP303, GP313)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govparse

from helpers import codes, example_text

WORD = Path(__file__).parent / "data" / "word_layouts"
COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
           "social_welfare_org", "legal_service_org", "other_org", "total")


def row_of(report, row: str = "disclosed") -> list:
    return [report.figure("applications", row, c).value for c in COLUMNS]


@pytest.mark.parametrize("name", ["unmerged-label-zero-total.docx",
                                  "unmerged-label-marked-total.docx",
                                  "unmerged-label-total-over-two-paragraphs.docx"])
def test_a_word_row_with_an_empty_place_and_no_number_for_its_total(name):
    report = govparse.parse_file(WORD / name)
    assert row_of(report) == [None] * 7  # (it was None, 11, 22, 33, 44, 55, 66)
    assert row_of(report, "partially_disclosed") == [101, 102, 103, 104, 105, 106, 107]
    assert {"GP303", "GP313"} & set(codes(report))


def _page(total: str, unmerged: bool) -> str:
    page = govparse.dumps(govparse.parse(example_text("tab")), "html")
    label = '<td colspan="2">（一）予以公开</td>'
    row = label + "<td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td>"
    assert row in page
    written = ("<td>（一）予以公开</td><td></td>" if unmerged else label) + \
        "<td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td>" + f"<td>{total}</td>"
    return page.replace(row, written)


@pytest.mark.parametrize("total", ["零", "暂无", "6注", "231*", "23<br>1", "约6"])
def test_a_page_row_with_an_empty_place_and_no_number_for_its_total(total):
    report = govparse.parse(_page(total, unmerged=True))
    assert row_of(report) == [None] * 7  # (read a column out: None, 5, 1, 0, 0, 0, 0)
    assert row_of(report, "partially_disclosed") == [1, 0, 0, 0, 0, 0, 1]


@pytest.mark.parametrize("total, read", [
    # (no empty place: six figures for seven columns, which the gap rule places by the
    # template's arithmetic, GP315; digits that are no number stand in a figure's place)
    ("零", [5, 1, 0, 0, 0, 0, None]), ("暂无", [5, 1, 0, 0, 0, 0, None]),
    ("231*", [None] * 7)])
def test_with_the_label_merged_no_figure_is_read_a_column_out(total, read):
    assert row_of(govparse.parse(_page(total, unmerged=False))) == read


def test_with_a_number_for_its_total_the_row_with_an_empty_place_reads_right():
    # (the empty place after an unmerged label is the label's; the next row's label,
    # on the next source row, is that row's)
    report = govparse.parse(_page("6", unmerged=True))
    assert row_of(report, "partially_disclosed") == [1, 0, 0, 0, 0, 0, 1]
    assert row_of(report) == [5, 1, 0, 0, 0, 0, 6]


def test_a_blank_figure_and_a_remark_after_the_row_cannot_be_told_from_a_shift():
    # (an empty place among the figures and text after them: a figure left blank and a
    # remark, or an empty column put in and the total written as no number, every
    # figure after it a column out; a Word hunt's files had the second): none placed
    page = govparse.dumps(govparse.parse(example_text("tab")), "html")
    row = ('<td colspan="2">（一）予以公开</td><td>5</td><td>1</td><td>0</td><td>0</td>'
           "<td>0</td><td>0</td><td>6</td>")
    written = ('<td colspan="2">（一）予以公开</td><td>5</td><td>1</td><td></td><td>0</td>'
               "<td>0</td><td>0</td><td>6</td><td>已全部办结</td>")
    report = govparse.parse(page.replace(row, written))
    assert row_of(report) == [None] * 7
    assert "GP303" in codes(report)
