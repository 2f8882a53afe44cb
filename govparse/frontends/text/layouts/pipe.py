"""``pipe``: one row a line, cells separated by ``|`` or ``｜``, not every line with a
border pipe at its start and end. A line that starts or ends with a pipe then has
an empty cell there (a merged label cell, a missing figure): the core skips or
keeps it as it does any empty cell."""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import EMPTY, Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.lines import CellLine, SeparatorLines

NAME = "pipe"


def matches(counts) -> bool:
    return counts.separated and counts.piped * 2 >= counts.separated


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink) -> Iterator[list[Cell]]:
    for ln in lines:
        # lines of empty cells only add nothing, as a run of them (SeparatorLines)
        if type(ln) is not SeparatorLines and any(c.kind != EMPTY for c in ln.cells):
            yield list(ln.cells)
