"""The rows checked across years (govparse.across.carry_over.Carry), from report
files and folders (read as a batch run reads them) or from the database a batch run
wrote (``govparse parse … -o run.sqlite`` or ``.duckdb``)."""

from __future__ import annotations

import os
from typing import Iterable, Iterator

from govparse.across.carry_over import FORWARD, OVER, TABLE, Carry, Placed
from govparse.batch.records import FileResult

DATABASE_SUFFIXES = {".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite",
                     ".duckdb": "duckdb"}


def carry_of(result: FileResult) -> Carry | None:
    """A read report's two rows; None for a file that was not read."""
    row = result.report
    if row.error_code is not None:
        return None
    rows = {OVER: {}, FORWARD: {}}
    for f in result.figures:
        if f.table == TABLE and f.row in rows:
            rows[f.row][f.column] = Placed(f.value, f.line, f.col, f.location)
    return Carry(row.path, row.organization, row.year, rows[OVER], rows[FORWARD])


def from_results(results: Iterable[FileResult]) -> Iterator[Carry]:
    for result in results:
        carry = carry_of(result)
        if carry is not None:
            yield carry


def is_database(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in DATABASE_SUFFIXES and os.path.isfile(path)


QUERY = f"""
SELECT r.report_id, r.path, r.organization, r.year, f."row", f."column", f.value_text,
       f.line, f.col, f.location
FROM reports r LEFT JOIN figures f
  ON f.report_id = r.report_id AND f."table" = '{TABLE}' AND f."row" IN ('{OVER}', '{FORWARD}')
WHERE r.error_code IS NULL
ORDER BY r.report_id
"""


class DatabaseUnreadable(Exception):
    """A database that is none a batch run wrote (no such tables), or no database."""


def from_database(path: str) -> Iterator[Carry]:
    """The reports of a batch run's database, in the run's order."""
    from decimal import Decimal

    kind = DATABASE_SUFFIXES[os.path.splitext(path)[1].lower()]
    try:
        if kind == "sqlite":
            import pathlib
            import sqlite3

            # a URI, to open it read-only: as_uri quotes the # and % a name may hold
            uri = pathlib.Path(path).resolve().as_uri() + "?mode=ro"
            errors: tuple = (sqlite3.Error,)
            connection = sqlite3.connect(uri, uri=True)
        else:
            import duckdb

            errors = (duckdb.Error,)
            connection = duckdb.connect(path, read_only=True)
        try:
            rows = connection.execute(QUERY).fetchall()
        finally:
            connection.close()
    except errors as exc:
        raise DatabaseUnreadable(f"cannot read {path} as a batch run's database: {exc}") \
            from None
    current = None
    for report_id, report_path, organization, year, row, column, text, line, col, where in rows:
        if current is None or current[0] != report_id:
            if current is not None:
                yield current[1]
            current = (report_id, Carry(report_path, organization,
                                        int(year) if year is not None else None, {}, {}))
        if row is not None:
            value = None if text in (None, "") else (int(text) if text.lstrip("-").isdigit()
                                                     else Decimal(text))
            target = current[1].carried_over if row == OVER else current[1].carried_forward
            target[column] = Placed(value, line, col, where)
    if current is not None:
        yield current[1]
