"""``pipe``: one row a line, cells separated by ``|`` or ``｜``, with or without a
border pipe at the start and end of each line (the border pipes are no cells)."""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import Cell
from govparse.diagnostics import DiagnosticSink
from govparse.core.cells import EMPTY
from govparse.frontends.text.lines import PIPES, CellLine, SeparatorLines

NAME = "pipe"


def matches(counts) -> bool:
    return counts.separated and counts.piped * 2 >= counts.separated


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink) -> Iterator[list[Cell]]:
    for ln in lines:
        if type(ln) is SeparatorLines:
            continue  # lines of empty cells add nothing
        cells = list(ln.cells)
        if ln.indented:
            cells.pop(0)  # the border pipe at the start of the line
            if len(cells) > 1 and cells[-1].kind == EMPTY and ln.separators[-1] in PIPES:
                # and its pair at the end; the empty cells before it are cells (a line
                # with no border at its start ends in an empty cell, not a border)
                cells.pop()
        yield cells
