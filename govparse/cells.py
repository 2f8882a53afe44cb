"""Cells as the grammar found them, and the stream of cells a table is read from.

A table reaches us in one of several layouts; this module turns the lines of any of
them into one stream of cells in reading order, so that tables.py can decide rows
by their labels alone:

- ``tab``: one row a line, tab-separated; empty cells from merged label cells.
- ``pipe``: one row a line, ``|``-separated, optional border pipes (markdown too).
- ``cells``: one cell a line, tab-indented, blank lines between rows; a line that
  is not indented continues the cell above it (a header cell split across lines).
"""

from __future__ import annotations

import functools
import re
import sys
from decimal import Decimal, InvalidOperation
from typing import Iterator, NamedTuple

import attrs

from govparse.classes import define
from govparse.diagnostics import DiagnosticSink
from govparse.model import Value

NUMBER, PLACEHOLDER, LABEL, EMPTY = "number", "placeholder", "label", "empty"
FIGURE_KINDS = frozenset((NUMBER, PLACEHOLDER))
PIPES = frozenset("|｜")


@define  # made by the thousand: attrs' slotted class builds faster than a NamedTuple
class Cell:
    """One cell of a table line."""

    kind: str
    text: str
    line: int
    column: int
    value: Value = None
    unit: str | None = None

    @property
    def is_figure(self) -> bool:
        """A cell that stands in a figure's place and is not empty."""
        return self.kind in FIGURE_KINDS

    def joined(self, other: Cell) -> Cell:
        return attrs.evolve(self, text=self.text + other.text)


class CellLine(NamedTuple):
    """One line of a table as written: its cells (empty ones included) and separators."""

    line: int
    cells: tuple[Cell, ...]
    separators: str  # the separator characters, in order
    indented: bool  # the line starts with a separator

    @property
    def filled(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.kind != EMPTY)

    @property
    def lone_label(self) -> Cell | None:
        """The line's only filled cell, when it is a label: maybe a sentence."""
        found = None
        for cell in self.cells:
            if cell.kind != EMPTY:
                if found is not None or cell.kind != LABEL:
                    return None
                found = cell
        return found


_CHUNK = 1 << 16  # characters of a run of lines split at once


def split_lines(run: str) -> Iterator[str]:
    """The lines of a run of lines that ends with a line end (each line without it),
    split a chunk at a time: a list of them all, a str a line, would be most of what
    a section of a million short lines of separators takes."""
    start, size = 0, len(run)
    while start < size:
        end = run.find("\n", start + _CHUNK)
        end = size if end < 0 else end + 1
        yield from run[start:end].split("\n")[:-1]
        start = end


class SeparatorLines:
    """Two or more table lines in a row that hold separators only (blank lines may
    stand between them): every cell of theirs is empty. They are kept as their text,
    not split: a Cell a separator costs about a hundred times the text's size, and a
    table section of nothing else (a page's empty grid) would take gigabytes. In
    the one-cell-a-line layout each line stands for one empty cell, made by
    ``cells()`` where a row's figures need it (tables.logical_rows); in the other
    layouts such lines add no cell to the stream (cell_stream)."""

    __slots__ = ("line", "column", "text", "last_line", "count", "piped", "single")
    # In a cell stream they stand for their lines' cells, which are empty.
    kind = EMPTY
    is_figure = False
    lone_label = None  # as a CellLine's: the lines hold no label

    def __init__(self, line: int, column: int) -> None:
        self.line = line  # where the first line is, and the column it starts at
        self.column = column
        self.text = ""  # the lines, each with its line end; set by the transformer
        self.last_line = line
        # what detect_layout() counts: lines, lines with a pipe, lines of one separator
        self.count = self.piped = self.single = 0

    def add(self, line: int, body: str) -> None:
        """One more line; ``body``: its separators, without the blanks around them."""
        self.last_line = line
        self.count += 1
        self.piped += "|" in body or "｜" in body
        self.single += len(body) == 1

    def lines(self) -> Iterator[CellLine]:
        """Each line as split_cells() reads it."""
        column = self.column
        for number, text in enumerate(split_lines(self.text), start=self.line):
            if text.strip(BLANK):
                yield split_cells(text, number, column)
            column = 1

    def cells(self) -> Iterator[Cell]:
        """The cell each line stands for in the one-cell-a-line layout: the empty one
        after its first separator (as cell_stream() takes from an indented line)."""
        for ln in self.lines():
            yield ln.cells[1]

    def __repr__(self) -> str:
        return f"SeparatorLines(line={self.line}, count={self.count})"


_FULL_WIDTH_DIGITS = re.compile("[０-９．]")
# Full-width digits, point, comma and minus, as ASCII (for reading and checking figures).
FOLD_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")


# ---------------------------------------------------------------- splitting a line


class CellSyntax:
    """The grammar's cell terminals, compiled for one pass over a table line."""

    __slots__ = ("separator", "figure")

    def __init__(self, separator: re.Pattern, figure: re.Pattern) -> None:
        self.separator = separator  # SEP: one character between two cells
        self.figure = figure  # NUMBER [UNIT] | PLACEHOLDER, the whole (stripped) cell


@functools.cache
def cell_syntax() -> CellSyntax:
    from govparse.parser import lark_parser  # the grammar, loaded once

    terminals = {t.name: t for t in lark_parser().terminals}

    def terminal(name: str) -> str:
        return terminals[name].pattern.to_regexp()

    separator = re.compile(terminal("SEP"))
    # split_cells() counts columns on this: a separator is one character
    assert separator.fullmatch("\t") and not separator.fullmatch("\t\t")
    space = "[^\\S\\t\\n]*"  # blanks, as in the grammar
    return CellSyntax(
        separator,
        re.compile(
            f"(?P<number>{terminal('NUMBER')}){space}(?P<unit>{terminal('UNIT')})?"
            f"|(?P<placeholder>{terminal('PLACEHOLDER')})"
        ),
    )


# A blank, as the grammar has it ([^\S\t\n]): every whitespace character but the tab
# and the line end, written out for str.strip (tests hold it to str.isspace).
BLANK = ("\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
         "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
BLANKS = BLANK + "\t"  # what the grammar counts as blank around a line's text
SEPARATORS_AND_BLANKS = BLANKS + "|｜"  # what a line of empty cells is made of


def strip_blanks(text: str) -> tuple[str, int]:
    """The text without the grammar's blanks around it, and how many went before.
    (Not str.strip(): that strips more, and text it strips would read otherwise.)"""
    body = text.strip(BLANKS)
    return body, (len(text) - len(text.lstrip(BLANKS)) if body else 0)


def split_cells(text: str, line: int, column: int) -> CellLine:
    """A table line's cells, as the grammar's rule `row` reads them.

    ``text`` starts at ``column`` of ``line``. An empty cell stands just after the
    separator before it (at column 1 when it opens the line)."""
    syntax = cell_syntax()
    pieces = syntax.separator.split(text)
    cells: list[Cell] = []
    append = cells.append
    start = 0  # where the piece starts in text
    for raw in pieces:
        body = raw.strip(BLANK) if raw else raw
        if not body:
            append(Cell(EMPTY, "", line, column + start if start else 1))
        else:
            at = column + start
            if raw[0] in BLANK:
                at += len(raw) - len(raw.lstrip(BLANK))
            if body.isdigit() and body.isascii() and len(body) < 20:  # a plain count
                append(Cell(NUMBER, body, line, at, int(body)))
            else:
                append(_classified(syntax, body, line, at))
        start += len(raw) + 1
    separators = "".join(syntax.separator.findall(text)) if len(pieces) > 1 else ""
    return CellLine(line, tuple(cells), separators, bool(separators) and cells[0].kind == EMPTY)


def _classified(syntax: CellSyntax, body: str, line: int, at: int) -> Cell:
    match = syntax.figure.fullmatch(body)
    if match is None:
        return Cell(LABEL, body, line, at)
    if match.group("placeholder") is not None:
        return Cell(PLACEHOLDER, body, line, at)
    number = match.group("number")
    return Cell(NUMBER, number, line, at, number_value(number), match.group("unit"))


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
                 cell.line, cell.column, length=min(len(text), 40))
        return
    if _FULL_WIDTH_DIGITS.search(text):
        sink.add("GP309", f"figure '{text}' is written in full-width digits; read as "
                 f"{cell.value}", cell.line, cell.column, length=len(text))
    if "," in text:
        sink.add("GP310", f"figure '{text}' has thousands separators; read as {cell.value}",
                 cell.line, cell.column, length=len(text))
    if cell.unit:
        sink.add("GP311", f"figure '{text}{cell.unit}' carries the unit '{cell.unit}'; the "
                 f"number {text} is kept", cell.line, cell.column,
                 length=len(text) + len(cell.unit))


def detect_layout(lines: list[CellLine | SeparatorLines]) -> str:
    separated = piped = one_cell = 0  # lines with separators, with a pipe, of one cell
    for ln in lines:
        if type(ln) is SeparatorLines:
            separated += ln.count
            piped += ln.piped
            one_cell += ln.single  # a line of separators only is indented
        elif ln.separators:
            separated += 1
            piped += not PIPES.isdisjoint(ln.separators)
            one_cell += ln.indented and len(ln.separators) == 1
    if not separated:
        return "tab"
    if piped * 2 >= separated:
        return "pipe"
    return "cells" if one_cell * 5 >= separated * 4 else "tab"


def _trim_trailing_empties(cells: tuple[Cell, ...]) -> list[Cell]:
    out = list(cells)
    while out and out[-1].kind == EMPTY:
        out.pop()
    return out


def cell_stream(
    lines: list[CellLine | SeparatorLines], layout: str, sink: DiagnosticSink
) -> list[Cell | SeparatorLines]:
    """All cells of a table in reading order, with layout artefacts removed:
    trailing empty cells of a line (trailing separators), border pipes, and in the
    one-cell-a-line layout the indentation. Lines of separators only stay one
    SeparatorLines in the one-cell-a-line layout (an empty cell a line, made only
    where needed), and add nothing in the others (a line's empty cells are all
    trailing ones)."""
    stream: list[Cell | SeparatorLines] = []
    previous: CellLine | None = None
    for ln in lines:
        if type(ln) is SeparatorLines:
            if layout == "cells":
                stream.append(ln)
            previous = None  # no text of theirs continues on the next line
            continue
        for cell in ln.cells:
            if cell.kind == NUMBER and (cell.unit or cell.value is None
                                        or not cell.text.isascii() or "," in cell.text):
                note_number_form(cell, sink)
        filled = [c for c in ln.cells if c.kind != EMPTY]
        if layout == "cells" and ln.indented and len(filled) <= 1:
            # one cell a line: more indentation, or tabs after the cell, are layout
            stream.append(filled[0] if filled else ln.cells[1])
        elif layout == "cells" and not ln.separators and previous is not None \
                and ln.cells[0].kind == LABEL and stream and stream[-1].kind == LABEL \
                and stream[-1].line == previous.line:
            # A cell's text wrapped onto a line of its own: 商业 / 企业.
            part = ln.cells[0]
            sink.add("GP307", f"cell '{stream[-1].text}' continues on the next line as "
                     f"'{part.text}'; read as '{stream[-1].text}{part.text}'",
                     part.line, part.column, length=len(part.text))
            stream[-1] = stream[-1].joined(part)
        else:
            cells = list(ln.cells)
            if layout == "pipe" and ln.indented:
                cells.pop(0)  # the border pipe at the start of the line
            if any(c.kind == LABEL for c in cells):
                # Empty cells before a line's first label are merged label cells
                # (or the border pipe): they stand in no figure's place.
                while cells[0].kind == EMPTY:
                    cells.pop(0)
            stream.extend(_trim_trailing_empties(tuple(cells)))
        previous = ln
    return stream
