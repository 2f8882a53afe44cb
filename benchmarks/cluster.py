"""A run on a Dask cluster against the local batch run, over the same generated
reports (benchmarks/batch.py writes them: the four layouts, a fifth on the 2019
template, a tenth with a missing figure or a broken total):

- local: ``govparse.parse_many(folder, jobs=N)``, its results taken as they come;
- dask, to pandas: ``govparse.dask.read_reports(folder)`` on a
  ``distributed.LocalCluster`` of N worker processes of one thread each, the three
  DataFrames computed together into the client;
- dask, to Parquet: the same, the three written as Parquet datasets (``to_parquet``
  with ``compute=False``, then one ``dask.compute``) — docs/dask.md's whole run.

The cluster's start (its workers importing govparse) is timed on its own. Each run
is checked to give the same number of reports, figures and diagnostics.

    .venv/bin/python benchmarks/cluster.py                  # 2,000 reports, 2 workers
    .venv/bin/python benchmarks/cluster.py --reports 10000 --workers 2"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from batch import write_folder  # noqa: E402


def local_run(root: Path, jobs: int) -> tuple[float, tuple[int, int, int]]:
    import govparse

    started = time.perf_counter()
    counts = [0, 0, 0]
    for result in govparse.parse_many([root], jobs=jobs, keep_reports=False):
        counts[0] += 1
        counts[1] += len(result.figures)
        counts[2] += len(result.diagnostics)
    return time.perf_counter() - started, tuple(counts)


def dask_to_pandas(root: Path, files_per_partition: int | None
                   ) -> tuple[float, tuple[int, int, int]]:
    import dask

    from govparse.dask import read_reports

    started = time.perf_counter()
    frames = dask.compute(*read_reports(root, files_per_partition=files_per_partition))
    return time.perf_counter() - started, tuple(len(frame) for frame in frames)


def dask_to_parquet(root: Path, out: Path) -> tuple[float, tuple[int, int, int]]:
    import dask
    import pandas as pd

    from govparse.dask import read_reports

    started = time.perf_counter()
    frames = read_reports(root)
    writes = [frame.to_parquet(out / name, compute=False, write_index=False)
              for name, frame in frames._asdict().items()]
    dask.compute(*writes)
    seconds = time.perf_counter() - started
    return seconds, tuple(len(pd.read_parquet(out / name)) for name in frames._fields)


def warm_up(root: Path) -> None:
    import dask

    from govparse.dask import read_reports

    first = sorted(root.iterdir())[0]
    dask.compute(*read_reports(sorted(first.iterdir())[:4], files_per_partition=2))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--files-per-partition", type=int, nargs="*", default=[None],
                        help="to pandas with each (default: read_reports' own)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="govparse-cluster-"))
    try:
        write_folder(root / "reports", args.reports, args.seed)
        print(f"{args.reports:,} reports; {len(os.sched_getaffinity(0))} cores")
        seconds, local = local_run(root / "reports", args.workers)
        line(f"local parse_many, jobs={args.workers}", seconds, args.reports, local)

        from distributed import Client, LocalCluster

        started = time.perf_counter()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1,
                          dashboard_address=":0") as cluster, Client(cluster):
            # the workers import govparse, pandas and pyarrow, and make the parser, once
            warm_up(root / "reports")
            print(f"LocalCluster of {args.workers} worker processes started and warmed up in "
                  f"{time.perf_counter() - started:.1f} s")
            runs = [(f"read_reports -> pandas, {size or 'default'} a partition",
                     lambda size=size: dask_to_pandas(root / "reports", size))
                    for size in args.files_per_partition]
            runs.append(("read_reports -> Parquet",
                         lambda: dask_to_parquet(root / "reports", root / "parquet")))
            for name, run in runs:
                seconds, counts = run()
                line(name, seconds, args.reports, counts)
                if counts != local:
                    print(f"  MISMATCH: {counts} rows, the local run {local}")
                    return 1
        return 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def line(name: str, seconds: float, reports: int, counts: tuple[int, int, int]) -> None:
    print(f"{name:<52} {seconds:6.1f} s  {reports / seconds:5.0f} reports/s  "
          f"({counts[0]:,} reports, {counts[1]:,} figures, {counts[2]:,} diagnostics)")


if __name__ == "__main__":
    raise SystemExit(main())
