"""govparse against the floor: parse, parse + validation, cold start, peak memory.

    .venv/bin/python benchmarks/bench.py              # a few thousand reports, ~2-3 minutes
    .venv/bin/python benchmarks/bench.py --quick      # a smaller corpus, under 30 s
    .venv/bin/python benchmarks/bench.py --reports 4000 --repeats 5 --json out.json

Everything is measured in one run and one process (cold start in subprocesses of
the same run), so the ratios compare like with like on whatever machine runs it:

- floor: one regular-expression pass that splits each text into cells
  (``re.split`` at tabs, pipes and line ends): what merely reading the text costs;
- parse: ``govparse.parse(text)``;
- parse + validate: ``govparse.validate(govparse.parse(text))``;
- cold start: ``govparse parse FILE`` on a reference report against ``python -c pass``;
- peak memory: tracemalloc's peak while parsing a ~1 MB input, against its size.

Throughput is per core: a single process on a single thread. Each figure is the
median of several timed passes over the whole corpus, after a warm-up pass.
The targets (issue "Speed"): parse + validate at most 40x the floor; cold start at
most 8x ``python -c pass``; peak memory under 50x the input's size.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import tempfile
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import govparse  # noqa: E402
from corpus import BENCH_LAYOUTS, ROOT, SEEDS, build_corpus, megabyte_input  # noqa: E402

MIN_CALLS = 100  # calls per group and pass, at least
WARM_UP = 300  # reports in the untimed warm-up pass (and round-trip check)
TARGETS = {"parse+validate": 40.0, "cold start": 8.0, "peak memory": 50.0}
GROUPS = ("reference",) + BENCH_LAYOUTS

# The floor: one pass of one compiled regular expression that splits a text into
# cells, the least any reader of these tables must do.
_CELLS = re.compile(r"[\t|｜\n]")


def floor(text: str):
    return _CELLS.split(text)


def parse_only(text: str):
    return govparse.parse(text)


def parse_validate(text: str):
    return govparse.validate(govparse.parse(text))


# ---------------------------------------------------------------- throughput


def timed_pass(fn, by_group: dict[str, list[str]], min_calls: int) -> dict[str, float]:
    """Wall seconds per group for one pass of fn over the corpus, and the pass's CPU
    seconds ('cpu'): under load from other processes the two part."""
    gc.collect()
    out = {}
    clock = time.perf_counter
    cpu = time.process_time()
    cpu_scaled = 0.0
    for group, texts in by_group.items():
        # A small group (the five reference reports) is run several times over and
        # its time divided back, so that its median means something.
        rounds = -(-min_calls // len(texts))
        group_cpu = time.process_time()
        start = clock()
        for _ in range(rounds):
            for text in texts:
                fn(text)
        out[group] = (clock() - start) / rounds
        spent = time.process_time() - group_cpu
        out["cpu:" + group] = spent / rounds
        cpu_scaled += spent * (1 / rounds - 1)
    out["cpu"] = time.process_time() - cpu + cpu_scaled
    return out


def measure(fns: dict, by_group, repeats: int, min_calls: int, floor_passes: int = 5
            ) -> dict[str, dict]:
    """Median seconds per group, per pass ('all') and CPU per pass ('cpu'). The
    functions take turns, pass by pass, so that they see the same machine; the
    floor, being quick, runs floor_passes times a turn."""
    passes: dict[str, list] = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            for _ in range(floor_passes if name == "floor" else 1):
                passes[name].append(timed_pass(fn, by_group, min_calls))
    out = {}
    for name, runs in passes.items():
        result = {g: statistics.median(p[g] for p in runs) for g in by_group}
        result["all"] = statistics.median(sum(p[g] for g in by_group) for p in runs)
        result["cpu"] = statistics.median(p["cpu"] for p in runs)
        for g in by_group:
            result["cpu:" + g] = statistics.median(p["cpu:" + g] for p in runs)
        out[name] = result
    return out


def warm_up(items) -> tuple[int, Counter, Counter]:
    """One untimed pass: fills caches, and checks that each generated text parses
    back to the figures it was printed from (a broken corpus measures nothing)."""
    mismatches = 0
    parse_codes: Counter = Counter()
    check_codes: Counter = Counter()
    for item in items:
        report = govparse.parse(item.text)
        parse_codes.update(d.code for d in report.diagnostics)
        check_codes.update(d.code for d in govparse.validate(report))
        if item.model is not None and any(
            getattr(report, t) != getattr(item.model, t)
            for t in ("active_disclosure", "applications", "review_litigation")
        ):
            mismatches += 1
    return mismatches, parse_codes, check_codes


# ---------------------------------------------------------------- cold start


def wall_times(argv: list[str], runs: int, env: dict | None = None) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of a command, after a warm-up run."""
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def bytecode_env(prefix: str) -> dict:
    """An environment in which Python writes and reads bytecode (under ``prefix``),
    as a pip-installed govparse runs; this sandbox sets PYTHONDONTWRITEBYTECODE and an
    editable install has no .pyc of its own, so every start compiles govparse."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = prefix
    return env


def bytecode_is_fresh() -> bool:
    """Whether every module of govparse has its .pyc beside it, newer than the source."""
    from importlib.util import cache_from_source

    for source in Path(govparse.__file__).parent.rglob("*.py"):
        compiled = Path(cache_from_source(str(source)))
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            return False
    return True


def venv_bin(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


_STAGES = r"""
import gc, json, sys, time
gc.disable()  # as the console script does (govparse/console.py)
t0 = time.perf_counter()
import govparse.cli
t1 = time.perf_counter()
import govparse.cli.parse_cmd, govparse.emit.listing
t2 = time.perf_counter()
from govparse.frontends.text.grammar import lark_parser
lark_parser()
t3 = time.perf_counter()
from govparse.api import parse_file
parse_file(sys.argv[1])
t4 = time.perf_counter()
print(json.dumps({"import govparse.cli": t1 - t0, "import parse_cmd": t2 - t1,
                  "lark_parser() (tables)": t3 - t2, "first parse_file": t4 - t3}))
"""


def cold_start_stages(python: str, path: str, runs: int, env=None) -> dict[str, float]:
    """Median seconds of each stage of a cold `govparse parse`, measured in-process."""
    samples = [json.loads(subprocess.run([python, "-c", _STAGES, path], capture_output=True,
                                         text=True, check=True, env=env).stdout)
               for _ in range(runs)]
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]}


def import_offenders(python: str, script: str, path: str, top: int, env=None):
    """`python -X importtime` of `govparse parse FILE`: the imports at the top, by
    cumulative time; every package by the time its imports took when something
    outside it imported it; and modules by their own (self) time."""
    proc = subprocess.run([python, "-X", "importtime", script, "parse", path],
                          capture_output=True, text=True, env=env)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:"):].split("|", 2)
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((name.strip(), int(self_us), int(cumulative), depth))
    # The output is in post-order (a module after what it imported): walk it backwards
    # to find each module's importer.
    packages: Counter = Counter()
    ancestors: dict[int, str] = {}
    for name, _self, cumulative, depth in reversed(rows):
        ancestors[depth] = name
        parent = ancestors.get(depth - 1) if depth else None
        root = name.split(".")[0]
        if parent is None or parent.split(".")[0] != root:
            packages[root] += cumulative
    top_level = sorted((r for r in rows if r[3] == 0), key=lambda r: -r[2])
    by_self = sorted(rows, key=lambda r: -r[1])
    total = sum(r[2] for r in top_level) / 1e6
    return top_level[:top], packages, by_self[:top], total


# ---------------------------------------------------------------- memory


def peak_memory(text: str) -> tuple[int, float]:
    """tracemalloc's peak (bytes) while parsing text, and the parse's seconds without it."""
    gc.collect()
    start = time.perf_counter()
    govparse.parse(text)
    seconds = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    govparse.parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, seconds


# ---------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=None,
                    help="generated reports (spread over the 6 layouts); default 2000, "
                         "--quick 100")
    ap.add_argument("--quick", action="store_true", help="small corpus, fewer runs: < 30 s")
    ap.add_argument("--repeats", type=int, default=None, help="timed passes (median); default 3")
    ap.add_argument("--cold-runs", type=int, default=None,
                    help="runs of each cold-start command; default 10, --quick 4")
    ap.add_argument("--megabytes", type=float, default=None,
                    help="size of the memory input in MB; default 1, --quick 0.25")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--skip-cold", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    generated = args.reports if args.reports is not None else (100 if args.quick else 2000)
    repeats = args.repeats or 3
    cold_runs = args.cold_runs or (4 if args.quick else 10)
    megabytes = args.megabytes or (0.25 if args.quick else 1.0)
    results: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    started = time.perf_counter()

    # ------------------------------------------------ corpus
    t = time.perf_counter()
    items = build_corpus(generated, args.seed)
    by_group = {g: [i.text for i in items if i.group == g] for g in GROUPS}
    by_group = {g: v for g, v in by_group.items() if v}
    counts = {g: len(v) for g, v in by_group.items()}
    sizes = {g: statistics.mean(len(x.encode("utf-8")) for x in v) for g, v in by_group.items()}
    total_bytes = sum(len(i.text.encode("utf-8")) for i in items)
    print(f"govparse benchmark: Python {results['python']}, {results['cpus']} CPUs, "
          f"one process, one core")
    print(f"corpus: {len(items)} reports, {total_bytes / 1e6:.1f} MB, built in "
          f"{time.perf_counter() - t:.1f} s (seed {args.seed})")
    for g in by_group:
        print(f"  {g:<10} {counts[g]:>5} reports, mean {sizes[g] / 1000:.1f} kB")

    # ------------------------------------------------ warm-up
    t = time.perf_counter()
    sample = items[:WARM_UP]
    mismatches, parse_codes, check_codes = warm_up(sample)
    print(f"warm-up pass over {len(sample)} reports: {time.perf_counter() - t:.1f} s; "
          f"round-trip mismatches: {mismatches}"
          f"; diagnostics: {sum(parse_codes.values())} from parse, "
          f"{sum(check_codes.values())} from validate")
    results["corpus"] = {"reports": len(items), "bytes": total_bytes, "groups": counts,
                         "round_trip_mismatches": mismatches}

    # ------------------------------------------------ throughput
    print(f"\nthroughput: median of {repeats} timed passes over the corpus (floor: {5 * repeats}),"
          " taking turns")
    measured = measure({"floor": floor, "parse": parse_only, "parse+validate": parse_validate},
                       by_group, repeats, 25 if args.quick else MIN_CALLS)
    base = measured["floor"]["all"]
    print(f"  {'':<16}{'reports/s/core':>15}{'ms/report':>11}{'CPU ms':>8}{'MB/s':>8}"
          f"{'x floor':>9}{'x floor CPU':>13}")
    for name, m in measured.items():
        per_s = len(items) / m["all"]
        print(f"  {name:<16}{per_s:>15,.0f}{1000 * m['all'] / len(items):>11.3f}"
              f"{1000 * m['cpu'] / len(items):>8.3f}{total_bytes / m['all'] / 1e6:>8.2f}"
              f"{m['all'] / base:>9.1f}{m['cpu'] / measured['floor']['cpu']:>13.1f}")
    for clock_name, key in (("wall", ""), ("CPU", "cpu:")):
        print(f"  by group, {clock_name} ms/report (x floor):")
        print("  " + " " * 16 + "".join(f"{g:>17}" for g in by_group))
        for name, m in measured.items():
            cells = "".join(
                f"{1000 * m[key + g] / counts[g]:>9.3f} "
                f"({m[key + g] / measured['floor'][key + g]:>5.1f})"
                for g in by_group)
            print(f"  {name:<16}{cells}")
    results["throughput"] = {
        name: {"seconds_per_pass": m["all"], "reports_per_s": len(items) / m["all"],
               "ms_per_report": 1000 * m["all"] / len(items), "ratio_to_floor": m["all"] / base,
               "cpu_ms_per_report": 1000 * m["cpu"] / len(items),
               "by_group_ms": {g: 1000 * m[g] / counts[g] for g in by_group},
               "by_group_cpu_ms": {g: 1000 * m["cpu:" + g] / counts[g] for g in by_group}}
        for name, m in measured.items()
    }
    busy = measured["parse"]["all"] / measured["parse"]["cpu"]
    if busy > 1.2:
        print(f"  note: wall time is {busy:.2f}x CPU time: other processes share this machine, "
              "so the CPU columns are the steadier figures")
    pv_ratio = measured["parse+validate"]["all"] / base
    ref_ratio = measured["parse+validate"]["reference"] / measured["floor"]["reference"]

    # ------------------------------------------------ cold start
    cold_ratio = cold_ratio_as_is = None
    reference = str(sorted(SEEDS.glob("*.txt"))[0])
    if not args.skip_cold:
        python, script = venv_bin("python"), venv_bin("govparse")
        print(f"\ncold start: median of {cold_runs} runs after a warm-up run; wall ms (CPU ms)")
        cold = {}
        with tempfile.TemporaryDirectory(prefix="govparse-pycache-") as prefix:
            envs = {"as is": None, "bytecode": bytecode_env(prefix)}
            print("  'as is': this checkout as it stands; 'bytecode': with .pyc files that Python "
                  "writes itself (PYTHONPYCACHEPREFIX)")
            if not bytecode_is_fresh():
                print("  (govparse's own bytecode is missing or stale: with PYTHONDONTWRITEBYTECODE "
                      "set, every\n  start 'as is' compiles its source; `make bytecode` compiles "
                      "it, as pip does when it installs)")
            for label, env in envs.items():
                py_wall, py_cpu = wall_times([python, "-c", "pass"], cold_runs, env)
                cli_wall, cli_cpu = wall_times([script, "parse", reference], cold_runs, env)
                cold[label] = {"python_pass_ms": 1000 * py_wall, "python_pass_cpu_ms": 1000 * py_cpu,
                               "govparse_parse_ms": 1000 * cli_wall,
                               "govparse_parse_cpu_ms": 1000 * cli_cpu,
                               "ratio": cli_wall / py_wall, "cpu_ratio": cli_cpu / py_cpu}
                print(f"  {label:<9} python -c pass {1000 * py_wall:7.1f} ({1000 * py_cpu:6.1f})"
                      f"   govparse parse {Path(reference).name} {1000 * cli_wall:7.1f} "
                      f"({1000 * cli_cpu:6.1f})   ratio {cli_wall / py_wall:5.1f}x "
                      f"(CPU {cli_cpu / py_cpu:5.1f}x)")
            cold_ratio = cold["bytecode"]["ratio"]
            cold_ratio_as_is = cold["as is"]["ratio"]
            stages = cold_start_stages(python, reference, max(3, cold_runs // 2), envs["bytecode"])
            print("  where the time goes (in-process, with bytecode, medians):")
            for stage, seconds in stages.items():
                print(f"    {stage:<30}{1000 * seconds:8.1f} ms")
            top_level, packages, by_self, import_total = import_offenders(
                python, script, reference, 8, envs["bytecode"])
        print(f"  python -X importtime (with bytecode): {1000 * import_total:.0f} ms of imports "
              "in all (importtime itself slows them)")
        print(f"    {'top-level import':<26}{'cum ms':>7}   {'package':<14}{'cum ms':>7}   "
              f"{'module':<28}{'self ms':>7}")
        for (tname, _s, tcum, _d), (pname, pcum), (mname, mself, _c, _d2) in zip(
                top_level + [("", 0, 0, 0)] * 8, packages.most_common(8), by_self):
            left = f"{tname:<26}{tcum / 1000:>7.1f}" if tname else " " * 33
            print(f"    {left}   {pname:<14}{pcum / 1000:>7.1f}   {mname:<28}{mself / 1000:>7.1f}")
        results["cold_start"] = {
            **cold,
            "stages_ms": {k: 1000 * v for k, v in stages.items()},
            "imports_ms": {n: c / 1000 for n, c in packages.most_common(15)},
        }

    # ------------------------------------------------ memory
    mem_ratio = None
    if not args.skip_memory:
        text = megabyte_input(int(megabytes * (1 << 20)))
        size = len(text.encode("utf-8"))
        peak, seconds = peak_memory(text)
        mem_ratio = peak / size
        print(f"\npeak memory: parse of a {size / 1e6:.2f} MB input ({text.count(chr(10))} lines)")
        print(f"  parse time {seconds:.2f} s ({size / seconds / 1e6:.2f} MB/s); tracemalloc peak "
              f"{peak / 1e6:.1f} MB = {mem_ratio:.1f}x the input's UTF-8 size")
        results["memory"] = {"input_bytes": size, "peak_bytes": peak, "ratio": mem_ratio,
                             "parse_seconds": seconds}

    # ------------------------------------------------ summary
    print("\nsummary: wall-clock and CPU-time ratios (CPU time is steadier when other processes"
          " share the machine);\n  a target passes when both are within its limit")
    print(f"  {'target':<58}{'measured':>9}{'CPU':>8}{'limit':>7}  result")

    def line(what, ratio, cpu, limit, ok):
        cpu_text = f"{cpu:7.1f}x" if cpu is not None else " " * 8
        print(f"  {what:<58}{ratio:>8.1f}x{cpu_text}{limit:>6.0f}x  {verdict(ok)}")

    limit = TARGETS["parse+validate"]
    pv_cpu = measured["parse+validate"]["cpu"] / measured["floor"]["cpu"]
    ref_cpu = measured["parse+validate"]["cpu:reference"] / measured["floor"]["cpu:reference"]
    line("parse + validate / floor (whole corpus)", pv_ratio, pv_cpu, limit,
         max(pv_ratio, pv_cpu) <= limit)
    line("parse + validate / floor (reference reports)", ref_ratio, ref_cpu, limit,
         max(ref_ratio, ref_cpu) <= limit)
    if cold_ratio is not None:
        limit = TARGETS["cold start"]
        for label, key in (("with bytecode", "bytecode"), ("as is", "as is")):
            ratio = cold[key]["ratio"]
            line(f"cold start: govparse parse / python -c pass ({label})", ratio,
                 cold[key]["cpu_ratio"], limit, max(ratio, cold[key]["cpu_ratio"]) <= limit)
    if mem_ratio is not None:
        limit = TARGETS["peak memory"]
        line(f"peak memory / input size ({megabytes:g} MB input)", mem_ratio, None, limit,
             mem_ratio < limit)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    results["summary"] = {"parse_validate_ratio": pv_ratio, "parse_validate_cpu_ratio": pv_cpu,
                          "reference_ratio": ref_ratio, "reference_cpu_ratio": ref_cpu,
                          "cold_start_ratio": cold_ratio, "cold_start_ratio_as_is": cold_ratio_as_is,
                          "memory_ratio": mem_ratio}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
