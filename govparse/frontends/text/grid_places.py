"""A pipe table drawn as a full grid: each cell's place in it as its extent.

Some converters draw every place of a merged cell as an empty cell of its own, so
that every row of a table has as many cells as the others (trafilatura 2: `| 一、本年新收
政府信息公开申请数量 |  |  | 11 | 12 | … |`, the label's colspan two empty cells, under
header lines `|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |`). A row's cells then
stand in the grid's columns exactly, and its figures under their headers' places: the
column of each place is what the empty cells between a label and its figures cannot
say by themselves (the rest of a merged label cell, or missing figures).

So where every row of a pipe table has the same number of places, four or more, and a
row has an empty place between its label and its first figure, each cell is given its
place as its horizontal extent (``x = (place, place + 1)``), as a drawn table's cells
are given the columns they span: the core places a row in doubt by where its figures
stand under the header (core/positions.py), where the table's full rows show that
places tell."""

from __future__ import annotations

from govparse.core.cells import EMPTY, LABEL

_FEWEST_PLACES = 4  # a label and three figures: fewer is no grid to place by
_FEWEST_ROWS = 3


def with_places(rows: list) -> list:
    """The rows, each cell given its place where the table is a full grid (above)."""
    if len(rows) < _FEWEST_ROWS:
        return rows
    width = len(rows[0])
    if width < _FEWEST_PLACES or any(len(row) != width for row in rows):
        return rows
    if not any(_gap_after_label(row) for row in rows):
        return rows
    for row in rows:
        for place, cell in enumerate(row):
            cell.x = (place, place + 1)
    return rows


def _gap_after_label(row) -> bool:
    """An empty place between the row's first label and its first figure."""
    seen_label = gap = False
    for cell in row:
        kind = cell.kind
        if kind == LABEL:
            seen_label, gap = True, False
        elif kind == EMPTY:
            gap = seen_label
        else:
            return gap
    return False
