"""``pipe``: one row a line, cells separated by ``|`` or ``｜``, with or without a
border pipe at the start and end of each line."""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.layouts.tab import trimmed
from govparse.frontends.text.lines import CellLine, SeparatorLines

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
        yield trimmed(cells)
