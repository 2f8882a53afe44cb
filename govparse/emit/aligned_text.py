"""A Report as ``pdftotext -layout`` prints its PDF: the ``aligned`` layout of ``dumps``.

The title, headings and paragraphs are lines of their own, a blank line after each;
each table is its cells at their places with no line drawn and no separator, as a
PDF's table comes out of a layout-keeping text tool:

- each column of the template's table (govparse/emit/spanned.py) stands at its own
  display columns (a CJK character is two wide), ``GAP`` blanks between two;
- a row label stands at its column's left, a long one wrapped inside its column
  (``LABEL_WIDTH``) onto the lines below, its figures on its first line; a figure and
  a header cell in the middle of the columns they span, as report tables centre them;
- a cell spanning several rows (三、本年度办理结果, （三）不予公开, a two-row header
  cell) stands on the middle one of its rows, sharing that line with the cells
  there;
- a missing figure is blanks: nothing but its place tells it was there.
"""

from __future__ import annotations

from govparse.emit.outline import Tables, outline
from govparse.emit.placed import (Placed, column_widths, padded, place, shape, span_width,
                                  wrap)
from govparse.emit.rendering import display_width
from govparse.emit.spanned import spanned_rows
from govparse.model.report import Report
from govparse.template.spec import load_template

GAP = 4
LABEL_WIDTH = 40  # display columns a row label takes before it wraps (20 CJK characters)
LABEL_COLUMNS = {"active_disclosure": 1, "applications": 3, "review_litigation": 0}


def dumps_aligned(report: Report) -> str:
    template = load_template(report.template)
    out: list[str] = []
    for item in outline(report):
        if isinstance(item, Tables):
            table = template.table(item.kind)
            out += lay_out(place(spanned_rows(report, table)), LABEL_COLUMNS[table.id])
            out.append("")
        else:
            out.append(item)
    return "\n".join(out).rstrip("\n") + "\n"


def lay_out(placed: list[Placed], label_columns: int) -> list[str]:
    """The table's lines: each cell's text at its place, blanks between; the first
    ``label_columns`` columns hold row labels, a long one wrapped inside its column
    (``LABEL_WIDTH``) over lines above and below its row's figures, as a PDF's cell
    wraps it."""
    rows, columns = shape(placed)
    widths = column_widths(placed, columns, GAP, None)
    for c in range(label_columns):
        widths[c] = min(widths[c], LABEL_WIDTH)
    for p in placed:  # a label spanning the label columns still fits on one line
        if p.column < label_columns and p.colspan > 1 and p.column + p.colspan <= label_columns:
            short = display_width(p.text) - span_width(widths, p.column, p.colspan, GAP)
            if short > 0:
                widths[p.column + p.colspan - 1] += short
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w + GAP)
    texts = {p: wrap(p.text, span_width(widths, p.column, p.colspan, GAP))
             if p.column < label_columns and p.colspan < columns else [p.text] if p.text else []
             for p in placed}
    heights = [1] * rows
    for p in sorted(placed, key=lambda p: p.rowspan):
        span = range(p.row, p.row + p.rowspan)
        short = len(texts[p]) - sum(heights[r] for r in span)
        if short > 0:
            heights[span[-1]] += short
    tops = [0]
    for h in heights:
        tops.append(tops[-1] + h)
    lines: list[list[tuple[int, str]]] = [[] for _ in range(tops[-1])]
    for p in placed:
        if not texts[p]:
            continue
        width = span_width(widths, p.column, p.colspan, GAP)
        whole = p.colspan == columns
        align = "left" if p.column < label_columns and not whole else "center"
        height = tops[p.row + p.rowspan] - tops[p.row]
        top = tops[p.row] + (height - len(texts[p])) // 2
        for offset, text in enumerate(texts[p]):
            text = padded(text, width, align).rstrip() if align == "center" else text
            lines[top + offset].append((xs[p.column], text))
    out = []
    for cells in lines:
        line, at = "", 0
        for x, text in sorted(cells):
            line += " " * max(x - at, 1 if line else 0) + text
            at = display_width(line)
        out.append(line.rstrip())
    return out
