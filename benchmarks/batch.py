"""A batch run's throughput and memory: `govparse parse FOLDER -o out.csv -q` over
generated reports, with --jobs 1 and --jobs 2, measured side by side.

    .venv/bin/python benchmarks/batch.py                   # 100,000 reports (~20 min)
    .venv/bin/python benchmarks/batch.py --reports 10000   # ~2 min
    make bench-batch BATCH_ARGS="--reports 10000"
    # before and after, taking turns, three more rounds (an earlier tree: git archive)
    .venv/bin/python benchmarks/batch.py --reports 6000 --rounds 3 \
        --source /tmp/before --source .

The reports: a pool of distinct generated reports (benchmarks/corpus.py: the four
layouts, a fifth on the 2019 template, a tenth with a missing figure or a broken
total) written again and again under new names until there are --reports files,
in folders of 1,000. Each run is a separate `govparse` process; its peak memory is
the largest resident set of that process and of each of its workers (getrusage of
the children: every process of the run), given too process by process: the run's
own and each worker's, as each wrote its own high-water mark (VmHWM) at its exit.
A process above them all that wrote none (killed, or neither the run nor a worker)
is said. Memory is measured on a tenth of the files and on all of them: it must
stay flat as the count grows.

Each line also gives the CPU time of the run's own process (its every thread; not
its workers') per report: the part of a run that does not scale with --jobs, and
a steadier figure than the time on a machine others use, and the load average
(os.getloadavg) when the run started. With --rounds N the pair of runs over all
the files is made N times (for each --source in turn, a tree whose govparse is run
instead of this checkout's), each ratio printed, then the median of them and of
the first pair's. Beside each ratio, the ratio the runs' CPU times bound on two
cores of their own (the workers' CPU time shared out over the jobs, the run's
process on a core, both together on two): on a machine others use, the measured
ratio is mostly the share of the cores the two runs got.

Targets (issue 18): --jobs 2 at least 1.7x the throughput of --jobs 1; peak
memory flat (the full run's within 1.25x of the tenth's)."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
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


# The run's own process: govparse's console script, which at its os._exit (the
# workers leave by it too) writes the CPU time of the process, all its threads, to
# the file named by GOVPARSE_BENCH_CPU; and each process of the run, the run's own
# and every worker, adds a line to the file named by GOVPARSE_BENCH_PEAKS: its role,
# pid and parent, and its own peak resident set (VmHWM, kB), as it leaves.
RUN = """\
import os, resource, sys
me, leave = os.getpid(), os._exit
def _peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def _exit(status):
    try:
        role = "run" if os.getpid() == me else "worker"
        with open(os.environ["GOVPARSE_BENCH_PEAKS"], "a") as out:
            out.write(f"{role} {os.getpid()} {os.getppid()} {_peak()}\\n")
        if os.getpid() == me:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            with open(os.environ["GOVPARSE_BENCH_CPU"], "w") as out:
                out.write(f"{usage.ru_utime + usage.ru_stime} {sys.modules['govparse'].__file__}")
    finally:
        leave(status)
os._exit = _exit
sys.argv = ["govparse", *sys.argv[1:]]
from govparse.console import main
main()
"""

# Each run in a process of its own, whose children's peak memory is this run's.
TIMER = """\
import resource, subprocess, sys, time
t = time.perf_counter()
status = subprocess.run(sys.argv[1:]).returncode
t = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(t, status, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime)
"""


class Timed:
    def __init__(self, seconds: float, status: int, peak: int, parent_cpu: float,
                 workers_cpu: float, files: int, load: float,
                 peaks: list[tuple[str, int, int, int]] = ()) -> None:
        self.seconds, self.status, self.peak = seconds, status, peak
        self.parent_cpu, self.workers_cpu = parent_cpu, workers_cpu
        self.files, self.load = files, load
        self.peaks = list(peaks)  # (role, pid, parent's pid, own peak in kB) a process

    @property
    def run_peak(self) -> float | None:
        """The run's own process's peak resident set, MB (its VmHWM as it left)."""
        mine = [kb for role, _, _, kb in self.peaks if role == "run"]
        return max(mine) / 1024 if mine else None

    @property
    def worker_peaks(self) -> list[float]:
        """Each worker's own peak resident set, MB, in the order they left."""
        return [kb / 1024 for role, _, _, kb in self.peaks if role == "worker"]

    @property
    def unaccounted(self) -> bool:
        """Whether the children's peak (getrusage: every process of the run ever waited
        for) is above every peak the run's processes wrote, by more than a MB (the
        kernel's counts of a process's pages are read to within a few hundred kB): a
        process that left without its os._exit (killed), or one that is neither the
        run nor a worker."""
        recorded = max((kb for *_, kb in self.peaks), default=0) / 1024
        return self.peak > recorded + 1

    @property
    def rate(self) -> float:
        return self.files / self.seconds

    def busy(self, jobs: int, cores: int = 2) -> float:
        """The time the run would take on ``cores`` cores of its own, bound by its CPU
        time: the workers' share out over ``jobs`` cores, the run's process has one,
        and together they have ``cores``."""
        return max(self.workers_cpu / jobs, self.parent_cpu,
                   (self.workers_cpu + self.parent_cpu) / min(cores, jobs + 1))


def timed_run(paths: list[Path], jobs: int, out: Path, source: Path | None) -> Timed:
    """One run: its time, exit status, peak memory (MB, the run and its workers), the
    CPU time of its own process, and the load average as it started."""
    cpu_file, peaks_file = out.with_suffix(".cpu"), out.with_suffix(".peaks")
    peaks_file.unlink(missing_ok=True)
    env = dict(os.environ, GOVPARSE_BENCH_CPU=str(cpu_file),
               GOVPARSE_BENCH_PEAKS=str(peaks_file))
    if source is not None:
        env["PYTHONPATH"] = str(source)
    command = [sys.executable, "-c", RUN, "parse", *map(str, paths), "-o", str(out), "-q",
               "-j", str(jobs)]
    load = os.getloadavg()[0]
    # run from the output's folder: `python -c` looks for modules in the current folder
    # first, where a checkout's govparse would come before the one of PYTHONPATH
    done = subprocess.run([sys.executable, "-c", TIMER, *command], capture_output=True,
                          text=True, check=True, env=env, cwd=out.parent)
    seconds, status, peak, cpu = done.stdout.split()
    parent_cpu, module = cpu_file.read_text().split(" ", 1)
    cpu_file.unlink()
    peaks = []
    for line in peaks_file.read_text().splitlines():
        role, pid, ppid, kb = line.split()
        peaks.append((role, int(pid), int(ppid), int(kb)))
    peaks_file.unlink()
    if source is not None and not Path(module).is_relative_to(source):
        raise SystemExit(f"govparse was imported from {module}, not from {source}")
    files = sum(len(os.listdir(p)) for p in paths)
    return Timed(float(seconds), int(status), int(peak), float(parent_cpu),
                 float(cpu) - float(parent_cpu), files, load, peaks)


def ratio(one: Timed, two: Timed, label: str) -> tuple[float, float]:
    """The throughput of --jobs 2 over --jobs 1, as measured and as their CPU times
    bound it on two cores of their own (on a machine others use, the first is the
    share of the cores the runs got)."""
    measured, bound = two.rate / one.rate, one.busy(1) / two.busy(2)
    print(f"{label}--jobs 2 / --jobs 1 throughput: {measured:.2f}x (bound by CPU time on 2 "
          f"free cores: {bound:.2f}x)")
    return measured, bound


def show(jobs: int, run: Timed, label: str = "") -> None:
    print(f"{label}--jobs {jobs}, {run.files:>7,} files: {run.seconds:7.1f} s, "
          f"{run.rate:6.0f} reports/s, CPU/report: run's process "
          f"{1000 * run.parent_cpu / run.files:.3f} ms, workers "
          f"{1000 * run.workers_cpu / run.files:.2f} ms; peak memory {run.peak} MB "
          f"({peaks_said(run)}), load {run.load:.2f} (exit {run.status})")


def peaks_said(run: Timed) -> str:
    """Each process's own peak: the run's process, then each worker's."""
    run_peak = f"{run.run_peak:.1f}" if run.run_peak is not None else "?"
    workers = " + ".join(f"{mb:.1f}" for mb in run.worker_peaks) or "none"
    said = f"run's process {run_peak}, workers {workers}"
    if run.unaccounted:
        said += f"; a process that wrote no peak reached {run.peak} MB"
    return said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--keep", metavar="DIR", help="write the reports here and keep them")
    parser.add_argument("--rounds", type=int, default=0,
                        help="more runs over all the files with --jobs 1 and 2, the sources "
                             "taking turns")
    parser.add_argument("--source", action="append", type=Path, metavar="DIR",
                        help="run the govparse of this source tree (repeatable: in turn)")
    args = parser.parse_args()
    sources = [s.resolve() for s in args.source] if args.source else [None]
    root = Path(args.keep).resolve() if args.keep else \
        Path(tempfile.mkdtemp(prefix="govparse-batch-"))
    try:
        started = time.perf_counter()
        if not (root / "000").exists():
            write_folder(root, args.reports, args.seed)
        folders = sorted(p for p in root.iterdir() if p.is_dir())
        files = sum(len(os.listdir(p)) for p in folders)
        print(f"{files:,} reports in {root} ({time.perf_counter() - started:.0f} s to "
              f"write); {os.cpu_count()} cores")
        tenth = folders[:max(1, len(folders) // 10)]
        out = root.parent / f"{root.name}-out.csv"
        ok = True
        ratios: dict = {source: [] for source in sources}
        for source in sources:
            label = f"[{source}] " if source is not None else ""
            growth, pair = [], []
            for jobs in (1, 2):
                small = timed_run(tenth, jobs, out, source)
                show(jobs, small, label)
                whole = timed_run(folders, jobs, out, source)
                show(jobs, whole, label)
                growth.append(whole.peak / small.peak)
                pair.append(whole)
            ratios[source].append(ratio(*pair, label))
            print(f"{label}peak memory, all files / a tenth: {max(growth):.2f}x (target ≤ "
                  f"{MEMORY_GROWTH_LIMIT}x, flat): "
                  f"{'PASS' if max(growth) <= MEMORY_GROWTH_LIMIT else 'FAIL'}")
            ok = ok and max(growth) <= MEMORY_GROWTH_LIMIT
        for round in range(2, args.rounds + 2):
            for source in sources:
                label = f"[{source}] " if source is not None else ""
                one = timed_run(folders, 1, out, source)
                show(1, one, f"round {round} {label}")
                two = timed_run(folders, 2, out, source)
                show(2, two, f"round {round} {label}")
                ratios[source].append(ratio(one, two, f"round {round} {label}"))
        out.unlink(missing_ok=True)
        for source in sources:
            label = f"[{source}] " if source is not None else ""
            speedup = statistics.median(r for r, _ in ratios[source])
            bound = statistics.median(b for _, b in ratios[source])
            print(f"\n{label}--jobs 2 / --jobs 1 throughput: {speedup:.2f}x, the median of "
                  f"{len(ratios[source])} (target ≥ {SPEEDUP_TARGET}x): "
                  f"{'PASS' if speedup >= SPEEDUP_TARGET else 'FAIL'}; bound by their CPU "
                  f"time on 2 free cores: {bound:.2f}x")
            ok = ok and speedup >= SPEEDUP_TARGET
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
