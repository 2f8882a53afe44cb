"""What the SQLite and DuckDB outputs share: the tables and the wide view as SQL, and
a writer that inserts a batch of results at a time, each batch committed, so that a
run stopped at any point leaves the reports of the batches before.

``resume=True`` adds to a database already there, numbering the run's reports on
from the highest ``report_id`` in it; otherwise a file already at the path is
replaced. A file an earlier run could not finish (a crashed worker GP010, a timeout
GP011) is read again by a resumed run (read_hashes), and its new rows replace the
earlier run's (those of its path, or of its content), in the transaction that
inserts them."""

from __future__ import annotations

import contextlib
import functools
import os

from govparse.batch.outputs import OutputError
from govparse.batch.outputs.held import signals_held
from govparse.batch.outputs.relations import RELATIONS, WIDE_REPORT_COLUMNS, relation_rows
from govparse.batch.records import FileResult
from govparse.template.codebook import wide_columns

BATCH_SIZE = 200  # results a transaction: about 40,000 figure rows

WIDE_VIEW = "figures_wide"


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(name: str, types: dict[str, str], key: tuple[str, ...] = ("report_id",),
                     suffix: str = "") -> str:
    """``CREATE TABLE`` of one relation, its kinds mapped by ``types``, ``key`` its
    primary key (none when empty)."""
    columns = [f"{quoted(column)} {types[kind]}" for column, kind in RELATIONS[name]]
    if key:
        columns.append(f"PRIMARY KEY ({', '.join(quoted(c) for c in key)})")
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(columns)}){suffix}"


# The wide view: one row a report read, one column a figure of either template named
# by its id (applications.new_requests.natural_person); NULL where the report has no
# such figure or the figure is missing. Two ways to the same rows, one a dialect.

def _wide_view(columns: list[str], source: str) -> str:
    report = [f"r.{quoted(c)}" for c in WIDE_REPORT_COLUMNS]
    return f"CREATE VIEW {WIDE_VIEW} AS SELECT {', '.join(report + columns)} {source}"


def _is_figure(entry) -> str:
    return (f"f.\"table\" = '{entry.table}' AND f.\"row\" = '{entry.row}' "
            f"AND f.\"column\" = '{entry.column}'")


def wide_view_by_lookup() -> str:
    """A figure a column, each looked up by the figures' primary key: SQLite reads
    only the columns a query asks for (an aggregate of 226 cases a row took four
    times as long for them all)."""
    columns = [f"(SELECT f.value FROM figures AS f WHERE f.report_id = r.report_id AND "
               f"{_is_figure(e)}) AS {quoted(e.id)}" for e in wide_columns()]
    return _wide_view(columns, "FROM reports AS r WHERE r.template IS NOT NULL")


def wide_view_by_pivot() -> str:
    """The figures pivoted on their ids (DuckDB's PIVOT: a twentieth of the time of an
    aggregate a column)."""
    figure = ' || \'.\' || '.join(f"f.{quoted(c)}" for c in ("table", "row", "column"))
    ids = ", ".join(f"'{e.id}'" for e in wide_columns())  # each column named by its value
    return _wide_view(["p.* EXCLUDE (report_id)"],
                      f"FROM reports AS r JOIN (PIVOT (SELECT f.report_id, {figure} AS figure, "
                      f"f.value FROM figures AS f) ON figure IN ({ids}) USING first(value) "
                      f"GROUP BY report_id) AS p ON p.report_id = r.report_id")


def remove_output(path: str, companions: tuple[str, ...] = ()) -> None:
    """Remove a database file left at ``path`` (and its journal, ``companions`` the
    suffixes), so that a new run starts it afresh."""
    for name in (path, *(path + suffix for suffix in companions)):
        try:
            os.remove(name)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise OutputError(f"cannot replace {name}: {exc.strerror or exc}") from None


# A file stopped by the run, not by what it holds (a crashed worker GP010, a timeout
# GP011), is tried again by a resumed run: only the others are skipped.
RETRIED = ("GP010", "GP011")
HASHES_SQL = ("SELECT sha256 FROM reports WHERE sha256 IS NOT NULL "
              f"AND (error_code IS NULL OR error_code NOT IN {RETRIED!r})")
RETRIED_SQL = f"SELECT report_id, path, sha256 FROM reports WHERE error_code IN {RETRIED!r}"


def offset_rows(result: FileResult, offset: int) -> dict[str, list[tuple]]:
    """The result's rows of each relation, its report numbered on from ``offset``
    (a DatabaseWriter's encoder: made in the worker that read the file)."""
    return relation_rows(result, result.report.report_id + offset)


def read_hashes(connect, path: str, errors: tuple[type[BaseException], ...]) -> frozenset[str]:
    """The sha256 of every file in the database at ``path`` (``--resume``)."""
    try:
        connection = connect(path)
        try:
            return frozenset(h for (h,) in connection.execute(HASHES_SQL).fetchall())
        finally:
            connection.close()
    except errors as exc:
        raise OutputError(f"cannot read the database {path}: {exc}") from None


class DatabaseWriter:
    """A writer of the three relations into a database; a dialect says how to
    connect, create, insert and commit (SqliteWriter, DuckDbWriter)."""

    kind_types: dict[str, str]  # a column kind -> the database's type
    companions: tuple[str, ...] = ()  # suffixes of the files beside the database
    errors: tuple[type[BaseException], ...] = ()  # the driver's errors

    def __init__(self, path: str, *, resume: bool = False, batch_size: int = BATCH_SIZE,
                 **_ignored) -> None:
        self._path, self._batch_size = path, batch_size
        if not resume:
            remove_output(path, self.companions)
        with self.failure_said("open"):
            self._connection = self.connect(path)
        self._pending: dict[str, list[tuple]] = {name: [] for name in RELATIONS}
        self._pending_results = 0
        # an earlier run's rows of files it could not finish: report_id by path and by
        # sha256 (those the run reads again replace them); and those to delete with the
        # next batch
        self._retried: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        self._replaced: set[int] = set()
        try:
            with self.failure_said("open"):
                self._check_tables()
                for name in RELATIONS:
                    self.execute(self.create_sql(name))
                # made anew each time, so that it shows the columns of this govparse
                self.execute(f"DROP VIEW IF EXISTS {WIDE_VIEW}")
                self.execute(self.wide_view_sql())
                self._offset = self.scalar("SELECT COALESCE(MAX(report_id), 0) FROM reports")
                for report_id, path, sha256 in self.execute(RETRIED_SQL).fetchall():
                    self._retried[0].setdefault(path, []).append(report_id)
                    if sha256 is not None:
                        self._retried[1].setdefault(sha256, []).append(report_id)
                self.commit()
        except BaseException:
            self._connection.close()
            raise

    # ---- what a dialect provides

    def connect(self, path: str):
        raise NotImplementedError

    def insert(self, name: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def create_sql(self, name: str) -> str:
        key = ("report_id",) if name == "reports" else ()
        return create_table_sql(name, self.kind_types, key=key)

    def wide_view_sql(self) -> str:
        raise NotImplementedError

    def begin(self) -> None:
        """Start a transaction (sqlite3 starts one by itself)."""

    def commit(self) -> None:
        self._connection.commit()

    def execute(self, sql: str):
        return self._connection.execute(sql)

    def scalar(self, sql: str):
        return self.execute(sql).fetchone()[0]

    # ---- the writer

    def encoder(self):
        return functools.partial(offset_rows, offset=self._offset)

    def add(self, result: FileResult) -> None:
        with signals_held():  # a Ctrl-C while the result is read takes effect once it is in
            self.add_encoded(offset_rows(result, self._offset))

    def add_encoded(self, rows: dict[str, list[tuple]]) -> None:
        """A result's rows of each relation (offset_rows)."""
        with signals_held():
            for name, relation in rows.items():
                self._pending[name].extend(relation)
            if self._retried[0]:
                report = rows["reports"][0]
                self._replaced.update(self._retried[0].get(report.path, ()))
                self._replaced.update(self._retried[1].get(report.sha256, ()))
            self._pending_results += 1
            if self._pending_results >= self._batch_size:
                self.flush()

    def flush(self) -> None:
        """Insert the results added since the last flush, in one transaction."""
        if not self._pending_results:
            return
        with self.failure_said("write"):
            self.begin()
            try:
                if self._replaced:
                    self.delete(sorted(self._replaced))
                for name, rows in self._pending.items():
                    if rows:
                        self.insert(name, rows)
                self.commit()
            except BaseException:
                # a batch cut short (Ctrl-C) is undone whole, to be written again by
                # close: a report's rows are never written twice, nor in part
                self._connection.rollback()
                raise
        self._pending = {name: [] for name in RELATIONS}
        self._pending_results = 0
        if self._replaced:
            self._forget(self._replaced)
            self._replaced = set()

    def delete(self, report_ids: list[int]) -> None:
        """Delete the rows of these reports from every relation."""
        marks = ", ".join("?" * len(report_ids))
        for name in RELATIONS:
            self._connection.execute(f"DELETE FROM {name} WHERE report_id IN ({marks})",
                                     report_ids)

    def _forget(self, deleted: set[int]) -> None:
        for index in self._retried:
            for key in list(index):
                index[key] = [i for i in index[key] if i not in deleted]
                if not index[key]:
                    del index[key]

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._connection.close()

    def _check_tables(self) -> None:
        """A database already there must be one govparse wrote, with these columns."""
        for name, columns in RELATIONS.items():
            try:
                cursor = self.execute(f"SELECT * FROM {name} LIMIT 0")
                found = tuple(d[0] for d in cursor.description)
            except self.errors:
                continue  # no such table yet
            if found != tuple(column for column, _ in columns):
                raise OutputError(f"{self._path} is not a database govparse wrote: its table "
                                  f"{name} has the columns {', '.join(found)}")

    @contextlib.contextmanager
    def failure_said(self, doing: str):
        """The driver's error as an OutputError naming the file."""
        try:
            yield
        except self.errors as exc:
            raise OutputError(f"cannot {doing} the database {self._path}: {exc}") from None
