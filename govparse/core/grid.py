"""A table's grid as one stream of cells in reading order, for rows to be read by label.

The places a spanning label covers (HTML's rowspan and colspan of a label cell) are
left out, and the empty cells before a row's first label are what a merged label
cell leaves in a text (a tab table's leading tabs): they stand in no figure's place.
So are those of a figure spanning columns that stands in one column (under a header
cell spanning the same columns, or one figure under each header cell:
_in_one_column); a place covered by any other spanning figure keeps its place, as an
empty cell. A run of rows of one empty cell each (EmptyCells) stays one item, made
into cells only where a row's figures need them."""

from __future__ import annotations

import functools
from typing import Iterable, Iterator

from govparse.core.cells import (EMPTY, LABEL, NUMBER, PARTED, Cell, classify,
                                 is_parted_number, note_number_form,
                                 read_cell)
from govparse.core.header_rests import HeaderRests
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

    __slots__ = ("cells", "lone_labels", "trailing_cells", "disowned_rows")

    def __init__(self) -> None:
        self.cells: list[Cell | EmptyRun] = []
        self.lone_labels: list[Cell] = []
        # a row's empty cells after its last text, by row (a trailing separator, a
        # merged cell's covered places): how wide a header line is
        self.trailing_cells: dict[int, int] = {}
        # the rows with a place of a span their rows disown: none of their figures is
        # placed (GP503 says why)
        self.disowned_rows: set[int] = set()


def stream_of(rows: Iterable, sink: DiagnosticSink, parted: bool = False) -> Stream:
    """``parted``: a cell of digits parted by a blank (``203 2``, a number wrapped in
    its cell) stands in a figure's place (kind PARTED), not a label's."""
    stream = Stream()
    extend = stream.cells.extend
    rows = rows if isinstance(rows, (list, tuple)) else list(rows)
    disowned = _disowned_spans(rows, sink)
    single = _in_one_column(rows, disowned) if disowned is not _NOTHING_SPANS else None
    rests = HeaderRests()
    # where the rows of empty cells after the last with text start in the stream (-1:
    # none since), and whether a row with a figure was read (see the loop's end)
    empty_since, figures_read = -1, False
    for number, row in enumerate(rows):
        if isinstance(row, EmptyCells):
            stream.cells.append(EmptyRun(row))
            empty_since = -1  # (one empty cell a row: a row's cells a line, its own)
            continue
        # A place covered by a label (its colspan, a parent label's rowspan) is no
        # cell of the row, nor is one a figure's colspan covers up to the row's end
        # or one of a figure that stands in one column: left out. Any other covered
        # place keeps its place, read as an empty cell; one covered by a span the
        # rows below disown, as a cell no figure can be.
        # (Each place is read in the loop below, the row's one pass: a cell the text
        # front-end gives is read already.)
        cells = list(_places(row, single))
        if not cells:
            continue
        labels = 0
        filled = 0
        last = -1  # where the row's last text stands
        for index, cell in enumerate(cells):
            if type(cell) is not Cell:
                gone = bool(disowned) and _is_disowned(cell, disowned)
                if gone:
                    stream.disowned_rows.add(number)
                cell = cells[index] = _read_place(cell, gone)
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
                if parted and is_parted_number(cell.text):
                    # (a number wrapped in its cell: a figure's place, its number not told;
                    # read by the arithmetic or missing, parted_numbers.py)
                    cell.kind = PARTED
                    continue
                labels += 1
        start = 0  # where the row's first text stands (a row of labels: its text)
        if labels:
            while cells[start].kind == EMPTY:
                start += 1
        if rests.groups is not None or labels >= 2 and labels == filled < last - start + 1:
            # (a header line with empty places between its labels, and the rows under
            # one: header_rests)
            lined = rests.row(cells, labels, filled, sink)
            if lined is not cells:
                cells = lined
                last = max((i for i, c in enumerate(cells) if c.kind != EMPTY), default=-1)
        if 0 <= last < len(cells) - 1:
            stream.trailing_cells[number] = len(cells) - 1 - last
            for cell in cells[last + 1:]:
                cell.ends_row = True
        if labels:
            if filled == 1:
                stream.lone_labels.append(next(c for c in cells if c.kind == LABEL))
            del cells[:start]
        if filled or len(cells) < 2:
            # (a row of one empty cell may be a place of the row above: a text that
            # writes a row's cells a line each)
            empty_since = -1
            figures_read = figures_read or labels < filled
        elif empty_since < 0:
            empty_since = len(stream.cells)
        extend(cells)
    rests.done(sink)
    if figures_read and empty_since >= 0:
        # Rows of empty cells (two or more) after the table's last row with text,
        # once it has a figure (a page saved by Word ends each table with a row of
        # empty cells that sets the columns' widths, <![if !supportMisalignedColumns]>):
        # no row's figures, nor a figure's place, are read on. (Before any figure such
        # a row is the figures' own, all missing: the review table of an empty
        # template.)
        del stream.cells[empty_since:]
    return stream


def _places(row, single=None) -> list:
    """The row's places that are cells of the row (see stream_of). ``single``: the ids
    of the figures spanning columns that stand in one column (_in_one_column)."""
    if not row or type(row[0]) is Cell:
        return row  # a text's row: nothing in it is covered
    places = [c for c in row if not (c.covered and (_covered_by_label(c) or single
                                                    and id(c.covered_by) in single))]
    while places and places[-1].covered and any(c is places[-1].covered_by for c in row):
        places.pop()
    return places


def _is_disowned(place, disowned: dict) -> bool:
    """A place covered by a disowned span, or a disowned figure spanning columns."""
    if place.covered:
        return id(place.covered_by) in disowned
    return place.colspan > 1 and place.rowspan == 1 and id(place) in disowned


def _read_place(place, disowned: bool) -> Cell:
    """A place's cell; ``disowned``: the place is a disowned span's (_is_disowned)."""
    if disowned and place.covered:
        # the row's figures cannot be told: no figure can be the stray's place (and
        # none of the row's is placed: Stream.disowned_rows)
        read = read_cell(place)
        return Cell(LABEL, f"[covered by '{place.covered_by.text}']", read.line, read.column,
                    location=read.source)
    return read_cell(place)


_NOTHING_SPANS: dict[int, object] = {}  # (no figure of the table spans rows or columns)


def _disowned_spans(rows: list, sink: DiagnosticSink) -> dict[int, object]:
    """Cells (no labels) whose span places no figure of the rows it covers:

    - a cell spanning rows, where its place in a row below stands among that row's
      figures: a merge of two rows' figures, or a rowspan written wrong
      (rowspan="100000") over a row that has its own cell there, or that lost a cell
      further on; the last two put figures one column out, and the first cannot be
      told from the third by the cells alone;
    - a figure spanning columns the row above has a cell in each of (see
      _parted_above).

    Such a covered place reads as a cell no figure can be (_read_place), so that
    none of its row's figures is placed (GP503 says why)."""
    disowned: dict[int, object] = {}
    first = next((row for row in rows if not isinstance(row, EmptyCells) and row), None)
    if first is None or type(first[0]) is Cell:
        return _NOTHING_SPANS  # a text's rows: nothing spans
    if not any((c.rowspan > 1 or c.colspan > 1) and not _is_label(c.text) for row in rows
               if not isinstance(row, EmptyCells) for c in row):
        return _NOTHING_SPANS  # (most pages: no figure spans rows or columns)
    above = None  # the row before, a row of the grid
    for row in rows:
        if isinstance(row, EmptyCells) or not row:
            continue
        places = [c for c in row if not (c.covered and _covered_by_label(c))]
        for cell in _after_labels(places):
            by = cell.covered_by if cell.covered else None
            if by is not None and by.rowspan > 1 and all(by is not c for c in row):
                disowned[id(by)] = by
        if above is not None:
            for index, cell in enumerate(row):
                if cell.colspan > 1 and not cell.covered and _parted_above(above, index, cell) \
                        and not _one_under_each_header(above, row):
                    disowned[id(cell)] = cell
        above = row
    for by in disowned.values():
        if by.colspan > 1 and by.rowspan == 1:
            message = (f"the cell '{by.text}' spans {by.colspan} columns, but the row above "
                       "has a cell in each of them; its row is not placed by it")
            hint = "a colspan written wrong, or a cell of the row lost?"
        else:
            message = (f"the cell '{by.text}' spans {by.rowspan} rows among their figures; "
                       "which figure of the rows it covers stands where cannot be told (a "
                       "merge, or a rowspan written wrong), so they are not placed")
            hint = "a rowspan written wrong, or a cell of a row lost?"
        sink.add("GP503", message, at=read_cell(by), length=len(by.text), hint=hint)
    return disowned


def _in_one_column(rows: list, disowned: dict) -> set[int]:
    """The figures spanning columns (in one row) that stand in one column each, their
    covered places no places of the row:

    - under one cell of the row above that spans exactly those columns, a header cell
      or such a figure (本年新公开数量 over two columns, and each row's figure under
      it over the same two);
    - in a row whose figures, each taken once, stand one under each header cell of
      the row above, in order, each overlapping its own: the header parts the columns
      otherwise than the rows do (上一年项目数量 | 本年增/减 over two columns, and
      each row's first figure over the first two), and no figure can be another's.

    Any other keeps its covered places, read as empty cells (a figure may span
    columns where a row lost a cell: _disowned_spans)."""
    single: set[int] = set()
    above = None
    for row in rows:
        if isinstance(row, EmptyCells) or not row:
            continue
        if above is not None:
            in_order = None
            for index, cell in enumerate(row):
                if cell.colspan < 2 or cell.rowspan > 1 or cell.covered \
                        or id(cell) in disowned or not cell.text.strip() or _is_label(cell.text):
                    continue
                if _under_one_cell(above, index, cell, single):
                    single.add(id(cell))
                    continue
                if in_order is None:
                    in_order = _one_under_each_header(above, row)
                if in_order:
                    single.add(id(cell))
        above = row
    return single


def _under_one_cell(above, index: int, cell, single: set[int]) -> bool:
    end = index + cell.colspan
    if end > len(above):
        return False
    owner = _owner(above[index])
    return ((_is_label(owner.text) or id(owner) in single)
            and all(_owner(above[i]) is owner for i in range(index + 1, end))
            and (index == 0 or _owner(above[index - 1]) is not owner)
            and (end == len(above) or _owner(above[end]) is not owner))


def _one_under_each_header(above, row) -> bool:
    """Whether the row's cells after its labels, each taken once, stand one under each
    cell of the row above from the same column on, in order, each overlapping its
    own, and those cells above are all header cells (labels)."""
    spans_row = _spans_after(row, _first_figure_column(row))
    if not spans_row:
        return False
    spans_above = _spans_after(above, spans_row[0][0])
    return (len(spans_row) == len(spans_above)
            and all(_is_label(owner.text) for _, _, owner in spans_above)
            and all(a0 < b1 and b0 < a1
                    for (a0, a1, _), (b0, b1, _) in zip(spans_row, spans_above)))


def _first_figure_column(row) -> int:
    """The column after the row's last label cell of its own."""
    after = 0
    for index, cell in enumerate(row):
        if not cell.covered and cell.text.strip() and _is_label(cell.text):
            after = index + cell.colspan
    return after


def _spans_after(row, start: int) -> list[tuple[int, int, object]]:
    """The row's cells (each taken once) from column ``start`` on: (first column,
    column after the last, the cell)."""
    spans: list[tuple[int, int, object]] = []
    for index in range(start, len(row)):
        owner = _owner(row[index])
        if spans and spans[-1][2] is owner:
            spans[-1] = (spans[-1][0], index + 1, owner)
        else:
            spans.append((index, index + 1, owner))
    return spans


def _parted_above(above, index: int, cell) -> bool:
    """Whether a figure (a text that is no label) spanning columns stands under a row
    that has a cell of its own in each of them: a figure spans columns only under a
    header cell that spans them too (采购总金额), and the cell that takes two of a
    row's places when one of its cells is lost puts each figure after it one column
    out."""
    if not cell.text.strip() or _is_label(cell.text):
        return False
    first = _owner(above[index]) if index < len(above) else None
    return any(j < len(above) and _owner(above[j]) is not first
               for j in range(index + 1, index + cell.colspan))


def _owner(place):
    return place.covered_by if place.covered and place.covered_by is not None else place


def _after_labels(places: list) -> list:
    """A row's places after its last label: where its figures stand."""
    last_label = -1
    for index, cell in enumerate(places):
        if not cell.covered and cell.text.strip() and _is_label(cell.text):
            last_label = index
    return places[last_label + 1:]


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
