"""The long figure table every tabular output writes: one row a figure, the
report's columns beside it (path, organisation, year, template), as the CSV
export of a report has them (govparse.emit.serialize.CSV_HEADER)."""

from __future__ import annotations

from govparse.batch.records import FileResult
from govparse.emit.serialize import CSV_HEADER

FIGURE_COLUMNS = CSV_HEADER


def long_rows(result: FileResult):
    """(report, organization, year, template, table, row, column, value, unit,
    inferred, line, col, location) for each figure of the result."""
    report = result.report
    head = (report.path, report.organization, report.year, report.template)
    for f in result.figures:
        yield head + (f.table, f.row, f.column, f.value, f.unit, f.inferred, f.line, f.col,
                      f.location)
