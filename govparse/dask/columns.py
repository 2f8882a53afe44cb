"""The columns of the three Dask DataFrames: the fields of govparse.batch.records,
in their order, each with a declared dtype (the DataFrames' ``meta``: no file is read
to learn them).

- Text: pandas' string dtype on Arrow (``string[pyarrow]``), missing as <NA>.
- Whole numbers: int64; those that may be missing (year, line, col) Int64.
- ``value``: float64 (NaN where the figure is missing), for sums and charts;
  ``value_text``, one column more than FigureRow has, right after it: the figure
  exactly as govparse read it (``13``; a fee ``1.50``), <NA> where missing. A count
  is exact in float64 (below 2**53); a fee in 万元 may not be, its text is."""

from __future__ import annotations

import pandas as pd

from govparse.batch.records import DiagnosticRow, FigureRow, FileResult, ReportRow

TEXT = pd.StringDtype("pyarrow")
MAYBE_WHOLE = pd.Int64Dtype()

DTYPES = {
    # ReportRow
    "report_id": "int64", "path": TEXT, "sha256": TEXT, "format": TEXT,
    "organization": TEXT, "year": MAYBE_WHOLE, "template": TEXT,
    "figures_found": "int64", "figures_expected": "int64",
    "errors": "int64", "warnings": "int64", "notes": "int64",
    "error_code": TEXT, "error_message": TEXT,
    # FigureRow
    "table": TEXT, "row": TEXT, "column": TEXT, "value": "float64", "value_text": TEXT,
    "unit": TEXT, "inferred": "bool", "line": MAYBE_WHOLE, "col": MAYBE_WHOLE,
    "location": TEXT, "recovered": "bool",
    # DiagnosticRow
    "code": TEXT, "severity": TEXT, "message": TEXT, "hint": TEXT,
}

_VALUE = FigureRow._fields.index("value")

REPORT_COLUMNS = ReportRow._fields
FIGURE_COLUMNS = FigureRow._fields[:_VALUE + 1] + ("value_text",) + FigureRow._fields[_VALUE + 1:]
DIAGNOSTIC_COLUMNS = DiagnosticRow._fields


def meta(columns: tuple[str, ...]) -> pd.DataFrame:
    """An empty DataFrame with these columns and their dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=DTYPES[name]) for name in columns})


def report_record(result: FileResult) -> tuple:
    return tuple(result.report)


def figure_records(result: FileResult) -> list[tuple]:
    return [figure[:_VALUE] + _value_columns(figure.value) + figure[_VALUE + 1:]
            for figure in result.figures]


def diagnostic_records(result: FileResult) -> list[tuple]:
    return [tuple(diagnostic) for diagnostic in result.diagnostics]


def _value_columns(value) -> tuple[float | None, str | None]:
    """(value, value_text) of a figure's value: an int, a Decimal or None."""
    return (None, None) if value is None else (float(value), str(value))
