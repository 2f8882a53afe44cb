"""A Report printed as a PDF with reportlab, as report editors print one: the title,
headings and narrative as lines of text, the three tables drawn as ruled grids with
the template's merged cells (govparse/emit/spanned.py), a missing figure an EMPTY
cell, header and label text wrapped inside its cell (商业 / 企业; with
``label_widths`` narrow enough, 三、本年度办理结果 one character a line), tables
running onto the next page, each page's number (- 2 -) at its foot.

Chinese is written in reportlab's built-in CID font STSong-Light (Adobe-GB1, not
embedded), whose text pdfium reads back without a font file.
"""

from __future__ import annotations

import io

from govparse.emit.outline import Tables, outline
from govparse.emit.placed import Placed, place, wrap
from govparse.emit.rendering import display_width
from govparse.emit.spanned import spanned_rows
from govparse.model.report import Report
from govparse.template.spec import load_template

FONT = "STSong-Light"
PAGE = (595.0, 842.0)
MARGIN = 40.0
FOOT = 60.0  # a table's rows stop above this; the page number stands below it
PAD = 2.0
# Each table's label columns' widths in display columns (a CJK character is two
# wide); the others are figure columns, as wide as their widest figure or ``FIGURE``.
LABEL_WIDTHS = {"active_disclosure": (24,), "applications": (2, 12, 26), "review_litigation": ()}
FIGURE = 4
RUNNING_TITLE = "示例区人民政府2024年政府信息公开工作年度报告"  # (report_pdf's running head)


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def report_pdf(report: Report, *, size: float = 9.0, label_widths=None, figure: int = FIGURE,
               page_break_before: dict | None = None, ruled: bool = True,
               grid_in_form: bool = False, turned: bool = False, columns_only: bool = False,
               wrap_figures: bool = False, figures_right: bool = False,
               marks: dict[str, str] | None = None, running: bool = False) -> bytes:
    """The report as a PDF's bytes. ``label_widths``: per table, its label columns'
    widths (display columns); ``page_break_before``: per table, the grid row a new
    page starts at (as soon as the spanning cells above it have their text);
    ``ruled``: the grid's lines drawn (else the cells stand unruled);
    ``grid_in_form``: each page's lines drawn in a form XObject of their own;
    ``turned``: every page shown turned a quarter (/Rotate 90); ``columns_only``:
    the grid's vertical lines and the tables' frames only, no line between rows;
    ``wrap_figures``: a figure wider than its column wrapped inside its cell (1234 /
    5), as a word processor wraps it; ``figures_right``: figures set to the right of
    their cells (headers centred); ``marks``: a footnote's mark (its text) written
    raised and smaller right after each figure cell whose text is a key; ``running``: a
    running head and foot on every page, as a browser prints a page (the date and the
    page's title above, its address and the page's number below)."""
    from reportlab.pdfgen import canvas

    _font()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=PAGE, invariant=1)
    writer = _Writer(pdf, size, ruled, grid_in_form, turned, columns_only, wrap_figures)
    writer.figures_right = figures_right
    writer.marks = marks or {}
    writer.running = running
    template = load_template(report.template)
    for item in outline(report):
        if isinstance(item, Tables):
            table = template.table(item.kind)
            widths = (label_widths or {}).get(table.id, LABEL_WIDTHS[table.id])
            writer.table(spanned_rows(report, table), widths, figure,
                         (page_break_before or {}).get(table.id))
        elif item:
            writer.text(item)
    writer.finish()
    pdf.save()
    return out.getvalue()


class _Writer:
    def __init__(self, pdf, size: float, ruled: bool, grid_in_form: bool, turned: bool,
                 columns_only: bool, wrap_figures: bool) -> None:
        self.pdf = pdf
        self.columns_only = columns_only
        self.figures_right = False
        self.marks: dict[str, str] = {}
        self.running = False
        self.wrap_figures = wrap_figures
        self.ruled = ruled
        self.grid_in_form = grid_in_form
        self.turned = turned
        self.rects: list[tuple[float, float, float, float]] = []  # the page's grid
        self.frames: dict[int, tuple[float, float, float, float]] = {}  # each table's, on it
        if turned:
            pdf.setPageRotation(90)
        self.size = size
        self.page = 1
        self.y = PAGE[1] - MARGIN

    def new_page(self) -> None:
        self.finish()
        self.pdf.showPage()
        if self.turned:
            self.pdf.setPageRotation(90)
        self.page += 1
        self.y = PAGE[1] - MARGIN

    def finish(self) -> None:
        self._grid()
        self._page_number()
        if self.running:
            self._running_lines()

    def _running_lines(self) -> None:
        self.pdf.setFont(FONT, 7)
        self.pdf.drawString(20, PAGE[1] - 16, "2025/1/20 09:41")
        self.pdf.drawCentredString(PAGE[0] / 2, PAGE[1] - 16, RUNNING_TITLE)
        self.pdf.drawString(20, 12, "https://www.example.gov.cn/art/2025/1/20/art_1229_77.html")
        self.pdf.drawRightString(PAGE[0] - 20, 12, f"{self.page}/6")

    def _grid(self) -> None:
        if not self.rects:
            return
        name = f"grid{self.page}"
        if self.grid_in_form:
            self.pdf.beginForm(name)
        self.pdf.setLineWidth(0.6)
        for x, y, width, height in self.rects:
            if self.columns_only:
                self.pdf.line(x, y, x, y + height)
                self.pdf.line(x + width, y, x + width, y + height)
            else:
                self.pdf.rect(x, y, width, height, stroke=1, fill=0)
        if self.columns_only:
            for left, right, top, bottom in self.frames.values():
                self.pdf.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
        if self.grid_in_form:
            self.pdf.endForm()
            self.pdf.doForm(name)
        self.rects = []
        self.frames = {}

    def _page_number(self) -> None:
        self.pdf.setFont(FONT, self.size)
        self.pdf.drawCentredString(PAGE[0] / 2, 30, f"- {self.page} -")

    def text(self, text: str) -> None:
        unit = self.size / 2
        for line in wrap(text, int((PAGE[0] - 2 * MARGIN) / unit)):
            if self.y - self.size * 1.5 < FOOT:
                self.new_page()
            self.y -= self.size * 1.5
            self.pdf.setFont(FONT, self.size)
            self.pdf.drawString(MARGIN, self.y, line)
        self.y -= self.size * 0.5

    def table(self, rows, label_widths, figure: int, break_before: int | None) -> None:
        placed = place(rows)
        columns = max(p.column + p.colspan for p in placed)
        widths = [label_widths[c] if c < len(label_widths) else figure for c in range(columns)]
        for p in placed:  # a figure column as wide as its widest figure
            if p.colspan == 1 and p.column >= len(label_widths) and p.text.isascii() \
                    and not self.wrap_figures:
                widths[p.column] = max(widths[p.column], display_width(p.text))
        unit = self.size / 2
        scale = min(1.0, (PAGE[0] - 2 * MARGIN) / sum(w * unit + 2 * PAD for w in widths))
        size = self.size * scale
        unit = size / 2
        lefts = [MARGIN]
        for w in widths:
            lefts.append(lefts[-1] + w * unit + 2 * PAD)
        lines = {}
        for p in placed:
            width = sum(widths[p.column:p.column + p.colspan])
            lines[p] = wrap(p.text, width) if p.text else []
            if self.wrap_figures and p.text.isascii() and len(p.text) > width:
                lines[p] = [p.text[i:i + width] for i in range(0, len(p.text), width)]
        count = max(p.row + p.rowspan for p in placed)
        heights = [size + 2 * PAD] * count
        for p in sorted(placed, key=lambda p: p.rowspan):
            need = len(lines[p]) * size * 1.2 + 2 * PAD
            have = sum(heights[p.row:p.row + p.rowspan])
            if need > have:
                heights[p.row + p.rowspan - 1] += need - have
        # each grid row's top, page by page
        tops: list[tuple[int, float]] = []
        page, y = self.page, self.y - size
        for r in range(count):
            crossing = [p for p in placed if p.row < r < p.row + p.rowspan and lines[p]]
            fits = all(len(lines[p]) * size * 1.2 + 2 * PAD
                       <= sum(heights[p.row:r]) for p in crossing)
            wanted = break_before is not None and r >= break_before and page == self.page
            # a cell spanning rows from here whose text would run past the page's foot
            # (nothing breaks until a spanning cell's text fits above the break): the
            # page breaks before it instead
            tall = max((len(lines[p]) * size * 1.2 + 2 * PAD for p in placed
                        if p.row == r and p.rowspan > 1 and lines[p]), default=0.0)
            if fits and (y - max(heights[r], tall) < FOOT or wanted and r) \
                    and y < PAGE[1] - MARGIN:
                page, y = page + 1, PAGE[1] - MARGIN
            tops.append((page, y))
            y -= heights[r]
        for number in sorted({page for page, _ in tops}):
            while self.page < number:
                self.new_page()
            for p in placed:
                self._cell(p, lines[p], tops, heights, lefts, size, number)
        self.y = tops[-1][1] - heights[-1] - size

    def _cell(self, p: Placed, lines, tops, heights, lefts, size, page) -> None:
        rows = [r for r in range(p.row, p.row + p.rowspan) if tops[r][0] == page]
        if not rows:
            return
        x0, x1 = lefts[p.column], lefts[p.column + p.colspan]
        top = tops[rows[0]][1]
        bottom = tops[rows[-1]][1] - heights[rows[-1]]
        if self.ruled:
            self.rects.append((x0, bottom, x1 - x0, top - bottom))
            self.frames[id(lefts)] = (lefts[0], lefts[-1], max(top, self.frames.get(
                id(lefts), (0, 0, top, bottom))[2]), min(bottom, self.frames.get(
                    id(lefts), (0, 0, top, bottom))[3]))
        if rows[0] != p.row or not lines:
            return  # the text stands in the cell's first part
        self.pdf.setFont(FONT, size)
        height = len(lines) * size * 1.2
        if p.rowspan == 1:
            y = top - (top - bottom - height) / 2 - size
        else:
            y = top - PAD - size
        label = not p.text.isascii() and p.colspan <= 3 and p.column < 3 and p.row > 2
        for line in lines:
            if len(line) == 1 and not line.isascii():
                # pdfium drops a text object of one character in a CID font the PDF
                # does not embed (its glyph has no box): a blank after it keeps it
                line += " "
            if label:
                self.pdf.drawString(x0 + PAD, y, line)
            elif self.figures_right and p.text.isascii():
                self.pdf.drawRightString(x1 - PAD, y, line)
            else:
                self.pdf.drawCentredString((x0 + x1) / 2, y, line)
                if line in self.marks:  # raised, six tenths the size, right after it
                    width = self.pdf.stringWidth(line, FONT, size)
                    self.pdf.setFont(FONT, size * 0.6)
                    self.pdf.drawString((x0 + x1 + width) / 2 + 0.3, y + size * 0.45,
                                        self.marks[line])
                    self.pdf.setFont(FONT, size)
            y -= size * 1.2
