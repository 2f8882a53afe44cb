"""A Report as ``w3m -dump`` prints its page: the ``grid`` layout of ``dumps``.

The title, headings and paragraphs are lines of their own, a blank line after each;
each table is drawn with box-drawing lines (┌─┬─┐ │ ├─┼─┤ └─┴─┘) around every cell,
with the template's merged cells (govparse/emit/spanned.py) as regions no line
crosses. As w3m lays a bordered table out:

- a column is as wide as its widest cell, in display columns (a CJK character is two
  wide); a table wider than the screen (``WIDTH``) has its widest columns narrowed,
  never below a cell's widest word, and the text of a cell wrapped over several lines
  inside it (a long row label, ``结果维`` / ``持``);
- text starts at a cell's left edge and is padded with blanks to its right edge; a
  cell taller than its text (its row is taller, or it spans rows) has the text in
  its middle lines;
- a missing figure is an empty cell.

The parser reads it back as the picture it is (govparse/frontends/text/grids.py).
"""

from __future__ import annotations

from govparse.emit.outline import Tables, outline
from govparse.emit.placed import Placed, column_widths, place, shape, span_width, wrap
from govparse.emit.rendering import char_width
from govparse.emit.spanned import spanned_rows
from govparse.model.report import Report
from govparse.template.spec import load_template

WIDTH = 118  # the screen w3m lays the table out on (w3m -cols 120, its margin aside)

# (up, down, left, right) -> the box-drawing character where lines meet
_JOINS = {
    (False, True, False, True): "┌", (False, True, True, False): "┐",
    (True, False, False, True): "└", (True, False, True, False): "┘",
    (True, True, False, True): "├", (True, True, True, False): "┤",
    (False, True, True, True): "┬", (True, False, True, True): "┴",
    (True, True, True, True): "┼", (False, False, True, True): "─",
    (True, True, False, False): "│", (False, False, True, False): "─",
    (False, False, False, True): "─", (True, False, False, False): "│",
    (False, True, False, False): "│",
}


def dumps_grid(report: Report) -> str:
    template = load_template(report.template)
    out: list[str] = []
    for item in outline(report):
        if isinstance(item, Tables):
            out += draw(place(spanned_rows(report, template.table(item.kind))))
            out.append("")
        else:
            out.append(item)
    return "\n".join(out).rstrip("\n") + "\n"


def draw(placed: list[Placed], most: int = WIDTH) -> list[str]:
    """The table's lines: its cells drawn with box-drawing lines around each."""
    rows, columns = shape(placed)
    widths = column_widths(placed, columns, 1, most - 2)
    texts = {p: wrap(p.text, span_width(widths, p.column, p.colspan, 1)) for p in placed}
    heights = [1] * rows
    for p in sorted(placed, key=lambda p: p.rowspan):
        span = range(p.row, p.row + p.rowspan)
        short = len(texts[p]) - (sum(heights[r] for r in span) + p.rowspan - 1)
        if short > 0:
            heights[span[-1]] += short
    xs, ys = [0], [0]  # where the vertical and horizontal lines are
    for w in widths:
        xs.append(xs[-1] + w + 1)
    for h in heights:
        ys.append(ys[-1] + h + 1)
    across: set[tuple[int, int]] = set()  # (y, x): a line from x to x + 1 on line y
    down: set[tuple[int, int]] = set()  # (y, x): a line from y to y + 1 in column x
    canvas = [[" "] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    for p in placed:
        x0, x1 = xs[p.column], xs[p.column + p.colspan]
        y0, y1 = ys[p.row], ys[p.row + p.rowspan]
        for x in range(x0, x1):
            across.update(((y0, x), (y1, x)))
        for y in range(y0, y1):
            down.update(((y, x0), (y, x1)))
        lines = texts[p]
        top = y0 + 1 + (y1 - y0 - 1 - len(lines)) // 2
        for offset, line in enumerate(lines):
            x = x0 + 1
            for char in line:
                canvas[top + offset][x] = char
                if char_width(char) == 2:
                    canvas[top + offset][x + 1] = ""
                x += char_width(char)
    for y in ys:
        for x in range(xs[-1] + 1):
            if (y, x) in across or (y, x - 1) in across:
                canvas[y][x] = _join(across, down, y, x)
    for y in range(ys[-1] + 1):
        for x in xs:
            if (y, x) in down or (y - 1, x) in down:
                canvas[y][x] = _join(across, down, y, x)
    return ["".join(line).rstrip() for line in canvas]


def _join(across: set, down: set, y: int, x: int) -> str:
    return _JOINS[((y - 1, x) in down, (y, x) in down, (y, x - 1) in across, (y, x) in across)]
