"""The three relations the database outputs (SQLite, DuckDB) hold, their columns and
kinds, and a result's rows in them:

- ``reports``: ReportRow's fields, ``report_id`` the key (a report's row is written as
  it is: the columns are ReportRow's, in order);
- ``figures``: one row a figure, ``value`` a number (float) beside ``value_text``,
  the figure exactly as read (a fee keeps its places: 1.2500);
- ``diagnostics``: DiagnosticRow's fields, in order.

A column's kind is one of integer, real, text, boolean; each output maps it to its
own types (SQL_TYPES, the Arrow types in govparse.batch.outputs.arrow)."""

from __future__ import annotations

from decimal import Decimal

from govparse.batch.records import FileResult

INTEGER, REAL, TEXT, BOOLEAN = "integer", "real", "text", "boolean"

REPORTS = (
    ("report_id", INTEGER), ("path", TEXT), ("sha256", TEXT), ("format", TEXT),
    ("organization", TEXT), ("year", INTEGER), ("template", TEXT),
    ("figures_found", INTEGER), ("figures_expected", INTEGER), ("errors", INTEGER),
    ("warnings", INTEGER), ("notes", INTEGER), ("error_code", TEXT), ("error_message", TEXT),
)
FIGURES = (
    ("report_id", INTEGER), ("table", TEXT), ("row", TEXT), ("column", TEXT),
    ("value", REAL), ("value_text", TEXT), ("unit", TEXT), ("inferred", BOOLEAN),
    ("line", INTEGER), ("col", INTEGER), ("location", TEXT), ("recovered", BOOLEAN),
)
DIAGNOSTICS = (
    ("report_id", INTEGER), ("code", TEXT), ("severity", TEXT), ("message", TEXT),
    ("hint", TEXT), ("line", INTEGER), ("col", INTEGER), ("location", TEXT),
)
RELATIONS = {"reports": REPORTS, "figures": FIGURES, "diagnostics": DIAGNOSTICS}

# the report's columns the wide view shows before the figures
WIDE_REPORT_COLUMNS = ("report_id", "path", "organization", "year", "template")


def number(value: int | Decimal | None) -> float | None:
    """A figure as a float: exact for every count (below 2**53); a fee's exact
    digits are in value_text."""
    return None if value is None else float(value)


def exact_text(value: int | Decimal | None) -> str | None:
    """A figure exactly as read: 12, 1.2500."""
    return None if value is None else str(value)


def relation_rows(result: FileResult, report_id: int) -> dict[str, list[tuple]]:
    """The result's rows of each relation, under ``report_id`` (a run that adds to
    an earlier one numbers its reports on from the earlier run's)."""
    return {
        "reports": [result.report._replace(report_id=report_id)],
        "figures": [(report_id, f.table, f.row, f.column, number(f.value), exact_text(f.value),
                     f.unit, f.inferred, f.line, f.col, f.location, f.recovered)
                    for f in result.figures],
        "diagnostics": [d._replace(report_id=report_id) for d in result.diagnostics],
    }
