"""SQLite (the standard library's sqlite3): the tables reports, figures and
diagnostics and the view figures_wide (govparse.batch.outputs.database)."""

from __future__ import annotations

import sqlite3

from govparse.batch.outputs.database import (DatabaseWriter, create_table_sql, read_hashes,
                                             wide_view_by_lookup)
from govparse.batch.outputs.relations import BOOLEAN, INTEGER, REAL, RELATIONS, TEXT

ERRORS = (sqlite3.Error,)
# A figure is found by its report and ids (the wide view looks each up): the figures
# kept in that order, without a rowid, need no index beside them.
FIGURE_KEY = ("report_id", "table", "row", "column")


class SqliteWriter(DatabaseWriter):
    kind_types = {INTEGER: "INTEGER", REAL: "REAL", TEXT: "TEXT", BOOLEAN: "INTEGER"}
    companions = ("-journal", "-wal", "-shm")
    errors = ERRORS

    def connect(self, path: str):
        return sqlite3.connect(path)

    def create_sql(self, name: str) -> str:
        if name == "figures":
            return create_table_sql(name, self.kind_types, key=FIGURE_KEY, suffix=" WITHOUT ROWID")
        return super().create_sql(name)

    def wide_view_sql(self) -> str:
        return wide_view_by_lookup()

    def insert(self, name: str, rows: list[tuple]) -> None:
        marks = ", ".join("?" * len(RELATIONS[name]))
        self._connection.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)


def known_hashes(path: str) -> frozenset[str]:
    return read_hashes(sqlite3.connect, path, ERRORS)
