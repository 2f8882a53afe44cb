"""Reports beyond one machine: a corpus read into three Dask DataFrames, by whatever
Dask scheduler the caller has (a laptop's threads or processes, or a dask.distributed
cluster: LocalCluster, SSH, Kubernetes, YARN), from local disks or object stores
(fsspec: s3://, gs://, ... with ``storage_options``). docs/dask.md shows a whole run.

    >>> from dask.distributed import Client
    >>> from govparse.dask import read_reports
    >>> client = Client("scheduler:8786")
    >>> frames = read_reports("s3://reports/**/*.pdf", storage_options={"anon": True})
    >>> frames.figures.groupby("column").value.sum().compute()

Each file is read on a worker by the function the local run reads it with
(govparse.batch.runner.read_one), so the rows are those of ``govparse.parse_many``
over the same files: a file that cannot be read is a row of ``reports`` with its
error code, never an exception that stops the graph.

Needs the extra: ``pip install 'govparse[dask]'`` (dask[dataframe], distributed,
fsspec); importing govparse alone never imports Dask."""

from __future__ import annotations

try:
    import dask.bag
    import dask.dataframe
    import fsspec
except ImportError as missing:
    raise ImportError(
        f"govparse.dask needs Dask and fsspec ({missing.name} could not be imported): "
        "pip install 'govparse[dask]' (dask[dataframe], distributed, fsspec)") from missing
del fsspec  # imported to say at once that it is missing: govparse.dask.paths uses it

import functools
import os
from typing import Iterable, NamedTuple

from govparse.batch.records import FileResult
from govparse.batch.runner import Options, read_one
from govparse.dask.columns import (
    DIAGNOSTIC_COLUMNS,
    FIGURE_COLUMNS,
    REPORT_COLUMNS,
    diagnostic_records,
    figure_records,
    meta,
    report_record,
)
from govparse.dask.paths import ReportFile, report_files
from govparse.source import DEFAULT_MAX_BYTES, checked_limit

__all__ = ["ReportFrames", "read_reports", "report_files"]

# Files read by one task, by default: a task of one to three seconds, whose overhead
# (scheduling, making three small DataFrames) is a few per cent of it. On two cores,
# 2,000 reports took 56 s in partitions of 20 files and 28 s in partitions of 100
# (benchmarks/cluster.py --files-per-partition 20 50 100; docs/dask.md).
FILES_PER_PARTITION = 100


class ReportFrames(NamedTuple):
    """The three relations of a run (govparse.batch.records), as Dask DataFrames:
    one row a file, one a figure (with ``value_text``: govparse.dask.columns), one a
    diagnostic. Compute them together (``dask.compute(*frames)``, or writes made with
    ``compute=False``): each file is then read once for all three."""

    reports: dask.dataframe.DataFrame
    figures: dask.dataframe.DataFrame
    diagnostics: dask.dataframe.DataFrame


def read_reports(paths_or_glob: str | os.PathLike | Iterable[str | os.PathLike], *,
                 mode: str = "lenient", max_bytes: int = DEFAULT_MAX_BYTES,
                 globs: tuple[str, ...] = (), files_per_partition: int | None = None,
                 storage_options: dict | None = None) -> ReportFrames:
    """Read many reports into three Dask DataFrames, lazily: nothing is read until
    they are computed, by the caller's scheduler.

    ``paths_or_glob``: a path, folder, glob or URL, or a list of them (fsspec URLs:
    ``s3://bucket/reports/**/*.pdf``; ``storage_options`` go to the filesystem).
    Folders are walked for the files govparse reads (those matching ``globs``
    instead); report ids are each file's place in the expansion, from 1
    (govparse.dask.paths), equal to the local run's. ``mode``: lenient, infer or
    strict; ``max_bytes``: the size limit of a file (GP003 past it).
    ``files_per_partition``: files read by one task (100 by default: fewer where a
    corpus is too small to give each of the cluster's threads a few partitions)."""
    from govparse.api import Mode

    options = Options(mode=Mode(getattr(mode, "value", mode)).value,
                      max_bytes=checked_limit(max_bytes), timeout=None)
    if files_per_partition is not None and (
            isinstance(files_per_partition, bool) or not isinstance(files_per_partition, int)
            or files_per_partition < 1):
        raise ValueError(f"files_per_partition must be a whole number from 1, "
                         f"not {files_per_partition!r}")
    files = report_files(paths_or_glob, globs=tuple(globs), storage_options=storage_options)
    results = dask.bag.from_sequence(
        files, partition_size=files_per_partition or FILES_PER_PARTITION).map(
        functools.partial(read_file, options=options))
    # optimize_graph=False: the three share the reading tasks, which fusing would
    # copy into each (every file then read three times)
    return ReportFrames(
        results.map(report_record).to_dataframe(
            meta=meta(REPORT_COLUMNS), optimize_graph=False),
        results.map(figure_records).flatten().to_dataframe(
            meta=meta(FIGURE_COLUMNS), optimize_graph=False),
        results.map(diagnostic_records).flatten().to_dataframe(
            meta=meta(DIAGNOSTIC_COLUMNS), optimize_graph=False))


def read_file(file: ReportFile, options: Options) -> FileResult:
    """One file's rows, on a worker: read by the local run's own function (no time
    limit: a worker runs it in a thread, where no alarm reaches)."""
    return read_one(file.report_id, file.name, options, opener=file.file.open).result
