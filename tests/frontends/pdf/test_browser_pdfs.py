"""Real pages saved as PDFs by a browser (tests/data/real/browser, see its README):
every figure right; a cell's characters that the text layer parts with line ends read
as one line where they stand on one baseline; a row's label at the top of a page that
opens with its numbering never the rest of the row above; header cells whose first
line is indented read whole."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govparse
from govparse.diagnostics import Severity
from govparse.frontends.pdf.grid_cells import _stacked
from govparse.frontends.pdf.reader import _within_line

from conftest import HERE, load_expected

BROWSER = HERE / "data" / "real" / "browser"
PAGES = HERE / "data" / "real" / "html"


def wrong_figures(report, name: str) -> dict:
    expected = load_expected(PAGES / f"{name}.expected.tsv")[f"{name}.html"]
    wrong = {}
    for key, values in expected.items():
        if key[0] == "report":
            continue
        got = report.figure(*key).value
        if not any(v == "missing" and got is None or v != "missing" and got is not None
                   and Decimal(str(got)) == Decimal(v) for v in values):
            wrong[key] = (got, values)
    return wrong


@pytest.mark.parametrize("name", ["006", "009"])
def test_every_figure_of_a_page_a_browser_printed_is_right(name):
    report = govparse.parse_file(BROWSER / f"{name}.chromium.pdf")
    assert wrong_figures(report, name) == {}
    assert report.year.value == {"006": 2024, "009": 2022}[name]
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []


def test_a_row_at_a_page_s_top_is_not_the_rest_of_the_row_above():
    # （一）予以公开 at the foot of page 2, （二）部分公开… at the top of page 3, its
    # numbering written a character a line: （ / 二 / ）部分公开（区分处理的，. Read as the
    # rest of （一）'s label, （二）'s figures were joined to （一）'s (0 1, no number):
    # 14 figures missing
    report = govparse.parse_file(BROWSER / "009.chromium.pdf")
    assert [report.figure("applications", row, "natural_person").value
            for row in ("disclosed", "partially_disclosed")] == [0, 1]
    assert not [d for d in report.diagnostics if d.code == "GP307" and "continue" in d.message]


def test_header_cells_whose_first_line_is_indented_are_read_whole():
    # 商 / 业 / 企 / 业: each paragraph's first character two characters in, right of
    # the line below it; read apart, each was a label of no column (GP201, GP202)
    # (and 结 / 果纠正 … of the review table's header the same)
    report = govparse.parse_file(BROWSER / "009.chromium.pdf")
    assert not [d for d in report.diagnostics if d.code in ("GP202", "GP207")]
    # (the only labels of no row: the group cell 三、本年度办理结果 at the foot of page 2,
    # over two lines, its row gone to the next page)
    assert [d.context.text for d in report.diagnostics if d.code == "GP201"] == \
        ["三、本年度", "办理结果"]


class _Glyphs:
    """Glyph boxes by index, each character's baseline and font size (what
    reader._within_line asks of pdfium's text page)."""

    def __init__(self, boxes: dict, baselines: dict) -> None:
        self.boxes, self.baselines = boxes, baselines

    def box(self, index):
        return self.boxes[index], False

    def on_one_baseline(self, index, other):
        (y, size), (other_y, other_size) = self.baselines[index], self.baselines[other]
        return size == other_size and abs(y - other_y) <= 0.1 * size


def test_a_point_and_the_character_after_it_on_one_baseline_are_one_line():
    # 2. / 其: the point's glyph 1.3 points high, 其's 11; one baseline, one size
    raw = "2.\r\n其"
    boxes = {0: (207.7, 670.6, 212.2, 678.1), 1: (213.6, 670.4, 214.9, 671.7),
             4: (216.5, 668.8, 227.0, 679.9)}
    on_one = {1: (670.56, 16.0), 4: (670.56, 16.0)}
    assert _within_line(raw, 2, _Glyphs(boxes, on_one)) == ""
    # on two baselines (a line below), or another size: a line end
    assert _within_line(raw, 2, _Glyphs(boxes, {1: (670.56, 16.0), 4: (655.0, 16.0)})) is None
    assert _within_line(raw, 2, _Glyphs(boxes, {1: (670.56, 9.0), 4: (670.56, 16.0)})) is None
    # a blank or more apart (two cells' texts side by side): a line end, whatever
    # their baselines
    apart = {**boxes, 4: (221.0, 668.8, 231.5, 679.9)}
    assert _within_line(raw, 2, _Glyphs(apart, on_one)) is None


class _Piece:
    def __init__(self, box) -> None:
        self.box = box


def test_lines_of_a_cell_indented_two_characters_are_stacked():
    # 商 / 业: 商 two characters in, a line above 业, which starts at the cell's left
    shang, ye = _Piece((372.5, 210.6, 383.1, 221.6)), _Piece((350.0, 190.9, 360.6, 201.0))
    assert _stacked([shang, ye]) and _stacked([ye, shang][::-1])
    # two labels side by side on one line, or lines that overlap: not a cell's lines
    beside = _Piece((350.0, 211.0, 360.6, 222.0))
    assert not _stacked([shang, beside])
    # further apart than an indent: two columns' texts
    far = _Piece((330.0, 190.9, 340.6, 201.0))
    assert not _stacked([shang, far])
