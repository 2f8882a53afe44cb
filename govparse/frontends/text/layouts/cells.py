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
    out: list[list[Cell] | SeparatorLines] = []
    last: list[Cell] | None = None  # the last row that holds a cell
    previous: CellLine | None = None  # the line before, if it was split into cells
    for ln in lines:
        if type(ln) is SeparatorLines:
            out.append(ln)
            last = None
            previous = None  # no text of theirs continues on the next line
            continue
        filled = [c for c in ln.cells if c.kind != EMPTY]
        if ln.indented and len(filled) <= 1:
            # one cell a line: more indentation, or tabs after the cell, are layout
            row = [filled[0] if filled else ln.cells[1]]
        elif not ln.separators and previous is not None and last \
                and ln.cells[0].kind == LABEL and last[-1].kind == LABEL \
                and last[-1].line == previous.line:
            part = ln.cells[0]
            sink.add("GP307", f"cell '{last[-1].text}' continues on the next line as "
                     f"'{part.text}'; read as '{last[-1].text}{part.text}'",
                     part.line, part.column, length=len(part.text))
            last[-1] = last[-1].joined(part)
            previous = ln
            continue
        else:
            row = list(ln.cells)
        out.append(row)
        if row:
            last = row
        previous = ln
    return out
