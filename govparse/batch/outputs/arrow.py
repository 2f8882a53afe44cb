"""Rows as Arrow tables (pyarrow), for the Parquet and DuckDB outputs."""

from __future__ import annotations

import pyarrow as pa

from govparse.batch.outputs.relations import BOOLEAN, INTEGER, REAL, TEXT

ARROW_TYPES = {INTEGER: pa.int64(), REAL: pa.float64(), TEXT: pa.string(), BOOLEAN: pa.bool_()}


def schema_of(columns: tuple[tuple[str, str], ...]) -> pa.Schema:
    """The Arrow schema of (name, kind) columns."""
    return pa.schema([(name, ARROW_TYPES[kind]) for name, kind in columns])


def table_of(rows: list[tuple], schema: pa.Schema) -> pa.Table:
    """Row tuples as a table of ``schema``."""
    return table_of_columns(list(zip(*rows)) if rows else [()] * len(schema), schema)


def table_of_columns(columns: list, schema: pa.Schema) -> pa.Table:
    """Columns (a sequence of values each) as a table of ``schema``."""
    return pa.Table.from_arrays(
        [pa.array(column, type=field.type) for column, field in zip(columns, schema)],
        schema=schema)
