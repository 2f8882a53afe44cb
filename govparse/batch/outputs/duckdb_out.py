"""DuckDB: the tables reports, figures and diagnostics and the view figures_wide
(govparse.batch.outputs.database); a batch goes in as Arrow tables, a statement a
table, not a statement a row."""

from __future__ import annotations

import duckdb

from govparse.batch.outputs.arrow import schema_of, table_of
from govparse.batch.outputs.database import DatabaseWriter, read_hashes, wide_view_by_pivot
from govparse.batch.outputs.relations import BOOLEAN, INTEGER, REAL, RELATIONS, TEXT

ERRORS = (duckdb.Error,)
SCHEMAS = {name: schema_of(columns) for name, columns in RELATIONS.items()}


class DuckDbWriter(DatabaseWriter):
    kind_types = {INTEGER: "BIGINT", REAL: "DOUBLE", TEXT: "VARCHAR", BOOLEAN: "BOOLEAN"}
    companions = (".wal",)
    errors = ERRORS

    def connect(self, path: str):
        return duckdb.connect(path)

    def wide_view_sql(self) -> str:
        return wide_view_by_pivot()

    def begin(self) -> None:
        self._connection.begin()

    def insert(self, name: str, rows: list[tuple]) -> None:
        self._connection.register("batch_rows", table_of(rows, SCHEMAS[name]))
        try:
            self._connection.execute(f"INSERT INTO {name} SELECT * FROM batch_rows")
        finally:
            self._connection.unregister("batch_rows")


def known_hashes(path: str) -> frozenset[str]:
    return read_hashes(duckdb.connect, path, ERRORS)
