"""``pipe``: one row a line, cells separated by ``|`` or ``｜``, not every line with a
border pipe at its start and end. A line that starts or ends with a pipe then has
an empty cell there (a merged label cell, a missing figure): the core skips or
keeps it as it does any empty cell. Its rows are made as the tab layout's.

**Rows padded at their end** (trafilatura's text of a page before 2.3: 1.x's
``规章 | 2 | 3 | |``, ``行政许可 | 4529 | ||``, 2.0 to 2.2's ``| 规章 | 2 | 3 | |``): each
cell written with a pipe after it, the empty ones left out, and the row made as wide
as the table's widest with pipes at its end. A row's empty cells are then at its end
whatever places they had: none of them says where a missing figure stood. So, where
every line ends with a pipe, all or none start with one, no empty cell stands between
two with text, and some line ends with two pipes side by side (its padding), the
empty cells at each row's end are left out (the markdown layout's too), as the converter
left out the row's own: a row short of figures is the core's gap rule's (placed by
the template's arithmetic where one placement alone fits, else missing). Said once
for the table (GP015).

**A cell a line, a pipe after each** (a crawler's corpus of report pages: `信息内容 |`
/ `本年制发件数 |` / … / `规章 |` / `|` / `3 |`, a row's padding a line of pipes `|||`):
at most one cell with text a line, the first, three lines or more with a pipe after
their cell. Read as a table written a cell a line (each cell a row of its own, as a
page's plain text gives them; the core joins a label and the figures after it): the
lines of pipes alone, which cannot be told apart from a row's padding, are left out."""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import EMPTY, Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.layouts import tab
from govparse.frontends.text.lines import CellLine, SeparatorLines

NAME = "pipe"
_FEWEST_PIPED = 3  # cells with a pipe after them: fewer is no table written so


def matches(counts) -> bool:
    return counts.separated and counts.piped * 2 >= counts.separated


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink
         ) -> Iterator[tuple[Cell, ...]]:
    if _a_cell_a_line(lines):
        yield from _cells_a_line(lines)
    elif padded(lines):
        yield from unpadded_rows(lines, sink)
    else:
        yield from tab.rows(lines, sink)


def unpadded_rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink
                  ) -> Iterator[tuple[Cell, ...]]:
    """The rows of a table padded at their ends (``padded``), without the empty cells
    at each row's end (and the border pipe at its start), said once (GP015)."""
    first = next(ln for ln in lines if type(ln) is CellLine)
    sink.add("GP015", "the table's rows leave out their empty cells and are padded at "
             "their end with pipes (trafilatura's text of a page, before 2.3): the empty "
             "cells at a row's end are left out, and a row short of figures is placed "
             "only where the template's arithmetic tells", first.line, first.column,
             hint="the page itself (or trafilatura 2.3, which keeps each cell in its "
                  "place) tells where each figure stands")
    for ln in lines:
        if type(ln) is SeparatorLines:
            continue
        cells = ln.cells[1:] if ln.indented else ln.cells
        end = len(cells)
        while end and cells[end - 1].kind == EMPTY:
            end -= 1
        if end:
            yield cells[:end]


def padded(lines: list[CellLine | SeparatorLines]) -> bool:
    """Whether the table's rows are padded at their end (see the module's words):
    every line ends with a pipe, all or none start with one, no empty cell stands
    between two with text, and some line ends with two pipes side by side. (That last
    sign looked for first: a markdown table has none, and is let go in one pass.)"""
    if not any(type(ln) is CellLine and _ends_in_two_pipes(ln.pieces) for ln in lines):
        return False
    bordered = None  # whether the lines start with a pipe (trafilatura 2.0 to 2.2)
    for ln in lines:
        if type(ln) is SeparatorLines:
            continue
        pieces = ln.pieces
        if pieces[-1][0] != EMPTY:
            return False  # (a line that ends with no pipe)
        if bordered is None:
            bordered = ln.indented
        elif ln.indented is not bordered:
            return False
        start = filled = 1 if bordered else 0
        for kind, *_ in pieces[start:]:
            if kind == EMPTY:
                break
            filled += 1
        if any(kind != EMPTY for kind, *_ in pieces[filled:]):
            return False  # (an empty cell between two with text: kept in its place)
    return True


def _ends_in_two_pipes(pieces: tuple) -> bool:
    """Whether a line with text ends with two pipes side by side after a cell's
    ("… | ||": three empty pieces at its end, the last two with nothing between)."""
    return len(pieces) >= 4 and pieces[-3][0] == pieces[-2][0] == EMPTY \
        and pieces[-1][2] - pieces[-2][2] == 1 and any(piece[0] != EMPTY for piece in pieces)


def _a_cell_a_line(lines: list[CellLine | SeparatorLines]) -> bool:
    """Whether the table is written a cell a line, a pipe after each cell (`规章 |`),
    a row's padding a line of pipes (`|||`): at most one cell with text a line, the
    first, and at least _FEWEST_PIPED cells with a pipe after them on their own line.
    (A pipe alone on the line after each cell, `规章` / `|`, is no such sign: those
    lines are read as the empty cells of a table written a cell a line.)"""
    piped = 0
    for ln in lines:
        if type(ln) is SeparatorLines:
            continue
        pieces = ln.pieces
        if pieces[0][0] == EMPTY:
            if any(piece[0] != EMPTY for piece in pieces):
                return False  # (text after a pipe that opens the line)
            continue
        if any(piece[0] != EMPTY for piece in pieces[1:]):
            return False  # (two cells with text on a line)
        piped += len(pieces) > 1
    return piped >= _FEWEST_PIPED


def _cells_a_line(lines: list[CellLine | SeparatorLines]) -> Iterator[tuple[Cell, ...]]:
    for ln in lines:
        if type(ln) is not SeparatorLines and ln.pieces[0][0] != EMPTY:
            yield ln.cells_between(0, 1)
