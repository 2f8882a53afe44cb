"""A run's figures as pandas DataFrames (``govparse.to_pandas``): the long one, a row a
figure, and the wide one, a row a report read and a column a figure. pandas is an
optional extra: ``pip install 'govparse[pandas]'``."""

from __future__ import annotations

import os
from collections.abc import Iterable

from govparse.batch.outputs import OutputError, format_of
from govparse.batch.outputs.relations import TEXT
from govparse.batch.outputs.tabular import (REPORT_COLUMNS, TYPED_FIGURE_COLUMNS,
                                            typed_long_columns)
from govparse.batch.records import FileResult
from govparse.template.codebook import wide_columns

LONG_COLUMNS = tuple(name for name, _ in TYPED_FIGURE_COLUMNS)
_TEXT_COLUMNS = tuple(name for name, kind in TYPED_FIGURE_COLUMNS if kind == TEXT)

# the long frame from a database: its figures with their report's columns
_DATABASE_QUERY = (
    'SELECT r.path AS report, r.organization, r.year, r.template, f."table", f."row", '
    'f."column", f.value, f.value_text, f.unit, f.inferred, f.line, f.col, f.location, '
    'f.recovered FROM figures AS f JOIN reports AS r ON r.report_id = f.report_id ORDER BY f.report_id')


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError("govparse.to_pandas needs pandas: pip install 'govparse[pandas]'") \
            from None
    return pandas


def to_pandas(results_or_path: Iterable[FileResult] | str | os.PathLike):
    """(long, wide) DataFrames of the figures of FileResults, or of an output file of
    a run (.csv, .parquet, .sqlite, .duckdb or .xlsx, told by its extension).

    long: one row a figure — report (its path), organization, year, template, table,
    row, column, value (float; NaN when missing), value_text (the figure exactly as
    read: 1.2500), unit, inferred, line, col, location, recovered.

    wide: one row a report read — report, organization, year, template, then a
    column a figure of either template named by its id (``govparse codebook``), in
    the codebook's order; NaN where the report has no such figure or it is missing.
    A file that could not be read has no figures, so no row in either."""
    pd = _pandas()
    if isinstance(results_or_path, (str, os.PathLike)):
        long = _read_long(pd, os.fspath(results_or_path))
    else:
        long = _long_of_results(pd, results_or_path)
    long = _in_order(pd, _typed(pd, long))
    return long, _wide_of(pd, long)


def _long_of_results(pd, results: Iterable[FileResult]):
    columns: list[list] = [[] for _ in LONG_COLUMNS]
    for result in results:
        for column, values in zip(columns, typed_long_columns(result)):
            column.extend(values)
    return pd.DataFrame(dict(zip(LONG_COLUMNS, columns)))


def _read_long(pd, path: str):
    format = format_of(path)
    if format not in _READERS:
        raise OutputError(f"to_pandas reads the outputs {', '.join(_READERS)}, not {format}")
    if not os.path.exists(path):
        raise OutputError(f"no such file: {path}")
    return _READERS[format](pd, path)


def _read_parquet(pd, path: str):
    return pd.read_parquet(path)


def _read_excel(pd, path: str):
    text = dict.fromkeys(_TEXT_COLUMNS, str)
    with pd.ExcelFile(path) as workbook:
        return pd.concat([pd.read_excel(workbook, sheet_name=name, dtype=text)
                          for name in workbook.sheet_names
                          if name == "figures" or name.startswith("figures (")],
                         ignore_index=True)


def _read_sqlite(pd, path: str):
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        return pd.read_sql_query(_DATABASE_QUERY, connection)
    finally:
        connection.close()


def _read_duckdb(pd, path: str):
    import duckdb

    connection = duckdb.connect(path, read_only=True)
    try:
        return connection.execute(_DATABASE_QUERY).df()
    finally:
        connection.close()


def _read_csv(pd, path: str):
    # every cell as written: the value's text is kept exact, and typed after
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame = frame.replace("", None)
    frame.insert(frame.columns.get_loc("value") + 1, "value_text", frame["value"])
    frame["inferred"] = frame["inferred"] == "true"
    frame["recovered"] = frame["recovered"] == "true"
    return frame


_READERS = {"csv": _read_csv, "parquet": _read_parquet, "sqlite": _read_sqlite,
            "duckdb": _read_duckdb, "xlsx": _read_excel}


def _typed(pd, long):
    """The long frame's columns in order, of the same types whatever it came from."""
    long = long.reindex(columns=list(LONG_COLUMNS))
    long["year"] = pd.to_numeric(long["year"]).astype("Int64")
    long["value"] = pd.to_numeric(long["value"]).astype("float64")
    long["inferred"] = long["inferred"].astype(bool)
    long["recovered"] = long["recovered"].astype(bool)
    for name in ("line", "col"):
        long[name] = pd.to_numeric(long[name]).astype("Int64")
    for name in _TEXT_COLUMNS:
        long[name] = long[name].astype(object).where(long[name].notna(), None)
    return long.reset_index(drop=True)


def _positions(long):
    """Each figure's column in the wide frame (the codebook's order)."""
    position = {entry.id: i for i, entry in enumerate(wide_columns())}
    figure = long["table"] + "." + long["row"] + "." + long["column"]
    return figure.map(position).to_numpy(dtype=int)


def _in_order(pd, long):
    """The reports in the order they came, a report's figures in the codebook's: the
    same rows in the same order from every output (a database keeps its figures in
    the order of their key)."""
    report_codes, _ = pd.factorize(long["report"])
    order = pd.DataFrame({"report": report_codes, "figure": _positions(long)})
    return long.iloc[order.sort_values(["report", "figure"], kind="stable").index] \
        .reset_index(drop=True)


def _wide_of(pd, long):
    import numpy

    ids = [entry.id for entry in wide_columns()]
    report_codes, _ = pd.factorize(long["report"])
    reports = long.drop_duplicates("report")[list(REPORT_COLUMNS)].reset_index(drop=True)
    values = numpy.full((len(reports), len(ids)), numpy.nan)
    values[report_codes, _positions(long)] = long["value"].to_numpy()
    return pd.concat([reports, pd.DataFrame(values, columns=ids)], axis=1)
