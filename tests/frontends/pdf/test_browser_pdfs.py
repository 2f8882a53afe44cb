"""Real pages saved as PDFs by a browser (tests/data/real/browser, see its README):
every figure right; a cell's characters that the text layer parts with line ends read
as one line where they stand on one baseline; a row's label at the top of a page that
opens with its numbering never the rest of the row above; header cells whose first
line is indented read whole; the pages' running heads and feet dropped (GP014)."""

from __future__ import annotations

import pytest

import govparse
from govparse.diagnostics import Severity
from govparse.frontends.pdf.grid_cells import _stacked
from govparse.frontends.pdf.reader import _within_line

from conftest import EXAMPLES, HERE, load_expected
from helpers import acceptable

BROWSER = HERE / "data" / "real" / "browser"
PAGES = HERE / "data" / "real" / "html"


def wrong_figures(report, name: str) -> dict:
    expected = load_expected(PAGES / f"{name}.expected.tsv")[f"{name}.html"]
    return {key: (report.figure(*key).value, values) for key, values in expected.items()
            if key[0] != "report" and not acceptable(report.figure(*key).value, values)}


@pytest.mark.parametrize("name", ["006.chromium", "009.chromium", "009.chromium-head-foot"])
def test_every_figure_of_a_page_a_browser_printed_is_right(name):
    report = govparse.parse_file(BROWSER / f"{name}.pdf")
    page = name[:3]
    assert wrong_figures(report, page) == {}
    assert report.year.value == {"006": 2024, "009": 2022}[page]
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []
    # the browser's running head and foot, where it printed them, dropped: the date,
    # the address and page count, on page 3 in pieces among the table's rows
    running = [d for d in report.diagnostics if d.code == "GP014"]
    if name.endswith("head-foot"):
        (note,) = running
        assert "'file:///work/shared/real/html/009.html 1/5'" in note.message
        # (said where the first of them stood: its text is blank now)
        assert note.location.page == 1 and note.location.box[1] > 760
        assert "ml" not in {d.context.text for d in report.diagnostics if d.context}
    else:
        assert running == []


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
    # (and 结 / 果纠正 … of the review table's header the same; and the group cell
    # 三、本年度 / 办理结果 at the foot of page 2, the page's columns' lines open below
    # it, its row gone to the next page: rules.py closes the cells a page break cuts)
    report = govparse.parse_file(BROWSER / "009.chromium.pdf")
    assert not [d for d in report.diagnostics if d.code in ("GP201", "GP202", "GP207")]


class _Glyphs:
    """Glyph boxes by index, each character's baseline and font size (what
    reader._within_line asks of pdfium's text page)."""

    def __init__(self, boxes: dict, baselines: dict, chars: dict | None = None) -> None:
        self.boxes, self.baselines, self.chars = boxes, baselines, chars or {}

    def box(self, index):
        return self.boxes[index], False

    def loose_gap(self, index, following):
        # (the places the font gives them: here as wide as their glyphs, but for 、,
        # whose glyph takes the left of its place)
        gap = self.boxes[following][0] - self.boxes[index][2]
        return gap - 7.5 if self.chars.get(index) == "、" else gap

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


def test_a_full_width_comma_and_the_character_after_it_are_one_line():
    # 补正、 / 行政: the glyph of 、 takes the left of its place, 7.8 points from 行's;
    # their places (pdfium's loose boxes) meet, on one baseline
    raw = "正、\r\n行"
    boxes = {0: (224.2, 233.9, 234.5, 243.0), 1: (236.2, 233.2, 238.4, 235.4),
             4: (246.2, 233.1, 256.7, 243.4)}
    baselines = {1: (234.5, 16.0), 4: (234.5, 16.0)}
    assert _within_line(raw, 2, _Glyphs(boxes, baselines, {1: "、"})) == ""
    # a character whose place ends where its glyph does, as far: two cells' texts
    assert _within_line(raw, 2, _Glyphs(boxes, baselines)) is None


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


def test_running_heads_and_feet_are_dropped():
    # a browser's print keeps its head and foot on every page (the date and the
    # title above, the address and 2/6 below); pdfium's text puts them among the
    # page's lines, inside a table's rows too: read, their digits would stand where
    # figures do and their words where labels do
    from pdf_pages import report_pdf

    report = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    read = govparse.parse(report_pdf(report, running=True, page_break_before={"applications": 18}))
    assert [(t, r, c) for t, r, c, f in report.table_figures()
            if read.figure(t, r, c).value != f.value] == []
    (note,) = [d for d in read.diagnostics if d.code == "GP014"]
    assert "'2025/1/20 09:41 示例区人民政府" in note.message
    assert "'https://www.example.gov.cn/art/" in note.message
    assert not [d for d in read.diagnostics if d.severity is not Severity.NOTE
                and d.code not in ("GP101", "GP102")]
    # printed without them, nothing is dropped
    plain = govparse.parse(report_pdf(report, page_break_before={"applications": 18}))
    assert [d for d in plain.diagnostics if d.code == "GP014"] == []


def test_the_text_layer_of_a_page_a_browser_printed_reads_whole():
    # 006.chromium.pdf's text as pypdfium2 gives it (what a copy out of a PDF viewer
    # gives): 2.申请人逾期未按收费通知要求缴纳费 / 用、 / 行政机关不再处理其政府信息公开申
    # / 请 and its figures on the line after, a label wrapped over four lines of its
    # narrow cell. It was read as four labels of no row, the row's figures missing.
    report = govparse.parse_file(BROWSER / "006.chromium.pdfium.txt")
    assert wrong_figures(report, "006") == {}
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []
    assert any(d.code == "GP307" and d.message.startswith(
        "row label '2.申请人逾期未按收费通知要求缴纳费' continues on the next lines as '用、' / "
        "'行政机关不再处理其政府信息公开申' / '请'") for d in report.diagnostics)
    assert (report.organization.value, report.year.value) == ("平潭综合实验区", 2024)


@pytest.mark.parametrize("page", ["006", "009"])
def test_pdftotext_of_a_page_a_browser_printed_reads_whole(page):
    # `pdftotext -layout` of the print: a long row label of the narrow label cell over
    # four lines, the row's figures on a line of their own in the cell's middle, and
    # the group label's pieces (（六） / 其他处理, （三）) written down its own cell
    # between them or beside the figures. The label's parts were read as labels of no
    # row, the figures missing.
    report = govparse.parse_file(BROWSER / f"{page}.chromium.layout.txt")
    assert wrong_figures(report, page) == {}
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []
    around = [d.message for d in report.diagnostics
              if d.code == "GP307" and "around its figures" in d.message]
    assert any(message.endswith("read as '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理"
                                "其政府信息公开申请'") for message in around)


@pytest.mark.parametrize("name", ["013.chromium", "013.chromium-a4"])
def test_pdftotext_of_a_label_with_a_group_pieces_lines_between_reads_whole(name):
    # （二）部分公开（区分处理 / 的，只计这一情形，不计其 + figures / 他情形）, the group
    # label 三、本年度办理结果 written down its own cell two characters a line: on
    # Letter, its piece 理结 on a line of its own between the label's second and third
    # lines; on A4, beside them. The row's figures were missing (GP204).
    report = govparse.parse_file(BROWSER / f"{name}.layout.txt")
    assert wrong_figures(report, "013") == {}
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []
    assert report.figure("applications", "partially_disclosed", "natural_person").value == 1



def test_the_text_layer_of_a_print_whose_cells_come_a_character_a_line():
    # 009.chromium.pdf's text as pypdfium2 gives it: most row labels a character a line
    # (4. / 保 / 护 / … / 益), each of the row's seven figures on a line of its own. The
    # labels are read joined, their numbering too (4. was a stray number, GP313). The
    # figures a line each are not trusted to be the row's (a text in the order its
    # cells were drawn may put another row's there: tests/core/test_stacked.py), so
    # those rows stay missing: no value is wrong.
    report = govparse.parse_file(BROWSER / "009.chromium.pdfium.txt")
    not_right = wrong_figures(report, "009")
    assert {key: value for key, (value, _) in not_right.items() if value is not None} == {}
    assert len(not_right) == 126  # of 200 (74 right)
    joined = [d.message for d in report.diagnostics if d.code == "GP307"]
    assert any(m.startswith("row label '4.' continues on the next lines as '保' / '护'")
               and m.endswith("read as '4.保护第三方合法权益'") for m in joined)
    assert not any(d.code == "GP313" and d.message.startswith("'4.'")
                   for d in report.diagnostics if d.line is not None and d.line < 160)
    assert report.year.value == 2022
