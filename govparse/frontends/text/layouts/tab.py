"""``tab``: one row a line, cells separated by tabs. Empty cells at a line's start
stand for merged label cells (the core skips them); empty cells at its end are
kept: the core drops those beyond the row's columns, and takes the others as the
empty cells they are (a printed row's missing last figures)."""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import EMPTY, Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.lines import CellLine, SeparatorLines

NAME = "tab"


def matches(counts) -> bool:
    return True  # what no other layout claims


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink
         ) -> Iterator[tuple[Cell, ...]]:
    for ln in lines:
        # lines of empty cells only add nothing, as a run of them (SeparatorLines)
        if type(ln) is SeparatorLines:
            continue
        cells = ln.cells
        for cell in cells:
            if cell.kind != EMPTY:
                yield cells  # (a tuple: the Document's row as it is, no copy)
                break
