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

import re
from decimal import Decimal, InvalidOperation

import attrs

from govparse.diagnostics import DiagnosticSink
from govparse.model import Value

NUMBER, PLACEHOLDER, LABEL, EMPTY = "number", "placeholder", "label", "empty"
PIPES = frozenset("|｜")


@attrs.frozen
class Cell:
    kind: str
    text: str
    line: int
    column: int
    value: Value = None
    unit: str | None = None

    @property
    def is_figure(self) -> bool:
        """A cell that stands in a figure's place and is not empty."""
        return self.kind in (NUMBER, PLACEHOLDER)

    def joined(self, other: Cell) -> Cell:
        return attrs.evolve(self, text=self.text + other.text)


@attrs.frozen
class CellLine:
    """One line of a table as written: its cells (empty ones included) and separators."""

    line: int
    cells: tuple[Cell, ...]
    separators: str  # the separator characters, in order
    indented: bool  # the line starts with a separator

    @property
    def filled(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.kind != EMPTY)


_FULL_WIDTH_DIGITS = re.compile("[０-９．]")
_DIGIT_FOLD = str.maketrans("０１２３４５６７８９．", "0123456789.")


def number_value(text: str) -> Value:
    """The value of a NUMBER token: int, or Decimal when written with a point."""
    plain = text.translate(_DIGIT_FOLD).replace(",", "")
    try:
        return Decimal(plain) if "." in plain else int(plain)
    except (ValueError, InvalidOperation):  # the grammar admits no such token
        return None


def note_number_form(cell: Cell, sink: DiagnosticSink) -> None:
    """Say how a figure was written where it is not plain ASCII digits."""
    text = cell.text
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


def detect_layout(lines: list[CellLine]) -> str:
    separated = [ln for ln in lines if ln.separators]
    if not separated:
        return "tab"
    piped = sum(1 for ln in separated if PIPES.intersection(ln.separators))
    if piped * 2 >= len(separated):
        return "pipe"
    one_cell = sum(1 for ln in separated if ln.indented and len(ln.separators) == 1)
    return "cells" if one_cell * 5 >= len(separated) * 4 else "tab"


def _trim_trailing_empties(cells: tuple[Cell, ...]) -> list[Cell]:
    out = list(cells)
    while out and out[-1].kind == EMPTY:
        out.pop()
    return out


def cell_stream(
    lines: list[CellLine], layout: str, sink: DiagnosticSink
) -> list[Cell]:
    """All cells of a table in reading order, with layout artefacts removed:
    trailing empty cells of a line (trailing separators), border pipes, and in the
    one-cell-a-line layout the indentation."""
    stream: list[Cell] = []
    previous: CellLine | None = None
    for ln in lines:
        for cell in ln.cells:
            if cell.kind == NUMBER:
                note_number_form(cell, sink)
        if layout == "cells" and (ln.indented and len(ln.separators) == 1):
            stream.append(ln.cells[1])
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
