"""A batch run's throughput and memory: `govparse parse FOLDER -o out.csv -q` over
generated reports, with --jobs 1 and --jobs 2, measured side by side.

    .venv/bin/python benchmarks/batch.py                   # 100,000 reports (~20 min)
    .venv/bin/python benchmarks/batch.py --reports 10000   # ~2 min
    make bench-batch BATCH_ARGS="--reports 10000"

The reports: a pool of distinct generated reports (benchmarks/corpus.py: the four
layouts, a fifth on the 2019 template, a tenth with a missing figure or a broken
total) written again and again under new names until there are --reports files,
in folders of 1,000. Each run is a separate `govparse` process; its peak memory is
the largest resident set of that process and of each of its workers (getrusage of
the children). Memory is measured on a tenth of the files and on all of them: it
must stay flat as the count grows.

Targets (issue 18): --jobs 2 at least 1.7x the throughput of --jobs 1; peak
memory flat (the full run's within 1.25x of the tenth's)."""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import build_corpus  # noqa: E402

SPEEDUP_TARGET = 1.7
MEMORY_GROWTH_LIMIT = 1.25
POOL = 400  # distinct reports, written again under new names


def write_folder(root: Path, count: int, seed: int) -> None:
    texts = [item.text.encode("utf-8") for item in build_corpus(POOL, seed)
             if item.group != "reference"]
    rng = random.Random(seed)
    for i in range(count):
        folder = root / f"{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"report-{i:06d}.txt").write_bytes(rng.choice(texts))


def timed_run(paths: list[Path], jobs: int, out: Path) -> tuple[float, int, int]:
    """(seconds, exit status, peak resident memory in MB of the run and its workers)."""
    command = [sys.executable, "-m", "govparse", "parse", *map(str, paths), "-o", str(out),
               "-q", "-j", str(jobs)]
    # each run in a process of its own, whose children's peak memory is this run's
    code = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "status = subprocess.run(sys.argv[1:]).returncode\n"
            "t = time.perf_counter() - t\n"
            "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
            "print(t, status, peak)\n")
    done = subprocess.run([sys.executable, "-c", code, *command], capture_output=True,
                          text=True, check=True)
    seconds, status, peak = done.stdout.split()
    return float(seconds), int(status), int(peak)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--keep", metavar="DIR", help="write the reports here and keep them")
    args = parser.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="govparse-batch-"))
    try:
        started = time.perf_counter()
        if not (root / "000").exists():
            write_folder(root, args.reports, args.seed)
        print(f"{args.reports:,} reports in {root} ({time.perf_counter() - started:.0f} s to "
              f"write); {os.cpu_count()} cores")
        folders = sorted(p for p in root.iterdir() if p.is_dir())
        tenth = folders[:max(1, len(folders) // 10)]
        out = root.parent / f"{root.name}-out.csv"
        results = {}
        for jobs in (1, 2):
            for name, paths in (("tenth", tenth), ("all", folders)):
                seconds, status, peak = timed_run(paths, jobs, out)
                files = sum(len(os.listdir(p)) for p in paths)
                results[jobs, name] = (seconds, files, peak)
                print(f"--jobs {jobs}, {files:>7,} files: {seconds:7.1f} s, "
                      f"{files / seconds:6.0f} reports/s, peak memory {peak} MB "
                      f"(exit {status})")
        out.unlink(missing_ok=True)
        speedup = (results[1, "all"][0] / results[1, "all"][1]) / \
                  (results[2, "all"][0] / results[2, "all"][1])
        growth = max(results[j, "all"][2] / results[j, "tenth"][2] for j in (1, 2))
        print(f"\n--jobs 2 / --jobs 1 throughput: {speedup:.2f}x (target ≥ {SPEEDUP_TARGET}x): "
              f"{'PASS' if speedup >= SPEEDUP_TARGET else 'FAIL'}")
        print(f"peak memory, all files / a tenth: {growth:.2f}x (target ≤ "
              f"{MEMORY_GROWTH_LIMIT}x, flat): {'PASS' if growth <= MEMORY_GROWTH_LIMIT else 'FAIL'}")
        return 0 if speedup >= SPEEDUP_TARGET and growth <= MEMORY_GROWTH_LIMIT else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
