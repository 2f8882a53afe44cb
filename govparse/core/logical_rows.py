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

    __slots__ = ("labels", "data", "has_figures", "unread", "stray", "cut")

    def __init__(self, labels: list[Cell] | None = None) -> None:
        self.labels = labels if labels is not None else []
        self.data: list[Cell | EmptyRun] = []
        self.has_figures = False  # a figure (not only empty cells) is among the data
        self.unread: int | None = None  # where a EmptyRun before any figure stands
        self.stray: Cell | None = None  # a cell no label of the table among its figures
        self.cut = False  # its cells wrap their numbers at their separators (_cut_row)

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
    cut: Cell | None = None  # a number cut at its separator, its rest to come (915,3 / 68)
    for cell in stream:
        if cell.kind == LABEL:
            cut = None
            first = cell.text[:1]
            if first in _MARKS:  # (a number's decimals or a label's numbering, apart)
                _cut_before_its_decimals(current, cell)
                cell = _numbered_again(current, cell)
            elif first in _NUMBER_STARTS:  # (a piece of a number cut at a separator?)
                if first in _SEPARATORS:
                    if _cut_at_its_separator(current, cell):
                        continue  # (the rest of a number above it: joined to it, no number)
                elif ("," in cell.text or "，" in cell.text) \
                        and _cut_group().fullmatch(cell.text) is not None:
                    cell.kind = PARTED  # (915,3: a figure's place, its rest on a line below)
                    cut = cell
                    _cut_row(current)  # (its cells wrap their numbers)
                    if current.unread is not None:
                        current.read_separator_lines()
                    current.has_figures = True
                    current.data.append(cell)
                    continue
            if current.has_figures:
                current = LogicalRow([cell])
                rows.append(current)
            else:
                # Empty cells between labels are merged label cells, not figures.
                current.labels.append(cell)
                current.data.clear()
                current.unread = None
        else:
            if cut is not None and cell.kind != EMPTY:
                number, cut = cut, None
                if cell.kind == NUMBER and _rest_of(number, cell):
                    number.text = f"{number.text} {cell.text}"
                    continue  # (the rest of the number cut above it)
            if cell.kind != EMPTY:
                if current.cut and cell.kind == NUMBER and cell.unit is None:
                    _cut(cell, cell.text)  # (a row whose cells wrap their numbers)
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


# A number's thousands separators, as a line may cut it (8,074 / ,227), and what a
# piece of a number cut so starts with
_SEPARATORS = (",", "，")
_NUMBER_STARTS = frozenset(",，0123456789０１２３４５６７８９")


@functools.cache
def _cut_group() -> re.Pattern:
    """A number cut inside a group of its digits after a separator (915,3 of 915,368;
    15,68 of 15,686,731). (Compiled when first wanted.)"""
    return re.compile(r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*[,，][0-9０-９]{1,2}")


@functools.cache
def _separator_rest() -> re.Pattern:
    """The rest of a number cut at a separator (,227 of 8,074,227)."""
    return re.compile(r"(?:[,，][0-9０-９]{3})+")


def _overlap(a: Cell, b: Cell) -> int:
    """How far two cells stand one above the other: the most characters or display
    columns they share (pdftotext lays a page out a character a column, a CJK
    character one wide; the display, two); 1 where either has no place (they may)."""
    if a.x is None or b.x is None:
        return 1
    shared = min(a.x[1], b.x[1]) - max(a.x[0], b.x[0])
    if a.column is not None and b.column is not None:
        shared = max(shared, min(a.column + len(a.text), b.column + len(b.text))
                     - max(a.column, b.column))
    return max(shared, 0)


def _rest_of(cut: Cell, cell: Cell) -> bool:
    """Whether a number on a later line, under ``cut``, is the rest of its digits
    (915,3 / 68; 15,68 / 6,731)."""
    return cut.line is not None and cell.line is not None and cell.line > cut.line \
        and cell.unit is None and _overlap(cut, cell) > 0


def _cut_at_its_separator(current: LogicalRow, rest: Cell) -> bool:
    """Numbers of the row, on an earlier line, over a label that is the rest of a
    number cut at its thousands separator (8,074 / ,227: a cell's lines, which a
    PDF's text layer writes apart, or pdftotext a line under the row's): the row's
    cells wrap their numbers, and which of its numbers is whole the text does not
    tell (a rest stands a character or two off its number). Every number of the row
    reads as no number (GP313, missing: _cut_row), never as 8074; the rest is joined
    to the number it stands under most (for the diagnostic). Whether the row has
    numbers it may be the rest of (it is then no label)."""
    words = rest.text.split()
    if rest.line is None or not all(_separator_rest().fullmatch(w) for w in words):
        return False
    above = [c for c in reversed(current.data) if type(c) is Cell
             and c.kind in (NUMBER, PARTED) and c.unit is None
             and c.line is not None and c.line < rest.line]
    if not above:
        return False
    shared, number = max(((_overlap(c, rest), c) for c in above), key=lambda p: p[0])
    if shared > 0 and len(words) == 1 and number.kind == NUMBER:
        _cut(number, f"{number.text} {rest.text}")
    _cut_row(current)
    return True


def _cut_row(current: LogicalRow) -> None:
    """Every number of the row, and of its figures to come, read as a number cut
    short: a row whose cells wrap their numbers at their separators (a rest in it, or
    a number cut inside a group of its digits), of which the text does not tell which
    is whole (a PDF's text layer, a line of the row lost)."""
    current.cut = True
    for cell in current.data:
        if type(cell) is Cell and cell.kind == NUMBER and cell.unit is None:
            _cut(cell, cell.text)


def _cut(number: Cell, text: str) -> None:
    """A number cell read as a number cut short: in a figure's place, no value."""
    number.kind = PARTED
    number.value = None
    number.text = text


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
