"""PDF tables read by where their cells stand (govparse/frontends/pdf/cells.py and
rules.py), on PDFs printed here with reportlab (tests/frontends/pdf/pdf_pages.py):
each cell's extent in points from its characters' boxes, the page's ruling lines as
the table's grid. A row with EMPTY cells (nothing of them in the text layer) is
placed under the header cells its figures stand under (GP316); header cells wrapped
over several lines (商业 / 企业) and a label one character a line are one cell each;
a table runs onto the next page past its page number.

The property: a report whose figures all differ, some of them missing (empty cells),
printed as a PDF in various sizes and column widths, ruled or not (the grid drawn in
a form XObject or not, no lines between rows), figures wrapped in narrow cells or not,
set to the right of their cells or centred,
pages shown turned or not, its tables broken across pages:
every figure read is the one printed at its table, row and column, or missing with a
warning or error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govparse
from govparse.diagnostics import Severity
from govparse.document import Table
from govparse.model.report import Figure
from govparse.testing import damage

from conftest import EXAMPLES
from helpers import assert_in_place_or_said
from pdf_pages import report_pdf  # (reportlab: a test dependency)

REPORT = EXAMPLES / "report-2024-tab.txt"
# (table, row, column) of figures printed as empty cells
BLANKS = [("applications", "new_requests", "natural_person"),
          ("applications", "new_requests", "research_institution"),
          ("active_disclosure", "normative_documents", "repealed"),
          ("review_litigation", "administrative_review", "corrected"),
          ("review_litigation", "litigation_direct", "total"),
          # after the table's break onto page 2
          ("applications", "not_processed_publication", "total"),
          ("applications", "not_processed_publication", "commercial_enterprise")]


def with_blanks(report, keys):
    for key in keys:
        report = report.replace_figure(*key, Figure())
    return report


def check(data: bytes, printed) -> govparse.Report:
    read = govparse.parse(data, path="printed.pdf")
    assert_in_place_or_said(read, printed)
    return read


@pytest.fixture(scope="module")
def printed():
    return with_blanks(govparse.parse_file(REPORT), BLANKS)


@pytest.fixture(scope="module")
def pdf(printed):
    return report_pdf(printed, page_break_before={"applications": 18})


def test_a_row_with_empty_cells_is_placed_by_the_header_above_it(pdf, printed):
    read = govparse.parse(pdf, path="printed.pdf")
    for table, row, column, figure in printed.table_figures():
        assert read.figure(table, row, column).value == figure.value, (table, row, column)
    placed = [d.message for d in read.diagnostics if d.code == "GP316"]
    assert placed == [
        "row '行政规范性文件': no figure stands under 本年废止件数; it is taken as missing",
        "row '一、本年新收政府信息公开申请数量': no figure stands under 自然人, 科研机构; "
        "they are taken as missing",
        "row '3.要求提供公开出版物': no figure stands under 商业企业, 总计; they are taken as "
        "missing",
        "the review table: no figure stands under 结果纠正, 总计; they are taken as missing"]


def test_every_figure_of_the_printed_report_is_read_in_its_place(pdf, printed):
    read = check(pdf, printed)
    assert sum(f.value is not None for *_, f in read.table_figures()) == \
        sum(f.value is not None for *_, f in printed.table_figures())
    assert not [d for d in read.diagnostics if d.severity is not Severity.NOTE
                and d.code not in ("GP316",)]


def _document(data: bytes):
    from govparse.frontends.pdf.cells import pdf_document
    from govparse.frontends.pdf.reader import opened_pdf

    with opened_pdf(data, "printed.pdf") as (text, places):
        return pdf_document(text, places, "printed.pdf")


def _cells(document):
    return [cell for block in document.blocks if type(block) is Table
            for row in block.rows for cell in row]


def test_header_cells_wrapped_over_lines_are_one_cell_with_their_extent(pdf):
    document = _document(pdf)
    cells = {cell.text: cell for cell in _cells(document)}
    # 商业 / 企业, 社会 / 公益 / 组织: one cell each, as wide as their pieces
    for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "结果维持", "尚未审结"):
        assert label in cells, label
    left, right = cells["商业企业"].x
    assert 0 < right - left < 30  # two characters of 9 points, in points
    extents = sorted(cells[label].x for label in
                     ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构"))
    assert all(a[1] < b[0] for a, b in zip(extents, extents[1:]))  # side by side
    assert "商业" not in cells and "企业" not in cells
    (note, *_) = [d for d in document.notes if d.code == "GP307"]
    assert note.severity is Severity.NOTE and "本年 / 制发 / 件数 as '本年制发件数'" in note.message


def test_a_label_one_character_a_line_is_one_cell(pdf):
    document = _document(pdf)
    texts = [cell.text for cell in _cells(document)]
    assert "三、本年度办理结果" in texts
    read = govparse.parse(pdf, path="printed.pdf")
    assert not [d for d in read.diagnostics if d.code in ("GP201", "GP202")]


def test_a_table_runs_onto_the_next_page_past_its_page_number(pdf, printed):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    first, second = (document[i].get_textpage().get_text_range() for i in (0, 1))
    assert first.endswith("3.补正后申请内容仍不明确 0 0 0 0 0 0 0\r\n- 1 -")
    assert "3.要求提供公开出版物" in second
    read = govparse.parse(pdf, path="printed.pdf")
    (pages,) = [d for d in read.diagnostics if d.code == "GP009"]
    assert pages.message.startswith("2 page numbers between the pages dropped")
    # a row with empty cells on the second page, under the first page's header
    fig = read.applications.not_processed_publication
    assert (fig.natural_person.value, fig.commercial_enterprise.value, fig.total.value) == \
        (printed.applications.not_processed_publication.natural_person.value, None, None)
    assert fig.natural_person.location.page == 2


def test_without_a_grid_cells_keep_their_extents_and_nothing_is_joined(printed):
    data = report_pdf(printed, ruled=False)
    document = _document(data)
    texts = [cell.text for cell in _cells(document)]
    assert "商业" in texts and "商业企业" not in texts
    assert all(cell.x is None or cell.x[1] - cell.x[0] < 300 for cell in _cells(document))
    check(data, printed)


def test_figures_set_to_one_side_of_their_cells_stand_under_their_headers(printed):
    """Figures set to the right of wide cells, headers centred: their text stands
    under no header's text, but each stands alone in its cell of the grid, whose
    extent is under its header's: the rows with empty cells are placed all the same."""
    data = report_pdf(printed, figures_right=True, figure=10)
    read = check(data, printed)
    for table, row, column, figure in printed.table_figures():
        assert read.figure(table, row, column).value == figure.value, (table, row, column)
    assert len([d for d in read.diagnostics if d.code == "GP316"]) == 4


def test_a_grid_with_no_lines_between_rows_joins_no_rows(printed):
    """Lines between the columns and a frame, none between the rows: a column is no
    cell, neither its labels nor its figures are joined (the rows beside them are not
    ruled); what the header's wrapped cells leave unread is missing, said aloud."""
    data = report_pdf(printed, columns_only=True)
    cells = _cells(_document(data))
    texts = [cell.text for cell in cells]
    assert "规章" in texts and "行政规范性文件" in texts and "商业" in texts
    assert all(cell.kind != "label" or not cell.text.startswith("第二十条第（一）项第")
               for cell in cells)
    check(data, printed)


def test_a_figure_wrapped_in_its_cell_is_never_two_figures(printed):
    """A number wider than its column, wrapped inside its cell (1234 / 56) in a row
    with an empty cell: one cell in its column's place that reads as no number
    (GP313), never two figures of the row; the row's other figures each stand under
    their column's header, the empty cells' columns missing."""
    wide = printed.replace_figure("applications", "new_requests", "commercial_enterprise",
                                  Figure(value=123456))
    read = check(report_pdf(wide, wrap_figures=True), wide)
    (unread,) = [d for d in read.diagnostics if d.code == "GP313"]
    assert unread.message.startswith("row '一、本年新收政府信息公开申请数量': the cell for 商业企业 "
                                     "holds '1234 56', digits parted by a blank")
    assert [f.value for f in attrs_values(wide.applications.new_requests)] \
        == [None, 123456, None, 1, 0, 0, 13]
    assert [f.value for f in attrs_values(read.applications.new_requests)] \
        == [None, None, None, 1, 0, 0, 13]
    # the diagnostic says where on the page, and the header that stands over the cell
    # (the text layer's lines are no grid of columns: the labels over its middle)
    assert unread.location.page == 1
    assert unread.context.column.endswith("法人或其他组织 / 商业企业")
    assert unread.context.text == "1234 56"


def test_a_pdf_diagnostic_about_a_figure_names_the_header_over_it(pdf):
    read = govparse.parse(pdf, path="printed.pdf")
    contexts = {d.context.text: d.context for d in read.diagnostics
                if d.code == "GP316" and d.context is not None}
    assert contexts["5"].row == "行政规范性文件" and contexts["5"].column == "本年制发件数"
    assert contexts["2"].row == "一、本年新收政府信息公开申请数量"
    assert contexts["2"].column == "法人或其他组织 / 商业企业"
    assert contexts["0"].column == "申请人情况 / 自然人"
    assert contexts["1"].column == "行政复议 / 结果维持"
    # a word has no header (over a row label stand the labels of the rows above)
    joined = [d.context for d in read.diagnostics if d.code == "GP307" and d.context]
    assert joined and all(c.column is None for c in joined)


@pytest.mark.parametrize("ruling", ["none", "columns only"])
def test_a_figure_wrapped_in_a_table_without_row_lines_is_missing_never_two(printed, ruling):
    """No line between the rows: the number's two parts (1234 / 56) stand one above
    the other in its column, and the rows they touch are missing (GP320); before,
    the second part was read as the row's next figure, every figure after it one
    column out."""
    wide = printed.replace_figure("applications", "withheld_security_stability",
                                  "natural_person", Figure(value=55555))
    wide = wide.replace_figure("applications", "withheld_security_stability",
                               "legal_service_org", Figure())
    read = check(report_pdf(wide, ruled=ruling != "none", columns_only=ruling != "none",
                            wrap_figures=True, figure=3), wide)
    said = [d for d in read.diagnostics if d.code == "GP320"]
    assert said and said[0].message.startswith("row '3.危及“三安全一稳定”': '555' (line ")
    assert all(f.value is None for f in attrs_values(read.applications.withheld_security_stability))


def test_a_number_wrapped_in_its_cell_in_a_row_short_of_its_total_is_no_wrapped_row(printed):
    """11 wrapped in its cell (1 / 1), the row's total empty: read in order the lower 1
    would be the total, and 1 + 0 + … = 1 holds; but on the page it stands under its
    column, not at the row's start where a line wrapped as a whole goes on (the text
    layer writes it at the line's start: its columns are no places)."""
    row = ("applications", "withheld_third_party_rights")
    wide = printed.replace_figure(*row, "natural_person", Figure(value=11))
    wide = wide.replace_figure(*row, "total", Figure())
    read = check(report_pdf(wide, ruled=False, wrap_figures=True, figure=1), wide)
    assert read.figure(*row, "natural_person").value in (None, 11)
    assert read.figure(*row, "total").value is None


def attrs_values(row):
    import attrs

    return [getattr(row, a.name) for a in attrs.fields(type(row))]


PDFS = settings(max_examples=max(4, settings.default.max_examples // 25),
                deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PDFS
@given(data=st.data())
def test_figures_printed_in_a_pdf_grid_are_read_in_place_or_said_missing(data):
    report = data.draw(damage.distinct_reports(narrative=False), label="report")
    keys = [tuple(key) for *key, fig in report.table_figures() if fig.value is not None]
    blanks = data.draw(st.lists(st.sampled_from(keys), max_size=12, unique=True), label="blanks")
    printed = with_blanks(report, blanks)
    label_widths = {"active_disclosure": (data.draw(st.integers(16, 28), label="w0"),),
                    "applications": (data.draw(st.sampled_from([2, 4, 8]), label="w1"),
                                     data.draw(st.integers(8, 14), label="w2"),
                                     data.draw(st.integers(16, 30), label="w3"))}
    # a grid (most), lines between the columns only, or none; a figure wrapped in its
    # cell: in a grid one cell that reads as no number (GP313), without lines between
    # the rows its parts stacked in one column (GP320)
    grid = data.draw(st.sampled_from(["grid", "grid", "grid", "columns", "none"]), label="grid")
    pdf = report_pdf(printed, size=data.draw(st.sampled_from([8.0, 9.0, 10.5]), label="size"),
                     label_widths=label_widths,
                     figure=data.draw(st.integers(4, 8), label="figure"),
                     ruled=grid != "none", columns_only=grid == "columns",
                     wrap_figures=data.draw(st.integers(0, 4), label="wrap_figures") == 0,
                     grid_in_form=data.draw(st.booleans(), label="grid_in_form"),
                     figures_right=data.draw(st.booleans(), label="figures_right"),
                     turned=data.draw(st.integers(0, 5), label="turned") == 0,
                     page_break_before={"applications": data.draw(st.integers(3, 30),
                                                                  label="break")})
    check(pdf, printed)


@pytest.mark.parametrize("ruled", [True, False])
def test_a_footnote_mark_raised_after_a_figure_makes_it_no_figure_not_another(printed, ruled):
    # 13 and a raised 1 (a footnote's mark, written smaller): the text layer writes 131,
    # which was read as the figure; now "13 1", no figure (GP313), never another
    text = "13"
    cells = [(t, r, c) for t, r, c, f in printed.table_figures() if str(f.value) == text]
    assert cells  # (the printed report has such figures)
    report = govparse.parse(report_pdf(printed, ruled=ruled, marks={text: "1"}))
    for table, row, column, figure in report.table_figures():
        assert figure.value in (None, printed.figure(table, row, column).value), (row, column)
        if (table, row, column) in cells:
            assert figure.value is None
    said = [d for d in report.diagnostics if d.code == "GP313"]
    assert len(said) == len(cells) and all("'13 1'" in d.message for d in said)


def test_figures_written_alike_are_read_whatever_their_size(printed):
    # a table printed small (7 points): no digit is a mark where all stand alike
    report = govparse.parse(report_pdf(printed, size=7.0))
    assert "GP313" not in {d.code for d in report.diagnostics}
