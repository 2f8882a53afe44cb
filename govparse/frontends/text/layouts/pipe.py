"""``pipe``: one row a line, cells separated by ``|`` or ``｜``, not every line with a
border pipe at its start and end. A line that starts or ends with a pipe then has
an empty cell there (a merged label cell, a missing figure): the core skips or
keeps it as it does any empty cell. Its rows are made as the tab layout's.

**Rows padded at their end** (trafilatura 1.x's text of a page: ``规章 | 2 | 3 | |``,
``行政许可 | 4529 | ||``): each cell written with a pipe after it, the empty ones left
out, and the row made as wide as the table's widest with pipes at its end. A row's
empty cells are then at its end whatever places they had: none of them says where a
missing figure stood. So, where every line ends with a pipe, none starts with one, no
empty cell stands between two with text, and some line ends with two pipes side by
side (its padding), the empty cells at each row's end are left out, as the converter
left out the row's own: a row short of figures is the core's gap rule's (placed by
the template's arithmetic where one placement alone fits, else missing). Said once
for the table (GP015)."""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import EMPTY, Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.layouts import tab
from govparse.frontends.text.lines import CellLine, SeparatorLines

NAME = "pipe"


def matches(counts) -> bool:
    return counts.separated and counts.piped * 2 >= counts.separated


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink
         ) -> Iterator[tuple[Cell, ...]]:
    if not _padded(lines):
        yield from tab.rows(lines, sink)
        return
    first = next(ln for ln in lines if type(ln) is CellLine)
    sink.add("GP015", "the table's rows leave out their empty cells and are padded at "
             "their end with pipes (trafilatura 1.x's text of a page): the empty cells at "
             "a row's end are left out, and a row short of figures is placed only where "
             "the template's arithmetic tells", first.line, first.column,
             hint="the page itself (or trafilatura 2, which keeps each cell in its place) "
                  "tells where each figure stands")
    for ln in lines:
        if type(ln) is SeparatorLines:
            continue
        cells = ln.cells
        end = len(cells)
        while end and cells[end - 1].kind == EMPTY:
            end -= 1
        if end:
            yield cells[:end]


def _padded(lines: list[CellLine | SeparatorLines]) -> bool:
    """Whether the table's rows are padded at their end (see the module's words)."""
    padding = False
    for ln in lines:
        if type(ln) is SeparatorLines:
            continue
        pieces = ln.pieces
        if ln.indented or pieces[-1][0] != EMPTY:
            return False  # (a line that starts with a pipe, or ends with no pipe)
        filled = 0
        for kind, *_ in pieces:
            if kind == EMPTY:
                break
            filled += 1
        if any(kind != EMPTY for kind, *_ in pieces[filled:]):
            return False  # (an empty cell between two with text: kept in its place)
        # two pipes side by side at the end: "… | ||"
        if filled and len(pieces) - filled >= 3 and pieces[-1][2] - pieces[-2][2] == 1:
            padding = True
    return padding
