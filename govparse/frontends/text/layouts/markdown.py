"""``markdown``: a pipe table whose every line starts and ends with a border pipe
(| a | b |); the rule line under its header (|---|---|) the grammar has read as a
RULE already. The border pipes are no cells: the empty pieces before the first and
after the last are dropped, and what stands between them are the row's cells."""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.layouts import pipe
from govparse.frontends.text.lines import CellLine, SeparatorLines, bordered

NAME = "markdown"


def matches(counts) -> bool:
    return pipe.matches(counts) and counts.bordered == counts.separated


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink
         ) -> Iterator[tuple[Cell, ...]]:
    if pipe.padded(lines):  # (trafilatura 2.0 to 2.2: pipe.py says how)
        yield from pipe.unpadded_rows(lines, sink)
        return
    for ln in lines:
        if type(ln) is SeparatorLines:
            continue  # lines of empty cells add nothing
        if not ln.has_text:
            continue  # as a run of them (SeparatorLines): nothing
        yield ln.cells_between(1, -1) if bordered(ln) else ln.cells
