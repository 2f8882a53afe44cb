"""What a cell of a table means: a number (with its unit), a placeholder, a label, or
nothing. The patterns are the text grammar's cell terminals (grammar/report.lark:
NUMBER, UNIT, PLACEHOLDER), written once more here because the core reads cells from
any source and never loads the grammar; tests/test_grammar.py holds the two equal.
"""

from __future__ import annotations

import functools
import re
import sys
from decimal import Decimal, InvalidOperation

from govparse.diagnostics import DiagnosticSink
from govparse.document import TextLocation
from govparse.model.report import Value

NUMBER, PLACEHOLDER, LABEL, EMPTY = "number", "placeholder", "label", "empty"
# Digits parted by a blank in one cell ("203 2": a number wrapped in its cell, whose
# lines a PDF's or a page's cell gives apart; "1 234"): it stands in a figure's place,
# but which number it is the cell does not say (parted_numbers.py).
PARTED = "parted"
FIGURE_KINDS = frozenset((NUMBER, PLACEHOLDER, PARTED))

# The grammar's cell terminals, as it writes them (a cell's end is the end of the
# text here, where the grammar looks ahead to a separator or the line's end).
_CELL_END = r"(?=[^\S\t\n]*(?:[\t\n|]|｜|\Z))"
UNITS = "万元|元|个|件|项|条|次|人"
NUMBER_PATTERN = (r"[+\-]?[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
                  rf"(?=[^\S\t\n]*(?:(?:{UNITS})[^\S\t\n]*)?(?:[\t\n|]|｜|\Z))")
UNIT_PATTERN = rf"(?:{UNITS}){_CELL_END}"
PLACEHOLDER_PATTERN = rf"(?:[—–\-－―]+|[\/／]|无|空){_CELL_END}"
# The characters a figure's or a placeholder's cell is written with, but for the
# blanks between a number and its unit: what the patterns above read. A cell with
# any other character is a label, told without the pattern, which is compiled where
# a cell may be a figure (about 5M instructions: a text of plain counts and labels
# needs none). tests/test_start_up.py holds classify to the pattern alone.
FIGURE_CHARACTERS = "+-,.．0123456789０１２３４５６７８９—–－―/／无空" + UNITS.replace("|", "")
_NOT_FIGURE_CHARACTERS = dict.fromkeys(map(ord, FIGURE_CHARACTERS))  # (str.translate drops them)


@functools.cache
def figure_pattern() -> re.Pattern:
    return re.compile(rf"(?P<number>{NUMBER_PATTERN})[^\S\t\n]*(?P<unit>{UNIT_PATTERN})?"
                      rf"|(?P<placeholder>{PLACEHOLDER_PATTERN})")


class Cell:
    """One cell of a table, as the core reads it: its kind and, for a number, value and
    unit (``text``: the number as written, without the unit).

    It serves as a Document cell too (it has a govparse.document.Cell's attributes,
    and holds its reading): the text front-end, which reads every cell with
    ``classify`` as it splits a line, gives these in its Documents, so that a cell is
    one object, read once. (A plain class with its own slots only: made by the
    thousand, it builds faster and takes less memory than an attrs one.)"""

    __slots__ = ("kind", "text", "line", "column", "value", "unit", "source", "x", "ends_row",
                 "row")
    # A Document cell's span: a cell read from a text line spans nothing.
    rowspan = 1
    colspan = 1
    covered = False

    def __init__(self, kind: str, text: str, line: int | None, column: int | None,
                 value: Value = None, unit: str | None = None, location: object = None,
                 x: tuple[float, float] | None = None) -> None:
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
        self.value = value
        self.unit = unit
        self.source = location  # where the Document has it, when that is not a text's line
        self.x = x  # the horizontal extent, where the source gives one
        # An empty cell after the last text of its row: a cell, or what a trailing
        # separator left; the table reader drops it when a row has cells to spare.
        self.ends_row = False
        self.row: int | None = None  # the row of its table's grid (a header's cells share one)

    @property
    def location(self):
        """Where it stands: as the Document had it, or its text line and column."""
        if self.source is not None:
            return self.source
        return TextLocation(self.line, self.column) if self.line is not None else None

    @property
    def reading(self) -> Cell:
        return self

    @property
    def is_figure(self) -> bool:
        """A cell that stands in a figure's place and is not empty."""
        return self.kind in FIGURE_KINDS

    def joined(self, other: Cell) -> Cell:
        return Cell(self.kind, self.text + other.text, self.line, self.column, self.value,
                    self.unit, self.source, self.x)

    def _key(self) -> tuple:
        return (self.kind, self.text, self.line, self.column, self.value, self.unit)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Cell:
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # mutable, as the attrs class it was

    def __repr__(self) -> str:
        return (f"Cell(kind={self.kind!r}, text={self.text!r}, line={self.line!r}, "
                f"column={self.column!r}, value={self.value!r}, unit={self.unit!r})")


_new = object.__new__


def line_cells(pieces, line: int, column: int) -> tuple[Cell, ...]:
    """``Cell(kind, text, line, column + offset, value, unit)`` for each of a text line's
    pieces ``(kind, text, offset, value, unit)`` (offset None: column 1), made without
    a call of ``__init__`` a cell (about 2,600 instructions a Cell, not 3,600: a
    report's text has some 350 of them)."""
    cells = []
    append = cells.append
    for kind, text, offset, value, unit in pieces:
        cell = _new(Cell)
        cell.kind = kind
        cell.text = text
        cell.line = line
        cell.column = 1 if offset is None else column + offset
        cell.value = value
        cell.unit = unit
        cell.source = None
        cell.x = None
        cell.ends_row = False
        cell.row = None
        append(cell)
    return tuple(cells)


def new_cell(kind: str, text: str, line: int, column: int, value: Value, unit: str | None,
             x: tuple[float, float] | None) -> Cell:
    """``Cell(kind, text, line, column, value, unit, x=x)`` made as line_cells makes
    them, without the call of ``__init__`` through the class (about 2,800 instructions
    a Cell, not 3,100): for the front-ends' cells, made by the hundred a report."""
    cell = _new(Cell)
    cell.kind = kind
    cell.text = text
    cell.line = line
    cell.column = column
    cell.value = value
    cell.unit = unit
    cell.source = None
    cell.x = x
    cell.ends_row = False
    cell.row = None
    return cell


assert Cell.__slots__ == ("kind", "text", "line", "column", "value", "unit", "source", "x",
                          "ends_row", "row"), "line_cells and new_cell set every slot of Cell"


@functools.cache
def _full_width_digits() -> re.Pattern:
    """(Compiled when a figure first holds a character beyond ASCII.)"""
    return re.compile("[０-９．]")


# (a number starts with no 0; each blank one character: a line end, a space, NBSP …)
_PARTED_DIGITS = re.compile(r"[1-9][0-9]*(?:[^\S\t][0-9]+)+")


def is_parted_number(text: str) -> bool:
    """Digits parted by a blank, as a cell holds a number wrapped in it (``203 2``)."""
    return len(text) < 24 and _PARTED_DIGITS.fullmatch(text) is not None


def joined_digits(text: str) -> int | None:
    """The number a parted cell's digits make joined (``203 2``: 2032); None where it
    holds more than digits (``795 .22``, a number cut before its decimals)."""
    digits = "".join(text.split())
    return int(digits) if digits.isdecimal() else None


def as_lines(text: str) -> str:
    """A parted cell's pieces as the lines they stand on (``203 2``: ``203 / 2``)."""
    return " / ".join(text.split())


# A word of a cell's text: a run without a blank (every Unicode blank: NBSP, U+3000 …)
WORD = re.compile(r"\S+")
# Full-width digits, point, comma and minus, as ASCII (for reading and checking figures).
FOLD_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")


def classify(text: str, line: int | None, column: int | None) -> Cell:
    """A cell's meaning from its text (blanks around it already removed)."""
    if not text:
        return Cell(EMPTY, "", line, column)
    if text.isdigit() and text.isascii() and len(text) < 20:  # a plain count
        return Cell(NUMBER, text, line, column, int(text))
    others = text.translate(_NOT_FIGURE_CHARACTERS)
    if others and not others.isspace():
        return Cell(LABEL, text, line, column)
    match = figure_pattern().fullmatch(text)
    if match is None:
        return Cell(LABEL, text, line, column)
    if match.group("placeholder") is not None:
        return Cell(PLACEHOLDER, text, line, column)
    number = match.group("number")
    return Cell(NUMBER, number, line, column, number_value(number), match.group("unit"))


def read_cell(cell) -> Cell:
    """The core's reading of a Document cell; a covered place reads as an empty cell."""
    if type(cell) is Cell:
        return cell  # read already (the text front-end's)
    read = cell.reading
    if read is not None and not cell.covered:
        return read
    location = cell.location
    if type(location) is TextLocation:
        read = classify(cell.text, location.line, location.column)
    else:
        read = classify(cell.text, getattr(location, "line", None), None)
        read.source = location
    if cell.covered and read.kind != EMPTY:
        read = Cell(EMPTY, "", read.line, read.column, location=read.source)
    if cell.x is not None:
        read.x = cell.x
    return read


def has_han(text: str) -> bool:
    """Whether the text has a Chinese character: a word, where a figure has none."""
    # (not a regular expression: the class [\u4e00-\u9fff] takes 2 ms to compile)
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def number_value(text: str) -> Value:
    """The value of a NUMBER token: int, or Decimal when written with a point."""
    plain = text.translate(FOLD_FULL_WIDTH).replace(",", "")
    try:
        return Decimal(plain) if "." in plain else int(plain)
    except (ValueError, InvalidOperation):  # longer than int() reads (sys.set_int_max_str_digits)
        return None


def note_number_form(cell: Cell, sink: DiagnosticSink) -> None:
    """Say how a figure was written where it is not plain ASCII digits."""
    text = cell.text
    if cell.value is None:
        limit = sys.get_int_max_str_digits()
        sink.add("GP313", f"figure '{text[:20]}…' is {len(text)} characters long, more than "
                 f"govparse reads as a number ({limit} digits); taken as missing",
                 at=cell, length=min(len(text), 40))
        return
    if not text.isascii() and _full_width_digits().search(text):
        sink.add("GP309", f"figure '{text}' is written in full-width digits; read as "
                 f"{cell.value}", at=cell, length=len(text))
    if "," in text:
        sink.add("GP310", f"figure '{text}' has thousands separators; read as {cell.value}",
                 at=cell, length=len(text))
    if cell.unit:
        sink.add("GP311", f"figure '{text}{cell.unit}' carries the unit '{cell.unit}'; the "
                 f"number {text} is kept", at=cell,
                 length=len(text) + len(cell.unit))


