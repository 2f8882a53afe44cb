"""Logical rows: the label cells of a table's stream and the figure cells after the
last of them, wherever the lines break (one row a line, one cell a line, rows
wrapped across lines alike).
"""

from __future__ import annotations

import functools
import re

from govparse.core.cells import EMPTY, LABEL, NUMBER, PARTED, Cell
from govparse.core.grid import EmptyRun, cells_of


class LogicalRow:
    """Label cells and the figure cells after them: one row of the template, however
    the lines break. (A plain class: it is filled in place while the stream is read.)

    Lines of separators only (EmptyRun, an empty cell a line) stay unread in
    ``data``: before the row's first figure until it comes (each empty cell there is
    a gap or a merged label cell, with its own place), after it for good
    (TableReader._fit counts their cells and makes only those it uses)."""

    __slots__ = ("labels", "data", "has_figures", "unread", "stray")

    def __init__(self, labels: list[Cell] | None = None) -> None:
        self.labels = labels if labels is not None else []
        self.data: list[Cell | EmptyRun] = []
        self.has_figures = False  # a figure (not only empty cells) is among the data
        self.unread: int | None = None  # where a EmptyRun before any figure stands
        self.stray: Cell | None = None  # a cell no label of the table among its figures

    def read_separator_lines(self) -> None:
        """Make the cells of the EmptyRun in data: the first figure follows them."""
        tail = self.data[self.unread:]
        del self.data[self.unread:]
        self.data.extend(cells_of(tail))
        self.unread = None

    def __repr__(self) -> str:
        return f"LogicalRow(labels={self.labels!r}, data={self.data!r})"


def logical_rows(stream: list[Cell | EmptyRun]) -> list[LogicalRow]:
    rows = [LogicalRow()]
    current = rows[0]
    for cell in stream:
        if cell.kind == LABEL:
            if cell.text[:1] in _MARKS:  # (a number's decimals or a label's numbering, apart)
                _cut_before_its_decimals(current, cell)
                cell = _numbered_again(current, cell)
            if current.has_figures:
                current = LogicalRow([cell])
                rows.append(current)
            else:
                # Empty cells between labels are merged label cells, not figures.
                current.labels.append(cell)
                current.data.clear()
                current.unread = None
        else:
            if cell.kind != EMPTY:
                if current.unread is not None:
                    current.read_separator_lines()
                current.has_figures = True
            elif current.unread is None and type(cell) is EmptyRun \
                    and not current.has_figures:
                current.unread = len(current.data)
            current.data.append(cell)
    return [r for r in rows if r.labels or r.has_figures]


@functools.cache
def _decimals() -> re.Pattern:
    """The decimals of a number, alone: what a line folded through 795.22 leaves on the
    next. (Compiled when first wanted: most texts fold no number.)"""
    return re.compile(r"[.．][0-9０-９]+")


def _cut_before_its_decimals(current: LogicalRow, label: Cell) -> None:
    """A row's last figure, a whole number, with the decimals of a number at the start
    of a later line (795 / .22: a text folded at a width, the line cut inside 795.22):
    the number was cut, its value is not told. Its cell reads as no number (GP313,
    missing), never as 795; the decimals stay a cell of no label (GP201). (The label
    starts with one of _MARKS: logical_rows asks.)"""
    if not current.data:
        return
    number = current.data[-1]
    if type(number) is not Cell or number.kind != NUMBER or number.unit is not None \
            or number.line is None or label.line is None or label.line <= number.line \
            or not number.text.isdigit() or _decimals().fullmatch(label.text) is None:
        return
    number.kind = PARTED
    number.value = None
    number.text = f"{number.text} {label.text}"


# A label that starts with its numbering's mark (. 属于三类内部事务信息): the number
# before it, written apart (分散对齐, a cell's characters spread across it: 5 . 属 于 …)
_MARKS = (".", "．", "、")
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _numbered_again(current: LogicalRow, label: Cell) -> Cell:
    """The label with its numbering, where a number of one or two digits stands just
    before it on its line and the label starts with the numbering's mark: the number
    taken out of the row before (where it would read as that row's figure: a value no
    cell of it holds) and put back in front of the label (5 / . 属 于 三 类 … as
    5. 属 于 三 类 …, which the catalogue reads as 5.属于三类内部事务信息)."""
    if not current.data:  # (the label starts with one of _MARKS: logical_rows asks)
        return label
    number = current.data[-1]
    if type(number) is not Cell or number.kind != NUMBER or number.unit is not None \
            or number.line is None or number.line != label.line \
            or not 0 < len(number.text) <= 2 or not _DIGITS.issuperset(number.text):
        return label
    current.data.pop()
    current.has_figures = any(c.kind != EMPTY for c in current.data)
    x = label.x if label.x is None or number.x is None else \
        (min(number.x[0], label.x[0]), max(number.x[1], label.x[1]))
    return Cell(LABEL, number.text + label.text, number.line, number.column, x=x)
