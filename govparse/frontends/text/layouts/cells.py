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
    for index, ln in enumerate(lines):
        if type(ln) is SeparatorLines:
            out.append(ln)
            row = previous = None  # no text of theirs continues on the next line
            continue
        pieces = ln.pieces
        if ln.indented and len(pieces) == 2 and pieces[1][0] != EMPTY:
            # the layout's common line: a tab, then a cell (the only one made)
            filled = ln.cells_between(1, 2)
        else:
            filled = [c for c in ln.cells if c.kind != EMPTY]
        if not filled:
            empty = ln.cells[1] if ln.indented else ln.cells[0]
            if row and previous is not None and ln.line == previous.line + 1 \
                    and _alone_in_its_run(lines, index):
                # one such line right under a line of the row, and no other such line
                # after it: a cell of the row, a missing figure's (which, at its end,
                # says how wide the row is)
                row.append(empty)
                previous = ln
                continue
            # a line of separators only: an empty cell, on a row of its own as a run
            # of such lines is (SeparatorLines)
            out.append([empty])
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


def _alone_in_its_run(lines: list, index: int) -> bool:
    """Whether the line after a line of separators only is a line of text of the same
    run, or none (a blank line, the end): not another line of separators only, which
    with it would be lines of empty cells that stand apart (SeparatorLines)."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or following.line > lines[index].line + 1:
        return True
    return type(following) is CellLine and following.has_text
