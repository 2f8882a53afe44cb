"""A table's grid as one stream of cells in reading order, for rows to be read by label.

The places a spanning label covers (HTML's rowspan and colspan of a label cell) are
left out, and the empty cells before a row's first label are what a merged label
cell leaves in a text (a tab table's leading tabs): they stand in no figure's place.
A place covered by a spanning figure keeps its place, as an empty cell. A run of rows of one empty cell each (EmptyCells) stays one item, made into
cells only where a row's figures need them."""

from __future__ import annotations

import functools
from typing import Iterable, Iterator

from govparse.core.cells import (EMPTY, LABEL, NUMBER, Cell, classify, note_number_form,
                                 read_cell)
from govparse.diagnostics import DiagnosticSink
from govparse.document import EmptyCells, column_of, line_of


class EmptyRun:
    """EmptyCells in the stream: ``count`` empty cells, each on a row of its own."""

    __slots__ = ("source", "count", "line", "column")
    kind = EMPTY
    is_figure = False
    row = None  # its cells stand on rows of their own
    ends_row = False

    def __init__(self, source: EmptyCells) -> None:
        self.source = source
        self.count = source.count
        location = source.location
        self.line = line_of(location)
        self.column = column_of(location)

    def cells(self) -> Iterator[Cell]:
        for cell in self.source.cells():
            yield read_cell(cell)

    def __repr__(self) -> str:
        return f"EmptyRun(line={self.line}, count={self.count})"


class Stream:
    """A table's cells in reading order, and the lone labels among its rows (a row
    whose only text is one label: maybe a misspelt heading)."""

    __slots__ = ("cells", "lone_labels")

    def __init__(self) -> None:
        self.cells: list[Cell | EmptyRun] = []
        self.lone_labels: list[Cell] = []


def stream_of(rows: Iterable, sink: DiagnosticSink) -> Stream:
    stream = Stream()
    extend = stream.cells.extend
    for number, row in enumerate(rows):
        if isinstance(row, EmptyCells):
            stream.cells.append(EmptyRun(row))
            continue
        # (a cell the text front-end gives is read already: no call for it). A place
        # covered by a label (its colspan, a parent label's rowspan) is no cell of
        # the row, nor is one a figure's colspan covers up to the row's end: left
        # out. Any other covered place keeps its place, read as an empty cell.
        cells = [c if type(c) is Cell else read_cell(c) for c in _places(row)]
        if not cells:
            continue
        labels = 0
        filled = 0
        last = -1  # where the row's last text stands
        for index, cell in enumerate(cells):
            cell.row = number
            kind = cell.kind
            if kind == EMPTY:
                continue
            filled += 1
            last = index
            if kind == NUMBER:
                if cell.unit or cell.value is None or not cell.text.isascii() or "," in cell.text:
                    note_number_form(cell, sink)
            elif kind == LABEL:
                labels += 1
        if 0 <= last < len(cells) - 1:
            for cell in cells[last + 1:]:
                cell.ends_row = True
        if labels:
            if filled == 1:
                stream.lone_labels.append(next(c for c in cells if c.kind == LABEL))
            start = 0
            while cells[start].kind == EMPTY:
                start += 1
            del cells[:start]
        extend(cells)
    return stream


def _places(row) -> list:
    """The row's places that are cells of the row (see stream_of)."""
    if not row or type(row[0]) is Cell:
        return row  # a text's row: nothing in it is covered
    places = [c for c in row if not (c.covered and _covered_by_label(c))]
    while places and places[-1].covered and any(c is places[-1].covered_by for c in row):
        places.pop()
    return places


def _covered_by_label(place) -> bool:
    by = place.covered_by
    return by is not None and _is_label(by.text)


@functools.lru_cache(maxsize=4096)
def _is_label(text: str) -> bool:
    return classify(text, None, None).kind == LABEL


def cells_of(items: Iterable[Cell | EmptyRun]) -> Iterator[Cell]:
    """The cells, with the empty ones an EmptyRun stands for made."""
    for item in items:
        if type(item) is EmptyRun:
            yield from item.cells()
        else:
            yield item
