"""``pipe``: one row a line, cells separated by ``|`` or ``｜``, not every line with a
border pipe at its start and end. A line that starts or ends with a pipe then has
an empty cell there (a merged label cell, a missing figure): the core skips or
keeps it as it does any empty cell."""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.lines import CellLine, SeparatorLines

NAME = "pipe"


def matches(counts) -> bool:
    return counts.separated and counts.piped * 2 >= counts.separated


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink) -> Iterator[list[Cell]]:
    for ln in lines:
        if type(ln) is not SeparatorLines:  # lines of empty cells add nothing
            yield list(ln.cells)
