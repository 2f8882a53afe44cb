"""Bounds on the spans a table's cells claim, for the front-ends whose sources write
spans (HTML rowspan and colspan, Word's gridSpan): a source may claim any span, and
every place a span covers is a cell of the Document's grid.

- A single span is cut where no report's table reaches: MAX_ROWSPAN rows,
  MAX_COLSPAN columns (the template's widest table has 15 figure columns under
  labels, its longest merged label 22 rows).
- All spans together cover at most PLACES_PER_CELL places for each cell written (a
  report's table covers fewer than one place a cell), so that the grid, and the time
  and memory it takes, stay in proportion to the source.

Each cut is a warning (GP501) where the cell stands.
"""

from __future__ import annotations

from govparse.diagnostics import DiagnosticSink
from govparse.document import Cell

MAX_ROWSPAN = 64
MAX_COLSPAN = 32
PLACES_PER_CELL = 8


def bounded_spans(rows: list[list[Cell]], sink: DiagnosticSink, line_of) -> None:
    """Cut the spans of ``rows`` (cells as written, in place) to the bounds above;
    ``line_of(cell)``: the source line a warning points at."""
    budget = PLACES_PER_CELL * sum(len(row) for row in rows)
    for row in rows:
        for cell in row:
            if cell.rowspan > MAX_ROWSPAN or cell.colspan > MAX_COLSPAN:
                sink.add("GP501", f"a table cell spans {cell.rowspan} rows and {cell.colspan} "
                         f"columns; cut to at most {MAX_ROWSPAN} and {MAX_COLSPAN}, more than "
                         "any report's table needs", line_of(cell))
                cell.rowspan = min(cell.rowspan, MAX_ROWSPAN)
                cell.colspan = min(cell.colspan, MAX_COLSPAN)
            covers = cell.rowspan * cell.colspan - 1
            if covers > budget:
                sink.add("GP501", f"a table cell spans {cell.rowspan} rows and {cell.colspan} "
                         "columns, more places than the table has cells; read as one place",
                         line_of(cell))
                cell.rowspan = cell.colspan = 1
                covers = 0
            budget -= covers
