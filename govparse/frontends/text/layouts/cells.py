"""``cells``: one cell a line, indented by a tab, blank lines between rows. A line
that is not indented continues the cell above it (a header cell split across
lines: 商业 / 企业). Runs of lines of separators only stay one SeparatorLines, an
empty cell a line, made only where the core needs them."""

from __future__ import annotations

from govparse.core.cells import EMPTY, LABEL, Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.lines import CellLine, SeparatorLines

NAME = "cells"


def matches(counts) -> bool:
    return counts.separated and counts.one_cell * 5 >= counts.separated * 4


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink
         ) -> list[list[Cell] | SeparatorLines]:
    """One row of the grid for each run of lines between blank lines: a row of the
    table, written a cell a line."""
    out: list[list[Cell] | SeparatorLines] = []
    row: list[Cell] | None = None  # the row being read
    previous: CellLine | None = None  # the line before, if it was split into cells
    for ln in lines:
        if type(ln) is SeparatorLines:
            out.append(ln)
            row = previous = None  # no text of theirs continues on the next line
            continue
        cells = ln.cells
        if ln.indented and len(cells) == 2 and cells[1].kind != EMPTY:
            filled = [cells[1]]  # the layout's common line: a tab, then a cell
        else:
            filled = [c for c in cells if c.kind != EMPTY]
        if not filled:
            # a line of separators only: an empty cell, on a row of its own as a run
            # of such lines is (SeparatorLines)
            out.append([ln.cells[1] if ln.indented else ln.cells[0]])
            row = previous = None
            continue
        if previous is None or ln.line > previous.line + 1:
            row = []  # a blank line (or lines of separators) before: a new row
            out.append(row)
        if ln.indented and len(filled) == 1:
            # one cell a line: more indentation, or tabs after the cell, are layout
            row.append(filled[0])
        elif not ln.separators and row and ln.cells[0].kind == LABEL \
                and row[-1].kind == LABEL and row[-1].line == previous.line:
            # a cell's text wrapped onto a line of its own: 商业 / 企业
            part = ln.cells[0]
            sink.add("GP307", f"cell '{row[-1].text}' continues on the next line as "
                     f"'{part.text}'; read as '{row[-1].text}{part.text}'",
                     part.line, part.column, length=len(part.text))
            row[-1] = row[-1].joined(part)
        else:
            row.extend(ln.cells)
        previous = ln
    return out
