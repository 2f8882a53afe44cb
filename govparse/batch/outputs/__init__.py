"""The files a batch run writes (``govparse parse -o PATH``), one module a format.

Every writer takes a run's results one at a time, in the run's order (``add``), and
leaves a valid file holding every result added when it is closed (``close``, also
when the run is interrupted). A writer holds at most a bounded batch of results in
memory, never the run.

What a writer makes of a result before it writes it (the CSV's text, the database's
rows, Parquet's columns) is a function of the result alone, its ``encoder()``: a
batch run calls it in the worker process that read the file, and hands the writer
what it made (``add_encoded``), so that the run's own process, which receives every
result and writes them all, does the least it can. ``add(result)`` is
``add_encoded(encoder()(result))``: the file is the same either way.

A format is chosen by the output's extension (``FORMAT_OF_SUFFIX``) or by name."""

from __future__ import annotations

import importlib
import os
from typing import Callable, Protocol

from govparse.batch.output_error import OutputError  # (the writers' error, here too)
from govparse.batch.records import FileResult

# format name -> (module under govparse.batch.outputs, writer class)
WRITERS = {
    "csv": ("csv_out", "CsvWriter"),
    "jsonl": ("jsonl_out", "JsonLinesWriter"),
    "parquet": ("parquet_out", "ParquetWriter"),
    "sqlite": ("sqlite_out", "SqliteWriter"),
    "duckdb": ("duckdb_out", "DuckDbWriter"),
    "xlsx": ("xlsx_out", "ExcelWriter"),
}
FORMAT_OF_SUFFIX = {
    ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
    ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite", ".duckdb": "duckdb",
    ".xlsx": "xlsx",
}
# The formats that need the whole model of each report, not only its rows.
NEEDS_MODEL = frozenset({"jsonl"})


class Writer(Protocol):
    def add(self, result: FileResult) -> None: ...

    def encoder(self) -> Callable[[FileResult], object]:
        """A function of a result alone (picklable, importing none of the format's
        libraries) that makes what ``add_encoded`` writes."""

    def add_encoded(self, encoded) -> None: ...

    def close(self) -> None: ...


class Utf8Output:
    """A text output in UTF-8, written as bytes made in the workers: a file opened
    here (``bom``: starting with a byte-order mark), or a text stream given
    (standard output), to which the bytes go as text."""

    def __init__(self, path_or_stream, *, bom: bool = False) -> None:
        if hasattr(path_or_stream, "write"):
            self._stream, self._file = path_or_stream, None
            return
        self._stream = None
        try:
            self._file = open(path_or_stream, "wb")
        except OSError as exc:
            raise OutputError(f"cannot write {path_or_stream}: {exc.strerror or exc}") \
                from None
        if bom:
            self._file.write("\ufeff".encode("utf-8"))

    def write(self, data: bytes) -> None:
        if self._file is not None:
            self._file.write(data)
        else:
            self._stream.write(data.decode("utf-8"))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        else:
            self._stream.flush()


def format_of(path: str, given: str | None = None) -> str:
    """The output format: ``given``, else told by the path's extension."""
    if given is not None:
        if given not in WRITERS:
            raise OutputError(f"unknown output format {given!r}; one of: "
                              f"{', '.join(WRITERS)}")
        return given
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in FORMAT_OF_SUFFIX:
        raise OutputError(f"cannot tell the output format from {path!r}: give --format, or a "
                          f"name ending in {', '.join(sorted(FORMAT_OF_SUFFIX))}")
    return FORMAT_OF_SUFFIX[suffix]


def open_writer(path: str, format: str, **options) -> Writer:
    """A writer of ``format`` to ``path`` (options: ``excel=True`` for a CSV with a
    byte-order mark; ``resume=True`` to add to a database already there)."""
    module, name = WRITERS[format]
    cls = getattr(importlib.import_module(f"govparse.batch.outputs.{module}"), name)
    return cls(path, **options)


def known_hashes(path: str, format: str) -> frozenset[str]:
    """The sha256 of every file an earlier run put in the database at ``path``
    (``--resume`` skips them); nothing when there is no such database yet."""
    if format not in ("sqlite", "duckdb") or not os.path.exists(path):
        return frozenset()
    module, _ = WRITERS[format]
    return importlib.import_module(f"govparse.batch.outputs.{module}").known_hashes(path)
