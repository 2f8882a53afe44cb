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
as its value: the core says so, GP328) where
- the table's figures are set to the left or to the right, and every line of the cell
  stands at the table's margin on that side;
- every line but the last leaves less room than FULL of a digit on the other side,
  and holds as many digits as the first;
- the last leaves room for a digit (ROOM of one at least): a last line that fills its
  cell may go on, unshown.
"""

from __future__ import annotations

from statistics import median

from govparse.core.cells import NUMBER

FULL = 0.5  # a line that leaves less room than this much of a digit's width fills its cell
ROOM = 0.8  # ... this much or more: room for another digit, its line not broken for want of it
ALIKE = 0.3  # gaps within this much of a digit's width of each other are one margin
EVIDENCE = 3  # lines of figures, at the least, to tell the table's alignment


class Alignment:
    """The side a table's figures are set to in their grid cells (``side``: "left",
    "right", or None where the page does not tell), the margin on that side, and a
    digit's width, from the lines of figures in the grid's cells (read when a cell
    first asks: most tables have no number wrapped)."""

    __slots__ = ("_pieces", "side", "margin", "digit")

    def __init__(self, pieces: list) -> None:
        """``pieces``: the table's Pieces."""
        self._pieces = pieces
        self.side = None
        self.margin = self.digit = 0.0

    def _read(self) -> None:
        pieces, self._pieces = self._pieces, None
        lines = [p for p in pieces if p.grid is not None and p.box is not None
                 and p.cell.kind == NUMBER and p.written.isdigit()]
        if len(lines) < EVIDENCE:
            return
        widths = [p.box[2] - p.box[0] for p in lines]
        self.digit = median(w / len(p.written) for w, p in zip(widths, lines))
        if not self.digit > 0:
            return  # (glyphs with no width, or boxes that are no boxes)
        if max(widths) - min(widths) < self.digit:
            return  # (lines of one width: every alignment places them alike)
        for side, gaps in (("left", [p.box[0] - p.grid[0] for p in lines]),
                           ("right", [p.grid[2] - p.box[2] for p in lines])):
            if max(gaps) - min(gaps) <= ALIKE * self.digit:
                self.side, self.margin = side, median(gaps)
                return

    def wrapped_to_fit(self, group: list) -> bool:
        """Whether the group's lines (Pieces one below the other, top down, alone in
        one grid cell or its rest on the next page, digits only) are one number
        wrapped to fit the cell."""
        if self._pieces is not None:
            self._read()
        if self.side is None:
            return False
        *full, last = group
        if any(len(p.written) != len(full[0].written) for p in full):
            return False  # (a cell's width holds as many digits a line)
        for piece in group:
            (x0, _, x1, _), (left, _, right, _) = piece.box, piece.grid
            near, far = (x0 - left, right - x1) if self.side == "left" else (right - x1, x0 - left)
            if abs(near - self.margin) > ALIKE * self.digit:
                return False  # (not set as the table's figures are)
            room = (far - self.margin) / self.digit
            if piece is last:
                if room < ROOM:
                    return False  # (it fills its cell: the number may go on, unshown)
            elif room >= FULL:
                return False  # (room for a digit more: not broken for want of it)
        return True
