"""The long figure table every tabular output writes: one row a figure, the
report's columns beside it (path, organisation, year, template), as the CSV
export of a report has them (govparse.emit.serialize.CSV_HEADER)."""

from __future__ import annotations

import functools

from govparse.batch.outputs.relations import BOOLEAN, INTEGER, REAL, TEXT, exact_text, number
from govparse.batch.records import FileResult
from govparse.emit.serialize import CSV_HEADER
from govparse.template.codebook import wide_columns
from govparse.template.spec import TABLE_ORDER

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


@functools.lru_cache(maxsize=None)
def wide_index() -> dict[str, dict[tuple[str, str], int]]:
    """Each table's figures' places in its wide sheet, by (row, column)."""
    return {table: {(entry.row, entry.column): i for i, entry in enumerate(wide_columns(table))}
            for table in TABLE_ORDER}


def workbook_rows(result: FileResult) -> tuple[list, list[list], list[list] | None]:
    """The rows an Excel workbook has of a result: its row of the sheet reports, its
    figures' rows of the sheet figures (TYPED_FIGURE_COLUMNS, the value as read), and
    its row of each table's wide sheet, in TABLE_ORDER (None when it has no figures)."""
    figures = [[*row[:8], exact_text(row[7]), *row[8:]] for row in long_rows(result)]
    if not result.figures:
        return list(result.report), figures, None
    report = result.report
    head = [report.path, report.organization, report.year, report.template]
    index = wide_index()
    rows = {table: [None] * len(places) for table, places in index.items()}
    for f in result.figures:
        rows[f.table][index[f.table][(f.row, f.column)]] = f.value
    return list(result.report), figures, [head + rows[table] for table in TABLE_ORDER]
