"""What stands around a table cell, for diagnostics about a source that is not a text.

A diagnostic about a text points at a line and column, and the line is shown with a
caret under the cell. An HTML, PDF or Word cell has no line worth showing (an HTML
source line may be 14,000 characters of markup), so such a diagnostic says instead
what a person looks for in the page: the row's label, the column's header and the
cell's own text, read from the Document's grid:

- the row label: the label cells to the cell's left in its grid row;
- the column header: the run of label cells nearest above it in its grid column,
  past the figures of the rows between (a sub-table's header where a table has
  several);
- a covered place reads as the spanning cell that covers it.
"""

from __future__ import annotations

import functools
from typing import Iterable, Sequence

import attrs

from govparse.core.cells import LABEL, classify, has_han, is_parted_number
from govparse.core.wording import is_cut_figure
from govparse.diagnostics import CellContext, Diagnostic
from govparse.document import Document, Table

LONGEST = 60  # characters of a label or cell text shown; the rest is cut with …
# Bounds, so that a page of thousands of cells, each with a diagnostic, takes linear
# time: the labels of a row or a header shown, nearest first (the template has three
# levels), and how many rows above a cell its header is looked for (its tables ~40).
MAX_LEVELS = 4
HEADER_REACH = 500


def with_context(document: Document, diagnostics: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The diagnostics, each about a located table cell given that cell's context."""
    wanted = {d.location for d in diagnostics if d.location is not None and d.context is None}
    if not wanted:
        return tuple(diagnostics)
    contexts = _contexts(document, wanted)
    return tuple(
        attrs.evolve(d, context=contexts[d.location]) if d.location in contexts else d
        for d in diagnostics
    )


def _contexts(document: Document, wanted: set) -> dict:
    found: dict = {}
    for block in document.blocks:
        if isinstance(block, Table):
            grid = _grid(block)
            for r, row in enumerate(grid):
                row_labels = None  # (made once a row: a row of thousands of cells may
                # have a diagnostic at each)
                for c, (text, location, _) in enumerate(row):
                    if location in wanted and location not in found:
                        if row_labels is None:
                            row_labels = _row_labels(row)
                        found[location] = _context(grid, r, c, text, row_labels[c])
    return found


def _grid(table: Table) -> list[list[tuple[str, object, object]]]:
    """The table's places as (text, location, horizontal extent), a covered place with
    the text of the cell that covers it. Runs of empty rows (a text's EmptyCells) are
    left out."""
    owners: dict = {}
    grid = []
    for row in table.rows:
        if not isinstance(row, (list, tuple)):
            continue
        places = []
        for cell in row:
            if cell.covered:
                places.append((owners.get(cell.location, ""), cell.location, None))
            else:
                owners.setdefault(cell.location, cell.text)
                places.append((cell.text, cell.location, cell.x))
        grid.append(places)
    return grid


def _row_labels(row) -> list[str | None]:
    """For each place of the row, its row label: the labels to its left (as _labels
    joins them, the nearest MAX_LEVELS)."""
    out: list[str | None] = []
    kept: list[str] = []
    for text, _, _ in row:
        out.append(_labels(kept[-MAX_LEVELS:]))
        if _label(text) is not None and (not kept or kept[-1] != text):
            kept.append(text)
    return out


def _context(grid, r: int, c: int, text: str, row_label: str | None) -> CellContext:
    x = grid[r][c][2]
    if has_han(text) and _label(text) is not None:
        header = None  # (a word's: over a row label stand the labels of the rows above)
    elif x is None:
        header = _column_header(grid, r, lambda i: _label(grid[i][c][0]) if c < len(grid[i])
                                else None)
    else:
        # a source whose rows do not stand in a grid of columns (a PDF's text layer,
        # the cells of each row as they come), a cell where figures stand (a figure,
        # or what reads as none: 1234 56): the labels standing over its middle
        middle = (x[0] + x[1]) / 2
        header = _column_header(grid, r, lambda i: next(
            (_label(t) for t, _, over in grid[i] if over is not None and over[0] <= middle <= over[1]),
            None))
    return CellContext(row_label, header, shortened(text))


@functools.lru_cache(maxsize=4096)  # (the same labels, row after row)
def _label(text: str) -> str | None:
    if not text or is_parted_number(text) or is_cut_figure(text):
        return None  # (a figure's place: digits over lines, 1110 3, or cut off, 607 …)
    return text if classify(text, None, None).kind == LABEL else None


def _column_header(grid, r: int, label_at) -> str | None:
    """The labels over a cell of row r (``label_at(i)``: the label over it in row i,
    or None): above it, past the figures of the rows between, the run of label cells
    that heads its column (a sub-table's own header and title where a table has
    several)."""
    top = max(r - HEADER_REACH, 0)
    i = r - 1
    while i >= top and label_at(i) is None:
        i -= 1
    heads = []
    while i >= top and len(heads) < MAX_LEVELS and (head := label_at(i)) is not None:
        heads.append(head)
        i -= 1
    return _labels(reversed(heads))


def _labels(texts: Iterable[str]) -> str | None:
    """Label texts joined by " / ", a text repeated by a span given once."""
    kept: list[str] = []
    for text in texts:
        if _label(text) is not None and (not kept or kept[-1] != text):
            kept.append(text)
    return " / ".join(shortened(t) for t in kept) or None


def shortened(text: str) -> str:
    """The text with its runs of blanks as one, cut at LONGEST characters with …."""
    text = " ".join(text.split())
    return text if len(text) <= LONGEST else text[:LONGEST - 1] + "…"
