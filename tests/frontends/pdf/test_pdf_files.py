"""PDF files (govparse/frontends/pdf): their text layer read with pypdfium2 and then
as text; page numbers dropped; every figure of two real PDFs right; a scan, a broken
PDF and a legacy Word file each a clear error, never a traceback."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from click.testing import CliRunner

import govparse
from govparse.cli import cli
from govparse.errors import InputError

from conftest import HERE

PDFS = HERE / "data" / "real" / "pdf"


def expected(name: str) -> dict:
    with open(PDFS / f"{name}.expected.tsv", encoding="utf-8") as handle:
        return {(r["table"], r["row"], r["column"]): r["value"].split("|")
                for r in csv.DictReader(handle, delimiter="\t") if r["table"] != "report"}


@pytest.mark.parametrize("name", ["hzq2023", "hzq2024"])
def test_every_figure_of_a_real_pdf_is_right(name):
    report = govparse.parse_file(PDFS / f"{name}.pdf")
    wrong = {}
    for key, values in expected(name).items():
        got = report.figure(*key).value
        if not any(v == "missing" and got is None or v != "missing" and got is not None
                   and Decimal(str(got)) == Decimal(v) for v in values):
            wrong[key] = (got, values)
    assert wrong == {}
    # （六）其他处理 is written as the 2019 template's one row: that table is read on it
    assert report.table_template("applications") == "2019"
    assert report.year.value == int(name[-4:])
    # the title over two lines; 2023's names the body short (洪泽区人民政府), its
    # preamble in full, as the body that compiled the report (GP113)
    assert report.organization.value == "淮安市洪泽区人民政府"
    assert [d.code for d in report.diagnostics if d.code in ("GP111", "GP113")] == \
        (["GP111", "GP113"] if name == "hzq2023" else ["GP111"])
    (pages,) = [d for d in report.diagnostics if d.code == "GP009"]
    assert pages.message.startswith("5 page numbers between the pages dropped")


@pytest.mark.parametrize("name, organisation_at, year_at", [
    # pypdfium2's text: the page number, then the title over two lines
    ("hzq2023.pdfium.txt", (4, 1), (3, 1)),  # (2023: the preamble names the body in full)
    ("hzq2024.pdfium.txt", (2, 1), (3, 1)),
    # pdftotext -layout: the title's two lines centred
    ("hzq2023.layout.txt", (4, 4), (2, 7)),
    ("hzq2024.layout.txt", (1, 10), (2, 5)),
])
def test_the_organisation_and_year_of_a_pdf_s_text(name, organisation_at, year_at):
    report = govparse.parse_file(PDFS / name)
    org, year = report.organization, report.year
    assert (org.value, year.value) == ("淮安市洪泽区人民政府", int(name[3:7]))
    assert ((org.line, org.column), (year.line, year.column)) == (organisation_at, year_at)
    assert report.title == f"{'洪泽区人民政府' if '2023' in name else '淮安市洪泽区人民政府'}" \
        f"{name[3:7]}年政府信息公开工作年度报告"


def test_a_pdf_from_memory_reads_as_the_file():
    data = (PDFS / "hzq2024.pdf").read_bytes()
    assert list(govparse.parse(data).table_figures()) == \
        list(govparse.parse_file(PDFS / "hzq2024.pdf").table_figures())


def blank_pdf() -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("data, code, words", [
    (blank_pdf(), "GP007", "no text: a scan"),
    (b"%PDF-1.7\n%garbage that is no PDF at all\n", "GP006", "could not be opened"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "GP008", "legacy Word or WPS"),
])
def test_what_cannot_be_read_is_a_clear_error(data, code, words):
    with pytest.raises(InputError) as caught:
        govparse.parse(data, path="report.bin")
    assert (caught.value.code, caught.value.path) == (code, "report.bin")
    assert words in caught.value.message


def test_the_command_line_reads_a_pdf_and_says_what_it_cannot(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["parse", "--format", "csv", str(PDFS / "hzq2023.pdf")])
    assert result.exit_code == 0
    assert ",applications,new_requests,total,21," in result.stdout
    legacy = tmp_path / "report.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    refused = runner.invoke(cli, ["check", str(legacy)])
    assert refused.exit_code == 2
    assert "GP008" in refused.stderr and "soffice --headless --convert-to" in refused.stderr


@pytest.mark.parametrize("name", ["hzq2023", "hzq2024"])
def test_every_figure_stands_on_its_page_in_its_box(name):
    """Each figure's location is the page and box of its characters: the PDF's own
    text inside that box is the figure as written."""
    import pypdfium2 as pdfium

    from govparse.emit.printer import figure_text

    report = govparse.parse_file(PDFS / f"{name}.pdf")
    document = pdfium.PdfDocument(str(PDFS / f"{name}.pdf"))
    located = 0
    for table, row, column, figure in report.table_figures():
        if figure.value is None:
            continue
        where = figure.location
        assert where.kind == "pdf" and 1 <= where.page <= len(document)
        x0, y0, x1, y1 = where.box
        page = document[where.page - 1]
        width, height = page.get_size()
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        text = page.get_textpage().get_text_bounded(x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5)
        assert "".join(text.split()) == figure_text(figure.value), (table, row, column)
        located += 1
    assert located == 186


def test_diagnostics_say_the_page_and_the_cell_not_a_line_of_the_text_layer():
    from govparse.locations import PdfLocation

    report = govparse.parse_file(PDFS / "hzq2023.pdf")
    (clipped,) = [d for d in report.diagnostics if d.code == "GP203"]
    assert isinstance(clipped.location, PdfLocation) and clipped.location.page == 3
    assert clipped.context.text == "2.其他法律行政止公开" and clipped.context.column is None
    # every diagnostic with a place in the text layer has its page
    placed = [d for d in report.diagnostics if d.line is not None]
    assert placed and all(isinstance(d.location, PdfLocation) for d in placed)
    shown = CliRunner().invoke(cli, ["parse", str(PDFS / "hzq2023.pdf")]).stderr
    assert f"--> {PDFS / 'hzq2023.pdf'}: page 3, box (" in shown
    assert "= cell: '2.其他法律行政止公开'" in shown
    # strict mode's error says the same
    with pytest.raises(govparse.StrictModeError) as caught:
        govparse.parse_file(PDFS / "hzq2023.pdf", mode="strict")
    assert all(isinstance(d.location, PdfLocation) for d in caught.value.diagnostics
               if d.line is not None)


def with_cells_emptied(name: str, keys) -> bytes:
    """The real PDF with the figures at ``keys`` taken out of its pages (their text
    objects removed): empty cells, as the PDF's producer lays them out."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    boxes = [govparse.parse_file(PDFS / f"{name}.pdf").figure(*key).location for key in keys]
    document = pdfium.PdfDocument(str(PDFS / f"{name}.pdf"))
    for number in sorted({where.page for where in boxes}):
        page = document[number - 1]
        inside = [where.box for where in boxes if where.page == number]
        gone = [obj for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], max_depth=0)
                if any(x0 - 1 <= l and r <= x1 + 1 and y0 - 1 <= b and t <= y1 + 1
                       for (l, b, r, t) in [obj.get_bounds()] for x0, y0, x1, y1 in inside)]
        assert gone
        for obj in gone:
            raw.FPDFPage_RemoveObject(page.raw, obj.raw)
        page.gen_content()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_real_pdf_s_empty_cells_are_placed_by_the_header_above_them():
    """Cells emptied in a real PDF (WPS's layout: each character an object of its
    own, header cells wrapped over two or three lines, the grid drawn as strokes and
    filled rectangles): the rows' other figures are placed under their headers."""
    emptied = [("applications", "new_requests", "commercial_enterprise"),
               ("applications", "new_requests", "legal_service_org"),
               ("applications", "total_processed", "natural_person"),  # (page 4)
               ("review_litigation", "administrative_review", "upheld"),
               ("review_litigation", "litigation_direct", "total")]
    report = govparse.parse(with_cells_emptied("hzq2024", emptied), path="emptied.pdf")
    truth = expected("hzq2024")
    for table, row, column, figure in report.table_figures():
        if (table, row, column) in emptied:
            assert figure.value is None
        else:
            assert str(figure.value) in truth[table, row, column], (table, row, column)
    assert [d.message for d in report.diagnostics if d.code == "GP316"] == [
        "row '一、本年新收政府信息公开申请数量': no figure stands under 商业企业, 法律服务机构; "
        "they are taken as missing",
        "row '（七）总计': no figure stands under 自然人; it is taken as missing",
        "the review table: no figure stands under 结果维持, 总计; they are taken as missing"]
    # nothing else is amiss: the header cells are read whole (商业 / 企业 one cell)
    assert sorted({d.code for d in report.diagnostics if d.severity.value != "note"}) == \
        ["GP106", "GP203", "GP316"]
