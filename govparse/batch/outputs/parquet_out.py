"""Parquet (pyarrow): the long format with types (TYPED_FIGURE_COLUMNS), a row group
every ``batch_size`` results, so that a run of any length holds one batch in memory.
The file is whole once closed: close writes the footer."""

from __future__ import annotations

import pyarrow.parquet as pq

from govparse.batch.outputs import OutputError
from govparse.batch.outputs.arrow import schema_of, table_of_columns
from govparse.batch.outputs.held import signals_held
from govparse.batch.outputs.tabular import TYPED_FIGURE_COLUMNS, typed_long_columns
from govparse.batch.records import FileResult

BATCH_SIZE = 500  # results a row group: about 100,000 figures
SCHEMA = schema_of(TYPED_FIGURE_COLUMNS)


class ParquetWriter:
    def __init__(self, path: str, *, batch_size: int = BATCH_SIZE, **_ignored) -> None:
        self._batch_size = batch_size
        self._columns: list[list] = [[] for _ in SCHEMA]
        self._results = 0
        try:
            self._writer = pq.ParquetWriter(path, SCHEMA, compression="zstd")
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc}") from None

    def encoder(self):
        return typed_long_columns

    def add(self, result: FileResult) -> None:
        with signals_held():  # a Ctrl-C while the result is read takes effect once it is in
            self.add_encoded(typed_long_columns(result))

    def add_encoded(self, columns: list) -> None:
        """A result's typed_long_columns."""
        with signals_held():
            for column, values in zip(self._columns, columns):
                column.extend(values)
            self._results += 1
            if self._results >= self._batch_size:
                self.flush()

    def flush(self) -> None:
        """Write the figures added since the last flush as a row group."""
        if not self._columns[0]:
            self._results = 0  # none of them had figures
            return
        self._writer.write_table(table_of_columns(self._columns, SCHEMA))
        self._columns, self._results = [[] for _ in SCHEMA], 0

    def close(self) -> None:
        with signals_held():
            try:
                self.flush()
            finally:
                self._writer.close()  # the footer
