"""Whether the lines of digits alone in one cell of a PDF's grid are one number that
the page shows wrapped to fit its cell (8015 / 05 in a column four digits wide).

Word and LibreOffice break a number that does not fit its cell at the last digit that
fits, and go on on the next line; a line that leaves room for another digit was not
broken for want of room. So where the page shows how much room each line leaves, the
lines tell which they are: one number wrapped where every line but the last fills
the cell and the last does not. Alone, digits one below the other may be two numbers
where one stands, or the first lines of a number whose rest a row of a fixed height
(Word's 行高 固定值) does not show: the cell stays digits parted by a blank (PARTED),
read where the template's arithmetic confirms the digits joined, else missing
(core/parted_numbers.py).

How much room a line leaves is told only where the table's figures are set to one
side of their cells: there the gap on that side is the cell's margin, alike in every
cell, and the other side's gap less the margin is the room left. Which side is read
from the lines of the table's figures in the grid's cells (their gaps on that side
alike, their widths not). Centred figures have the room split between two margins the
page does not show: nothing is read from them.

The lines are read as one number (the cell keeps kind PARTED, with the digits joined
as its value; the core keeps it only where the row's own totals hold with it, GP328)
where
- the table's figures are set to the left or to the right, and every line of the cell
  stands at the table's margin on that side, inside its grid cell from top to bottom
  (a figure drawn over a row's line, in a row of a fixed height, is no line of it);
- every line but the last leaves less room than FULL of a digit on the other side,
  and holds as many digits as the first, as many as any line of a figure in the
  column holds at the most (a column that shows a longer line has room for more: the
  margins are not alike);
- the last leaves room for a digit (ROOM of one at least): a last line that fills its
  cell may go on, unshown;
- no line between rows runs across the cell's height, wherever along the row: a cell
  merged over rows may hold each row's figure on a line of its own.

The same room tells which figures of one line fill their cells (``filled_cells``): a
longer number would wrap there, and a row of a fixed height too low for two lines
shows its first line only, which nothing else on the page tells (the core weighs such
a row by its totals: document.Table.filled_cells).
"""

from __future__ import annotations

from math import isfinite
from statistics import median

from govparse.core.cells import NUMBER
from govparse.frontends.pdf.pieces import column_of

FULL = 0.5  # a line that leaves less room than this much of a digit's width fills its cell
ROOM = 0.8  # ... this much or more: room for another digit, its line not broken for want of it
# A line that leaves less room than a digit may be the first line of a longer number
# (the next digit did not fit): which figures fill their cells, for the core's guard
# against rows of a fixed height, takes every such line (FULL is for reading a number).
FILLS = 1.0
ALIKE = 0.3  # gaps within this much of a digit's width of each other are one margin
EVIDENCE = 3  # lines of figures, at the least, to tell the table's alignment (a cell's too)
INSIDE = 0.5  # points: a line's box this far over its grid cell's top or bottom line is out of it
RULED = 1.0  # points: a line between rows this far inside a cell's top and bottom runs across it


class Alignment:
    """The side a table's figures are set to in their grid cells (``side``: "left",
    "right", or None where the page does not tell), the margin on that side, a
    digit's width and the most digits a line holds in each column, from the lines of
    figures in the grid's cells (read when a cell first asks: most tables have no
    number wrapped)."""

    __slots__ = ("_pieces", "_rules_on", "_read", "side", "margin", "digit", "_widest")

    def __init__(self, pieces: list, rules_on) -> None:
        """``pieces``: the table's Pieces; ``rules_on``: a page's ruling lines, by its
        number."""
        self._pieces = pieces
        self._rules_on = rules_on
        self._read = False
        self.side = None
        self.margin = self.digit = 0.0
        self._widest: dict[tuple[int, int], int] = {}

    def _read_lines(self) -> None:
        self._read = True
        lines = [p for p in self._pieces if p.grid is not None and p.box is not None
                 and p.cell.kind == NUMBER and p.written.isdigit()]
        self._pieces = None
        for p in lines:
            column = column_of(p)
            self._widest[column] = max(self._widest.get(column, 0), len(p.written))
        if len(lines) < EVIDENCE:
            return
        widths = [p.box[2] - p.box[0] for p in lines]
        digit = median(w / len(p.written) for w, p in zip(widths, lines))
        if not (isfinite(digit) and digit > 0) or max(widths) - min(widths) < digit:
            return  # (no boxes to tell; or lines of one width, every alignment alike)
        for side, gaps in (("left", [p.box[0] - p.grid[0] for p in lines]),
                           ("right", [p.grid[2] - p.box[2] for p in lines])):
            if max(gaps) - min(gaps) <= ALIKE * digit:
                margin = median(gaps)
                if isfinite(margin):
                    self.side, self.margin, self.digit = side, margin, digit
                return

    def wrapped_to_fit(self, group: list) -> bool:
        """Whether the group's lines (Pieces one below the other, top down, alone in
        one grid cell or its rest on the next page, digits only) are one number
        wrapped to fit the cell."""
        if not self._read:
            self._read_lines()
        if self.side is None:
            return False
        *full, last = group
        digits = len(group[0].written)
        if any(len(p.written) != digits for p in full) \
                or any(self._widest.get(column_of(p), 0) > digits for p in group):
            return False  # (a cell's width holds as many digits a line)
        for piece in group:
            (_, y0, _, y1), (_, bottom, _, top) = piece.box, piece.grid
            if not (y0 >= bottom - INSIDE and y1 <= top + INSIDE) \
                    or self._ruled_across(piece.page, piece.grid):
                return False
            near, far = self._gaps(piece)
            if not abs(near - self.margin) <= ALIKE * self.digit:
                return False  # (not set as the table's figures are)
            room = (far - self.margin) / self.digit
            if piece is last:
                if not room >= ROOM:
                    return False  # (it fills its cell: the number may go on, unshown)
            elif not room < FULL:
                return False  # (room for a digit more: not broken for want of it)
        return True

    def filled_cells(self, pieces: list, joined: dict) -> frozenset[tuple[int, int]]:
        """The (line, column) of each figure of one line, alone in its grid cell, that
        fills the cell (less room than a digit left, FILLS; set at the table's margin;
        two digits at least): a longer number wraps in such a cell, and a row of a
        fixed height may show its first line only (document.Table.filled_cells).
        ``joined``: grid_cells.joined_cells'."""
        if not self._read:
            self._read_lines()
        if self.side is None:
            return frozenset()
        found = set()
        for piece in pieces:
            if piece.grid is None or piece.box is None or piece.cell.kind != NUMBER \
                    or len(piece.written) < 2 or not piece.written.isdigit() \
                    or id(piece) in joined:
                continue
            near, far = self._gaps(piece)
            if abs(near - self.margin) <= ALIKE * self.digit \
                    and (far - self.margin) / self.digit < FILLS:
                found.add((piece.cell.line, piece.cell.column))
        return frozenset(found)

    def _gaps(self, piece) -> tuple[float, float]:
        """A line's gap to its grid cell's side the table's figures are set to, and to
        the other."""
        (x0, _, x1, _), (left, _, right, _) = piece.box, piece.grid
        return (x0 - left, right - x1) if self.side == "left" else (right - x1, x0 - left)

    def _ruled_across(self, page, grid) -> bool:
        """Whether a line between rows stands inside the grid cell's height anywhere on
        the page (beside it, or across a column further along the row)."""
        rules = self._rules_on(page)
        if rules is None:
            return False
        _, bottom, _, top = grid
        return any(bottom + RULED < y < top - RULED for y, _, _ in rules.horizontal)
