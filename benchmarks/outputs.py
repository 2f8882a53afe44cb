"""The batch outputs' writers alone: how fast each format is written, and whether its
memory stays flat as a run grows.

    .venv/bin/python benchmarks/outputs.py                       # 1,000 and 4,000 reports
    .venv/bin/python benchmarks/outputs.py --reports 2000 8000 --formats parquet sqlite

Each (format, count) is written in a fresh process from one report of each template
read once and numbered on (the results are made as they are written, never held), so
that the process's peak resident memory is the writer's plus the interpreter's and
the libraries'. Flat memory: the peak for the larger count about that of the smaller.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples")
FORMATS = ("csv", "jsonl", "parquet", "sqlite", "duckdb", "xlsx")


def child(format: str, count: int, folder: str) -> dict:
    """Write ``count`` results in ``format``; the seconds and the peak memory."""
    import resource

    import govparse
    from govparse.batch.outputs import NEEDS_MODEL, open_writer
    from govparse.batch.rows import result_of

    keep_model = format in NEEDS_MODEL
    reports = [govparse.parse_file(os.path.join(EXAMPLES, name))
               for name in ("report-2024-tab.txt", "report-2020-tab.txt")]
    path = os.path.join(folder, f"run.{format}")
    start = time.perf_counter()
    writer = open_writer(path, format)
    try:
        for i in range(1, count + 1):
            writer.add(result_of(i, f"reports/{i:06d}.txt", sha256=f"{i:064x}", format="text",
                                 report=reports[i % 2], keep_model=keep_model))
    finally:
        writer.close()
    seconds = time.perf_counter() - start
    return {"format": format, "reports": count, "seconds": round(seconds, 2),
            "reports_per_second": round(count / seconds),
            "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "file_mib": round(os.path.getsize(path) / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        with tempfile.TemporaryDirectory() as folder:
            print(json.dumps(child(args.child[0], int(args.child[1]), folder)))
        return
    print(f"{'format':<8} {'reports':>8} {'seconds':>8} {'reports/s':>10} {'peak MiB':>9} "
          f"{'file MiB':>9}")
    for format in args.formats:
        for count in args.reports:
            out = subprocess.run([sys.executable, __file__, "--child", format, str(count)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            print(f"{r['format']:<8} {r['reports']:>8} {r['seconds']:>8} "
                  f"{r['reports_per_second']:>10} {r['peak_mib']:>9} {r['file_mib']:>9}",
                  flush=True)


if __name__ == "__main__":
    main()
