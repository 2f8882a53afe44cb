"""The long figure table every tabular output writes: one row a figure, the
report's columns beside it (path, organisation, year, template), as the CSV
export of a report has them (govparse.emit.serialize.CSV_HEADER)."""

from __future__ import annotations

from govparse.batch.outputs.relations import BOOLEAN, INTEGER, REAL, TEXT, exact_text, number
from govparse.batch.records import FileResult
from govparse.emit.serialize import CSV_HEADER

FIGURE_COLUMNS = CSV_HEADER
# the report's columns, first in the long format and in the wide ones
REPORT_COLUMNS = FIGURE_COLUMNS[:4]  # report (its path), organization, year, template

# The long format of the outputs with types (Parquet, Excel): ``value`` a number and
# ``value_text`` beside it, the figure exactly as read (a fee keeps its places: 1.2500).
TYPED_FIGURE_COLUMNS = (
    ("report", TEXT), ("organization", TEXT), ("year", INTEGER), ("template", TEXT),
    ("table", TEXT), ("row", TEXT), ("column", TEXT), ("value", REAL), ("value_text", TEXT),
    ("unit", TEXT), ("inferred", BOOLEAN), ("line", INTEGER), ("col", INTEGER),
    ("location", TEXT), ("recovered", BOOLEAN),
)


def long_rows(result: FileResult):
    """(report, organization, year, template, table, row, column, value, unit,
    inferred, line, col, location, recovered) for each figure of the result."""
    report = result.report
    head = (report.path, report.organization, report.year, report.template)
    for f in result.figures:
        yield head + (f.table, f.row, f.column, f.value, f.unit, f.inferred, f.line, f.col,
                      f.location, f.recovered)


def typed_long_columns(result: FileResult) -> list[list]:
    """The columns of TYPED_FIGURE_COLUMNS for the result's figures, a list each
    (a run's figures are many: a column at a time is several times faster to make,
    and to turn into Arrow, than a row at a time)."""
    count = len(result.figures)
    if not count:
        return [[] for _ in TYPED_FIGURE_COLUMNS]
    report = result.report
    (_, table, row, column, value, unit, inferred, line, col, location,
     recovered) = zip(*result.figures)
    return [[report.path] * count, [report.organization] * count, [report.year] * count,
            [report.template] * count, table, row, column, [number(v) for v in value],
            [exact_text(v) for v in value], unit, inferred, line, col, location, recovered]
